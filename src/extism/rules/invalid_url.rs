//! `extism/invalid-url`: a wasm `url` that is not an absolute `http` or
//! `https` URL.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::urls;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::error("extism/invalid-url")
    .category(Category::Correctness)
    .doc(
        "A wasm `url` that is not an absolute `http` or `https` URL.",
        "The runtime downloads the module with an HTTP client, which refuses relative URLs and other schemes.",
        "{ \"wasm\": [{ \"url\": \"example.com/plugin.wasm\" }] }",
        "Write the full URL, with `https://`; use `path` for a local file.",
    );

/// A wasm `url` that the runtime can download from.
pub(crate) enum Valid {
    /// A plain `https` URL, accepted without parsing it.
    Https,
    /// A plain `http` URL, accepted without parsing it, with its `https`
    /// form.
    Http(String),
    /// Any other valid URL, parsed.
    Parsed(url::Url),
}

/// Checks a wasm `url`.
pub(crate) fn check(cx: &mut Cx, url: &str, path: &P<'_>) -> Option<Valid> {
    if urls::is_plain_https(url) {
        return Some(Valid::Https);
    }
    if let Some(secure) = urls::plain_http_as_https(url) {
        return Some(Valid::Http(secure));
    }
    let reason = match urls::check_http_url(url) {
        Ok(parsed) => return Some(Valid::Parsed(parsed)),
        Err(reason) => reason,
    };
    let syntax = cx.syntax;
    let pending = cx.report(&RULE, path, reason);
    if url.starts_with("file:") {
        pending.help("for a file on disk, use `path` instead of `url`");
    } else if !url.contains("://") {
        pending.help(format!(
            "write the full URL with its scheme, `https://{}`; for a file on disk, use `{}`",
            url.trim_start_matches('/'),
            snippet::pair(syntax, "path", &snippet::quote(url))
        ));
    } else {
        pending.help("write an absolute `https://` URL");
    }
    None
}
