//! `flow-like/invalid-id-character`: the package `id` has characters other than ASCII letters, digits, `.`, `_` and `-`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("flow-like/invalid-id-character")
    .category(Category::Publish)
    .doc(
        "The package `id` has characters other than ASCII letters, digits, `.`, `_` and `-`.",
        "Neither Flow-Like revision refuses them, but the registry uses the id as a segment of its storage paths and as a database key, where a `/`, a space or another character outside this set breaks the path or needs escaping.",
        "id = \"com.example/my package\"",
        "Use only letters, digits, `.`, `_` and `-`: `id = \"com.example.my-package\"`.",
    );

fn valid(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// Checks the characters of a non-empty package id; returns whether they
/// are all valid.
pub(crate) fn check(cx: &mut Cx, id: &str, path: &P<'_>) -> bool {
    let Some((at, bad)) = id.char_indices().find(|(_, c)| !valid(*c)) else {
        return true;
    };
    let mut others: Vec<char> = Vec::new();
    for c in id.chars().filter(|c| !valid(*c)) {
        if !others.contains(&c) && others.len() < 8 {
            others.push(c);
        }
    }
    let shown: Vec<String> = others
        .iter()
        .map(|c| match c {
            ' ' => "a space".to_owned(),
            c => format!("`{}`", c.escape_debug()),
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let fixed: String = id
        .chars()
        .map(|c| match c {
            c if valid(c) => c,
            '/' | '\\' | ':' => '.',
            _ => '-',
        })
        .collect::<String>()
        .to_ascii_lowercase();
    cx.report(
        &RULE,
        path,
        format!("package id `{id}` contains {}", suggest::join_plain(&shown, "and")),
    )
    .within(at..at + bad.len_utf8())
    .help(format!(
        "use only ASCII letters, digits, `.`, `_` and `-`, e.g. `{fixed:?}`"
    ))
    .note("Flow-Like accepts it, but the registry uses the id as a storage path segment and a database key");
    false
}
