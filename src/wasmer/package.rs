//! `wasmer.toml` → [`Package`].

use crate::Format;
use crate::package::{
    Capabilities, EntryKind, EntryPoint, EnvGrant, FileGrant, Identity, Module, ModuleSource,
    NetworkAccess, Origin, Package,
};
use crate::path::fp;
use crate::wasmer::{Abi, Command, CommandAnnotations, Manifest, ModuleReference};

pub(crate) fn package(m: &Manifest) -> Package {
    let identity = m
        .package
        .as_ref()
        .map(|p| Identity {
            name: p.name.clone(),
            version: p.version.as_ref().map(ToString::to_string),
            semver: p.version.clone(),
            description: p.description.clone(),
            license: p.license.clone(),
            repository: p.repository.clone(),
            homepage: p.homepage.clone(),
            ..Identity::default()
        })
        .unwrap_or_default();

    let mut modules: Vec<Module> = m
        .modules
        .iter()
        .enumerate()
        .map(|(i, module)| Module {
            name: module.name.clone(),
            source: ModuleSource::Path {
                path: module.source.to_string_lossy().into_owned(),
            },
            sha256: None,
            origin: Origin::at(fp!["module", i]),
        })
        .collect();

    // Modules that commands take from dependencies, each once.
    let mut taken = std::collections::HashSet::new();
    for (i, command) in m.commands.iter().enumerate() {
        if let ModuleReference::Dependency { dependency, module } = command.module()
            && taken.insert((dependency.as_str(), module.as_str()))
        {
            modules.push(Module {
                name: format!("{dependency}:{module}"),
                source: ModuleSource::Registry {
                    package: dependency.clone(),
                    version: m
                        .dependencies
                        .get(dependency)
                        .map_or_else(|| "*".to_owned(), ToString::to_string),
                    registry: None,
                    module: Some(module.clone()),
                },
                sha256: None,
                origin: Origin::at(fp!["command", i, "module"]),
            });
        }
    }

    let mut capabilities = Capabilities::new(NetworkAccess::HostDecides);
    for (guest, host) in &m.fs {
        capabilities.files.push(FileGrant {
            host: host.to_string_lossy().into_owned(),
            guest: guest.clone(),
            // Bundled files are part of the package: the guest reads them.
            read_only: true,
            glob: false,
            scope: None,
            origin: Origin::at(fp!["fs", guest.as_str()]),
        });
    }

    let mut entry_points = Vec::new();
    for (i, command) in m.commands.iter().enumerate() {
        let (runner, args) = match command {
            Command::V1(c) => {
                let runner = match &c.module {
                    ModuleReference::Local(name) => match m.module(name) {
                        Some(module) if module.abi == Abi::Wasi => "wasi",
                        Some(module) if module.abi == Abi::Wasm4 => "wasm4",
                        Some(module)
                            if module
                                .interfaces
                                .as_ref()
                                .is_some_and(|i| i.contains_key("wasi")) =>
                        {
                            "wasi"
                        }
                        _ => "unknown",
                    },
                    ModuleReference::Dependency { .. } => "unknown",
                };
                let args = c
                    .main_args
                    .as_deref()
                    .map(|a| a.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default();
                (runner.to_owned(), args)
            }
            Command::V2(c) => {
                let wasi = match &c.annotations {
                    Some(CommandAnnotations::Inline(a)) => a.wasi.as_ref(),
                    _ => None,
                };
                if let Some(env) = wasi.and_then(|w| w.env.as_ref()) {
                    for (j, entry) in env.iter().enumerate() {
                        let (name, value) = entry.split_once('=').unwrap_or((entry, ""));
                        capabilities.env.push(EnvGrant {
                            name: name.to_owned(),
                            value: value.to_owned(),
                            scope: Some(c.name.clone()),
                            origin: Origin::at(fp!["command", i, "annotations", "wasi", "env", j]),
                        });
                    }
                }
                let args = wasi.and_then(|w| w.main_args.clone()).unwrap_or_default();
                (c.runner.clone(), args)
            }
        };
        entry_points.push(EntryPoint {
            name: command.name().to_owned(),
            module: Some(command.module().to_string()),
            kind: EntryKind::Command { runner, args },
            origin: Origin::at(fp!["command", i]),
        });
    }

    Package {
        format: Format::Wasmer,
        identity,
        modules,
        entry_points,
        capabilities,
    }
}
