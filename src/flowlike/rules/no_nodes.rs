//! `flow-like/no-nodes`: the manifest declares no `[[nodes]]`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::error("flow-like/no-nodes")
    .category(Category::Publish)
    .doc(
        "The manifest declares no `[[nodes]]`.",
        "A package exists to provide nodes: the manifest loads, but Flow-Like refuses to publish a package without at least one node.",
        "manifest_version = 1\nid = \"com.example.empty\"\n# no [[nodes]]",
        "Add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides.",
    );

const HELP: &str = "add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides";
const NOTE: &str = "the manifest loads, but Flow-Like refuses to publish a package without nodes";

/// The manifest has `nodes`, and it is not an empty array.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let path = P::ROOT;
    match root.get("nodes") {
        None => {
            cx.report(&RULE, &path.key("nodes"), "the package declares no nodes")
                .at(&path, Target::Value)
                .help(HELP)
                .note(NOTE);
        }
        Some(nodes) if nodes.as_array().is_some_and(<[_]>::is_empty) => {
            cx.report(&RULE, &path.key("nodes"), "the package declares no nodes")
                .help(HELP)
                .note(NOTE);
        }
        Some(_) => {}
    }
}
