//! `extism/invalid-host-pattern`: an `allowed_hosts` entry that is not a
//! valid glob pattern.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::globs;

pub(crate) static RULE: Rule = Rule::error("extism/invalid-host-pattern")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry that is not a valid glob pattern.",
        "The runtime matches each entry as a glob pattern against the request's host name; when the pattern does not parse it silently falls back to comparing the text as is, so wildcards in it match nothing.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"[a-z.example.com\"] }",
        "Fix the pattern: `*` matches any text, `?` one character, `[abc]` one of a set (close every `[`).",
    );

/// Checks that a host pattern compiles; `true` when it was reported.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    if !globs::may_fail(pattern) {
        return false;
    }
    let Err(e) = glob::Pattern::new(pattern) else {
        return false;
    };
    // The error position counts characters, not bytes.
    let (at, width) = pattern
        .char_indices()
        .nth(e.pos)
        .map_or((pattern.len(), 0), |(at, c)| (at, c.len_utf8()));
    cx.report(
        &RULE,
        path,
        format!("`{pattern}` is not a valid glob pattern: {}", e.msg),
    )
    .within(at..at + width)
    .help("`*` matches any text, `?` one character, and `[...]` one character of a set: close every `[`")
    .note("the runtime then compares the entry as plain text, so its wildcards match nothing");
    true
}
