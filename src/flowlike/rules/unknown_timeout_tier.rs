//! `flow-like/unknown-timeout-tier`: `permissions.timeout` is not one of the timeout tiers.

use crate::codes::{Category, Rule};
use crate::flowlike::TimeoutTier;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("flow-like/unknown-timeout-tier")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`permissions.timeout` is not one of the timeout tiers `quick`, `standard`, `extended`, `long_running`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a number of seconds or a different case, makes it refuse the whole manifest.",
        "[permissions]\ntimeout = \"5min\"",
        "Use one of the tier names: `quick` (5 s), `standard` (30 s), `extended` (60 s) or `long_running` (5 min).",
    );

/// The tiers with their durations: "`quick` (5 s), ... or `long_running` (5 min)".
pub(crate) fn tier_list() -> String {
    let names: Vec<String> = TimeoutTier::ALL
        .iter()
        .map(|t| {
            let secs = t.duration().as_secs();
            if secs % 60 == 0 && secs >= 120 {
                format!("`{}` ({} min)", t.as_str(), secs / 60)
            } else {
                format!("`{}` ({} s)", t.as_str(), secs)
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    crate::rules::suggest::join_plain(&names, "or")
}

/// Reads `permissions.timeout`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<TimeoutTier> {
    if let Some(tier) = TimeoutTier::ALL.into_iter().find(|t| t.as_str() == text) {
        return Some(tier);
    }
    let names: Vec<&str> = TimeoutTier::ALL.iter().map(|t| t.as_str()).collect();
    super::report_unknown_tier(cx, &RULE, path, "timeout", text, &names, &tier_list());
    None
}
