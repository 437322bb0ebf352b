//! `wasmer/invalid-package-name`: `package.name` does not follow the package identifier grammar `[namespace/]name` (each part starts with a letter, then letters, digits, `_`, `.` or `-`).

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-package-name")
    .category(Category::Correctness)
    .doc(
        "`package.name` does not follow the package identifier grammar `[namespace/]name` (each part starts with a letter, then letters, digits, `_`, `.` or `-`).",
        "A name outside the grammar cannot be referenced from other packages or published to the registry.",
        "[package]\nname = \"my org/1tool\"",
        "Use a name such as `my-org/tool`.",
    );

/// Checks `package.name` against the CLI's identifier grammar,
/// `([a-zA-Z][a-zA-Z0-9_.-]*/)?[a-zA-Z][a-zA-Z0-9_.-]*`; returns whether it
/// matches.
pub(crate) fn check(cx: &mut Cx, name: &str, path: &P<'_>) -> bool {
    let part_ok = |s: &str| {
        let mut bytes = s.bytes();
        matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
            && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    };
    let (namespace, short) = match name.split_once('/') {
        Some((ns, short)) => (Some(ns), short),
        None => (None, name),
    };
    let valid = namespace.is_none_or(part_ok) && part_ok(short);
    if !valid {
        cx.report(&RULE, path, format!("`{name}` is not a valid package name"))
            .help("use `namespace/name`, each part starting with a letter followed by letters, digits, `_`, `.` or `-`");
    }
    valid
}
