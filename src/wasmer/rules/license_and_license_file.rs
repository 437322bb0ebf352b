//! `wasmer/license-and-license-file`: both `license` and `license-file` are set.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::warning("wasmer/license-and-license-file")
    .category(Category::Suspicious)
    .doc(
        "Both `license` and `license-file` are set.",
        "The documentation describes `license-file` as an override of `license`; having both usually means one of them is stale.",
        "[package]\nlicense = \"MIT\"\nlicense-file = \"LICENSE\"",
        "Keep `license` for SPDX licenses, or `license-file` for a custom license text.",
    );

/// `license` and `license-file` both set in `[package]`.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let Some(package) = root.get("package") else {
        return;
    };
    if package.str_at("license").is_some() && package.str_at("license-file").is_some() {
        let path = P::ROOT;
        let path = path.key("package");
        cx.report(
            &RULE,
            &path.key("license-file"),
            "both `license` and `license-file` are set",
        )
        .on_key()
        .label(&path.key("license"), Target::Key, "`license` is set here")
        .help("`license-file` overrides `license`: keep only the one that is up to date");
    }
}
