//! `flow-like/unknown-timeout-tier`: `permissions.timeout` is not one of the timeout tiers.

use crate::codes::{Category, Rule};
use crate::flowlike::TimeoutTier;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("flow-like/unknown-timeout-tier")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`permissions.timeout` is not one of the timeout tiers `quick`, `standard`, `extended`, `long_running`, `very_long`, `maximum`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a number of seconds or a different case, makes it refuse the whole manifest. The current Flow-Like revision added `very_long` and `maximum`, and they are accepted here; versions before it refuse them too, with the same parse error.",
        "[permissions]\ntimeout = \"5min\"",
        "Use one of the tier names: `quick` (5 s), `standard` (30 s), `extended` (60 s), `long_running` (5 min), `very_long` (10 min) or `maximum` (30 min).",
    );

/// Reads `permissions.timeout`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<TimeoutTier> {
    if let Some(tier) = TimeoutTier::ALL.into_iter().find(|t| t.as_str() == text) {
        return Some(tier);
    }
    let names: Vec<&str> = TimeoutTier::ALL.iter().map(|t| t.as_str()).collect();
    super::report_unknown_tier(
        cx,
        &RULE,
        path,
        ("timeout", text),
        &names,
        &TimeoutTier::list(),
        "Flow-Like refuses the whole manifest when a tier is not one of these names (versions before the current revision also refuse `very_long` and `maximum`)",
    );
    None
}
