//! `flow-like/no-nodes`: the manifest declares no `[[nodes]]`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::warning("flow-like/no-nodes")
    .category(Category::Publish)
    .doc(
        "The manifest declares no `[[nodes]]`.",
        "A warning: current Flow-Like reads a package's nodes from its WASM module and has no `nodes` in the manifest, so it accepts this. Flow-Like versions that read `[[nodes]]` (those the format documentation describes) load the manifest but refuse to publish a package without at least one node.",
        "manifest_version = 1\nid = \"com.example.empty\"\n# no [[nodes]]",
        "Nothing, for current Flow-Like. For versions that read `[[nodes]]`, add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides.",
    );

const HELP: &str = "for Flow-Like versions that read `[[nodes]]`, add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides";

fn note() -> String {
    format!(
        "Flow-Like versions that read `[[nodes]]` refuse to publish a package without nodes; {}",
        super::NODES_ARE_IN_THE_MODULE
    )
}

/// The manifest has `nodes`, and it is not an empty array.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let path = P::ROOT;
    match root.get("nodes") {
        None => {
            cx.report(&RULE, &path.key("nodes"), "the package declares no nodes")
                .at(&path, Target::Value)
                .help(HELP)
                .note(note());
        }
        Some(nodes) if nodes.as_array().is_some_and(<[_]>::is_empty) => {
            cx.report(&RULE, &path.key("nodes"), "the package declares no nodes")
                .help(HELP)
                .note(note());
        }
        Some(_) => {}
    }
}
