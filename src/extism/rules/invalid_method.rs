//! `extism/invalid-method`: a wasm download `method` that is not an HTTP
//! method token.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::{describe_char, is_token_char};

pub(crate) static RULE: Rule = Rule::error("extism/invalid-method")
    .category(Category::Correctness)
    .doc(
        "A wasm download `method` that is not an HTTP method token.",
        "The runtime upper-cases the method and builds the request with it; a method with spaces or other separators makes the request fail.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\", \"method\": \"GET /\" }] }",
        "Use a method such as `GET` (the default) or `POST`, or remove `method`.",
    );

/// Checks a download `method`.
pub(crate) fn check(cx: &mut Cx, method: &str, path: &P<'_>) {
    if method.is_empty() {
        cx.report(&RULE, path, "`method` is empty")
            .help("remove `method` (the default is `GET`), or write a method such as `POST`");
        return;
    }
    if let Some((at, ch)) = method.char_indices().find(|(_, c)| !is_token_char(*c)) {
        cx.report(
            &RULE,
            path,
            format!(
                "`{method}` is not an HTTP method: it contains {}",
                describe_char(ch)
            ),
        )
        .within(at..at + ch.len_utf8())
        .help("use a method such as `GET` (the default) or `POST`")
        .note("the runtime upper-cases the method and the download request fails to build");
    }
}
