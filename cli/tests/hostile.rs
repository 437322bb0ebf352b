//! `wasm-manifests check` on inputs written to trip it up: file names with
//! escape sequences, line breaks or bytes that are not UTF-8, an oversized
//! standard input, deeply nested manifests on several threads.

mod support;

use support::*;

/// A folder name that clears the screen, and one with a line break that
/// forges a line of output.
const CLEAR: &str = "evil\u{1b}[2J";
const FORGED: &str = "two\nerror: forged";

fn hostile_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            (&format!("{CLEAR}/wasmer.toml"), WASMER_ERRORS.as_bytes()),
            (&format!("{FORGED}/wasmer.toml"), WASMER_WARNINGS.as_bytes()),
        ],
    );
    dir
}

#[test]
fn names_with_control_characters_are_escaped_for_people() {
    let project = hostile_project();
    let run = run_in(project.path(), &["check", "--color", "never"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(!run.stdout.contains("\nerror: forged"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("  --> \"evil\\u{1b}[2J/wasmer.toml\":12:8\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(" --> \"two\\nerror: forged/wasmer.toml\":5:11\n"),
        "{}",
        run.stdout
    );

    // One line per diagnostic, whatever the name holds.
    let concise = run_in(project.path(), &["check", "--output", "concise"], None);
    assert_eq!(concise.code, 1, "{concise:?}");
    assert!(!concise.stdout.contains('\u{1b}'), "{}", concise.stdout);
    let lines: Vec<&str> = concise.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        4 + 3,
        "four diagnostics, the summary, what `--fix` would do, the next step: {lines:?}"
    );
    assert!(
        lines[0]
            .starts_with("\"evil\\u{1b}[2J/wasmer.toml\":12:8: error[wasmer/duplicate-module] "),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("\"two\\nerror: forged/wasmer.toml\":2:8: warning["),
        "{lines:?}"
    );

    let listed = run_in(project.path(), &["check", "--list-files"], None);
    assert_eq!(
        listed.stdout,
        "\"evil\\u{1b}[2J/wasmer.toml\"\twasmer\n\"two\\nerror: forged/wasmer.toml\"\twasmer\n",
        "{listed:?}"
    );

    // Problems on standard error too.
    let missing = format!("{CLEAR}/missing.toml");
    let run = run_in(project.path(), &["check", &missing], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read `\"evil\\u{1b}[2J/missing.toml\"`: "),
        "{run:?}"
    );
    let empty = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(empty.path().join(CLEAR)).expect("mkdir");
    let run = run_in(empty.path(), &["check", CLEAR], None);
    assert_eq!(
        run.stderr, "warning: no manifest found in `\"evil\\u{1b}[2J\"`\n",
        "{run:?}"
    );
}

#[test]
fn machine_outputs_keep_the_real_names() {
    let project = hostile_project();
    let run = run_in(project.path(), &["check", "--output", "json"], None);
    let checked = json_files(&run.stdout);
    let files: std::collections::BTreeSet<&str> = checked.iter().map(String::as_str).collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            format!("{CLEAR}/wasmer.toml").as_str(),
            &format!("{FORGED}/wasmer.toml")
        ]
    );
    let run = run_in(project.path(), &["check", "--output", "sarif"], None);
    assert!(
        run.stdout.contains("\"uri\": \"evil%1B%5B2J/wasmer.toml\""),
        "{}",
        run.stdout
    );
    // GitHub's own escapes: a line break cannot start another command.
    let run = run_in(project.path(), &["check", "--output", "github"], None);
    assert!(
        run.stdout
            .contains("file=two%0Aerror%3A forged/wasmer.toml,"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_checked_and_shown_with_escapes() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temporary folder");
    // Two names that differ only where they are not UTF-8 (both read as
    // `caf\u{fffd}.toml`), found only by their content.
    for name in [&b"caf\xe9.toml"[..], b"caf\xe8.toml"] {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&path, WASMER_ERRORS).is_err() {
            println!("notice: this file system refuses non-UTF-8 names; skipping");
            return;
        }
    }
    let listed = run_in(dir.path(), &["check", "--list-files"], None);
    assert_eq!(
        listed.stdout, "\"caf\\xe8.toml\"\twasmer\n\"caf\\xe9.toml\"\twasmer\n",
        "{listed:?}"
    );
    let run = run_in(dir.path(), &["check", "--color", "never"], None);
    assert_eq!(run.code, 1, "{run:?}");
    for name in ["caf\\xe8.toml", "caf\\xe9.toml"] {
        let header = format!("  --> \"{name}\":12:8\n");
        assert!(run.stdout.contains(&header), "{}", run.stdout);
    }
    assert!(
        run.stdout.contains("\nChecked 2 files: 4 errors"),
        "{}",
        run.stdout
    );
}

#[test]
fn oversized_standard_input_is_reported_as_too_large() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // Nothing in the first kilobyte says which format this is.
    let big = format!("{}[package]\nname = \"a/b\"\n", "# padding\n".repeat(200));
    let run = run_in(
        dir.path(),
        &["check", "--max-file-size", "1K", "-"],
        Some(big.as_bytes()),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.starts_with(
            "error[file-too-large]: the file is larger than the 1024-byte limit\n--> <stdin>\n"
        ),
        "{run:?}"
    );
    assert!(!run.stderr.contains("cannot tell"), "{run:?}");
    // The same for a file named on the command line.
    write_tree(dir.path(), &[("notes.toml", big.as_bytes())]);
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--max-file-size",
            "1K",
            "--output",
            "json",
            "notes.toml",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("\"code\": \"file-too-large\""),
        "{run:?}"
    );
    // Listing cannot tell the format, and says why.
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--max-file-size",
            "1K",
            "--list-files",
            "notes.toml",
        ],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: cannot tell which manifest format `notes.toml` is: it is larger than the 1024-byte limit\n  help: raise the limit with `--max-file-size`, or name the format with `--format-hint`\n",
        "{run:?}"
    );
}

#[test]
fn deeply_nested_manifests_on_several_threads() {
    // As deep as the parsers accept, and deeper; several files so that the
    // worker threads do the checking. Every run ends with a report, never
    // with a crash.
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut files = Vec::new();
    for depth in [60, 90, 120, 127, 128, 1_000, 100_000] {
        let toml = format!(
            "[package]\nname = \"a/b\"\nx = {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let inline = format!(
            "manifest_version = 1\nx = {}1{}\n",
            "{ a = ".repeat(depth),
            " }".repeat(depth)
        );
        let json = format!(
            "{{\"wasm\": [], \"config\": {}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        files.push((format!("{depth}/wasmer.toml"), toml));
        files.push((format!("{depth}/flow-like.toml"), inline));
        files.push((format!("{depth}/plugin.json"), json));
    }
    let tree: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_bytes()))
        .collect();
    write_tree(dir.path(), &tree);
    for jobs in ["1", "2", "4"] {
        let run = run_in(
            dir.path(),
            &["check", "--jobs", jobs, "--output", "json", "."],
            None,
        );
        assert_eq!(run.code, 1, "--jobs {jobs}: {}", run.stderr);
        assert!(!json_diagnostics(&run.stdout).is_empty());
    }
}
