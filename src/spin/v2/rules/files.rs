//! The checks of one `files` entry, each reported by its own rule: a
//! pattern or path, or a `{ source, destination }` placement.

use crate::codes::PATH_OUTSIDE_PACKAGE;
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::Cx;
use crate::rules::paths::{self, Escape};
use crate::spin::rules::Version;

use super::{
    destination_outside_mount, invalid_file_pattern, invalid_glob, outside_app_directory,
    relative_files_destination, whole_app_directory,
};

/// A pattern or path entry (`"static/**/*"`, `"index.html"`).
pub(crate) fn check_pattern(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    if !invalid_glob::check(cx, pattern, path) || !invalid_file_pattern::check(cx, pattern, path) {
        return;
    }
    whole_app_directory::check(cx, pattern, path);
    if let Some(escape) = paths::escapes(pattern) {
        let (how, note) = match escape {
            Escape::Absolute => (
                "is an absolute path",
                "Spin refuses it: files must be within the application directory",
            ),
            Escape::Parent => (
                "climbs out of the application directory",
                "Spin copies the matched files outside the component's file system, so the component never sees them",
            ),
        };
        cx.report_as(
            &PATH_OUTSIDE_PACKAGE,
            Error,
            path.to_path(),
            format!("the file pattern `{pattern}` {how}"),
        )
        .help("keep the files inside the application directory; to mount a directory from elsewhere at a path, use `{ source = \"dir\", destination = \"/path\" }`")
        .note(note);
    }
}

/// The `source` of a placement.
pub(crate) fn check_placement_source(cx: &mut Cx, source: &str, path: &P<'_>) {
    match paths::escapes(source) {
        Some(Escape::Absolute) => {
            cx.report_as(
                &PATH_OUTSIDE_PACKAGE,
                Error,
                path.to_path(),
                format!("the file source `{source}` is outside the application directory"),
            )
            .help("use a path relative to the manifest, inside the application directory")
            .note("Spin refuses to map files from outside the application directory");
        }
        Some(Escape::Parent) => {
            outside_app_directory::report_placement(cx, source, path, Version::V2)
        }
        None => {}
    }
}

/// The `destination` of a placement.
pub(crate) fn check_destination(cx: &mut Cx, destination: &str, path: &P<'_>) {
    if destination_outside_mount::check(cx, destination, path) {
        relative_files_destination::check(cx, destination, path);
    }
}
