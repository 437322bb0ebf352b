//! `spin/invalid-source-url`: a `source.url` (in version 2 also a
//! dependency's `url`) that is not a valid http(s) URL.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::{Version, insecure_source_url};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-source-url")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `source.url` that is not a valid http(s) URL.",
        "Spin downloads the module from this URL when the application is loaded, and fails when it is not an HTTP(S) URL (\"relative URL without a base\", \"URL scheme is not allowed\").",
        "source = { url = \"example.com/app.wasm\", digest = \"sha256:...\" }",
        "Write the full URL, including `https://`.",
    );

/// Reads a download URL: valid, http(s), preferably https (a plain
/// `http://` one is reported as `spin/insecure-source-url`).
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>, version: Version) -> Option<url::Url> {
    let url = match url::Url::parse(text) {
        Ok(url) => url,
        Err(e) => {
            let help = if text.contains("://") {
                "write the full download URL, e.g. `https://example.com/app.wasm`".to_owned()
            } else {
                format!("write the full URL, including the scheme: `\"https://{text}\"`")
            };
            cx.report(&RULE, path, format!("`{text}` is not a valid URL ({e})"))
                .help(help);
            return None;
        }
    };
    match url.scheme() {
        "https" => {}
        "http" => insecure_source_url::report(cx, text, path, version),
        other => {
            let (over, thing) = version.pick(
                ("downloads modules over", "module"),
                ("downloads over", "file"),
            );
            cx.report(
                &RULE,
                path,
                format!("`{text}` uses the `{other}` scheme; Spin {over} HTTP(S) only"),
            )
            .within(0..other.len())
            .help(format!(
                "host the {thing} on an HTTPS server, or use a local path"
            ));
        }
    }
    Some(url)
}
