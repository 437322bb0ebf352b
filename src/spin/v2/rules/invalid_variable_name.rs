//! `spin/invalid-variable-name`: a `[variables]` name, or a key of a
//! component's `variables`, that is not lower snake case.

use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};
pub(crate) use crate::spin::v1::rules::invalid_variable_name::RULE;

/// The name is lower snake case.
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
