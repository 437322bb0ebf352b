//! `extism/duplicate-module`: two modules end up with the same name,
//! counting the names the runtime gives.

use crate::codes::{Category, Rule};
use crate::extism::HOST_MODULE;
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

use super::super::snippet;
use super::{Clash, Naming};

pub(crate) static RULE: Rule = Rule::error("extism/duplicate-module")
    .aliases(&["extism/duplicate-module-name"])
    .category(Category::Correctness)
    .doc(
        "Two modules end up with the same name, counting the names the runtime gives: an unnamed module is called `main`, and `extism:host/env` is taken by the runtime's own functions.",
        "The runtime refuses the plug-in: \"Duplicate module name found in Extism manifest\". Two unnamed modules are such a duplicate, since both are called `main`.",
        "{ \"wasm\": [{ \"path\": \"a.wasm\" }, { \"path\": \"b.wasm\" }] }",
        "Give every module its own `name`; call the one the host calls into `main`.",
    );

/// Reports every clash of the runtime's naming.
pub(crate) fn check(cx: &mut Cx, naming: &Naming<'_>) {
    let root = P::ROOT;
    let wasm = root.key("wasm");
    for clash in &naming.clashes {
        match *clash {
            Clash::Reserved(i) => {
                let entry = wasm.index(i);
                cx.report(
                    &RULE,
                    &entry.key("name"),
                    format!("module name `{HOST_MODULE}` is reserved"),
                )
                .help("rename the module")
                .note("the runtime registers its own host functions under this name and refuses a second module with it: \"Duplicate module name found in Extism manifest\"");
            }
            Clash::Repeat {
                index,
                named,
                name,
                first,
                first_named,
            } => {
                let entry = wasm.index(index);
                let at_name = entry.key("name");
                let here = if named { at_name } else { entry };
                let first_entry = wasm.index(first);
                let first_name = first_entry.key("name");
                let (first_at, first_label) = if first_named {
                    (first_name, format!("`{name}` is first given here"))
                } else {
                    (
                        first_entry,
                        "this module has no `name`, so it is called `main`".to_owned(),
                    )
                };
                let message = if named {
                    format!("duplicate module name `{name}`")
                } else {
                    "this module has no `name`, so it is called `main`, like another module"
                        .to_owned()
                };
                let example = snippet::pair(cx.syntax, "name", "\"lib\"");
                let help = match (named, first_named) {
                    (true, true) => {
                        "module names must be unique: rename one of the modules".to_owned()
                    }
                    (false, _) => format!(
                        "give this module its own name, e.g. `{example}`; only the module the host calls into should be `main`"
                    ),
                    (true, false) => {
                        format!("give the unnamed module its own name, e.g. `{example}`")
                    }
                };
                let note = if named && first_named {
                    "the runtime refuses the plug-in: \"Duplicate module name found in Extism manifest\""
                } else {
                    "with several modules, the runtime calls an unnamed module `main`, and refuses two modules with one name: \"Duplicate module name found in Extism manifest\""
                };
                cx.report(&RULE, &here, message)
                    .label(&first_at, Target::Value, first_label)
                    .help(help)
                    .note(note);
            }
        }
    }
}
