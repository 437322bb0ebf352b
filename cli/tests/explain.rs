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
        let columns: Vec<&str> = line.split("  ").filter(|c| !c.is_empty()).collect();
        assert_eq!(columns[1].trim(), doc.category.name(), "{line}");
        let severity = columns[2].trim();
        match doc.severity {
            "error" | "warning" => assert_eq!(severity, doc.severity, "{line}"),
            _ => assert_eq!(severity, "varies", "{line}"),
        }
    }
    // The summaries start at the same column.
    let starts: std::collections::BTreeSet<usize> = list
        .stdout
        .lines()
        .zip(&docs)
        .map(|(line, doc)| line.len() - doc.summary.len())
        .collect();
    assert_eq!(starts.len(), 1, "{}", list.stdout);
}

#[test]
fn the_list_filters_by_category_or_prefix() {
    use wasm_manifests::codes::Category;
    for category in Category::ALL {
        let listed = run(&["explain", "--list", category.name()]);
        assert_eq!(listed.code, 0, "{listed:?}");
        let expected: Vec<&str> = wasm_manifests::codes::all()
            .filter(|d| d.category == category)
            .map(|d| d.code)
            .collect();
        assert!(!expected.is_empty(), "{category:?}");
        let codes: Vec<&str> = listed
            .stdout
            .lines()
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert_eq!(codes, expected);
    }
    snapshot(
        "explain-list-syntax",
        &run(&["explain", "--list", "syntax"]),
    );
    let spin = run(&["explain", "--list", "spin/"]);
    assert!(
        spin.stdout.lines().all(|l| l.starts_with("spin/")),
        "{spin:?}"
    );
    // A filter that names nothing is a usage error, with a suggestion.
    let typo = run(&["explain", "--color", "never", "--list", "securty"]);
    assert_eq!(typo.code, 2, "{typo:?}");
    assert!(typo.stderr.contains("did you mean `security`?"), "{typo:?}");
}

#[test]
fn partial_and_former_names_find_codes() {
    // One code has this in its name: it is explained.
    let one = run(&["explain", "duplicate-route"]);
    assert_eq!(one.code, 0, "{one:?}");
    let doc = wasm_manifests::codes::find("spin/duplicate-route").unwrap();
    assert_eq!(one.stdout, doc.to_markdown());
    // A former name is the code it became.
    let former = run(&["explain", "flow-like/all-hosts-allowed"]);
    assert_eq!(former.code, 0, "{former:?}");
    assert!(
        former.stdout.starts_with("# flow-like/allows-all-hosts "),
        "{former:?}"
    );
    // Several: they are listed, and the help says how to pick one.
    let several = run(&["explain", "--color", "never", "wasmer/invalid"]);
    assert_eq!(several.code, 0, "{several:?}");
    snapshot("explain-partial", &several);
    assert!(several.stdout.lines().count() > 3);
    assert!(
        several
            .stdout
            .lines()
            .all(|l| l.starts_with("wasmer/invalid")),
        "{several:?}"
    );
    let duplicates = run(&["explain", "duplicate"]);
    assert!(duplicates.stdout.lines().count() > 3, "{duplicates:?}");
    assert!(
        duplicates.stdout.lines().all(|l| l.contains("duplicate")),
        "{duplicates:?}"
    );
}

#[test]
fn unknown_code_suggests_the_closest() {
    let typo = run(&["explain", "--color", "never", "unknwn-module"]);
    assert_eq!(typo.code, 2, "{typo:?}");
    snapshot("explain-unknown", &typo);
    // Nothing close.
    let far = run(&["explain", "xyzzy"]);
    assert_eq!(far.code, 2);
    assert!(!far.stderr.contains("did you mean"), "{far:?}");
}

#[test]
fn explain_needs_a_code_or_list() {
    assert_eq!(run(&["explain"]).code, 2);
    assert_eq!(run(&["explain", "syntax-error", "--list"]).code, 2);
}
