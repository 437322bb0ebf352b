//! `wasm-manifests inspect` and `check --verify`, run as a real process.

mod support;

use support::*;

#[test]
fn inspect_shows_the_package_view() {
    let run = run(&[
        "inspect",
        "--color",
        "never",
        "tests/data/same-app/spin.toml",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    snapshot("inspect-human", &run);
    assert!(
        run.stdout
            .contains("outbound https://api.weather.example [weather]")
    );
    assert!(
        run.stdout
            .contains("component[0].allowed_outbound_hosts[0] (11:27)")
    );
}

#[test]
fn inspect_json_is_the_library_view() {
    let path = "tests/data/same-app/plugin.json";
    let run = run(&["inspect", "--output", "json", path]);
    assert_eq!(run.code, 0, "{run:?}");
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let parsed = wasm_manifests::parse_file(workspace_root().join(path)).unwrap();
    let expected = serde_json::to_value(parsed.package().unwrap()).unwrap();
    // Only the origin of the report (the path as typed) may differ.
    assert_eq!(printed["capabilities"], expected["capabilities"]);
    assert_eq!(printed["modules"], expected["modules"]);
    assert_eq!(
        printed["capabilities"]["memory_limit_bytes"]["value"],
        64 * 1024 * 1024
    );
}

#[test]
fn inspect_reports_errors_and_unreadable_manifests() {
    // The view is shown, but the exit status says there are errors.
    let temp = tempfile::tempdir().expect("temporary folder");
    let dir = temp.path();
    write_tree(
        dir,
        &[(
            "wasmer.toml",
            b"[package]\nname = \"a/b\"\nversion = \"1.0.0\"\nentrypoint = \"nope\"\n",
        )],
    );
    let shown = run_in(dir, &["inspect", "--color", "never", "wasmer.toml"], None);
    assert_eq!(shown.code, 1, "{shown:?}");
    assert!(shown.stdout.starts_with("a/b 1.0.0"), "{}", shown.stdout);
    assert!(shown.stderr.contains("has 1 error(s)"), "{}", shown.stderr);

    // No view at all: the report explains why.
    write_tree(dir, &[("wasmer.toml", b"[package]\nversion = 1\n")]);
    let broken = run_in(dir, &["inspect", "--color", "never", "wasmer.toml"], None);
    assert_eq!(broken.code, 1, "{broken:?}");
    assert!(broken.stdout.is_empty());
    assert!(
        broken.stderr.contains("error[wrong-type]"),
        "{}",
        broken.stderr
    );

    let missing = run_in(dir, &["inspect", "absent.toml"], None);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(missing.stderr.contains("absent.toml"));
}

#[test]
fn check_verify_finds_problems_on_disk() {
    let clean = run(&[
        "check",
        "--verify",
        "--color",
        "never",
        "fixtures/verify/wasmer-clean/wasmer.toml",
    ]);
    assert_eq!(clean.code, 0, "{clean:?}");

    let broken = run(&[
        "check",
        "--verify",
        "--color",
        "never",
        "fixtures/verify/missing-files/wasmer.toml",
    ]);
    assert_eq!(broken.code, 1, "{broken:?}");
    assert_eq!(
        broken.stdout.matches("error[verify/missing-file]").count(),
        3,
        "{}",
        broken.stdout
    );

    // Without --verify the same manifest is clean.
    let unverified = run(&["check", "fixtures/verify/missing-files/wasmer.toml"]);
    assert_eq!(unverified.code, 0, "{unverified:?}");

    // Warnings found by verification count as errors under --strict.
    let globs = run(&[
        "check",
        "--verify",
        "--output",
        "json",
        "fixtures/verify/spin-files/spin.toml",
    ]);
    let strict = run(&[
        "check",
        "--verify",
        "--strict",
        "--output",
        "json",
        "fixtures/verify/spin-files/spin.toml",
    ]);
    let severities = |run: &Run| -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["severity"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(severities(&globs).contains(&"warning".to_owned()));
    assert!(severities(&strict).iter().all(|s| s == "error"));
}
