//! Diagnostics shared by every format: [`Diagnostic`], [`Severity`], [`Span`]
//! and the [`Report`] that collects them.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::path::FieldPath;

/// How serious a [`Diagnostic`] is.
///
/// `Error` means the format's own tooling would refuse the manifest (or
/// silently lose part of it); `Warning` means it is accepted but likely a
/// mistake, deprecated or risky. Strict mode turns warnings into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Accepted by the tooling, but worth fixing.
    Warning,
    /// Refused by the tooling at some stage.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A region of the source text.
///
/// Byte offsets are 0-based and half-open (`start..end`), lines and columns
/// are 1-based, and columns count characters, as in rustc's JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Line of `start` (1-based).
    pub line: usize,
    /// Column of `start` in characters (1-based).
    pub column: usize,
    /// Line of `end` (1-based).
    pub end_line: usize,
    /// Column of `end` in characters (1-based).
    pub end_column: usize,
}

impl Span {
    /// The byte range of this span.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A secondary location attached to a diagnostic, such as "first defined here".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where the label points.
    pub span: Span,
    /// What it says.
    pub message: String,
}

/// One problem found in a manifest.
///
/// ```
/// use wasm_manifests::{Format, Severity};
///
/// let text = "[package]\nname = \"a/b\"\nversion = \"1.0\"\ndescription = \"x\"\n";
/// let parsed = wasm_manifests::parse(text, Format::Wasmer);
/// let diagnostic = &parsed.report().diagnostics()[0];
/// assert_eq!(diagnostic.code, "wasmer/invalid-version");
/// assert_eq!(diagnostic.severity, Severity::Error);
/// assert_eq!(diagnostic.path.to_string(), "package.version");
/// assert_eq!((diagnostic.span.line, diagnostic.span.column), (3, 11));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable kebab-case code, namespaced by format where the rule is
    /// format-specific (`wasmer/duplicate-module`); see [`crate::codes`].
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The field concerned (`command[1].module`); empty for the whole file.
    pub path: FieldPath,
    /// Where it is.
    pub span: Span,
    /// Other places that explain the problem.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Extra context, such as what the real tool will do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Every diagnostic found in one manifest, in source order, with the text
/// needed to render them.
///
/// ```
/// use wasm_manifests::Format;
///
/// let text = "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"emscripten\"\n";
/// let report = wasm_manifests::parse(text, Format::Wasmer).into_report();
/// assert!(report.has_errors());
/// let rendered = report.render();
/// assert!(rendered.contains("error[wasmer/invalid-abi]"));
/// assert!(rendered.contains("--> <input>:4:7"));
/// ```
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    #[serde(rename = "file")]
    origin: String,
    #[serde(skip)]
    source: String,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn new(origin: String, source: &str, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, b.severity, a.code).cmp(&(
                b.span.start,
                b.span.end,
                a.severity,
                b.code,
            ))
        });
        let source = if diagnostics.is_empty() {
            String::new()
        } else {
            source.to_owned()
        };
        Self {
            origin,
            source,
            diagnostics,
        }
    }

    /// Adds diagnostics found later (verification), keeping the order.
    pub(crate) fn extend(&mut self, source: &str, diagnostics: Vec<Diagnostic>) {
        if diagnostics.is_empty() {
            return;
        }
        let mut all = std::mem::take(&mut self.diagnostics);
        all.extend(diagnostics);
        *self = Report::new(std::mem::take(&mut self.origin), source, all);
    }

    /// The diagnostics, sorted by position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Iterates over the diagnostics.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.diagnostics.iter()
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// How many diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many diagnostics are warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The name shown in rendered locations (`--> name:line:col`): the file
    /// path for [`crate::parse_file`], `<input>` for text.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Changes the name shown in rendered locations.
    pub fn set_origin(&mut self, origin: impl Into<String>) {
        self.origin = origin.into();
    }

    /// Turns every warning into an error (strict mode).
    pub fn deny_warnings(&mut self) {
        for diagnostic in &mut self.diagnostics {
            diagnostic.severity = Severity::Error;
        }
    }

    /// Renders every diagnostic rustc-style, without colour.
    pub fn render(&self) -> String {
        self.render_with(&Renderer::plain())
    }

    /// Renders every diagnostic rustc-style with ANSI colours.
    pub fn render_styled(&self) -> String {
        self.render_with(&Renderer::styled())
    }

    fn render_with(&self, renderer: &Renderer) -> String {
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&render_one(
                renderer,
                &self.origin,
                &self.source,
                diagnostic,
            ));
            out.push_str("\n\n");
        }
        out
    }

    /// The report as a JSON value: `{ "file", "diagnostics": [...] }`, each
    /// diagnostic with its code, severity, message, path, span, labels, help
    /// and note.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.iter()
    }
}

/// Cuts a span at its first line break: multi-line values (inline tables,
/// JSON objects) are shown by their first line only.
fn first_line(source: &str, range: Range<usize>) -> Range<usize> {
    let end = range.end.min(source.len());
    let start = range.start.min(end);
    match source[start..end].find('\n') {
        Some(0) => start..start,
        Some(n) => {
            let cut = start + n;
            let cut = if source[..cut].ends_with('\r') {
                cut - 1
            } else {
                cut
            };
            start..cut
        }
        None => start..end,
    }
}

fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(source: &str, offset: usize) -> usize {
    source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i)
}

fn render_one(renderer: &Renderer, origin: &str, source: &str, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);

    let mut group = if source.is_empty() {
        // Nothing to show (empty or unreadable input): the title and where.
        let mut origin = Origin::path(origin);
        if d.span.start > 0 {
            origin = origin.line(d.span.line).char_column(d.span.column);
        }
        Group::with_title(title).element(origin)
    } else {
        let spans: Vec<Range<usize>> = std::iter::once(d.span.range())
            .chain(d.labels.iter().map(|l| l.span.range()))
            .map(|r| first_line(source, r))
            .collect();
        let lo = spans.iter().map(|r| r.start).min().unwrap_or(0);
        let hi = spans.iter().map(|r| r.end).max().unwrap_or(0);
        let slice_start = line_start(source, lo);
        let slice_end = line_end(source, hi);
        let first_line_number = source[..slice_start].matches('\n').count() + 1;
        let shift = |r: &Range<usize>| (r.start - slice_start)..(r.end - slice_start);

        let mut snippet = Snippet::source(&source[slice_start..slice_end])
            .line_start(first_line_number)
            .path(origin)
            .annotation(AnnotationKind::Primary.span(shift(&spans[0])));
        for (label, span) in d.labels.iter().zip(&spans[1..]) {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(shift(span))
                    .label(label.message.as_str()),
            );
        }
        Group::with_title(title).element(snippet)
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(note) = &d.note {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    renderer.render(&[group])
}
