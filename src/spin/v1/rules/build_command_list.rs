//! `spin/build-command-list`: a `build.command` written as a list.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/build-command-list")
    .category(Category::Style)
    .doc(
        "A `[component.build]` `command` written as a list of commands.",
        "Spin 3.0 and later run the commands in order, but the manifest reference describes `command` as one string, and `spin build` of earlier versions refuses a list.",
        "[component.build]\ncommand = [\"npm install\", \"npm run build\"]",
        "Keep the list if every user has Spin 3.0 or later; otherwise join the commands: `command = \"npm install && npm run build\"`.",
    );

/// Reports a list of build commands.
pub(crate) fn report(cx: &mut Cx, commands: &[String], path: &P<'_>) {
    let joined = commands.join(" && ");
    cx.report(
        &RULE,
        path,
        "`command` is a list; the manifest reference describes one string",
    )
    .help(format!(
        "for Spin versions before 3.0, join the commands: `command = {joined:?}`"
    ))
    .note("Spin 3.0 and later run the commands in order; earlier versions refuse a list");
}
