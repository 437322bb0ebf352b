//! `spin/invalid-route`: an HTTP `route` Spin refuses or cannot serve:
//! `{ private = false }`, a named wildcard (`/x/*rest`), an unnamed
//! parameter (`/x/:`), or a `*` before the last segment.

use crate::codes::Rule;
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Value};
use crate::spin::v2::HttpRoute;

use super::{route_without_leading_slash, unreachable_route};

pub(crate) use crate::spin::v1::rules::invalid_route::RULE;

/// The same rule, for the one route the model cannot hold,
/// `{ private = false }`.
pub(crate) static UNREPRESENTABLE: Rule = RULE.shape();

/// Reads a `route`.
pub(crate) fn read(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<HttpRoute> {
    match &node.value {
        Value::String(route) => {
            route_without_leading_slash::check(cx, route, &path);
            check_segments(cx, route, &path);
            unreachable_route::check_well_known(cx, route, &path);
            Some(HttpRoute::Path(route.to_string()))
        }
        Value::Table(_) => {
            let mut t = cx.expect_table(node, path)?;
            let private = t
                .required(cx, "private")
                .and_then(|n| cx.expect_bool(n, &path.key("private")));
            t.finish(cx, Error, &["private"]);
            match private {
                Some(true) => Some(HttpRoute::Private),
                Some(false) => {
                    cx.report(&UNREPRESENTABLE, &path.key("private"), "`{ private = false }` is not a route")
                        .help("give a route string such as `route = \"/hello\"`, or `{ private = true }` for a component reachable only from other components")
                        .note("`spin up` refuses it: \"route must be a string pattern or '{ private = true }'\"");
                    None
                }
                None => None,
            }
        }
        _ => {
            cx.wrong_type(node, &path, "a route string or `{ private = true }`")
                .help("write the route as a string, e.g. `route = \"/hello\"` or `route = \"/api/...\"`");
            None
        }
    }
}

/// Named wildcards, unnamed parameters and a `*` before the end.
fn check_segments(cx: &mut Cx, route: &str, path: &P<'_>) {
    let segments: Vec<(usize, &str)> = route
        .split('/')
        .scan(0usize, |at, segment| {
            let start = *at;
            *at += segment.len() + 1;
            Some((start, segment))
        })
        .collect();
    let last = segments.iter().rposition(|(_, s)| !s.is_empty());
    for (i, &(start, segment)) in segments.iter().enumerate() {
        let range = start..start + segment.len();
        if let Some(name) = segment.strip_prefix('*') {
            if Some(i) != last {
                cx.report(&RULE, path, format!("`*` must be the last segment of route `{route}`"))
                    .within(range)
                    .help("a wildcard matches the rest of the path: end the route with it, as in `/files/...`")
                    .note("Spin starts, but every request that reaches this route fails");
            } else if !name.is_empty() {
                cx.report(&RULE, path, format!("the wildcard `{segment}` has a name"))
                    .within(range)
                    .help(format!("there can only be one wildcard, so it needs no name: replace `{segment}` with `*` (or `...`)"))
                    .note("`spin up` refuses the route");
            }
        } else if segment == ":" {
            cx.report(
                &RULE,
                path,
                format!("route `{route}` has a parameter without a name"),
            )
            .within(range)
            .help("name the parameter, as in `/users/:id`")
            .note("`spin up` refuses the route: params must be named");
        }
    }
}
