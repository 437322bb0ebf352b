//! `spin/invalid-source-url`: a download URL that is not a valid http(s)
//! URL.

use crate::codes::Rule;
pub(crate) use crate::spin::v1::rules::invalid_source_url::RULE;

/// The same rule where the URL does not parse (the model holds a URL).
static UNPARSED: Rule = RULE.shape();
use crate::path::P;
use crate::read::Cx;

/// Parses the URL; reports a malformed one or another scheme.
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<url::Url> {
    match url::Url::parse(text) {
        Err(e) => {
            let help = if text.contains("://") {
                "write the full download URL, e.g. `https://example.com/app.wasm`".to_owned()
            } else {
                format!("write the full URL, including the scheme: `\"https://{text}\"`")
            };
            cx.report(
                &UNPARSED,
                path,
                format!("`{text}` is not a valid URL ({e})"),
            )
            .help(help);
            None
        }
        Ok(url) => {
            if !matches!(url.scheme(), "http" | "https") {
                let scheme = url.scheme().to_owned();
                cx.report(
                    &RULE,
                    path,
                    format!(
                        "`{text}` uses the `{scheme}` scheme; Spin downloads over HTTP(S) only"
                    ),
                )
                .within(0..scheme.len())
                .help("host the file on an HTTPS server, or use a local path");
            }
            Some(url)
        }
    }
}

/// Reads a download URL: valid, http(s), preferably https (a plain
/// `http://` one is reported as `spin/insecure-source-url`).
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<url::Url> {
    let url = check(cx, text, path)?;
    if url.scheme() == "http" {
        super::insecure_source_url::report(cx, text, path);
    }
    Some(url)
}
