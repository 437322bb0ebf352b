//! The component part of the version 2 model: a component and its
//! source, files, build, dependencies and profiles.

use std::path::PathBuf;

use indexmap::IndexMap;
use semver::VersionReq;
use serde::Serialize;

use super::{Build, BuildCommand, ComponentSource, FileMount, TargetEnvironment};

/// A `[component.<id>]` (or an inline component).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Component {
    /// The Wasm component: a local file, a URL with a digest, or a registry
    /// package.
    pub source: ComponentSource,
    /// A human-readable description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Component variables: templates such as `"{{ api_key }}"` over the
    /// application's variables.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "crate::spin::schema::lower_snake_templates")
    )]
    pub variables: IndexMap<String, String>,
    /// Environment variables (not templates).
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub environment: IndexMap<String, String>,
    /// Files made available to the component.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub files: Vec<FileMount>,
    /// Globs of files to leave out of `files`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub exclude_files: Vec<String>,
    /// Deprecated HTTP-only allow-list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub allowed_http_hosts: Vec<String>,
    /// Addresses (`scheme://host[:port]`) the component may connect to;
    /// none when empty (there are no implied database hosts in version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub allowed_outbound_hosts: Vec<String>,
    /// Key-value stores it may use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(inner(pattern(crate::schema::patterns::SPIN_LABEL)))
    )]
    pub key_value_stores: Vec<String>,
    /// SQLite databases it may use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(inner(pattern(crate::schema::patterns::SPIN_LABEL)))
    )]
    pub sqlite_databases: Vec<String>,
    /// AI models it may use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub ai_models: Vec<String>,
    /// Environments to check against, replacing the application's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<TargetEnvironment>>,
    /// `[component.<id>.build]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "super::schema::build")
    )]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub build: Option<Build>,
    /// `[component.<id>.tool.<name>]`: ignored by Spin.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(with = "IndexMap<String, serde_json::Map<String, serde_json::Value>>")
    )]
    pub tool: IndexMap<String, toml::Table>,
    /// Whether every dependency inherits this component's configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependencies_inherit_configuration: Option<bool>,
    /// `[component.<id>.dependencies]`: WIT component dependencies, by name.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "super::schema::dependencies")
    )]
    pub dependencies: IndexMap<String, Dependency>,
    /// `[component.<id>.profile.<name>]`: overrides selected with
    /// `spin up --profile <name>`.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub profile: IndexMap<String, Profile>,
}

impl Component {
    /// A component with just a source.
    pub fn new(source: ComponentSource) -> Self {
        Self {
            source,
            description: None,
            variables: IndexMap::new(),
            environment: IndexMap::new(),
            files: Vec::new(),
            exclude_files: Vec::new(),
            allowed_http_hosts: Vec::new(),
            allowed_outbound_hosts: Vec::new(),
            key_value_stores: Vec::new(),
            sqlite_databases: Vec::new(),
            ai_models: Vec::new(),
            targets: None,
            build: None,
            tool: IndexMap::new(),
            dependencies_inherit_configuration: None,
            dependencies: IndexMap::new(),
            profile: IndexMap::new(),
        }
    }
}

/// A WIT component dependency (`[component.<id>.dependencies]`), or a
/// trigger dependency (`[[trigger.<type>]]` `dependencies.<role>`, where
/// the `Version` form and `export` do not exist).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Dependency {
    /// `"foo:bar" = ">=0.1.0"`: from the default registry.
    Version(VersionReq),
    /// `{ version, registry?, package?, ... }`.
    Registry(RegistryDependency),
    /// `{ path, ... }`: a local Wasm file.
    Local(LocalDependency),
    /// `{ url, digest, ... }`: a download.
    Remote(RemoteDependency),
    /// `{ component = "<id>", ... }`: the source of another component.
    Component(ComponentDependency),
}

/// What a dependency inherits from the component it is composed into.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum InheritConfiguration {
    /// `true` (everything) or `false` (nothing).
    All(bool),
    /// The capabilities named: `ai_models`, `allowed_outbound_hosts`,
    /// `environment`, `files`, `key_value_stores`, `sqlite_databases`,
    /// `variables`.
    Some(Vec<String>),
}

/// `{ version = "...", registry?, package?, export?, inherit_configuration? }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RegistryDependency {
    /// A version requirement.
    #[cfg_attr(feature = "json-schema", schemars(with = "String"))]
    pub version: VersionReq,
    /// The registry, when not the default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry: Option<String>,
    /// The package; the dependency's name when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// The export that satisfies the dependency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export: Option<String>,
    /// What it inherits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherit_configuration: Option<InheritConfiguration>,
}

/// `{ path = "...", export?, inherit_configuration? }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LocalDependency {
    /// The Wasm file, relative to the manifest.
    pub path: PathBuf,
    /// The export that satisfies the dependency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export: Option<String>,
    /// What it inherits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherit_configuration: Option<InheritConfiguration>,
}

/// `{ url = "...", digest = "sha256:...", export?, inherit_configuration? }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RemoteDependency {
    /// Where to download it.
    #[cfg_attr(feature = "json-schema", schemars(with = "String"))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::HTTP_URL))
    )]
    pub url: url::Url,
    /// `sha256:` followed by 64 lower-case hex digits.
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::SPIN_DIGEST))
    )]
    pub digest: String,
    /// The export that satisfies the dependency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export: Option<String>,
    /// What it inherits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherit_configuration: Option<InheritConfiguration>,
}

/// `{ component = "<id>", export?, inherit_configuration? }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ComponentDependency {
    /// The component whose source is used.
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::SPIN_KEBAB_ID))
    )]
    pub component: String,
    /// The export that satisfies the dependency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export: Option<String>,
    /// What it inherits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherit_configuration: Option<InheritConfiguration>,
}

/// `[component.<id>.profile.<name>]` (Spin 4.0 and later).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Profile {
    /// Another source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ComponentSource>,
    /// Environment variables merged over the component's.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub environment: IndexMap<String, String>,
    /// Dependencies merged over the component's.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "super::schema::dependencies")
    )]
    pub dependencies: IndexMap<String, Dependency>,
    /// Another build command.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub build: Option<ProfileBuild>,
}

/// `[component.<id>.profile.<name>.build]`: only `command`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProfileBuild {
    /// What `spin build --profile <name>` runs.
    pub command: BuildCommand,
}
