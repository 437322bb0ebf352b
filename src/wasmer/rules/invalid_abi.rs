//! `wasmer/invalid-abi`: a module `abi` other than `none`, `wasi` or `wasm4`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::wasmer::Abi;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-abi")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A module `abi` other than `none`, `wasi` or `wasm4`.",
        "The parser refuses other values: \"unknown variant\". `emscripten` was removed from Wasmer.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"emscripten\"",
        "Use `abi = \"wasi\"` for WASI programs, or remove the key (`none`).",
    );

/// The ABIs Wasmer knows.
pub(crate) const ABIS: &[&str] = &["none", "wasi", "wasm4"];

/// Reads a module's `abi`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<Abi> {
    match text {
        "none" => return Some(Abi::None),
        "wasi" => return Some(Abi::Wasi),
        "wasm4" => return Some(Abi::Wasm4),
        _ => {}
    }
    let best = suggest::closest(text, ABIS);
    let pending = cx.report(&RULE, path, format!("unknown ABI `{text}`"));
    if text.eq_ignore_ascii_case("emscripten") {
        pending.help("emscripten support was removed from Wasmer: build the module for WASI and use `abi = \"wasi\"`");
    } else if let Some(best) = best {
        pending.suggest_str(text, best, ABIS);
    } else {
        pending.help(format!("expected one of {}", suggest::list(ABIS)));
    }
    None
}
