//! `wasmer/incomplete-package`: a `[package]` table without `name`, `version` or `description`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("wasmer/incomplete-package")
    .category(Category::Publish)
    .doc(
        "A `[package]` table without `name`, `version` or `description`.",
        "Parsing accepts partial packages, but publishing needs all three, and the documentation marks them required.",
        "[package]\nname = \"me/tool\"\nversion = \"0.1.0\"",
        "Add the missing keys.",
    );

/// Checks that `[package]` has what publishing needs.
pub(crate) fn check(cx: &mut Cx, package: &Table<'_, '_, '_>, path: &P<'_>) {
    let missing: Vec<&str> = ["name", "version", "description"]
        .into_iter()
        .filter(|k| !package.has(k))
        .collect();
    if !missing.is_empty() {
        cx.report(
            &RULE,
            path,
            format!("`[package]` has no {}", suggest::list_all(&missing)),
        )
        .help("publishing to the registry needs `name`, `version` and `description`");
    }
}
