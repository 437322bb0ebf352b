//! `extism/allows-all-hosts`: an `allowed_hosts` entry such as `*` that
//! matches every host.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("extism/allows-all-hosts")
    .aliases(&["extism/allow-all-hosts"])
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry such as `*` that matches every host.",
        "The plug-in may then send HTTP requests anywhere, including to internal services of the host's network.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"*\"] }",
        "List the hosts the plug-in needs, e.g. `[\"api.example.com\"]`.",
    );

/// Checks whether a host pattern matches (almost) every host.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    if !(pattern.contains('*') && pattern.chars().all(|c| matches!(c, '*' | '?' | '.'))) {
        return;
    }
    let how = if pattern.chars().all(|c| c == '*') {
        "every host"
    } else {
        "almost every host"
    };
    cx.report(
        &RULE,
        path,
        format!("`{pattern}` lets the plug-in send HTTP requests to {how}"),
    )
    .help("list only the hosts the plug-in needs, e.g. `api.example.com` or `*.example.com`")
    .note("this includes services on the host's private network");
}
