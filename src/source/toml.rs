//! TOML into the spanned tree, straight from `toml_parser`'s events.
//!
//! The lexer and parser come from `toml_parser` (the parser behind the
//! `toml` crate that Wasmer and Spin use, so syntax errors and their
//! recovery are theirs); this module gives the events their meaning: table
//! headers, arrays of tables, dotted keys, and what TOML forbids (a key set
//! twice, a table defined twice, an inline table extended later). Nothing is
//! built twice: values go into the tree as they are read.

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span};

use super::{Document, Entry, MAX_DEPTH, Node, SyntaxError, Table, TableKind, Value};

/// How deep inline tables and arrays may nest (the limit of the `toml`
/// crate, so the same documents are refused).
const NESTING_LIMIT: u32 = 80;
/// How many parts a dotted key may have (likewise).
const KEY_PARTS_LIMIT: usize = 80;

/// Parses TOML into a tree, recovering from syntax errors where the parser
/// can, so that one mistake does not hide the rest of the document.
pub(crate) fn parse(text: &str) -> Document<'_> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut builder = Builder::new(source);
    let mut errors = Errors(Vec::new(), 0);
    {
        let mut validate = ValidateWhitespace::new(&mut builder, source);
        let mut guard = RecursionGuard::new(&mut validate, NESTING_LIMIT);
        toml_parser::parser::parse_document(&tokens, &mut guard, &mut errors);
    }
    builder.finish(&mut errors);
    for error in builder.errors.0.drain(..) {
        errors.keep(error);
    }
    let dropped = errors.1 + builder.errors.1;
    let mut errors = errors.0;
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    Document {
        root: Some(builder.root),
        errors,
        directives: builder.directives,
        body_start: builder.body_start.unwrap_or(text.len()),
        dropped_errors: dropped,
    }
}

/// Collects the parser's errors as [`SyntaxError`]s.
/// Keeps at most [`MAX_ERRORS`] of them; the rest are counted.
struct Errors(Vec<SyntaxError>, usize);

/// Syntax errors kept per document (the report keeps no more diagnostics
/// than this anyway).
const MAX_ERRORS: usize = crate::read::MAX_DIAGNOSTICS;

impl Errors {
    fn keep(&mut self, error: SyntaxError) {
        if self.0.len() < MAX_ERRORS {
            self.0.push(error);
        } else {
            self.1 += 1;
        }
    }
}

impl ErrorSink for Errors {
    fn report_error(&mut self, error: ParseError) {
        if self.0.len() < MAX_ERRORS {
            self.0.push(from_parse_error(&error));
        } else {
            self.1 += 1;
        }
    }
}

fn range(span: Span) -> Range<usize> {
    span.start()..span.end()
}

fn from_parse_error(error: &ParseError) -> SyntaxError {
    let mut message = error.description().to_owned();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, item) in expected.iter().enumerate() {
            if i > 0 {
                message.push_str(if i + 1 == expected.len() {
                    " or "
                } else {
                    ", "
                });
            }
            match item {
                toml_parser::Expected::Literal(literal) => {
                    message.push('`');
                    message.push_str(&literal.replace('\n', "\\n"));
                    message.push('`');
                }
                toml_parser::Expected::Description(what) => message.push_str(what),
                _ => message.push_str("something else"),
            }
        }
    }
    let too_deep = error.description().contains("recurse");
    let span = error.unexpected().or(error.context()).map_or(0..0, range);
    SyntaxError {
        message,
        span,
        too_deep,
        context: None,
    }
}

/// A key part with its span.
struct Key<'i> {
    name: Cow<'i, str>,
    span: Range<usize>,
}

/// A step from a table to a child: an entry, then (for arrays of tables)
/// an item of the array.
#[derive(Clone, Copy)]
enum Step {
    Entry(usize),
    Item(usize),
}

/// A container being read: the value of some key, or an array item.
struct Frame<'i> {
    start: usize,
    /// How deep the container sits, counted from the root.
    depth: usize,
    /// Refused for its depth: read to its end, then dropped.
    dropped: bool,
    kind: FrameKind<'i>,
}

enum FrameKind<'i> {
    Array(Vec<Node<'i>>),
    Inline {
        table: Table<'i>,
        /// The key of the entry whose value comes next.
        pending: Vec<Key<'i>>,
    },
}

enum Mode {
    Body,
    Header { array: bool, start: usize },
}

struct Builder<'i> {
    source: Source<'i>,
    root: Node<'i>,
    /// Where key/value lines go: the steps to the last `[header]` table.
    current: Vec<Step>,
    /// Whether that header was refused (its entries are then dropped).
    refused: bool,
    current_depth: usize,
    mode: Mode,
    /// Key parts read so far (of a header, or of the next key/value).
    keys: Vec<Key<'i>>,
    /// The key of the top-level key/value whose value comes next.
    pending: Vec<Key<'i>>,
    frames: Vec<Frame<'i>>,
    errors: Errors,
    /// Comments that mention `wasm-manifests:`.
    directives: Vec<Range<usize>>,
    /// Where the first key or header starts.
    body_start: Option<usize>,
}

impl<'i> Builder<'i> {
    fn new(source: Source<'i>) -> Self {
        Self {
            source,
            root: Node::new(0..0, Value::Table(Table::new(TableKind::Defined))),
            current: Vec::new(),
            refused: false,
            current_depth: 0,
            mode: Mode::Body,
            keys: Vec::new(),
            pending: Vec::new(),
            frames: Vec::new(),
            errors: Errors(Vec::new(), 0),
            directives: Vec::new(),
            body_start: None,
        }
    }

    fn too_deep(&mut self, span: Range<usize>) {
        self.errors.keep(SyntaxError {
            message: format!(
                "tables and arrays nest more than {MAX_DEPTH} levels deep (counting dotted keys and headers)"
            ),
            span,
            too_deep: true,
            context: None,
        });
    }

    /// The depth of the container that the next value would open.
    fn next_depth(&self) -> usize {
        match self.frames.last() {
            Some(Frame {
                depth,
                kind: FrameKind::Array(_),
                ..
            }) => depth + 1,
            Some(Frame {
                depth,
                kind: FrameKind::Inline { pending, .. },
                ..
            }) => depth + pending.len(),
            None => self.current_depth + self.pending.len(),
        }
    }

    fn open(&mut self, span: Span, kind: FrameKind<'i>) {
        let depth = self.next_depth();
        let parent_dropped = self.frames.last().is_some_and(|f| f.dropped);
        let dropped = parent_dropped || depth > MAX_DEPTH;
        if dropped && !parent_dropped {
            self.too_deep(range(span));
        }
        self.frames.push(Frame {
            start: span.start(),
            depth,
            dropped,
            kind,
        });
    }

    fn close(&mut self, end: usize) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.dropped {
            self.take_pending();
            return;
        }
        let value = match frame.kind {
            FrameKind::Array(items) => Value::Array(items),
            FrameKind::Inline { table, .. } => Value::Table(table),
        };
        self.deliver(Node::new(frame.start..end.max(frame.start), value));
    }

    /// Forgets the key of a value that will not be stored.
    fn take_pending(&mut self) {
        match self.frames.last_mut() {
            Some(Frame {
                kind: FrameKind::Inline { pending, .. },
                ..
            }) => pending.clear(),
            Some(_) => {}
            None => self.pending.clear(),
        }
    }

    /// Stores a complete value where it belongs: in the open array, under
    /// its key in the open inline table, or in the current table.
    fn deliver(&mut self, node: Node<'i>) {
        let mut errors = Vec::new();
        match self.frames.last_mut() {
            Some(frame) if frame.dropped => {
                if let FrameKind::Inline { pending, .. } = &mut frame.kind {
                    pending.clear();
                }
            }
            Some(Frame {
                kind: FrameKind::Array(items),
                ..
            }) => items.push(node),
            Some(Frame {
                kind: FrameKind::Inline { table, pending },
                ..
            }) => {
                insert(table, pending, node, &mut errors);
                pending.clear();
            }
            None => {
                if !self.refused
                    && let Some(table) = table_at(&mut self.root, &self.current)
                {
                    insert(table, &self.pending, node, &mut errors);
                }
                self.pending.clear();
            }
        }
        for error in errors {
            self.errors.keep(error);
        }
    }

    fn decode_key(&mut self, span: Span, encoding: Option<Encoding>, sink: &mut dyn ErrorSink) {
        let raw = toml_parser::Raw::new_unchecked(
            self.source.input().get(range(span)).unwrap_or(""),
            encoding,
            span,
        );
        let mut name = Cow::Borrowed("");
        raw.decode_key(&mut name, sink);
        self.keys.push(Key {
            name,
            span: range(span),
        });
    }

    fn scalar_value(
        &self,
        span: Span,
        encoding: Option<Encoding>,
        sink: &mut dyn ErrorSink,
    ) -> Value<'i> {
        let raw = toml_parser::Raw::new_unchecked(
            self.source.input().get(range(span)).unwrap_or(""),
            encoding,
            span,
        );
        let mut decoded = Cow::Borrowed("");
        match raw.decode_scalar(&mut decoded, sink) {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(b) => Value::Bool(b),
            ScalarKind::DateTime => match decoded.parse::<::toml::value::Datetime>() {
                Ok(datetime) => Value::Datetime(Box::new(datetime)),
                Err(e) => {
                    sink.report_error(ParseError::new(e.to_string()).with_unexpected(span));
                    Value::Datetime(Box::new(::toml::value::Datetime {
                        date: None,
                        time: None,
                        offset: None,
                    }))
                }
            },
            ScalarKind::Float => Value::Float(parse_float(&decoded)),
            ScalarKind::Integer(radix) => {
                let digits: &str = &decoded;
                match i64::from_str_radix(digits, radix.value()) {
                    Ok(i) => Value::Integer(i),
                    Err(_) => match u64::from_str_radix(digits, radix.value()) {
                        Ok(u) => Value::Unsigned(u),
                        Err(_) => {
                            sink.report_error(
                                ParseError::new("integer number overflowed").with_unexpected(span),
                            );
                            Value::Float(f64::NAN)
                        }
                    },
                }
            }
        }
    }

    /// Applies a `[header]` or `[[header]]`: the table it names becomes
    /// the current one.
    fn header(&mut self, array: bool, span: Range<usize>) {
        // Taken for the call, then given back with its capacity.
        let mut keys = std::mem::take(&mut self.keys);
        self.apply_header(&keys, array, span);
        keys.clear();
        self.keys = keys;
    }

    fn apply_header(&mut self, keys: &[Key<'i>], array: bool, span: Range<usize>) {
        self.refused = true;
        self.current.clear();
        if keys.is_empty() {
            return; // the parser reported the missing key
        }
        if keys.len() > KEY_PARTS_LIMIT {
            self.too_deep(span);
            return;
        }
        let mut errors = Vec::new();
        let found = open_header(
            &mut self.root,
            keys,
            array,
            span,
            &mut errors,
            &mut self.current,
        )
        .is_some();
        for error in errors {
            self.errors.keep(error);
        }
        if found {
            let depth = self.current.len();
            if depth > MAX_DEPTH {
                let span = keys[0].span.start..keys[keys.len() - 1].span.end;
                self.too_deep(span);
            } else {
                self.refused = false;
                self.current_depth = depth;
            }
        }
    }

    fn finish(&mut self, sink: &mut dyn ErrorSink) {
        let _ = sink;
        if let Mode::Header { array, start } = self.mode {
            self.mode = Mode::Body;
            let end = self.keys.last().map_or(start, |k| k.span.end);
            self.header(array, start..end);
        }
        let end = self.source.input().len();
        while !self.frames.is_empty() {
            self.close(end);
        }
    }
}

impl<'i> EventReceiver for Builder<'i> {
    fn comment(&mut self, span: Span, _sink: &mut dyn ErrorSink) {
        let text = self.source.input().get(range(span)).unwrap_or("");
        if text.contains("wasm-manifests:") {
            self.directives.push(range(span));
        }
    }

    fn std_table_open(&mut self, span: Span, sink: &mut dyn ErrorSink) {
        self.body_start.get_or_insert(span.start());
        self.finish(sink);
        self.keys.clear();
        self.pending.clear();
        self.mode = Mode::Header {
            array: false,
            start: span.start(),
        };
    }

    fn std_table_close(&mut self, span: Span, _sink: &mut dyn ErrorSink) {
        if let Mode::Header { array, start } = self.mode {
            self.mode = Mode::Body;
            self.header(array, start..span.end());
        }
    }

    fn array_table_open(&mut self, span: Span, sink: &mut dyn ErrorSink) {
        self.body_start.get_or_insert(span.start());
        self.finish(sink);
        self.keys.clear();
        self.pending.clear();
        self.mode = Mode::Header {
            array: true,
            start: span.start(),
        };
    }

    fn array_table_close(&mut self, span: Span, sink: &mut dyn ErrorSink) {
        self.std_table_close(span, sink);
    }

    fn inline_table_open(&mut self, span: Span, _sink: &mut dyn ErrorSink) -> bool {
        self.open(
            span,
            FrameKind::Inline {
                table: Table::new(TableKind::Inline),
                pending: Vec::new(),
            },
        );
        true
    }

    fn inline_table_close(&mut self, span: Span, _sink: &mut dyn ErrorSink) {
        self.close(span.end());
    }

    fn array_open(&mut self, span: Span, _sink: &mut dyn ErrorSink) -> bool {
        self.open(span, FrameKind::Array(Vec::new()));
        true
    }

    fn array_close(&mut self, span: Span, _sink: &mut dyn ErrorSink) {
        self.close(span.end());
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, sink: &mut dyn ErrorSink) {
        self.body_start.get_or_insert(span.start());
        self.decode_key(span, encoding, sink);
    }

    fn key_val_sep(&mut self, _span: Span, _sink: &mut dyn ErrorSink) {
        if self.keys.len() > KEY_PARTS_LIMIT {
            let span = self.keys[0].span.start..self.keys[self.keys.len() - 1].span.end;
            self.keys.clear();
            self.too_deep(span);
            // An empty key path: the value is read, then dropped.
            return;
        }
        match self.frames.last_mut() {
            Some(Frame {
                kind: FrameKind::Inline { pending, .. },
                ..
            }) => {
                pending.clear();
                pending.append(&mut self.keys);
            }
            Some(_) => self.keys.clear(),
            None => {
                // The buffers trade places, so neither allocates again.
                std::mem::swap(&mut self.pending, &mut self.keys);
                self.keys.clear();
            }
        }
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, sink: &mut dyn ErrorSink) {
        let value = self.scalar_value(span, encoding, sink);
        self.deliver(Node::new(range(span), value));
    }

    fn newline(&mut self, _span: Span, sink: &mut dyn ErrorSink) {
        if self.frames.is_empty() {
            if let Mode::Header { .. } = self.mode {
                self.finish(sink);
            }
            self.keys.clear();
            self.pending.clear();
        }
    }
}

fn parse_float(raw: &str) -> f64 {
    match raw.trim_start_matches('+') {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "-nan" => f64::NAN,
        other => other.parse().unwrap_or(f64::NAN),
    }
}

/// The table at the end of `steps` from the root.
fn table_at<'t, 'i>(root: &'t mut Node<'i>, steps: &[Step]) -> Option<&'t mut Table<'i>> {
    let mut node = root;
    for step in steps {
        node = match step {
            Step::Entry(i) => match &mut node.value {
                Value::Table(table) if *i < table.len() => table.value_mut(*i),
                _ => return None,
            },
            Step::Item(i) => match &mut node.value {
                Value::Array(items) if *i < items.len() => &mut items[*i],
                _ => return None,
            },
        };
    }
    match &mut node.value {
        Value::Table(table) => Some(table),
        _ => None,
    }
}

fn type_of(value: &Value<'_>) -> &'static str {
    match value {
        Value::String(_) => "string",
        Value::Integer(_) | Value::Unsigned(_) => "integer",
        Value::Float(_) => "float",
        Value::Bool(_) => "boolean",
        Value::Datetime(_) => "date-time",
        Value::Null => "null",
        Value::Array(_) => "array",
        Value::Table(table) if table.kind() == TableKind::Inline => "inline table",
        Value::Table(_) => "table",
    }
}

/// Whether an array was made by `[[header]]` lines (and may get more).
fn is_array_of_tables(items: &[Node<'_>]) -> bool {
    items
        .last()
        .and_then(Node::as_table)
        .is_some_and(|t| t.kind() == TableKind::ArrayItem)
}

/// One step down from `table` through `key` while applying a header
/// (`created` is `Implicit`) or a dotted key (`Dotted`): into a child table,
/// created when missing, or into the last table of an array of tables.
/// Returns the child and the steps taken.
fn descend<'t, 'i>(
    table: &'t mut Table<'i>,
    key: &Key<'i>,
    created: TableKind,
    errors: &mut Vec<SyntaxError>,
) -> Option<(&'t mut Node<'i>, [Option<Step>; 2])> {
    enum Into {
        Table,
        Item(usize),
        Refuse(String),
    }
    let dotted = created == TableKind::Dotted;
    let index = match table.position(&key.name) {
        Some(index) => index,
        None => {
            let node = Node::new(key.span.clone(), Value::Table(Table::new(created)));
            table.push(Entry::new(key.name.clone(), key.span.clone(), node));
            table.len() - 1
        }
    };
    let into = match &table[index].value.value {
        Value::Table(child) => match child.kind() {
            TableKind::Inline => Into::Refuse(
                "cannot extend value of type inline table with a dotted key".to_owned(),
            ),
            TableKind::Defined | TableKind::ArrayItem if dotted => {
                Into::Refuse("duplicate key".to_owned())
            }
            _ => Into::Table,
        },
        Value::Array(items) if is_array_of_tables(items) => Into::Item(items.len() - 1),
        other => Into::Refuse(format!(
            "cannot extend value of type {} with a dotted key",
            type_of(other)
        )),
    };
    match into {
        Into::Table => {
            let node = table.value_mut(index);
            if let Value::Table(child) = &mut node.value
                && dotted
                && child.kind() == TableKind::Implicit
            {
                child.set_kind(TableKind::Dotted);
            }
            Some((node, [Some(Step::Entry(index)), None]))
        }
        Into::Item(last) => {
            let Value::Array(items) = &mut table.value_mut(index).value else {
                return None;
            };
            Some((
                &mut items[last],
                [Some(Step::Entry(index)), Some(Step::Item(last))],
            ))
        }
        Into::Refuse(message) => {
            errors.push(SyntaxError {
                message,
                span: key.span.clone(),
                too_deep: false,
                context: Some(table[index].key_span()),
            });
            None
        }
    }
}

/// Stores `value` under the dotted key `keys` in `table`.
fn insert<'i>(
    table: &mut Table<'i>,
    keys: &[Key<'i>],
    value: Node<'i>,
    errors: &mut Vec<SyntaxError>,
) {
    let Some((last, parents)) = keys.split_last() else {
        return;
    };
    let mut target = table;
    for key in parents {
        let Some((node, _)) = descend(target, key, TableKind::Dotted, errors) else {
            return;
        };
        let Value::Table(next) = &mut node.value else {
            return;
        };
        target = next;
    }
    if let Some(earlier) = target.position(&last.name) {
        errors.push(SyntaxError {
            message: "duplicate key".to_owned(),
            span: last.span.clone(),
            too_deep: false,
            context: Some(target[earlier].key_span()),
        });
        return;
    }
    target.push(Entry::new(last.name.clone(), last.span.clone(), value));
}

/// Finds or creates the table a header names, writing the steps to it from
/// the root into `steps` (whose length is the table's depth). `None` when
/// the header names nothing entries can go to.
fn open_header<'i>(
    root: &mut Node<'i>,
    keys: &[Key<'i>],
    array: bool,
    span: Range<usize>,
    errors: &mut Vec<SyntaxError>,
    steps: &mut Vec<Step>,
) -> Option<()> {
    let (last, parents) = keys.split_last()?;
    let mut node = root;
    for key in parents {
        let Value::Table(table) = &mut node.value else {
            return None;
        };
        let (next, taken) = descend(table, key, TableKind::Implicit, errors)?;
        steps.extend(taken.into_iter().flatten());
        node = next;
    }
    let Value::Table(table) = &mut node.value else {
        return None;
    };
    let duplicate = |errors: &mut Vec<SyntaxError>, earlier: Range<usize>| {
        errors.push(SyntaxError {
            message: "duplicate key".to_owned(),
            span: last.span.clone(),
            too_deep: false,
            context: Some(earlier),
        });
    };
    match table.position(&last.name) {
        None if array => {
            let item = Node::new(span.clone(), Value::Table(Table::new(TableKind::ArrayItem)));
            let node = Node::new(span, Value::Array(vec![item]));
            table.push(Entry::new(last.name.clone(), last.span.clone(), node));
            steps.push(Step::Entry(table.len() - 1));
            steps.push(Step::Item(0));
        }
        None => {
            let node = Node::new(span, Value::Table(Table::new(TableKind::Defined)));
            table.push(Entry::new(last.name.clone(), last.span.clone(), node));
            steps.push(Step::Entry(table.len() - 1));
        }
        Some(index) => {
            let earlier = table[index].key_span();
            let node = &mut table.value_mut(index).value;
            match node {
                Value::Array(items) if array && is_array_of_tables(items) => {
                    items.push(Node::new(
                        span,
                        Value::Table(Table::new(TableKind::ArrayItem)),
                    ));
                    steps.push(Step::Entry(index));
                    steps.push(Step::Item(items.len() - 1));
                }
                Value::Table(child) if !array && child.kind() == TableKind::Implicit => {
                    child.set_kind(TableKind::Defined);
                    table.value_mut(index).set_span(span);
                    table.set_key_span(index, last.span.clone());
                    steps.push(Step::Entry(index));
                }
                Value::Table(child)
                    if !array && matches!(child.kind(), TableKind::Defined | TableKind::Dotted) =>
                {
                    // Defined twice: reported, and the entries still go to
                    // the first definition so that they are checked too.
                    duplicate(errors, earlier);
                    steps.push(Step::Entry(index));
                }
                _ => {
                    duplicate(errors, earlier);
                    return None;
                }
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `key=value` lines, for comparing with the `toml` crate.
    fn flat(node: &Node<'_>, path: &str, out: &mut Vec<String>) {
        match &node.value {
            Value::Table(table) => {
                for entry in table.iter() {
                    flat(&entry.value, &format!("{path}.{}", entry.key), out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    flat(item, &format!("{path}[{i}]"), out);
                }
            }
            Value::String(s) => out.push(format!("{path}={s:?}")),
            Value::Integer(i) => out.push(format!("{path}={i}")),
            Value::Unsigned(u) => out.push(format!("{path}={u}")),
            Value::Float(f) => out.push(format!("{path}={f}")),
            Value::Bool(b) => out.push(format!("{path}={b}")),
            Value::Datetime(d) => out.push(format!("{path}={d}")),
            Value::Null => out.push(format!("{path}=null")),
        }
    }

    fn toml_flat(value: &::toml::Value, path: &str, out: &mut Vec<String>) {
        match value {
            ::toml::Value::Table(table) => {
                for (key, value) in table {
                    toml_flat(value, &format!("{path}.{key}"), out);
                }
            }
            ::toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    toml_flat(item, &format!("{path}[{i}]"), out);
                }
            }
            ::toml::Value::String(s) => out.push(format!("{path}={s:?}")),
            ::toml::Value::Integer(i) => out.push(format!("{path}={i}")),
            ::toml::Value::Float(f) => out.push(format!("{path}={f}")),
            ::toml::Value::Boolean(b) => out.push(format!("{path}={b}")),
            ::toml::Value::Datetime(d) => out.push(format!("{path}={d}")),
        }
    }

    /// Same acceptance and same values as the `toml` crate.
    fn same_as_toml(text: &str) {
        let Document { root, errors, .. } = parse(text);
        let root = root.unwrap();
        let official = text.parse::<::toml::Table>();
        assert_eq!(
            errors.is_empty(),
            official.is_ok(),
            "{text:?}: ours {:?}, toml {:?}",
            errors.iter().map(|e| &e.message).collect::<Vec<_>>(),
            official.as_ref().err().map(ToString::to_string)
        );
        if let Ok(official) = official {
            let mut ours = Vec::new();
            flat(&root, "", &mut ours);
            let mut theirs = Vec::new();
            toml_flat(&::toml::Value::Table(official), "", &mut theirs);
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn tables_headers_and_dotted_keys_mean_what_toml_says() {
        for text in [
            "a = 1\nb = \"x\"\n",
            "[a]\nx = 1\n[b]\ny = 2\n",
            "[a.b.c]\nx = 1\n[a]\ny = 2\n",
            "[a.b.c]\n[a.b]\nx = 1\n",
            "[a.b]\nx = 1\n[a.b]\ny = 2\n",
            "[a]\nb.c = 1\nb.d = 2\n",
            "[a]\nb.c = 1\n[a.b]\nd = 2\n",
            "[a]\nb.c = 1\n[a.b.e]\nd = 2\n",
            "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
            "[a.b.c]\n[a]\nb.d = 1\n",
            "a = { b = 1 }\na.c = 2\n",
            "a = { b = 1 }\n[a.c]\n",
            "a = { b.c = 1, b.d = 2 }\n",
            "a = { b = 1, b = 2 }\n",
            "a = 1\na = 2\n",
            "a = 1\n[a]\n",
            "a = [1]\n[[a]]\n",
            "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n",
            "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n[[a.b]]\n",
            "[[a]]\nb.c = 1\n",
            "[a]\n[[a]]\n",
            "[[a]]\n[a]\n",
            "a.b.c = 1\na.b.d = 2\na.e = 3\n",
            "a.b = 1\na.b.c = 2\n",
            "\"quoted key\" = 1\n'lit' = 2\n\"a.b\".c = 3\n",
            "x = [[1, 2], [\"a\"], [], [{ y = 1 }]]\n",
            "n = 0x10\no = 0o17\nb = 0b101\nf = 1e3\ninf1 = inf\nd = 1979-05-27T07:32:00Z\n",
            "s = \"\"\"\nmulti\nline\"\"\"\nl = '''\nraw\\n'''\n",
            "big = 9223372036854775807\n",
            "t = { }\nu = {a=1}\n",
            "[a]\n[b]\n[a]\n",
            "[ a . b ]\n",
            "a = {\n  b = 1,\n}\n",
        ] {
            same_as_toml(text);
        }
    }

    #[test]
    fn spans_point_at_what_was_written() {
        let text = "[package]\nname = \"x\"\n[[module]]\nabi = 'wasi'\n";
        let Document { root, errors, .. } = parse(text);
        let root = root.unwrap();
        assert!(errors.is_empty());
        let table = root.as_table().unwrap();
        let package = &table[0];
        assert_eq!(&text[package.key_span()], "package");
        assert_eq!(&text[package.value.span()], "[package]");
        let name = package.value.as_table().unwrap().get("name").unwrap();
        assert_eq!(&text[name.span()], "\"x\"");
        let module = table.get("module").unwrap();
        assert_eq!(&text[module.span()], "[[module]]");
        let first = &module.as_array().unwrap()[0];
        assert_eq!(&text[first.span()], "[[module]]");
    }

    #[test]
    fn errors_are_reported_and_reading_goes_on() {
        let Document { root, errors, .. } = parse("a = 1\na = 2\nb = \"x\nc = 3\n");
        let root = root.unwrap();
        assert!(errors.iter().any(|e| e.message == "duplicate key"));
        assert!(errors.len() >= 2);
        assert!(root.as_table().unwrap().get("c").is_some());
        let duplicate = errors
            .iter()
            .find(|e| e.message == "duplicate key")
            .unwrap();
        assert_eq!(duplicate.span, 6..7);
        assert_eq!(duplicate.context, Some(0..1));
    }

    #[test]
    fn depth_is_bounded_whatever_makes_it() {
        // Dotted keys inside nested inline tables: each level adds 79.
        let key = vec!["a"; 79].join(".");
        let mut text = String::from("x = ");
        for _ in 0..60 {
            text.push_str(&format!("{{{key} = "));
        }
        text.push('1');
        text.push_str(&"}".repeat(60));
        let errors = parse(&text).errors;
        assert!(errors.iter().any(|e| e.too_deep));
        // Headers alone.
        let header = format!("[{}]\nx = 1\n", vec!["b"; 79].join("."));
        let text = format!(
            "{header}[{}.c.{}]\n",
            vec!["b"; 79].join("."),
            vec!["d"; 30].join(".")
        );
        let errors = parse(&text).errors;
        assert!(errors.iter().any(|e| e.too_deep), "{errors:?}");
    }
}
