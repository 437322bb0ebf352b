//! From bytes to a [`Parsed`] manifest, in one place: the input checks
//! (size, encoding, binary data, emptiness), the one parse into the spanned
//! tree, the format's reader and rules, and the report.

use crate::read::Cx;
use crate::settings::{Settings, Suppressions};
use crate::source::{self, Node, Syntax, SyntaxError, Value};
use crate::{Diagnostic, Format, Manifest, Parsed, Report, Severity, codes, formats};

/// The syntax a format's document is written in. Extism manifests are JSON,
/// or TOML when the document does not start with `{`; Flow-Like manifests
/// are TOML, or JSON when they start with `{` (Flow-Like reads both).
pub(crate) fn syntax_of(format: Format, text: &str) -> Syntax {
    match format {
        Format::Extism | Format::FlowLike
            if text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            Syntax::Json
        }
        Format::Extism | Format::FlowLike => Syntax::Toml,
        Format::Wasmer | Format::Spin => Syntax::Toml,
    }
}

/// Reads a manifest from its bytes; `known_text` is the same bytes when the
/// caller already has them as text (no UTF-8 check needed).
pub(crate) fn read_manifest(
    bytes: &[u8],
    known_text: Option<&str>,
    format: Format,
    origin: String,
    max_size: u64,
    settings: &Settings,
) -> Parsed {
    // Unreadable input is reported without a snippet; `positions` is the
    // text (possibly lossy) that line and column numbers are counted in.
    let unreadable = |cx: Cx, positions: &str| {
        let mut diagnostics = cx.finish(positions, None);
        settings.apply(&mut diagnostics);
        Parsed {
            format,
            manifest: None,
            report: Report::new(origin.clone(), std::sync::Arc::from(""), diagnostics),
            text: std::sync::Arc::from(""),
            settings: settings.clone(),
            suppressions: Suppressions::default(),
        }
    };
    let mut cx = Cx::new(Syntax::Toml);
    if formats::find(format).is_none() {
        not_built(&mut cx, format);
        return unreadable(cx, "");
    }
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
    let syntax = syntax_of(format, text);
    cx.syntax = syntax;
    crate::rules::suggest::reset_budget();
    let body = text.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        cx.at_range(
            Severity::Error,
            codes::EMPTY_FILE,
            0..0,
            "the file is empty",
        )
        .help(empty_help(format));
        let mut diagnostics = cx.finish(text, None);
        settings.apply(&mut diagnostics);
        let text: std::sync::Arc<str> = std::sync::Arc::from(text);
        return Parsed {
            format,
            manifest: None,
            report: Report::new(origin, text.clone(), diagnostics),
            text,
            settings: settings.clone(),
            suppressions: Suppressions::default(),
        };
    }

    let document = if syntax == Syntax::Json && text.starts_with('\u{feff}') {
        source::Document {
            root: None,
            errors: Vec::new(),
            directives: Vec::new(),
            body_start: 0,
            dropped_errors: 0,
        }
    } else {
        source::parse_document(text, syntax)
    };
    let source::Document {
        root,
        errors,
        directives,
        body_start,
        dropped_errors,
    } = document;
    cx.count_dropped(Severity::Error, dropped_errors);
    if syntax == Syntax::Json && text.starts_with('\u{feff}') {
        // JSON parsers stop at the mark itself: that is the whole story.
        cx.at_range(Severity::Error, codes::SYNTAX_ERROR, 0..3, "the file starts with a byte order mark")
            .help("JSON documents must not start with a byte order mark: save the file as UTF-8 without BOM");
    }
    // A NUL byte is a syntax error in TOML and JSON alike, so binary data
    // is looked for only once the parser has complained.
    if !errors.is_empty()
        && let Some(at) = text.bytes().position(|b| b == 0)
    {
        let mut cx = Cx::new(syntax);
        cx.at_range(
            Severity::Error,
            codes::BINARY_FILE,
            at..at,
            format!("the file contains a NUL byte (byte {at}), so it is binary data, not a text manifest"),
        )
        .help("point the tool at the manifest, not at a module or archive");
        return unreadable(cx, text);
    }
    for mut error in errors {
        if syntax == Syntax::Json {
            refine_json_error(text, &mut error);
        }
        report_syntax_error(&mut cx, syntax, text, &error);
    }
    if syntax == Syntax::Toml
        && !cx.has_errors()
        && root
            .as_ref()
            .and_then(Node::as_table)
            .is_some_and(|t| t.is_empty())
    {
        cx.at_range(
            Severity::Error,
            codes::EMPTY_FILE,
            0..0,
            "the file has only comments",
        )
        .help(empty_help(format));
    }

    let manifest = match &root {
        Some(root) if !cx.has_errors() || syntax == Syntax::Toml => {
            read_format(root, format, &mut cx)
        }
        _ => None,
    };
    let manifest = if cx.incomplete || cx.has_errors_of(codes::SYNTAX_ERROR.code) {
        None
    } else {
        manifest
    };

    let mut suppressions = Suppressions::read(text, &directives, body_start, &mut cx);
    let mut diagnostics = cx.finish(text, root.as_ref());
    drop_cascading(&mut diagnostics, text);
    suppressions.apply(&mut diagnostics);
    let mut unused = Cx::new(syntax);
    suppressions.report_unused(&mut unused, false);
    diagnostics.extend(unused.finish(text, None));
    settings.apply(&mut diagnostics);
    let text: std::sync::Arc<str> = std::sync::Arc::from(text);
    Parsed {
        format,
        manifest,
        report: Report::new(origin, text.clone(), diagnostics),
        text,
        settings: settings.clone(),
        suppressions,
    }
}

/// After a syntax error the parser recovers with a guess (an unquoted word
/// becomes a boolean, `1.0.0` a float); problems reported on such guessed
/// values only repeat the syntax error, so they are dropped. So is a
/// `missing-key` error for a table whose text has a syntax error that may
/// hold the key (see [`may_hold`]): the key is most likely on the broken
/// line.
pub(crate) fn drop_cascading(diagnostics: &mut Vec<Diagnostic>, text: &str) {
    let is_syntax = |d: &Diagnostic| {
        d.code == codes::SYNTAX_ERROR.code || d.code == codes::TOO_DEEPLY_NESTED.code
    };
    let mut syntax: Vec<(usize, usize)> = diagnostics
        .iter()
        .filter(|d| is_syntax(d))
        .map(|d| (d.span.start, d.span.end))
        .collect();
    if syntax.is_empty() {
        return;
    }
    // Sorted by start, with the furthest end reached so far: a diagnostic
    // overlaps a syntax error when one starting at or before its end
    // reaches its start (ranges taken as closed, so an empty range at a
    // boundary counts).
    syntax.sort_unstable();
    let mut reach = Vec::with_capacity(syntax.len());
    let mut furthest = 0;
    for &(_, end) in &syntax {
        furthest = furthest.max(end);
        reach.push(furthest);
    }
    let overlaps = |start: usize, end: usize| {
        let before = syntax.partition_point(|&(s, _)| s <= end);
        before > 0 && reach[before - 1] >= start
    };
    // The lines and what broken tables may hold, found only when a
    // missing key needs them.
    let mut tables: Option<BrokenTables<'_>> = None;
    diagnostics.retain(|d| {
        if is_syntax(d) {
            return true;
        }
        if d.code == codes::MISSING_KEY.code
            && tables
                .get_or_insert_with(|| BrokenTables::new(text, &syntax))
                .may_hold(d)
        {
            return false;
        }
        d.span.start == d.span.end && d.span.start == 0 || !overlaps(d.span.start, d.span.end)
    });
}

/// Which keys the syntax errors of a table's text may hold. A table's text
/// runs from its header line (the start, for the top level) to the next
/// line that begins with `[` (a header; sometimes a line of a multi-line
/// array, which only makes a table look shorter than it is). Each table is
/// looked at once, and each line once, so this stays linear.
struct BrokenTables<'t> {
    text: &'t str,
    syntax: &'t [(usize, usize)],
    lines: Vec<usize>,
    headers: Vec<usize>,
    /// By the start and end of a table's text: whether a syntax error there
    /// may hold any key, and the keys of the broken `key = value` lines.
    holds: std::collections::HashMap<(usize, usize), (bool, Vec<&'t str>)>,
}

impl<'t> BrokenTables<'t> {
    fn new(text: &'t str, syntax: &'t [(usize, usize)]) -> Self {
        let bytes = text.as_bytes();
        let lines: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        let headers = lines
            .iter()
            .copied()
            .filter(|&start| {
                bytes[start.min(bytes.len())..]
                    .iter()
                    .find(|b| !matches!(b, b' ' | b'\t'))
                    == Some(&b'[')
            })
            .collect();
        Self {
            text,
            syntax,
            lines,
            headers,
            holds: std::collections::HashMap::new(),
        }
    }

    /// The byte range of the line of `at`.
    fn line(&self, at: usize) -> (usize, usize) {
        let i = self.lines.partition_point(|&start| start <= at).max(1) - 1;
        let start = self.lines[i];
        let end = self
            .lines
            .get(i + 1)
            .map_or(self.text.len(), |&next| next - 1);
        (start, end.max(start))
    }

    /// Whether the table a `missing-key` diagnostic is about has a syntax
    /// error that may hold the missing key.
    fn may_hold(&mut self, d: &Diagnostic) -> bool {
        let segments = d.path.segments();
        let Some(crate::Segment::Key(key)) = segments.last() else {
            return false;
        };
        let top = segments.len() == 1;
        let start = if top { 0 } else { self.line(d.span.start).0 };
        let end = if top {
            self.headers.first().copied()
        } else {
            let next = self.headers.partition_point(|&h| h <= start);
            self.headers.get(next).copied()
        }
        .unwrap_or(self.text.len());
        if !self.holds.contains_key(&(start, end)) {
            let holds = self.broken_keys(start, end);
            self.holds.insert((start, end), holds);
        }
        self.holds
            .get(&(start, end))
            .is_some_and(|(any, keys)| *any || keys.contains(&key.as_str()))
    }

    /// What the syntax errors in `start..end` may hold: any key when an
    /// error is in the key part of its line (`sourc e = ...`, `source "x"`,
    /// a broken header), only its own key when the line reads `key = ...`
    /// and the error is in the value.
    fn broken_keys(&self, start: usize, end: usize) -> (bool, Vec<&'t str>) {
        let first = self.syntax.partition_point(|&(s, _)| s < start);
        let mut keys = Vec::new();
        let mut last_line = None;
        for &(at, _) in self.syntax[first..].iter().take_while(|&&(s, _)| s < end) {
            let (line_start, line_end) = self.line(at.min(self.text.len()));
            if last_line == Some(line_start) {
                continue;
            }
            last_line = Some(line_start);
            let line = self.text.get(line_start..line_end).unwrap_or("");
            let Some(equals) = line.find('=') else {
                return (true, keys);
            };
            let written = line[..equals].trim();
            let clean = !written.is_empty()
                && !written.starts_with('[')
                && written
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.\"' ".contains(&b));
            if !clean || at < line_start + equals {
                return (true, keys);
            }
            let first = written.split('.').next().unwrap_or(written).trim();
            keys.push(first.trim_matches(['"', '\'']));
        }
        (false, keys)
    }
}

fn empty_help(format: Format) -> &'static str {
    formats::find(format).map_or("", |d| d.empty_help)
}

/// A format this build leaves out: said plainly, with the feature to enable.
#[cfg(not(all(
    feature = "wasmer",
    feature = "spin",
    feature = "extism",
    feature = "flow-like"
)))]
fn not_built(cx: &mut Cx, format: Format) {
    let feature = match format {
        Format::FlowLike => "flow-like",
        other => other.name(),
    };
    cx.report_at(
        &codes::FORMAT_NOT_BUILT,
        crate::FieldPath::root(),
        format!("this build of wasm-manifests does not read {format} manifests"),
    )
    .help(format!(
        "enable the `{feature}` feature of the `wasm-manifests` crate (all formats are on by default)"
    ));
}

/// Every format is built: nothing to say (never called).
#[cfg(all(
    feature = "wasmer",
    feature = "spin",
    feature = "extism",
    feature = "flow-like"
))]
fn not_built(_: &mut Cx, _: Format) {}

pub(crate) fn report_syntax_error(cx: &mut Cx, syntax: Syntax, text: &str, error: &SyntaxError) {
    let deep = error.too_deep || error.message.contains("recursion limit");
    let code = if deep {
        codes::TOO_DEEPLY_NESTED
    } else {
        codes::SYNTAX_ERROR
    };
    let pending = cx.at_range(
        Severity::Error,
        code,
        error.span.clone(),
        format!("invalid {}: {}", syntax.name(), error.message),
    );
    if let Some(earlier) = &error.context
        && error.message == "duplicate key"
    {
        pending.label_range(earlier.clone(), "first set here");
    }
    if deep {
        pending.help(
            "arrays and tables are nested too deeply; manifests never need more than a few levels",
        );
    } else if syntax == Syntax::Json {
        pending.help(json_syntax_help(&error.message));
    } else if let Some(help) = toml_syntax_help(text, error) {
        pending.help(help);
    }
}

/// A fix for the common TOML slips: an unquoted string, a missing value,
/// an unclosed string or header, a key set twice.
fn toml_syntax_help(text: &str, error: &SyntaxError) -> Option<String> {
    let message = error.message.as_str();
    if message.contains("duplicate key") {
        let key = text.get(error.span.clone()).unwrap_or("").trim();
        return Some(format!(
            "`{key}` is already set in this table: keep only one of the two"
        ));
    }
    if message.contains("unclosed table")
        || message.contains("unclosed array of tables")
        || message.contains("unclosed array table")
    {
        return Some("close the table header with `]` (or `]]` for an array of tables)".to_owned());
    }
    // `key = value` on the line of the error: what was written as the value.
    let at = error.span.start.min(text.len());
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let assignment = line.split_once('=').filter(|(key, _)| {
        let key = key.trim();
        !key.is_empty() && !key.starts_with(['[', '#'])
    });
    if let Some((key, value)) = assignment {
        let key = key.trim();
        let value = value.split(" #").next().unwrap_or("").trim();
        if value.is_empty() {
            return Some(format!("give `{key}` a value, such as `{key} = \"...\"`"));
        }
        let bare = !value.starts_with(['"', '\'', '[', '{'])
            && value != "true"
            && value != "false"
            && value.parse::<f64>().is_err();
        if bare {
            return Some(format!("strings must be quoted: `{key} = \"{value}\"`"));
        }
    }
    // A bare word inside an array or inline table: `["a", b]`.
    if message.contains("must be quoted")
        && let Some(word) = text.get(error.span.clone())
        && !word.is_empty()
        && !word.contains(['"', '\'', '\n'])
    {
        return Some(format!("strings must be quoted: `\"{word}\"`"));
    }
    if message.contains("basic string") || message.contains("literal string") {
        return Some("close the string with the same quote it starts with, on the same line (use `\"\"\"` for multi-line strings)".to_owned());
    }
    None
}

/// Points a JSON syntax error at its cause: the comma itself for a
/// trailing comma, and the comment (with a plain message) for a comment.
fn refine_json_error(text: &str, error: &mut SyntaxError) {
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
    // Formats left out of the build were refused before the text was read.
    (formats::find(format)?.read)(root, cx)
}

/// Reads a manifest of `format` from any self-describing serde format, for
/// the models' `Deserialize`: the data becomes a document tree and goes
/// through the same reader and rules as [`crate::parse`]. The manifest is
/// refused when any error is found, with every error in the message.
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    format: Format,
) -> Result<Manifest, D::Error> {
    use serde::de::Error as _;
    let root = serde::de::DeserializeSeed::deserialize(Owned { depth: 0 }, deserializer)?;
    let syntax = match format {
        Format::Extism => Syntax::Json,
        _ => Syntax::Toml,
    };
    let mut cx = Cx::new(syntax);
    crate::rules::suggest::reset_budget();
    let manifest = read_format(&root, format, &mut cx);
    let incomplete = cx.incomplete;
    let errors: Vec<String> = cx
        .finish("", Some(&root))
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match d.path.is_root() {
            true => d.message,
            false => format!("{}: {}", d.path, d.message),
        })
        .collect();
    match manifest {
        Some(manifest) if errors.is_empty() && !incomplete => Ok(manifest),
        _ if errors.is_empty() => Err(D::Error::custom("the manifest could not be read")),
        _ => Err(D::Error::custom(errors.join("; "))),
    }
}

/// The key under which the `toml` crate passes a date or time through serde.
const TOML_DATETIME: &str = "$__toml_private_datetime";

/// Builds an owned document tree from serde data, nesting no deeper than
/// [`source::MAX_DEPTH`].
#[derive(Clone, Copy)]
struct Owned {
    depth: usize,
}

impl Owned {
    fn nested<E: serde::de::Error>(self) -> Result<Self, E> {
        if self.depth >= source::MAX_DEPTH {
            return Err(E::custom("tables and arrays are nested too deeply"));
        }
        Ok(Owned {
            depth: self.depth + 1,
        })
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Owned {
    type Value = Node<'static>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Owned {
    type Value = Node<'static>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a manifest value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::Integer(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Node::new(
            0..0,
            i64::try_from(v).map_or(Value::Unsigned(v), Value::Integer),
        ))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::String(v.to_owned().into())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::String(v.into())))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::Null))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Node::new(0..0, Value::Null))
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Node::new(0..0, Value::Array(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let inner = self.nested()?;
        let mut table = source::Table::new(source::TableKind::Defined);
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            table.push(source::Entry::new(key.into(), 0..0, value));
        }
        // The `toml` crate hands a date or time over as a table with one
        // private key; it is a value of its own in the document tree.
        if let [entry] = &table[..]
            && entry.key == TOML_DATETIME
            && let Some(datetime) = entry.value.as_str().and_then(|s| s.parse().ok())
        {
            return Ok(Node::new(0..0, Value::Datetime(Box::new(datetime))));
        }
        Ok(Node::new(0..0, Value::Table(table)))
    }
}
