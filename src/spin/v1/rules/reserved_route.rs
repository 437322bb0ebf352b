//! `spin/reserved-route`: a route under `/.well-known/spin/`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/reserved-route")
    .category(Category::Suspicious)
    .doc(
        "An HTTP route under `/.well-known/spin/`.",
        "Spin serves that prefix itself (health and information endpoints) and logs \"Routes under /.well-known/spin/ are handled by the Spin runtime and will never be reached\": the component is never called for it.",
        "[component.trigger]\nroute = \"/.well-known/spin/info\"",
        "Choose a route outside `/.well-known/spin/`.",
    );

const PREFIX: &str = "/.well-known/spin/";

/// The route is not under Spin's own prefix (compared as Spin does: with a
/// leading `/` added).
pub(crate) fn check(cx: &mut Cx, route: &str, path: &P<'_>) {
    let absolute = if route.starts_with('/') {
        route.to_owned()
    } else {
        format!("/{route}")
    };
    if !absolute.starts_with(PREFIX) {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("route `{route}` is under `{PREFIX}`, which Spin serves itself"),
    )
    .help("choose a route outside `/.well-known/spin/`")
    .note("Spin logs that routes under this prefix will never be reached");
}
