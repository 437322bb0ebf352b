//! `spin/empty-build-command`: `command = []`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/empty-build-command")
    .category(Category::Suspicious)
    .doc(
        "A build `command` that is an empty list.",
        "`spin build` runs nothing for the component, so its source is never built.",
        "[component.app.build]\ncommand = []",
        "Give the command that builds the component, or remove the `build` table.",
    );

/// The list has a command.
pub(crate) fn check(cx: &mut Cx, commands: &[String], path: &P<'_>) {
    if commands.is_empty() {
        cx.report(&RULE, path, "the build command list is empty")
            .help("give the command that builds the component, e.g. `command = \"cargo build --target wasm32-wasip1 --release\"`, or remove `build`")
            .note("`spin build` then builds nothing for this component");
    }
}
