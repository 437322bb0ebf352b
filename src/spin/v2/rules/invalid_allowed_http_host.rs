//! `spin/invalid-allowed-http-host`: an entry of the deprecated
//! `allowed_http_hosts` that Spin refuses. Reading the list also reports
//! the deprecation, with the `allowed_outbound_hosts` that replaces it.

use crate::codes::DEPRECATED_KEY;
use crate::path::P;
use crate::read::Cx;
use crate::spin::hosts;
pub(crate) use crate::spin::v1::rules::invalid_allowed_http_host::RULE;

use super::{allows_all_hosts, ignored_allowed_http_host};

/// Checks `allowed_http_hosts` (the list at `path`).
pub(crate) fn check(cx: &mut Cx, list: &[String], path: &P<'_>) {
    if list.is_empty() {
        return;
    }
    let replacement: Vec<String> = list
        .iter()
        .flat_map(|h| hosts::http_host_as_outbound(h))
        .map(|h| format!("{h:?}"))
        .collect();
    cx.report(&DEPRECATED_KEY, path, "`allowed_http_hosts` is deprecated")
        .on_key()
        .help(format!(
            "replace it with `allowed_outbound_hosts = [{}]`",
            replacement.join(", ")
        ))
        .note("Spin converts the list itself and warns about it at start-up");
    let allow_all = list.iter().position(|h| h == hosts::ALLOW_ALL);
    if let Some(all) = allow_all {
        let all_path = path.index(all);
        allows_all_hosts::report_http(cx, &all_path);
        for (i, host) in list.iter().enumerate() {
            if i != all {
                ignored_allowed_http_host::report(cx, host, &path.index(i), &all_path);
            }
        }
        return;
    }
    for (i, host) in list.iter().enumerate() {
        if let Err(problem) = hosts::check_http_host(host) {
            let pending = cx.report(&RULE, &path.index(i), problem.message);
            if let Some(range) = problem.range {
                pending.within(range);
            }
            pending.help(problem.help);
        }
    }
}
