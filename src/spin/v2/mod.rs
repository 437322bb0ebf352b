//! Spin's `spin.toml`, manifest version 2 (`spin_manifest_version = 2`, the
//! form `spin new` writes since Spin 2.0).
//!
//! The model keeps the manifest as written: triggers are `[[trigger.<type>]]`
//! entries that name a component or define one inline, components are
//! `[component.<id>]` tables. [`Manifest::normalized`] gives the
//! application the way Spin sees it once loaded: every trigger with its id
//! (generated where absent) and every inline component hoisted under its
//! generated id.
//!
//! [`Manifest::from_str`] reads and validates a manifest and refuses it when
//! any error is found; for the full report (warnings included, every problem
//! with its position), use [`crate::parse`] with [`crate::Format::Spin`]:
//! both versions are one format, told apart by `spin_manifest_version`.
//!
//! ```
//! use wasm_manifests::spin::v2::{ComponentSpec, HttpRoute, Manifest, TriggerConfig};
//!
//! let manifest: Manifest = r#"
//! spin_manifest_version = 2
//!
//! [application]
//! name = "hello"
//! version = "1.0.0"
//!
//! [variables]
//! api_host = { default = "api.example.com" }
//!
//! [[trigger.http]]
//! route = "/hello/..."
//! component = "hello"
//!
//! [component.hello]
//! source = "hello.wasm"
//! allowed_outbound_hosts = ["https://{{ api_host }}"]
//! "#.parse()?;
//!
//! let trigger = &manifest.trigger["http"][0];
//! assert_eq!(trigger.component, Some(ComponentSpec::Reference("hello".into())));
//! let TriggerConfig::Http(http) = &trigger.config else { unreachable!() };
//! assert_eq!(http.route, HttpRoute::Path("/hello/...".into()));
//! // Spin names the trigger after its component and type.
//! let app = manifest.normalized();
//! assert_eq!(app.trigger["http"][0].id.as_deref(), Some("hello-http-trigger"));
//! # Ok::<(), wasm_manifests::ParseError>(())
//! ```

mod component;
mod normalize;
pub(crate) mod package;
mod read;
pub(crate) mod rules;
#[cfg(feature = "json-schema")]
mod schema;
mod tree;
pub(crate) mod verify;

use std::path::PathBuf;
use std::str::FromStr;

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::model::{
    Build, BuildCommand, ComponentSource, FileMount, FilePlacement, HttpExecutor, HttpRoute,
    RegistrySource, RemoteSource, Variable, WagiExecutor,
};
pub use component::*;
pub(crate) use read::read;

/// A whole `spin.toml` of manifest version 2.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Manifest {
    /// Always the integer `2`.
    pub spin_manifest_version: ManifestVersion,
    /// `[application]`: name, version and application-wide settings.
    pub application: Application,
    /// `[variables]`: values the application can be configured with when it
    /// runs, by name.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(feature = "json-schema", schemars(schema_with = "schema::variables"))]
    pub variables: IndexMap<String, Variable>,
    /// `[[trigger.<type>]]`: the triggers, by type, in file order.
    #[cfg_attr(feature = "json-schema", schemars(schema_with = "schema::triggers"))]
    pub trigger: IndexMap<String, Vec<Trigger>>,
    /// `[component.<id>]`: the components, by id.
    #[serde(rename = "component", skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(feature = "json-schema", schemars(schema_with = "schema::components"))]
    pub components: IndexMap<String, Component>,
}

impl Manifest {
    /// The component with this id (defined under `[component.<id>]`).
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.get(id)
    }

    /// The variable named `name`, if declared.
    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.get(name)
    }

    /// Every trigger with its type, in file order type by type.
    pub fn triggers(&self) -> impl Iterator<Item = (&str, &Trigger)> {
        self.trigger
            .iter()
            .flat_map(|(kind, list)| list.iter().map(move |t| (kind.as_str(), t)))
    }

    /// The application as Spin loads it: every trigger has an id (Spin's
    /// generated one where the manifest has none, `<component>-<type>-trigger`
    /// or `<type>-trigger<N>`), and every inline component is moved to
    /// [`Manifest::components`] under its generated id
    /// (`<trigger-id>-component` or `inline-component<N>`), the trigger then
    /// naming it.
    pub fn normalized(&self) -> Manifest {
        normalize::normalized(self)
    }
}

impl<'de> Deserialize<'de> for Manifest {
    /// Reads the manifest from any self-describing serde format with the
    /// same reader and rules as [`crate::parse`]: what `parse` reports as an
    /// error is refused here too.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match crate::pipeline::deserialize(deserializer, crate::Format::Spin)? {
            crate::Manifest::SpinV2(manifest) => Ok(manifest),
            _ => Err(serde::de::Error::custom(
                "not a version 2 Spin manifest (`spin_manifest_version = 2`)",
            )),
        }
    }
}

impl FromStr for Manifest {
    type Err = crate::ParseError;

    /// Reads and validates a version 2 `spin.toml`; fails when any error is
    /// found, or when the manifest is of version 1 (warnings are not
    /// reported here; use [`crate::parse`] for them).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match crate::parse(text, crate::Format::Spin).into_result()? {
            crate::Manifest::SpinV2(manifest) => Ok(manifest),
            _ => Err(rules::wrong_version(text, "2")),
        }
    }
}

/// The manifest format version of this model: always `2`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ManifestVersion {
    /// `spin_manifest_version = 2`.
    #[default]
    V2,
}

impl Serialize for ManifestVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(2)
    }
}

/// `[application]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Application {
    /// The application's name (required; any string).
    pub name: String,
    /// The version; the docs ask for a semantic version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A human-readable description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The authors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub authors: Vec<String>,
    /// The environments `spin build` checks the components against (Spin 3.4
    /// and later).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub targets: Vec<TargetEnvironment>,
    /// `[application.trigger.<type>]`: settings shared by every trigger of
    /// a type.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "schema::app_triggers")
    )]
    pub trigger: IndexMap<String, AppTriggerSettings>,
    /// `[application.tool.<name>]`: settings of other tools, ignored by Spin.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(with = "IndexMap<String, serde_json::Map<String, serde_json::Value>>")
    )]
    pub tool: IndexMap<String, toml::Table>,
}

/// An entry of `targets`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum TargetEnvironment {
    /// A catalogue id such as `"spin-up:3.3"`.
    Catalogue(String),
    /// `{ url = "..." }`: an environment definition to download.
    Url {
        /// Where the definition is.
        url: String,
    },
    /// `{ path = "..." }`: an environment definition file.
    Path {
        /// The file, relative to the manifest.
        path: PathBuf,
    },
}

/// The settings of one trigger type under `[application.trigger.<type>]`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum AppTriggerSettings {
    /// `[application.trigger.http]`.
    Http(HttpAppSettings),
    /// `[application.trigger.redis]`.
    Redis(RedisAppSettings),
    /// Another type: passed to its plugin verbatim.
    Plugin(toml::Table),
}

/// `[application.trigger.http]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HttpAppSettings {
    /// Deprecated: Spin 3 and later refuse any value other than `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "/")))]
    pub base: Option<String>,
}

/// `[application.trigger.redis]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RedisAppSettings {
    /// The server of every Redis trigger without its own `address`; a URL or
    /// a `{{ variable }}` template.
    pub address: String,
}

/// A `[[trigger.<type>]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Trigger {
    /// The id as written; `None` (or `""`) means Spin generates one (see
    /// [`Manifest::normalized`]).
    pub id: Option<String>,
    /// The component it runs: a reference or an inline definition. `None`
    /// only for an HTTP trigger with a `static_response`.
    pub component: Option<ComponentSpec>,
    /// `[trigger.<type>.dependencies]`: components composed with this
    /// trigger's component, by role (HTTP: `middleware`).
    pub dependencies: IndexMap<String, Vec<Dependency>>,
    /// The type-specific settings.
    pub config: TriggerConfig,
}

impl Trigger {
    /// An HTTP trigger running `component` on `route`.
    pub fn http(route: impl Into<String>, component: impl Into<String>) -> Self {
        Self {
            id: None,
            component: Some(ComponentSpec::Reference(component.into())),
            dependencies: IndexMap::new(),
            config: TriggerConfig::Http(HttpTrigger {
                route: HttpRoute::Path(route.into()),
                executor: None,
                static_response: None,
            }),
        }
    }

    /// The id of the component it names, when it names one by reference.
    pub fn component_id(&self) -> Option<&str> {
        match &self.component {
            Some(ComponentSpec::Reference(id)) => Some(id),
            _ => None,
        }
    }
}

impl Serialize for Trigger {
    /// One table: `id`, `component`, the type's settings, `dependencies`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeMap};
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(component) = &self.component {
            map.serialize_entry("component", component)?;
        }
        match &self.config {
            TriggerConfig::Http(http) => {
                map.serialize_entry("route", &http.route)?;
                if let Some(executor) = &http.executor {
                    map.serialize_entry("executor", executor)?;
                }
                if let Some(response) = &http.static_response {
                    map.serialize_entry("static_response", response)?;
                }
            }
            TriggerConfig::Redis(redis) => {
                map.serialize_entry("channel", &redis.channel)?;
                if let Some(address) = &redis.address {
                    map.serialize_entry("address", address)?;
                }
            }
            TriggerConfig::Plugin(table) => {
                for (key, value) in table {
                    if matches!(key.as_str(), "id" | "component" | "dependencies") {
                        return Err(S::Error::custom(format!(
                            "plugin settings cannot use the key `{key}`"
                        )));
                    }
                    map.serialize_entry(key, value)?;
                }
            }
        }
        if !self.dependencies.is_empty() {
            map.serialize_entry("dependencies", &self.dependencies)?;
        }
        map.end()
    }
}

/// What a trigger's `component` is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ComponentSpec {
    /// `component = "<id>"`: a component of `[component]`.
    Reference(String),
    /// `component = { source = ... }`: a component defined in the trigger.
    Inline(Box<Component>),
}

/// The type-specific part of a trigger.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum TriggerConfig {
    /// `[[trigger.http]]`.
    Http(HttpTrigger),
    /// `[[trigger.redis]]`.
    Redis(RedisTrigger),
    /// Any other type (cron, sqs, mqtt, command, ...): a plugin's trigger,
    /// its settings kept verbatim.
    Plugin(toml::Table),
}

/// The settings of an HTTP trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields, transform = schema::http_trigger))]
#[non_exhaustive]
pub struct HttpTrigger {
    /// The route.
    pub route: HttpRoute,
    /// How Spin calls the component; the Spin (wasi-http) handler when absent.
    pub executor: Option<HttpExecutor>,
    /// A response Spin serves without a component (Spin 3.5 and later).
    pub static_response: Option<StaticResponse>,
}

/// `static_response = { status_code?, headers?, body? }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StaticResponse {
    /// The status; 200 when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(range(min = 100, max = 999)))]
    pub status_code: Option<u16>,
    /// Response headers.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub headers: IndexMap<String, String>,
    /// The body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// The settings of a Redis trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields, transform = schema::redis_trigger))]
#[non_exhaustive]
pub struct RedisTrigger {
    /// The channel whose messages the component handles; a template.
    pub channel: String,
    /// Another server than `[application.trigger.redis].address`.
    pub address: Option<String>,
}
