//! Spin's `spin.toml`, manifest version 1.
//!
//! The model mirrors what Spin accepts in a version 1 manifest (see the
//! field docs): the application, its trigger, its variables and its
//! components. [`Manifest::from_str`] reads and validates a manifest and
//! refuses it when any error is found. For the full report (warnings
//! included, every problem with its position), use [`crate::parse`] with
//! [`crate::Format::Spin`].
//!
//! ```
//! use wasm_manifests::spin::v1::{AppTrigger, ComponentSource, ComponentTrigger, HttpRoute, Manifest};
//!
//! let manifest: Manifest = r#"
//! spin_manifest_version = "1"
//! name = "hello"
//! version = "1.0.0"
//! trigger = { type = "http", base = "/" }
//!
//! [variables]
//! greeting = { default = "Hello" }
//!
//! [[component]]
//! id = "hello"
//! source = "hello.wasm"
//! allowed_outbound_hosts = ["https://example.com"]
//! [component.trigger]
//! route = "/hello/..."
//! [component.config]
//! greeting = "{{ greeting }}, world"
//! "#.parse()?;
//!
//! assert!(matches!(manifest.trigger, AppTrigger::Http(_)));
//! let hello = manifest.component("hello").unwrap();
//! assert_eq!(hello.source, ComponentSource::Local("hello.wasm".into()));
//! let ComponentTrigger::Http(trigger) = &hello.trigger else { unreachable!() };
//! assert_eq!(trigger.route, HttpRoute::Path("/hello/...".into()));
//! # Ok::<(), wasm_manifests::ParseError>(())
//! ```
//!
//! Version 2 manifests (`spin_manifest_version = 2`) are modelled in
//! [`crate::spin::v2`]; [`Manifest::to_v2`] converts this version to it.

pub(crate) mod package;
mod read;
pub(crate) mod rules;
#[cfg(feature = "json-schema")]
mod schema;
mod trigger;
pub(crate) mod verify;

pub use super::model::{
    Build, BuildCommand, ComponentSource, FileMount, FilePlacement, HttpExecutor, HttpRoute,
    RegistrySource, RemoteSource, Variable, WagiExecutor,
};
pub use trigger::{ComponentTrigger, HttpTrigger, RedisTrigger};

use std::str::FromStr;

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Reads a version 1 document: its version, then the reader, then the
/// passes over the document. `None` when the manifest cannot be built, or
/// the document is not read as version 1 at all.
pub(crate) fn read(root: &crate::source::Node<'_>, cx: &mut crate::read::Cx) -> Option<Manifest> {
    if read::version(root, cx) == read::Flow::Stop {
        return None;
    }
    let manifest = read::read(root, cx);
    rules::run(root, cx);
    manifest
}

/// A whole `spin.toml` (manifest version 1).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[cfg_attr(feature = "json-schema", schemars(transform = schema::manifest))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Manifest {
    /// The manifest version: always `"1"`. Older manifests spell the key
    /// `spin_version`; it is written back as `spin_manifest_version`.
    pub spin_manifest_version: ManifestVersion,
    /// The application's name.
    pub name: String,
    /// The application's version, `major.minor.patch`. Spin 1.x required
    /// it; later versions default to an empty string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// `trigger = { type = "...", ... }`: what the application responds to.
    pub trigger: AppTrigger,
    /// `[variables]`: values the application can be configured with when
    /// it runs, by name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(schema_with = "schema::variables"))]
    pub variables: IndexMap<String, Variable>,
    /// `[[component]]` entries.
    #[serde(default, rename = "component", skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    pub components: Vec<Component>,
}

impl Manifest {
    /// The component with this `id`, if declared.
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    /// The variable named `name`, if declared.
    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.get(name)
    }
}

impl<'de> Deserialize<'de> for Manifest {
    /// Reads the manifest from any self-describing serde format with the
    /// same reader and rules as [`crate::parse`]: what `parse` reports as an
    /// error is refused here too.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match crate::pipeline::deserialize(deserializer, crate::Format::Spin)? {
            crate::Manifest::Spin(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => Err(serde::de::Error::custom("not a spin.toml")),
        }
    }
}

impl FromStr for Manifest {
    type Err = crate::ParseError;

    /// Reads and validates a `spin.toml`; fails when any error is found
    /// (warnings are not reported here; use [`crate::parse`] for them).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match crate::parse(text, crate::Format::Spin).into_result()? {
            crate::Manifest::Spin(manifest) => Ok(manifest),
            _ => Err(crate::spin::v2::rules::wrong_version(text, "1")),
        }
    }
}

/// The manifest format version. Only version 1 is modelled.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub enum ManifestVersion {
    /// `"1"`.
    #[default]
    #[serde(rename = "1")]
    V1,
}

/// The application trigger, chosen by its `type`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum AppTrigger {
    /// `type = "http"`.
    Http(HttpAppTrigger),
    /// `type = "redis"`.
    Redis(RedisAppTrigger),
    /// Any other type: a trigger provided by a plugin (`timer`, `sqs`,
    /// `cron`, ...), with its settings kept verbatim.
    Plugin(PluginTrigger),
}

impl AppTrigger {
    /// The trigger's `type`.
    pub fn trigger_type(&self) -> &str {
        match self {
            AppTrigger::Http(_) => "http",
            AppTrigger::Redis(_) => "redis",
            AppTrigger::Plugin(plugin) => &plugin.trigger_type,
        }
    }

    fn to_table(&self) -> Result<toml::Table, toml::ser::Error> {
        let mut table = toml::Table::new();
        table.insert("type".into(), self.trigger_type().into());
        let settings = match self {
            AppTrigger::Http(http) => toml::Table::try_from(http)?,
            AppTrigger::Redis(redis) => toml::Table::try_from(redis)?,
            AppTrigger::Plugin(plugin) => plugin.settings.clone(),
        };
        table.extend(settings);
        Ok(table)
    }
}

impl Serialize for AppTrigger {
    /// Serializes as one table with its `type` first.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_table()
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// `trigger = { type = "http", base = "/" }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HttpAppTrigger {
    /// The path all routes are relative to. Spin 1.x required it; Spin 3
    /// and later refuse any value other than `/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "/")))]
    pub base: Option<String>,
}

/// `trigger = { type = "redis", address = "redis://..." }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RedisAppTrigger {
    /// The Redis server the components subscribe to: a Redis URL
    /// (`redis://`, `rediss://`, or another scheme the Redis client opens,
    /// such as `valkey://` or `unix://`), or a `{{ variable }}` template.
    /// Required even when every component names its own server.
    pub address: String,
}

impl RedisAppTrigger {
    /// A Redis trigger for this address.
    pub fn new(address: impl Into<String>) -> Self {
        Self {
            address: address.into(),
        }
    }
}

/// The trigger of a plugin (any `type` other than `http` and `redis`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PluginTrigger {
    /// The trigger's `type`, e.g. `timer`.
    pub trigger_type: String,
    /// Every other key of the table, verbatim: the plugin reads them.
    pub settings: toml::Table,
}

impl PluginTrigger {
    /// A plugin trigger with no settings.
    pub fn new(trigger_type: impl Into<String>) -> Self {
        Self {
            trigger_type: trigger_type.into(),
            settings: toml::Table::new(),
        }
    }
}

/// A `[[component]]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Component {
    /// The component's id, as written. Spin repairs ids with `_` or upper
    /// case letters; see [`Component::normalized_id`].
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::SPIN_V1_COMPONENT_ID))
    )]
    #[cfg_attr(
        feature = "json-schema",
        schemars(
            description = "The component's id. Spin renames an id with `_` or upper-case letters: `_` becomes `-`, then everything is lower-cased."
        )
    )]
    pub id: String,
    /// A human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Wasm module: a local file, a URL with a digest, or a registry
    /// package.
    pub source: ComponentSource,
    /// Files made available to the module at run time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileMount>,
    /// Glob patterns of files to leave out of `files`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_files: Vec<String>,
    /// Legacy list of hosts the module may send HTTP requests to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_http_hosts: Vec<String>,
    /// Addresses (`scheme://host[:port]`) the module may connect to.
    /// Absent and empty differ: when the key is absent, Spin still lets a
    /// version 1 component reach any Redis, MySQL and PostgreSQL host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_outbound_hosts: Option<Vec<String>>,
    /// Key-value stores the module may use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_value_stores: Vec<String>,
    /// SQLite databases the module may use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sqlite_databases: Vec<String>,
    /// AI models the module may use (any names: Spin 3.5 and later do not
    /// check them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ai_models: Vec<String>,
    /// Environment variables set for the module.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub environment: IndexMap<String, String>,
    /// Configuration values: templates such as `"{{ api_key }}"` over the
    /// application's variables.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "crate::spin::schema::lower_snake_templates")
    )]
    pub config: IndexMap<String, String>,
    /// `[component.trigger]`, shaped by the application trigger's type.
    pub trigger: ComponentTrigger,
    /// `[component.build]`: how `spin build` builds the module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<Build>,
}

impl Component {
    /// A component with an id, a source and a trigger.
    pub fn new(id: impl Into<String>, source: ComponentSource, trigger: ComponentTrigger) -> Self {
        Self {
            id: id.into(),
            description: None,
            source,
            files: Vec::new(),
            exclude_files: Vec::new(),
            allowed_http_hosts: Vec::new(),
            allowed_outbound_hosts: None,
            key_value_stores: Vec::new(),
            sqlite_databases: Vec::new(),
            ai_models: Vec::new(),
            environment: IndexMap::new(),
            config: IndexMap::new(),
            trigger,
            build: None,
        }
    }

    /// The id Spin uses for this component: the id itself when it is
    /// kebab case, otherwise the id with `_` replaced by `-` and lower-cased.
    ///
    /// ```
    /// use wasm_manifests::spin::v1::{Component, ComponentSource, ComponentTrigger, HttpTrigger};
    ///
    /// let trigger = ComponentTrigger::Http(HttpTrigger::new("/"));
    /// let component = Component::new("rust_me", ComponentSource::Local("a.wasm".into()), trigger);
    /// assert_eq!(component.normalized_id(), "rust-me");
    /// ```
    pub fn normalized_id(&self) -> String {
        super::ids::normalize_component_id(&self.id)
    }
}
