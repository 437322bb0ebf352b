//! `wasmer/fs-guest-path-not-absolute`: an `[fs]` key (the path inside the guest) that is not absolute.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("wasmer/fs-guest-path-not-absolute")
    .category(Category::Suspicious)
    .doc(
        "An `[fs]` key (the path inside the guest) that is not absolute.",
        "Mounts are made at absolute paths in the guest filesystem; a relative guest path is resolved against the root and is easy to misread.",
        "[fs]\napp = \"app\"",
        "Write the guest path with a leading `/`: `\"/app\" = \"app\"`.",
    );

/// Checks an `[fs]` key.
pub(crate) fn check(cx: &mut Cx, guest: &str, path: &P<'_>) {
    if !guest.starts_with('/') {
        cx.report(&RULE, path, format!("guest path `{guest}` is not absolute"))
            .on_key()
            .help(format!("mount it at an absolute path: `\"/{guest}\"`"));
    }
}
