//! `flow-like/allowed-hosts-ignored`: hosts are listed, but no network capability uses them.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

use super::Found;

pub(crate) static RULE: Rule = Rule::warning("flow-like/allowed-hosts-ignored")
    .category(Category::Suspicious)
    .doc(
        "`allowed_hosts` lists hosts, but neither `http_enabled` nor `websocket_enabled` is true.",
        "Without a network capability the host list is never used; the package has no network access, which is rarely what listing hosts meant.",
        "[permissions.network]\nallowed_hosts = [\"api.example.com\"]",
        "Set `http_enabled = true` (or `websocket_enabled = true`) if the package connects to these hosts, or remove `allowed_hosts`.",
    );

/// Checks `[permissions.network]` (at `path`) as read: the switches that
/// use the host list, and the list.
pub(crate) fn check(
    cx: &mut Cx,
    path: &P<'_>,
    http: Found<bool>,
    websocket: Found<bool>,
    hosts: &[String],
) {
    if hosts.is_empty() {
        return;
    }
    let switches = [http, websocket];
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
            "`allowed_hosts` lists {count} host{}, but neither `http_enabled` nor `websocket_enabled` is true",
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
