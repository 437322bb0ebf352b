//! `flow-like/allowed-hosts-ignored`: hosts are listed, but no network capability uses them.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

use super::Found;

pub(crate) static RULE: Rule = Rule::warning("flow-like/allowed-hosts-ignored")
    .category(Category::Suspicious)
    .doc(
        "`allowed_hosts` lists hosts, but none of `http_enabled`, `websocket_enabled`, `tcp_enabled` and `udp_enabled` is true.",
        "Without a switch that opens connections the host list is never used; the package has no network access, which is rarely what listing hosts meant.",
        "[permissions.network]\nallowed_hosts = [\"api.example.com\"]",
        "Set `http_enabled = true` (or `websocket_enabled`, `tcp_enabled`, `udp_enabled`) if the package connects to these hosts, or remove `allowed_hosts`.",
    );

/// Checks `[permissions.network]` (at `path`) as read: the switches that
/// use the host list (HTTP first), and the list.
pub(crate) fn check(cx: &mut Cx, path: &P<'_>, switches: [Found<bool>; 4], hosts: &[String]) {
    if hosts.is_empty() {
        return;
    }
    let http = switches[0];
    if switches
        .iter()
        .any(|s| matches!(s, Found::Unreadable | Found::Value(true)))
    {
        return;
    }
    let count = hosts.len();
    let pending = cx.report(
        &RULE,
        &path.key("allowed_hosts"),
        format!(
            "`allowed_hosts` lists {count} host{}, but `http_enabled`, `websocket_enabled`, `tcp_enabled` and `udp_enabled` are all off",
            if count == 1 { "" } else { "s" }
        ),
    );
    pending.on_key();
    if matches!(http, Found::Value(_)) {
        pending.label(
            &path.key("http_enabled"),
            Target::Value,
            "HTTP is disabled here",
        );
    }
    pending
        .help("set `http_enabled = true` if the package makes requests to these hosts, or remove `allowed_hosts`")
        .note("without a network capability the list is never used: the package has no network access");
}
