//! `spin/invalid-store-label`: a `key_value_stores` or `sqlite_databases` label that is neither kebab nor snake case.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

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

/// Each label (position, label) is kebab or snake case; `what` names the
/// kind of store.
pub(crate) fn check(cx: &mut Cx, labels: &[(usize, &str)], path: &P<'_>, what: &str) {
    for &(i, label) in labels {
        if ids::is_valid(label, Case::Kebab) || ids::is_valid(label, Case::Snake) {
            continue;
        }
        let pending = cx.report_as(
            &RULE,
            crate::Severity::Warning,
            path.index(i).to_path(),
            format!("the {what} label `{label}` is neither kebab case nor snake case"),
        );
        match ids::suggest(label, Case::Kebab) {
            Some(better) => pending.help(format!("use e.g. `{better}`")),
            None => pending.help("use words of letters and digits joined by `-` or `_`"),
        };
        pending.note("Spin accepts it in a version 1 manifest, but not in the version 2 form it converts the manifest to");
    }
}
