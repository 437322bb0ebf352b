//! `wasmer/package-name-without-namespace`: `package.name` has no `namespace/` part.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("wasmer/package-name-without-namespace")
    .category(Category::Publish)
    .doc(
        "`package.name` has no `namespace/` part.",
        "The registry publishes packages under a namespace; the documentation asks for `namespace/name`.",
        "[package]\nname = \"sha256\"",
        "Prefix the name with your user or organisation: `name = \"me/sha256\"`.",
    );

/// Checks a valid `package.name` for its namespace.
pub(crate) fn check(cx: &mut Cx, name: &str, path: &P<'_>) {
    if !name.contains('/') {
        cx.report(
            &RULE,
            path,
            format!("package name `{name}` has no namespace"),
        )
        .help(format!(
            "publish it under your user or organisation: `\"<namespace>/{name}\"`"
        ));
    }
}
