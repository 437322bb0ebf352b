//! `spin/invalid-component-id`: a component id (a `[component.<id>]` key,
//! a trigger's `component`, a `{ component = ... }` dependency) that is not
//! kebab case. Version 2 does not repair ids.

use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};
pub(crate) use crate::spin::v1::rules::invalid_component_id::RULE;

/// The id is kebab case.
pub(crate) fn check(cx: &mut Cx, id: &str, path: &P<'_>) {
    let Some(reason) = ids::problem(id, Case::Kebab) else {
        return;
    };
    let message = if id.is_empty() {
        "the component id is empty".to_owned()
    } else {
        format!("component id `{id}` is not kebab case: {reason}")
    };
    let pending = cx.report(&RULE, path, message);
    if path.to_path().segments().len() == 2 {
        // `[component.<id>]`: the key is the id.
        pending.on_key();
    }
    match ids::suggest(id, Case::Kebab) {
        Some(better) => pending.help(format!("rename it `{better}` (and every reference to it)")),
        None => pending.help(
            "ids are kebab case: words of ASCII letters and digits, each starting with a letter, joined by `-`",
        ),
    };
    pending.note("Spin refuses the manifest; unlike version 1, version 2 does not repair ids");
}
