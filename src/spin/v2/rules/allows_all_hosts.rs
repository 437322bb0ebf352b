//! `spin/allows-all-hosts`: a network allow-list entry that allows every
//! host.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::allows_all_hosts::RULE;

/// `insecure:allow-all` in `allowed_http_hosts`.
pub(crate) fn report_http(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "`insecure:allow-all` lets the component send HTTP requests to any host",
    )
    .help("list the hosts the component needs instead")
    .note("it is meant for development; some platforms refuse to deploy it");
}

/// Host `*` in `allowed_outbound_hosts`.
pub(crate) fn report_outbound(
    cx: &mut Cx,
    host: &str,
    everything: bool,
    range: std::ops::Range<usize>,
    path: &P<'_>,
) {
    let message = if everything {
        format!("`{host}` allows connections to any host, with any protocol, on any port")
    } else {
        format!("`{host}` allows connections to any host")
    };
    let pending = cx.report(&RULE, path, message);
    if !everything {
        pending.within(range);
    }
    pending
        .help("list the hosts the component needs (wildcards such as `*.example.com` are allowed)");
}
