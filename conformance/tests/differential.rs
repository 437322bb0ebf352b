//! Differential tests: wasm-manifests and the official crates must agree on
//! whether a manifest has errors, except for the deliberate differences of
//! `deliberate.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wasm_manifests::Format;
use wasm_manifests_conformance::{
    MUTATIONS, Outcome, Rng, Verdict, classify, deliberate, mutate, official, our_warnings, ours,
};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if (name.ends_with(".toml") || name.ends_with(".json")) && !name.ends_with(".model.json") {
            out.push(path);
        }
    }
}

/// Fixtures and corpus manifests of a format.
fn inputs(format: Format) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for kind in ["valid", "invalid"] {
        files(
            &root.join("fixtures").join(format.name()).join(kind),
            &mut out,
        );
    }
    let corpus = root.join("../shared/corpus").join(format.name());
    if corpus.is_dir() {
        files(&corpus, &mut out);
    } else {
        println!(
            "notice: {} is absent; comparing the fixtures only",
            corpus.display()
        );
    }
    out.sort();
    out
}

fn verdict(format: Format, bytes: &[u8]) -> Verdict {
    match std::str::from_utf8(bytes) {
        Ok(text) => official(format, text),
        Err(_) => Verdict::Rejects("parse: not UTF-8".into()),
    }
}

/// Compares every case; returns how often each deliberate difference was
/// needed, and fails on any unexplained disagreement.
fn compare(format: Format, cases: &[(String, Vec<u8>)]) -> BTreeMap<String, usize> {
    let table = deliberate();
    let mut used = BTreeMap::new();
    let mut unexplained = Vec::new();
    for (name, bytes) in cases {
        let outcome = classify(
            format,
            &ours(format, bytes),
            &our_warnings(format, bytes),
            &verdict(format, bytes),
            &table,
        );
        match outcome {
            Outcome::Agree | Outcome::NotCompared(_) => {}
            Outcome::Deliberate(ids) => {
                for id in ids {
                    *used.entry(id).or_insert(0) += 1;
                }
            }
            Outcome::Unexplained(why) => {
                unexplained.push(format!("{name}: {why}\n{}", String::from_utf8_lossy(bytes)));
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "{} undocumented disagreement(s) with the official {format} crate:\n\n{}",
        unexplained.len(),
        unexplained
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n---\n")
    );
    used
}

fn file_cases(format: Format) -> Vec<(String, Vec<u8>)> {
    inputs(format)
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

/// Variants of the valid fixtures and corpus files, with a fixed seed.
fn generated_cases(format: Format, per_mutation: usize) -> Vec<(String, Vec<u8>)> {
    let valid: Vec<(String, String)> = inputs(format)
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            wasm_manifests::parse(&text, format)
                .report()
                .is_empty()
                .then(|| (p.display().to_string(), text))
        })
        .collect();
    assert!(!valid.is_empty());
    let mut rng = Rng::new(0x5eed_0000 + format as u64);
    let mut cases = Vec::new();
    for mutation in MUTATIONS {
        let mut made = 0;
        let mut attempts = 0;
        while made < per_mutation && attempts < per_mutation * 10 {
            attempts += 1;
            let (name, text) = &valid[rng.below(valid.len())];
            if let Some(variant) = mutate(text, mutation, &mut rng) {
                cases.push((format!("{mutation:?} of {name}"), variant.into_bytes()));
                made += 1;
            }
        }
    }
    cases
}

#[test]
fn wasmer_fixtures_and_corpus_agree_with_wasmer_config() {
    let used = compare(Format::Wasmer, &file_cases(Format::Wasmer));
    println!("deliberate differences used: {used:?}");
}

#[test]
fn extism_fixtures_and_corpus_agree_with_extism_manifest() {
    let used = compare(Format::Extism, &file_cases(Format::Extism));
    println!("deliberate differences used: {used:?}");
}

#[test]
fn generated_wasmer_variants_agree_with_wasmer_config() {
    let cases = generated_cases(Format::Wasmer, 600);
    assert!(cases.len() >= 2_500, "only {} variants", cases.len());
    let used = compare(Format::Wasmer, &cases);
    println!(
        "{} variants; deliberate differences used: {used:?}",
        cases.len()
    );
}

#[test]
fn generated_extism_variants_agree_with_extism_manifest() {
    let cases = generated_cases(Format::Extism, 500);
    assert!(cases.len() >= 2_000, "only {} variants", cases.len());
    let used = compare(Format::Extism, &cases);
    println!(
        "{} variants; deliberate differences used: {used:?}",
        cases.len()
    );
}

#[test]
fn every_deliberate_difference_is_needed_and_cites_the_spec() {
    let table = deliberate();
    let mut used = BTreeMap::new();
    for format in [Format::Wasmer, Format::Extism] {
        let mut cases = file_cases(format);
        cases.extend(generated_cases(format, 500));
        used.extend(compare(format, &cases));
    }
    for entry in &table {
        assert!(
            entry.spec.starts_with("spec/"),
            "{}: cite a rule of ../shared/spec",
            entry.id
        );
        assert!(!entry.reason.trim().is_empty(), "{}", entry.id);
        assert!(
            used.contains_key(&entry.id),
            "{} explains no case: remove it or add a fixture",
            entry.id
        );
    }
}
