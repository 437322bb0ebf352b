//! `spin/duplicate-route`: two components of an HTTP application with the same route.

use std::collections::HashMap;

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::warning("spin/duplicate-route")
    .category(Category::Correctness)
    .doc(
        "Two components of an HTTP application have the same route, or routes that differ only in spelling (`/about` and `about/`, `/x/...` and `/x/*`, `/a/:id` and `/a/:name`).",
        "For the same route string, Spin keeps the last component and logs \"The following component routes are duplicates and will never be used\". Routes that only differ in spelling are not noticed: both are kept and the first one shadows the other. Either way one component is never called.",
        "[[component]]\nid = \"a\"\n# ...\nroute = \"/api/...\"\n[[component]]\nid = \"b\"\n# ...\nroute = \"/api/...\"",
        "Give each component its own route, or remove the unused component.",
    );

/// Routes are unique once spelled the way Spin's router matches them.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    if root.get("trigger").and_then(|t| t.str_at("type")) != Some("http") {
        return;
    }
    let components = root.get("component").map_or(&[][..], Node::items);
    let at = |i: usize| {
        FieldPath::root()
            .key("component")
            .index(i)
            .key("trigger")
            .key("route")
    };
    let name = |i: usize| {
        components[i]
            .str_at("id")
            .map_or_else(|| format!("component[{i}]"), |id| format!("`{id}`"))
    };
    // Route as matched → (index, route as written) of the component that
    // gets the requests.
    let mut winners: HashMap<String, (usize, &str)> = HashMap::new();
    for (i, component) in components.iter().enumerate() {
        let Some(route) = component.get("trigger").and_then(|t| t.str_at("route")) else {
            continue;
        };
        let key = matched(route);
        let Some(&(earlier, earlier_route)) = winners.get(&key) else {
            winners.insert(key, (i, route));
            continue;
        };
        let (message, note) = if earlier_route == route {
            // Spin keeps the last component declaring the same string.
            winners.insert(key, (i, route));
            (
                format!(
                    "route `{route}` is also the route of component {}",
                    name(earlier)
                ),
                format!(
                    "Spin sends every request for this route to the last component declaring it, so component {} is never called",
                    name(earlier)
                ),
            )
        } else {
            (
                format!(
                    "route `{route}` is the same as `{earlier_route}`, the route of component {}",
                    name(earlier)
                ),
                format!(
                    "Spin does not notice that these routes are the same: the first one wins, so component {} is never called",
                    name(i)
                ),
            )
        };
        cx.report_at(&RULE, at(i), message)
            .label_path(at(earlier), Target::Value, "first used here")
            .help("give each component its own route, or remove the one that is not needed")
            .note(note);
    }
}

/// The route as the router matches it: with a leading `/`, without one
/// trailing `/`, with `/...` written `/*` and parameters without names.
fn matched(route: &str) -> String {
    let absolute = if route.starts_with('/') {
        route.to_owned()
    } else {
        format!("/{route}")
    };
    let trimmed = absolute.strip_suffix('/').unwrap_or(&absolute);
    let wildcard = match trimmed.strip_suffix("/...") {
        Some(prefix) => format!("{prefix}/*"),
        None => trimmed.to_owned(),
    };
    wildcard
        .split('/')
        .map(|segment| {
            if segment.starts_with(':') {
                ":"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}
