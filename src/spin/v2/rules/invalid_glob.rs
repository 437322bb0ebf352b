//! `spin/invalid-glob`: a glob in `files`, `exclude_files` or
//! `build.watch` that does not compile.

use crate::path::P;
use crate::read::Cx;
use crate::rules::globs;
pub(crate) use crate::spin::v1::rules::invalid_glob::RULE;

/// Checks the syntax; returns whether the pattern compiles.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    match globs::check(pattern) {
        Ok(()) => true,
        Err(problem) => {
            cx.report(
                &RULE,
                path,
                format!("invalid glob pattern `{pattern}`: {}", problem.message),
            )
            .within(problem.range)
            .help(problem.help);
            false
        }
    }
}
