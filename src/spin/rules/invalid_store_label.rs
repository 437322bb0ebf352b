//! `spin/invalid-store-label`: a `key_value_stores` or `sqlite_databases` label that is neither kebab nor snake case.

use crate::Severity;
use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

use super::Version;

pub(crate) static RULE: Rule = Rule::varies(
    "spin/invalid-store-label",
    "warning in version 1 manifests, error in version 2",
)
    .category(Category::Correctness)
    .doc(
        "A `key_value_stores` or `sqlite_databases` label that is neither kebab case nor snake case.",
        "Version 2 manifests refuse such labels (\"expected kebab-case or snake_case\"). Spin accepts any label in a version 1 manifest, but the version 2 form it converts the manifest to cannot be written back (`spin doctor`); runtime configuration files name stores the same way.",
        "key_value_stores = [\"My Store\"]",
        "Use a label such as `my-store` or `my_store`.",
    );

/// The label is kebab or snake case; `list` is the key of its list
/// (`key_value_stores` or `sqlite_databases`). Version 1 warns (Spin runs
/// the manifest), version 2 refuses.
pub(crate) fn check(cx: &mut Cx, label: &str, list: &str, path: &P<'_>, version: Version) {
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
        version.pick(Severity::Warning, Severity::Error),
        path.to_path(),
        format!("the {what} label `{label}` is neither kebab case nor snake case"),
    );
    match ids::suggest(label, Case::Kebab) {
        Some(better) => pending.help(format!("use e.g. `{better}`")),
        None => pending.help("use words of letters and digits joined by `-` or `_`"),
    };
    pending.note(version.pick(
        "Spin accepts it in a version 1 manifest, but not in the version 2 form it converts the manifest to",
        "Spin refuses the manifest: labels are kebab-case or snake_case",
    ));
}
