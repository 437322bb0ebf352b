//! The rules whose check is the same in both manifest versions, one module
//! each: the rule's code, severity and documentation, and its check.
//!
//! Each version's rule list (`v1::rules`, `v2::rules`) names these modules
//! next to its own, so a reader calls `rules::route_without_leading_slash`
//! whichever version it reads. Where the two versions word a diagnostic
//! differently (a field's place, what Spin says when it refuses), the check
//! takes the [`Version`] it runs for.

use crate::codes;
use crate::diagnostic::Severity;
use crate::fix::Applicability;
use crate::read::{Cx, Table};
use crate::source::{Node, TableKind, Value};

pub(crate) mod allows_all_hosts;
pub(crate) mod duplicate_manifest_version;
pub(crate) mod empty_port_range;
pub(crate) mod ignored_allowed_http_host;
pub(crate) mod insecure_source_url;
pub(crate) mod invalid_allowed_http_host;
pub(crate) mod invalid_app_version;
pub(crate) mod invalid_digest;
pub(crate) mod invalid_executor;
pub(crate) mod invalid_glob;
pub(crate) mod invalid_registry_source;
pub(crate) mod invalid_source;
pub(crate) mod invalid_source_url;
pub(crate) mod invalid_store_label;
pub(crate) mod invalid_variable_name;
pub(crate) mod outside_app_directory;
pub(crate) mod relative_files_destination;
pub(crate) mod route_without_leading_slash;
pub(crate) mod unclosed_template;
pub(crate) mod unknown_trigger_type;
pub(crate) mod unknown_variable;
pub(crate) mod variable_required_and_default;
pub(crate) mod variable_without_value;
pub(crate) mod wagi_custom_entrypoint;

/// The manifest version a shared check runs for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Version {
    /// `spin_manifest_version = "1"`.
    V1,
    /// `spin_manifest_version = 2`.
    V2,
}

impl Version {
    /// `v1` in a version 1 manifest, `v2` in a version 2 one.
    pub(crate) fn pick<T>(self, v1: T, v2: T) -> T {
        match self {
            Version::V1 => v1,
            Version::V2 => v2,
        }
    }
}

/// Whether renaming the key of an entry holding `value` is a single edit:
/// the key is written once. It is not when the value is spread over
/// several headers (`[[a.b]]` twice, `[a.b.c]` and `[a.b.d]`, `[[a.b]]`
/// then `[a.b.c]`) or dotted keys (`b.c = 1` and `b.d = 2`).
pub(crate) fn renamable(value: &Node<'_>) -> bool {
    match &value.value {
        Value::Table(table) => match table.kind() {
            TableKind::Inline => true,
            TableKind::Implicit | TableKind::Dotted => false,
            TableKind::Defined | TableKind::ArrayItem => !has_headers(value),
        },
        Value::Array(items) => match items.iter().position(is_array_item) {
            None => true,
            Some(_) => items.len() == 1 && !has_headers(&items[0]),
        },
        _ => true,
    }
}

/// Whether a `[[header]]` item.
fn is_array_item(node: &Node<'_>) -> bool {
    node.as_table()
        .is_some_and(|t| t.kind() == TableKind::ArrayItem)
}

/// Whether a table has a table below it written under a header of its
/// own (which repeats the keys above it).
fn has_headers(table: &Node<'_>) -> bool {
    table
        .entries()
        .iter()
        .any(|entry| match &entry.value.value {
            Value::Table(t) => match t.kind() {
                TableKind::Inline => false,
                TableKind::Dotted => has_headers(&entry.value),
                TableKind::Defined | TableKind::Implicit | TableKind::ArrayItem => true,
            },
            Value::Array(items) => items.iter().any(is_array_item),
            _ => false,
        })
}

/// Reports the key `old` of `t`, when it is there, as the unknown key that
/// [`Table::finish`] would report, with `help`, and offers to rename it
/// `new` (with `applicability`) when the table has no `new` yet and the key
/// is written once. Called before `finish`, which then passes it over.
pub(crate) fn renamed_key(
    cx: &mut Cx,
    t: &mut Table<'_, '_, '_>,
    severity: Severity,
    (old, new): (&str, &str),
    help: impl Into<String>,
    applicability: Applicability,
) {
    let Some(node) = t.get(old) else {
        return;
    };
    let place = match t.path.to_path() {
        p if p.is_root() => "at the top level".to_owned(),
        p => format!("in `{p}`"),
    };
    let pending = cx.push(
        severity,
        codes::UNKNOWN_KEY,
        &t.path.key(old),
        format!("unknown key `{old}` {place}"),
    );
    pending.on_key().help(help);
    if severity == Severity::Warning {
        pending.note("the official tooling ignores this key, so its value is lost");
    }
    if !t.has(new) && renamable(node) {
        pending.fix_key(applicability, old, new);
    }
}
