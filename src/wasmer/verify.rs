//! Verification of a `wasmer.toml` against the files beside it.

use crate::path::fp;
use crate::verify::{Expect, Verifier};

pub(crate) fn verify(v: &mut Verifier<'_>, manifest: &crate::Manifest) {
    let crate::Manifest::Wasmer(m) = manifest else {
        return;
    };
    if let Some(package) = &m.package {
        if let Some(readme) = &package.readme {
            v.check(
                fp!(&"package", &"readme"),
                &readme.to_string_lossy(),
                Expect::File,
                None,
            );
        }
        if let Some(license) = &package.license_file {
            v.check(
                fp!(&"package", &"license-file"),
                &license.to_string_lossy(),
                Expect::File,
                None,
            );
        }
    }
    for (guest, host) in &m.fs {
        v.check(
            fp!(&"fs", guest),
            &host.to_string_lossy(),
            Expect::FileOrDirectory,
            None,
        );
    }
    for (i, module) in m.modules.iter().enumerate() {
        let expect = match module.kind.as_deref() {
            None | Some("wasm") => Expect::Wasm,
            _ => Expect::FileOrDirectory,
        };
        v.check(
            fp!(&"module", &i, &"source"),
            &module.source.to_string_lossy(),
            expect,
            None,
        );
        match &module.bindings {
            Some(crate::wasmer::Bindings::Wit(wit)) => {
                let path = fp!(&"module", &i, &"bindings", &"wit-exports");
                v.check(path, &wit.wit_exports.to_string_lossy(), Expect::File, None);
            }
            Some(crate::wasmer::Bindings::Wai(wai)) => {
                if let Some(exports) = &wai.exports {
                    let path = fp!(&"module", &i, &"bindings", &"exports");
                    v.check(path, &exports.to_string_lossy(), Expect::File, None);
                }
                for (j, import) in wai.imports.iter().enumerate() {
                    let path = fp!(&"module", &i, &"bindings", &"imports", &j);
                    v.check(path, &import.to_string_lossy(), Expect::File, None);
                }
            }
            None => {}
        }
    }
    for (i, command) in m.commands.iter().enumerate() {
        if let crate::wasmer::Command::V2(c) = command
            && let Some(crate::wasmer::CommandAnnotations::File(file)) = &c.annotations
        {
            let path = fp!(&"command", &i, &"annotations", &"file");
            v.check(path, &file.file.to_string_lossy(), Expect::File, None);
        }
    }
}
