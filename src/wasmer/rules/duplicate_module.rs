//! `wasmer/duplicate-module`: two `[[module]]` entries have the same name.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::names;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("wasmer/duplicate-module")
    .category(Category::Correctness)
    .doc(
        "Two `[[module]]` entries have the same name.",
        "Validation fails with DuplicateModule; commands could not tell the modules apart.",
        "[[module]]\nname = \"m\"\nsource = \"a.wasm\"\n\n[[module]]\nname = \"m\"\nsource = \"b.wasm\"",
        "Rename one of the modules (and the commands using it).",
    );

/// Module names are unique.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let modules = root.get("module").map_or(&[][..], Node::items);
    names::report_duplicates(
        cx,
        &RULE,
        modules
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, m.str_at("name")?))),
        |i| FieldPath::root().key("module").index(i).key("name"),
        |name| format!("duplicate module `{name}`"),
        "module names must be unique: rename one of them (and the commands using it)",
    );
}
