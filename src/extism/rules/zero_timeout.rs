//! `extism/zero-timeout`: `timeout_ms` is 0.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("extism/zero-timeout")
    .category(Category::Correctness)
    .doc(
        "`timeout_ms` is 0.",
        "The runtime interrupts every call once `timeout_ms` milliseconds have passed, so with 0 calls are cancelled as soon as they start.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"timeout_ms\": 0 }",
        "Give a real limit in milliseconds, or remove the key for no limit.",
    );

/// Checks `timeout_ms`.
pub(crate) fn check(cx: &mut Cx, timeout: u64, path: &P<'_>) {
    if timeout != 0 {
        return;
    }
    cx.report(
        &RULE,
        path,
        "`timeout_ms` is 0, so every call times out as soon as it starts",
    )
    .help("give the limit in milliseconds (e.g. `30000` for 30 s), or remove the key for no limit")
    .note("the runtime interrupts a call once `timeout_ms` milliseconds have passed");
}
