//! `spin/uppercase-scheme`: an `allowed_outbound_hosts` scheme with
//! upper-case letters.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/uppercase-scheme")
    .category(Category::Suspicious)
    .doc(
        "An `allowed_outbound_hosts` entry whose scheme has upper-case letters (`HTTPS://example.com:443`).",
        "Spin accepts the entry, but compares schemes as written and requests always use lower-case schemes, so the entry never allows anything.",
        "allowed_outbound_hosts = [\"HTTPS://example.com:443\"]",
        "Write the scheme in lower case: `https://example.com`.",
    );

/// Reports a scheme that is not all lower case.
pub(crate) fn check(cx: &mut Cx, entry: &str, path: &P<'_>) {
    let Some((scheme, _)) = entry.trim().split_once("://") else {
        return;
    };
    if scheme == "*" || !scheme.bytes().any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let start = entry.find(scheme).unwrap_or(0);
    cx.report(
        &RULE,
        path,
        format!("the scheme `{scheme}` never matches a request"),
    )
    .within(start..start + scheme.len())
    .help(format!(
        "write it in lower case: `{}`",
        scheme.to_ascii_lowercase()
    ))
    .note("requests use lower-case schemes, and Spin compares them as written");
}
