//! `wasmer/unknown-module`: a command's `module` names no `[[module]]` of the manifest.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;

use super::{command_modules, module_names};

pub(crate) static RULE: Rule = Rule::error("wasmer/unknown-module")
    .category(Category::Correctness)
    .doc(
        "A command's `module` names no `[[module]]` of the manifest.",
        "Validation fails with MissingModuleForCommand.",
        "[[command]]\nname = \"run\"\nmodule = \"mian\"\nrunner = \"wasi\"",
        "Use the name of a declared module, or `namespace/package:module` for a module of a dependency.",
    );

/// A command's `module` names a module of this manifest.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let modules = module_names(root);
    let known: std::collections::HashSet<&str> = modules.iter().copied().collect();
    for (i, dependency, module) in command_modules(root) {
        if dependency.is_some() || known.contains(module) {
            continue;
        }
        let best = suggest::closest(module, &modules);
        let path = P::ROOT;
        let path = path.key("command");
        let path = path.index(i);
        let pending = cx.report(
            &RULE,
            &path.key("module"),
            format!("module `{module}` is not declared in this manifest"),
        );
        if module.contains('/') {
            pending.help(format!(
                "to run a module of the dependency `{module}`, write `\"{module}:<module>\"`"
            ));
        } else if let Some(best) = best {
            pending.suggest_str(module, best, &modules);
        } else {
            pending.help(format!("declare it with `[[module]]` `name = \"{module}\"`, or use `namespace/package:{module}` for a dependency's module"));
        }
    }
}
