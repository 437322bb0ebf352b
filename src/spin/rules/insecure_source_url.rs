//! `spin/insecure-source-url`: a `source.url` (in version 2 also a
//! dependency's `url`) using plain `http://`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::Version;

pub(crate) static RULE: Rule = Rule::warning("spin/insecure-source-url")
    .category(Category::Correctness)
    .doc(
        "A `source.url` using plain `http://`.",
        "Spin 1.x required https; later versions download over plain HTTP too. The digest still guards the content, but the request and its failures are visible to anyone on the network.",
        "source = { url = \"http://example.com/app.wasm\", digest = \"sha256:...\" }",
        "Use an `https://` URL.",
    );

/// Reports a download over plain HTTP.
pub(crate) fn report(cx: &mut Cx, text: &str, path: &P<'_>, version: Version) {
    let message = match version {
        Version::V1 => format!("the module is downloaded over plain HTTP from `{text}`"),
        Version::V2 => format!("`{text}` is downloaded over plain HTTP"),
    };
    cx.report(&RULE, path, message)
        .within(0..4)
        .help("use an `https://` URL")
        .note(version.pick(
            "Spin 1.x refused non-https sources; the digest still protects the module's content",
            "the digest still protects the content, but the request is visible to anyone on the network",
        ));
}
