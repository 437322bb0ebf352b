//! `spin/dot-file-pattern`: a `files` pattern that is `.` or `..`, or ends in `/.` or `/..`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/dot-file-pattern")
    .category(Category::Correctness)
    .doc(
        "A `files` pattern that is `.` or `..`, or ends in `/.` or `/..`.",
        "Spin refuses to load the application: \"A file pattern can't end in a current directory path (.)\" (or \"a parent directory path (..)\"). Such a pattern names a directory without saying where its files should go.",
        "files = [\"assets/..\"]",
        "Use a glob ending in `**/*` (`\"assets/**/*\"`), or place the directory: `{ source = \"assets\", destination = \"/assets\" }`.",
    );

/// Reports a pattern ending in `.` or `..`; returns whether it did.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    let last = pattern.rsplit('/').next().unwrap_or(pattern);
    let what = match last {
        "." => "the current directory (`.`)",
        ".." => "a parent directory (`..`)",
        _ => return false,
    };
    let help = if last == "." {
        let directory = pattern
            .strip_suffix(last)
            .unwrap_or("")
            .trim_end_matches('/');
        let directory = if directory.is_empty() { "." } else { directory };
        format!(
            "to include a directory, use a glob such as `\"{directory}/**/*\"`, or a placement `{{ source = \"{directory}\", destination = \"/...\" }}`"
        )
    } else {
        "to include a directory, use a glob ending in `**/*`, or a placement `{ source = \"dir\", destination = \"/...\" }`".to_owned()
    };
    cx.report(
        &RULE,
        path,
        format!("the file pattern `{pattern}` ends in {what}"),
    )
    .within(pattern.len() - last.len()..pattern.len())
    .help(help)
    .note("Spin refuses to load the application when a file pattern ends in `.` or `..`");
    true
}
