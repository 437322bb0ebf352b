//! `spin/no-components`: the manifest has no `[[component]]`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::error("spin/no-components")
    .category(Category::Correctness)
    .doc(
        "The manifest has no `[[component]]`.",
        "Spin 1.x refused such a manifest, and the manifest reference requires at least one component. Later versions parse and load it, but every component becomes one trigger, so the application has none and `spin up` stops with \"No triggers in app\".",
        "spin_manifest_version = \"1\"\nname = \"hello\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }",
        "Add a `[[component]]` with an `id`, a `source` and a `[component.trigger]`.",
    );

/// At least one component. A `component` of the wrong shape is reported as
/// such, not as missing.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let empty = match root.get("component") {
        None => true,
        Some(node) => node.as_array().is_some_and(<[_]>::is_empty),
    };
    if !empty {
        return;
    }
    let p = P::ROOT;
    let anchor = if root.str_at("name").is_some() {
        p.key("name")
    } else {
        P::ROOT
    };
    cx.report(&RULE, &p.key("component"), "the application has no components")
        .at(&anchor, Target::Key)
        .help("add a `[[component]]` with an `id`, a `source` and a `[component.trigger]`")
        .note("`spin up` refuses an application without components (\"No triggers in app\"); Spin 1.x and the manifest reference require at least one");
}
