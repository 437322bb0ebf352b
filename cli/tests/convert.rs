//! `convert`: version 1 manifests printed as version 2, which `check`
//! accepts; `--write` replaces the file; refusals leave it alone.

mod support;

use support::{run, run_in, workspace_root};

#[test]
fn the_v1_corpus_converts_to_manifests_check_accepts() {
    let corpus = workspace_root().join("../shared/corpus/spin");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!("notice: {} is absent; skipping", corpus.display());
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut count = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let converted = run(&["convert", path.to_str().unwrap()]);
        assert_eq!(
            converted.code,
            0,
            "{}:\n{}",
            path.display(),
            converted.stderr
        );
        assert!(
            converted.stdout.starts_with("spin_manifest_version = 2")
                || converted.stdout.contains("\nspin_manifest_version = 2\n")
        );
        let out = dir.path().join(format!("{count}-spin.toml"));
        std::fs::write(&out, &converted.stdout).unwrap();
        let checked = run(&["check", "--format-hint", "spin", out.to_str().unwrap()]);
        assert_eq!(
            checked.code,
            0,
            "{}:\n{}\n{}",
            path.display(),
            converted.stdout,
            checked.stdout
        );
        count += 1;
    }
    assert!(count > 0);
}

const V1: &str = r#"spin_manifest_version = "1"
name = "app"
version = "1.0.0"
trigger = { type = "http", base = "/" }

[[component]]
id = "hello_world"
source = "hello.wasm"
allowed_outbound_hosts = []
[component.trigger]
route = "/"
"#;

#[test]
fn write_replaces_the_file_and_prints_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spin.toml"), V1).unwrap();
    let printed = run_in(dir.path(), &["convert", "spin.toml"], None);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("spin.toml")).unwrap(),
        V1,
        "without --write the file is untouched"
    );
    let written = run_in(dir.path(), &["convert", "--write", "spin.toml"], None);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(written.stdout.is_empty());
    assert!(
        written
            .stderr
            .contains("note: component `hello_world` is now `hello-world`"),
        "{}",
        written.stderr
    );
    let text = std::fs::read_to_string(dir.path().join("spin.toml")).unwrap();
    assert_eq!(text, printed.stdout);
    assert!(text.contains("[component.hello-world]"));
    let again = run_in(dir.path(), &["convert", "spin.toml"], None);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already of version 2"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_refused_conversion_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let duplicate = format!(
        "{V1}\n[[component]]\nid = \"hello-world\"\nsource = \"b.wasm\"\n[component.trigger]\nroute = \"/b\"\n"
    );
    std::fs::write(dir.path().join("spin.toml"), &duplicate).unwrap();
    let refused = run_in(dir.path(), &["convert", "--write", "spin.toml"], None);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("spin/duplicate-component-id"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("was not converted"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("spin.toml")).unwrap(),
        duplicate
    );
}

#[test]
fn help_says_what_happens_to_the_original() {
    let help = run(&["convert", "--help"]);
    assert_eq!(help.code, 0);
    let flat = help.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("the original file is left untouched"),
        "{flat}"
    );
    assert!(
        flat.contains("overwritten in place (no backup is kept)"),
        "{flat}"
    );
}
