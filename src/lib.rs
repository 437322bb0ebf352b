//! Parse and validate the manifests of WebAssembly packages, in four formats
//! behind one API: Wasmer's `wasmer.toml`, Spin's `spin.toml` (version 1),
//! the Extism manifest (JSON), and the Flow-Like WASM package manifest.
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

pub mod codes;
mod diagnostic;
mod discover;
pub mod extism;
pub mod flowlike;
mod format;
pub mod package;
mod path;
mod read;
mod rules;
mod source;
pub mod spin;
mod verify;
pub mod wasmer;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Label, Report, Severity, Span};
pub use discover::{Candidate, classify};
pub use format::{DetectError, Format, UnknownFormatName};
pub use path::{FieldPath, Segment};

use read::Cx;
use source::{Node, Syntax};

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
    Wasmer(wasmer::Manifest),
    /// A Spin `spin.toml` (version 1).
    Spin(spin::Manifest),
    /// An Extism manifest.
    Extism(extism::Manifest),
    /// A Flow-Like WASM package manifest.
    FlowLike(flowlike::Manifest),
}

impl Manifest {
    /// The manifest's format.
    pub fn format(&self) -> Format {
        match self {
            Manifest::Wasmer(_) => Format::Wasmer,
            Manifest::Spin(_) => Format::Spin,
            Manifest::Extism(_) => Format::Extism,
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
        if !cx.has_pending() {
            return;
        }
        let root = source::spanned_tree(&self.text, syntax);
        let diagnostics = cx.finish(&self.text, root.as_ref());
        self.report.extend(&self.text, diagnostics);
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
    strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
            strict: false,
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

    /// Turns every warning into an error.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Reads `text` as a manifest of `format`.
    pub fn parse(&self, text: &str, format: Format) -> Parsed {
        self.run(text.as_bytes(), Some(text), format, "<input>".to_owned())
    }

    /// Reads raw bytes as a manifest of `format`; invalid UTF-8 and binary
    /// data are reported as diagnostics.
    pub fn parse_bytes(&self, bytes: &[u8], format: Format) -> Parsed {
        self.run(bytes, None, format, "<input>".to_owned())
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
        let mut parsed = read_manifest(bytes, text, format, origin, self.max_size);
        if self.strict {
            parsed.report.deny_warnings();
        }
        parsed
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

/// The syntax a format's document is written in. Extism manifests are JSON,
/// or TOML when the document does not start with `{`.
fn syntax_of(format: Format, text: &str) -> Syntax {
    match format {
        Format::Extism
            if text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            Syntax::Json
        }
        Format::Extism => Syntax::Toml,
        Format::Wasmer | Format::Spin | Format::FlowLike => Syntax::Toml,
    }
}

/// Reads a manifest from its bytes; `known_text` is the same bytes when the
/// caller already has them as text (no UTF-8 check needed).
fn read_manifest(
    bytes: &[u8],
    known_text: Option<&str>,
    format: Format,
    origin: String,
    max_size: u64,
) -> Parsed {
    // Unreadable input is reported without a snippet; `positions` is the
    // text (possibly lossy) that line and column numbers are counted in.
    let unreadable = |cx: Cx, positions: &str| Parsed {
        format,
        manifest: None,
        report: Report::new(origin.clone(), "", cx.finish(positions, None)),
        text: std::sync::Arc::from(""),
    };
    let mut cx = Cx::new(Syntax::Toml);
    if bytes.len() as u64 > max_size {
        cx.at_range(
            Severity::Error,
            codes::FILE_TOO_LARGE,
            0..0,
            format!("the file is larger than the {max_size}-byte limit"),
        )
        .help("check that this is a manifest; raise the limit if it really is");
        return unreadable(cx, "");
    }
    let checked = match known_text {
        Some(text) => Ok(text),
        None => std::str::from_utf8(bytes),
    };
    let text = match checked {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes);
            let prefix = &lossy[..at];
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let code = if bytes.contains(&0) {
                codes::BINARY_FILE
            } else {
                codes::INVALID_UTF8
            };
            let message = if code == codes::BINARY_FILE {
                "the file is binary data, not a text manifest".to_owned()
            } else {
                format!("the file is not valid UTF-8 (line {line}, column {column}, byte {at})")
            };
            cx.at_range(Severity::Error, code, at..at, message)
                .help("manifests are UTF-8 text: re-save the file as UTF-8");
            return unreadable(cx, &lossy);
        }
    };
    // `contains` is a fast memchr; the position is only needed for the message.
    if text.as_bytes().contains(&0)
        && let Some(at) = text.bytes().position(|b| b == 0)
    {
        cx.at_range(
            Severity::Error,
            codes::BINARY_FILE,
            at..at,
            format!("the file contains a NUL byte (byte {at}), so it is binary data, not a text manifest"),
        )
        .help("point the tool at the manifest, not at a module or archive");
        return unreadable(cx, text);
    }

    let syntax = syntax_of(format, text);
    cx.syntax = syntax;
    let body = text.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        cx.at_range(
            Severity::Error,
            codes::EMPTY_FILE,
            0..0,
            "the file is empty",
        )
        .help(empty_help(format));
        return Parsed {
            format,
            manifest: None,
            report: Report::new(origin, text, cx.finish(text, None)),
            text: std::sync::Arc::from(text),
        };
    }

    let root = match syntax {
        Syntax::Toml => {
            let (root, errors) = source::parse_toml(text);
            for error in &errors {
                report_syntax_error(&mut cx, syntax, error);
                if let Some(help) = toml_syntax_help(text, error) {
                    cx.last_help(help);
                }
            }
            if errors.is_empty() && root.as_table().is_some_and(<[_]>::is_empty) {
                cx.at_range(
                    Severity::Error,
                    codes::EMPTY_FILE,
                    0..0,
                    "the file has only comments",
                )
                .help(empty_help(format));
            }
            Some(root)
        }
        Syntax::Json => match source::parse_json(text) {
            Ok(root) => Some(root),
            Err(mut error) => {
                if text.starts_with('\u{feff}') {
                    // serde_json stops at the mark itself: that is the whole story.
                    cx.at_range(Severity::Error, codes::SYNTAX_ERROR, 0..3, "the file starts with a byte order mark")
                        .help("JSON documents must not start with a byte order mark: save the file as UTF-8 without BOM");
                } else {
                    refine_json_error(text, &mut error);
                    report_syntax_error(&mut cx, syntax, &error);
                }
                None
            }
        },
    };

    let manifest = match &root {
        Some(root) if !cx.has_errors() || syntax == Syntax::Toml => {
            read_format(root, format, &mut cx)
        }
        _ => None,
    };
    let manifest = if cx.incomplete || cx.has_errors_of(codes::SYNTAX_ERROR) {
        None
    } else {
        manifest
    };

    let mut root = root;
    if syntax == Syntax::Json
        && cx.has_pending()
        && let Some(root) = &mut root
    {
        source::fill_json_spans(text, root);
    }
    let mut diagnostics = cx.finish(text, root.as_ref());
    drop_cascading(&mut diagnostics);
    Parsed {
        format,
        manifest,
        report: Report::new(origin, text, diagnostics),
        text: std::sync::Arc::from(text),
    }
}

/// After a syntax error the parser recovers with a guess (an unquoted word
/// becomes a boolean, `1.0.0` a float); problems reported on such guessed
/// values only repeat the syntax error, so they are dropped.
fn drop_cascading(diagnostics: &mut Vec<Diagnostic>) {
    let syntax: Vec<std::ops::Range<usize>> = diagnostics
        .iter()
        .filter(|d| d.code == codes::SYNTAX_ERROR || d.code == codes::TOO_DEEPLY_NESTED)
        .map(|d| d.span.range())
        .collect();
    if syntax.is_empty() {
        return;
    }
    let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        a.start <= b.end
            && b.start <= a.end
            && !(a.is_empty() && b.is_empty() && a.start != b.start)
    };
    diagnostics.retain(|d| {
        d.code == codes::SYNTAX_ERROR
            || d.code == codes::TOO_DEEPLY_NESTED
            || d.span.start == d.span.end && d.span.start == 0
            || !syntax.iter().any(|s| overlaps(s, &d.span.range()))
    });
}

fn empty_help(format: Format) -> &'static str {
    match format {
        Format::Wasmer => {
            "a wasmer.toml needs at least a `[package]`, a `[[module]]` or a `[[command]]`"
        }
        Format::Spin => "a spin.toml starts with `spin_manifest_version = \"1\"`",
        Format::Extism => "an Extism manifest needs at least `wasm`: a list of modules",
        Format::FlowLike => "a Flow-Like manifest starts with `manifest_version = 1`",
    }
}

fn report_syntax_error(cx: &mut Cx, syntax: Syntax, error: &source::SyntaxError) {
    let deep = error.message.contains("recurse") || error.message.contains("recursion limit");
    let code = if deep {
        codes::TOO_DEEPLY_NESTED
    } else {
        codes::SYNTAX_ERROR
    };
    let what = match syntax {
        Syntax::Toml => "TOML",
        Syntax::Json => "JSON",
    };
    let pending = cx.at_range(
        Severity::Error,
        code,
        error.span.clone(),
        format!("invalid {what}: {}", error.message),
    );
    if deep {
        pending.help(
            "arrays and tables are nested too deeply; manifests never need more than a few levels",
        );
    } else if syntax == Syntax::Json {
        pending.help(json_syntax_help(&error.message));
    }
}

/// A fix for the common TOML slips: an unquoted string, an unclosed string
/// or header, a key set twice.
fn toml_syntax_help(text: &str, error: &source::SyntaxError) -> Option<String> {
    let message = error.message.as_str();
    if message.contains("duplicate key") {
        let key = text.get(error.span.clone()).unwrap_or("").trim();
        return Some(format!(
            "`{key}` is already set in this table: keep only one of the two"
        ));
    }
    if message.contains("unclosed table") || message.contains("unclosed array of tables") {
        return Some("close the table header with `]` (or `]]` for an array of tables)".to_owned());
    }
    if message.contains("basic string") || message.contains("literal string") {
        return Some("close the string with the same quote it starts with, on the same line (use `\"\"\"` for multi-line strings)".to_owned());
    }
    // `key = value` with an unquoted value that is not a number, boolean or date.
    let start = text
        .get(..error.span.start.min(text.len()))?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let (key, value) = line.split_once('=')?;
    let value = value.split(" #").next().unwrap_or("").trim();
    let bare = !value.is_empty()
        && !value.starts_with(['"', '\'', '[', '{'])
        && value != "true"
        && value != "false"
        && value.parse::<f64>().is_err();
    bare.then(|| format!("strings must be quoted: `{} = \"{value}\"`", key.trim()))
}

/// Points a JSON syntax error at its cause: the comma itself for a
/// trailing comma, and the comment (with a plain message) for a comment.
fn refine_json_error(text: &str, error: &mut source::SyntaxError) {
    let at = error.span.start.min(text.len());
    let rest = text.get(at..).unwrap_or("");
    if rest.starts_with("//") || rest.starts_with("/*") {
        error.message = "comments are not allowed".to_owned();
        error.span = at..at + 2;
    } else if error.message.contains("trailing comma")
        && let Some(comma) = text
            .get(..at)
            .and_then(|before| before.trim_end().strip_suffix(','))
    {
        error.span = comma.len()..comma.len() + 1;
    }
}

fn json_syntax_help(message: &str) -> &'static str {
    if message.contains("comments") {
        "JSON has no comments: remove it"
    } else if message.contains("trailing comma") {
        "JSON allows no comma after the last element: remove it"
    } else if message.contains("key must be a string") {
        "JSON keys are written in double quotes: `\"key\": value`"
    } else {
        "check the JSON syntax at this position (JSON has no comments, single quotes or trailing commas)"
    }
}

fn read_format(root: &Node<'_>, format: Format, cx: &mut Cx) -> Option<Manifest> {
    match format {
        Format::Wasmer => Some(Manifest::Wasmer(wasmer::read(root, cx))),
        Format::Spin => spin::read(root, cx).map(Manifest::Spin),
        Format::Extism => extism::read(root, cx).map(Manifest::Extism),
        Format::FlowLike => flowlike::read(root, cx).map(Manifest::FlowLike),
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
