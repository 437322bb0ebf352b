//! `spin/route-without-leading-slash`: an HTTP route that does not start with `/`.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/route-without-leading-slash")
    .category(Category::Correctness)
    .doc(
        "An HTTP route that does not start with `/`.",
        "Spin adds the missing `/` itself, so `hello` behaves like `/hello`; the manifest then says something other than what runs.",
        "[component.trigger]\nroute = \"hello\"",
        "Start the route with `/`: `route = \"/hello\"`.",
    );

/// The route starts with `/`.
pub(crate) fn check(cx: &mut Cx, route: &str, path: &P<'_>) {
    if route.starts_with('/') {
        return;
    }
    let fixed = format!("/{route}");
    cx.report(
        &RULE,
        path,
        format!("route `{route}` does not start with `/`"),
    )
    .help(format!("write `route = \"{fixed}\"`"))
    .note("Spin adds the missing `/` itself")
    // Spin serves the route with the `/` added: writing it changes nothing.
    .fix_str(Applicability::Safe, route, &fixed);
}
