//! `flow-like/unknown-memory-tier`: `permissions.memory` is not one of the memory tiers.

use crate::codes::{Category, Rule};
use crate::flowlike::MemoryTier;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("flow-like/unknown-memory-tier")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`permissions.memory` is not one of the memory tiers `minimal`, `light`, `standard`, `heavy`, `intensive`, `large`, `huge`, `extreme`, `maximum`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a different case such as `Standard`, makes it refuse the whole manifest. The current Flow-Like revision added `large`, `huge`, `extreme` and `maximum`, and they are accepted here; versions before it refuse them too, with the same parse error.",
        "[permissions]\nmemory = \"Large\"",
        "Use one of the tier names, in lower case: `minimal` (16 MiB), `light` (32 MiB), `standard` (64 MiB), `heavy` (128 MiB), `intensive` (256 MiB), `large` (512 MiB), `huge` (1 GiB), `extreme` (2 GiB) or `maximum` (4 GiB).",
    );

/// Reads `permissions.memory`.
pub(crate) fn parse(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<MemoryTier> {
    if let Some(tier) = MemoryTier::ALL.into_iter().find(|t| t.as_str() == text) {
        return Some(tier);
    }
    let names: Vec<&str> = MemoryTier::ALL.iter().map(|t| t.as_str()).collect();
    super::report_unknown_tier(
        cx,
        &RULE,
        path,
        ("memory", text),
        &names,
        &MemoryTier::list(),
        "Flow-Like refuses the whole manifest when a tier is not one of these names (versions before the current revision also refuse `large`, `huge`, `extreme` and `maximum`)",
    );
    None
}
