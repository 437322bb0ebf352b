//! Verification of a Spin v1 manifest against the files beside it.

use crate::path::fp;
use crate::verify::{Expect, Verifier};

pub(crate) fn verify(v: &mut Verifier<'_>, m: &crate::spin::Manifest) {
    use crate::spin::{ComponentSource, FileMount};
    for (i, component) in m.components.iter().enumerate() {
        if let ComponentSource::Local(path) = &component.source {
            v.check(
                fp!(&"component", &i, &"source"),
                &path.to_string_lossy(),
                Expect::Wasm,
                None,
            );
        }
        for (j, mount) in component.files.iter().enumerate() {
            match mount {
                FileMount::Pattern(pattern) => {
                    v.glob(
                        fp!(&"component", &i, &"files", &j),
                        pattern,
                        &component.exclude_files,
                    );
                }
                FileMount::Placement(placement) => {
                    let path = fp!(&"component", &i, &"files", &j, &"source");
                    v.check(
                        path,
                        &placement.source.to_string_lossy(),
                        Expect::FileOrDirectory,
                        None,
                    );
                }
            }
        }
    }
}
