//! Verification of a Spin v2 manifest: local sources and dependency files
//! are WebAssembly, `files` patterns match, placements exist, nothing
//! leaves the package directory.

use crate::FieldPath;
use crate::spin::v2::{Component, ComponentSource, ComponentSpec, Dependency, FileMount, Manifest};
use crate::verify::{Expect, Verifier};

pub(crate) fn verify(v: &mut Verifier<'_>, m: &Manifest) {
    for (id, component) in &m.components {
        check_component(
            v,
            component,
            FieldPath::root().key("component").key(id.as_str()),
        );
    }
    for (kind, triggers) in &m.trigger {
        for (i, trigger) in triggers.iter().enumerate() {
            if let Some(ComponentSpec::Inline(component)) = &trigger.component {
                let at = FieldPath::root()
                    .key("trigger")
                    .key(kind.as_str())
                    .index(i)
                    .key("component");
                check_component(v, component, at);
            }
            for (role, deps) in &trigger.dependencies {
                for (j, dependency) in deps.iter().enumerate() {
                    if let Dependency::Local(local) = dependency {
                        let at = FieldPath::root()
                            .key("trigger")
                            .key(kind.as_str())
                            .index(i)
                            .key("dependencies")
                            .key(role.as_str())
                            .index(j)
                            .key("path");
                        v.check(at, &local.path.to_string_lossy(), Expect::Wasm, None);
                    }
                }
            }
        }
    }
}

fn check_component(v: &mut Verifier<'_>, component: &Component, at: FieldPath) {
    if let ComponentSource::Local(path) = &component.source {
        v.check(
            at.clone().key("source"),
            &path.to_string_lossy(),
            Expect::Wasm,
            None,
        );
    }
    for (name, profile) in &component.profile {
        if let Some(ComponentSource::Local(path)) = &profile.source {
            let field = at.clone().key("profile").key(name.as_str()).key("source");
            v.check(field, &path.to_string_lossy(), Expect::Wasm, None);
        }
    }
    for (name, dependency) in &component.dependencies {
        if let Dependency::Local(local) = dependency {
            let field = at
                .clone()
                .key("dependencies")
                .key(name.as_str())
                .key("path");
            v.check(field, &local.path.to_string_lossy(), Expect::Wasm, None);
        }
    }
    for (j, mount) in component.files.iter().enumerate() {
        match mount {
            FileMount::Pattern(pattern) => {
                v.glob(
                    at.clone().key("files").index(j),
                    pattern,
                    &component.exclude_files,
                );
            }
            FileMount::Placement(placement) => {
                let field = at.clone().key("files").index(j).key("source");
                v.check(
                    field,
                    &placement.source.to_string_lossy(),
                    Expect::FileOrDirectory,
                    None,
                );
            }
        }
    }
}
