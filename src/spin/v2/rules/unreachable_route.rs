//! `spin/unreachable-route`: a route Spin never sends requests to: under
//! `/.well-known/spin/`, or a static response on a private route.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/unreachable-route")
    .category(Category::Suspicious)
    .doc(
        "An HTTP route that can never be reached: under `/.well-known/spin/` (handled by Spin itself), or a `static_response` on a private route.",
        "Spin serves `/.well-known/spin/...` itself and logs that such routes \"will never be reached\"; a private route is reachable only through service chaining, which a static response cannot be the target of.",
        "[[trigger.http]]\nroute = \"/.well-known/spin/info\"\ncomponent = \"info\"",
        "Choose another route.",
    );

const WELL_KNOWN: &str = "/.well-known/spin/";

/// Routes under `/.well-known/spin/`.
pub(crate) fn check_well_known(cx: &mut Cx, route: &str, path: &P<'_>) {
    let absolute = format!("/{}", route.trim_start_matches('/'));
    if absolute.starts_with(WELL_KNOWN) || absolute == WELL_KNOWN.trim_end_matches('/') {
        cx.report(
            &RULE,
            path,
            format!("route `{route}` is handled by Spin itself"),
        )
        .help("choose a route outside `/.well-known/spin/`")
        .note("Spin logs that routes under /.well-known/spin/ will never be reached");
    }
}

/// The pass: static responses on private routes.
pub(crate) fn check(app: &crate::spin::v2::tree::App<'_, '_>, cx: &mut Cx) {
    for trigger in app.triggers.iter().filter(|t| t.kind == "http") {
        if trigger.is_private() && trigger.node.get("static_response").is_some() {
            cx.report_at(
                &RULE,
                trigger.path().key("static_response"),
                "a static response on a private route is never served",
            )
            .on_key()
            .help("give the trigger a route string, or remove it")
            .note(
                "private routes are reached only by service chaining, which routes to components",
            );
        }
    }
}
