//! `spin/no-triggers`: an application without any trigger.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("spin/no-triggers")
    .category(Category::Correctness)
    .doc(
        "The application has no trigger (`trigger = {}` or only empty lists).",
        "Spin loads the manifest, but `spin up` refuses to start: \"No triggers in app\".",
        "spin_manifest_version = 2\n[application]\nname = \"hello\"\ntrigger = {}",
        "Add a trigger, e.g. `[[trigger.http]]` with a `route` and the `component` it runs.",
    );

/// Some `[[trigger.<type>]]` has an entry.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let Some(trigger) = root.get("trigger") else {
        return;
    };
    if trigger.as_table().is_none()
        || trigger
            .entries()
            .iter()
            .any(|e| !e.value.items().is_empty() || e.value.as_array().is_none())
    {
        return;
    }
    cx.report_at(
        &RULE,
        FieldPath::root().key("trigger"),
        "the application has no triggers",
    )
    .help(
        "add a trigger, e.g. `[[trigger.http]]` with `route = \"/...\"` and `component = \"<id>\"`",
    )
    .note("`spin up` refuses to start an application without triggers");
}
