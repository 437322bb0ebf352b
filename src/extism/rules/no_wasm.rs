//! `extism/no-wasm`: `wasm` is absent or an empty list.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::error("extism/no-wasm")
    .category(Category::Correctness)
    .doc(
        "`wasm` is absent or an empty list.",
        "The official crate reads a missing `wasm` as an empty list, and the runtime then refuses to create the plug-in: \"No wasm files specified in Extism manifest\".",
        "{ \"memory\": { \"max_pages\": 4 } }",
        "Add the module: `\"wasm\": [{ \"path\": \"plugin.wasm\" }]`.",
    );

const NOTE: &str =
    "the runtime refuses such a manifest: \"No wasm files specified in Extism manifest\"";

/// The document has no `wasm` key.
pub(crate) fn missing(cx: &mut Cx) {
    let example = snippet::example_list(cx.syntax);
    let root = P::ROOT;
    cx.report(
        &RULE,
        &root.key("wasm"),
        "missing `wasm`: the manifest names no module",
    )
    .at(&root, Target::Value)
    .help(format!("add the plug-in's module: `{example}`"))
    .note(NOTE);
}

/// `wasm` is an empty list.
pub(crate) fn empty(cx: &mut Cx, path: &P<'_>) {
    let example = snippet::example_list(cx.syntax);
    cx.report(&RULE, path, "`wasm` is empty: the manifest names no module")
        .help(format!("list the plug-in's module: `{example}`"))
        .note(NOTE);
}
