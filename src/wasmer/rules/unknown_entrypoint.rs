//! `wasmer/unknown-entrypoint`: `package.entrypoint` does not name a command of the manifest.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;

use super::command_names;

pub(crate) static RULE: Rule = Rule::error("wasmer/unknown-entrypoint")
    .category(Category::Correctness)
    .doc(
        "`package.entrypoint` does not name a command of the manifest.",
        "Validation fails with InvalidEntrypoint, and `wasmer run` cannot start the package.",
        "[package]\nentrypoint = \"serve\"\n\n[[command]]\nname = \"server\"\nmodule = \"server\"\nrunner = \"wasi\"",
        "Set `entrypoint` to one of the command names listed in the help.",
    );

/// `package.entrypoint` must name a command.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let Some(entrypoint) = root.get("package").and_then(|p| p.str_at("entrypoint")) else {
        return;
    };
    let commands = command_names(root);
    if commands.contains(&entrypoint) {
        return;
    }
    let path = P::ROOT;
    let path = path.key("package");
    let best = suggest::closest(entrypoint, &commands);
    let pending = cx.report(
        &RULE,
        &path.key("entrypoint"),
        format!("entrypoint `{entrypoint}` is not a command of this manifest"),
    );
    if let Some(best) = best {
        pending.suggest_str(entrypoint, best, &commands);
    } else if commands.is_empty() {
        pending.help(format!(
            "there are no commands: add a `[[command]]` named `{entrypoint}`"
        ));
    } else {
        pending.help(format!("the commands are {}", suggest::list(&commands)));
    }
}
