//! The Extism manifest: the modules of a plug-in, and the limits and
//! capabilities its host grants it.
//!
//! Manifests are JSON; the Rust runtime also reads the same keys written as
//! TOML, and both give the same [`Manifest`]. [`Manifest::from_str`] reads
//! and validates a manifest and refuses it when any error is found. For the
//! full report (warnings included, every problem with its position), use
//! [`crate::parse`] with [`crate::Format::Extism`].
//!
//! ```
//! use wasm_manifests::extism::{AllowedHosts, Manifest, WasmSource};
//!
//! let manifest: Manifest = r#"{
//!     "wasm": [{ "url": "https://example.com/plugin.wasm", "name": "main" }],
//!     "memory": { "max_pages": 16 },
//!     "allowed_hosts": ["api.example.com"],
//!     "allowed_paths": { "ro:assets": "/assets" },
//!     "timeout_ms": 5000
//! }"#.parse()?;
//!
//! let WasmSource::Url(request) = &manifest.wasm[0].source else { unreachable!() };
//! assert_eq!(request.url, "https://example.com/plugin.wasm");
//! assert_eq!(manifest.memory.max_pages, Some(16));
//! assert_eq!(manifest.allowed_hosts.patterns(), ["api.example.com"]);
//! assert!(manifest.allowed_paths[0].read_only);
//! assert_eq!(manifest.timeout_ms, Some(5000));
//! # Ok::<(), wasm_manifests::ParseError>(())
//! ```
//!
//! Reading never follows the `{ "ptr": .., "len": .. }` form of `data`,
//! which the official crate turns into a read of raw process memory: it is
//! reported as an error.

mod package;
mod read;
pub(crate) mod rules;
#[cfg(feature = "json-schema")]
mod schema;
mod snippet;
mod verify;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use base64::Engine as _;
use indexmap::IndexMap;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The format's entry in the list of formats.
pub(crate) static FORMAT: crate::formats::Descriptor = crate::formats::Descriptor {
    format: crate::Format::Extism,
    rules: rules::RULES,
    read: |root, cx| {
        let manifest = read::read(root, cx);
        rules::run(root, cx);
        manifest.map(crate::Manifest::Extism)
    },
    empty_help: "an Extism manifest needs at least `wasm`: a list of modules",
    package: |manifest| match manifest {
        crate::Manifest::Extism(m) => package::package(m),
        _ => crate::package::Package::empty(crate::Format::Extism),
    },
    verify: verify::verify,
};

/// The name the runtime gives to the module whose exports a host calls.
pub const MAIN_MODULE: &str = "main";

/// The module name the runtime reserves for its own host functions.
pub const HOST_MODULE: &str = "extism:host/env";

/// The runtime's limit on plug-in variables when `memory.max_var_bytes` is
/// not set: 1 MiB.
pub const DEFAULT_MAX_VAR_BYTES: u64 = 1024 * 1024;

/// The most 64 KiB pages a 32-bit WebAssembly memory can have (4 GiB).
pub const MAX_PAGES: u32 = 65536;

/// A whole Extism manifest. Only `wasm` is needed.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Manifest {
    /// The modules of the plug-in. With several, the one named
    /// [`MAIN_MODULE`] is the one whose functions the host calls (see
    /// [`Manifest::main_module`]).
    #[cfg_attr(feature = "json-schema", schemars(length(min = 1)))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(
            description = "The modules of the plug-in. With several, the one named `main` is the one whose functions the host calls (unnamed modules are called `main`; when none is, the last module is)."
        )
    )]
    pub wasm: Vec<Wasm>,
    /// Memory limits.
    #[serde(skip_serializing_if = "Memory::is_unset")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub memory: Memory,
    /// Free-form settings the plug-in reads with `extism_config_get`.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub config: IndexMap<String, String>,
    /// The hosts the plug-in may send HTTP requests to.
    #[serde(skip_serializing_if = "AllowedHosts::is_unset")]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    pub allowed_hosts: AllowedHosts,
    /// Host directories mounted into the plug-in (only when the host
    /// enables WASI). Written as a map from host path (optionally prefixed
    /// with `ro:`) to guest path.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "serialize_allowed_paths"
    )]
    #[cfg_attr(feature = "json-schema", schemars(default))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "schema::allowed_paths")
    )]
    pub allowed_paths: Vec<AllowedPath>,
    /// How long one call into the plug-in may run, in milliseconds; no
    /// limit when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
}

impl Manifest {
    /// A manifest with these modules and nothing else.
    ///
    /// ```
    /// use wasm_manifests::extism::{Manifest, Wasm};
    ///
    /// let manifest = Manifest::new([Wasm::path("plugin.wasm")]);
    /// assert_eq!(serde_json::to_string(&manifest).unwrap(), r#"{"wasm":[{"path":"plugin.wasm"}]}"#);
    /// ```
    pub fn new(wasm: impl IntoIterator<Item = Wasm>) -> Self {
        Self {
            wasm: wasm.into_iter().collect(),
            ..Self::default()
        }
    }

    /// The module the runtime treats as `main`, whose functions the host
    /// calls: the only module; else the first one named `main` or without
    /// a name (unnamed modules are called `main`); else the last one, which
    /// the runtime renames `main`.
    ///
    /// ```
    /// use wasm_manifests::extism::{Manifest, Wasm};
    ///
    /// let manifest = Manifest::new([
    ///     Wasm::path("lib.wasm").with_name("lib"),
    ///     Wasm::path("app.wasm").with_name("app"),
    /// ]);
    /// assert_eq!(manifest.main_module().and_then(|m| m.name.as_deref()), Some("app"));
    /// ```
    pub fn main_module(&self) -> Option<&Wasm> {
        if self.wasm.len() == 1 {
            return self.wasm.first();
        }
        self.wasm
            .iter()
            .find(|w| w.name.as_deref().is_none_or(|n| n == MAIN_MODULE))
            .or_else(|| self.wasm.last())
    }
}

impl<'de> Deserialize<'de> for Manifest {
    /// Reads the manifest from any self-describing serde format with the
    /// same reader and rules as [`crate::parse`]: what `parse` reports as an
    /// error is refused here too (the `ptr`/`len` form of `data` included).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match crate::pipeline::deserialize(deserializer, crate::Format::Extism)? {
            crate::Manifest::Extism(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => Err(serde::de::Error::custom("not an Extism manifest")),
        }
    }
}

impl FromStr for Manifest {
    type Err = crate::ParseError;

    /// Reads and validates an Extism manifest (JSON, or TOML when the text
    /// does not start with `{`); fails when any error is found (warnings
    /// are not reported here; use [`crate::parse`] for them).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match crate::parse(text, crate::Format::Extism).into_result()? {
            crate::Manifest::Extism(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => unreachable!("an Extism manifest parses to an Extism manifest"),
        }
    }
}

/// One entry of `wasm`: where the module comes from, its name and its
/// expected digest.
///
/// It is written as one flat object: the key of the source (`path`, `data`
/// or `url`, with `headers` and `method` for `url`) next to `name` and
/// `hash`.
///
/// ```
/// use wasm_manifests::extism::{Manifest, WasmSource};
///
/// let manifest: Manifest = r#"{ "wasm": [{ "data": "AGFzbQEAAAA=", "name": "main" }] }"#.parse()?;
/// let wasm = &manifest.wasm[0];
/// assert_eq!(wasm.source, WasmSource::Data(b"\0asm\x01\0\0\0".to_vec()));
/// assert_eq!(serde_json::to_string(wasm).unwrap(), r#"{"data":"AGFzbQEAAAA=","name":"main"}"#);
/// # Ok::<(), wasm_manifests::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wasm {
    /// Where the module's bytes come from.
    pub source: WasmSource,
    /// The module's name; other modules import from it by this name. The
    /// runtime calls an unnamed module `main`.
    pub name: Option<String>,
    /// The SHA-256 digest of the module's bytes, as 64 lower-case hex
    /// digits; the runtime refuses a module whose digest differs.
    pub hash: Option<String>,
}

impl Wasm {
    /// A module read from a file (relative to the host's working directory).
    pub fn path(path: impl Into<PathBuf>) -> Self {
        Self::from_source(WasmSource::Path(path.into()))
    }

    /// A module embedded in the manifest (written as base64).
    pub fn data(bytes: impl Into<Vec<u8>>) -> Self {
        Self::from_source(WasmSource::Data(bytes.into()))
    }

    /// A module downloaded with a `GET` request.
    pub fn url(url: impl Into<String>) -> Self {
        Self::from_source(WasmSource::Url(HttpRequest::new(url)))
    }

    /// A module downloaded with this request.
    pub fn http(request: HttpRequest) -> Self {
        Self::from_source(WasmSource::Url(request))
    }

    fn from_source(source: WasmSource) -> Self {
        Self {
            source,
            name: None,
            hash: None,
        }
    }

    /// Sets the module's name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the expected SHA-256 digest (lower-case hex).
    #[must_use]
    pub fn with_hash(mut self, hash: impl Into<String>) -> Self {
        self.hash = Some(hash.into());
        self
    }
}

/// Where a module's bytes come from.
#[derive(Clone, PartialEq, Eq)]
pub enum WasmSource {
    /// `path`: a file, relative to the host process's working directory.
    Path(PathBuf),
    /// `data`: the module itself, written in the manifest as standard,
    /// padded base64.
    Data(Vec<u8>),
    /// `url` (with `headers` and `method`): downloaded when the plug-in is
    /// created.
    Url(HttpRequest),
}

impl fmt::Debug for WasmSource {
    /// Embedded modules are shown by size, not byte by byte.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WasmSource::Path(path) => f.debug_tuple("Path").field(path).finish(),
            WasmSource::Data(bytes) => write!(f, "Data({} bytes)", bytes.len()),
            WasmSource::Url(request) => f.debug_tuple("Url").field(request).finish(),
        }
    }
}

/// The request that downloads a module.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpRequest {
    /// An `http` or `https` URL.
    pub url: String,
    /// Request headers, such as credentials.
    pub headers: IndexMap<String, String>,
    /// The HTTP method; `GET` when absent. The runtime upper-cases it.
    pub method: Option<String>,
}

impl HttpRequest {
    /// A `GET` request without headers.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            headers: IndexMap::new(),
            method: None,
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// Sets the method.
    #[must_use]
    pub fn with_method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }
}

impl Serialize for Wasm {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match &self.source {
            WasmSource::Path(path) => map.serialize_entry("path", path)?,
            WasmSource::Data(bytes) => map.serialize_entry(
                "data",
                &base64::engine::general_purpose::STANDARD.encode(bytes),
            )?,
            WasmSource::Url(request) => {
                map.serialize_entry("url", &request.url)?;
                if !request.headers.is_empty() {
                    map.serialize_entry("headers", &request.headers)?;
                }
                if let Some(method) = &request.method {
                    map.serialize_entry("method", method)?;
                }
            }
        }
        if let Some(name) = &self.name {
            map.serialize_entry("name", name)?;
        }
        if let Some(hash) = &self.hash {
            map.serialize_entry("hash", hash)?;
        }
        map.end()
    }
}

/// `memory`: limits on what the plug-in may use. Every key is optional.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Memory {
    /// The most 64 KiB pages the plug-in's memory may grow to (at most
    /// [`MAX_PAGES`]); no limit when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(range(max = 65536)))]
    #[cfg_attr(
        feature = "json-schema",
        schemars(
            description = "The most 64 KiB pages the plug-in's memory may grow to, at most 65536 (4 GiB); no limit when absent."
        )
    )]
    pub max_pages: Option<u32>,
    /// The largest HTTP response body the plug-in may receive, in bytes; no
    /// limit when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_http_response_bytes: Option<u64>,
    /// The most bytes the plug-in's variables may hold;
    /// [`DEFAULT_MAX_VAR_BYTES`] when absent, and `0` disables variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(
            description = "The most bytes the plug-in's variables may hold; 1 MiB when absent, and `0` disables variables."
        )
    )]
    pub max_var_bytes: Option<u64>,
}

impl Memory {
    /// Whether no limit is written.
    pub fn is_unset(&self) -> bool {
        *self == Memory::default()
    }

    /// The variable limit the runtime applies: `max_var_bytes`, or
    /// [`DEFAULT_MAX_VAR_BYTES`].
    pub fn effective_max_var_bytes(&self) -> u64 {
        self.max_var_bytes.unwrap_or(DEFAULT_MAX_VAR_BYTES)
    }
}

/// `allowed_hosts`, keeping apart the three ways of writing "no host".
///
/// The runtime denies every HTTP request unless the request's host name
/// matches one of the patterns, so [`AllowedHosts::Unset`],
/// [`AllowedHosts::Null`] and an empty list all deny everything (older
/// documentation claims `null` allows every host; it does not).
///
/// ```
/// use wasm_manifests::extism::{AllowedHosts, Manifest};
///
/// let manifest: Manifest = r#"{ "wasm": [{ "path": "a.wasm" }], "allowed_hosts": [] }"#.parse()?;
/// assert_eq!(manifest.allowed_hosts, AllowedHosts::List(vec![]));
/// assert!(manifest.allowed_hosts.patterns().is_empty());
/// # Ok::<(), wasm_manifests::ParseError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum AllowedHosts {
    /// Not written.
    #[default]
    Unset,
    /// Written as `null` (JSON only).
    Null,
    /// Glob patterns (`*.example.com`) matched against the host name of
    /// each request.
    List(Vec<String>),
}

impl AllowedHosts {
    /// Whether the key is absent.
    pub fn is_unset(&self) -> bool {
        *self == AllowedHosts::Unset
    }

    /// The patterns; empty unless a list was written.
    pub fn patterns(&self) -> &[String] {
        match self {
            AllowedHosts::List(patterns) => patterns,
            AllowedHosts::Unset | AllowedHosts::Null => &[],
        }
    }
}

impl Serialize for AllowedHosts {
    /// `null` for [`AllowedHosts::Null`] (and [`AllowedHosts::Unset`],
    /// which a manifest skips), the list otherwise.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AllowedHosts::List(patterns) => patterns.serialize(serializer),
            AllowedHosts::Unset | AllowedHosts::Null => serializer.serialize_none(),
        }
    }
}

/// One entry of `allowed_paths`: a host directory mounted into the guest.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AllowedPath {
    /// The directory on the host, without the `ro:` prefix. The runtime
    /// opens it relative to the host process's working directory.
    pub host: PathBuf,
    /// Where the plug-in sees it.
    pub guest: PathBuf,
    /// Whether the host path was written with `ro:`: the plug-in may read
    /// but not change it.
    pub read_only: bool,
}

impl AllowedPath {
    /// A read-write mount of `host` at `guest`.
    pub fn new(host: impl Into<PathBuf>, guest: impl Into<PathBuf>) -> Self {
        Self {
            host: host.into(),
            guest: guest.into(),
            read_only: false,
        }
    }

    /// The same mount, read-only.
    #[must_use]
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// The key written in the manifest: the host path, with `ro:` for a
    /// read-only mount.
    ///
    /// ```
    /// use wasm_manifests::extism::AllowedPath;
    ///
    /// assert_eq!(AllowedPath::new("data", "/data").read_only().key(), "ro:data");
    /// ```
    pub fn key(&self) -> String {
        let host = self.host.to_string_lossy();
        if self.read_only {
            format!("ro:{host}")
        } else {
            host.into_owned()
        }
    }

    /// Reads one `"host": "guest"` entry, understanding `ro:`.
    pub(crate) fn from_entry(key: &str, guest: impl Into<PathBuf>) -> Self {
        match key.strip_prefix("ro:") {
            Some(host) => Self::new(host, guest).read_only(),
            None => Self::new(key, guest),
        }
    }
}

/// `allowed_paths` is written as a map from the key of each mount to its
/// guest path.
fn serialize_allowed_paths<S: Serializer>(
    paths: &[AllowedPath],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(paths.len()))?;
    for path in paths {
        map.serialize_entry(&path.key(), &path.guest)?;
    }
    map.end()
}
