//! `spin/wagi-custom-entrypoint`: a Wagi executor with an `entrypoint` other than `_start`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/wagi-custom-entrypoint")
    .category(Category::Correctness)
    .doc(
        "A Wagi executor with an `entrypoint` other than `_start`.",
        "Spin 3 and later refuse to run the component: `spin up` fails with \"Wagi component '<id>' cannot use deprecated 'entrypoint' field\". Spin 1.x and 2.x called the named function.",
        "executor = { type = \"wagi\", entrypoint = \"serve\" }",
        "Export the handler as the module's `_start` (its `main`) and remove `entrypoint`.",
    );

/// The entrypoint is `_start`.
pub(crate) fn check(cx: &mut Cx, entrypoint: &str, path: &P<'_>, version: Version) {
    if entrypoint == "_start" {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("Wagi entrypoint `{entrypoint}`: Spin 3 and later refuse any entrypoint other than `_start`"),
    )
    .help("export the handler as the module's `_start` (its `main`) and remove `entrypoint`")
    .note(version.pick(
        "`spin up` fails (\"cannot use deprecated 'entrypoint' field\"); Spin 1.x and 2.x called the named function",
        "Spin 1.x and 2.x called the named function; `spin up` now fails at start-up",
    ));
}
