//! `spin/unsupported-host-requirement`: a component of a Redis or plugin
//! trigger that needs service chaining or middleware.

use crate::codes::{Category, Rule};
use crate::diagnostic::Severity;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::varies(
    "spin/unsupported-host-requirement",
    "error (Redis triggers) / warning (plugin triggers)",
)
.category(Category::Correctness)
.doc(
    "A component of a non-HTTP trigger that uses service chaining (`http://*.spin.internal`) or middleware.",
    "These features need the HTTP trigger: the Redis trigger refuses to start (\"requires the following features that are not available in this version of the 'redis' trigger: local_service_chaining\"), and trigger plugins may not support them either.",
    "[[trigger.redis]]\nchannel = \"jobs\"\ncomponent = \"worker\"\n\n[component.worker]\nsource = \"worker.wasm\"\nallowed_outbound_hosts = [\"http://api.spin.internal\"]",
    "Call the other component over its public route instead, or run this component from an HTTP trigger.",
);

fn chains(component: &Node<'_>) -> Option<usize> {
    component
        .get("allowed_outbound_hosts")
        .map_or(&[][..], Node::items)
        .iter()
        .position(|h| {
            h.as_str()
                .is_some_and(|h| h.trim_end_matches('/').ends_with(".spin.internal"))
        })
}

/// Non-HTTP triggers do not get host requirements they cannot meet.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let mut seen: Vec<&str> = Vec::new();
    for trigger in app.triggers.iter().filter(|t| t.kind != "http") {
        let severity = if trigger.kind == "redis" {
            Severity::Error
        } else {
            Severity::Warning
        };
        let kind = trigger.kind;
        if let Some(component) = trigger
            .component
            .as_deref()
            .and_then(|id| app.component(id))
            && let Some(i) = chains(component.node)
            && !seen.contains(&component.id.as_str())
        {
            seen.push(&component.id);
            cx.report_as(
                &RULE,
                severity,
                component.path.clone().key("allowed_outbound_hosts").index(i),
                format!("service chaining needs the HTTP trigger, but `{}` runs from a `{kind}` trigger", component.id),
            )
            .help("call the other component over its public route, or run this component from an HTTP trigger")
            .note(if kind == "redis" {
                "the Redis trigger refuses to start: local_service_chaining is not available".to_owned()
            } else {
                format!("the `trigger-{kind}` plugin may not support service chaining")
            });
        }
        if kind == "redis"
            && let Some(deps) = trigger.node.get("dependencies")
            && deps.get("middleware").is_some()
        {
            cx.report_as(
                &RULE,
                severity,
                trigger.path().key("dependencies").key("middleware"),
                "middleware needs the HTTP trigger",
            )
            .on_key()
            .help("remove the middleware from this Redis trigger")
            .note("the Redis trigger refuses to start: middleware is not available");
        }
    }
}
