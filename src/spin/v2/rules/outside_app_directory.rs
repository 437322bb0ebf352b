//! `spin/outside-app-directory`: a `files` placement source or a
//! `build.workdir` outside the application directory.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::outside_app_directory::RULE;

/// A placement source with `..` above the application directory.
pub(crate) fn report_files(cx: &mut Cx, source: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("the file source `{source}` is outside the application directory"),
    )
    .help("move the files into the application directory and drop the `..`")
    .note("Spin copies and mounts it, but the package then depends on files outside its directory");
}

/// A build directory with `..` above the application directory.
pub(crate) fn report_workdir(cx: &mut Cx, workdir: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("the build directory `{workdir}` is outside the application directory"),
    )
    .help("keep the component's sources inside the application directory")
    .note(
        "`spin build` runs there, but the application cannot be built from its own directory alone",
    );
}
