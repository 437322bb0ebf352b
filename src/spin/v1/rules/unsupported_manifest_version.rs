//! `spin/unsupported-manifest-version`: a version 2 manifest.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Value};

pub(crate) static RULE: Rule = Rule::error("spin/unsupported-manifest-version")
    .category(Category::Correctness)
    .doc(
        "The manifest is a Spin manifest of version 2 (`spin_manifest_version = 2`), which this library does not read.",
        "Spin reads version 2 manifests with a different schema (`[application]`, `[[trigger.http]]`, `[component.<id>]`); checking one against the version 1 rules would only produce noise, so reading stops at the version.",
        "spin_manifest_version = 2\n\n[application]\nname = \"hello\"",
        "Check version 2 manifests with Spin itself (`spin doctor`, `spin build`), or write the manifest in version 1 form.",
    );

/// Reports a version 2 manifest; reading stops there.
pub(crate) fn report(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) {
    let pending = cx
        .report(
            &RULE,
            path,
            "this is a version 2 Spin manifest; only version 1 is supported",
        )
        .help("check version 2 manifests with Spin itself (`spin doctor`, `spin build`)");
    if matches!(node.value, Value::String(_)) {
        pending.note("Spin itself wants the integer for version 2: `spin_manifest_version = 2`");
    }
}
