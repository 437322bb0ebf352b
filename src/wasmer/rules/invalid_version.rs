//! `wasmer/invalid-version`: a version (`package.version`, `wit-bindgen`, `wai-version`) that is not a full semver version `MAJOR.MINOR.PATCH`.

use crate::codes::{Category, Rule};
use semver::Version;

use crate::path::P;
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-version")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A version (`package.version`, `wit-bindgen`, `wai-version`) that is not a full semver version `MAJOR.MINOR.PATCH`.",
        "The official parser reads these as strict semver versions: `1.0` fails with \"unexpected end of input while parsing minor version number\".",
        "[package]\nversion = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    );

/// Reads a strict semver version (`package.version`, `wit-bindgen`,
/// `wai-version`).
pub(crate) fn parse(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Version> {
    let text = cx.expect_str(node, path)?;
    let e = match Version::parse(text) {
        Ok(v) => return Some(v),
        Err(e) => e,
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("`{text}` is not a semver version: {e}"),
    );
    let numbers: Vec<&str> = text.trim_start_matches('v').split('.').collect();
    if let Some(rest) = text.strip_prefix('v')
        && Version::parse(rest).is_ok()
    {
        pending.help(format!("drop the leading `v`: `\"{rest}\"`"));
    } else if numbers.len() < 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let mut full = numbers.clone();
        full.resize(3, "0");
        pending.help(format!("write all three numbers: `\"{}\"`", full.join(".")));
    } else {
        pending.help("use MAJOR.MINOR.PATCH, e.g. `\"1.0.0\"`");
    }
    None
}
