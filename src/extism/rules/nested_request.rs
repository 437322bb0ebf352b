//! `extism/nested-request`: a `wasm` entry that nests its download as
//! `{ "req": { "url", "headers", "method" } }`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Entry;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::error("extism/nested-request")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `wasm` entry that nests its download as `{ \"req\": { \"url\", \"headers\", \"method\" } }`.",
        "An old version of the manifest documentation shows this nesting, but no Extism release ever accepted it: `url`, `headers` and `method` sit directly in the wasm entry. The help shows the entry rewritten.",
        "{ \"wasm\": [{ \"req\": { \"url\": \"https://example.com/plugin.wasm\" }, \"name\": \"main\" }] }",
        "Move `url`, `headers` and `method` up into the entry: `{ \"url\": \"https://example.com/plugin.wasm\", \"name\": \"main\" }`.",
    );

/// Reports `req` (a table, `inner` its entries) in the wasm entry whose
/// entries are `entries`; the help shows the user's own entry flattened.
pub(crate) fn report(cx: &mut Cx, entries: &[Entry<'_>], inner: &[Entry<'_>], path: &P<'_>) {
    let syntax = cx.syntax;
    let moved: Vec<&str> = inner.iter().map(|e| e.key.as_ref()).collect();
    let mut pairs: Vec<(&str, String)> = Vec::with_capacity(entries.len() + inner.len());
    for entry in entries {
        if entry.key == "req" {
            pairs.extend(
                inner
                    .iter()
                    .map(|e| (e.key.as_ref(), snippet::render(syntax, &e.value))),
            );
        } else {
            pairs.push((entry.key.as_ref(), snippet::render(syntax, &entry.value)));
        }
    }
    let flat = snippet::inline_table(syntax, &pairs);
    let what = if moved.is_empty() {
        "`url`".to_owned()
    } else {
        suggest::list_all(&moved)
    };
    cx.report(
        &RULE,
        path,
        "`req` is not a key of a wasm entry: the download is described in the entry itself",
    )
    .on_key()
    .help(format!("move {what} up into the wasm entry: `{flat}`"))
    .note("older documentation nests the request under `req`, but no Extism release accepts it");
}
