//! Spin's `spin.toml`.
//!
//! Version 1 manifests are modelled in [`v1`]; its types are re-exported
//! here, so `wasm_manifests::spin::Manifest` is the version 1 manifest.
//! `ids`, `hosts` and `template` hold the grammars both manifest versions
//! share (identifiers, network allow-lists, `{{ variable }}` templates).

pub(crate) mod hosts;
mod ids;
mod template;
pub mod v1;

pub use v1::{
    AppTrigger, Build, BuildCommand, Component, ComponentSource, ComponentTrigger, FileMount,
    FilePlacement, HttpAppTrigger, HttpExecutor, HttpRoute, HttpTrigger, Manifest, ManifestVersion,
    PluginTrigger, RedisAppTrigger, RedisTrigger, RegistrySource, RemoteSource, Variable,
    WagiExecutor,
};

/// The format's entry in the list of formats.
pub(crate) static FORMAT: crate::formats::Descriptor = crate::formats::Descriptor {
    format: crate::Format::Spin,
    rules: v1::rules::RULES,
    read: |root, cx| v1::read(root, cx).map(crate::Manifest::Spin),
    empty_help: "a spin.toml starts with `spin_manifest_version = \"1\"`",
};
