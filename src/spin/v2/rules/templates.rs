//! The template pass: every `{{ }}` value (component `variables`,
//! `allowed_outbound_hosts`, Redis `address` and `channel`) is closed and
//! names declared variables; outbound hosts are valid once resolved with
//! the variables' defaults.

use crate::FieldPath;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::rules::Version;
use crate::spin::template;
use crate::spin::v2::tree::App;

use super::{invalid_allowed_outbound_host, unclosed_template, unknown_variable};

/// What kind of value a template site is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    Variable,
    Outbound,
    Redis,
}

/// Every template value with its path and kind.
pub(crate) fn sites<'n>(
    root: &'n Node<'_>,
    app: &App<'n, '_>,
) -> Vec<((FieldPath, Site), &'n str)> {
    let mut out = Vec::new();
    for component in &app.components {
        for entry in component
            .node
            .get("variables")
            .map_or(&[][..], Node::entries)
        {
            if let Some(text) = entry.value.as_str() {
                out.push((
                    (
                        component
                            .path
                            .clone()
                            .key("variables")
                            .key(entry.key.as_ref()),
                        Site::Variable,
                    ),
                    text,
                ));
            }
        }
        let hosts = component
            .node
            .get("allowed_outbound_hosts")
            .map_or(&[][..], Node::items);
        for (i, host) in hosts.iter().enumerate() {
            if let Some(text) = host.as_str() {
                out.push((
                    (
                        component
                            .path
                            .clone()
                            .key("allowed_outbound_hosts")
                            .index(i),
                        Site::Outbound,
                    ),
                    text,
                ));
            }
        }
    }
    for trigger in app.triggers.iter().filter(|t| t.kind == "redis") {
        for key in ["address", "channel"] {
            if let Some(text) = trigger.node.str_at(key) {
                out.push(((trigger.path().key(key), Site::Redis), text));
            }
        }
    }
    if let Some(text) = root
        .get("application")
        .and_then(|a| a.get("trigger"))
        .and_then(|t| t.get("redis"))
        .and_then(|r| r.str_at("address"))
    {
        let path = FieldPath::root()
            .key("application")
            .key("trigger")
            .key("redis")
            .key("address");
        out.push(((path, Site::Redis), text));
    }
    out
}

/// Checks every template.
pub(crate) fn check(root: &Node<'_>, app: &App<'_, '_>, cx: &mut Cx) {
    for ((path, site), text) in sites(root, app) {
        let expressions = match template::parse(text) {
            Ok(expressions) => expressions,
            Err(template::Unclosed(at)) => {
                unclosed_template::report(cx, at, path, Version::V2);
                continue;
            }
        };
        if expressions.is_empty() || !app.variables_known {
            continue;
        }
        let mut resolvable = true;
        for expression in &expressions {
            if app.variables.contains(&expression.name) {
                resolvable &= app.default_of(root, expression.name).is_some();
                continue;
            }
            resolvable = false;
            unknown_variable::report(cx, expression, &app.variables, path.clone(), Version::V2);
        }
        if site == Site::Outbound && resolvable {
            let mut resolved = String::with_capacity(text.len());
            let mut at = 0;
            for expression in &expressions {
                let open = text[..expression.range.start].rfind("{{").unwrap_or(at);
                let close = text[expression.range.end..]
                    .find("}}")
                    .map_or(text.len(), |i| expression.range.end + i + 2);
                resolved.push_str(&text[at..open]);
                resolved.push_str(app.default_of(root, expression.name).unwrap_or(""));
                at = close;
            }
            resolved.push_str(&text[at..]);
            invalid_allowed_outbound_host::check_resolved_at(cx, text, &resolved, path);
        }
    }
}
