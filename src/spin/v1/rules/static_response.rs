//! `spin/static-response`: `static_response` in a component trigger.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/static-response")
    .category(Category::Correctness)
    .doc(
        "A `static_response` in the `[component.trigger]` of a version 1 manifest.",
        "Static responses are triggers without a component, which only version 2 manifests can write. Spin gives every version 1 trigger its component, and then refuses a trigger that has both (\"Triggers must specify either component or static_response - trigger-<id> has both\").",
        "[component.trigger]\nroute = \"/health\"\nstatic_response = { status_code = 200 }",
        "Serve the response from the component, or move to a version 2 manifest, where a `[[trigger.http]]` can have a `static_response` and no component.",
    );

/// Reports a `static_response` key.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "a version 1 trigger cannot have a `static_response`",
    )
    .on_key()
    .help("serve the response from the component, or use a version 2 manifest, where a trigger can have a `static_response` instead of a component")
    .note("`spin up` fails: the trigger has both a component and a static response");
}
