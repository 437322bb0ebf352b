//! `spin/nested-directory-mount`: a directory path in `files`, which Spin mounts one level too deep.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/nested-directory-mount")
    .category(Category::Suspicious)
    .doc(
        "A `files` entry that is a directory path (`\"static/\"`) rather than a glob or a placement.",
        "Since Spin 2.0 the directory is copied under its own name twice: the files of `static/` appear at `/static/static/...` in the component, not at `/static/...`.",
        "files = [\"static/\"]",
        "Write a glob (`\"static/**/*\"`, seen at `/static/...`) or a placement (`{ source = \"static\", destination = \"/static\" }`).",
    );

/// Reports a pattern that is certainly a directory (ends with `/`) and
/// has no wildcard. Other directory paths are only known when verifying.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    let directory = pattern.trim_end_matches('/');
    if !pattern.ends_with('/') || directory.is_empty() || pattern.contains(['*', '?', '[']) {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("the directory `{pattern}` is mounted at `/{directory}/{directory}/`"),
    )
    .help(format!(
        "write `\"{directory}/**/*\"` to see its files at `/{directory}/`, or `{{ source = \"{directory}\", destination = \"/{directory}\" }}`"
    ))
    .note("Spin copies a directory entry under its own name again (since Spin 2.0)");
}
