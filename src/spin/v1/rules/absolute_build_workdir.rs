//! `spin/absolute-build-workdir`: a `build.workdir` that is an absolute path.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/absolute-build-workdir")
    .category(Category::Correctness)
    .doc(
        "A `[component.build]` `workdir` that is an absolute path.",
        "`spin build` refuses it: \"The workdir specified in the application file must be relative.\"",
        "[component.build]\ncommand = \"make\"\nworkdir = \"/home/me/api\"",
        "Write the directory relative to the manifest: `workdir = \"api\"`.",
    );

/// Reports an absolute build directory.
pub(crate) fn report(cx: &mut Cx, workdir: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("the build directory `{workdir}` is an absolute path"),
    )
    .help("write it relative to the manifest, inside the application directory")
    .note("`spin build` refuses an absolute `workdir`");
}
