//! Verification of an Extism manifest against the files beside it.

use sha2::{Digest, Sha256};

use crate::path::fp;
use crate::rules::digest;
use crate::verify::{Expect, Verifier};

pub(crate) fn verify(v: &mut Verifier<'_>, manifest: &crate::Manifest) {
    let crate::Manifest::Extism(m) = manifest else {
        return;
    };
    use crate::extism::WasmSource;
    for (i, wasm) in m.wasm.iter().enumerate() {
        let expected = wasm.hash.as_deref().filter(|h| digest::is_sha256_hex(h));
        match &wasm.source {
            WasmSource::Path(path) => {
                v.check(
                    fp!(&"wasm", &i, &"path"),
                    &path.to_string_lossy(),
                    Expect::Wasm,
                    expected.map(|h| (h, fp!(&"wasm", &i, &"hash"))),
                );
            }
            WasmSource::Data(bytes) => {
                if let Some(expected) = expected {
                    let actual = hex::encode(Sha256::digest(bytes));
                    v.digest_mismatch(
                        fp!(&"wasm", &i, &"hash"),
                        "the embedded module",
                        &actual,
                        expected,
                    );
                }
            }
            // Downloads are not fetched: verification stays offline.
            WasmSource::Url(_) => {}
        }
    }
    for mount in &m.allowed_paths {
        v.check(
            fp!(&"allowed_paths", &mount.key()),
            &mount.host.to_string_lossy(),
            Expect::Directory,
            None,
        );
    }
}
