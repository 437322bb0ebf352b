//! `flow-like/empty-category-segment`: a node's `category` is empty or has an empty segment.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/empty-category-segment")
    .category(Category::Style)
    .doc(
        "A node's `category` is empty or has an empty segment (`Cloud//Storage`, `/Cloud`, `Cloud/`).",
        "The category is a `/`-separated path in the node catalog; Flow-Like accepts empty segments without a word, but they are almost always a doubled or stray `/`.",
        "[[nodes]]\ncategory = \"Cloud//Storage\"",
        "Remove the extra `/`: `category = \"Cloud/Storage\"`.",
    );

const NO_NAME_HELP: &str =
    "give the node a category path such as `\"Custom/Examples\"`; the catalog groups nodes by it";

/// Checks a node's `category`.
pub(crate) fn check(cx: &mut Cx, category: &str, path: &P<'_>) {
    if category.trim().is_empty() {
        cx.report(&RULE, path, "the node's category is empty")
            .help(NO_NAME_HELP);
        return;
    }
    // The first empty segment: a leading `/`, a `//`, or a trailing `/`.
    let bytes = category.as_bytes();
    let range = if bytes.first() == Some(&b'/') {
        0..1
    } else if let Some(at) = category.find("//") {
        at..at + 2
    } else if bytes.last() == Some(&b'/') {
        category.len() - 1..category.len()
    } else {
        return;
    };
    let fixed: Vec<&str> = category.split('/').filter(|s| !s.is_empty()).collect();
    if fixed.is_empty() {
        cx.report(
            &RULE,
            path,
            format!("category `{category}` has no name in it"),
        )
        .help(NO_NAME_HELP);
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("category `{category}` has an empty segment"),
    )
    .within(range)
    .help(format!(
        "remove the extra `/`: `category = {:?}`",
        fixed.join("/")
    ))
    .note("each `/`-separated segment is one level of the node catalog; Flow-Like does not check them");
}
