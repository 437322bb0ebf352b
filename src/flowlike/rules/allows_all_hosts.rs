//! `flow-like/allows-all-hosts`: `http_enabled` with an empty or absent `allowed_hosts`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

use super::Found;

pub(crate) static RULE: Rule = Rule::warning("flow-like/allows-all-hosts")
    .aliases(&["flow-like/all-hosts-allowed"])
    .category(Category::Security)
    .doc(
        "`http_enabled` is true and `allowed_hosts` is empty or absent, which allows requests to every host.",
        "An empty host list does not mean \"no hosts\": Flow-Like then applies no host restriction at all, so the package can reach any server, internal ones included.",
        "[permissions.network]\nhttp_enabled = true\nallowed_hosts = []",
        "List the hosts the package needs: `allowed_hosts = [\"api.example.com\", \"*.googleapis.com\"]`.",
    );

/// Checks `[permissions.network]` (at `path`) as read: `http_enabled` and
/// `allowed_hosts`.
pub(crate) fn check(cx: &mut Cx, path: &P<'_>, http: Found<bool>, hosts: Found<&[String]>) {
    if !matches!(http, Found::Value(true)) {
        return;
    }
    let listed = match hosts {
        Found::Unreadable => return,
        Found::Value(hosts) if !hosts.is_empty() => return,
        Found::Value(_) => true,
        Found::Absent => false,
    };
    let message = if listed {
        "HTTP is enabled with an empty `allowed_hosts`, so the package may connect to every host"
    } else {
        "HTTP is enabled without `allowed_hosts`, so the package may connect to every host"
    };
    let pending = cx.report(&RULE, &path.key("allowed_hosts"), message);
    if listed {
        pending.label(
            &path.key("http_enabled"),
            Target::Value,
            "HTTP is enabled here",
        );
    } else {
        pending.at(&path.key("http_enabled"), Target::Value);
    }
    pending
        .help("list the hosts the package needs, e.g. `allowed_hosts = [\"api.example.com\"]` (`*.example.com` matches subdomains)")
        .note("an empty list does not mean \"no hosts\": Flow-Like then applies no host restriction at all");
}
