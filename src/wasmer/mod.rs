//! `wasmer.toml`: the Wasmer package manifest.
//!
//! The model mirrors what Wasmer's own parser accepts (see the field docs);
//! [`Manifest::from_str`] reads and validates a manifest and refuses it when
//! any error is found. For the full report (warnings included, every
//! problem with its position), use [`crate::parse`] with
//! [`crate::Format::Wasmer`].
//!
//! ```
//! use wasm_manifests::wasmer::{Command, Manifest, ModuleReference};
//!
//! let manifest: Manifest = r#"
//! [package]
//! name = "me/hello"
//! version = "0.1.0"
//! description = "Says hello"
//!
//! [[module]]
//! name = "hello"
//! source = "hello.wasm"
//! abi = "wasi"
//!
//! [[command]]
//! name = "hello"
//! module = "hello"
//! runner = "wasi"
//! "#.parse()?;
//!
//! assert_eq!(manifest.modules[0].name, "hello");
//! let Command::V2(command) = &manifest.commands[0] else { unreachable!() };
//! assert_eq!(command.module, ModuleReference::Local("hello".into()));
//! # Ok::<(), wasm_manifests::ParseError>(())
//! ```

mod package;
mod read;
pub(crate) mod rules;
#[cfg(feature = "json-schema")]
mod schema;
mod verify;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use indexmap::IndexMap;
use semver::{Version, VersionReq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The format's entry in the list of formats.
pub(crate) static FORMAT: crate::formats::Descriptor = crate::formats::Descriptor {
    format: crate::Format::Wasmer,
    rules: rules::RULES,
    read: |root, cx| {
        let manifest = read::read(root, cx);
        rules::run(root, cx);
        Some(crate::Manifest::Wasmer(manifest))
    },
    empty_help: "a wasmer.toml needs at least a `[package]`, a `[[module]]` or a `[[command]]`",
    package: |manifest| match manifest {
        crate::Manifest::Wasmer(m) => package::package(m),
        _ => crate::package::Package::empty(crate::Format::Wasmer),
    },
    verify: verify::verify,
};

/// A whole `wasmer.toml`. Every table is optional.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Manifest {
    /// `[package]`: identity and publishing metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Package>,
    /// `[dependencies]`: `"namespace/name" = "<semver requirement>"`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "schema::dependencies")
    )]
    pub dependencies: IndexMap<String, VersionReq>,
    /// `[fs]`: guest path → host path (relative to the manifest) to bundle
    /// and mount.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub fs: IndexMap<String, PathBuf>,
    /// `[[module]]` entries.
    #[serde(default, rename = "module", skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<Module>,
    /// `[[command]]` entries.
    #[serde(default, rename = "command", skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<Command>,
}

impl Manifest {
    /// The module named `name`, if declared.
    pub fn module(&self, name: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.name == name)
    }

    /// The command named `name`, if declared.
    pub fn command(&self, name: &str) -> Option<&Command> {
        self.commands.iter().find(|c| c.name() == name)
    }
}

impl<'de> Deserialize<'de> for Manifest {
    /// Reads the manifest from any self-describing serde format with the
    /// same reader and rules as [`crate::parse`]: what `parse` reports as an
    /// error is refused here too.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match crate::pipeline::deserialize(deserializer, crate::Format::Wasmer)? {
            crate::Manifest::Wasmer(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => Err(serde::de::Error::custom("not a wasmer.toml")),
        }
    }
}

impl FromStr for Manifest {
    type Err = crate::ParseError;

    /// Reads and validates a `wasmer.toml`; fails when any error is found
    /// (warnings are not reported here; use [`crate::parse`] for them).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match crate::parse(text, crate::Format::Wasmer).into_result()? {
            crate::Manifest::Wasmer(manifest) => Ok(manifest),
            #[allow(unreachable_patterns)]
            _ => unreachable!("a wasmer.toml parses to a wasmer manifest"),
        }
    }
}

/// `[package]`. All keys are optional for parsing; publishing needs
/// `name`, `version` and `description`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Package {
    /// `namespace/name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::WASMER_PACKAGE_NAME))
    )]
    pub name: Option<String>,
    /// A strict semver version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Version>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An SPDX license expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// A license file, overriding `license`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_file: Option<PathBuf>,
    /// The README file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readme: Option<PathBuf>,
    /// Source repository URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// Homepage URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// The command `wasmer run` starts by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<String>,
    /// Whether the package is private in the registry.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// Deprecated: extra flags for the runtime (use runner annotations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("deprecated" = true)))]
    pub wasmer_extra_flags: Option<String>,
    /// Deprecated, no effect.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "json-schema", schemars(extend("deprecated" = true)))]
    pub disable_command_rename: bool,
    /// Deprecated, no effect.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "json-schema", schemars(extend("deprecated" = true)))]
    pub rename_commands_to_raw_command_name: bool,
}

/// A `[[module]]`: a WebAssembly file (an "atom") in the package.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Module {
    /// The name commands use to refer to it.
    pub name: String,
    /// The `.wasm` file, relative to the manifest.
    pub source: PathBuf,
    /// The ABI the module expects.
    #[serde(default, skip_serializing_if = "Abi::is_none")]
    pub abi: Abi,
    /// `wasm` (default), `tensorflow-SavedModel`, or a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(pattern(crate::schema::patterns::WASMER_MODULE_KIND))
    )]
    #[cfg_attr(feature = "json-schema", schemars(extend("examples" = ["wasm", "tensorflow-SavedModel"])))]
    pub kind: Option<String>,
    /// Interfaces the module needs, such as `wasi = "0.1.0-unstable"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interfaces: Option<IndexMap<String, String>>,
    /// Interface definitions for generating bindings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bindings: Option<Bindings>,
    /// Deprecated optimisation hints, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(schema_with = "schema::module_annotations")
    )]
    pub annotations: Option<toml::Table>,
}

impl Module {
    /// A module with just a name and a source.
    pub fn new(name: impl Into<String>, source: impl Into<PathBuf>) -> Self {
        Self {
            name: name.into(),
            source: source.into(),
            abi: Abi::None,
            kind: None,
            interfaces: None,
            bindings: None,
            annotations: None,
        }
    }
}

/// A module's ABI.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Abi {
    /// No particular ABI (the default).
    #[default]
    None,
    /// WASI.
    Wasi,
    /// WASM-4 fantasy console.
    Wasm4,
}

impl Abi {
    /// Whether this is [`Abi::None`].
    pub fn is_none(&self) -> bool {
        *self == Abi::None
    }

    /// The name used in the manifest.
    pub fn as_str(&self) -> &'static str {
        match self {
            Abi::None => "none",
            Abi::Wasi => "wasi",
            Abi::Wasm4 => "wasm4",
        }
    }
}

/// `[module.bindings]`: WIT or WAI interface definitions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Bindings {
    /// `wit-bindgen` + `wit-exports`.
    Wit(WitBindings),
    /// `wai-version` + `exports` / `imports`.
    Wai(WaiBindings),
}

/// WIT bindings.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct WitBindings {
    /// The wit-bindgen version.
    pub wit_bindgen: Version,
    /// The `.wit` file the module exports.
    pub wit_exports: PathBuf,
}

/// WAI bindings.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct WaiBindings {
    /// The WAI version.
    pub wai_version: Version,
    /// The `.wai` file the module exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exports: Option<PathBuf>,
    /// `.wai` files the host provides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<PathBuf>,
}

/// A `[[command]]`, in one of its two forms.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // variants are read in place; boxing would burden users
pub enum Command {
    /// Deprecated form without `runner`: the runner comes from the module's
    /// ABI.
    V1(CommandV1),
    /// Current form, with an explicit `runner`.
    V2(CommandV2),
}

impl Command {
    /// The command's name.
    pub fn name(&self) -> &str {
        match self {
            Command::V1(c) => &c.name,
            Command::V2(c) => &c.name,
        }
    }

    /// The module the command runs.
    pub fn module(&self) -> &ModuleReference {
        match self {
            Command::V1(c) => &c.module,
            Command::V2(c) => &c.module,
        }
    }
}

/// A deprecated V1 command (no `runner`).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CommandV1 {
    /// The command's name.
    pub name: String,
    /// The module it runs.
    pub module: ModuleReference,
    /// Arguments passed on start, as one string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_args: Option<String>,
    /// The package the module comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
}

/// A V2 command.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CommandV2 {
    /// The command's name.
    pub name: String,
    /// The module it runs.
    pub module: ModuleReference,
    /// A well-known runner (`wasi`, `wcgi`, ...) or a runner URL.
    #[cfg_attr(feature = "json-schema", schemars(extend("examples" = ["wasi", "wcgi", "wasm4", "generic", "https://webc.org/runner/wasi"])))]
    pub runner: String,
    /// Settings passed to the runner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<CommandAnnotations>,
}

/// A command's annotations: inline, or read from a YAML/JSON file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // variants are read in place; boxing would burden users
pub enum CommandAnnotations {
    /// `annotations = { file = "x.yaml", kind = "yaml" }`.
    File(FileAnnotations),
    /// `[command.annotations.<runner>]` tables.
    Inline(Annotations),
}

/// Annotations kept in a file next to the manifest.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FileAnnotations {
    /// The file, relative to the manifest.
    pub file: PathBuf,
    /// Its format.
    pub kind: AnnotationsFileKind,
}

/// The format of an annotations file.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationsFileKind {
    /// YAML.
    Yaml,
    /// JSON.
    Json,
}

/// Inline annotations: the typed `wasi` and `wcgi` tables, and any other
/// runner's table verbatim.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Annotations {
    /// `[command.annotations.wasi]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wasi: Option<WasiAnnotations>,
    /// `[command.annotations.wcgi]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wcgi: Option<WcgiAnnotations>,
    /// Tables for other runners, kept verbatim.
    #[serde(flatten)]
    #[cfg_attr(
        feature = "json-schema",
        schemars(with = "serde_json::Map<String, serde_json::Value>")
    )]
    pub other: toml::Table,
}

/// Settings of the WASI runner (also read by the WCGI runner).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct WasiAnnotations {
    /// The module (atom) to run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atom: Option<String>,
    /// The package the atom comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// `KEY=VALUE` environment variables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(inner(pattern(crate::schema::patterns::WASI_ENV)))
    )]
    pub env: Option<Vec<String>>,
    /// Arguments passed on start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_args: Option<Vec<String>>,
    /// Where to mount the atom inside the guest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mount_atom_in_volume: Option<String>,
    /// The working directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cwd: Option<String>,
    /// `argv[0]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exec_name: Option<String>,
}

/// Settings of the WCGI runner.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WcgiAnnotations {
    /// `rfc-3875` (default) or `wcgi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("examples" = ["rfc-3875", "wcgi"])))]
    pub dialect: Option<String>,
}

/// What a command's `module` refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ModuleReference {
    /// A `[[module]]` of this manifest: `module = "name"`.
    Local(String),
    /// A module of a dependency: `module = "namespace/package:module"`.
    Dependency {
        /// The dependency's key in `[dependencies]`.
        dependency: String,
        /// The module inside it.
        module: String,
    },
}

/// A module reference with more than one `:`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a module reference: expected `module` or `namespace/package:module`")]
pub struct InvalidModuleReference(String);

impl FromStr for ModuleReference {
    type Err = InvalidModuleReference;

    /// ```
    /// use wasm_manifests::wasmer::ModuleReference;
    ///
    /// let dep: ModuleReference = "wasmer/python:python".parse().unwrap();
    /// assert_eq!(dep, ModuleReference::Dependency { dependency: "wasmer/python".into(), module: "python".into() });
    /// assert!("a:b:c".parse::<ModuleReference>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match ModuleReference::split(s) {
            None => Err(InvalidModuleReference(s.to_owned())),
            Some((None, module)) => Ok(ModuleReference::Local(module.to_owned())),
            Some((Some(dependency), module)) => Ok(ModuleReference::Dependency {
                dependency: dependency.to_owned(),
                module: module.to_owned(),
            }),
        }
    }
}

impl ModuleReference {
    /// `(dependency, module)` of a reference, borrowed; `None` for more
    /// than one `:`.
    pub(crate) fn split(s: &str) -> Option<(Option<&str>, &str)> {
        match s.split_once(':') {
            None => Some((None, s)),
            Some((_, module)) if module.contains(':') => None,
            Some((dependency, module)) => Some((Some(dependency), module)),
        }
    }
}

impl fmt::Display for ModuleReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModuleReference::Local(module) => f.write_str(module),
            ModuleReference::Dependency { dependency, module } => {
                write!(f, "{dependency}:{module}")
            }
        }
    }
}

impl Serialize for ModuleReference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
