//! `spin/invalid-variable-name`: a `[variables]` name that is not lower snake case.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-variable-name")
    .category(Category::Correctness)
    .doc(
        "A `[variables]` name that is not lower snake case: words of lower-case ASCII letters and digits, each starting with a letter, joined by single `_`.",
        "Spin refuses the manifest when it converts it to the version 2 form it runs (``invalid ID `HELLO`: Lower-case identifiers must be all lowercase``): variable names are turned into environment variable names and file names, so `HELLO`, `hell-o`, `my__var` and `1var` are all rejected, without repair.",
        "[variables]\nAPI_KEY = { required = true }",
        "Rename the variable in lower snake case (`api_key`), and every `{{ }}` that uses it.",
    );

/// The variable's name is lower snake case.
pub(crate) fn check(cx: &mut Cx, name: &str, path: &P<'_>) {
    let Some(reason) = ids::problem(name, Case::LowerSnake) else {
        return;
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("variable name `{name}` is not lower snake case: {reason}"),
    );
    pending.on_key();
    match ids::suggest(name, Case::LowerSnake) {
        Some(better) => pending.help(format!(
            "rename it `{better}` (and every `{{{{ {name} }}}}` that uses it)"
        )),
        None => pending.help(
            "use words of lower-case letters and digits, each starting with a letter, joined by `_`",
        ),
    };
}
