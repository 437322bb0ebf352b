//! Source text: the spanned document tree every format is read from, built
//! in one pass from TOML ([`toml`]) or JSON ([`json`]), and span lookup by
//! field path ([`locate`]).
//!
//! The tree borrows the text wherever it can: keys and strings written
//! without escapes are slices of the input. Every node knows its byte range,
//! so positions never need a second parse. Large tables carry a hash index,
//! so looking a key up is constant time whatever the table's size.

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::ops::Range;

use crate::path::{FieldPath, Segment};

#[cfg(feature = "json")]
pub(crate) mod json;
mod lines;
pub(crate) mod toml;

pub(crate) use lines::LineIndex;

/// The syntax a manifest is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    Toml,
    Json,
}

impl Syntax {
    /// "TOML" or "JSON", for messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Syntax::Toml => "TOML",
            Syntax::Json => "JSON",
        }
    }
}

/// How deep tables and arrays may nest, counted from the root, whatever
/// produced the nesting (brackets, inline tables, dotted keys or headers).
/// Manifests never need more than a handful of levels; the bound keeps every
/// walk over the tree, and dropping it, within a small stack.
pub(crate) const MAX_DEPTH: usize = 128;

/// A syntax error found while parsing, with its byte range.
#[derive(Clone, Debug)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
    /// Whether the error is about nesting depth rather than syntax.
    pub too_deep: bool,
    /// An earlier place the error refers to (the first of two keys).
    pub context: Option<Range<usize>>,
}

/// A value of the document with the byte range it was read from.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    start: u32,
    end: u32,
    pub value: Value<'a>,
}

#[derive(Clone, Debug)]
pub(crate) enum Value<'a> {
    String(Cow<'a, str>),
    /// Integers in the `i64` range.
    Integer(i64),
    /// Integers above `i64::MAX` that fit a `u64` (JSON).
    Unsigned(u64),
    Float(f64),
    Bool(bool),
    Datetime(Box<::toml::value::Datetime>),
    Null,
    Array(Vec<Node<'a>>),
    Table(Table<'a>),
}

/// A table (TOML) or object (JSON): its entries in document order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table<'a>(Box<TableData<'a>>);

#[derive(Clone, Debug, Default)]
struct TableData<'a> {
    entries: Vec<Entry<'a>>,
    /// Positions of the entries by key, for tables too large to scan.
    index: Option<Index>,
    kind: TableKind,
}

/// How a TOML table came to be; decides what may still be added to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// The document root, a `[header]` table, or a JSON object.
    #[default]
    Defined,
    /// Created as the parent of a `[header]` (`[a]` for `[a.b]`): may still
    /// be defined by its own header later.
    Implicit,
    /// Created by a dotted key (`a.b = 1` creates `a`).
    Dotted,
    /// An inline table `{ ... }`: closed once written.
    Inline,
    /// One `[[header]]` entry of an array of tables.
    ArrayItem,
}

#[derive(Clone, Debug)]
pub(crate) struct Entry<'a> {
    pub key: Cow<'a, str>,
    key_start: u32,
    key_end: u32,
    pub value: Node<'a>,
}

/// Tables with more entries than this get a hash index.
const INDEX_FROM: usize = 12;

#[derive(Clone, Debug)]
struct Index {
    hasher: foldhash::fast::RandomState,
    /// Entry positions, hashed by key; the first entry of each key.
    table: hashbrown::HashTable<u32>,
}

fn offset(at: usize) -> u32 {
    // The input size limit keeps every offset within u32 (see `Options::max_size`).
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl<'a> Node<'a> {
    pub(crate) fn new(span: Range<usize>, value: Value<'a>) -> Self {
        Node {
            start: offset(span.start),
            end: offset(span.end),
            value,
        }
    }

    /// The byte range of the value in the text.
    pub(crate) fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub(crate) fn set_span(&mut self, span: Range<usize>) {
        self.start = offset(span.start);
        self.end = offset(span.end);
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_table(&self) -> Option<&Table<'a>> {
        match &self.value {
            Value::Table(table) => Some(table),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The value of `key`, when this is a table that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.as_table()?.get(key)
    }

    /// The string value of `key`, when this is a table that has one.
    pub(crate) fn str_at(&self, key: &str) -> Option<&str> {
        self.get(key)?.as_str()
    }

    /// The items, when this is an array (none otherwise).
    pub(crate) fn items(&self) -> &[Node<'a>] {
        self.as_array().unwrap_or(&[])
    }

    /// The entries, when this is a table (none otherwise).
    pub(crate) fn entries(&self) -> &[Entry<'a>] {
        match &self.value {
            Value::Table(table) => table,
            _ => &[],
        }
    }

    /// The value as an integer, whatever its range.
    pub(crate) fn as_integer(&self) -> Option<i128> {
        match self.value {
            Value::Integer(i) => Some(i.into()),
            Value::Unsigned(u) => Some(u.into()),
            _ => None,
        }
    }

    /// "a string", "an array", ... for messages.
    pub(crate) fn type_name(&self, syntax: Syntax) -> &'static str {
        match (&self.value, syntax) {
            (Value::String(_), _) => "a string",
            (Value::Integer(_) | Value::Unsigned(_), _) => "an integer",
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

    /// The value as written, for scalars (numbers, booleans, dates).
    pub(crate) fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Integer(i) => Some(i.to_string()),
            Value::Unsigned(u) => Some(u.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Datetime(d) => Some(d.to_string()),
            _ => None,
        }
    }

    /// Converts to a `toml::Value` for open tables kept verbatim in a model.
    /// JSON `null` has no TOML equivalent and is dropped from tables and
    /// arrays. The tree's depth is bounded ([`MAX_DEPTH`]), so the recursion
    /// is too.
    pub(crate) fn to_toml(&self) -> Option<::toml::Value> {
        Some(match &self.value {
            Value::String(s) => ::toml::Value::String(s.to_string()),
            Value::Integer(i) => ::toml::Value::Integer(*i),
            Value::Unsigned(u) => ::toml::Value::Float(*u as f64),
            Value::Float(f) => ::toml::Value::Float(*f),
            Value::Bool(b) => ::toml::Value::Boolean(*b),
            Value::Datetime(d) => ::toml::Value::Datetime(**d),
            Value::Null => return None,
            Value::Array(items) => {
                ::toml::Value::Array(items.iter().filter_map(Node::to_toml).collect())
            }
            Value::Table(table) => ::toml::Value::Table(
                table
                    .iter()
                    .filter_map(|e| Some((e.key.to_string(), e.value.to_toml()?)))
                    .collect(),
            ),
        })
    }
}

impl<'a> Entry<'a> {
    pub(crate) fn new(key: Cow<'a, str>, key_span: Range<usize>, value: Node<'a>) -> Self {
        Entry {
            key,
            key_start: offset(key_span.start),
            key_end: offset(key_span.end),
            value,
        }
    }

    /// The byte range of the key in the text (quotes included).
    pub(crate) fn key_span(&self) -> Range<usize> {
        self.key_start as usize..self.key_end as usize
    }
}

impl<'a> Table<'a> {
    pub(crate) fn new(kind: TableKind) -> Self {
        Table(Box::new(TableData {
            entries: Vec::new(),
            index: None,
            kind,
        }))
    }

    pub(crate) fn kind(&self) -> TableKind {
        self.0.kind
    }

    pub(crate) fn set_kind(&mut self, kind: TableKind) {
        self.0.kind = kind;
    }

    /// The position of the first entry with this key.
    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        let data = &self.0;
        match &data.index {
            Some(index) => {
                let hash = index.hasher.hash_one(key);
                index
                    .table
                    .find(hash, |&i| data.entries[i as usize].key == key)
                    .map(|&i| i as usize)
            }
            None => data.entries.iter().position(|e| same_key(&e.key, key)),
        }
    }

    /// The value of the first entry with this key.
    pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.position(key).map(|i| &self.0.entries[i].value)
    }

    /// Moves the key of the entry at `index` (a table defined by its own
    /// header after being created as the parent of another).
    pub(crate) fn set_key_span(&mut self, index: usize, span: Range<usize>) {
        let entry = &mut self.0.entries[index];
        entry.key_start = offset(span.start);
        entry.key_end = offset(span.end);
    }

    /// The entry at `index`, to change its value.
    pub(crate) fn value_mut(&mut self, index: usize) -> &mut Node<'a> {
        &mut self.0.entries[index].value
    }

    /// Adds an entry at the end. Returns the position of an earlier entry
    /// with the same key, if any (the new entry is still added: JSON keeps
    /// duplicates so they can be reported; TOML callers check first).
    pub(crate) fn push(&mut self, entry: Entry<'a>) -> Option<usize> {
        let earlier = self.position(&entry.key);
        let data = &mut self.0;
        let at = data.entries.len();
        data.entries.push(entry);
        if earlier.is_none() {
            if let Some(index) = &mut data.index {
                let hash = index.hasher.hash_one(&*data.entries[at].key);
                let entries = &data.entries;
                let hasher = &index.hasher;
                index.table.insert_unique(hash, offset(at), |&i| {
                    hasher.hash_one(&*entries[i as usize].key)
                });
            } else if data.entries.len() > INDEX_FROM {
                data.index = Some(build_index(&data.entries));
            }
        }
        earlier
    }

    /// Whether the entries were written with a key more than once (JSON).
    pub(crate) fn has_duplicates(&self) -> bool {
        let data = &self.0;
        match &data.index {
            Some(index) => index.table.len() != data.entries.len(),
            None => data
                .entries
                .iter()
                .enumerate()
                .any(|(i, e)| data.entries[..i].iter().any(|d| d.key == e.key)),
        }
    }
}

/// Key equality, with the cheap tests first: most keys of a table differ
/// in length or first byte, and comparing those needs no call.
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

fn build_index(entries: &[Entry<'_>]) -> Index {
    let hasher = foldhash::fast::RandomState::default();
    let mut table = hashbrown::HashTable::with_capacity(entries.len() * 2);
    for (i, entry) in entries.iter().enumerate() {
        let hash = hasher.hash_one(&*entry.key);
        let known = table
            .find(hash, |&j: &u32| entries[j as usize].key == entry.key)
            .is_some();
        if !known {
            table.insert_unique(hash, offset(i), |&j| {
                hasher.hash_one(&*entries[j as usize].key)
            });
        }
    }
    Index { hasher, table }
}

impl<'a> std::ops::Deref for Table<'a> {
    type Target = [Entry<'a>];
    fn deref(&self) -> &[Entry<'a>] {
        &self.0.entries
    }
}

// ---------------------------------------------------------------------------
// Parsing

/// A parsed document: the tree, every syntax error, and the comments that
/// speak to this tool (`# wasm-manifests: ...`).
pub(crate) struct Document<'a> {
    /// `None` only when a JSON document does not parse.
    pub root: Option<Node<'a>>,
    pub errors: Vec<SyntaxError>,
    /// Byte ranges of the comments that mention `wasm-manifests:`.
    pub directives: Vec<Range<usize>>,
    /// Where the first key or table header starts (the end of the text when
    /// there is none): comments before it speak for the whole file.
    pub body_start: usize,
    /// Syntax errors found beyond those kept in `errors`.
    pub dropped_errors: usize,
}

/// Parses a document of `syntax`, with every syntax error found (TOML
/// recovers and goes on; JSON stops at the first).
pub(crate) fn parse_document(text: &str, syntax: Syntax) -> Document<'_> {
    match syntax {
        Syntax::Toml => toml::parse(text),
        #[cfg(not(feature = "json"))]
        // No format of this build reads JSON, so no document is JSON.
        Syntax::Json => toml::parse(text),
        #[cfg(feature = "json")]
        Syntax::Json => {
            let (root, errors) = match json::parse(text) {
                Ok(root) => (Some(root), Vec::new()),
                Err(error) => (None, vec![error]),
            };
            Document {
                root,
                errors,
                directives: Vec::new(),
                body_start: 0,
                dropped_errors: 0,
            }
        }
    }
}

/// The tree and the syntax errors of a document.
pub(crate) fn parse(text: &str, syntax: Syntax) -> (Option<Node<'_>>, Vec<SyntaxError>) {
    let document = parse_document(text, syntax);
    (document.root, document.errors)
}

/// The document tree, for locating fields after the fact; `None` when the
/// text does not parse as JSON.
pub(crate) fn spanned_tree(text: &str, syntax: Syntax) -> Option<Node<'_>> {
    parse(text, syntax).0
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
/// Each step is a constant-time lookup.
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
            Segment::Key(key) => node.as_table().and_then(|table| {
                let entry = match (last, target) {
                    (true, Target::NthKey(n)) if *n > 0 => {
                        table.iter().filter(|e| e.key == key.as_str()).nth(*n)
                    }
                    _ => table.position(key).map(|i| &table[i]),
                }?;
                key_span = Some(entry.key_span());
                Some(&entry.value)
            }),
            Segment::Index(index) => node
                .as_array()
                .and_then(|items| items.get(*index))
                .inspect(|_| key_span = None),
        };
        match next {
            Some(next) => node = next,
            None => return node.span(),
        }
    }
    match target {
        Target::Value => node.span(),
        Target::Key | Target::NthKey(_) => key_span.unwrap_or_else(|| node.span()),
        Target::Within(range) => within_string(text, node, range.clone()),
    }
}

/// The node at exactly this path, if the document has it.
pub(crate) fn find<'n, 'a>(root: &'n Node<'a>, path: &FieldPath) -> Option<&'n Node<'a>> {
    let mut node = root;
    for segment in path.segments() {
        node = match segment {
            Segment::Key(key) => node.as_table()?.get(key)?,
            Segment::Index(index) => node.as_array()?.get(*index)?,
        };
    }
    Some(node)
}

/// Maps a range of a string's content to the source, when the string was
/// written without escapes (the content is then a verbatim slice).
fn within_string(text: &str, node: &Node<'_>, range: Range<usize>) -> Range<usize> {
    let whole = node.span();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_stays_small() {
        // Memory per value is the main cost of a large document.
        assert!(std::mem::size_of::<Node<'_>>() <= 40);
        assert!(std::mem::size_of::<Entry<'_>>() <= 72);
    }

    #[test]
    fn large_tables_are_indexed() {
        let mut table = Table::new(TableKind::Defined);
        for i in 0..1000 {
            let key = Cow::Owned(format!("k{i}"));
            assert_eq!(
                table.push(Entry::new(key, 0..0, Node::new(0..0, Value::Null))),
                None
            );
        }
        assert_eq!(table.position("k999"), Some(999));
        assert_eq!(table.position("k1000"), None);
        assert!(!table.has_duplicates());
        let again = Entry::new(Cow::Borrowed("k5"), 0..0, Node::new(0..0, Value::Null));
        assert_eq!(table.push(again), Some(5));
        assert!(table.has_duplicates());
        assert_eq!(table.position("k5"), Some(5));
    }
}
