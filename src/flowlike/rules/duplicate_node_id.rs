//! `flow-like/duplicate-node-id`: two `[[nodes]]` entries have the same `id`.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::names::{self, Texts};
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::warning("flow-like/duplicate-node-id")
    .category(Category::Suspicious)
    .doc(
        "Two `[[nodes]]` entries have the same `id`.",
        "Node ids must be unique within a package (the documentation says so, and flows refer to nodes by id); Flow-Like does not check it, and its lookups by id find only the first node.",
        "[[nodes]]\nid = \"add\"\n# ...\n[[nodes]]\nid = \"add\"",
        "Rename one of the nodes (and the code that registers it).",
    );

/// Node ids are unique.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    names::report_repeats(
        cx,
        &RULE,
        super::nodes(root)
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((i, n.str_at("id")?))),
        |i| FieldPath::root().key("nodes").index(i).key("id"),
        |id| format!("duplicate node id `{id}`"),
        Texts {
            first: "first defined here",
            help: "node ids must be unique within the package: rename one of them (and the code that registers it)",
            note: Some("Flow-Like does not check this; lookups by id find only the first node"),
        },
    );
}
