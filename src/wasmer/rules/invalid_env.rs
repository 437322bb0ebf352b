//! `wasmer/invalid-env`: an entry of `[command.annotations.wasi] env` that is not `KEY=VALUE`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-env")
    .category(Category::Correctness)
    .doc(
        "An entry of `[command.annotations.wasi] env` that is not `KEY=VALUE`.",
        "The WASI runner splits each entry at `=`; an entry without one is refused when the package is built.",
        "[command.annotations.wasi]\nenv = [\"DEBUG\"]",
        "Write `\"DEBUG=1\"` (an empty value is `\"DEBUG=\"`).",
    );

/// Checks the `KEY=VALUE` entries of `[command.annotations.wasi] env`.
pub(crate) fn check(cx: &mut Cx, env: &[String], path: &P<'_>) {
    for (i, entry) in env.iter().enumerate() {
        let problem = match entry.split_once('=') {
            None => format!("environment entry `{entry}` has no `=`"),
            Some(("", _)) => format!("environment entry `{entry}` has an empty name"),
            Some(_) => continue,
        };
        let name = entry
            .split('=')
            .next()
            .filter(|n| !n.is_empty())
            .unwrap_or("NAME");
        cx.report(&RULE, &path.index(i), problem).help(format!(
            "write `KEY=VALUE`, e.g. `\"{name}=1\"` (or `\"{name}=\"` for an empty value)"
        ));
    }
}
