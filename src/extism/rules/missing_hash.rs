//! `extism/missing-hash`: a module downloaded from a `url` without a
//! `hash`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::warning("extism/missing-hash")
    .category(Category::Correctness)
    .doc(
        "A module downloaded from a `url` without a `hash`.",
        "The runtime runs whatever the server returns; without a digest, a changed or compromised file is loaded silently.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\" }] }",
        "Add `\"hash\": \"<sha256 of the module>\"`.",
    );

/// A valid download `url` (at `path`) in an entry with or without `hash`.
pub(crate) fn check(cx: &mut Cx, has_hash: bool, path: &P<'_>) {
    if has_hash {
        return;
    }
    let example = snippet::pair(cx.syntax, "hash", "\"<sha256>\"");
    cx.report(
        &RULE,
        path,
        "the downloaded module is not pinned by a `hash`",
    )
    .help(format!(
        "add `{example}` with the lower-case hex SHA-256 of the module"
    ))
    .note("without a digest the runtime runs whatever the server returns");
}
