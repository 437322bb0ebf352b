//! `spin/invalid-component-id`: a component id that is not kebab case, even after Spin's repair.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

use super::component_id_repaired;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-component-id")
    .category(Category::Correctness)
    .doc(
        "A component `id` that is not kebab case (words of ASCII letters and digits, each starting with a letter and all lower or all upper case, joined by single `-`), even after Spin's repair.",
        "Spin repairs ids by turning `_` into `-` and lower-casing them; when the result is still invalid (`1abc`, `api.v1`) it refuses the manifest (``invalid ID `api.v1`: '-'-separated words may only contain alphanumeric ASCII``).",
        "[[component]]\nid = \"api.v1\"",
        "Rename the component, e.g. `id = \"api-v1\"`.",
    );

/// The id is kebab case, or Spin's repair makes it so.
pub(crate) fn check(cx: &mut Cx, id: &str, path: &P<'_>) {
    if ids::is_valid(id, Case::Kebab) {
        return;
    }
    let repaired = ids::repair_component_id(id);
    let Some(reason) = ids::problem(&repaired, Case::Kebab) else {
        component_id_repaired::report(cx, id, &repaired, path);
        return;
    };
    let message = if id.is_empty() {
        "the component id is empty".to_owned()
    } else if repaired == id {
        format!("component id `{id}` is not valid: {reason}")
    } else {
        format!("component id `{id}` is not valid, even as `{repaired}` (Spin's repair): {reason}")
    };
    let pending = cx.report(&RULE, path, message);
    match ids::suggest(id, Case::Kebab) {
        Some(better) => pending.help(format!("rename it, e.g. `id = \"{better}\"`")),
        None => pending.help(
            "ids are kebab case: words of ASCII letters and digits, each starting with a letter, joined by `-`",
        ),
    };
}
