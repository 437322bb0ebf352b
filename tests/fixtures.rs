//! Runs every fixture under `fixtures/<folder>/{valid,invalid}/` as its own
//! test case (`cargo test --test fixtures <name>` runs the matching ones),
//! comparing it with the expected file beside it:
//!
//! - `invalid/x.toml` (or `.json`) → `invalid/x.stderr`: the rendered
//!   report. It must contain at least one diagnostic (warning-only rules
//!   have fixtures too).
//! - `valid/x.toml` (or `.json`) → `valid/x.model.json`: the typed manifest
//!   as JSON. A valid fixture must produce no diagnostic at all, and its
//!   manifest must round-trip through serialization.
//!
//! `fixtures/config/{valid,invalid}/` hold configuration files
//! (`wasm-manifests.toml`): an invalid one is compared with the rendered
//! report beside it, a valid one must be read without a diagnostic.
//!
//! The folders come from the list of formats: `fixtures/<name>` and
//! `fixtures/<name>-<variant>` (such as `spin-v2`) belong to the format
//! whose name, without dashes, is `<name>`. A folder that matches no format
//! fails the run, so no fixture is ever skipped in silence.
//!
//! Set `BLESS=1` to rewrite the expected files from the current output, then
//! read the diff before committing it.

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use wasm_manifests::{Format, Manifest};

/// The folder of the configuration file fixtures.
const CONFIG: &str = "config";

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v != "0")
}

/// The format a fixture folder belongs to (`flowlike` → Flow-Like,
/// `spin-v2` → Spin); `None` for folders that are not format fixtures.
fn folder_format(folder: &str) -> Option<Format> {
    let base = folder.split('-').next().unwrap_or(folder);
    Format::ALL
        .into_iter()
        .find(|format| format.name().replace('-', "") == base)
}

/// The fixture folders of every format: `(folder, format)`.
fn folders() -> Vec<(PathBuf, Format)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(fixtures_root()) else {
        return out;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "verify" || name == CONFIG || !path.is_dir() {
            continue;
        }
        let format =
            folder_format(&name).unwrap_or_else(|| panic!("fixtures/{name} matches no format"));
        out.push((path, format));
    }
    out.sort();
    out
}

/// Inputs of one kind (`valid` / `invalid`) in one fixture folder.
fn inputs(folder: &Path, kind: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder.join(kind)) else {
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
fn compare(expected_path: &Path, actual: &str) -> Result<(), Failed> {
    if bless() {
        std::fs::write(expected_path, actual).expect("write expected file");
        return Ok(());
    }
    let expected = std::fs::read_to_string(expected_path).map_err(|_| {
        format!(
            "{} is missing; run with BLESS=1 to create it, then read it\n--- actual ---\n{actual}",
            relative(expected_path)
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(expected.as_str(), actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string();
    Err(format!("{} differs:\n{diff}", relative(expected_path)).into())
}

/// The typed manifest written back in its own syntax.
fn reserialize(manifest: &Manifest) -> String {
    match manifest.format() {
        Format::Extism => serde_json::to_string(manifest).expect("serialize to JSON"),
        _ => toml::to_string(manifest).expect("serialize to TOML"),
    }
}

fn check_invalid(input: &Path, format: Format) -> Result<(), Failed> {
    let parsed = wasm_manifests::Options::new()
        .parse_file_as(input, format)
        .map_err(|e| e.to_string())?;
    let mut report = parsed.into_report();
    report.set_origin(relative(input));
    if report.is_empty() {
        return Err("an invalid fixture must report at least one diagnostic".into());
    }
    compare(&input.with_extension("stderr"), &report.render())
}

fn check_valid(input: &Path, format: Format) -> Result<(), Failed> {
    let parsed = wasm_manifests::Options::new()
        .parse_file_as(input, format)
        .map_err(|e| e.to_string())?;
    if !parsed.report().is_empty() {
        return Err(format!(
            "a valid fixture must stay quiet, but reported:\n{}",
            parsed.report()
        )
        .into());
    }
    let manifest = parsed.manifest().ok_or("no manifest was built")?;
    let json = serde_json::to_string_pretty(manifest).expect("serialize") + "\n";
    compare(&input.with_extension("model.json"), &json)?;
    // The model round-trips through its own syntax.
    let again = wasm_manifests::parse(&reserialize(manifest), format);
    if again.manifest() != Some(manifest) || !again.report().is_empty() {
        return Err(format!(
            "the manifest does not round-trip through serialization:\n{}\n{}",
            reserialize(manifest),
            again.report()
        )
        .into());
    }
    Ok(())
}

fn check_config(input: &Path, valid: bool) -> Result<(), Failed> {
    let text = std::fs::read_to_string(input).map_err(|e| e.to_string())?;
    match (
        wasm_manifests::config::Config::parse(&text, relative(input)),
        valid,
    ) {
        (Ok(_), true) => Ok(()),
        (Err(report), true) => Err(format!("a valid configuration was refused:\n{report}").into()),
        (Ok(_), false) => Err("an invalid configuration must be refused".into()),
        (Err(report), false) => compare(&input.with_extension("stderr"), &report.render()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let config = fixtures_root().join(CONFIG);
    for kind in ["invalid", "valid"] {
        for input in inputs(&config, kind) {
            let stem = input
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let name = format!("{CONFIG}::{kind}::{stem}");
            let valid = kind == "valid";
            trials.push(Trial::test(name, move || check_config(&input, valid)));
        }
    }
    for (folder, format) in folders() {
        let folder_name = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for kind in ["invalid", "valid"] {
            for input in inputs(&folder, kind) {
                let stem = input
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let name = format!("{folder_name}::{kind}::{stem}");
                let check = if kind == "valid" {
                    check_valid
                } else {
                    check_invalid
                };
                trials.push(Trial::test(name, move || check(&input, format)));
            }
        }
    }
    assert!(
        trials.len() > 100 || !fixtures_root().exists(),
        "expected the fixture folders, found {} fixtures",
        trials.len()
    );
    trials.push(Trial::test(
        "every_code_has_a_fixture",
        every_code_has_a_fixture,
    ));
    libtest_mimic::run(&args, trials).exit();
}

/// Every documented code is shown by at least one invalid fixture, and
/// every code the fixtures show is documented.
fn every_code_has_a_fixture() -> Result<(), Failed> {
    // Codes that cannot be shown by a small fixture file, with where they are tested.
    const TESTED_ELSEWHERE: &[(&str, &str)] = &[
        ("file-too-large", "tests/bad_input.rs"),
        (
            "too-many-problems",
            "tests/hostile.rs: needs more than 10,000 problems",
        ),
        (
            "verify/unreadable-file",
            "needs a file the test cannot read, impossible when tests run as root",
        ),
        (
            "verify/search-limit",
            "needs 100,000 directory entries: tests/verify_hostile.rs and the unit tests of src/verify.rs",
        ),
    ];
    let mut expected_files: Vec<PathBuf> = folders()
        .iter()
        .map(|(folder, _)| folder.clone())
        .chain([fixtures_root().join(CONFIG)])
        .flat_map(|folder| inputs(&folder, "invalid"))
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
    if !missing.is_empty() {
        return Err(format!("codes without an invalid fixture: {missing:?}").into());
    }
    if !undocumented.is_empty() {
        return Err(format!("codes in fixtures but not documented: {undocumented:?}").into());
    }
    Ok(())
}
