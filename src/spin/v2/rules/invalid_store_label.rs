//! `spin/invalid-store-label`: a `key_value_stores` or `sqlite_databases`
//! label that is neither kebab nor snake case.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-store-label")
    .category(Category::Correctness)
    .doc(
        "A `key_value_stores` or `sqlite_databases` label that is neither kebab case nor snake case.",
        "Version 2 manifests refuse such labels (\"expected kebab-case or snake_case\"); version 1 manifests are accepted, but the version 2 form Spin converts them to cannot be written back (`spin doctor`).",
        "key_value_stores = [\"My Store\"]",
        "Use a label such as `my-store` or `my_store`.",
    );

/// The label is kebab or snake case.
pub(crate) fn check(cx: &mut Cx, label: &str, list: &str, path: &P<'_>) {
    if ids::is_valid(label, Case::Kebab) || ids::is_valid(label, Case::Snake) {
        return;
    }
    let what = if list == "key_value_stores" {
        "key-value store"
    } else {
        "SQLite database"
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("the {what} label `{label}` is neither kebab case nor snake case"),
    );
    match ids::suggest(label, Case::Kebab) {
        Some(better) => pending.help(format!("use e.g. `{better}`")),
        None => pending.help("use words of letters and digits joined by `-` or `_`"),
    };
    pending.note("Spin refuses the manifest: labels are kebab-case or snake_case");
}
