//! `spin/absolute-workdir`: a `build.workdir` that is an absolute path.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::paths::{self, Escape};

use super::outside_app_directory;
use crate::spin::rules::Version;

pub(crate) static RULE: Rule = Rule::error("spin/absolute-workdir")
    .category(Category::Correctness)
    .doc(
        "A `build.workdir` that is an absolute path.",
        "`spin build` refuses it: \"The workdir specified in the application file must be relative.\"",
        "[component.app.build]\ncommand = \"cargo build\"\nworkdir = \"/home/me/app\"",
        "Write the directory relative to the manifest: `workdir = \"app\"`.",
    );

/// The workdir is relative and inside the application directory.
pub(crate) fn check(cx: &mut Cx, workdir: &str, path: &P<'_>) {
    match paths::escapes(workdir) {
        Some(Escape::Absolute) => {
            cx.report(
                &RULE,
                path,
                format!("the build directory `{workdir}` is an absolute path"),
            )
            .help("write it relative to the manifest's directory")
            .note("`spin build` refuses absolute build directories");
        }
        Some(Escape::Parent) => {
            outside_app_directory::report_workdir(cx, workdir, path, Version::V2)
        }
        None => {}
    }
}
