//! `extism/out-of-range`: a number that is negative or too large for its
//! field (`timeout_ms`, `memory.*`).

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("extism/out-of-range")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A number that is negative or too large for its field (`timeout_ms`, `memory.*`).",
        "The official crate reads these as unsigned integers (`max_pages` as 32 bits, the others as 64 bits) and refuses the manifest otherwise.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"timeout_ms\": -1 }",
        "Use a non-negative whole number, or remove the key.",
    );

/// Reports the whole number `found` (as written) for `key`, which takes
/// numbers from 0 to `max`.
pub(crate) fn report(cx: &mut Cx, key: &str, max: u64, found: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("`{key}` must be a whole number from 0 to {max}, found {found}"),
    )
    .help(if key == "timeout_ms" {
        "give the limit in milliseconds, or remove the key for no limit".to_owned()
    } else {
        format!("use a number from 0 to {max}, or remove the key")
    });
}
