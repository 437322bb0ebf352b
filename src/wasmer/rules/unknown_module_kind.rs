//! `wasmer/unknown-module-kind`: a module `kind` other than `wasm`, `tensorflow-SavedModel` or a URL.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("wasmer/unknown-module-kind")
    .category(Category::Correctness)
    .doc(
        "A module `kind` other than `wasm`, `tensorflow-SavedModel` or a URL.",
        "The packager fails with UnknownAtomKind.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nkind = \"webassembly\"",
        "Remove `kind` (WebAssembly is the default) or use one of the accepted values.",
    );

/// Checks a module's `kind`.
pub(crate) fn check(cx: &mut Cx, kind: &str, path: &P<'_>) {
    if kind != "wasm" && kind != "tensorflow-SavedModel" && url::Url::parse(kind).is_err() {
        cx.report(&RULE, path, format!("unknown module kind `{kind}`"))
            .help(
                "remove `kind` for a WebAssembly module, or use `tensorflow-SavedModel` or a URL",
            );
    }
}
