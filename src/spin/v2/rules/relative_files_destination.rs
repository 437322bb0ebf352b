//! `spin/relative-files-destination`: a placement `destination` that is
//! not absolute.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::relative_files_destination::RULE;

/// The destination starts with `/`.
pub(crate) fn check(cx: &mut Cx, destination: &str, path: &P<'_>) {
    if destination.starts_with('/') {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("the destination `{destination}` is not an absolute path"),
    )
    .help(format!(
        "write it from the root: `destination = \"/{destination}\"`"
    ))
    .note("Spin treats a relative destination as relative to `/`");
}
