//! An open document: its text, the format it is read as, and what the
//! library found in it, as the editor is shown it.

use std::path::{Path, PathBuf};

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};
use wasm_manifests::config::{self, Config};
use wasm_manifests::{Diagnostic, Format, Options, Parsed, Severity};

use super::text::{Encoding, Lines};

/// The name diagnostics are published under.
pub const SOURCE: &str = "wasm-manifests";

/// One document the editor has open.
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub lines: Lines,
    /// The format it is read as; `None` when it is not a manifest.
    pub format: Option<Format>,
    /// What the library read, for a manifest.
    pub parsed: Option<Parsed>,
    /// The diagnostics published for the text, with their fixes.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: String) -> Self {
        Document {
            uri,
            version,
            lines: Lines::new(&text),
            text,
            format: None,
            parsed: None,
            diagnostics: Vec::new(),
        }
    }

    /// Replaces the text (and reads it again with [`Document::analyse`]).
    pub fn set_text(&mut self, version: i32, text: String) {
        self.version = version;
        self.lines = Lines::new(&text);
        self.text = text;
    }

    /// Reads the text: as a manifest of the format its name and content
    /// tell, with the settings of the nearest `wasm-manifests.toml`, or as
    /// that configuration file itself. Returns a problem with the
    /// configuration, to be logged.
    pub fn analyse(&mut self) -> Option<String> {
        let path = file_path(&self.uri);
        let name = path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| last_segment(&self.uri))
            .unwrap_or_default();
        self.parsed = None;
        self.diagnostics.clear();
        if name == config::FILE_NAME {
            self.format = None;
            if let Err(report) = Config::parse(&self.text, name) {
                self.diagnostics = report.diagnostics().to_vec();
            }
            return None;
        }
        self.format = wasm_manifests::classify(&name, self.text.as_bytes()).format();
        let format = self.format?;
        let (options, problem) = match &path {
            Some(path) => options_for(path),
            None => (Options::new(), None),
        };
        let origin = path
            .as_ref()
            .map_or_else(|| self.uri.as_str().to_owned(), |p| p.display().to_string());
        let parsed = options.origin(origin).parse(&self.text, format);
        self.diagnostics = parsed.report().diagnostics().to_vec();
        self.parsed = Some(parsed);
        problem
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, start: usize, end: usize, encoding: Encoding) -> lsp_types::Range {
        self.lines.range(&self.text, start, end, encoding)
    }

    /// The byte offset of a position.
    pub fn offset(&self, position: lsp_types::Position, encoding: Encoding) -> usize {
        self.lines.offset(&self.text, position, encoding)
    }

    /// A diagnostic as the editor shows it: help and note appended to the
    /// message, labels as related information.
    pub fn to_lsp(&self, diagnostic: &Diagnostic, encoding: Encoding) -> lsp_types::Diagnostic {
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        if let Some(note) = &diagnostic.note {
            message.push_str("\nnote: ");
            message.push_str(note);
        }
        let related: Vec<DiagnosticRelatedInformation> = diagnostic
            .labels
            .iter()
            .map(|label| DiagnosticRelatedInformation {
                location: Location::new(
                    self.uri.clone(),
                    self.range(label.span.start, label.span.end, encoding),
                ),
                message: label.message.clone(),
            })
            .collect();
        lsp_types::Diagnostic {
            range: self.range(diagnostic.span.start, diagnostic.span.end, encoding),
            severity: Some(match diagnostic.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(diagnostic.code.to_owned())),
            code_description: diagnostic
                .url()
                .and_then(|url| url.parse::<Uri>().ok())
                .map(|href| CodeDescription { href }),
            source: Some(SOURCE.to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: diagnostic
                .fix
                .as_ref()
                .and_then(|fix| serde_json::to_value(fix).ok()),
        }
    }
}

/// The options for the manifest at `path`: those of the nearest
/// configuration file, as `check` applies them; the defaults, and why,
/// when that file cannot be used.
fn options_for(path: &Path) -> (Options, Option<String>) {
    let dir = path.parent().unwrap_or(Path::new("/"));
    match Config::discover(dir) {
        Ok(Some(config)) => (config.apply(Options::new(), path), None),
        Ok(None) => (Options::new(), None),
        Err(e) => (
            Options::new(),
            Some(format!(
                "{e}; `{}` is checked without its settings",
                path.display()
            )),
        ),
    }
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let url = wasm_manifests::url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The last segment of a URI's path (the name of an unsaved document, if
/// the editor gave it one: `untitled:wasmer.toml`).
fn last_segment(uri: &Uri) -> Option<String> {
    let url = wasm_manifests::url::Url::parse(uri.as_str()).ok()?;
    url.path()
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}
