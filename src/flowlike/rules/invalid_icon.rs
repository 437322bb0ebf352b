//! `flow-like/invalid-icon`: a node's `icon` is neither a data URI nor an http(s) URL.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::urls;

pub(crate) static RULE: Rule = Rule::warning("flow-like/invalid-icon")
    .category(Category::Suspicious)
    .doc(
        "A node's `icon` is neither a data URI nor an absolute http(s) URL.",
        "Flow-Like stores the text as it is; its documentation defines the icon as a base64 data URI or a URL, so a file path or a bare name is not an icon it can show.",
        "[[nodes]]\nicon = \"icons/drive.svg\"",
        "Embed the image as a data URI (`data:image/svg+xml;base64,...`) or link it with an `https://` URL.",
    );

/// Checks a node's `icon`.
pub(crate) fn check(cx: &mut Cx, icon: &str, path: &P<'_>) {
    if icon.starts_with("data:") && icon.contains(',') || urls::check_http_url(icon).is_ok() {
        return;
    }
    let message = if icon.trim().is_empty() {
        "the node's icon is empty".to_owned()
    } else if icon.starts_with("data:") {
        format!(
            "icon `{}` is a data URI without data (no `,`)",
            shorten(icon)
        )
    } else {
        format!(
            "icon `{}` is neither a data URI nor an http(s) URL",
            shorten(icon)
        )
    };
    cx.report(&RULE, path, message)
        .help("embed the image as a data URI (`data:image/svg+xml;base64,...`) or link it with an `https://` URL; remove `icon` to use the default")
        .note("Flow-Like stores the text as it is; its documentation expects a data URI or a URL");
}

/// The first 60 characters, with `…` when there were more.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}
