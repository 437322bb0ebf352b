//! `spin/whole-app-directory`: `files = ["*"]` or `["**/*"]`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/whole-app-directory")
    .category(Category::Security)
    .doc(
        "A `files` pattern that includes the whole application directory (`*` or `**/*`).",
        "Spin warns that the component includes the entire application directory (or tree) as asset files, which ships sources, secrets and build output with it.",
        "files = [\"**/*\"]",
        "List the directories the component needs, e.g. `\"static/**/*\"`; write `./**/*` if the whole tree is really meant.",
    );

/// `*` and `**/*` alone.
pub(crate) fn check(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    let what = match pattern {
        "*" => "directory",
        "**/*" => "directory tree",
        _ => return,
    };
    cx.report(
        &RULE,
        path,
        format!("`{pattern}` includes the entire application {what} as files"),
    )
    .help(format!(
        "list only what the component needs (e.g. `\"static/**/*\"`), or write `\"./{pattern}\"` to say it is meant"
    ))
    .note("Spin warns about this pattern when it loads the application");
}
