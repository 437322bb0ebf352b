//! Settings from `wasm-manifests.toml` and from the command line, run as a
//! real process: discovery, overrides, `--config`, `--no-config`, the order
//! of `--allow`, `--warn` and `--deny`, `--strict`, and broken settings.

mod support;

use support::*;

/// One line per diagnostic: `file:line:col: severity[code]`.
fn found(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|line| line.contains(": error[") || line.contains(": warning["))
        .map(|line| line.split("] ").next().unwrap_or(line).to_owned() + "]")
        .collect()
}

/// A project with two copies of the manifest with warnings (a name without
/// namespace, an invalid license), one under `examples/`, and a
/// configuration at its root.
fn configured_project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            ("wasm-manifests.toml", config.as_bytes()),
            ("app/wasmer.toml", WASMER_WARNINGS.as_bytes()),
            ("examples/demo/wasmer.toml", WASMER_WARNINGS.as_bytes()),
        ],
    );
    dir
}

const CONFIG: &str = r#"deny = ["invalid-license"]

[[overrides]]
paths = ["examples"]
allow = ["all"]
"#;

#[test]
fn the_nearest_configuration_applies_with_its_overrides() {
    let project = configured_project(CONFIG);
    let dir = project.path();
    let run = run_in(dir, &["check", "--output", "concise"], None);
    assert_eq!(run.code, 1, "{run:?}");
    snapshot("config-discovered", &run);
    assert_eq!(
        found(&run),
        [
            "app/wasmer.toml:2:8: warning[wasmer/package-name-without-namespace]",
            "app/wasmer.toml:5:11: error[invalid-license]",
        ]
    );
    // From a sub-directory, and from outside the project: the same file
    // applies, and its patterns stay relative to its own directory.
    let inside = run_in(&dir.join("app"), &["check", "--output", "concise"], None);
    assert_eq!(
        found(&inside),
        [
            "wasmer.toml:2:8: warning[wasmer/package-name-without-namespace]",
            "wasmer.toml:5:11: error[invalid-license]",
        ]
    );
    let examples = run_in(&dir.join("examples"), &["check"], None);
    assert_eq!(examples.code, 0, "{examples:?}");
    assert!(found(&examples).is_empty(), "{examples:?}");
    let parent = dir.parent().expect("a parent");
    let name = dir.file_name().unwrap().to_str().unwrap();
    let outside = run_in(parent, &["check", "--output", "concise", name], None);
    assert_eq!(found(&outside).len(), 2, "{outside:?}");

    // A closer configuration replaces the farther one.
    write_tree(
        dir,
        &[(
            "app/wasm-manifests.toml",
            b"allow = [\"invalid-license\"]\n",
        )],
    );
    let nested = run_in(dir, &["check", "--output", "concise"], None);
    assert_eq!(
        found(&nested),
        ["app/wasmer.toml:2:8: warning[wasmer/package-name-without-namespace]"]
    );

    // The configuration itself is never read as a manifest.
    let listed = run_in(dir, &["check", "--list-files"], None);
    assert!(
        listed.stdout.contains(
            "wasm-manifests.toml\tskipped\ta file named `wasm-manifests.toml` is the configuration of wasm-manifests\n"
        ),
        "{listed:?}"
    );
}

#[test]
fn config_and_no_config() {
    let project = configured_project(CONFIG);
    let dir = project.path();
    // No configuration: every warning stays a warning.
    let none = run_in(dir, &["check", "--output", "concise", "--no-config"], None);
    assert_eq!(none.code, 0, "{none:?}");
    assert_eq!(found(&none).len(), 4, "{none:?}");
    // Another file: used for every file, its patterns relative to where it is.
    write_tree(
        dir,
        &[(
            "settings/strict.toml",
            b"strict = true\n[[overrides]]\npaths = [\"examples\"]\nallow = [\"invalid-license\"]\n",
        )],
    );
    let other = run_in(
        dir,
        &[
            "check",
            "--output",
            "concise",
            "--config",
            "settings/strict.toml",
        ],
        None,
    );
    assert_eq!(other.code, 1, "{other:?}");
    assert_eq!(
        found(&other),
        [
            "app/wasmer.toml:2:8: error[wasmer/package-name-without-namespace]",
            "app/wasmer.toml:5:11: error[invalid-license]",
            "examples/demo/wasmer.toml:2:8: error[wasmer/package-name-without-namespace]",
            "examples/demo/wasmer.toml:5:11: error[invalid-license]",
        ],
        "the overrides of settings/strict.toml name settings/examples, which does not exist"
    );
    let missing = run_in(dir, &["check", "--config", "absent.toml"], None);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(
        missing
            .stderr
            .starts_with("error: cannot read `absent.toml`: "),
        "{missing:?}"
    );
    let both = run_in(dir, &["check", "--config", "x.toml", "--no-config"], None);
    assert_eq!(both.code, 2, "{both:?}");
}

#[test]
fn command_line_settings_apply_in_order_after_the_file() {
    let project = configured_project(CONFIG);
    let dir = project.path();
    // The file denies `invalid-license`; the command line allows it again.
    let allowed = run_in(
        dir,
        &["check", "--output", "concise", "--allow", "invalid-license"],
        None,
    );
    assert_eq!(allowed.code, 0, "{allowed:?}");
    assert_eq!(
        found(&allowed),
        ["app/wasmer.toml:2:8: warning[wasmer/package-name-without-namespace]"]
    );
    // A later option wins for the codes both name.
    let later = |args: &[&str]| {
        let mut all = vec!["check", "--output", "concise", "--no-config", "app"];
        all.extend_from_slice(args);
        found(&run_in(dir, &all, None))
    };
    assert_eq!(
        later(&["--deny", "publish", "--allow", "all"]),
        Vec::<String>::new()
    );
    assert_eq!(
        later(&["--allow", "all", "--deny", "invalid-license"]),
        ["app/wasmer.toml:5:11: error[invalid-license]"]
    );
    assert_eq!(
        later(&["--allow", "all", "--deny", "publish"]),
        [
            "app/wasmer.toml:2:8: error[wasmer/package-name-without-namespace]",
            "app/wasmer.toml:5:11: error[invalid-license]",
        ]
    );
    // Comma-separated lists, prefixes, and former names of codes.
    assert_eq!(
        later(&[
            "--allow",
            "wasmer/,invalid-license",
            "--warn",
            "flow-like/all-hosts-allowed"
        ]),
        Vec::<String>::new()
    );
    // --strict comes last: it turns what is left into errors.
    assert_eq!(
        later(&["--strict", "--warn", "all", "--allow", "invalid-license"]),
        ["app/wasmer.toml:2:8: error[wasmer/package-name-without-namespace]"]
    );
    // The file's own strict mode.
    write_tree(dir, &[("wasm-manifests.toml", b"strict = true\n")]);
    let strict = run_in(dir, &["check", "--output", "concise", "app"], None);
    assert_eq!(strict.code, 1, "{strict:?}");
    assert!(
        found(&strict).iter().all(|l| l.contains(": error[")),
        "{strict:?}"
    );
}

#[test]
fn standard_input_uses_the_configuration_of_the_current_directory() {
    let project = configured_project(CONFIG);
    let run = run_in(
        &project.path().join("examples"),
        &[
            "check",
            "--output",
            "concise",
            "--format-hint",
            "wasmer",
            "-",
        ],
        Some(WASMER_WARNINGS.as_bytes()),
    );
    // The top-level settings apply; no override names standard input.
    assert_eq!(
        found(&run),
        [
            "<stdin>:2:8: warning[wasmer/package-name-without-namespace]",
            "<stdin>:5:11: error[invalid-license]",
        ]
    );
}

#[test]
fn a_broken_configuration_stops_the_run() {
    let project = configured_project(
        "deny = [\"publsh\"]\nstrict = \"yes\"\n\n[[overrides]]\npaths = [\"examples/***\"]\n",
    );
    let run = run_in(project.path(), &["check", "--color", "never"], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "nothing is checked: {run:?}");
    snapshot("config-broken", &run);
    // In every output format: the report goes to standard error.
    let json = run_in(project.path(), &["check", "--output", "json"], None);
    assert_eq!(json.code, 2, "{json:?}");
    assert!(json.stdout.is_empty(), "{json:?}");
    assert!(
        json.stderr.contains("error[config/unknown-code]"),
        "{json:?}"
    );
    // The file list needs no settings.
    let listed = run_in(project.path(), &["check", "--list-files"], None);
    assert_eq!(listed.code, 0, "{listed:?}");
}

#[test]
fn a_misspelt_code_on_the_command_line_is_a_usage_error() {
    let project = configured_project(CONFIG);
    let run = run_in(
        project.path(),
        &["check", "--color", "never", "--deny", "securty"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    snapshot("check-unknown-selector", &run);
    let far = run_in(project.path(), &["check", "--allow", "xyzzy-plugh"], None);
    assert_eq!(far.code, 2, "{far:?}");
    assert!(!far.stderr.contains("did you mean"), "{far:?}");
}
