//! `flow-like/unsupported-manifest-version`: `manifest_version` is not `1`.

use crate::codes::{Category, Rule};
use crate::flowlike::MANIFEST_VERSION;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/unsupported-manifest-version")
    .category(Category::Suspicious)
    .doc(
        "`manifest_version` is not `1`, the only version Flow-Like defines.",
        "Flow-Like never looks at the number, so the manifest is read as version 1 whatever it says; a different number suggests a manifest written for another tool or a future schema.",
        "manifest_version = 2",
        "Write `manifest_version = 1`.",
    );

/// Checks a `manifest_version` that fits a `u32`.
pub(crate) fn check(cx: &mut Cx, version: u32, path: &P<'_>) {
    if version != MANIFEST_VERSION {
        cx.report(
            &RULE,
            path,
            format!("manifest version {version} is not defined; the only version is 1"),
        )
        .help("write `manifest_version = 1`")
        .note("Flow-Like does not look at the number and reads the file as version 1");
    }
}
