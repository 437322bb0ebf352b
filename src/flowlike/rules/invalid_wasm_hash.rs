//! `flow-like/invalid-wasm-hash`: `wasm_hash` is not a SHA-256 digest written as 64 hex digits.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::digest;

pub(crate) static RULE: Rule = Rule::warning("flow-like/invalid-wasm-hash")
    .category(Category::Suspicious)
    .doc(
        "`wasm_hash` is not a SHA-256 digest written as 64 hex digits (optionally prefixed with `sha256:`).",
        "The documentation calls `wasm_hash` a SHA-256 digest for integrity checks; Flow-Like itself does not compare it, so a malformed value goes unnoticed until someone verifies the package.",
        "wasm_hash = \"abc123\"",
        "Write the full digest, e.g. the output of `sha256sum node.wasm`, or remove the key.",
    );

/// Checks `wasm_hash`: 64 hex digits in either case, optionally after
/// `sha256:`.
pub(crate) fn check(cx: &mut Cx, hash: &str, path: &P<'_>) {
    let (offset, hex) = match hash.strip_prefix("sha256:") {
        Some(rest) => ("sha256:".len(), rest),
        None => (0, hash),
    };
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return;
    }
    let reason =
        digest::sha256_hex_problem(hex).unwrap_or_else(|| "is not a SHA-256 digest".to_owned());
    let pending = cx.report(&RULE, path, format!("`wasm_hash` {reason}"));
    if !hex.is_empty() {
        pending.within(offset..hash.len());
    }
    pending
        .help("write the SHA-256 digest of the `.wasm` file as 64 hex digits (the output of `sha256sum`), or remove the key")
        .note("Flow-Like does not compare this value, so a wrong digest goes unnoticed until someone verifies the package");
}
