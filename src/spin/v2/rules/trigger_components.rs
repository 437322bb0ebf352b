//! `spin/trigger-components`: a trigger's `components` map.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("spin/trigger-components")
    .category(Category::Correctness)
    .doc(
        "A trigger with a `components` map.",
        "Spin hoists inline components of the map, then drops the map: since 4.1 no trigger receives it (Spin 4.0 and earlier passed it on, and the HTTP trigger refused it as an unknown field).",
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\ncomponents = { helper = \"helper\" }",
        "Remove `components`; compose helper components with `[component.<id>.dependencies]`, or add middleware with the trigger's `dependencies`.",
    );

/// Reports the `components` map.
pub(crate) fn report(cx: &mut Cx, kind: &str, _node: &Node<'_>, path: &P<'_>) {
    let pending = cx.report(
        &RULE,
        path,
        "the trigger's `components` map is dropped by Spin",
    );
    pending.on_key().help(
        "remove it: compose components with `[component.<id>.dependencies]`, or add middleware with `dependencies.middleware`",
    );
    if kind == "http" {
        pending.note("Spin 4.0 and earlier refused it in HTTP triggers (\"unknown field `components`\"); later versions drop it");
    } else {
        pending.note("Spin 4.1 and later no longer pass it to the trigger plugin");
    }
}
