//! `spin/relative-files-destination`: a `files` placement whose `destination` is not absolute.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/relative-files-destination")
    .category(Category::Correctness)
    .doc(
        "A `files` table whose `destination` is not an absolute path.",
        "The manifest reference asks for an absolute path; Spin quietly treats a relative one as relative to `/`, which is easy to misread.",
        "files = [{ source = \"assets\", destination = \"static\" }]",
        "Write the destination with a leading `/`: `destination = \"/static\"`.",
    );

/// The destination starts with `/`.
pub(crate) fn check(cx: &mut Cx, destination: &str, path: &P<'_>) {
    if destination.starts_with('/') {
        return;
    }
    let absolute = format!("/{destination}");
    cx.report(
        &RULE,
        path,
        format!("the destination `{destination}` is not an absolute path"),
    )
    .help(format!(
        "write it from the root: `destination = \"{absolute}\"`"
    ))
    .note("Spin treats a relative destination as relative to `/`")
    // What Spin does with it already: the fix changes nothing that runs.
    .fix_str(Applicability::Safe, destination, &absolute);
}
