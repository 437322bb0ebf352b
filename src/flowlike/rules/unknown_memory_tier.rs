//! `flow-like/unknown-memory-tier`: `permissions.memory` is not one of the memory tiers.

use crate::codes::{Category, Rule};
use crate::flowlike::MemoryTier;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("flow-like/unknown-memory-tier")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`permissions.memory` is not one of the memory tiers `minimal`, `light`, `standard`, `heavy`, `intensive`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a different case such as `Standard`, makes it refuse the whole manifest.",
        "[permissions]\nmemory = \"huge\"",
        "Use one of the tier names, in lower case: `minimal` (16 MiB), `light` (32 MiB), `standard` (64 MiB), `heavy` (128 MiB) or `intensive` (256 MiB).",
    );

/// The tiers with their sizes: "`minimal` (16 MiB), ... or `intensive` (256 MiB)".
pub(crate) fn tier_list() -> String {
    let names: Vec<String> = MemoryTier::ALL
        .iter()
        .map(|t| format!("`{}` ({} MiB)", t.as_str(), t.bytes() / (1024 * 1024)))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    crate::rules::suggest::join_plain(&names, "or")
}

/// Reads `permissions.memory`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<MemoryTier> {
    if let Some(tier) = MemoryTier::ALL.into_iter().find(|t| t.as_str() == text) {
        return Some(tier);
    }
    let names: Vec<&str> = MemoryTier::ALL.iter().map(|t| t.as_str()).collect();
    super::report_unknown_tier(cx, &RULE, path, "memory", text, &names, &tier_list());
    None
}
