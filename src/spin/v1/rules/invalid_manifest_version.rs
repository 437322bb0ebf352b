//! `spin/invalid-manifest-version`: a manifest version other than the string `"1"`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Value};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-manifest-version")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`spin_manifest_version` (or `spin_version`) is not the string `\"1\"`.",
        "Spin reads the version before anything else and refuses every other value, including the integer `1` and strings such as `\"01\"` (`invalid manifest version: 1`).",
        "spin_manifest_version = 1",
        "Write `spin_manifest_version = \"1\"`, with quotes.",
    );

/// Reports a version that clearly means 1 but is written another way
/// (`1`, `1.0`, `"01"`).
pub(crate) fn report_meant_v1(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) {
    let found = match &node.value {
        Value::String(s) => format!("`\"{s}\"`"),
        Value::Integer(i) => format!("the integer `{i}`"),
        _ => format!("`{}`", node_text(node)),
    };
    cx.report(
        &RULE,
        path,
        format!("the manifest version must be the string `\"1\"`, not {found}"),
    )
    .help("write `spin_manifest_version = \"1\"`")
    .note("Spin compares the version as text and refuses every other spelling");
}

/// Reports any other version.
pub(crate) fn report_unknown(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) {
    let found = match &node.value {
        Value::String(s) => format!("`\"{s}\"`"),
        Value::Integer(_) | Value::Float(_) | Value::Bool(_) => format!("`{}`", node_text(node)),
        _ => node.type_name(cx.syntax).to_owned(),
    };
    cx.report(&RULE, path, format!("unknown manifest version {found}"))
        .help("write `spin_manifest_version = 2` for a version 2 manifest, or `spin_manifest_version = \"1\"` for this version 1 layout");
}

/// `spin_manifest_version = "2"`: version 2 is the integer.
pub(crate) fn report_quoted_two(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "the manifest version must be the integer `2` or the string `\"1\"`, not `\"2\"`",
    )
    .help("version 2 is written without quotes: `spin_manifest_version = 2`");
}

/// A scalar as it would be written, for messages.
fn node_text(node: &Node<'_>) -> String {
    match &node.value {
        Value::String(s) => format!("{s:?}"),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Datetime(d) => d.to_string(),
        _ => String::new(),
    }
}
