//! `spin/invalid-route-pattern`: a route string that Spin's router refuses or cannot serve.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-route-pattern")
    .category(Category::Correctness)
    .doc(
        "A route with a named wildcard (`/files/*path`), a parameter without a name (`/users/:`), or a `*` that is not the last segment (`/a/*/b`).",
        "`spin up` refuses the first two when it builds its router (\"since there can only be one wildcard, it doesn't need a name\", \"params must be named\"). A `*` before the end is accepted at start-up, but the router fails on every request that reaches the route.",
        "[component.trigger]\nroute = \"/files/*path\"",
        "End a wildcard route with `/...` (or `/*`), and name parameters: `/users/:id`.",
    );

/// Checks the segments of a route string.
pub(crate) fn check(cx: &mut Cx, route: &str, path: &P<'_>) {
    let segments: Vec<(usize, &str)> = route
        .split('/')
        .scan(0, |at, segment| {
            let start = *at;
            *at += segment.len() + 1;
            Some((start, segment))
        })
        .collect();
    let last = segments.len().saturating_sub(1);
    for (index, &(start, segment)) in segments.iter().enumerate() {
        let range = start..start + segment.len();
        if segment.len() > 1 && segment.starts_with('*') {
            let wildcard = if index == last { "/..." } else { "/*" };
            cx.report(&RULE, path, format!("the wildcard `{segment}` has a name"))
                .within(range)
                .help(format!(
                    "a route has at most one wildcard, so it takes no name: replace `{segment}` with `*`, or end the route with `{wildcard}`"
                ))
                .note("Spin refuses the route when the application starts (\"it doesn't need a name\")");
        } else if segment == ":" {
            cx.report(&RULE, path, "this route parameter has no name")
                .within(range)
                .help("name the parameter, as in `/users/:id`")
                .note(
                    "Spin refuses the route when the application starts (\"params must be named\")",
                );
        } else if segment == "*" && index != last {
            cx.report(&RULE, path, "`*` must be the last segment of a route")
                .within(range)
                .help("end the route with the wildcard (`/api/...` or `/api/*`); use `:name` for one segment in the middle")
                .note("Spin starts, but its router fails on every request that reaches this route");
        }
    }
}
