//! Source text: the spanned document tree every format is read from (built
//! from TOML or JSON), line/column lookup, and span lookup by field path.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::Span;
use crate::path::{FieldPath, Segment};

/// The syntax a manifest is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    Toml,
    Json,
}

/// A value of the document with the byte range it was read from.
///
/// TOML documents get their spans while parsing. JSON documents are parsed
/// by serde_json without positions; their spans are filled in afterwards by
/// [`fill_json_spans`], and only when there is something to report.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    pub span: Range<usize>,
    pub value: Value<'a>,
}

#[derive(Clone, Debug)]
pub(crate) enum Value<'a> {
    String(Cow<'a, str>),
    Integer(i128),
    Float(f64),
    Bool(bool),
    Datetime(toml::value::Datetime),
    Null,
    Array(Vec<Node<'a>>),
    Table(Vec<Entry<'a>>),
}

#[derive(Clone, Debug)]
pub(crate) struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Range<usize>,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    pub(crate) fn new(value: Value<'a>) -> Self {
        Node { span: 0..0, value }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_table(&self) -> Option<&[Entry<'a>]> {
        match &self.value {
            Value::Table(entries) => Some(entries),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// "a string", "an array", ... for messages.
    pub(crate) fn type_name(&self, syntax: Syntax) -> &'static str {
        match (&self.value, syntax) {
            (Value::String(_), _) => "a string",
            (Value::Integer(_), _) => "an integer",
            (Value::Float(_), Syntax::Toml) => "a float",
            (Value::Float(_), Syntax::Json) => "a number with a fraction",
            (Value::Bool(_), _) => "a boolean",
            (Value::Datetime(_), _) => "a date-time",
            (Value::Null, _) => "null",
            (Value::Array(_), _) => "an array",
            (Value::Table(_), Syntax::Toml) => "a table",
            (Value::Table(_), Syntax::Json) => "an object",
        }
    }

    /// Converts to a `toml::Value` for open tables kept verbatim in a model.
    /// JSON `null` has no TOML equivalent and is dropped from tables and
    /// arrays.
    pub(crate) fn to_toml(&self) -> Option<toml::Value> {
        Some(match &self.value {
            Value::String(s) => toml::Value::String(s.to_string()),
            Value::Integer(i) => match i64::try_from(*i) {
                Ok(i) => toml::Value::Integer(i),
                Err(_) => toml::Value::Float(*i as f64),
            },
            Value::Float(f) => toml::Value::Float(*f),
            Value::Bool(b) => toml::Value::Boolean(*b),
            Value::Datetime(d) => toml::Value::Datetime(*d),
            Value::Null => return None,
            Value::Array(items) => {
                toml::Value::Array(items.iter().filter_map(Node::to_toml).collect())
            }
            Value::Table(entries) => toml::Value::Table(
                entries
                    .iter()
                    .filter_map(|e| Some((e.key.to_string(), e.value.to_toml()?)))
                    .collect(),
            ),
        })
    }
}

// ---------------------------------------------------------------------------
// TOML

/// A syntax error found while parsing, with its byte range.
pub(crate) struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
}

/// Parses TOML into a [`Node`] tree, recovering from syntax errors where the
/// parser can, so that one mistake does not hide the rest of the document.
pub(crate) fn parse_toml(text: &str) -> (Node<'_>, Vec<SyntaxError>) {
    let (table, errors) = toml::de::DeTable::parse_recoverable(text);
    let errors = errors
        .into_iter()
        .map(|e| SyntaxError {
            message: e.message().to_owned(),
            span: e.span().unwrap_or(0..0),
        })
        .collect();
    let root = Node {
        span: 0..0,
        value: Value::Table(toml_table(table.into_inner())),
    };
    (root, errors)
}

fn toml_table(table: toml::de::DeTable<'_>) -> Vec<Entry<'_>> {
    table
        .into_iter()
        .map(|(key, value)| {
            let key_span = key.span();
            Entry {
                key: key.into_inner(),
                key_span,
                value: toml_node(value),
            }
        })
        .collect()
}

fn toml_node(value: toml::Spanned<toml::de::DeValue<'_>>) -> Node<'_> {
    use toml::de::DeValue;
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
            .map(Value::Integer)
            .unwrap_or(Value::Float(f64::NAN)),
        DeValue::Float(f) => Value::Float(parse_toml_float(f.as_str())),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Datetime(d),
        DeValue::Array(items) => Value::Array(items.into_iter().map(toml_node).collect()),
        DeValue::Table(table) => Value::Table(toml_table(table)),
    };
    Node { span, value }
}

fn parse_toml_float(raw: &str) -> f64 {
    match raw.trim_start_matches('+') {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "-nan" => f64::NAN,
        other => other.parse().unwrap_or(f64::NAN),
    }
}

// ---------------------------------------------------------------------------
// JSON

/// Parses JSON with serde_json (the fast path: no positions are tracked).
pub(crate) fn parse_json(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let node = serde::Deserialize::deserialize(&mut de).and_then(|node: JsonNode<'_>| {
        de.end()?;
        Ok(node.0)
    });
    node.map_err(|e| {
        let offset = offset_of_line_column(text, e.line(), e.column());
        let message = e.to_string();
        // serde_json appends " at line L column C"; the span says it already.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        SyntaxError {
            message,
            span: offset..offset,
        }
    })
}

/// serde_json reports 1-based lines and 1-based byte columns (0 at a line
/// start before anything was read); this turns them into a byte offset.
fn offset_of_line_column(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let mut at = (offset + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

struct JsonNode<'a>(Node<'a>);

impl<'de> serde::Deserialize<'de> for JsonNode<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor).map(JsonNode)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Integer(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Integer(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Float(v)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Node::new(Value::String(Cow::Borrowed(v))))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Node::new(Value::String(Cow::Owned(v.to_owned()))))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Node::new(Value::String(Cow::Owned(v))))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Node::new(Value::Null))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(JsonNode(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::new(Value::Array(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(JsonKey(key)) = map.next_key()? {
            let JsonNode(value) = map.next_value()?;
            entries.push(Entry {
                key,
                key_span: 0..0,
                value,
            });
        }
        Ok(Node::new(Value::Table(entries)))
    }
}

struct JsonKey<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for JsonKey<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        deserializer.deserialize_str(KeyVisitor).map(JsonKey)
    }
}

/// Fills the spans of a JSON [`Node`] tree by re-reading the text with a
/// parser that keeps ranges. Called only when a diagnostic needs positions.
pub(crate) fn fill_json_spans(text: &str, root: &mut Node<'_>) {
    use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        ..ParseOptions::default()
    };
    if let Ok(parsed) = parse_to_ast(text, &CollectOptions::default(), &strict)
        && let Some(value) = &parsed.value
    {
        fill(root, value);
    }
}

fn fill(node: &mut Node<'_>, ast: &jsonc_parser::ast::Value<'_>) {
    use jsonc_parser::ast::Value as A;
    use jsonc_parser::common::Ranged;
    let range = ast.range();
    node.span = range.start..range.end;
    match (&mut node.value, ast) {
        (Value::Table(entries), A::Object(object)) => {
            for (entry, prop) in entries.iter_mut().zip(&object.properties) {
                let key_range = prop.name.range();
                entry.key_span = key_range.start..key_range.end;
                fill(&mut entry.value, &prop.value);
            }
        }
        (Value::Array(items), A::Array(array)) => {
            for (item, element) in items.iter_mut().zip(&array.elements) {
                fill(item, element);
            }
        }
        _ => {}
    }
}

/// The document tree with every span filled, for locating fields after
/// the fact; `None` when the text does not parse.
pub(crate) fn spanned_tree(text: &str, syntax: Syntax) -> Option<Node<'_>> {
    match syntax {
        Syntax::Toml => Some(parse_toml(text).0),
        Syntax::Json => parse_json(text).ok().map(|mut root| {
            fill_json_spans(text, &mut root);
            root
        }),
    }
}

// ---------------------------------------------------------------------------
// Locating fields

/// What part of a field a diagnostic points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The value (for tables: the `[header]` or the braces).
    Value,
    /// The key of the last path segment (the value for array items).
    Key,
    /// The key of the `n`-th (0-based) entry with that key: for duplicate
    /// keys in JSON.
    NthKey(usize),
    /// A byte range inside the text of a string value; falls back to the
    /// whole value when the string was written with escapes.
    Within(Range<usize>),
}

/// Finds the byte range for a field path. Walks as deep as the path exists,
/// so a path into a missing field points at its nearest existing parent.
pub(crate) fn locate(
    text: &str,
    root: &Node<'_>,
    path: &FieldPath,
    target: &Target,
) -> Range<usize> {
    let mut node = root;
    let mut key_span: Option<Range<usize>> = None;
    let segments = path.segments();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let next = match segment {
            Segment::Key(key) => node
                .as_table()
                .and_then(|entries| {
                    let nth = match (last, target) {
                        (true, Target::NthKey(n)) => *n,
                        _ => 0,
                    };
                    entries.iter().filter(|e| e.key == key.as_str()).nth(nth)
                })
                .map(|e| {
                    key_span = Some(e.key_span.clone());
                    &e.value
                }),
            Segment::Index(index) => {
                node.as_array()
                    .and_then(|items| items.get(*index))
                    .inspect(|_| {
                        key_span = None;
                    })
            }
        };
        match next {
            Some(next) => node = next,
            None => return node.span.clone(),
        }
    }
    match target {
        Target::Value => node.span.clone(),
        Target::Key | Target::NthKey(_) => key_span.unwrap_or_else(|| node.span.clone()),
        Target::Within(range) => within_string(text, node, range.clone()),
    }
}

/// The node at exactly this path, if the document has it.
pub(crate) fn find<'n, 'a>(root: &'n Node<'a>, path: &FieldPath) -> Option<&'n Node<'a>> {
    let mut node = root;
    for segment in path.segments() {
        node = match segment {
            Segment::Key(key) => node
                .as_table()?
                .iter()
                .find(|e| e.key == key.as_str())
                .map(|e| &e.value)?,
            Segment::Index(index) => node.as_array()?.get(*index)?,
        };
    }
    Some(node)
}

/// Maps a range of a string's content to the source, when the string was
/// written without escapes (the content is then a verbatim slice).
fn within_string(text: &str, node: &Node<'_>, range: Range<usize>) -> Range<usize> {
    let whole = node.span.clone();
    let Some(content) = node.as_str() else {
        return whole;
    };
    let Some(raw) = text.get(whole.clone()) else {
        return whole;
    };
    let mut inner_start = whole.start;
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if raw.starts_with(quote) && raw.len() >= 2 * quote.len() {
            inner_start += quote.len();
            let after = &text[inner_start..];
            // A newline right after an opening multi-line delimiter is trimmed.
            if quote.len() == 3 {
                if after.starts_with("\r\n") {
                    inner_start += 2;
                } else if after.starts_with('\n') {
                    inner_start += 1;
                }
            }
            break;
        }
    }
    if text.get(inner_start..inner_start + content.len()) == Some(content)
        && range.end <= content.len()
        && range.start <= range.end
    {
        (inner_start + range.start)..(inner_start + range.end)
    } else {
        whole
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let (line, column) = self.position(range.start);
        let (end_line, end_column) = self.position(range.end.max(range.start));
        Span {
            start: range.start,
            end: range.end.max(range.start),
            line,
            column,
            end_line,
            end_column,
        }
    }
}
