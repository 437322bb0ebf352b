//! `flow-like/empty-description`: the package `description` is empty.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/empty-description")
    .category(Category::Publish)
    .doc(
        "The package `description` is empty.",
        "Flow-Like requires the key but accepts an empty value; the registry then lists the package with no description.",
        "description = \"\"",
        "Describe in one sentence what the package's nodes do.",
    );

/// Checks that the description says something.
pub(crate) fn check(cx: &mut Cx, description: &str, path: &P<'_>) {
    if description.trim().is_empty() {
        cx.report(&RULE, path, "the package description is empty")
            .help("describe in one sentence what the package's nodes do; the registry shows it in listings");
    }
}
