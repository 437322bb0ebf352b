//! `spin/destination-outside-mount`: a placement `destination` with `..`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/destination-outside-mount")
    .category(Category::Correctness)
    .doc(
        "A `files` placement whose `destination` climbs with `..`.",
        "Spin copies the files to the destination under its assets directory without normalising it, so `..` writes them outside that directory (even outside Spin's working directory) and the component never sees them.",
        "files = [{ source = \"static\", destination = \"/../../up\" }]",
        "Write the destination as a plain absolute path without `..`: `destination = \"/static\"`.",
    );

/// Returns whether the destination stays inside the mount.
pub(crate) fn check(cx: &mut Cx, destination: &str, path: &P<'_>) -> bool {
    if !destination.split(['/', '\\']).any(|part| part == "..") {
        return true;
    }
    cx.report(
        &RULE,
        path,
        format!("the destination `{destination}` climbs out with `..`"),
    )
    .help("write a plain absolute path without `..`, e.g. `destination = \"/static\"`")
    .note("Spin writes the files outside its assets directory, so the component never sees them");
    false
}
