//! `spin/insecure-source-url`: a `source.url` using plain `http://`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/insecure-source-url")
    .category(Category::Correctness)
    .doc(
        "A `source.url` using plain `http://`.",
        "Spin 1.x required https; later versions download over plain HTTP too. The digest still guards the content, but the request and its failures are visible to anyone on the network.",
        "source = { url = \"http://example.com/app.wasm\", digest = \"sha256:...\" }",
        "Use an `https://` URL.",
    );

/// Reports a download over plain HTTP.
pub(crate) fn report(cx: &mut Cx, text: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("the module is downloaded over plain HTTP from `{text}`"),
    )
    .within(0..4)
    .help("use an `https://` URL")
    .note("Spin 1.x refused non-https sources; the digest still protects the module's content");
}
