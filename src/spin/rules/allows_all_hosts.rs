//! `spin/allows-all-hosts`: a network allow-list entry that allows every host.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::hosts::Literal;

pub(crate) static RULE: Rule = Rule::warning("spin/allows-all-hosts")
    .category(Category::Correctness)
    .doc(
        "A network allow-list entry that allows every host: `insecure:allow-all` in `allowed_http_hosts`, or host `*` (as in `*://*:*`) in `allowed_outbound_hosts`.",
        "The component can then reach any server, which defeats the allow-list; `insecure:allow-all` is meant for development and some platforms refuse it.",
        "allowed_outbound_hosts = [\"*://*:*\"]",
        "List the hosts the component needs.",
    );

/// Reports `insecure:allow-all` in `allowed_http_hosts`.
pub(crate) fn report_http(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "`insecure:allow-all` lets the component send HTTP requests to any host",
    )
    .help("list the hosts the component needs instead")
    .note("it is meant for development; some platforms refuse to deploy it");
}

/// Reports an outbound entry whose host is `*`.
pub(crate) fn check_outbound(cx: &mut Cx, host: &str, literal: &Literal<'_>, path: &P<'_>) {
    if !literal.any_host {
        return;
    }
    let message = if literal.any_scheme_and_port {
        format!("`{host}` allows connections to any host, with any protocol, on any port")
    } else {
        format!("`{host}` allows connections to any host")
    };
    let pending = cx.report(&RULE, path, message);
    if !literal.any_scheme_and_port {
        pending.within(literal.range.clone());
    }
    pending
        .help("list the hosts the component needs (wildcards such as `*.example.com` are allowed)");
}
