//! `check --fix`, `--diff`, `--unsafe-fixes` and `--convert-spin-v1`, run
//! as a real process on files in a temporary folder.

mod support;

use support::*;

const WASMER: &str = "\
# The tool.
[package]
name = \"acme/tool\"
version = \"1.0.0\"
description = \"A tool\"
licence = \"MIT\"   # spelt the British way

[module]
name = \"tool\"
source = \"tool.wasm\"
abi = \"wasi\"

[[command]]
name = \"tool\"
module = \"tol\"
";

const WASMER_FIXED: &str = "\
# The tool.
[package]
name = \"acme/tool\"
version = \"1.0.0\"
description = \"A tool\"
license = \"MIT\"   # spelt the British way

[[module]]
name = \"tool\"
source = \"tool.wasm\"
abi = \"wasi\"

[[command]]
name = \"tool\"
module = \"tool\"
";

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    write_tree(dir.path(), &files);
    dir
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).expect("read back")
}

#[test]
fn fix_applies_the_safe_fixes_in_place_keeping_comments() {
    let dir = project(&[("wasmer.toml", WASMER)]);
    let run = run_in(dir.path(), &["check", "--color", "never", "--fix"], None);
    assert_eq!(read(&dir, "wasmer.toml"), WASMER_FIXED);
    // What is left is reported, from the fixed text: nothing here.
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("Fixed 3 problems in 1 file."),
        "{run:?}"
    );
    // A second run has nothing to do.
    let again = run_in(dir.path(), &["check", "--color", "never", "--fix"], None);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(!again.stdout.contains("Fixed"), "{again:?}");
    assert_eq!(read(&dir, "wasmer.toml"), WASMER_FIXED);
}

#[test]
fn without_fix_the_report_says_what_fix_would_do() {
    let dir = project(&[("wasmer.toml", WASMER)]);
    let run = run_in(dir.path(), &["check", "--color", "never"], None);
    assert_eq!(run.code, 1, "{run:?}");
    // `[module]` hides the module, so the reference cannot be checked yet:
    // two fixes now, the third once the header is fixed.
    assert!(
        run.stdout.contains("2 problems can be fixed with `--fix`."),
        "{run:?}"
    );
    assert_eq!(read(&dir, "wasmer.toml"), WASMER, "nothing written");
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = project(&[("wasmer.toml", WASMER)]);
    let run = run_in(dir.path(), &["check", "--diff"], None);
    assert_eq!(run.code, 1, "something to fix: {run:?}");
    assert_eq!(read(&dir, "wasmer.toml"), WASMER, "nothing written");
    let expected = "\
--- a/wasmer.toml
+++ b/wasmer.toml
@@ -3,13 +3,13 @@
 name = \"acme/tool\"
 version = \"1.0.0\"
 description = \"A tool\"
-licence = \"MIT\"   # spelt the British way
+license = \"MIT\"   # spelt the British way
 
-[module]
+[[module]]
 name = \"tool\"
 source = \"tool.wasm\"
 abi = \"wasi\"
 
 [[command]]
 name = \"tool\"
-module = \"tol\"
+module = \"tool\"
";
    assert_eq!(run.stdout, expected, "{run:?}");
    assert!(
        run.stderr
            .contains("3 fixes would be made in 1 file; `--fix` makes them"),
        "{run:?}"
    );
    // Once fixed, the diff is empty and the status clean.
    run_in(dir.path(), &["check", "--fix"], None);
    let clean = run_in(dir.path(), &["check", "--diff"], None);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""), "{clean:?}");
}

#[test]
fn diff_reads_standard_input_but_fix_refuses_it() {
    let run = run_in(
        std::path::Path::new("."),
        &["check", "--diff", "--format-hint", "wasmer", "-"],
        Some(WASMER.as_bytes()),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("+[[module]]"), "{run:?}");
    let refused = run_in(
        std::path::Path::new("."),
        &["check", "--fix", "--format-hint", "wasmer", "-"],
        Some(WASMER.as_bytes()),
    );
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("standard input is not a file"),
        "{refused:?}"
    );
}

#[test]
fn fixes_needing_review_wait_for_unsafe_fixes() {
    // `wagii` is most likely `wagi`, but Wagi is deprecated: the author
    // decides.
    let spin = "\
spin_manifest_version = \"1\"
name = \"app\"
version = \"1.0.0\"
trigger = { type = \"http\", base = \"/\" }

[[component]]
id = \"hello\"
source = \"hello.wasm\"
[component.trigger]
route = \"/hello\"
executor = { type = \"wagii\" }
";
    let dir = project(&[("spin.toml", spin)]);
    let run = run_in(dir.path(), &["check", "--color", "never", "--fix"], None);
    assert_eq!(read(&dir, "spin.toml"), spin, "{run:?}");
    assert!(
        run.stdout
            .contains("1 problem more with `--fix --unsafe-fixes`"),
        "{run:?}"
    );
    let run = run_in(
        dir.path(),
        &["check", "--color", "never", "--fix", "--unsafe-fixes"],
        None,
    );
    assert!(
        read(&dir, "spin.toml").contains("executor = { type = \"wagi\" }"),
        "{run:?}"
    );
}

#[test]
fn convert_spin_v1_rewrites_version_1_manifests() {
    let spin = "\
spin_manifest_version = \"1\"
name = \"app\"
version = \"1.0.0\"
trigger = { type = \"http\", base = \"/\" }

# The greeter.
[[component]]
id = \"hello\"
source = \"hello.wasm\"
enviroment = { GREETING = \"hi\" }
[component.trigger]
route = \"/hello\"
";
    let dir = project(&[("spin.toml", spin)]);
    let diff = run_in(dir.path(), &["check", "--diff", "--convert-spin-v1"], None);
    assert_eq!(diff.code, 1, "{diff:?}");
    assert!(
        diff.stdout.contains("+spin_manifest_version = 2"),
        "{diff:?}"
    );
    assert_eq!(read(&dir, "spin.toml"), spin);
    let run = run_in(
        dir.path(),
        &["check", "--color", "never", "--fix", "--convert-spin-v1"],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let text = read(&dir, "spin.toml");
    assert!(text.contains("spin_manifest_version = 2"), "{text}");
    assert!(text.contains("# The greeter."), "comments kept: {text}");
    assert!(
        text.contains("environment = { GREETING = \"hi\" }"),
        "the key was fixed before the conversion: {text}"
    );
    let checked = wasm_manifests::parse(&text, wasm_manifests::Format::Spin);
    assert!(
        matches!(
            checked.manifest(),
            Some(wasm_manifests::Manifest::SpinV2(_))
        ),
        "{text}"
    );
    // The hosts version 1 implied are written out, and reported as wide.
    assert!(!checked.report().has_errors(), "{}", checked.report());
}

#[test]
fn sarif_and_json_carry_the_fixes() {
    let dir = project(&[("wasmer.toml", WASMER)]);
    let json = run_in(dir.path(), &["check", "--output", "json"], None);
    let diagnostics = json_diagnostics(&json.stdout);
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .expect("unknown key");
    assert_eq!(unknown["fix"]["applicability"], "safe");
    assert_eq!(unknown["fix"]["edits"][0]["replacement"], "license");
    let start = unknown["fix"]["edits"][0]["start"].as_u64().unwrap() as usize;
    assert_eq!(&WASMER[start..start + 7], "licence");

    let sarif = run_in(dir.path(), &["check", "--output", "sarif"], None);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF is JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let fixed = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-key")
        .expect("unknown key");
    let replacement = &fixed["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["byteOffset"], start);
    assert_eq!(replacement["deletedRegion"]["byteLength"], 7);
    assert_eq!(replacement["insertedContent"]["text"], "license");
}

/// `check --fix` on a copy of every fixture that has a `.fixed` file gives
/// that file, and a second `--fix` changes nothing.
#[test]
fn fix_gives_the_fixed_fixtures_and_a_second_run_changes_nothing() {
    let fixtures = workspace_root().join("fixtures");
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut copies = 0;
    for (folder, format) in [
        ("wasmer", "wasmer"),
        ("spin", "spin"),
        ("spin-v2", "spin"),
        ("extism", "extism"),
        ("flowlike", "flow-like"),
    ] {
        let mut files = Vec::new();
        let mut expected = Vec::new();
        for entry in std::fs::read_dir(fixtures.join(folder).join("invalid")).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "fixed") {
                let input = ["toml", "json"]
                    .iter()
                    .map(|ext| path.with_extension(ext))
                    .find(|p| p.exists())
                    .expect("the fixture of a .fixed file");
                let copy = dir.path().join(format!(
                    "{folder}-{}",
                    input.file_name().unwrap().to_string_lossy()
                ));
                std::fs::copy(&input, &copy).expect("copy");
                files.push(copy.display().to_string());
                expected.push((copy, std::fs::read_to_string(&path).expect("read")));
            }
        }
        if files.is_empty() {
            continue;
        }
        copies += files.len();
        let mut args = vec!["check", "--no-config", "--fix", "--format-hint", format];
        args.extend(files.iter().map(String::as_str));
        let first = run_in(dir.path(), &args, None);
        assert_ne!(first.code, 2, "{first:?}");
        for (copy, wanted) in &expected {
            let got = std::fs::read_to_string(copy).expect("read back");
            assert_eq!(&got, wanted, "{} after --fix: {first:?}", copy.display());
        }
        let second = run_in(dir.path(), &args, None);
        assert!(!second.stdout.contains("Fixed "), "{second:?}");
        for (copy, wanted) in &expected {
            assert_eq!(&std::fs::read_to_string(copy).expect("read back"), wanted);
        }
    }
    assert!(copies >= 20, "only {copies} fixtures have fixes");
}
