//! `flow-like/non-semver-version`: `version` or `min_flow_like_version` is not a semantic version.

use semver::Version;

use crate::codes::{Category, Rule};
use crate::path::{P, Segment};
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/non-semver-version")
    .category(Category::Publish)
    .doc(
        "`version` or `min_flow_like_version` is not a semantic version (`MAJOR.MINOR.PATCH`).",
        "Flow-Like stores versions as plain text and never checks them, but the registry sorts and compares versions, and its documentation asks for semver; `1.0` or `v1.0.0` compare wrongly.",
        "version = \"1.0\"",
        "Write all three numbers without a prefix: `version = \"1.0.0\"`.",
    );

/// Checks that `text` is a semantic version, with a help that rewrites it.
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>) {
    let Err(e) = Version::parse(text) else {
        return;
    };
    let key = match path.to_path().segments().last() {
        Some(Segment::Key(key)) => key.clone(),
        _ => "version".to_owned(),
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("`{text}` is not a semantic version: {e}"),
    );
    let trimmed = text.trim();
    let unprefixed = trimmed
        .strip_prefix('v')
        .or_else(|| trimmed.strip_prefix('V'))
        .unwrap_or(trimmed);
    let numbers: Vec<&str> = unprefixed.split('.').collect();
    if unprefixed != text && Version::parse(unprefixed).is_ok() {
        pending.help(format!("write `{key} = {unprefixed:?}`"));
    } else if numbers.len() < 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let mut full = numbers.clone();
        full.resize(3, "0");
        pending.help(format!(
            "write all three numbers: `{key} = {:?}`",
            full.join(".")
        ));
    } else {
        pending.help(format!("use MAJOR.MINOR.PATCH, e.g. `{key} = \"1.0.0\"`"));
    }
    pending.note("Flow-Like accepts any text here, but registries compare versions as semver");
}
