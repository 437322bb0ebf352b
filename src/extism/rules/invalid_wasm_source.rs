//! `extism/invalid-wasm-source`: a `wasm` entry with none, or more than
//! one, of `path`, `data` and `url`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;
use crate::source::Target;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::error("extism/invalid-wasm-source")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `wasm` entry with none, or more than one, of `path`, `data` and `url`.",
        "The official crate tries each kind of source in turn and, when none fits, fails with the opaque \"data did not match any variant of untagged enum Wasm\". The report names the keys it found.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\", \"url\": \"https://example.com/plugin.wasm\" }] }",
        "Give each entry exactly one source: `path` for a file, `data` for the module as base64, or `url` to download it.",
    );

/// The keys that say where a module comes from.
pub(crate) const SOURCE_KEYS: &[&str] = &["path", "data", "url"];

/// An entry without any source. A misspelt source key (`pth`) is left to
/// the unknown-key report, whose correction says it all.
pub(crate) fn none(cx: &mut Cx, t: &Table<'_, '_, '_>, known: &[&str]) {
    let typo = t.entries.iter().any(|e| {
        !known.contains(&e.key.as_ref()) && suggest::closest(&e.key, SOURCE_KEYS).is_some()
    });
    if typo {
        return;
    }
    let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
    let found = if found.is_empty() {
        "it is empty".to_owned()
    } else {
        format!("found {}", suggest::list_all(&found))
    };
    let example = snippet::pair(cx.syntax, "path", "\"plugin.wasm\"");
    cx.report(
        &RULE,
        &t.path,
        format!("wasm entry has none of `path`, `data` or `url` ({found})"),
    )
    .help(format!(
        "add exactly one source: `{example}` for a file, `data` with the module as base64, or `url` to download it"
    ));
}

/// An entry with several sources (`sources` in document order, each once).
pub(crate) fn several(cx: &mut Cx, sources: &[&str], path: &P<'_>) {
    let [first, second, ..] = sources else {
        return;
    };
    cx.report(
        &RULE,
        &path.key(second),
        format!(
            "wasm entry has {}: a module has exactly one source",
            suggest::list_all(sources)
        ),
    )
    .on_key()
    .label(&path.key(first), Target::Key, format!("`{first}` is given here"))
    .help("keep the source you mean and remove the others, or split the entry into one entry per module");
}
