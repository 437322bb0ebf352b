//! `spin/duplicate-component-id`: two components with the same id, before or after Spin's repair.

use std::collections::HashMap;

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::{Node, Target};
use crate::spin::ids;

pub(crate) static RULE: Rule = Rule::error("spin/duplicate-component-id")
    .category(Category::Correctness)
    .doc(
        "Two components have the same id, or ids that become the same once Spin repairs them (`api_v1` and `api-v1`).",
        "Spin 1.x refused duplicate ids. Spin 2 and later convert the manifest to version 2, where components are keyed by id: the last component with that id replaces the others, silently. Both triggers survive and both run the last component (for HTTP, with the last trigger's `executor`).",
        "[[component]]\nid = \"api\"\n# ...\n[[component]]\nid = \"api\"\n# ...",
        "Give every component its own id.",
    );

/// Component ids are unique once repaired; each repeat points at the
/// first component with that id.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let components = root.get("component").map_or(&[][..], Node::items);
    let at = |i: usize| FieldPath::root().key("component").index(i).key("id");
    // Repaired id → (index, id as written) of its first use.
    let mut first: HashMap<String, (usize, &str)> = HashMap::with_capacity(components.len());
    for (i, component) in components.iter().enumerate() {
        let Some(id) = component.str_at("id") else {
            continue;
        };
        let normalized = ids::normalize_component_id(id);
        let Some(&(earlier, earlier_id)) = first.get(&normalized) else {
            first.insert(normalized, (i, id));
            continue;
        };
        let message = if earlier_id == id {
            format!("duplicate component id `{id}`")
        } else if earlier_id == normalized {
            format!(
                "component id `{id}` becomes `{normalized}` once Spin repairs it, the id of another component"
            )
        } else {
            format!(
                "component ids `{earlier_id}` and `{id}` both become `{normalized}` once Spin repairs them"
            )
        };
        cx.report_at(&RULE, at(i), message)
            .label_path(at(earlier), Target::Value, "first defined here")
            .help("component ids must be unique: rename one of the components")
            .note("Spin 1.x refused duplicate ids; later versions keep only the last of these components and silently drop the earlier ones");
    }
}
