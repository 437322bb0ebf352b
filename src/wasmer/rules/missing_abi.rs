//! `wasmer/missing-abi`: a command in the deprecated V1 form (no `runner`) uses a module without `abi` or `interfaces`.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

use super::command_modules;

pub(crate) static RULE: Rule = Rule::warning("wasmer/missing-abi")
    .category(Category::Suspicious)
    .doc(
        "A command in the deprecated V1 form (no `runner`) uses a module without `abi` or `interfaces`.",
        "V1 commands take their runner from the module's ABI. Wasmer still runs such a command: its packager gives it the generic runner, which starts the module as WASI (Wasmer's own integration tests run such packages), but `wasmer-config`'s `validate()` refuses it with MissingABI (\"an ABI of `wasi` is required\") and the format document asks for an ABI. V2 commands name their runner, so this check does not apply to them.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n\n[[command]]\nname = \"m\"\nmodule = \"m\"",
        "Add `abi = \"wasi\"` to the module, or `runner = \"wasi\"` to the command.",
    );

/// A command without `runner` on a module without `abi` or `interfaces`.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let modules = root.get("module").map_or(&[][..], Node::items);
    let commands = root.get("command").map_or(&[][..], Node::items);
    for (i, dependency, module) in command_modules(root) {
        if dependency.is_some() || commands[i].get("runner").is_some() {
            continue;
        }
        // The first module of that name (a repeat is reported on its own).
        let Some((index, found)) = modules
            .iter()
            .enumerate()
            .find(|(_, m)| m.str_at("name") == Some(module))
        else {
            continue;
        };
        let no_abi = match found.get("abi") {
            None => true,
            Some(abi) => abi.as_str() == Some("none"),
        };
        let interfaces = found
            .get("interfaces")
            .is_some_and(|n| n.as_table().is_some());
        if !no_abi || interfaces {
            continue;
        }
        let path = P::ROOT;
        let path = path.key("command");
        let path = path.index(i);
        cx.report(
            &RULE,
            &path.key("module"),
            format!("command without `runner` uses module `{module}`, which has no `abi`"),
        )
        .label_path(
            FieldPath::root().key("module").index(index),
            Target::Value,
            "this module has no `abi` or `interfaces`",
        )
        .help(format!(
            "add `abi = \"wasi\"` to module `{module}`, or give the command a `runner` (e.g. `runner = \"wasi\"`)"
        ))
        .note("it still runs: Wasmer's packager gives such commands the generic runner, which starts the module as WASI; `wasmer-config`'s own validation calls this `MissingABI`");
    }
}
