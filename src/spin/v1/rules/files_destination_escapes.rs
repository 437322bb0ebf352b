//! `spin/files-destination-escapes`: a `files` placement whose `destination` climbs above `/` with `..`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::paths::{self, Escape};

pub(crate) static RULE: Rule = Rule::error("spin/files-destination-escapes")
    .category(Category::Correctness)
    .doc(
        "A `files` placement whose `destination` climbs above the component's root with `..` (`\"/../data\"`).",
        "Spin copies the files into a directory of its own and mounts that directory at `/`; it joins the destination to it without resolving `..`, so the files are written outside it (outside Spin's working directory) and the component never sees them.",
        "files = [{ source = \"assets\", destination = \"/../assets\" }]",
        "Write the destination as an absolute path inside the component without `..`: `destination = \"/assets\"`.",
    );

/// The destination stays below `/`; returns whether it climbs out.
pub(crate) fn check(cx: &mut Cx, destination: &str, path: &P<'_>) -> bool {
    let inside = destination.trim_start_matches('/');
    if paths::escapes(inside) != Some(Escape::Parent) {
        return false;
    }
    let better = inside
        .split('/')
        .filter(|c| !c.is_empty() && *c != "." && *c != "..")
        .collect::<Vec<_>>()
        .join("/");
    cx.report(
        &RULE,
        path,
        format!("the destination `{destination}` climbs above the component's root"),
    )
    .help(format!(
        "write it without `..`: `destination = \"/{better}\"`"
    ))
    .note("Spin writes these files outside the directory it mounts at `/`, so the component never sees them");
    true
}
