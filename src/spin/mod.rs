//! Spin's `spin.toml`, in both manifest versions: one format, read as
//! version 1 or 2 by its `spin_manifest_version`.
//!
//! Version 1 manifests are modelled in [`v1`] (its types are re-exported
//! here, so `wasm_manifests::spin::Manifest` is the version 1 manifest,
//! read into [`crate::Manifest::Spin`]); version 2 manifests in [`v2`]
//! ([`crate::Manifest::SpinV2`]). [`Manifest::to_v2`] and [`convert`] turn
//! a version 1 manifest into version 2 as Spin does. `ids`, `hosts` and
//! `template` hold the grammars both versions share (identifiers, network
//! allow-lists, `{{ variable }}` templates), `rules` the rules both
//! versions check alike.

pub mod convert;
mod grants;
pub(crate) mod hosts;
mod ids;
mod model;
mod read;
pub(crate) mod rules;
#[cfg(feature = "json-schema")]
pub(crate) mod schema;
pub(crate) mod template;
pub mod v1;
pub mod v2;
mod versions;

pub use v1::{
    AppTrigger, Build, BuildCommand, Component, ComponentSource, ComponentTrigger, FileMount,
    FilePlacement, HttpAppTrigger, HttpExecutor, HttpRoute, HttpTrigger, Manifest, ManifestVersion,
    PluginTrigger, RedisAppTrigger, RedisTrigger, RegistrySource, RemoteSource, Variable,
    WagiExecutor,
};

/// The format's entry in the list of formats.
pub(crate) static FORMAT: crate::formats::Descriptor = crate::formats::Descriptor {
    format: crate::Format::Spin,
    rules: &versions::RULES,
    read: versions::read,
    empty_help: "a spin.toml starts with `spin_manifest_version = 2` (`\"1\"` for the older version 1 layout)",
    package: versions::package,
    verify: versions::verify,
};
