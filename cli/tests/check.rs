//! `wasm-manifests check`, run as a real process: every output format,
//! every exit status, directory searching, standard input, unreadable and
//! non-UTF-8 input, and the options.

mod support;

use support::*;

#[test]
fn human_output() {
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--color", "never"], None);
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("check-human", &run);
}

#[test]
fn human_output_in_colour_is_the_same_text() {
    let project = wasmer_project();
    let plain = run_in(project.path(), &["check", "--color", "never"], None);
    let styled = run_in(project.path(), &["check", "--color", "always"], None);
    assert!(styled.stdout.contains('\u{1b}'), "no colour: {styled:?}");
    assert!(!plain.stdout.contains('\u{1b}'));
    assert_eq!(
        normalize(&strip_ansi(&styled.stdout)),
        normalize(&plain.stdout)
    );
    // `auto` does not colour a pipe.
    let auto = run_in(project.path(), &["check"], None);
    assert!(!auto.stdout.contains('\u{1b}'));
}

#[test]
fn no_color_is_respected_by_auto_only() {
    let project = wasmer_project();
    let bin = env!("CARGO_BIN_EXE_wasm-manifests");
    let output = std::process::Command::new(bin)
        .args(["check", "--color", "always"])
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    // An explicit `--color always` wins over NO_COLOR.
    assert!(String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
    let output = std::process::Command::new(bin)
        .args(["check", "--color", "auto"])
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn json_output() {
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--output", "json"], None);
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("check-json", &run);

    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    // Every file checked has its report, in path order, also the clean one.
    assert_eq!(
        json_files(&run.stdout),
        ["a/wasmer.toml", "b, 100%/wasmer.toml", "c/wasmer.toml"]
    );
    assert_eq!(value["summary"]["files"], 3);
    assert_eq!(value["summary"]["errors"], 2);
    assert_eq!(value["summary"]["warnings"], 2);
    assert_eq!(value["summary"]["unchecked"], 0);
    assert_eq!(value["unchecked"], serde_json::json!([]));
    // Each report is the library's JSON of the same file.
    let text = std::fs::read_to_string(project.path().join("a/wasmer.toml")).unwrap();
    let mut report = wasm_manifests::parse(&text, wasm_manifests::Format::Wasmer).into_report();
    report.set_origin("a/wasmer.toml");
    assert_eq!(value["files"][0], report.to_json());
    let diagnostics = json_diagnostics(&run.stdout);
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        for key in ["file", "code", "severity", "message", "path", "span", "url"] {
            assert!(d.get(key).is_some(), "`{key}` missing in {d}");
        }
        let code = d["code"].as_str().unwrap();
        let doc = wasm_manifests::codes::find(code).unwrap();
        assert_eq!(d["url"], doc.url());
    }
    let files: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "diagnostics are in path order");
}

#[test]
fn github_output() {
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--output", "github"], None);
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("check-github", &run);
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
    }
    // The odd folder name is escaped in the `file` property.
    assert!(run.stdout.contains("file=b%2C 100%25/wasmer.toml,"));
}

#[test]
fn exit_status_follows_the_worst_problem() {
    let project = wasmer_project();
    let dir = project.path();
    let clean = run_in(dir, &["check", "c"], None);
    assert_eq!(clean.code, 0, "{clean:?}");
    let warnings = run_in(dir, &["check", "b, 100%"], None);
    assert_eq!(warnings.code, 0, "warnings alone pass: {warnings:?}");
    let errors = run_in(dir, &["check", "a"], None);
    assert_eq!(errors.code, 1, "{errors:?}");
    // A path that cannot be read wins over errors, and the rest is still
    // checked.
    let trouble = run_in(dir, &["check", "a", "missing", "c/wasmer.toml"], None);
    assert_eq!(trouble.code, 2, "{trouble:?}");
    snapshot("check-missing-path", &trouble);
}

#[test]
fn strict_turns_warnings_into_errors() {
    let project = wasmer_project();
    let run = run_in(
        project.path(),
        &["check", "--strict", "b, 100%/wasmer.toml"],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("check-strict", &run);
}

#[test]
fn quiet_prints_the_diagnostics_only() {
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--quiet", "a", "c"], None);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[wasmer/duplicate-module]"));
    assert!(!run.stdout.contains("Checked"), "{}", run.stdout);
    let clean = run_in(project.path(), &["check", "-q", "c"], None);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
    // Nothing found: a warning on standard error, unless quiet.
    let empty = tempfile::tempdir().expect("temporary folder");
    let run = run_in(empty.path(), &["check"], None);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("no manifest found in `.`"), "{run:?}");
    let run = run_in(empty.path(), &["check", "-q"], None);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
}

#[test]
fn max_file_size() {
    let project = wasmer_project();
    let run = run_in(
        project.path(),
        &["check", "--max-file-size", "100", "c/wasmer.toml"],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("error[file-too-large]"), "{run:?}");
    let run = run_in(
        project.path(),
        &["check", "--max-file-size", "1K", "c/wasmer.toml"],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let run = run_in(project.path(), &["check", "--max-file-size", "lots"], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("not a size"), "{run:?}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--no-such-flag"][..],
        &["check", "--output", "xml"],
        &["check", "--format-hint", "cargo", "-"],
        &["check", "--jobs", "0"],
        &["frobnicate"],
        &[],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
    }
}

#[test]
fn help_documents_the_exit_status() {
    for args in [&["--help"][..], &["check", "--help"]] {
        let run = run(args);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("Exit status:"), "{}", run.stdout);
        assert!(run.stdout.contains("1  at least one manifest has errors"));
    }
}

#[test]
fn directory_with_mixed_formats() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let broken = b"[package\n" as &[u8];
    write_tree(
        dir.path(),
        &[
            (".gitignore", b"ignored/\n"),
            ("wasmer.toml", WASMER_CLEAN.as_bytes()),
            (
                "Cargo.toml",
                b"[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\n",
            ),
            ("package.json", b"{\"name\": \"x\", \"version\": \"1.0.0\"}"),
            (
                "tsconfig.json",
                b"{\"compilerOptions\": {\"strict\": true}}",
            ),
            ("notes.toml", b"title = \"not a manifest\"\n"),
            ("README.md", b"# x\n"),
            (
                "app/spin.toml",
                b"spin_manifest_version = \"1\"\nname = \"app\"\n",
            ),
            (
                "app/plugin.json",
                b"{\"wasm\": [{\"path\": \"plugin.wasm\"}]}",
            ),
            (
                "app/node.toml",
                b"manifest_version = 1\nid = \"acme.node\"\n",
            ),
            (
                "app/flow-like.toml",
                b"manifest_version = 1\nid = \"acme.flow\"\n",
            ),
            // A JSON document shaped like a wasmer.toml: the name says
            // Extism, the content disagrees, so it is not a manifest.
            ("app/model.json", b"{\"package\": {\"name\": \"a/b\"}}"),
            ("app/sub/wasmer.toml", broken),
            ("node_modules/pkg/wasmer.toml", broken),
            ("deep/target/wasmer.toml", broken),
            ("ignored/wasmer.toml", broken),
            (".hidden/wasmer.toml", broken),
        ],
    );
    // A `.git` folder marks the repository (and is never searched).
    write_tree(dir.path(), &[(".git/wasmer.toml", broken)]);

    let listed = run_in(dir.path(), &["check", "--list-files"], None);
    assert_eq!(listed.code, 0, "{listed:?}");
    snapshot("check-list-files", &listed);

    let run = run_in(dir.path(), &["check", "--output", "json"], None);
    let checked = json_files(&run.stdout);
    let files: std::collections::BTreeSet<&str> = checked.iter().map(String::as_str).collect();
    for skipped in [
        "Cargo.toml",
        "package.json",
        "tsconfig.json",
        "notes.toml",
        "app/model.json",
        "node_modules/pkg/wasmer.toml",
        "deep/target/wasmer.toml",
        "ignored/wasmer.toml",
        ".hidden/wasmer.toml",
        ".git/wasmer.toml",
    ] {
        assert!(!files.contains(skipped), "{skipped} was checked: {files:?}");
    }
    assert!(files.contains("app/sub/wasmer.toml"), "{files:?}");

    // --no-ignore brings the .gitignore'd file back, nothing else.
    let all = run_in(dir.path(), &["check", "--list-files", "--no-ignore"], None);
    assert!(
        all.stdout.contains("ignored/wasmer.toml\twasmer"),
        "{all:?}"
    );
    assert!(!all.stdout.contains("node_modules"), "{all:?}");
    assert_eq!(
        all.stdout.lines().count(),
        listed.stdout.lines().count() + 1
    );

    // Paths are shown as typed, joined with what was found under them.
    let typed = run_in(
        dir.path(),
        &["check", "--list-files", "./app/", "app/sub"],
        None,
    );
    assert_eq!(
        typed.stdout,
        "./app/flow-like.toml\tflow-like\n\
         ./app/model.json\tskipped\tit is JSON without the `wasm` key of an Extism manifest (its keys: `package`)\n\
         ./app/node.toml\tflow-like\n\
         ./app/plugin.json\textism\n./app/spin.toml\tspin\n\
         ./app/sub/wasmer.toml\twasmer\napp/sub/wasmer.toml\twasmer\n",
        "{typed:?}"
    );
}

#[test]
fn files_named_explicitly_are_always_checked() {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            ("notes.toml", b"title = \"not a manifest\"\n"),
            ("my-app.toml", WASMER_ERRORS.as_bytes()),
            ("empty.toml", b""),
        ],
    );
    // Detected from the content, though the name says nothing.
    let run = run_in(
        dir.path(),
        &["check", "--output", "json", "my-app.toml"],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    // Nothing identifies these: a problem for each (exit 2), and a hint.
    let run = run_in(
        dir.path(),
        &["check", "notes.toml", "empty.toml", "my-app.toml"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    snapshot("check-unidentified", &run);
    // --format-hint says which format they are.
    let run = run_in(
        dir.path(),
        &["check", "--format-hint", "wasmer", "empty.toml"],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("error[empty-file]"), "{run:?}");
}

#[test]
fn standard_input() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // Detected from the content.
    let run = run_in(dir.path(), &["check", "-"], Some(WASMER_ERRORS.as_bytes()));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("--> <stdin>:"), "{run:?}");
    // With a hint.
    let run = run_in(
        dir.path(),
        &["check", "--format-hint", "wasmer", "-"],
        Some(WASMER_CLEAN.as_bytes()),
    );
    assert_eq!(run.code, 0, "{run:?}");
    // Nothing to go by.
    let run = run_in(dir.path(), &["check", "-"], Some(b"title = \"x\"\n"));
    assert_eq!(run.code, 2, "{run:?}");
    snapshot("check-stdin-unidentified", &run);
}

#[test]
fn non_utf8_input() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let bytes = b"[package]\nname = \"acme/caf\xe9\"\nversion = \"1.0.0\"\n" as &[u8];
    write_tree(dir.path(), &[("latin1/wasmer.toml", bytes)]);
    let run = run_in(dir.path(), &["check", "latin1"], None);
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("check-non-utf8", &run);
    let run = run_in(
        dir.path(),
        &["check", "--format-hint", "wasmer", "--output", "json", "-"],
        Some(bytes),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("\"code\": \"invalid-utf8\""), "{run:?}");
    // Binary data.
    let run = run_in(
        dir.path(),
        &["check", "--format-hint", "wasmer", "-"],
        Some(b"\0asm\x01\0\0\0"),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("error[binary-file]"), "{run:?}");
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    if std::fs::create_dir(&folder).is_err() {
        println!("notice: this file system refuses non-UTF-8 names; skipping");
        return;
    }
    std::fs::write(folder.join("wasmer.toml"), WASMER_ERRORS).expect("write");
    let run = run_in(dir.path(), &["check", "--output", "json"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("caf\u{fffd}/wasmer.toml"), "{run:?}");
}

#[cfg(unix)]
#[test]
fn links_to_files_are_followed_but_not_links_to_folders() {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            ("elsewhere/real.toml", WASMER_CLEAN.as_bytes()),
            ("elsewhere/wasmer.toml", WASMER_CLEAN.as_bytes()),
        ],
    );
    let project = dir.path().join("project");
    std::fs::create_dir(&project).expect("mkdir");
    std::os::unix::fs::symlink("../elsewhere/real.toml", project.join("wasmer.toml"))
        .expect("symlink");
    std::os::unix::fs::symlink("../elsewhere", project.join("folder")).expect("symlink");
    let run = run_in(&project, &["check", "--list-files"], None);
    assert_eq!(run.stdout, "wasmer.toml\twasmer\n", "{run:?}");
}

#[cfg(unix)]
#[test]
fn unreadable_files() {
    use std::os::unix::fs::PermissionsExt;
    let project = wasmer_project();
    let dir = project.path();
    write_tree(dir, &[("locked/wasmer.toml", WASMER_CLEAN.as_bytes())]);
    let locked = dir.join("locked/wasmer.toml");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        println!(
            "notice: running as a user who can read a mode-000 file (root?); \
             skipping the unreadable-file assertions"
        );
        return;
    }
    write_tree(dir, &[("sealed/wasmer.toml", WASMER_CLEAN.as_bytes())]);
    let sealed = dir.join("sealed");
    std::fs::set_permissions(&sealed, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let run = run_in(
        dir,
        &["check", "c", "locked/wasmer.toml", "locked", "sealed"],
        None,
    );
    std::fs::set_permissions(&sealed, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(run.code, 2, "{run:?}");
    // The file is reported once (named and found), the folder once; the
    // other file is still checked.
    assert_eq!(run.stderr.lines().count(), 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error: cannot read `locked/wasmer.toml`: Permission denied"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("error: cannot read `sealed`: Permission denied"),
        "{run:?}"
    );
    assert!(
        run.stdout
            .starts_with("Checked 1 file: 0 errors, 0 warnings (2 paths could not be checked)"),
        "{run:?}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");
}

#[test]
fn fixtures_have_errors() {
    let run = run(&["check", "--color", "never", "fixtures"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.stdout.contains("\nerror["), "no errors printed");
    let mut last = run.stdout.lines().rev();
    assert_eq!(
        last.next(),
        Some("Run `wasm-manifests explain CODE` for what a code means and how to fix it.")
    );
    // The summary, then what `--fix` would do.
    let fixable = last.next().unwrap_or("");
    assert!(fixable.contains(" can be fixed with `--fix`."), "{fixable}");
    let summary = last.next().unwrap_or("");
    assert!(summary.starts_with("Checked "), "{summary}");
    // Every valid fixture is checked, and none has anything to report.
    for entry in glob_fixtures("valid") {
        let shown = format!("--> {entry}:");
        assert!(!run.stdout.contains(&shown), "{entry} has diagnostics");
    }
    // The same output whatever the number of threads.
    let one = run_with_jobs("1");
    let many = run_with_jobs("8");
    assert_eq!(normalize(&one), normalize(&many));
    assert_eq!(normalize(&one), normalize(&run.stdout));
}

fn run_with_jobs(jobs: &str) -> String {
    run(&["check", "--color", "never", "--jobs", jobs, "fixtures"]).stdout
}

/// `fixtures/<format>/<kind>/*.{toml,json}` as shown by the tool, except
/// the expected-model files of the fixture harness.
fn glob_fixtures(kind: &str) -> Vec<String> {
    let root = workspace_root().join("fixtures");
    let mut out = Vec::new();
    for format in std::fs::read_dir(&root).expect("fixtures").flatten() {
        let dir = format.path().join(kind);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if (name.ends_with(".toml") || name.ends_with(".json"))
                && !name.ends_with(".model.json")
            {
                out.push(format!(
                    "fixtures/{}/{kind}/{name}",
                    format.file_name().to_string_lossy()
                ));
            }
        }
    }
    out
}

/// The real manifests of `../shared/corpus` have no errors, and all 51
/// of them are found.
#[test]
fn corpus_has_no_errors() {
    let corpus = workspace_root().join("../shared/corpus");
    if !corpus.is_dir() {
        println!(
            "notice: {} is absent; skipping the corpus check",
            corpus.display()
        );
        return;
    }
    let run = run(&["check", "--output", "json", "../shared/corpus"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let diagnostics = json_diagnostics(&run.stdout);
    let errors: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(json_files(&run.stdout).len(), 51);
    assert_eq!(run.code, 0, "errors in the corpus: {errors:#?}");
    assert!(errors.is_empty());
    let listed = run_list(&["check", "--list-files", "../shared/corpus"]);
    assert_eq!(
        listed, 51,
        "every corpus manifest is found by the directory search"
    );
}

fn run_list(args: &[&str]) -> usize {
    let run = run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().count()
}

/// A small project where the search meets a broken Extism manifest, a
/// wasmer.toml under another name and without a namespace, and files that
/// are not manifests.
fn discovery_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            (
                "plugins/echo.json",
                b"{\n  \"wasm\": [\n    {\"path\": \"echo.wasm\"},\n  ]\n}\n",
            ),
            (
                "tools/tool.toml",
                b"[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"A tool\"\n\n\
                  [[module]]\nname = \"tool\"\nsource = \"tool.wasm\"\nabi = \"wasi\"\n\n\
                  [[command]]\nname = \"tool\"\nmodule = \"tool\"\nrunner = \"wasi\"\n",
            ),
            (
                "Cargo.toml",
                b"[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                  [dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n",
            ),
            (
                "rust/other.toml",
                b"[package]\nname = \"other\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[lib]\n",
            ),
            (
                "package.json",
                b"{\"name\": \"site\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}\n",
            ),
            ("settings.json", b"{\"editor.tabSize\": 2,}\n"),
        ],
    );
    dir
}

#[test]
fn broken_manifests_in_a_directory_are_reported() {
    let project = discovery_project();
    let run = run_in(project.path(), &["check", "--color", "never"], None);
    // The broken Extism manifest is an error, not a skipped file.
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("error[syntax-error]: invalid JSON: trailing comma")
    );
    assert!(run.stdout.contains("--> plugins/echo.json:3:26"), "{run:?}");
    // The wasmer.toml without a namespace is checked; the rest is not.
    assert!(run.stdout.contains("--> tools/tool.toml:2:8"), "{run:?}");
    for skipped in ["Cargo.toml", "other.toml", "package.json", "settings.json"] {
        assert!(!run.stdout.contains(skipped), "{skipped}: {run:?}");
    }
    assert!(
        run.stdout.contains("Checked 2 files: 1 error, 1 warning"),
        "{run:?}"
    );
    snapshot("check-broken-manifest", &run);

    // The same in JSON, with the code of the diagnostic.
    let run = run_in(project.path(), &["check", "--output", "json"], None);
    let diagnostics = json_diagnostics(&run.stdout);
    let found: Vec<(&str, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or(""),
                d["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("plugins/echo.json", "syntax-error"),
            ("tools/tool.toml", "wasmer/package-name-without-namespace")
        ]
    );
}

#[test]
fn list_files_says_why_files_are_skipped() {
    let project = discovery_project();
    let run = run_in(project.path(), &["check", "--list-files"], None);
    assert_eq!(run.code, 0, "{run:?}");
    snapshot("check-list-files-skipped", &run);
    // Two columns for what is checked, three for what is skipped.
    for line in run.stdout.lines() {
        let columns: Vec<&str> = line.split('\t').collect();
        match columns[..] {
            [_, "skipped", reason] => assert!(!reason.is_empty(), "{line}"),
            [_, format] => assert!(format.parse::<wasm_manifests::Format>().is_ok(), "{line}"),
            _ => panic!("unexpected line {line:?}"),
        }
    }
}

#[test]
fn non_manifests_named_on_the_command_line_are_problems() {
    let project = discovery_project();
    let run = run_in(
        project.path(),
        &["check", "Cargo.toml", "package.json", "tools/tool.toml"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "error: `Cargo.toml` is not a manifest: a file named `Cargo.toml` describes a Rust package\n"
        ),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "error: `package.json` is not a manifest: it is JSON without the `wasm` key of an \
             Extism manifest (its keys: `name`, `version` and `scripts`)\n"
        ),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains("Checked 1 file: 0 errors, 1 warning (2 paths could not be checked)"),
        "{run:?}"
    );
    // Named with a format, it is read as that format.
    let run = run_in(
        project.path(),
        &[
            "check",
            "--format-hint",
            "extism",
            "--output",
            "json",
            "package.json",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("\"code\": \"extism/no-wasm\""),
        "{run:?}"
    );
}

#[test]
fn files_over_the_size_limit() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let big_plugin = format!(
        "{{\"wasm\": [{{\"path\": \"a.wasm\"}}], \"config\": {{\"k\": \"{}\"}}}}",
        "x".repeat(200)
    );
    let big_other = format!("{{\"name\": \"x\", \"notes\": \"{}\"}}", "x".repeat(200));
    write_tree(
        dir.path(),
        &[
            ("plugin.json", big_plugin.as_bytes()),
            ("lock.json", big_other.as_bytes()),
        ],
    );
    // An Extism manifest is still found, and reported as too large.
    let run = run_in(
        dir.path(),
        &["check", "--max-file-size", "100", "--output", "json"],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("\"code\": \"file-too-large\""),
        "{run:?}"
    );
    assert!(!run.stdout.contains("lock.json"), "{run:?}");
    // The other file is skipped, and the reason says that only its start was read.
    let run = run_in(
        dir.path(),
        &["check", "--max-file-size", "100", "--list-files"],
        None,
    );
    assert_eq!(
        run.stdout,
        "lock.json\tskipped\tit is not valid JSON (EOF while parsing a string at line 1 column 101), \
         and has no `wasm` key, which an Extism manifest has (in its first 101 bytes: the file is \
         larger than the limit)\nplugin.json\textism\n",
        "{run:?}"
    );
}

#[test]
fn a_search_without_manifests_says_how_many_files_were_skipped() {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            ("package.json", b"{\"name\": \"x\"}"),
            ("tsconfig.json", b"{\"compilerOptions\": {}}"),
        ],
    );
    let run = run_in(dir.path(), &["check"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        "warning: no manifest found in `.` (2 .toml or .json files are not a manifest: \
         `--list-files` says why)\n",
        "{run:?}"
    );
}
