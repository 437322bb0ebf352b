//! `flow-like/invalid-host-pattern`: an `allowed_hosts` entry that is not a host pattern.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::hosts;

pub(crate) static RULE: Rule = Rule::warning("flow-like/invalid-host-pattern")
    .category(Category::Suspicious)
    .doc(
        "An `allowed_hosts` entry is not a host pattern: it has a URL scheme, a path, user information, spaces, or is empty.",
        "A warning: neither Flow-Like revision refuses it, and the list is passed to the runtime unchanged. The runtime compares each entry with the address a connection goes to, so an entry such as `https://api.example.com/v1` can never match, and connections to the host it meant are refused.",
        "allowed_hosts = [\"https://api.example.com/v1\"]",
        "Write the host alone, optionally with `*` wildcards: `allowed_hosts = [\"api.example.com\"]`.",
    );

/// Checks one `allowed_hosts` entry.
pub(crate) fn check(cx: &mut Cx, host: &str, path: &P<'_>) {
    let Some(problem) = hosts::host_pattern_problem(host) else {
        return;
    };
    let pending = cx.report(&RULE, path, problem.message);
    if !problem.range.is_empty() && problem.range.len() < host.len() {
        pending.within(problem.range);
    }
    match problem.bare_host {
        Some(bare) => pending.help(format!("write the host alone: `{bare:?}`")),
        None if host.trim().is_empty() => pending.help("remove the empty entry"),
        None => pending.help(
            "write a host name such as `api.example.com`, optionally with `*` wildcards (`*.example.com`)",
        ),
    };
    pending.note(
        "Flow-Like accepts the entry, but compares each entry with the address a connection goes to, so this one can never match",
    );
}
