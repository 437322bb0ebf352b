//! Verification of a Flow-Like manifest against the files beside it.

use crate::path::fp;
use crate::rules::digest;
use crate::verify::{Expect, Verifier};

pub(crate) fn verify(v: &mut Verifier<'_>, manifest: &crate::Manifest) {
    let crate::Manifest::FlowLike(m) = manifest else {
        return;
    };
    if let Some(path) = &m.wasm_path {
        let expected = m.wasm_hash.as_deref().and_then(|hash| {
            let hex = hash.strip_prefix("sha256:").unwrap_or(hash);
            digest::is_sha256_hex(hex).then_some(hex)
        });
        v.check(
            fp!(&"wasm_path"),
            path,
            Expect::Wasm,
            expected.map(|h| (h, fp!(&"wasm_hash"))),
        );
    }
}
