//! The JSON Schemas agree with the checker on generated manifests: each
//! manifest without any diagnostic (fixtures and corpus) is mutated (a key
//! dropped or renamed, a value of another type, an entry duplicated, a
//! version broken), and for every variant:
//!
//! - when the checker finds no error, the schema accepts it (an editor never
//!   flags what the tools accept);
//! - when the checker reports a structural error (`wrong-type`,
//!   `missing-key`, `unknown-key`), the schema refuses it.

use std::path::{Path, PathBuf};

use serde_json::Value;
use wasm_manifests::schema::{self, Schema};
use wasm_manifests::{Format, Severity};
use wasm_manifests_conformance::{MUTATIONS, Rng, mutate};

const STRUCTURAL: [&str; 3] = ["wrong-type", "missing-key", "unknown-key"];

fn manifests(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if (name.ends_with(".toml") || name.ends_with(".json")) && !name.ends_with(".model.json") {
            out.push(path);
        }
    }
}

/// The manifests of `format` the checker finds nothing in.
fn clean_inputs(format: Format, folders: &[&str], shared: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for folder in folders {
        for kind in ["valid", "invalid"] {
            manifests(&root.join("fixtures").join(folder).join(kind), &mut files);
        }
    }
    for dir in shared {
        let path = root.join("../shared").join(dir);
        if path.is_dir() {
            manifests(&path, &mut files);
        } else {
            println!("notice: {} is absent; skipping it", path.display());
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|text| wasm_manifests::parse(text, format).report().is_empty())
        .collect()
}

fn document(text: &str) -> Option<Value> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).ok();
    }
    let table: toml::Table = toml::from_str(text).ok()?;
    serde_json::to_value(table).ok()
}

fn check(format: Format, folders: &[&str], shared: &[&str]) {
    let inputs = clean_inputs(format, folders, shared);
    assert!(!inputs.is_empty(), "no clean {} manifests", format.name());
    let validator = jsonschema::draft7::new(&schema::json_schema(Schema::for_format(format)))
        .expect("the schema compiles");
    let mut rng = Rng::new(0x5c4e_0000 + format as u64);
    let mut failures = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for mutation in MUTATIONS {
        for _ in 0..400 {
            let text = &inputs[rng.below(inputs.len())];
            let Some(variant) = mutate(text, mutation, &mut rng) else {
                continue;
            };
            let Some(document) = document(&variant) else {
                continue;
            };
            let parsed = wasm_manifests::parse(&variant, format);
            let errors: Vec<_> = parsed
                .report()
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let schema_errors: Vec<String> = validator
                .iter_errors(&document)
                .map(|e| format!("{e} at `{}`", e.instance_path()))
                .collect();
            if errors.is_empty() {
                accepted += 1;
                if !schema_errors.is_empty() {
                    failures.push(format!(
                        "{mutation:?}: the checker accepts, the schema refuses ({}):\n{variant}",
                        schema_errors.join("; ")
                    ));
                }
            } else if errors.iter().any(|d| STRUCTURAL.contains(&d.code)) {
                refused += 1;
                if schema_errors.is_empty() {
                    let codes: Vec<String> = errors
                        .iter()
                        .map(|d| format!("{} at `{}`", d.code, d.path))
                        .collect();
                    failures.push(format!(
                        "{mutation:?}: the checker reports {}, the schema accepts:\n{variant}",
                        codes.join(", ")
                    ));
                }
            }
        }
    }
    failures.truncate(5);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        accepted > 50 && refused > 50,
        "accepted {accepted}, refused {refused}"
    );
    println!(
        "{}: {accepted} variants without errors validate, {refused} with structural errors fail",
        format.name()
    );
}

#[test]
fn wasmer_variants() {
    check(Format::Wasmer, &["wasmer"], &["corpus/wasmer"]);
}

#[test]
fn spin_variants() {
    check(
        Format::Spin,
        &["spin", "spin-v2"],
        &["corpus/spin", "corpus/spin-v2", "corpus-pending/spin-v2"],
    );
}

#[test]
fn extism_variants() {
    check(Format::Extism, &["extism"], &["corpus/extism"]);
}

#[test]
fn flowlike_variants() {
    check(Format::FlowLike, &["flowlike"], &["corpus/flowlike"]);
}
