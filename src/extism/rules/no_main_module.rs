//! `extism/no-main-module`: several modules, and none is explicitly named
//! `main`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::super::snippet;
use super::Naming;

pub(crate) static RULE: Rule = Rule::warning("extism/no-main-module")
    .category(Category::Correctness)
    .doc(
        "Several modules, and none is explicitly named `main`.",
        "The runtime then picks the main module itself: the first unnamed module, or else the last one, which it renames `main` (so other modules can no longer import from it by its name). The warning says which module it picks.",
        "{ \"wasm\": [{ \"path\": \"lib.wasm\", \"name\": \"lib\" }, { \"path\": \"app.wasm\", \"name\": \"app\" }] }",
        "Name the module whose functions the host calls `\"name\": \"main\"`.",
    );

/// Says which module the runtime makes `main` when no module is named so
/// (and no clash over `main` is reported already).
pub(crate) fn check(cx: &mut Cx, naming: &Naming<'_>) {
    if naming.explicit_main || naming.main_clash {
        return;
    }
    let Some((i, given)) = naming.main else {
        return;
    };
    let root = P::ROOT;
    let wasm = root.key("wasm");
    let entry = wasm.index(i);
    let add_main = snippet::pair(cx.syntax, "name", "\"main\"");
    let n = naming.count;
    match given {
        None => {
            let at = entry.to_path();
            cx.report(
                &RULE,
                &entry,
                format!("none of the {n} modules is named `main`: the runtime makes the unnamed module `{at}` the main one"),
            )
            .help(format!("add `{add_main}` to the module whose functions the host calls, and name the others"))
            .note("with several modules, the runtime calls an unnamed module `main`");
        }
        Some(name) => {
            cx.report(
                &RULE,
                &entry.key("name"),
                format!("none of the {n} modules is named `main`: the runtime renames the last one, `{name}`, to `main`"),
            )
            .help(format!("name the module whose functions the host calls `main` explicitly: `{add_main}`"))
            .note(format!("the host must call its functions on `main`, and other modules cannot import from `{name}`"));
        }
    }
}
