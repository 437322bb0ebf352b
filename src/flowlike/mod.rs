//! The Flow-Like WASM package manifest (`manifest.toml`, `flow-like.toml`,
//! or `<module>.toml` beside the `.wasm`).
//!
//! The model mirrors what Flow-Like's own parser accepts: the five identity
//! keys are required, everything else has a default, and unknown keys are
//! ignored. [`Manifest::from_str`] reads and validates a manifest and
//! refuses it when any error is found, including the checks Flow-Like only
//! makes when a package is published (id, name and version not empty). For
//! the full report (warnings included, every problem with its position),
//! use [`crate::parse`] with [`crate::Format::FlowLike`].
//!
//! Two revisions of the format exist, both with `manifest_version = 1`. The
//! model follows the current one (more memory and timeout tiers, the TCP,
//! UDP and DNS switches, package categories), and keeps the first one's
//! `[[nodes]]`: current Flow-Like reads the nodes from the WASM module and
//! ignores them, versions that read them refuse to publish a package
//! without nodes, or with a node using an OAuth provider the package does
//! not declare. Those two are warnings in the report, with a note saying so.
//!
//! ```
//! use std::time::Duration;
//! use wasm_manifests::flowlike::{Manifest, MemoryTier, PackageCategory, TimeoutTier};
//!
//! let manifest: Manifest = r#"
//! manifest_version = 1
//! id = "com.example.gdrive"
//! name = "Google Drive"
//! version = "1.0.0"
//! description = "Lists files in Google Drive"
//!
//! [permissions]
//! memory = "heavy"
//! timeout = "extended"
//!
//! [permissions.network]
//! http_enabled = true
//! allowed_hosts = ["*.googleapis.com"]
//!
//! [[permissions.oauth_scopes]]
//! provider = "google"
//! scopes = ["https://www.googleapis.com/auth/drive.readonly"]
//! reason = "Lists the files of your drive"
//!
//! [[nodes]]
//! id = "list_files"
//! name = "List Files"
//! description = "Lists the files of a folder"
//! category = "Cloud/Google Drive"
//! oauth_providers = ["google"]
//! "#.parse()?;
//!
//! assert_eq!(manifest.permissions.memory, MemoryTier::Heavy);
//! assert_eq!(manifest.permissions.memory.bytes(), 128 * 1024 * 1024);
//! assert_eq!(manifest.permissions.timeout.duration(), Duration::from_secs(60));
//! assert_eq!(manifest.oauth_scopes_of("list_files")[0].provider, "google");
//!
//! // The current revision: no `[[nodes]]` (a warning, not an error), a
//! // package category, a larger tier and a raw socket switch.
//! let current: Manifest = r#"
//! manifest_version = 1
//! id = "com.example.bridge"
//! name = "Bridge"
//! version = "0.1.0"
//! description = "Talks to a device over TCP"
//! primary_category = "IOT_INDUSTRIAL"
//!
//! [permissions]
//! memory = "huge"
//!
//! [permissions.network]
//! tcp_enabled = true
//! allowed_hosts = ["10.0.0.5"]
//! "#.parse()?;
//! assert_eq!(current.primary_category, Some(PackageCategory::IotIndustrial));
//! assert_eq!(current.permissions.memory.bytes(), 1024 * 1024 * 1024);
//! assert!(current.permissions.network.tcp_enabled && current.nodes.is_empty());
//! # Ok::<(), wasm_manifests::ParseError>(())
//! ```

mod category;
mod keys;
mod package;
mod read;
pub(crate) mod rules;
mod tiers;
mod verify;

pub use category::{PackageCategory, UnknownCategory};
pub use tiers::{MemoryTier, TimeoutTier, UnknownTier};

use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

/// The format's entry in the list of formats.
pub(crate) static FORMAT: crate::formats::Descriptor = crate::formats::Descriptor {
    format: crate::Format::FlowLike,
    rules: rules::RULES,
    read: |root, cx| {
        if root.as_table().is_some_and(|t| t.is_empty()) {
            // Already reported as an empty file; listing every missing key adds nothing.
            return None;
        }
        let manifest = read::read(root, cx);
        if root.as_table().is_some() {
            rules::run(root, cx);
        }
        manifest.map(crate::Manifest::FlowLike)
    },
    empty_help: "a Flow-Like manifest starts with `manifest_version = 1`",
    package: |manifest| match manifest {
        crate::Manifest::FlowLike(m) => package::package(m),
        _ => crate::package::Package::empty(crate::Format::FlowLike),
    },
    verify: verify::verify,
};

/// The manifest version this library knows (the only one Flow-Like has).
pub const MANIFEST_VERSION: u32 = 1;

/// A whole Flow-Like manifest.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Manifest {
    /// The schema version; `1` is the only one defined.
    #[cfg_attr(feature = "json-schema", schemars(range(max = 4294967295u32)))]
    pub manifest_version: u32,
    /// The package identifier, reverse-domain style (`com.example.tools`).
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    pub id: String,
    /// The display name.
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    pub name: String,
    /// The package version, semver by convention (Flow-Like does not
    /// enforce it).
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    pub version: String,
    /// A short description.
    pub description: String,
    /// `[[authors]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// An SPDX license expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Source repository URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// Homepage URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Search keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The domain the package belongs to in the registry (current revision;
    /// earlier versions ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_category: Option<PackageCategory>,
    /// A second domain (current revision; earlier versions ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_category: Option<PackageCategory>,
    /// The oldest Flow-Like version the package supports (not enforced by
    /// Flow-Like).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_flow_like_version: Option<String>,
    /// The `.wasm` file, relative to the manifest (for local development).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wasm_path: Option<String>,
    /// The documented SHA-256 digest of the `.wasm` file, as hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wasm_hash: Option<String>,
    /// `[metadata]`: free-form package metadata, kept verbatim.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(with = "serde_json::Map<String, serde_json::Value>")
    )]
    pub metadata: toml::Table,
    /// `[permissions]`: what the package may use; everything is off (and
    /// the tiers are `standard`) by default.
    #[serde(default, skip_serializing_if = "Permissions::is_default")]
    pub permissions: Permissions,
    /// `[[nodes]]`: the nodes the package provides, as the first revision
    /// declares them. Current Flow-Like ignores this list and reads the
    /// nodes from the WASM module; versions that read it refuse to publish
    /// a package without nodes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<NodeEntry>,
}

impl Manifest {
    /// The node with this `id`, if declared.
    pub fn node(&self, id: &str) -> Option<&NodeEntry> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The OAuth requirements of the node with this `id`: the package-level
    /// `[[permissions.oauth_scopes]]` entries of the providers it lists.
    pub fn oauth_scopes_of(&self, node_id: &str) -> Vec<&OAuthScope> {
        let Some(node) = self.node(node_id) else {
            return Vec::new();
        };
        self.permissions
            .oauth_scopes
            .iter()
            .filter(|scope| node.oauth_providers.contains(&scope.provider))
            .collect()
    }
}

impl<'de> Deserialize<'de> for Manifest {
    /// Reads the manifest from any self-describing serde format with the
    /// same reader and rules as [`crate::parse`]: what `parse` reports as an
    /// error is refused here too.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match crate::pipeline::deserialize(deserializer, crate::Format::FlowLike)? {
            crate::Manifest::FlowLike(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => Err(serde::de::Error::custom("not a Flow-Like manifest")),
        }
    }
}

impl FromStr for Manifest {
    type Err = crate::ParseError;

    /// Reads and validates a Flow-Like manifest; fails when any error is
    /// found (warnings are not reported here; use [`crate::parse`] for
    /// them).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match crate::parse(text, crate::Format::FlowLike).into_result()? {
            crate::Manifest::FlowLike(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => unreachable!("a Flow-Like manifest parses to a Flow-Like manifest"),
        }
    }
}

/// An `[[authors]]` entry.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Author {
    /// The author's name (required).
    pub name: String,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `[permissions]`: resource tiers and capabilities the package asks for.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Permissions {
    /// The memory limit.
    #[serde(default, skip_serializing_if = "MemoryTier::is_default")]
    pub memory: MemoryTier,
    /// The execution time limit.
    #[serde(default, skip_serializing_if = "TimeoutTier::is_default")]
    pub timeout: TimeoutTier,
    /// Access to execution variables.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub variables: bool,
    /// Access to the execution cache.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cache: bool,
    /// Streaming output to the user interface.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub streaming: bool,
    /// Adaptive UI (A2UI) rendering.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub a2ui: bool,
    /// Access to LLM and other model providers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub models: bool,
    /// `[permissions.network]`.
    #[serde(default, skip_serializing_if = "NetworkPermissions::is_default")]
    pub network: NetworkPermissions,
    /// `[permissions.filesystem]`.
    #[serde(default, skip_serializing_if = "FilesystemPermissions::is_default")]
    pub filesystem: FilesystemPermissions,
    /// `[[permissions.oauth_scopes]]`: one entry per OAuth provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oauth_scopes: Vec<OAuthScope>,
}

impl Permissions {
    /// Whether nothing is asked beyond the defaults.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// `[permissions.network]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NetworkPermissions {
    /// Outbound HTTP requests.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub http_enabled: bool,
    /// The hosts the package may reach (`*` wildcards allowed). Empty means
    /// every host when `http_enabled` is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_hosts: Vec<String>,
    /// WebSocket connections.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub websocket_enabled: bool,
    /// Raw TCP connections (current revision; earlier versions ignore the
    /// key). Peers are compared with `allowed_hosts`, as for HTTP.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tcp_enabled: bool,
    /// UDP sockets (current revision; earlier versions ignore the key).
    /// Peers are compared with `allowed_hosts`, as for HTTP.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub udp_enabled: bool,
    /// Name lookups by the package itself (current revision; earlier
    /// versions ignore the key).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dns_enabled: bool,
}

impl NetworkPermissions {
    /// Whether nothing is enabled or listed.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// Whether HTTP is enabled without a host list, which Flow-Like treats
    /// as permission to reach every host.
    pub fn allows_all_hosts(&self) -> bool {
        self.http_enabled && self.allowed_hosts.is_empty()
    }
}

/// `[permissions.filesystem]`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FilesystemPermissions {
    /// Persistent storage per node.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub node_storage: bool,
    /// Persistent storage per user.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub user_storage: bool,
    /// Access to uploaded files.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub upload_dir: bool,
    /// A temporary cache directory.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cache_dir: bool,
}

impl FilesystemPermissions {
    /// Whether nothing is enabled.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A `[[permissions.oauth_scopes]]` entry: the scopes the package needs
/// from one OAuth provider.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OAuthScope {
    /// The provider id (`google`, `github`, `microsoft`, ... or a custom
    /// one).
    pub provider: String,
    /// The scopes requested.
    pub scopes: Vec<String>,
    /// Why, shown to the user.
    pub reason: String,
    /// Whether the package cannot work without it (default `false`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

/// A `[[nodes]]` entry: one node of the package.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NodeEntry {
    /// The node's identifier, unique within the package.
    pub id: String,
    /// The display name.
    pub name: String,
    /// A short description.
    pub description: String,
    /// Where the node appears in the catalog, as a `/`-separated path
    /// (`Cloud/Storage`).
    pub category: String,
    /// A data URI or URL of the node's icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The OAuth providers the node uses; each must be declared in
    /// `[[permissions.oauth_scopes]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oauth_providers: Vec<String>,
    /// `[nodes.metadata]`: free-form metadata, kept verbatim.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(with = "serde_json::Map<String, serde_json::Value>")
    )]
    pub metadata: toml::Table,
}

impl NodeEntry {
    /// The segments of the category path (`"Cloud/Storage"` → `Cloud`,
    /// `Storage`).
    pub fn category_path(&self) -> impl Iterator<Item = &str> {
        self.category.split('/')
    }
}
