//! `spin/invalid-manifest-version` in a version 2 layout: a version other
//! than the integer `2` (or the string `"1"`), or no version at all.

use crate::codes::{MISSING_KEY, UNKNOWN_KEY};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::source::{Target, Value};
pub(crate) use crate::spin::v1::rules::invalid_manifest_version::RULE;

/// Checks the version keys of a document read as version 2: the integer
/// `2` under `spin_manifest_version`. The old key `spin_version` is no
/// alias in version 2.
pub(crate) fn check(cx: &mut Cx, top: &mut Table<'_, '_, '_>) {
    let p = P::ROOT;
    let current = top.get("spin_manifest_version");
    let older = top.get("spin_version");
    let (key, node) = match (current, older) {
        (Some(node), _) => ("spin_manifest_version", node),
        (None, Some(node)) => ("spin_version", node),
        (None, None) => {
            cx.report(
                &MISSING_KEY,
                &p.key("spin_manifest_version"),
                "missing required key `spin_manifest_version`",
            )
            .at(&p, Target::Value)
            .help(
                "this is a version 2 layout: start the manifest with `spin_manifest_version = 2`",
            );
            return;
        }
    };
    let path = p.key(key);
    if !matches!(node.value, Value::Integer(2)) {
        let found = match &node.value {
            Value::String(s) => format!("`\"{s}\"`"),
            Value::Float(f) => format!("`{f:?}`"),
            _ => node.scalar_text().map_or_else(
                || node.type_name(cx.syntax).to_owned(),
                |t| format!("`{t}`"),
            ),
        };
        let pending = cx.report(&RULE, &path, format!("invalid manifest version {found}"));
        if matches!(&node.value, Value::String(s) if s.trim() == "2") {
            pending.help("version 2 is the integer, without quotes: `spin_manifest_version = 2`");
        } else {
            pending.help("version 2 manifests (this layout) say `spin_manifest_version = 2`; version 1 manifests say `spin_manifest_version = \"1\"`");
        }
        pending.note("Spin refuses every other value before reading anything else");
    }
    if key == "spin_version" && current.is_none() {
        cx.report_as(
            &UNKNOWN_KEY,
            crate::Severity::Error,
            path.to_path(),
            "unknown key `spin_version` at the top level",
        )
        .on_key()
        .help("version 2 spells it `spin_manifest_version`: rename the key")
        .note("Spin finds the version under the old name, then refuses the key when it reads the version 2 schema")
        // The version is read under either name, and only one is set.
        .fix_key(Applicability::Safe, key, "spin_manifest_version");
    }
}
