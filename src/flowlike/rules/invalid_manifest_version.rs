//! `flow-like/invalid-manifest-version`: `manifest_version` does not fit an unsigned 32-bit integer.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Value};

use super::unsupported_manifest_version;

pub(crate) static RULE: Rule = Rule::error("flow-like/invalid-manifest-version")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`manifest_version` is negative or larger than 4294967295.",
        "Flow-Like reads `manifest_version` as an unsigned 32-bit integer and refuses the whole manifest when the number does not fit.",
        "manifest_version = -1",
        "Write `manifest_version = 1`.",
    );

/// Reads `manifest_version`: an integer that fits a `u32`.
pub(crate) fn parse(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<u32> {
    if let Some(n) = node.as_integer() {
        return match u32::try_from(n) {
            Ok(version) => {
                unsupported_manifest_version::check(cx, version, path);
                Some(version)
            }
            Err(_) => {
                cx.report(&RULE, path, format!("manifest version {n} is out of range"))
                    .help("write `manifest_version = 1`")
                    .note("Flow-Like reads the version as an unsigned 32-bit number and refuses the manifest otherwise");
                None
            }
        };
    }
    let pending = cx.wrong_type(node, path, "an integer");
    match &node.value {
        Value::String(s) if s.trim().parse::<u32>().is_ok() => pending.help(format!(
            "write the number without quotes: `manifest_version = {}`",
            s.trim()
        )),
        _ => pending.help("write `manifest_version = 1`"),
    };
    None
}
