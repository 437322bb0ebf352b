//! `spin/duplicate-manifest-version`: both `spin_manifest_version` and
//! `spin_version`.

use crate::path::P;
use crate::read::{Cx, Table};
use crate::source::Target;
pub(crate) use crate::spin::v1::rules::duplicate_manifest_version::RULE;

/// Both version keys are set.
pub(crate) fn check(cx: &mut Cx, top: &mut Table<'_, '_, '_>) {
    if !(top.has("spin_manifest_version") && top.has("spin_version")) {
        return;
    }
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
