//! `extism/invalid-hash`: a wasm `hash` that is not 64 lower-case hex
//! digits.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;
use crate::rules::digest;

pub(crate) static RULE: Rule = Rule::error("extism/invalid-hash")
    .category(Category::Correctness)
    .doc(
        "A wasm `hash` that is not 64 lower-case hex digits.",
        "The runtime computes the SHA-256 of the module as lower-case hex and compares it with `hash` as text, so any other spelling (upper case, a `sha256:` prefix, another digest) never matches: \"Hash mismatch, found X but expected Y\".",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\", \"hash\": \"sha256:15c66d72...\" }] }",
        "Write the lower-case hex SHA-256 of the module, e.g. the first word of `sha256sum plugin.wasm`.",
    );

/// Checks a wasm `hash`.
pub(crate) fn check(cx: &mut Cx, hash: &str, path: &P<'_>) {
    if digest::is_sha256_hex(hash) {
        return;
    }
    let Some(problem) = digest::sha256_hex_problem(hash) else {
        return;
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("`hash` is not a SHA-256 digest in lower-case hex: it {problem}"),
    );
    let prefix = ["sha256:", "sha256-", "sha256="].into_iter().find(|p| {
        hash.len() > p.len()
            && hash
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    });
    match prefix {
        Some(prefix) if digest::is_sha256_hex(&hash[prefix.len()..].to_ascii_lowercase()) => {
            let digest = hash[prefix.len()..].to_ascii_lowercase();
            pending
                .within(0..prefix.len())
                .help(format!("remove the `{prefix}` prefix: `\"{digest}\"`"));
            if hash[prefix.len()..] == digest {
                pending.fix_text(
                    Applicability::Safe,
                    format!("remove `{prefix}`"),
                    &hash[..prefix.len()],
                    "",
                );
            }
        }
        _ if digest::is_sha256_hex(&hash.to_ascii_lowercase()) => {
            let lower = hash.to_ascii_lowercase();
            pending
                .help(format!("write it in lower case: `\"{lower}\"`"))
                .fix_str(Applicability::Safe, hash, &lower);
        }
        _ => {
            if let Some((at, ch)) = hash.char_indices().find(|(_, c)| !c.is_ascii_hexdigit()) {
                pending.within(at..at + ch.len_utf8());
            }
            pending.help(
                "write the SHA-256 of the module as 64 lower-case hex digits, e.g. the first word printed by `sha256sum plugin.wasm`",
            );
        }
    }
    pending.note(
        "the runtime compares its lower-case hex digest of the module with this text, so loading fails with \"Hash mismatch\"",
    );
}
