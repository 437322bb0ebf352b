//! `spin/invalid-allowed-http-host`: an `allowed_http_hosts` entry that is not a host.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::hosts;

use super::{allows_all_hosts, ignored_allowed_http_host};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-allowed-http-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_http_hosts` entry that is not `host`, `host:port`, `http(s)://host[:port]` or `self`.",
        "Spin refuses the manifest and lists every invalid entry (\"One or more allowed_http_hosts entries was invalid\"): a path, another scheme, a malformed host or port. When the list contains `insecure:allow-all`, Spin checks no entry at all, so they are only warnings then.",
        "allowed_http_hosts = [\"example.com/api\"]",
        "Keep only the host and optional port: `\"example.com\"`.",
    );

/// Checks the list (position, entry) at `path`: with `insecure:allow-all`
/// anywhere, Spin ignores the other entries; otherwise every entry must be
/// a host.
pub(crate) fn check(cx: &mut Cx, items: &[(usize, &str)], path: &P<'_>) {
    if let Some(&(all, _)) = items.iter().find(|(_, s)| *s == hosts::ALLOW_ALL) {
        allows_all_hosts::report_http(cx, &path.index(all));
        for &(i, host) in items {
            if i != all {
                ignored_allowed_http_host::report(cx, host, &path.index(i), &path.index(all));
            }
        }
        return;
    }
    for &(i, host) in items {
        if let Err(problem) = hosts::check_http_host(host) {
            problem.report(cx, &RULE, &path.index(i));
        }
    }
}
