//! Diagnostics shared by every format: [`Diagnostic`], [`Severity`], [`Span`]
//! and the [`Report`] that collects them.

use std::borrow::Cow;
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
///
/// The two levels follow from that rule, which has no third case, so the
/// enum is deliberately exhaustive: a `match` on it needs no wildcard arm.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[non_exhaustive]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[non_exhaustive]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// Extra context, such as what the real tool will do.
    pub note: Option<String>,
    /// Text edits that fix the problem, when the fix is certain enough to
    /// offer ([`crate::fix`]).
    pub fix: Option<crate::fix::Fix>,
}

impl Diagnostic {
    /// Where the code is documented on the web ([`crate::codes::CodeDoc::url`]);
    /// `None` for a code the registry does not know.
    ///
    /// ```
    /// let parsed = wasm_manifests::parse("[[module]]\nname = \"m\"\n", wasm_manifests::Format::Wasmer);
    /// let diagnostic = &parsed.report().diagnostics()[0];
    /// assert!(diagnostic.url().unwrap().ends_with("docs/codes.md#missing-key"));
    /// ```
    pub fn url(&self) -> Option<String> {
        crate::codes::find(self.code).map(crate::codes::CodeDoc::url)
    }
}

/// The JSON shape described at [`Report::to_json`]: labels, help and note
/// only when present, then the code's documentation URL.
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Diagnostic", 10)?;
        out.serialize_field("code", self.code)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("message", &self.message)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("span", &self.span)?;
        if self.labels.is_empty() {
            out.skip_field("labels")?;
        } else {
            out.serialize_field("labels", &self.labels)?;
        }
        match &self.help {
            Some(help) => out.serialize_field("help", help)?,
            None => out.skip_field("help")?,
        }
        match &self.note {
            Some(note) => out.serialize_field("note", note)?,
            None => out.skip_field("note")?,
        }
        match &self.fix {
            Some(fix) => out.serialize_field("fix", fix)?,
            None => out.skip_field("fix")?,
        }
        match self.url() {
            Some(url) => out.serialize_field("url", &url)?,
            None => out.skip_field("url")?,
        }
        out.end()
    }
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
#[derive(Clone, Debug, Default)]
pub struct Report {
    origin: String,
    /// The text the spans point into, shared with [`crate::Parsed`].
    source: std::sync::Arc<str>,
    diagnostics: Vec<Diagnostic>,
}

/// The JSON shape described at [`Report::to_json`].
impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Report", 3)?;
        out.serialize_field("version", &Report::JSON_VERSION)?;
        out.serialize_field("file", &self.origin)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.end()
    }
}

impl Report {
    pub(crate) fn new(
        origin: String,
        source: std::sync::Arc<str>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Self {
        diagnostics.sort_by(order);
        Self {
            origin,
            source,
            diagnostics,
        }
    }

    /// Adds diagnostics found later (verification), keeping the order.
    pub(crate) fn extend(&mut self, diagnostics: Vec<Diagnostic>) {
        if diagnostics.is_empty() {
            return;
        }
        self.diagnostics.extend(diagnostics);
        self.diagnostics.sort_by(order);
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
        if self.diagnostics.is_empty() {
            return out;
        }
        // Built once per report: each diagnostic then finds its lines by
        // binary search, so rendering costs what is shown, not the file.
        let lines = LineIndex::new(&self.source);
        let origin = shown_origin(&self.origin);
        for diagnostic in &self.diagnostics {
            out.push_str(&render_one(renderer, &origin, &lines, diagnostic));
            out.push_str("\n\n");
        }
        out
    }

    /// The version of the JSON shape of [`Report::to_json`], which is also
    /// the `version` of `wasm-manifests check --output json`. It changes
    /// only when a field is removed or changes meaning; fields may be added
    /// without a new version.
    pub const JSON_VERSION: u32 = 1;

    /// The report as JSON: the same shape as its `Serialize` implementation,
    /// and as each entry of `files` in `wasm-manifests check --output json`.
    ///
    /// ```json
    /// {
    ///   "version": 1,
    ///   "file": "app/wasmer.toml",
    ///   "diagnostics": [
    ///     {
    ///       "code": "wasmer/duplicate-module",
    ///       "severity": "error",
    ///       "message": "duplicate module `tool`",
    ///       "path": "module[1].name",
    ///       "span": { "start": 149, "end": 155, "line": 12, "column": 8, "end_line": 12, "end_column": 14 },
    ///       "labels": [
    ///         {
    ///           "span": { "start": 89, "end": 95, "line": 7, "column": 8, "end_line": 7, "end_column": 14 },
    ///           "message": "first defined here"
    ///         }
    ///       ],
    ///       "help": "module names must be unique: rename one of them (and the commands using it)",
    ///       "url": "https://github.com/wasm-manifests/wasm-manifests/blob/main/docs/codes.md#wasmer-duplicate-module"
    ///     }
    ///   ]
    /// }
    /// ```
    ///
    /// - `version` is [`Report::JSON_VERSION`]; `file` is the
    ///   [origin](Report::origin), as it is (not escaped for a terminal).
    /// - `diagnostics` are in source order. `code`, `severity` (`error` or
    ///   `warning`), `message`, `path` (the field path, `""` for the whole
    ///   file) and `span` are always there; `labels` (secondary locations),
    ///   `help`, `note` and `fix` only when the diagnostic has them; `url` is
    ///   the documentation of the code ([`Diagnostic::url`]).
    /// - A `fix` has a `message`, an `applicability` (`safe` or
    ///   `needs-review`) and `edits`, each a byte range of the file
    ///   (`start`, `end`) with its `replacement` ([`crate::fix`]).
    /// - In a `span`, `start` and `end` are 0-based byte offsets (`end`
    ///   exclusive); `line` and `column` are 1-based, columns count
    ///   characters, and `end_line`/`end_column` point just past the end.
    ///
    /// ```
    /// let text = "[package]\nname = \"a/b\"\nversion = \"1.0\"\ndescription = \"x\"\n";
    /// let report = wasm_manifests::parse(text, wasm_manifests::Format::Wasmer).into_report();
    /// let json = report.to_json();
    /// assert_eq!(json["version"], 1);
    /// assert_eq!(json["diagnostics"][0]["code"], "wasmer/invalid-version");
    /// assert_eq!(json["diagnostics"][0]["span"]["line"], 3);
    /// assert!(json["diagnostics"][0]["url"].as_str().unwrap().ends_with("#wasmer-invalid-version"));
    /// ```
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

// ---------------------------------------------------------------------------
// Rendering

/// Annotated lines at most this many lines apart are shown in one excerpt
/// (the renderer folds the lines between them into `...`); farther ones get
/// an excerpt each, so that a label 10,000 lines away does not cost 10,000
/// lines. Within this distance the cost stays small and the folded excerpt
/// reads better.
const NEARBY_LINES: usize = 20;

/// Lines longer than this many bytes are cut to windows around their
/// annotations before they are handed to the renderer.
const LONG_LINE: usize = 1024;

/// Characters kept on each side of an annotation in a cut line (more than
/// the renderer shows of a line, so its own trimming decides what is seen).
const CONTEXT_CHARS: usize = 200;

/// Where a cut line was shortened.
const ELLIPSIS: &str = "...";

/// The starts of the lines of a text.
struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    fn new(text: &'s str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Self { text, starts }
    }

    /// The 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The byte range of a line without its line break (`\n` or `\r\n`).
    fn content(&self, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = match self.starts.get(line + 1) {
            Some(next) => {
                let end = next - 1;
                if end > start && self.text.as_bytes()[end - 1] == b'\r' {
                    end - 1
                } else {
                    end
                }
            }
            None => self.text.len(),
        };
        start..end.max(start)
    }
}

/// One annotation of a diagnostic, cut to its first line.
struct Mark<'d> {
    /// 0-based line.
    line: usize,
    /// Byte range in the text, within the line's content.
    range: Range<usize>,
    primary: bool,
    label: Option<&'d str>,
    /// The 1-based character column of its start, as the header shows it.
    column: usize,
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `n` characters before `offset` (or the start).
fn chars_back(text: &str, offset: usize, n: usize) -> usize {
    if n == 0 {
        return offset;
    }
    text[..offset]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// `n` characters after `offset` (or the end).
fn chars_forward(text: &str, offset: usize, n: usize) -> usize {
    text[offset..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| offset + i)
}

fn mark<'d>(lines: &LineIndex<'_>, span: &Span, primary: bool, label: Option<&'d str>) -> Mark<'d> {
    let text = lines.text;
    let start = floor_boundary(text, span.start);
    let line = lines.line_of(start);
    let content = lines.content(line);
    // Multi-line values (inline tables, JSON objects) are shown by their
    // first line only.
    let start = start.clamp(content.start, content.end);
    let end = floor_boundary(text, span.end).clamp(start, content.end);
    Mark {
        line,
        range: start..end,
        primary,
        label,
        column: span.column,
    }
}

/// One excerpt to show: the text of some consecutive lines (long ones cut),
/// with the annotations in it.
struct Excerpt<'d> {
    /// 1-based number of its first line.
    first_line: usize,
    text: String,
    /// Annotations, with byte ranges in `text`.
    marks: Vec<(Range<usize>, &'d Mark<'d>)>,
    /// Header fixes: (1-based line, column the renderer will print, column
    /// to show), for annotations whose line was cut before them.
    moved: Vec<(usize, usize, usize)>,
}

fn excerpt<'d>(
    lines: &LineIndex<'_>,
    first: usize,
    last: usize,
    marks: &'d [Mark<'d>],
) -> Excerpt<'d> {
    let mut out = Excerpt {
        first_line: first + 1,
        text: String::new(),
        marks: Vec::new(),
        moved: Vec::new(),
    };
    for line in first..=last {
        if line > first {
            out.text.push('\n');
        }
        let content = lines.content(line);
        let text = &lines.text[content.clone()];
        let here: Vec<&Mark<'_>> = marks.iter().filter(|m| m.line == line).collect();
        let base = out.text.len();
        if text.len() <= LONG_LINE {
            out.text.push_str(text);
            for m in here {
                let range =
                    (m.range.start - content.start + base)..(m.range.end - content.start + base);
                out.marks.push((range, m));
            }
            continue;
        }
        // A long line: keep a window around the start and the end of each
        // annotation.
        let mut windows: Vec<Range<usize>> = Vec::new();
        for m in &here {
            let start = m.range.start - content.start;
            let end = m.range.end - content.start;
            windows.push(
                chars_back(text, start, CONTEXT_CHARS)..chars_forward(text, start, CONTEXT_CHARS),
            );
            windows.push(
                chars_back(text, end, CONTEXT_CHARS)..chars_forward(text, end, CONTEXT_CHARS),
            );
        }
        if windows.is_empty() {
            // A line between annotations: its beginning is enough.
            windows.push(0..chars_forward(text, 0, CONTEXT_CHARS));
        }
        windows.sort_by_key(|w| w.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for window in windows {
            match merged.last_mut() {
                Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
                _ => merged.push(window),
            }
        }
        // Where each kept window starts in the excerpt.
        let mut placed = Vec::with_capacity(merged.len());
        let mut previous_end = 0;
        for window in &merged {
            if window.start > previous_end {
                out.text.push_str(ELLIPSIS);
            }
            placed.push((window.clone(), out.text.len()));
            out.text.push_str(&text[window.clone()]);
            previous_end = window.end;
        }
        if previous_end < text.len() {
            out.text.push_str(ELLIPSIS);
        }
        let moved_to = |offset: usize| {
            placed
                .iter()
                .find(|(w, _)| w.start <= offset && offset <= w.end)
                .map(|(w, at)| at + offset - w.start)
        };
        for m in here {
            let (Some(start), Some(end)) = (
                moved_to(m.range.start - content.start),
                moved_to(m.range.end - content.start),
            ) else {
                continue;
            };
            let shown_column = out.text[base..start].chars().count() + 1;
            if shown_column != m.column {
                out.moved.push((line + 1, shown_column, m.column));
            }
            out.marks.push((start..end, m));
        }
    }
    out
}

fn render_one(renderer: &Renderer, origin: &str, lines: &LineIndex<'_>, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);

    let mut moved = Vec::new();
    let marks: Vec<Mark<'_>> = if lines.text.is_empty() {
        Vec::new()
    } else {
        std::iter::once(mark(lines, &d.span, true, None))
            .chain(
                d.labels
                    .iter()
                    .map(|l| mark(lines, &l.span, false, Some(l.message.as_str()))),
            )
            .collect()
    };
    let mut group = if marks.is_empty() {
        // Nothing to show (empty or unreadable input, or a report read
        // back from JSON): the title and where, then where each label is.
        let mut origin = Origin::path(origin);
        if d.span.end > 0 {
            origin = origin.line(d.span.line).char_column(d.span.column);
        }
        let mut group = Group::with_title(title).element(origin);
        for label in &d.labels {
            let at = format!(
                "{} (at {}:{})",
                label.message, label.span.line, label.span.column
            );
            group = group.element(Level::NOTE.message(at));
        }
        group
    } else {
        // Group the annotated lines into excerpts of nearby lines.
        let mut annotated: Vec<usize> = marks.iter().map(|m| m.line).collect();
        annotated.sort_unstable();
        annotated.dedup();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for line in annotated {
            match ranges.last_mut() {
                Some((_, last)) if line - *last <= NEARBY_LINES => *last = line,
                _ => ranges.push((line, line)),
            }
        }
        // The excerpt of the primary annotation comes first, so the header
        // points at it; the others follow in order, each with its location.
        let primary_line = marks[0].line;
        ranges.sort_by_key(|&(first, last)| !(first <= primary_line && primary_line <= last));
        let mut group = Group::with_title(title);
        for (first, last) in ranges {
            let excerpt = excerpt(lines, first, last, &marks);
            moved.push(excerpt.moved.clone());
            let mut snippet = Snippet::source(excerpt.text)
                .line_start(excerpt.first_line)
                .path(origin);
            for (range, m) in excerpt.marks {
                let annotation = if m.primary {
                    AnnotationKind::Primary.span(range)
                } else {
                    AnnotationKind::Context.span(range)
                };
                snippet = snippet.annotation(match m.label {
                    Some(label) => annotation.label(label),
                    None => annotation,
                });
            }
            group = group.element(snippet);
        }
        group
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(note) = &d.note {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    let rendered = renderer.render(&[group]);
    if moved.iter().all(Vec::is_empty) {
        rendered
    } else {
        fix_headers(&rendered, d.message.split('\n').count(), &moved)
    }
}

/// Puts the real columns into the location headers (`--> file:line:col`,
/// `::: file:line:col`) of excerpts whose lines were cut before their
/// annotations: the renderer counts columns in the text it was given.
/// `title_lines` lines of title come first; `moved` has the fixes of each
/// excerpt, in order.
fn fix_headers(rendered: &str, title_lines: usize, moved: &[Vec<(usize, usize, usize)>]) -> String {
    let mut out = String::with_capacity(rendered.len() + 8);
    let mut excerpts = moved.iter();
    for (i, line) in rendered.split_inclusive('\n').enumerate() {
        let header = i >= title_lines && {
            let plain = strip_ansi(line);
            let plain = plain.trim_start();
            plain.starts_with("--> ") || plain.starts_with("::: ")
        };
        let fixes = if header { excerpts.next() } else { None };
        let body = line.trim_end_matches('\n');
        let fixed = fixes.and_then(|fixes| {
            let (rest, column) = body.rsplit_once(':')?;
            let (_, line_number) = rest.rsplit_once(':')?;
            let (line_number, column): (usize, usize) =
                (line_number.parse().ok()?, column.parse().ok()?);
            let &(_, _, real) = fixes
                .iter()
                .find(|&&(l, shown, _)| l == line_number && shown == column)?;
            Some(format!("{rest}:{real}"))
        });
        match fixed {
            Some(fixed) => {
                out.push_str(&fixed);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// `text` without ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The origin as shown in locations: as it is, or quoted with escapes when
/// it holds control characters (a file name with an escape sequence or a
/// line break must not reach the terminal raw) or text-direction overrides.
fn shown_origin(origin: &str) -> Cow<'_, str> {
    if origin.chars().any(needs_escape) {
        Cow::Owned(format!("{origin:?}"))
    } else {
        Cow::Borrowed(origin)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
// Label lists of one range are what these tests mean.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// The renderer as it was before lines were cut and far labels got
    /// their own excerpt: the whole text from the first to the last
    /// annotated line, handed to annotate-snippets.
    mod whole {
        use super::super::*;

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

        pub(super) fn whole_render_one(
            renderer: &Renderer,
            origin: &str,
            source: &str,
            d: &Diagnostic,
        ) -> String {
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
    }

    fn span(text: &str, range: Range<usize>) -> Span {
        let position = |offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        };
        let (line, column) = position(range.start);
        let (end_line, end_column) = position(range.end);
        Span {
            start: range.start,
            end: range.end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    fn diagnostic(text: &str, range: Range<usize>, labels: &[Range<usize>]) -> Diagnostic {
        Diagnostic {
            code: "test/code",
            severity: Severity::Error,
            message: "something is wrong".to_owned(),
            path: FieldPath::root(),
            span: span(text, range),
            labels: labels
                .iter()
                .map(|r| Label {
                    span: span(text, r.clone()),
                    message: "see here".to_owned(),
                })
                .collect(),
            help: Some("fix it".to_owned()),
            note: None,
            fix: None,
        }
    }

    /// Cutting long lines shows what the whole line showed: the renderer
    /// trims lines to the terminal width itself, and the windows are wider.
    #[test]
    fn cut_lines_look_like_whole_lines() {
        let mut cases = Vec::new();
        for filler in ["x", "é", "漢", "\t"] {
            for (before, after) in [(0, 3000), (40, 3000), (1500, 1500), (3000, 40), (3000, 0)] {
                let text = format!(
                    "a = 1\nkey = \"{}needle{}\"\nb = 2\n",
                    filler.repeat(before),
                    filler.repeat(after)
                );
                let at = text.find("needle").unwrap();
                cases.push((text.clone(), at..at + 6, vec![]));
                // A label close by on the same line, and one on another line.
                // (With a label at the start of another line, the renderer
                // shows the long line from its start up to the annotation,
                // however far that is: there the cut line differs, on
                // purpose.)
                cases.push((text.clone(), at..at + 6, vec![at + 3..at + 5]));
                if before <= 40 {
                    cases.push((text.clone(), at..at + 6, vec![0..1]));
                }
                // A long annotation. (Over wide characters the renderer
                // trims the underline but prints the whole line: there the
                // cut line is shorter, on purpose; see below.)
                if filler != "漢" {
                    cases.push((text.clone(), 6..text.len() - 7, vec![]));
                }
            }
        }
        for renderer in [Renderer::plain(), Renderer::styled()] {
            for (text, range, labels) in &cases {
                let d = diagnostic(text, range.clone(), labels);
                let lines = LineIndex::new(text);
                let new = render_one(&renderer, "f.toml", &lines, &d);
                let old = whole::whole_render_one(&renderer, "f.toml", text, &d);
                assert_eq!(
                    new,
                    old,
                    "{range:?} {labels:?} in {:?}",
                    &text[..40.min(text.len())]
                );
            }
        }
    }

    /// Where the renderer would print a whole long line, the cut line keeps
    /// the output short, with the real column in the header.
    #[test]
    fn cut_lines_stay_short_where_whole_lines_would_not() {
        let text = format!("a = 1\nkey = \"{}needle\"\n", "漢".repeat(1_000_000));
        let at = text.find("needle").unwrap();
        let lines = LineIndex::new(&text);
        for d in [
            diagnostic(&text, 6..text.len() - 1, &[]),
            diagnostic(&text, at..at + 6, &[0..1]),
        ] {
            let rendered = render_one(&Renderer::plain(), "f.toml", &lines, &d);
            assert!(rendered.len() < 4_000, "{}", rendered.len());
            let header = format!("--> f.toml:2:{}", d.span.column);
            assert!(rendered.contains(&header), "{rendered}");
        }
    }
}

// ---------------------------------------------------------------------------
// Building diagnostics and reports of one's own

impl Span {
    /// A span from its byte range and the lines and columns of both ends.
    pub fn new(
        range: Range<usize>,
        (line, column): (usize, usize),
        (end_line, end_column): (usize, usize),
    ) -> Span {
        Span {
            start: range.start,
            end: range.end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The span of `range` in `text`, with its lines and columns counted
    /// as the library counts them (1-based, in characters).
    ///
    /// ```
    /// // The `=` of the second line: byte 10, but column 4, as `é` is one character.
    /// let span = wasm_manifests::Span::in_text("a = 1\nbé = 2\n", 10..11);
    /// assert_eq!((span.line, span.column, span.end_column), (2, 4, 5));
    /// ```
    pub fn in_text(text: &str, range: Range<usize>) -> Span {
        crate::source::LineIndex::new(text).span(range)
    }
}

impl Label {
    /// A label at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
        }
    }
}

impl Diagnostic {
    /// A diagnostic of one's own: a code (any stable name: a check of your
    /// own, `myorg/no-private-registry`), a severity and a message, at the
    /// start of the file until [`Diagnostic::with_span`] says where.
    ///
    /// ```
    /// use wasm_manifests::{Diagnostic, Format, Report, Severity, Span};
    ///
    /// let text = "[package]\nname = \"acme/tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n";
    /// let mut report = wasm_manifests::parse(text, Format::Wasmer).into_report();
    /// let at = text.find("\"acme/tool\"").unwrap();
    /// report.push(
    ///     Diagnostic::new("registry/reserved-namespace", Severity::Error, "`acme` is reserved")
    ///         .with_span(Span::in_text(text, at..at + 11))
    ///         .with_help("publish under your own namespace"),
    /// );
    /// assert!(report.has_errors());
    /// assert!(report.render().contains("error[registry/reserved-namespace]"));
    /// ```
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            path: FieldPath::root(),
            span: Span::new(0..0, (1, 1), (1, 1)),
            labels: Vec::new(),
            help: None,
            note: None,
            fix: None,
        }
    }

    /// Places the diagnostic.
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = span;
        self
    }

    /// Names the field it is about.
    #[must_use]
    pub fn with_path(mut self, path: FieldPath) -> Self {
        self.path = path;
        self
    }

    /// Adds a label at another place.
    #[must_use]
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    /// Says how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds context, such as what the real tool does.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Attaches a fix ([`crate::fix`]).
    #[must_use]
    pub fn with_fix(mut self, fix: crate::fix::Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

impl Report {
    /// A report of `diagnostics` about `source` (the text their spans point
    /// into; empty when there is none), named `origin` in renderings.
    pub fn from_diagnostics(
        origin: impl Into<String>,
        source: &str,
        diagnostics: Vec<Diagnostic>,
    ) -> Report {
        Report::new(origin.into(), std::sync::Arc::from(source), diagnostics)
    }

    /// Adds a diagnostic, keeping the report in source order. Reports of
    /// this library and of [`Report::from_diagnostics`] keep their text, so
    /// the new diagnostic renders with its snippet; a report read back from
    /// JSON has none and renders positions only.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let at = self
            .diagnostics
            .partition_point(|d| order(d, &diagnostic) != std::cmp::Ordering::Greater);
        self.diagnostics.insert(at, diagnostic);
    }

    /// Adds every diagnostic of `other` (a report about the same text, such
    /// as checks of one's own), keeping the order.
    pub fn merge(&mut self, other: Report) {
        if self.source.is_empty() {
            self.source = other.source;
        }
        for diagnostic in other.diagnostics {
            self.push(diagnostic);
        }
    }
}

/// The order of a report: by position, errors first at one position.
fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (a.span.start, a.span.end, b.severity, a.code).cmp(&(
        b.span.start,
        b.span.end,
        a.severity,
        b.code,
    ))
}

// ---------------------------------------------------------------------------
// Reading reports back

/// Codes read back from JSON live as long as the program: the known ones
/// are the library's own names, the others are kept once each.
fn intern(code: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    if let Some(doc) = crate::codes::find(&code).filter(|d| d.code == code) {
        return doc.code;
    }
    static OTHERS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut others = OTHERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = others.get(code.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(code.into_boxed_str());
    others.insert(leaked);
    leaked
}

#[derive(serde::Deserialize)]
struct DiagnosticWire {
    code: String,
    severity: Severity,
    message: String,
    #[serde(default)]
    path: FieldPath,
    span: Span,
    #[serde(default)]
    labels: Vec<Label>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    fix: Option<crate::fix::Fix>,
}

/// Reads the JSON shape of [`Report::to_json`]. Codes the library does not
/// know are kept, once each, for the life of the program.
impl<'de> serde::Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = DiagnosticWire::deserialize(deserializer)?;
        Ok(Diagnostic {
            code: intern(wire.code),
            severity: wire.severity,
            message: wire.message,
            path: wire.path,
            span: wire.span,
            labels: wire.labels,
            help: wire.help,
            note: wire.note,
            fix: wire.fix,
        })
    }
}

#[derive(serde::Deserialize)]
struct ReportWire {
    version: u32,
    file: String,
    diagnostics: Vec<Diagnostic>,
}

/// Reads the JSON shape of [`Report::to_json`] (version
/// [`Report::JSON_VERSION`]). The text is not part of it, so a report read
/// back renders without snippets.
///
/// ```
/// let report = wasm_manifests::parse("[[module]]\nname = 1\n", wasm_manifests::Format::Wasmer).into_report();
/// let back: wasm_manifests::Report = serde_json::from_value(report.to_json()).unwrap();
/// assert_eq!(back.diagnostics(), report.diagnostics());
/// ```
impl<'de> serde::Deserialize<'de> for Report {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = ReportWire::deserialize(deserializer)?;
        if wire.version != Report::JSON_VERSION {
            return Err(serde::de::Error::custom(format!(
                "report version {} is not {}, the version this library reads",
                wire.version,
                Report::JSON_VERSION
            )));
        }
        Ok(Report::new(
            wire.file,
            std::sync::Arc::from(""),
            wire.diagnostics,
        ))
    }
}
