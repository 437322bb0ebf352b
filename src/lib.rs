//! Parse and validate the manifests of WebAssembly packages, in four formats
//! behind one API: Wasmer's `wasmer.toml`, Spin's `spin.toml` (versions 1 and 2),
//! the Extism manifest (JSON, or the same keys in TOML), and the Flow-Like
//! WASM package manifest.
//!
//! Every problem in a manifest is reported in one run, each as a
//! [`Diagnostic`] with a stable code, a severity, the field path
//! (`command[1].module`), the exact position, and a help that says how to
//! fix it. Reports render like rustc or serialize to JSON.
//!
//! ```
//! use wasm_manifests::{Format, Manifest};
//!
//! let text = r#"
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
//! module = "helo"
//! "#;
//! let parsed = wasm_manifests::parse(text, Format::Wasmer);
//! assert!(parsed.report().has_errors());
//! let diagnostic = &parsed.report().diagnostics()[0];
//! assert_eq!(diagnostic.code, "wasmer/unknown-module");
//! assert_eq!(diagnostic.path.to_string(), "command[0].module");
//! assert_eq!(diagnostic.help.as_deref(), Some("did you mean `hello`?"));
//! println!("{}", parsed.report()); // rustc-style rendering
//! ```
//!
//! Reading a file detects its format from the name, then from the content:
//!
//! ```no_run
//! let parsed = wasm_manifests::parse_file("wasmer.toml")?;
//! if let Some(wasm_manifests::Manifest::Wasmer(manifest)) = parsed.manifest() {
//!     println!("{} modules", manifest.modules.len());
//! }
//! # Ok::<(), wasm_manifests::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// A build that leaves formats out (cargo features) also leaves some of the
// shared helpers without a caller, and makes the formats' matches on
// `Manifest` exhaustive with one arm.
#![cfg_attr(
    not(all(
        feature = "wasmer",
        feature = "spin",
        feature = "extism",
        feature = "flow-like"
    )),
    allow(
        dead_code,
        unused_imports,
        unused_macros,
        unreachable_patterns,
        irrefutable_let_patterns
    )
)]

pub mod codes;
pub mod config;
mod diagnostic;
mod discover;
#[cfg(feature = "extism")]
pub mod extism;
pub mod fix;
#[cfg(feature = "flow-like")]
pub mod flowlike;
mod format;
mod formats;
mod outline;
pub mod package;
mod path;
mod pipeline;
mod read;
mod rules;
#[cfg(feature = "json-schema")]
pub mod schema;
mod settings;
mod source;
#[cfg(feature = "spin")]
pub mod spin;
mod verify;
#[cfg(feature = "wasmer")]
pub mod wasmer;

use std::io::Read;
use std::path::{Path, PathBuf};

// The crates whose types appear in the public API (the models' maps,
// versions, URLs and free-form tables, the JSON of reports and schemas),
// re-exported so users name the very versions this crate was built with.
pub use indexmap;
pub use semver;
pub use serde_json;
pub use toml;
pub use url;

pub use diagnostic::{Diagnostic, Label, Report, Severity, Span};
pub use discover::{Candidate, classify};
pub use format::{DetectError, Format, UnknownFormatName};
pub use outline::{KeyAt, Outline};
pub use path::{FieldPath, FieldPathError, Segment};
pub use settings::{Level, Selector, SelectorError};

use pipeline::{read_manifest, syntax_of};
use read::Cx;

/// The default size limit: 10 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 10 * 1024 * 1024;

/// A manifest of any format, as read from its text. Serializes as the
/// manifest itself, in its format's own shape.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // variants are read in place; boxing would burden users
pub enum Manifest {
    /// A `wasmer.toml`.
    #[cfg(feature = "wasmer")]
    Wasmer(wasmer::Manifest),
    /// A Spin `spin.toml` of manifest version 1.
    #[cfg(feature = "spin")]
    Spin(spin::Manifest),
    /// A Spin `spin.toml` of manifest version 2 (the same format,
    /// [`Format::Spin`]).
    #[cfg(feature = "spin")]
    SpinV2(spin::v2::Manifest),
    /// An Extism manifest.
    #[cfg(feature = "extism")]
    Extism(extism::Manifest),
    /// A Flow-Like WASM package manifest.
    #[cfg(feature = "flow-like")]
    FlowLike(flowlike::Manifest),
}

impl Manifest {
    /// The manifest's format.
    pub fn format(&self) -> Format {
        match *self {
            #[cfg(feature = "wasmer")]
            Manifest::Wasmer(_) => Format::Wasmer,
            #[cfg(feature = "spin")]
            Manifest::Spin(_) | Manifest::SpinV2(_) => Format::Spin,
            #[cfg(feature = "extism")]
            Manifest::Extism(_) => Format::Extism,
            #[cfg(feature = "flow-like")]
            Manifest::FlowLike(_) => Format::FlowLike,
        }
    }
}

/// The result of reading one manifest: the typed manifest, when it could be
/// built, and the report of every problem found.
///
/// The manifest is present whenever the document had the right shape
/// (syntax, types and required keys); it may still come with errors such
/// as a duplicate name or a reference to a missing module, which the report
/// lists. [`Parsed::into_result`] gives it only when there are no errors.
#[derive(Clone, Debug)]
pub struct Parsed {
    format: Format,
    manifest: Option<Manifest>,
    report: Report,
    /// The text, kept for [`Parsed::package`] (positions of capabilities).
    text: std::sync::Arc<str>,
    /// The severity settings it was read with, for [`Parsed::verify`].
    settings: settings::Settings,
    /// The manifest's inline suppressions, for [`Parsed::verify`].
    suppressions: settings::Suppressions,
}

impl Parsed {
    /// The format the text was read as.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The typed manifest, if the document could be read into it.
    pub fn manifest(&self) -> Option<&Manifest> {
        self.manifest.as_ref()
    }

    /// Takes the typed manifest, if the document could be read into it.
    pub fn into_manifest(self) -> Option<Manifest> {
        self.manifest
    }

    /// Every diagnostic found.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The format-independent view of the package: identity, modules,
    /// entry points and capabilities, each capability with the position of
    /// the field that grants it. `None` when no manifest could be built.
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// let parsed = wasm_manifests::parse("[fs]\n\"/data\" = \"data\"\n", Format::Wasmer);
    /// let package = parsed.package().unwrap();
    /// let mount = &package.capabilities.files[0];
    /// assert_eq!((mount.host.as_str(), mount.guest.as_str()), ("data", "/data"));
    /// assert_eq!(mount.origin.span.unwrap().line, 2);
    /// ```
    pub fn package(&self) -> Option<package::Package> {
        let mut package = package::Package::from_manifest(self.manifest.as_ref()?);
        package.locate(&self.text, syntax_of(self.format, &self.text));
        Some(package)
    }

    /// Checks the manifest against the files in `dir` (normally the
    /// manifest's own directory) and adds what it finds to the report:
    /// referenced files exist and have the right kind, modules are
    /// WebAssembly and match their SHA-256 digests (read in chunks, never
    /// whole), Spin `files` globs match something once `exclude_files` is
    /// applied, and nothing resolves outside `dir`, also through symbolic
    /// links. Remote sources are not downloaded. Does nothing when no
    /// manifest could be built.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("wasm-manifests-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("wasmer.toml"), "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n")?;
    /// let mut parsed = wasm_manifests::parse_file(dir.join("wasmer.toml"))?;
    /// parsed.verify(&dir);
    /// assert_eq!(parsed.report().diagnostics()[0].code, "verify/missing-file");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&mut self, dir: impl AsRef<Path>) {
        let Some(manifest) = &self.manifest else {
            return;
        };
        let syntax = syntax_of(self.format, &self.text);
        let mut cx = Cx::new(syntax);
        verify::verify(manifest, dir.as_ref(), &mut cx);
        let root = source::spanned_tree(&self.text, syntax);
        let mut diagnostics = cx.finish(&self.text, root.as_ref());
        self.suppressions.apply(&mut diagnostics);
        let mut unused = Cx::new(syntax);
        self.suppressions.report_unused(&mut unused, true);
        diagnostics.extend(unused.finish(&self.text, None));
        self.settings.apply(&mut diagnostics);
        if diagnostics.is_empty() {
            return;
        }
        self.report.extend(diagnostics);
    }

    /// The text the manifest was read from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Takes the report.
    pub fn into_report(self) -> Report {
        self.report
    }

    /// Splits into the manifest and the report.
    pub fn into_parts(self) -> (Option<Manifest>, Report) {
        (self.manifest, self.report)
    }

    /// The manifest when there are no errors (warnings are allowed), the
    /// report otherwise.
    pub fn into_result(self) -> Result<Manifest, ParseError> {
        match self.manifest {
            Some(manifest) if !self.report.has_errors() => Ok(manifest),
            _ => Err(ParseError {
                report: self.report,
            }),
        }
    }
}

/// A manifest with errors; displays as the rendered report.
#[derive(Clone, Debug)]
pub struct ParseError {
    report: Report,
}

impl ParseError {
    /// Every diagnostic found (warnings included).
    pub fn report(&self) -> &Report {
        &self.report
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self.report.error_count();
        writeln!(
            f,
            "{} has {errors} error{}:",
            self.report.origin(),
            if errors == 1 { "" } else { "s" }
        )?;
        f.write_str(self.report.render().trim_end())
    }
}

impl std::error::Error for ParseError {}

/// Why a file could not be checked at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not a manifest: neither its name nor its content says
    /// which format it is (see [`classify`]).
    #[error(transparent)]
    UnknownFormat(#[from] DetectError),
}

/// Settings for reading manifests.
///
/// ```
/// use wasm_manifests::{Format, Options};
///
/// let options = Options::new().strict(true);
/// let parsed = options.parse("[package]\nname = \"hello\"\nversion = \"1.0.0\"\ndescription = \"x\"\n", Format::Wasmer);
/// // Without a namespace the name is only a warning, but strict mode makes it an error.
/// assert!(parsed.report().has_errors());
/// ```
#[derive(Clone, Debug)]
pub struct Options {
    max_size: u64,
    settings: settings::Settings,
    origin: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
            settings: settings::Settings::default(),
            origin: None,
        }
    }
}

impl Options {
    /// The defaults: a 10 MiB size limit, warnings stay warnings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Refuses input larger than `bytes` with a `file-too-large` error.
    #[must_use]
    pub fn max_size(mut self, bytes: u64) -> Self {
        self.max_size = bytes;
        self
    }

    /// Turns every warning into an error, once the [`Options::allow`],
    /// [`Options::warn`] and [`Options::deny`] settings are applied.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.settings.strict = strict;
        self
    }

    /// Does not report the codes `selector` names. Settings apply in the
    /// order they are given: a later one wins for the codes both name.
    /// Codes of unreadable input (syntax, encoding, size) are always
    /// reported as errors.
    #[must_use]
    pub fn allow(self, selector: impl Into<Selector>) -> Self {
        self.setting(Level::Allow, selector.into())
    }

    /// Reports the codes `selector` names as warnings.
    #[must_use]
    pub fn warn(self, selector: impl Into<Selector>) -> Self {
        self.setting(Level::Warn, selector.into())
    }

    /// Reports the codes `selector` names as errors.
    #[must_use]
    pub fn deny(self, selector: impl Into<Selector>) -> Self {
        self.setting(Level::Deny, selector.into())
    }

    /// Adds one setting: `level` for the codes `selector` names.
    #[must_use]
    pub fn setting(mut self, level: Level, selector: Selector) -> Self {
        self.settings.rules.push((level, selector));
        self
    }

    /// Names the input of [`Options::parse`] and [`Options::parse_bytes`]
    /// in reports (rendered `--> name:line:column`, and [`Report::origin`]);
    /// without it the name is `<input>`. Files read with
    /// [`Options::parse_file`] are always named by their path.
    ///
    /// ```
    /// use wasm_manifests::{Format, Options};
    ///
    /// let parsed = Options::new()
    ///     .origin("uploads/42/wasmer.toml")
    ///     .parse("[[module]]\nname = 1\n", Format::Wasmer);
    /// assert_eq!(parsed.report().origin(), "uploads/42/wasmer.toml");
    /// assert!(parsed.report().render().contains("--> uploads/42/wasmer.toml:2:8"));
    /// ```
    #[must_use]
    pub fn origin(mut self, name: impl Into<String>) -> Self {
        self.origin = Some(name.into());
        self
    }

    fn input_name(&self) -> String {
        self.origin.clone().unwrap_or_else(|| "<input>".to_owned())
    }

    /// Reads `text` as a manifest of `format`.
    pub fn parse(&self, text: &str, format: Format) -> Parsed {
        self.run(text.as_bytes(), Some(text), format, self.input_name())
    }

    /// Reads raw bytes as a manifest of `format`; invalid UTF-8 and binary
    /// data are reported as diagnostics.
    pub fn parse_bytes(&self, bytes: &[u8], format: Format) -> Parsed {
        self.run(bytes, None, format, self.input_name())
    }

    /// Reads a file, detecting its format from its name, then its content,
    /// as [`classify`] does; a file that is not a manifest is an
    /// [`Error::UnknownFormat`].
    pub fn parse_file(&self, path: impl AsRef<Path>) -> Result<Parsed, Error> {
        let path = path.as_ref();
        let bytes = self.read_limited(path)?;
        let format = classify(path, &bytes).into_format(path)?;
        Ok(self.run(&bytes, None, format, path.display().to_string()))
    }

    /// Reads a file as a manifest of `format`, whatever its name.
    pub fn parse_file_as(&self, path: impl AsRef<Path>, format: Format) -> Result<Parsed, Error> {
        let path = path.as_ref();
        let bytes = self.read_limited(path)?;
        Ok(self.run(&bytes, None, format, path.display().to_string()))
    }

    /// Applies the fixes of `text`'s diagnostics up to `applicability`,
    /// reading the result again and fixing what is left until nothing
    /// changes (at most [`fix::MAX_ROUNDS`] rounds): the fixed text, with
    /// every fix made and the report of the final text. Diagnostics these
    /// options leave out (`allow`) are not fixed.
    ///
    /// ```
    /// use wasm_manifests::{Format, Options, fix::Applicability};
    ///
    /// let text = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[module]\nname = \"m\"\nsource = \"m.wasm\"\nabii = \"wasi\"\n";
    /// let (fixed, parsed) = Options::new().fix(text, Format::Wasmer, Applicability::Safe);
    /// assert_eq!(fixed.fixes.len(), 2); // `[[module]]`, then `abi`
    /// assert!(fixed.text.contains("[[module]]\n") && fixed.text.contains("\nabi = \"wasi\""));
    /// assert!(parsed.report().is_empty());
    /// ```
    pub fn fix(
        &self,
        text: &str,
        format: Format,
        applicability: fix::Applicability,
    ) -> (fix::Fixes, Parsed) {
        let mut current = text.to_owned();
        let mut fixes = Vec::new();
        let mut parsed = self.parse(&current, format);
        for _ in 0..fix::MAX_ROUNDS {
            let diagnostics = parsed.report().diagnostics();
            let round = fix::apply(&current, diagnostics, applicability);
            if round.applied.is_empty() {
                break;
            }
            fixes.extend(
                round
                    .applied
                    .iter()
                    .filter_map(|&i| diagnostics[i].fix.clone()),
            );
            current = round.text;
            parsed = self.parse(&current, format);
        }
        (
            fix::Fixes {
                text: current,
                fixes,
            },
            parsed,
        )
    }

    /// Reads at most one byte more than the limit, so a huge file is never
    /// loaded whole.
    fn read_limited(&self, path: &Path) -> Result<Vec<u8>, Error> {
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::new();
        file.take(self.max_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        Ok(bytes)
    }

    fn run(&self, bytes: &[u8], text: Option<&str>, format: Format, origin: String) -> Parsed {
        read_manifest(bytes, text, format, origin, self.max_size, &self.settings)
    }
}

/// Reads `text` as a manifest of `format` with the default [`Options`].
pub fn parse(text: &str, format: Format) -> Parsed {
    Options::default().parse(text, format)
}

/// Reads raw bytes as a manifest of `format` with the default [`Options`].
pub fn parse_bytes(bytes: &[u8], format: Format) -> Parsed {
    Options::default().parse_bytes(bytes, format)
}

/// Reads a file with the default [`Options`], detecting its format from its
/// name, then its content.
pub fn parse_file(path: impl AsRef<Path>) -> Result<Parsed, Error> {
    Options::default().parse_file(path)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
