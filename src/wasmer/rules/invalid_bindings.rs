//! `wasmer/invalid-bindings`: `[module.bindings]` must have exactly one of `wit-bindgen` (WIT) or `wai-version` (WAI).

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-bindings")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`[module.bindings]` must have exactly one of `wit-bindgen` (WIT) or `wai-version` (WAI).",
        "The parser decides the bindings kind from these keys and refuses a table with none or both.",
        "[module.bindings]\nexports = \"lib.wai\"",
        "Add `wai-version = \"0.2.0\"` for WAI bindings, or `wit-bindgen` with `wit-exports` for WIT.",
    );

/// `bindings` with both kinds, or neither.
pub(crate) fn report(cx: &mut Cx, bindings: &Table<'_, '_, '_>, both: bool, path: &P<'_>) {
    let found: Vec<&str> = bindings.entries.iter().map(|e| e.key.as_ref()).collect();
    let message = if both {
        "`bindings` has both `wit-bindgen` and `wai-version`".to_owned()
    } else if found.is_empty() {
        "`bindings` is empty".to_owned()
    } else {
        format!(
            "`bindings` has neither `wit-bindgen` nor `wai-version` (found {})",
            suggest::list_all(&found)
        )
    };
    cx.report(&RULE, path, message).help(
        "give exactly one: `wai-version = \"0.2.0\"` (with `exports`/`imports`) for WAI, or `wit-bindgen` with `wit-exports` for WIT",
    );
}
