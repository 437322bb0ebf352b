//! `spin/duplicate-route`: two HTTP triggers with the same route, as
//! written or once Spin normalises it.

use crate::read::Cx;
use crate::source::Target;
pub(crate) use crate::spin::v1::rules::duplicate_route::RULE;
use crate::spin::v2::tree::App;

/// The route as the router compares it: a leading `/`, no trailing `/`,
/// `/*` for `/...`, and `:` parameters without their names.
fn normalise(route: &str) -> String {
    let absolute = format!("/{}", route.trim_start_matches('/'));
    let trimmed = absolute
        .strip_suffix('/')
        .filter(|r| !r.is_empty())
        .unwrap_or(&absolute);
    let wild = match trimmed.strip_suffix("/...") {
        Some(base) => format!("{base}/*"),
        None if trimmed == "/..." => "/*".to_owned(),
        None => trimmed.to_owned(),
    };
    wild.split('/')
        .map(|s| if s.starts_with(':') { ":" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// Routes are unique.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let http: Vec<_> = app.triggers.iter().filter(|t| t.kind == "http").collect();
    // Normalised route → the last trigger seen with it.
    let mut last: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (j, later) in http.iter().enumerate() {
        let Some(route) = later.route() else { continue };
        let normal = normalise(route);
        // Compare with the last earlier trigger on the same route.
        let Some(earlier) = last.insert(normal, j).and_then(|i| http.get(i)) else {
            continue;
        };
        let first_route = earlier.route().unwrap_or("");
        let name = |t: &crate::spin::v2::tree::TriggerNode<'_, '_>| {
            t.component.clone().map_or_else(
                || format!("trigger `{}`", t.id),
                |c| format!("component `{c}`"),
            )
        };
        let (message, note) = if first_route == route {
            (
                format!("route `{route}` is also the route of {}", name(earlier)),
                format!(
                    "Spin uses the later one and logs that {} will never be used",
                    name(earlier)
                ),
            )
        } else {
            (
                format!(
                    "route `{route}` is the same as `{first_route}`, the route of {}",
                    name(earlier)
                ),
                format!(
                    "Spin keeps both without a word, and the earlier one, {}, answers every request",
                    name(earlier)
                ),
            )
        };
        cx.report_at(&RULE, later.path().key("route"), message)
            .label_path(
                earlier.path().key("route"),
                Target::Value,
                "first used here",
            )
            .help("give each trigger its own route, or remove the one that is not needed")
            .note(note);
    }
}
