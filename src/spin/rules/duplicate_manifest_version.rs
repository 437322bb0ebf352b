//! `spin/duplicate-manifest-version`: both `spin_manifest_version` and `spin_version`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::error("spin/duplicate-manifest-version")
    .category(Category::Correctness)
    .doc(
        "Both `spin_manifest_version` and its older name `spin_version` are set.",
        "Spin treats the two as one key and refuses the manifest because that key appears twice (\"duplicate field `spin_manifest_version`\").",
        "spin_manifest_version = \"1\"\nspin_version = \"1\"",
        "Remove `spin_version`.",
    );

/// Reports the older key next to the current one (both versions call it
/// when the two keys are set).
pub(crate) fn report(cx: &mut Cx) {
    let p = P::ROOT;
    cx.report(
        &RULE,
        &p.key("spin_version"),
        "both `spin_manifest_version` and `spin_version` are set",
    )
    .on_key()
    .label(
        &p.key("spin_manifest_version"),
        Target::Key,
        "`spin_manifest_version` is set here",
    )
    .help("remove `spin_version`, the older name of `spin_manifest_version`")
    .note("Spin reads both as the same key, so the manifest has that key twice and is refused");
}
