//! The parts of the model that both manifest versions share, type for
//! type: component sources, `files` entries, builds, variables, HTTP
//! routes and executors. [`v1`](super::v1) and [`v2`](super::v2) re-export
//! them, so `spin::v1::FileMount` and `spin::v2::FileMount` are one type.

use std::fmt;
use std::path::PathBuf;

use semver::Version;
use serde::{Serialize, Serializer};

/// A `[variables]` entry. Exactly one of `required = true` or `default`
/// must be given.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[cfg_attr(feature = "json-schema", schemars(transform = crate::spin::schema::variable_rule))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Variable {
    /// The value used when none is supplied at run time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Whether a value must be supplied at run time.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Whether the value is sensitive (kept out of logs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// A description (read by Spin 4 and later in version 1 manifests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Variable {
    /// A variable with a default value.
    pub fn with_default(default: impl Into<String>) -> Self {
        Self {
            default: Some(default.into()),
            ..Self::default()
        }
    }

    /// A variable that must be supplied at run time.
    pub fn required() -> Self {
        Self {
            required: true,
            ..Self::default()
        }
    }
}

/// Where a component's Wasm comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ComponentSource {
    /// A file, relative to the manifest: `source = "target/app.wasm"`.
    Local(PathBuf),
    /// A download checked against its digest: `source = { url, digest }`.
    Remote(RemoteSource),
    /// A package from a registry: `source = { registry?, package, version }`.
    Registry(RegistrySource),
}

impl Serialize for ComponentSource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ComponentSource::Local(path) => path.serialize(serializer),
            ComponentSource::Remote(remote) => remote.serialize(serializer),
            ComponentSource::Registry(registry) => registry.serialize(serializer),
        }
    }
}

/// `source = { url = "https://...", digest = "sha256:..." }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RemoteSource {
    /// Where to download the module.
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::HTTP_URL))
    )]
    #[cfg_attr(feature = "json-schema", schemars(with = "String"))]
    pub url: url::Url,
    /// `sha256:` followed by 64 lowercase hex digits.
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::SPIN_DIGEST))
    )]
    pub digest: String,
}

impl RemoteSource {
    /// A remote source.
    pub fn new(url: url::Url, digest: impl Into<String>) -> Self {
        Self {
            url,
            digest: digest.into(),
        }
    }
}

/// `source = { registry = "...", package = "ns:name", version = "1.0.0" }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RegistrySource {
    /// The registry (`host[:port]`); the default registry when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    pub registry: Option<String>,
    /// The package, `namespace:name`.
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::SPIN_PACKAGE))
    )]
    pub package: String,
    /// The exact package version.
    pub version: Version,
}

impl RegistrySource {
    /// A package from the default registry.
    pub fn new(package: impl Into<String>, version: Version) -> Self {
        Self {
            registry: None,
            package: package.into(),
            version,
        }
    }
}

/// An entry of `files`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileMount {
    /// A file, directory or glob pattern relative to the manifest, made
    /// available at the same relative path.
    Pattern(String),
    /// `{ source = "dir", destination = "/path" }`: a file or directory
    /// made available at another path.
    Placement(FilePlacement),
}

impl Serialize for FileMount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FileMount::Pattern(pattern) => pattern.serialize(serializer),
            FileMount::Placement(placement) => placement.serialize(serializer),
        }
    }
}

/// `{ source = "assets", destination = "/static" }`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FilePlacement {
    /// The file or directory, relative to the manifest.
    pub source: PathBuf,
    /// The absolute path at which the component sees it.
    pub destination: String,
}

impl FilePlacement {
    /// A placement of `source` at `destination`.
    pub fn new(source: impl Into<PathBuf>, destination: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            destination: destination.into(),
        }
    }
}

/// A component's `build` table.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Build {
    /// The command (or, in Spin 3.0 and later, commands) `spin build` runs.
    pub command: BuildCommand,
    /// The directory to run it in, relative to the manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "crate::spin::schema::relative_path")
    )]
    pub workdir: Option<PathBuf>,
    /// Glob patterns `spin watch` monitors, relative to `workdir`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch: Vec<String>,
}

impl Build {
    /// A build running one command.
    pub fn new(command: impl Into<String>) -> Self {
        Self {
            command: BuildCommand::Single(command.into()),
            workdir: None,
            watch: Vec::new(),
        }
    }
}

/// `command = "..."` or `command = ["...", "..."]`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildCommand {
    /// One command.
    Single(String),
    /// Several commands run in order (accepted by Spin 3.0 and later).
    Multiple(Vec<String>),
}

impl BuildCommand {
    /// The commands, in order.
    pub fn commands(&self) -> &[String] {
        match self {
            BuildCommand::Single(command) => std::slice::from_ref(command),
            BuildCommand::Multiple(commands) => commands,
        }
    }
}

impl Serialize for BuildCommand {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BuildCommand::Single(command) => command.serialize(serializer),
            BuildCommand::Multiple(commands) => commands.serialize(serializer),
        }
    }
}

/// An HTTP route.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpRoute {
    /// An exact route (`/hello`), a wildcard route ending in `/...`, or
    /// (Spin 2 and later) a route with `:name` parameters.
    Path(String),
    /// `route = { private = true }`: reachable only from other components,
    /// as `http://<id>.spin.internal` (Spin 2 and later).
    Private,
}

impl fmt::Display for HttpRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpRoute::Path(path) => f.write_str(path),
            HttpRoute::Private => f.write_str("{ private = true }"),
        }
    }
}

impl Serialize for HttpRoute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            HttpRoute::Path(path) => path.serialize(serializer),
            HttpRoute::Private => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("private", &true)?;
                map.end()
            }
        }
    }
}

/// `executor = { type = "..." }`: how Spin calls an HTTP component.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
#[non_exhaustive]
pub enum HttpExecutor {
    /// `{ type = "spin" }`: the component implements Spin's HTTP interface
    /// (the default).
    #[default]
    Spin,
    /// `{ type = "http" }`: the same as `spin`, as later Spin versions
    /// spell it.
    Http,
    /// `{ type = "wagi", ... }`: the module is run like a CGI program.
    Wagi(WagiExecutor),
}

impl HttpExecutor {
    /// `spin`, `http` or `wagi`.
    pub fn name(&self) -> &'static str {
        match self {
            HttpExecutor::Spin => "spin",
            HttpExecutor::Http => "http",
            HttpExecutor::Wagi(_) => "wagi",
        }
    }
}

/// The settings of the Wagi executor.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WagiExecutor {
    /// The command line passed to the module; `${SCRIPT_NAME} ${ARGS}`
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argv: Option<String>,
    /// The function to call; `_start` when absent. Spin 3 and later
    /// refuse any other value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "_start")))]
    pub entrypoint: Option<String>,
}
