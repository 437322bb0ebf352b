//! `flow-like/empty-required-field`: the package `id`, `name` or `version` is an empty string.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("flow-like/empty-required-field")
    .category(Category::Publish)
    .doc(
        "The package `id`, `name` or `version` is an empty string.",
        "The key is present, so the manifest loads, but the checks Flow-Like runs before publishing refuse a package whose id, name or version is empty.",
        "id = \"\"",
        "Fill in the value: `id = \"com.example.my-package\"`, a display name, a version such as `\"0.1.0\"`.",
    );

/// Checks that `value` of the root key `key` is not empty; returns whether
/// it is. `example` is a value to suggest.
pub(crate) fn check(cx: &mut Cx, value: &str, path: &P<'_>, key: &str, example: &str) -> bool {
    if !value.is_empty() {
        return false;
    }
    cx.report(&RULE, path, format!("the package `{key}` is empty"))
        .help(format!("fill it in, e.g. `{key} = {example}`"))
        .note("the manifest loads, but Flow-Like refuses to publish a package without it");
    true
}
