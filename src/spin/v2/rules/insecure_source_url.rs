//! `spin/insecure-source-url`: a download over plain `http://`.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::insecure_source_url::RULE;

/// Reports a plain HTTP download.
pub(crate) fn report(cx: &mut Cx, text: &str, path: &P<'_>) {
    cx.report(&RULE, path, format!("`{text}` is downloaded over plain HTTP"))
        .within(0..4)
        .help("use an `https://` URL")
        .note("the digest still protects the content, but the request is visible to anyone on the network");
}
