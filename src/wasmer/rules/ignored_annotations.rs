//! `wasmer/ignored-annotations`: a command's `annotations` that is not a table.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::warning("wasmer/ignored-annotations")
    .category(Category::Suspicious)
    .doc(
        "A command's `annotations` that is not a table.",
        "The parser keeps any value, but the packager only copies a table of runner settings into the package and silently drops anything else.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = \"--verbose\"",
        "Write the settings as tables per runner (`[command.annotations.wasi]`), or point at a file with `{ file, kind }`.",
    );

/// Command `annotations` that are not a table; returns whether they are
/// ignored.
pub(crate) fn check(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> bool {
    if node.as_table().is_some() {
        return false;
    }
    let found = node.type_name(cx.syntax);
    cx.report(&RULE, path, format!("`annotations` is {found}, not a table, so Wasmer ignores it"))
        .help("write one table per runner, e.g. `[command.annotations.wasi]` with `main-args` and `env`, or `annotations = { file = \"annotations.yaml\", kind = \"yaml\" }`");
    true
}
