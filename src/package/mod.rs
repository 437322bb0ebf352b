//! One view of any package, whatever its manifest format: what it is
//! (identity), what code it runs (modules, entry points), and above all what
//! it can touch (capabilities).
//!
//! The mapping follows what each runtime really does with its manifest, not
//! only what the manifest says: a Spin v1 component without
//! `allowed_outbound_hosts` may use Redis, MySQL and PostgreSQL on any host;
//! Extism denies every host for `allowed_hosts: null` as for `[]`;
//! Flow-Like allows every host when HTTP is enabled with an empty host list.
//! Every capability keeps the field that granted it, with its position.
//!
//! Network access is described by connection: each [`HostGrant`] of
//! [`Capabilities::outbound`] names the protocol by its URL scheme
//! (`https`, `redis`, ...), raw sockets included (`tcp`, `udp`), so that a
//! TCP switch of one format and a `tcp://host:port` rule of another read
//! the same. Name resolution that a package may do on its own (DNS) is not
//! a connection to a host: it is listed in [`Capabilities::name_lookups`].
//!
//! ```
//! use wasm_manifests::{Format, package::NetworkAccess};
//!
//! let text = r#"{
//!   "wasm": [{ "path": "plugin.wasm" }],
//!   "allowed_hosts": ["api.example.com"],
//!   "memory": { "max_pages": 16 }
//! }"#;
//! let parsed = wasm_manifests::parse(text, Format::Extism);
//! let package = parsed.package().unwrap();
//! assert_eq!(package.capabilities.network, NetworkAccess::Hosts);
//! let host = &package.capabilities.outbound[0];
//! assert_eq!(host.host, "api.example.com");
//! assert_eq!(host.origin.path.to_string(), "allowed_hosts[0]");
//! assert_eq!(host.origin.span.unwrap().line, 3);
//! assert_eq!(package.capabilities.memory_limit_bytes.as_ref().unwrap().value, 16 * 65536);
//! ```
//!
//! The JSON form (`serde_json::to_value(&package)`) is documented field by
//! field on these types and is stable: fields may be added, never renamed
//! or removed.

use serde::{Deserialize, Serialize};

use crate::path::FieldPath;
use crate::source::{self, Syntax};
use crate::{Format, Manifest, Span};

/// What a package is and what it can touch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Package {
    /// The manifest format it was read from.
    pub format: Format,
    /// Name, version and publishing metadata.
    pub identity: Identity,
    /// The WebAssembly modules it runs.
    pub modules: Vec<Module>,
    /// How the host starts it: commands, triggered components, the main
    /// module, nodes.
    pub entry_points: Vec<EntryPoint>,
    /// What it may access.
    pub capabilities: Capabilities,
}

/// Who the package is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Identity {
    /// The package name (`namespace/name` for Wasmer, the application name
    /// for Spin, the package id for Flow-Like; Extism manifests have none).
    pub name: Option<String>,
    /// A human-readable title, when the format has one besides the name.
    pub title: Option<String>,
    /// The version as written.
    pub version: Option<String>,
    /// The version as semver, when it is one.
    #[serde(serialize_with = "serialize_display_opt")]
    pub semver: Option<semver::Version>,
    /// A short description.
    pub description: Option<String>,
    /// The license (an SPDX expression, when valid).
    pub license: Option<String>,
    /// The authors, as written (`Name <email>` where an email is given).
    pub authors: Vec<String>,
    /// Source repository URL.
    pub repository: Option<String>,
    /// Homepage URL.
    pub homepage: Option<String>,
}

/// Where a manifest field is: its path, and its position in the text when
/// known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Origin {
    /// The field that grants or declares this (`component[1].files[0]`).
    pub path: FieldPath,
    /// Its position in the manifest's text; `None` when the package was
    /// built from a model without text, or the value is implied.
    pub span: Option<Span>,
    /// Whether no field wrote this: it is the runtime's default or
    /// behaviour for an absent key, and `path` names the key that would
    /// change it.
    pub implied: bool,
}

impl Origin {
    pub(crate) fn at(path: FieldPath) -> Self {
        Self {
            path,
            span: None,
            implied: false,
        }
    }

    pub(crate) fn implied(path: FieldPath) -> Self {
        Self {
            path,
            span: None,
            implied: true,
        }
    }
}

/// A WebAssembly module of the package.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Module {
    /// The name the manifest uses for it.
    pub name: String,
    /// Where its bytes come from.
    pub source: ModuleSource,
    /// The SHA-256 digest the manifest expects, as lower-case hex.
    pub sha256: Option<String>,
    /// The field that declares it.
    pub origin: Origin,
}

/// Where a module's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ModuleSource {
    /// A file, relative to the manifest's directory.
    Path {
        /// The path as written.
        path: String,
    },
    /// Downloaded from a URL.
    Url {
        /// The URL.
        url: String,
    },
    /// Embedded in the manifest.
    Inline {
        /// The number of bytes.
        bytes: usize,
    },
    /// A package from a registry.
    Registry {
        /// The package (`namespace/name`).
        package: String,
        /// The version or version requirement.
        version: String,
        /// The registry, when not the default one.
        registry: Option<String>,
        /// The module inside that package, when the manifest names one.
        module: Option<String>,
    },
}

/// How the host starts the package.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntryPoint {
    /// The command, component, module or node name.
    pub name: String,
    /// The module it runs, when the manifest says.
    pub module: Option<String>,
    /// What kind of entry point it is, with its details.
    pub kind: EntryKind,
    /// The field that declares it.
    pub origin: Origin,
}

/// The kinds of entry point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EntryKind {
    /// A Wasmer command, started by a runner.
    Command {
        /// The runner (`wasi`, `wcgi`, a URL), or the one implied by the
        /// module's ABI for commands without `runner`.
        runner: String,
        /// Arguments passed on start.
        args: Vec<String>,
    },
    /// A Spin component answering HTTP requests.
    HttpRoute {
        /// The route (`/api/...`), or `private` for a component reachable
        /// only from other components.
        route: String,
        /// `spin`, `http` or `wagi`.
        executor: String,
    },
    /// A Spin component subscribed to a Redis channel.
    RedisChannel {
        /// The channel.
        channel: String,
    },
    /// A Spin component started by a plugin trigger (timer, SQS, ...).
    Trigger {
        /// The trigger type.
        trigger_type: String,
    },
    /// The Extism module whose exported functions the host calls.
    MainModule,
    /// A Flow-Like node.
    Node {
        /// Its display name.
        title: String,
        /// Its category path (`Cloud/Storage`).
        category: String,
    },
}

/// How much network access the package has overall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NetworkAccess {
    /// None.
    None,
    /// Only the hosts listed in [`Capabilities::outbound`].
    Hosts,
    /// Some host rule allows every host.
    Any,
    /// The manifest format has no network settings: the host decides when
    /// it runs the package (Wasmer: `wasmer run --net`).
    HostDecides,
}

/// What the package may access. Every grant names the field that granted
/// it; `scope` is the component, command or node it applies to (`None`:
/// the whole package).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Capabilities {
    /// The overall network access.
    pub network: NetworkAccess,
    /// Outbound network rules.
    pub outbound: Vec<HostGrant>,
    /// Host names the package may resolve on its own (DNS lookups), `*` for
    /// any name. Empty when the format has no such switch: resolving the
    /// hosts of [`Capabilities::outbound`] is then up to the runtime.
    pub name_lookups: Vec<NamedGrant>,
    /// Host files and directories visible to the guest.
    pub files: Vec<FileGrant>,
    /// Environment variables set for the guest.
    pub env: Vec<EnvGrant>,
    /// The memory limit, in bytes.
    pub memory_limit_bytes: Option<LimitGrant>,
    /// How long one run or call may take, in milliseconds.
    pub timeout_ms: Option<LimitGrant>,
    /// Key-value stores it may use.
    pub key_value_stores: Vec<NamedGrant>,
    /// SQLite databases it may use.
    pub sqlite_databases: Vec<NamedGrant>,
    /// AI models it may use (`*`: any model the host offers).
    pub ai_models: Vec<NamedGrant>,
    /// Variables, configuration values and secrets it can read.
    pub variables: Vec<VariableGrant>,
    /// OAuth scopes it asks for.
    pub oauth_scopes: Vec<OAuthGrant>,
    /// Other capability switches (Flow-Like's `cache`, `streaming`,
    /// `node_storage`, ...).
    pub flags: Vec<NamedGrant>,
    /// Components composed into another one (Spin component dependencies
    /// by name, and trigger middleware by role), scoped to what uses them.
    pub dependencies: Vec<NamedGrant>,
}

impl Capabilities {
    pub(crate) fn new(network: NetworkAccess) -> Self {
        Self {
            network,
            outbound: Vec::new(),
            name_lookups: Vec::new(),
            files: Vec::new(),
            env: Vec::new(),
            memory_limit_bytes: None,
            timeout_ms: None,
            key_value_stores: Vec::new(),
            sqlite_databases: Vec::new(),
            ai_models: Vec::new(),
            variables: Vec::new(),
            oauth_scopes: Vec::new(),
            flags: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    /// Sets [`Capabilities::network`] from the outbound rules.
    pub(crate) fn summarise_network(&mut self) {
        self.network = if self.outbound.iter().any(|h| h.host == "*") {
            NetworkAccess::Any
        } else if self.outbound.is_empty() {
            NetworkAccess::None
        } else {
            NetworkAccess::Hosts
        };
    }
}

/// An outbound network rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HostGrant {
    /// The protocol, as a URL scheme: `http`, `https`, `redis`, `mysql`,
    /// ..., `tcp` and `udp` for raw sockets; `*` for any.
    pub scheme: String,
    /// The host: a name, `*.domain`, an IP address or CIDR range, `self`
    /// (the application itself), or `*` for any host.
    pub host: String,
    /// The port: a number, a range `a..b`, `*` for any; `None` for the
    /// scheme's default port (or any port where the runtime does not check
    /// ports).
    pub port: Option<String>,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that granted it.
    pub origin: Origin,
}

/// Host files or directories visible to the guest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileGrant {
    /// The host path or glob, relative to the manifest's directory.
    pub host: String,
    /// Where the guest sees it.
    pub guest: String,
    /// Whether the guest may only read.
    pub read_only: bool,
    /// Whether `host` is a glob pattern.
    pub glob: bool,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that granted it.
    pub origin: Origin,
}

/// An environment variable set for the guest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnvGrant {
    /// The variable's name.
    pub name: String,
    /// Its value.
    pub value: String,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that set it.
    pub origin: Origin,
}

/// A numeric limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LimitGrant {
    /// The limit.
    pub value: u64,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that set it.
    pub origin: Origin,
}

/// A named resource or switch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NamedGrant {
    /// The store, database, model or switch name.
    pub name: String,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that granted it.
    pub origin: Origin,
}

/// A variable, configuration value or secret the guest can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VariableGrant {
    /// Its name.
    pub name: String,
    /// Whether it is marked secret.
    pub secret: bool,
    /// Whether the host must provide a value.
    pub required: bool,
    /// The component, command or node it applies to.
    pub scope: Option<String>,
    /// The field that declares it.
    pub origin: Origin,
}

/// OAuth access the package asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OAuthGrant {
    /// The provider (`google`, `github`, ...).
    pub provider: String,
    /// The scopes.
    pub scopes: Vec<String>,
    /// Whether the package cannot work without it.
    pub required: bool,
    /// Why the package asks, as shown to users.
    pub reason: String,
    /// The nodes that use it.
    pub used_by: Vec<String>,
    /// The field that declares it.
    pub origin: Origin,
}

impl Package {
    /// A package of `format` with nothing in it.
    pub(crate) fn empty(format: Format) -> Package {
        Package {
            format,
            identity: Identity::default(),
            modules: Vec::new(),
            entry_points: Vec::new(),
            capabilities: Capabilities::new(NetworkAccess::None),
        }
    }

    /// The package view of a typed manifest, without positions (see
    /// [`crate::Parsed::package`] for the view with positions).
    pub fn from_manifest(manifest: &Manifest) -> Package {
        // A manifest exists only for the formats of the build.
        match crate::formats::find(manifest.format()) {
            Some(descriptor) => (descriptor.package)(manifest),
            None => Package::empty(manifest.format()),
        }
    }

    /// Fills every origin's span from the manifest's text.
    pub(crate) fn locate(&mut self, text: &str, syntax: Syntax) {
        let Some(root) = source::spanned_tree(text, syntax) else {
            return;
        };
        let lines = source::LineIndex::new(text);
        let mut fill = |origin: &mut Origin| match source::find(&root, &origin.path) {
            // A field the text does not have: the runtime's default applies.
            None => origin.implied = true,
            Some(node) if !origin.implied => origin.span = Some(lines.span(node.span())),
            Some(_) => {}
        };
        self.for_each_origin(&mut fill);
    }

    fn for_each_origin(&mut self, f: &mut impl FnMut(&mut Origin)) {
        self.modules.iter_mut().for_each(|m| f(&mut m.origin));
        self.entry_points.iter_mut().for_each(|e| f(&mut e.origin));
        let c = &mut self.capabilities;
        c.outbound.iter_mut().for_each(|g| f(&mut g.origin));
        c.files.iter_mut().for_each(|g| f(&mut g.origin));
        c.env.iter_mut().for_each(|g| f(&mut g.origin));
        c.memory_limit_bytes
            .iter_mut()
            .for_each(|g| f(&mut g.origin));
        c.timeout_ms.iter_mut().for_each(|g| f(&mut g.origin));
        for list in [
            &mut c.name_lookups,
            &mut c.key_value_stores,
            &mut c.sqlite_databases,
            &mut c.ai_models,
            &mut c.flags,
            &mut c.dependencies,
        ] {
            list.iter_mut().for_each(|g| f(&mut g.origin));
        }
        c.variables.iter_mut().for_each(|g| f(&mut g.origin));
        c.oauth_scopes.iter_mut().for_each(|g| f(&mut g.origin));
    }
}

fn serialize_display_opt<S: serde::Serializer, T: std::fmt::Display>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.collect_str(v),
        None => serializer.serialize_none(),
    }
}
