//! `wasm-manifests explain`, run as a real process.

mod support;

use support::*;

#[test]
fn explains_a_code_from_the_registry() {
    for doc in wasm_manifests::codes::all() {
        let explained = run(&["explain", doc.code]);
        assert_eq!(explained.code, 0, "{explained:?}");
        assert_eq!(explained.stdout, doc.to_markdown());
    }
    snapshot("explain-code", &run(&["explain", "wasmer/unknown-module"]));
}

#[test]
fn lists_every_code() {
    let list = run(&["explain", "--list"]);
    assert_eq!(list.code, 0, "{list:?}");
    let docs: Vec<_> = wasm_manifests::codes::all().collect();
    assert_eq!(list.stdout.lines().count(), docs.len());
    for (line, doc) in list.stdout.lines().zip(&docs) {
        assert!(line.starts_with(doc.code), "{line}");
        assert!(line.ends_with(doc.summary), "{line}");
    }
}

#[test]
fn unknown_code_suggests_the_closest() {
    let typo = run(&["explain", "--color", "never", "unknown-modul"]);
    assert_eq!(typo.code, 2, "{typo:?}");
    snapshot("explain-unknown", &typo);
    // The name without its format prefix finds the code.
    let unprefixed = run(&["explain", "duplicate-module"]);
    assert_eq!(unprefixed.code, 2);
    assert!(
        unprefixed
            .stderr
            .contains("did you mean `wasmer/duplicate-module` or `extism/duplicate-module`?")
    );
    // Nothing close.
    let far = run(&["explain", "xyzzy"]);
    assert_eq!(far.code, 2);
    assert!(!far.stderr.contains("did you mean"), "{far:?}");
}

#[test]
fn explain_needs_a_code_or_list() {
    assert_eq!(run(&["explain"]).code, 2);
    assert_eq!(run(&["explain", "--list", "syntax-error"]).code, 2);
}
