//! `spin/invalid-route`: a `route` table other than `{ private = true }`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-route")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `route` table other than `{ private = true }`.",
        "Spin accepts a route string or `{ private = true }` (a component reachable only from other components) and refuses `{ private = false }` (\"route must be a string pattern or '{ private = true }'\").",
        "[component.trigger]\nroute = { private = false }",
        "Give a route string such as `\"/hello\"`, or `{ private = true }`.",
    );

/// Reports `route = { private = false }`.
pub(crate) fn report_not_private(cx: &mut Cx, path: &P<'_>) {
    cx.report(&RULE, path, "`{ private = false }` is not a route")
        .help("give a route string such as `route = \"/hello\"`, or `{ private = true }` for a component reachable only from other components");
}
