//! `wasmer/ambiguous-entrypoint`: several commands and no `package.entrypoint`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

use super::command_names;

pub(crate) static RULE: Rule = Rule::warning("wasmer/ambiguous-entrypoint")
    .category(Category::Suspicious)
    .doc(
        "Several commands and no `package.entrypoint`.",
        "`wasmer run <package>` cannot choose a command and fails with \"Unable to determine the WEBC file's entrypoint\".",
        "[[command]]\nname = \"a\"\n# ...\n[[command]]\nname = \"b\"\n# ...",
        "Add `entrypoint = \"<command>\"` to `[package]`, or run commands with `--command`.",
    );

/// More than one command and no `package.entrypoint`.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let package = root.get("package").filter(|p| p.as_table().is_some());
    if package.is_some_and(|p| p.str_at("entrypoint").is_some()) {
        return;
    }
    let commands = command_names(root);
    if commands.len() < 2 {
        return;
    }
    let path = P::ROOT;
    let pending = cx.report(
        &RULE,
        &path.key("package").key("entrypoint"),
        format!(
            "{} commands and no `package.entrypoint`: `wasmer run` cannot choose which one to start",
            commands.len()
        ),
    );
    if package.is_some() {
        pending.at(&path.key("package"), Target::Value);
    } else {
        pending.at(&path.key("command").index(1), Target::Value);
    }
    pending.help(format!(
        "add `entrypoint = \"{}\"` (or another command) to `[package]`, or run with `--command`",
        commands[0]
    ));
}
