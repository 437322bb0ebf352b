//! Runs every fixture under `fixtures/<format>/{valid,invalid}/` and compares
//! it with the expected file beside it:
//!
//! - `invalid/x.toml` (or `.json`) → `invalid/x.stderr`: the rendered
//!   report. It must contain at least one diagnostic (warning-only rules
//!   have fixtures too).
//! - `valid/x.toml` (or `.json`) → `valid/x.model.json`: the typed manifest
//!   as JSON. A valid fixture must produce no diagnostic at all, and its
//!   manifest must round-trip through serialization.
//!
//! Set `BLESS=1` to rewrite the expected files from the current output, then
//! read the diff before committing it.

use std::path::{Path, PathBuf};

use wasm_manifests::{Format, Manifest};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v != "0")
}

/// Inputs of one kind (`valid` / `invalid`) for one format.
fn inputs(format: Format, kind: &str) -> Vec<PathBuf> {
    // Folders are named without the dash: `fixtures/flowlike/` for `flow-like`.
    inputs_in(&format.name().replace('-', ""), kind)
}

/// Inputs of one kind in `fixtures/<folder>/`.
fn inputs_in(folder: &str, kind: &str) -> Vec<PathBuf> {
    let dir = fixtures_root().join(folder).join(kind);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.ends_with(".toml") || name.ends_with(".json")) && !name.ends_with(".model.json")
        })
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Compares `actual` with the expected file, or rewrites it under BLESS.
/// Returns a readable diff on mismatch.
fn compare(expected_path: &Path, actual: &str) -> Option<String> {
    if bless() {
        std::fs::write(expected_path, actual).expect("write expected file");
        return None;
    }
    let expected = match std::fs::read_to_string(expected_path) {
        Ok(text) => text,
        Err(_) => {
            return Some(format!(
                "{} is missing; run with BLESS=1 to create it, then read it\n--- actual ---\n{actual}",
                relative(expected_path)
            ));
        }
    };
    if expected == actual {
        return None;
    }
    let diff = similar::TextDiff::from_lines(expected.as_str(), actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string();
    Some(format!("{} differs:\n{diff}", relative(expected_path)))
}

/// The typed manifest written back in its own syntax.
fn reserialize(manifest: &Manifest) -> String {
    match manifest.format() {
        Format::Extism => serde_json::to_string(manifest).expect("serialize to JSON"),
        _ => toml::to_string(manifest).expect("serialize to TOML"),
    }
}

fn run(format: Format) {
    run_in(&format.name().replace('-', ""), format);
}

fn run_in(folder: &str, format: Format) {
    let mut failures = Vec::new();
    let mut count = 0;

    for input in inputs_in(folder, "invalid") {
        count += 1;
        let parsed = wasm_manifests::Options::new()
            .parse_file_as(&input, format)
            .expect("fixture is readable");
        let mut report = parsed.into_report();
        report.set_origin(relative(&input));
        if report.is_empty() {
            failures.push(format!(
                "{}: an invalid fixture must report at least one diagnostic",
                relative(&input)
            ));
        }
        failures.extend(compare(&input.with_extension("stderr"), &report.render()));
    }

    for input in inputs_in(folder, "valid") {
        count += 1;
        let parsed = wasm_manifests::Options::new()
            .parse_file_as(&input, format)
            .expect("fixture is readable");
        if !parsed.report().is_empty() {
            failures.push(format!(
                "{}: a valid fixture must stay quiet, but reported:\n{}",
                relative(&input),
                parsed.report()
            ));
            continue;
        }
        let Some(manifest) = parsed.manifest() else {
            failures.push(format!("{}: no manifest was built", relative(&input)));
            continue;
        };
        let json = serde_json::to_string_pretty(manifest).expect("serialize") + "\n";
        failures.extend(compare(&input.with_extension("model.json"), &json));

        // The model round-trips through its own syntax.
        let again = wasm_manifests::parse(&reserialize(manifest), format);
        if again.manifest() != Some(manifest) || !again.report().is_empty() {
            failures.push(format!(
                "{}: the manifest does not round-trip through serialization:\n{}\n{}",
                relative(&input),
                reserialize(manifest),
                again.report()
            ));
        }
    }

    assert!(
        failures.is_empty(),
        "{} fixture problem(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    println!("{count} {folder} fixtures checked");
}

#[test]
fn wasmer_fixtures() {
    run(Format::Wasmer);
}

#[test]
fn spin_fixtures() {
    run(Format::Spin);
}

/// Spin manifest version 2: the same format, in its own folder.
#[test]
fn spin_v2_fixtures() {
    run_in("spin-v2", Format::Spin);
}

#[test]
fn extism_fixtures() {
    run(Format::Extism);
}

#[test]
fn flowlike_fixtures() {
    run(Format::FlowLike);
}

/// Every documented code is shown by at least one invalid fixture, and
/// every code the fixtures show is documented.
#[test]
fn every_code_has_a_fixture() {
    // Codes that cannot be shown by a small fixture file, with where they are tested.
    const TESTED_ELSEWHERE: &[(&str, &str)] = &[
        ("file-too-large", "tests/bad_input.rs"),
        (
            "verify/unreadable-file",
            "needs a file the test cannot read, impossible when tests run as root",
        ),
    ];
    let mut expected_files: Vec<PathBuf> = Format::ALL
        .iter()
        .flat_map(|format| inputs(*format, "invalid"))
        .chain(inputs_in("spin-v2", "invalid"))
        .map(|input| input.with_extension("stderr"))
        .collect();
    // Verification cases (tests/verify.rs) keep their report beside them.
    if let Ok(cases) = std::fs::read_dir(fixtures_root().join("verify")) {
        expected_files.extend(cases.filter_map(|c| Some(c.ok()?.path().join("expected.stderr"))));
    }
    let mut shown = std::collections::BTreeSet::new();
    for path in expected_files {
        let expected = std::fs::read_to_string(path).unwrap_or_default();
        for line in expected.lines() {
            for prefix in ["error[", "warning["] {
                if let Some(rest) = line.strip_prefix(prefix)
                    && let Some(end) = rest.find(']')
                {
                    shown.insert(rest[..end].to_owned());
                }
            }
        }
    }
    let documented: std::collections::BTreeSet<String> = wasm_manifests::codes::all()
        .map(|d| d.code.to_owned())
        .collect();
    let missing: Vec<&String> = documented
        .iter()
        .filter(|c| !shown.contains(*c) && !TESTED_ELSEWHERE.iter().any(|(t, _)| t == c))
        .collect();
    let undocumented: Vec<&String> = shown.iter().filter(|c| !documented.contains(*c)).collect();
    assert!(
        missing.is_empty(),
        "codes without an invalid fixture: {missing:?}"
    );
    assert!(
        undocumented.is_empty(),
        "codes in fixtures but not documented: {undocumented:?}"
    );
}
