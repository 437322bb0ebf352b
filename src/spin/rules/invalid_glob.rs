//! `spin/invalid-glob`: a glob pattern in `files`, `exclude_files` or `build.watch` that does not compile.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::globs;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-glob")
    .category(Category::Correctness)
    .doc(
        "A glob pattern in `files`, `exclude_files` or `build.watch` that does not compile (`***`, `**` inside a name, an unclosed `[`).",
        "Spin compiles these patterns when it loads the application (or when `spin watch` starts) and fails on invalid syntax (\"Pattern syntax error\").",
        "files = [\"static/**.html\"]",
        "Use `*` within a name and `**` only as a whole path component: `static/**/*.html`.",
    );

/// Reports a pattern that does not compile; returns whether it compiles.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    let Err(problem) = globs::check(pattern) else {
        return true;
    };
    cx.report(
        &RULE,
        path,
        format!("invalid glob pattern `{pattern}`: {}", problem.message),
    )
    .within(problem.range)
    .help(problem.help);
    false
}
