//! `wasmer/invalid-module-reference`: a command's `module` has more than one `:`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::wasmer::ModuleReference;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-module-reference")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A command's `module` has more than one `:`.",
        "Module references are `module` or `dependency:module`; the parser refuses anything else with \"Invalid format\".",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python:3\"\nrunner = \"wasi\"",
        "Write `namespace/package:module`.",
    );

/// Reads a command's `module`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<ModuleReference> {
    match text.parse::<ModuleReference>() {
        Ok(reference) => Some(reference),
        Err(_) => {
            cx.report(&RULE, path, format!("`{text}` is not a module reference"))
                .help("write `module` for a module of this manifest, or `namespace/package:module` for a module of a dependency");
            None
        }
    }
}
