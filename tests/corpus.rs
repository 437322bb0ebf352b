//! Every real manifest in `../shared/corpus/<format>/` must parse with no
//! errors in the default mode. Warnings are allowed and printed.
//!
//! The corpus lives outside the crate; when its folder is absent (the crate
//! tested on its own), these tests print a notice and pass.

use std::path::{Path, PathBuf};

use wasm_manifests::Format;

fn corpus_files(dir: &str) -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(dir);
    let Ok(entries) = std::fs::read_dir(&root) else {
        println!(
            "notice: {} is absent; skipping the {dir} corpus test",
            root.display()
        );
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != Some("SOURCES.md"))
        .collect();
    files.sort();
    Some(files)
}

/// `at_least` is the size of the corpus when this test was written: the
/// corpus may grow (Spin version 2 files may join `spin/`), never shrink
/// unnoticed.
fn check(dir: &str, format: Format, at_least: usize) {
    let Some(files) = corpus_files(dir) else {
        return;
    };
    assert!(
        files.len() >= at_least,
        "{} {dir} corpus files, expected at least {at_least}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let parsed = wasm_manifests::Options::new()
            .parse_file_as(file, format)
            .expect("corpus file is readable");
        let report = parsed.report();
        print!("{report}");
        if report.has_errors() {
            failures.push(format!("{}:\n{report}", file.display()));
        } else if parsed.manifest().is_none() {
            failures.push(format!("{}: no manifest was built", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "corpus files with errors:\n{}",
        failures.join("\n")
    );
    println!("{} {dir} corpus files: no errors", files.len());
}

#[test]
fn wasmer_corpus_has_no_errors() {
    check("wasmer", Format::Wasmer, 15);
}

#[test]
fn spin_corpus_has_no_errors() {
    check("spin", Format::Spin, 15);
}

#[test]
fn extism_corpus_has_no_errors() {
    check("extism", Format::Extism, 1);
}

#[test]
fn flowlike_corpus_has_no_errors() {
    check("flowlike", Format::FlowLike, 20);
}
