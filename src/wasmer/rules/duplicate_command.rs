//! `wasmer/duplicate-command`: two `[[command]]` entries have the same name.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::names;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("wasmer/duplicate-command")
    .category(Category::Correctness)
    .doc(
        "Two `[[command]]` entries have the same name.",
        "Validation fails with DuplicateCommand; `wasmer run --command` could not tell them apart.",
        "[[command]]\nname = \"run\"\n# ...\n[[command]]\nname = \"run\"\n# ...",
        "Rename one of the commands.",
    );

/// Command names are unique.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let commands = root.get("command").map_or(&[][..], Node::items);
    names::report_duplicates(
        cx,
        &RULE,
        commands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c.str_at("name")?))),
        |i| FieldPath::root().key("command").index(i).key("name"),
        |name| format!("duplicate command `{name}`"),
        "command names must be unique: rename one of them",
    );
}
