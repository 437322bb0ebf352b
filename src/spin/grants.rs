//! What a component's own keys grant, alike in both manifest versions: its
//! module, its files, its environment and its named resources.

use indexmap::IndexMap;

use crate::package::{Capabilities, EnvGrant, FileGrant, Module, ModuleSource, NamedGrant, Origin};
use crate::path::FieldPath;
use crate::spin::model::{ComponentSource, FileMount};

/// The module a component (or, in version 2, a dependency) runs.
pub(crate) fn module(name: String, source: &ComponentSource, origin: FieldPath) -> Module {
    let (source, sha256) = match source {
        ComponentSource::Local(path) => (
            ModuleSource::Path {
                path: path.to_string_lossy().into_owned(),
            },
            None,
        ),
        ComponentSource::Remote(remote) => (
            ModuleSource::Url {
                url: remote.url.to_string(),
            },
            remote
                .digest
                .strip_prefix("sha256:")
                .map(str::to_ascii_lowercase),
        ),
        ComponentSource::Registry(registry) => (
            ModuleSource::Registry {
                package: registry.package.clone(),
                version: registry.version.to_string(),
                registry: registry.registry.clone(),
                module: None,
            },
            None,
        ),
    };
    Module {
        name,
        source,
        sha256,
        origin: Origin::at(origin),
    }
}

/// A component's resource keys, read from either version's model.
pub(crate) struct Resources<'a> {
    pub(crate) files: &'a [FileMount],
    pub(crate) environment: &'a IndexMap<String, String>,
    pub(crate) key_value_stores: &'a [String],
    pub(crate) sqlite_databases: &'a [String],
    pub(crate) ai_models: &'a [String],
}

impl Resources<'_> {
    /// Adds the grants of these keys, each at its field below `at` (the
    /// component's table), to the component `scope`.
    pub(crate) fn grant(&self, c: &mut Capabilities, at: &FieldPath, scope: &Option<String>) {
        for (j, mount) in self.files.iter().enumerate() {
            let origin = Origin::at(at.clone().key("files").index(j));
            c.files.push(match mount {
                FileMount::Pattern(pattern) => FileGrant {
                    host: pattern.clone(),
                    // Matched files appear at the same relative path.
                    guest: format!("/{}", pattern.trim_start_matches("./")),
                    read_only: true,
                    glob: true,
                    scope: scope.clone(),
                    origin,
                },
                FileMount::Placement(placement) => FileGrant {
                    host: placement.source.to_string_lossy().into_owned(),
                    guest: placement.destination.clone(),
                    read_only: true,
                    glob: false,
                    scope: scope.clone(),
                    origin,
                },
            });
        }
        for (name, value) in self.environment {
            c.env.push(EnvGrant {
                name: name.clone(),
                value: value.clone(),
                scope: scope.clone(),
                origin: Origin::at(at.clone().key("environment").key(name.as_str())),
            });
        }
        let named = |list: &[String], key: &str| -> Vec<NamedGrant> {
            list.iter()
                .enumerate()
                .map(|(j, name)| NamedGrant {
                    name: name.clone(),
                    scope: scope.clone(),
                    origin: Origin::at(at.clone().key(key).index(j)),
                })
                .collect()
        };
        c.key_value_stores
            .extend(named(self.key_value_stores, "key_value_stores"));
        c.sqlite_databases
            .extend(named(self.sqlite_databases, "sqlite_databases"));
        c.ai_models.extend(named(self.ai_models, "ai_models"));
    }
}
