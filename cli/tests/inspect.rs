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
    let output: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(output["version"], 1);
    assert_eq!(output["packages"][0]["file"], path);
    let printed = &output["packages"][0]["package"];
    let parsed = wasm_manifests::parse_file(workspace_root().join(path)).unwrap();
    let expected = serde_json::to_value(parsed.package().unwrap()).unwrap();
    assert_eq!(*printed, expected);
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
    assert_eq!(
        shown.stderr,
        "warning: `wasmer.toml` has 1 error; run `wasm-manifests check wasmer.toml` to see it\n"
    );

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
fn inspect_takes_several_paths_and_directories() {
    let run = run(&["inspect", "--color", "never", "tests/data/same-app"]);
    assert_eq!(run.code, 0, "{run:?}");
    // Every manifest of the folder, in path order, one block each.
    let titles: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.contains(" manifest, "))
        .collect();
    assert_eq!(
        titles,
        [
            "com.acme.weather 1.2.0 (flow-like manifest, tests/data/same-app/flow-like.toml)",
            "(unnamed package) (extism manifest, tests/data/same-app/plugin.json)",
            "weather 1.2.0 (spin manifest, tests/data/same-app/spin.toml)",
            "acme/weather 1.2.0 (wasmer manifest, tests/data/same-app/wasmer.toml)",
        ]
    );
    let json = run_in(
        &workspace_root(),
        &[
            "inspect",
            "--output",
            "json",
            "tests/data/same-app/wasmer.toml",
            "tests/data/same-app/spin.toml",
        ],
        None,
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let files: Vec<&str> = value["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "tests/data/same-app/spin.toml",
            "tests/data/same-app/wasmer.toml"
        ]
    );
    // A folder without manifests says so; a missing path is a problem.
    let temp = tempfile::tempdir().expect("temporary folder");
    write_tree(temp.path(), &[("package.json", b"{\"name\": \"x\"}")]);
    let empty = run_in(temp.path(), &["inspect", "."], None);
    assert_eq!(empty.code, 0, "{empty:?}");
    assert_eq!(empty.stderr, "warning: no manifest found in `.`\n");
    let missing = run_in(temp.path(), &["inspect", ".", "absent"], None);
    assert_eq!(missing.code, 2, "{missing:?}");
}

/// A Spin application whose first component has no
/// `allowed_outbound_hosts` (so Spin lets it reach Redis, MySQL and
/// PostgreSQL on any host), with a long component id, a terminal escape in
/// its description and an environment value.
const SPIN_DEFAULTS: &str = r#"spin_manifest_version = "1"
name = "api"
version = "1.0.0"
description = "Weather \u001b[2J lookups"
trigger = { type = "http", base = "/" }

[[component]]
id = "api"
source = "api.wasm"
[component.trigger]
route = "/..."

[[component]]
id = "a-component-with-a-name-long-enough-to-push-every-column-aside"
source = "long.wasm"
allowed_outbound_hosts = ["https://api.example.com"]
environment = { MODE = "fast\u001b]0;title\u0007" }
[component.trigger]
route = "/long/..."
"#;

#[test]
fn inspect_collapses_defaults_aligns_and_escapes() {
    let temp = tempfile::tempdir().expect("temporary folder");
    write_tree(temp.path(), &[("spin.toml", SPIN_DEFAULTS.as_bytes())]);
    let run = run_in(
        temp.path(),
        &["inspect", "--color", "never", "spin.toml"],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    snapshot("inspect-defaults", &run);
    // No raw control character reaches the terminal.
    assert!(
        !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains(r#"description  "Weather \u{1b}[2J lookups""#),
        "{run:?}"
    );
    // The three default grants of `api` are one line, with their count.
    assert_eq!(
        run.stdout
            .matches("3 default grants (outbound) [api]")
            .count(),
        1
    );
    assert!(!run.stdout.contains("redis://"), "{run:?}");
    // Every place column starts at the same column, wherever a long row
    // moved it to the next line.
    let capabilities = run.stdout.split("Capabilities\n").nth(1).unwrap();
    let columns: Vec<usize> = capabilities
        .lines()
        .filter_map(|line| line.find("component["))
        .collect();
    assert!(columns.len() >= 3, "{capabilities}");
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{capabilities}");

    let verbose = run_in(
        temp.path(),
        &["inspect", "--color", "never", "--verbose", "spin.toml"],
        None,
    );
    for scheme in ["redis", "mysql", "postgres"] {
        assert!(
            verbose
                .stdout
                .contains(&format!("outbound {scheme}://*:* [api]")),
            "{verbose:?}"
        );
    }
    assert!(!verbose.stdout.contains("default grants"), "{verbose:?}");
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
        json_diagnostics(&run.stdout)
            .iter()
            .map(|d| d["severity"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(severities(&globs).contains(&"warning".to_owned()));
    assert!(!severities(&strict).is_empty());
    assert!(severities(&strict).iter().all(|s| s == "error"));
}
