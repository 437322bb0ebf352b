//! `wasmer/invalid-dependency-version`: a dependency version that is not a valid semver requirement.

use crate::codes::{Category, Rule};
use semver::VersionReq;

use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-dependency-version")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A dependency version that is not a valid semver requirement.",
        "The official parser reads each value as a semver `VersionReq` and refuses the manifest otherwise.",
        "[dependencies]\n\"wasmer/python\" = \"latest\"",
        "Use a requirement such as `\"^3.12\"`, `\"=1.0.4\"` or `\"*\"`.",
    );

/// Reads a dependency's version requirement.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<VersionReq> {
    match VersionReq::parse(text) {
        Ok(req) => Some(req),
        Err(e) => {
            cx.report(
                &RULE,
                path,
                format!("`{text}` is not a semver version requirement: {e}"),
            )
            .help("use a requirement such as `\"^1.2\"`, `\"=1.2.3\"` or `\"*\"`");
            None
        }
    }
}
