//! `spin/whole-app-directory`: `files` includes the whole application directory (`"*"`, `"**/*"`).

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/whole-app-directory")
    .category(Category::Suspicious)
    .doc(
        "A `files` entry `\"*\"` or `\"**/*\"`, which makes the whole application directory (with the manifest, sources and build output) available to the component.",
        "Spin copies it, and warns: \"A component is including the entire application directory as asset files. This is unlikely to be what you want.\" Everything in the directory is then readable by the component and packaged with it.",
        "files = [\"**/*\"]",
        "List the directory that holds the assets (`\"static/**/*\"`); write `\"./*\"` or `\"./**/*\"` if the whole directory is really meant.",
    );

/// Reports a pattern naming the whole application directory.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    let (what, instead) = match pattern {
        "*" => ("every file of the application directory", "./*"),
        "**/*" => ("the whole application directory tree", "./**/*"),
        _ => return,
    };
    cx.report(
        &RULE,
        path,
        format!("`{pattern}` makes {what} available to the component"),
    )
    .help(format!(
        "name the directory with the assets, e.g. `\"static/**/*\"`; write `\"{instead}\"` if this is really meant"
    ))
    .note("Spin copies it and warns that this is unlikely to be what you want");
}
