//! `spin/invalid-allowed-outbound-host`: an `allowed_outbound_hosts` entry that is not `scheme://host[:port]`.

use std::collections::HashMap;

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::hosts::{self, Outbound, OutboundProblem};
use crate::spin::template;

use super::{allows_all_hosts, empty_port_range, unclosed_template};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-allowed-outbound-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_outbound_hosts` entry that is not `scheme://host[:port]`: no scheme, a path, a wildcard inside a name, a bad port or range, a scheme without a default port and no port, or `insecure:allow-all`; or a `{{ variable }}` template that is not such an entry once the variables' defaults are filled in.",
        "Spin refuses the component when it loads the application, and its message names only the first bad entry. It fills templates in with the variables' defaults at that point and refuses an invalid result (\"using default variable value(s) with template ... results in invalid config\").",
        "allowed_outbound_hosts = [\"example.com\", \"https://api.example.com/v1\"]",
        "Write `scheme://host[:port]`: `\"https://example.com\"`, `\"https://api.example.com\"`. Use `*` for any scheme, host or port, and `a..b` for a port range.",
    );

/// Checks one entry. Templates are checked after reading, once the
/// variables' defaults are known ([`check_templates`]).
pub(crate) fn check(cx: &mut Cx, host: &str, path: &P<'_>) {
    match hosts::check_outbound_host(host) {
        Ok(Outbound::Template(_)) | Err(OutboundProblem::Unclosed(_)) => {
            unclosed_template::check(cx, host, path);
        }
        Ok(Outbound::Literal(literal)) => {
            allows_all_hosts::check_outbound(cx, host, &literal, path);
            empty_port_range::check(cx, &literal, path);
        }
        Err(OutboundProblem::Invalid(problem)) => {
            problem.report(cx, &RULE, path);
        }
    }
}

/// Template entries whose variables all have defaults are valid entries
/// once the defaults are filled in. Entries that use a required variable
/// (no default) or an unknown one are not checked: Spin resolves them only
/// when the component runs.
pub(crate) fn check_templates(root: &Node<'_>, cx: &mut Cx) {
    let defaults: HashMap<&str, &str> = root
        .get("variables")
        .map_or(&[][..], Node::entries)
        .iter()
        .filter_map(|e| Some((e.key.as_ref(), e.value.str_at("default")?)))
        .collect();
    let components = root.get("component").map_or(&[][..], Node::items);
    for (i, component) in components.iter().enumerate() {
        let entries = component
            .get("allowed_outbound_hosts")
            .map_or(&[][..], Node::items);
        for (j, entry) in entries.iter().enumerate() {
            let Some(host) = entry.as_str().filter(|h| h.contains("{{")) else {
                continue;
            };
            let Some(resolved) = template::resolve(host, |name| defaults.get(name).copied()) else {
                continue;
            };
            if matches!(resolved.trim(), "" | "http://" | "https://") {
                continue;
            }
            let Err(OutboundProblem::Invalid(problem)) = hosts::check_outbound_host(&resolved)
            else {
                continue;
            };
            let path = FieldPath::root()
                .key("component")
                .index(i)
                .key("allowed_outbound_hosts")
                .index(j);
            cx.report_at(
                &RULE,
                path,
                format!(
                    "with the variables' defaults, `{host}` becomes `{resolved}`: {}",
                    problem.message
                ),
            )
            .help(format!("change the default or the entry: {}", problem.help))
            .note("Spin fills in the defaults when it loads the application and refuses the component when the result is not a valid entry");
        }
    }
}
