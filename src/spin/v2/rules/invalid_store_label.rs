//! `spin/invalid-store-label`: a `key_value_stores` or `sqlite_databases`
//! label that is neither kebab nor snake case.

use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

pub(crate) use crate::spin::v1::rules::invalid_store_label::RULE;

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
    let pending = cx.report_as(
        &RULE,
        crate::Severity::Error,
        path.to_path(),
        format!("the {what} label `{label}` is neither kebab case nor snake case"),
    );
    match ids::suggest(label, Case::Kebab) {
        Some(better) => pending.help(format!("use e.g. `{better}`")),
        None => pending.help("use words of letters and digits joined by `-` or `_`"),
    };
    pending.note("Spin refuses the manifest: labels are kebab-case or snake_case");
}
