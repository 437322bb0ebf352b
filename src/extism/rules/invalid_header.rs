//! `extism/invalid-header`: a wasm download header whose name is not an
//! HTTP token, or whose value contains control characters.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::{describe_char, is_token_char};

pub(crate) static RULE: Rule = Rule::error("extism/invalid-header")
    .category(Category::Correctness)
    .doc(
        "A wasm download header whose name is not an HTTP token, or whose value contains control characters.",
        "The runtime adds each header to the download request; an invalid name or value makes the request fail before it is sent.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\", \"headers\": { \"X API Key\": \"secret\" } }] }",
        "Use a header name made of letters, digits and `-` (e.g. `X-Api-Key`), and a value on one line.",
    );

/// Checks a header name (the key at `path`).
pub(crate) fn check_name(cx: &mut Cx, name: &str, path: &P<'_>) {
    if name.is_empty() {
        cx.report(&RULE, path, "header name is empty")
            .on_key()
            .help("give the header its name, e.g. `Authorization`");
    } else if let Some(ch) = name.chars().find(|c| !is_token_char(*c)) {
        let fixed: String = name
            .chars()
            .map(|c| if is_token_char(c) { c } else { '-' })
            .collect();
        cx.report(
            &RULE,
            path,
            format!(
                "header name `{name}` contains {}, which header names cannot contain",
                describe_char(ch)
            ),
        )
        .on_key()
        .help(format!(
            "header names are made of letters, digits and `-`, e.g. `{fixed}`"
        ));
    }
}

/// Checks the value of header `name`.
pub(crate) fn check_value(cx: &mut Cx, name: &str, value: &str, path: &P<'_>) {
    if let Some((at, ch)) = value
        .char_indices()
        .find(|(_, c)| c.is_ascii_control() && *c != '\t')
    {
        cx.report(
            &RULE,
            path,
            format!(
                "the value of header `{name}` contains {}",
                describe_char(ch)
            ),
        )
        .within(at..at + ch.len_utf8())
        .help("header values must fit on one line, without control characters");
    }
}
