//! The benchmark inputs are what their documentation says: the realistic
//! Extism manifest is clean, and its variant with warnings has exactly the
//! three documented warnings and no error.

use wasm_manifests::Format;
use wasm_manifests_conformance::generate;

fn codes(text: &str) -> Vec<&'static str> {
    let parsed = wasm_manifests::parse(text, Format::Extism);
    parsed.report().iter().map(|d| d.code).collect()
}

#[test]
fn the_realistic_extism_manifests_are_clean_and_warned_as_documented() {
    assert!(codes(generate::EXTISM_REALISTIC).is_empty());
    let warned = generate::extism_realistic_with_warnings();
    assert_eq!(
        codes(&warned),
        [
            "extism/missing-hash",
            "extism/insecure-url",
            "extism/allows-all-hosts"
        ]
    );
    let parsed = wasm_manifests::parse(&warned, Format::Extism);
    assert!(!parsed.report().has_errors());
    assert!(parsed.manifest().is_some());
    // The same manifest otherwise: the same size, give or take the edits.
    assert!(warned.len().abs_diff(generate::EXTISM_REALISTIC.len()) < 100);
}
