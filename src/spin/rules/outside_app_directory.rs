//! `spin/outside-app-directory`: a module, a file placement or a build directory outside the application directory.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::paths::{self, Escape};

use super::Version;

pub(crate) static RULE: Rule = Rule::warning("spin/outside-app-directory")
    .category(Category::Correctness)
    .doc(
        "A `source` module path, a `files` placement (`{ source = \"../x\", ... }`) or a `build.workdir` outside the application directory.",
        "Spin accepts these (it does not check paths when it loads a module, and it copies and mounts placed directories), but the application then depends on files next to it rather than in it: they are missing when the directory is shared, copied or published on its own.",
        "files = [{ source = \"../assets\", destination = \"/\" }]",
        "Move the files into the application directory and use a relative path without `..`.",
    );

/// A component's module path stays inside the application directory
/// (version 1; version 2 reads module paths as they are).
pub(crate) fn check_source(cx: &mut Cx, source: &str, path: &P<'_>) {
    let Some(escape) = paths::escapes(source) else {
        return;
    };
    let how = match escape {
        Escape::Absolute => "is an absolute path",
        Escape::Parent => "is outside the application directory",
    };
    cx.report(&RULE, path, format!("the module `{source}` {how}"))
        .help("build or copy the module into the application directory and use a relative path")
        .note("Spin loads it, but the application then depends on a file that is not part of its directory");
}

/// Reports a placement whose source climbs out of the application
/// directory (an absolute one is an error, reported by the reader).
pub(crate) fn report_placement(cx: &mut Cx, source: &str, path: &P<'_>, version: Version) {
    cx.report(
        &RULE,
        path,
        format!("the file source `{source}` is outside the application directory"),
    )
    .help("move the files into the application directory and drop the `..`")
    .note(version.pick(
        "Spin copies it, but the application then depends on files that are not part of its directory",
        "Spin copies and mounts it, but the package then depends on files outside its directory",
    ));
}

/// Reports a build directory that climbs out of the application directory.
pub(crate) fn report_workdir(cx: &mut Cx, workdir: &str, path: &P<'_>, version: Version) {
    cx.report(
        &RULE,
        path,
        format!("the build directory `{workdir}` is outside the application directory"),
    )
    .help(version.pick(
        "keep the component's sources inside the application directory and use a relative path",
        "keep the component's sources inside the application directory",
    ))
    .note(
        "`spin build` runs there, but the application cannot be built from its own directory alone",
    );
}
