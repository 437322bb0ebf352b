//! `spin/duplicate-trigger-id`: two triggers with the same explicit id.

use crate::codes::{Category, Rule};
use crate::diagnostic::Severity;
use crate::read::Cx;
use crate::source::Target;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::varies(
    "spin/duplicate-trigger-id",
    "warning / error (static responses, trigger dependencies)",
)
.category(Category::Correctness)
.doc(
    "Two triggers (of any types) with the same `id`.",
    "Spin accepts it, but the id no longer names one trigger in logs and lock files; for two static responses the last one is served on every route they share an id with, and a trigger with `dependencies` may get the other trigger's copy of its component.",
    "[[trigger.http]]\nid = \"api\"\nroute = \"/a\"\ncomponent = \"a\"\n\n[[trigger.http]]\nid = \"api\"\nroute = \"/b\"\ncomponent = \"b\"",
    "Give every trigger its own id, or remove the ids and let Spin generate them.",
);

/// Explicit ids are unique.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let mut first: crate::rules::names::Map<&str, usize> = Default::default();
    for (j, later) in app.triggers.iter().enumerate() {
        let Some(id) = later.explicit_id else {
            continue;
        };
        let earlier = *first.entry(id).or_insert(j);
        if earlier == j {
            continue;
        }
        let earlier = &app.triggers[earlier];
        let both = |key: &str| later.node.get(key).is_some() && earlier.node.get(key).is_some();
        let either = |key: &str| later.node.get(key).is_some() || earlier.node.get(key).is_some();
        let (severity, note) = if both("static_response") {
            (
                Severity::Error,
                "Spin serves the last static response on the routes of both triggers",
            )
        } else if either("dependencies") {
            (
                Severity::Error,
                "Spin may attach the copy of the component made for one trigger's dependencies to the other",
            )
        } else {
            (
                Severity::Warning,
                "Spin accepts it, but the id no longer names one trigger in logs and lock files",
            )
        };
        cx.report_as(
            &RULE,
            severity,
            later.path().key("id"),
            format!("trigger id `{id}` is used twice"),
        )
        .label_path(earlier.path().key("id"), Target::Value, "first used here")
        .help("give every trigger its own id, or remove `id` and let Spin generate one")
        .note(note);
    }
}
