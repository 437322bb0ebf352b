//! `spin/route-without-leading-slash`: an HTTP route that does not start
//! with `/`.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::route_without_leading_slash::RULE;

/// The route starts with `/`.
pub(crate) fn check(cx: &mut Cx, route: &str, path: &P<'_>) {
    if route.starts_with('/') {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("route `{route}` does not start with `/`"),
    )
    .help(format!("write `route = \"/{route}\"`"))
    .note("Spin adds the missing `/` itself");
}
