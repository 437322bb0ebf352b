//! `spin/invalid-file-pattern`: a `files` pattern ending in `..` or `.`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-file-pattern")
    .category(Category::Correctness)
    .doc(
        "A `files` pattern that ends in a parent (`..`) or current (`.`) directory.",
        "Spin refuses to load the application: \"A file pattern can't end in a parent directory path (..)\" (or \"current directory path (.)\").",
        "files = [\"assets/..\"]",
        "Name the directory itself, or its contents: `\"assets/**/*\"`.",
    );

/// Returns whether the pattern is acceptable.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    let last = pattern
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let what = match last {
        ".." => "a parent directory (`..`)",
        "." => "the current directory (`.`)",
        _ => return true,
    };
    cx.report(&RULE, path, format!("the file pattern `{pattern}` ends in {what}"))
        .help("name the files to include, e.g. `\"static/**/*\"`, or mount a directory with `{ source = \"dir\", destination = \"/path\" }`")
        .note("Spin refuses to load the application");
    false
}
