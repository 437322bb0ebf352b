//! `wasmer/unknown-dependency`: a command uses `dependency:module`, but the dependency is not in `[dependencies]`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;

use super::command_modules;

pub(crate) static RULE: Rule = Rule::error("wasmer/unknown-dependency")
    .category(Category::Correctness)
    .doc(
        "A command uses `dependency:module`, but the dependency is not in `[dependencies]`.",
        "Validation fails with MissingDependency.",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python\"\nrunner = \"wasi\"",
        "Add the dependency: `[dependencies]` `\"wasmer/python\" = \"^3.12\"`.",
    );

/// A command's `dependency:module` names a key of `[dependencies]`.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let dependencies: Vec<&str> = root
        .get("dependencies")
        .map_or(&[][..], Node::entries)
        .iter()
        .map(|e| e.key.as_ref())
        .collect();
    let known: std::collections::HashSet<&str> = dependencies.iter().copied().collect();
    for (i, dependency, _) in command_modules(root) {
        let Some(dependency) = dependency else {
            continue;
        };
        if known.contains(dependency) {
            continue;
        }
        let best = suggest::closest(dependency, &dependencies);
        let path = P::ROOT;
        let path = path.key("command");
        let path = path.index(i);
        let pending = cx.report(
            &RULE,
            &path.key("module"),
            format!("`{dependency}` is not in `[dependencies]`"),
        );
        if let Some(best) = best {
            pending.suggest_str(dependency, best, &dependencies);
        } else {
            pending.help(format!(
                "add it: `[dependencies]` `\"{dependency}\" = \"<version requirement>\"`"
            ));
        }
    }
}
