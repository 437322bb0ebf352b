//! `extism/host-never-matches`: an `allowed_hosts` entry that no request
//! can match.

use std::ops::Range;

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("extism/host-never-matches")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry that no request can match: it has a scheme, a port, a path, upper-case or non-ASCII letters, or surrounding spaces.",
        "The runtime compares the entry with the request URL's host name only, which is lower-case ASCII without scheme, port or path; such an entry silently allows nothing.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"https://api.example.com\"] }",
        "Write the host name only, in lower case: `api.example.com` (or `*.example.com`).",
    );

/// Whether every byte is one a host name or its wildcards is made of:
/// such a pattern has nothing this rule looks for.
fn plain(pattern: &str) -> bool {
    !pattern.is_empty()
        && pattern.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'*' | b'?')
        })
}

/// Checks that a host pattern can match a host name; `true` when it was
/// reported.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    if plain(pattern) {
        return false;
    }
    let Some((why, within, help)) = problem(pattern) else {
        return false;
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("`{pattern}` can never match a host name: {why}"),
    );
    if let Some(range) = within {
        pending.within(range);
    }
    pending.help(help).note(
        "the runtime compares each entry with the request URL's host name only, which is lower-case ASCII without scheme, port or path",
    );
    true
}

/// Why the pattern matches no host name, the part at fault, and the fix.
fn problem(pattern: &str) -> Option<(&'static str, Option<Range<usize>>, String)> {
    let trimmed = pattern.trim();
    if pattern.is_empty() {
        return Some((
            "it is empty",
            None,
            "remove it, or write a host name such as `api.example.com`".to_owned(),
        ));
    }
    if trimmed != pattern {
        return Some((
            "it has spaces around it",
            None,
            format!("remove the spaces: `{trimmed}`"),
        ));
    }
    if let Some(at) = pattern.find("://") {
        let host = url::Url::parse(pattern)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| {
                pattern[at + 3..]
                    .split(['/', ':'])
                    .next()
                    .unwrap_or("")
                    .to_owned()
            });
        return Some((
            "it has a scheme",
            Some(0..at + 3),
            format!("write the host name only: `{host}`"),
        ));
    }
    if let Some(at) = pattern.find('/') {
        return Some((
            "it has a path",
            Some(at..pattern.len()),
            format!("write the host name only: `{}`", &pattern[..at]),
        ));
    }
    if let Some(at) = pattern.find(':').filter(|_| !pattern.starts_with('[')) {
        return Some((
            "it has a port",
            Some(at..pattern.len()),
            format!("ports are not compared: write `{}`", &pattern[..at]),
        ));
    }
    if let Some((at, ch)) = pattern.char_indices().find(|(_, c)| c.is_ascii_uppercase()) {
        return Some((
            "it has upper-case letters",
            Some(at..at + ch.len_utf8()),
            format!("write it in lower case: `{}`", pattern.to_ascii_lowercase()),
        ));
    }
    if let Some((at, ch)) = pattern.char_indices().find(|(_, c)| !c.is_ascii()) {
        let ascii = url::Url::parse(&format!("http://{pattern}/"))
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned));
        let help = match ascii {
            Some(ascii) if ascii != pattern => {
                format!("write the ASCII (punycode) form of the name: `{ascii}`")
            }
            _ => "write the ASCII (punycode) form of the name".to_owned(),
        };
        return Some((
            "it has non-ASCII letters",
            Some(at..at + ch.len_utf8()),
            help,
        ));
    }
    None
}
