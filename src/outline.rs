//! Where the keys of a manifest are written, for editors: which field a
//! position of the text is on, and which table a line belongs to.

use std::ops::Range;

use crate::Format;
use crate::path::{FieldPath, Segment};
use crate::pipeline::syntax_of;
use crate::source::{self, Node, Syntax, TableKind, Value};

/// The keys of a manifest and where they are written: what an editor needs
/// to tell which field the cursor is on (for hover) and which table a new
/// line goes to (for completion).
///
/// The text is read the way the format's reader reads it, so positions are
/// those of the diagnostics; TOML with syntax errors is read as far as it
/// can be, which is what a document being typed needs.
///
/// ```
/// use wasm_manifests::{Format, Outline};
///
/// let text = "[package]\nname = \"me/app\"\n\n[[module]]\nname = \"app\"\nabi = \"wasi\"\n";
/// let outline = Outline::new(text, Format::Wasmer);
///
/// // The cursor on `abi`:
/// let key = outline.key_at(text.find("abi").unwrap()).unwrap();
/// assert_eq!(key.path.to_string(), "module[0].abi");
/// assert_eq!(&text[key.span], "abi");
///
/// // A line typed after `name = "me/app"` belongs to `[package]`, which
/// // has `name` already.
/// let table = outline.table_at(text.find("\n\n").unwrap() + 1);
/// assert_eq!(table.to_string(), "package");
/// assert_eq!(outline.keys(&table), ["name"]);
/// ```
#[derive(Clone, Debug)]
pub struct Outline<'t> {
    text: &'t str,
    syntax: Syntax,
    root: Option<Node<'t>>,
}

/// A key found by [`Outline::key_at`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeyAt {
    /// The field the key names (`module[0].abi`; `package` on the
    /// `package` of a `[package.metadata]` header).
    pub path: FieldPath,
    /// The bytes of the key in the text, quotes included.
    pub span: Range<usize>,
}

impl<'t> Outline<'t> {
    /// Reads `text` as the format reads it: TOML, or JSON for Extism and
    /// Flow-Like documents that start with `{`.
    pub fn new(text: &'t str, format: Format) -> Self {
        let syntax = syntax_of(format, text);
        Outline {
            text,
            syntax,
            root: source::spanned_tree(text, syntax),
        }
    }

    /// Whether the text is read as JSON (otherwise TOML).
    pub fn is_json(&self) -> bool {
        self.syntax == Syntax::Json
    }

    /// The key written at byte `offset` (or ending right before it), with
    /// the path of the field it names; `None` when the position is not on
    /// a key (a value, a comment, blank space).
    pub fn key_at(&self, offset: usize) -> Option<KeyAt> {
        let root = self.root.as_ref()?;
        let mut found = None;
        self.find_key(root, &FieldPath::root(), offset, 0, &mut found);
        found
    }

    fn find_key(
        &self,
        node: &Node<'t>,
        path: &FieldPath,
        offset: usize,
        depth: usize,
        found: &mut Option<KeyAt>,
    ) {
        if found.is_some() || depth > source::MAX_DEPTH {
            return;
        }
        match &node.value {
            Value::Table(table) => {
                for entry in table.iter() {
                    let key_span = entry.key_span();
                    let child = path.clone().key(entry.key.as_ref());
                    if key_span.start <= offset && offset <= key_span.end {
                        *found = Some(KeyAt {
                            path: child,
                            span: key_span,
                        });
                        return;
                    }
                    self.in_header(&entry.value, &child, offset, found);
                    self.find_key(&entry.value, &child, offset, depth + 1, found);
                    if found.is_some() {
                        return;
                    }
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let child = path.clone().index(index);
                    self.in_header(item, &child, offset, found);
                    self.find_key(item, &child, offset, depth + 1, found);
                    if found.is_some() {
                        return;
                    }
                }
            }
            _ => {}
        }
    }

    /// The cursor inside the `[a.b.c]` header of the table at `path`, on
    /// a key other than the last (which the table's entry knows): the
    /// dots before the cursor tell which.
    fn in_header(
        &self,
        node: &Node<'t>,
        path: &FieldPath,
        offset: usize,
        found: &mut Option<KeyAt>,
    ) {
        if found.is_some() || !self.is_header(node) {
            return;
        }
        let span = node.span();
        if !(span.start <= offset && offset < span.end) {
            return;
        }
        let Some(before) = self.text.get(span.start..offset) else {
            return;
        };
        let keys = dots_outside_quotes(before) + 1;
        let mut seen = 0;
        let mut segments = Vec::new();
        for segment in path.segments() {
            if let Segment::Key(_) = segment {
                if seen == keys {
                    break;
                }
                seen += 1;
            }
            segments.push(segment.clone());
        }
        // Indices of arrays of tables come after their key.
        let mut path = FieldPath::root();
        for segment in segments {
            path = match segment {
                Segment::Key(key) => path.key(key),
                Segment::Index(index) => path.index(index),
            };
        }
        *found = Some(KeyAt { path, span });
    }

    /// Whether `node` is a table a TOML `[header]` or `[[header]]` opened
    /// (its span is then that of the header).
    fn is_header(&self, node: &Node<'t>) -> bool {
        self.syntax == Syntax::Toml
            && matches!(&node.value, Value::Table(table)
                if matches!(table.kind(), TableKind::Defined | TableKind::ArrayItem))
    }

    /// The table a key written at byte `offset` would go to: that of the
    /// last `[header]` or `[[header]]` before it (`module[1]` for the
    /// second `[[module]]`), or the root. In JSON, the root.
    pub fn table_at(&self, offset: usize) -> FieldPath {
        let mut best: Option<(usize, FieldPath)> = None;
        if let Some(root) = &self.root
            && self.syntax == Syntax::Toml
        {
            self.last_header(root, &FieldPath::root(), offset, 0, &mut best);
        }
        best.map(|(_, path)| path).unwrap_or_default()
    }

    fn last_header(
        &self,
        node: &Node<'t>,
        path: &FieldPath,
        offset: usize,
        depth: usize,
        best: &mut Option<(usize, FieldPath)>,
    ) {
        if depth > source::MAX_DEPTH {
            return;
        }
        let mut visit = |child: &Node<'t>, child_path: FieldPath| {
            let span = child.span();
            if self.is_header(child)
                && span.end <= offset
                && best.as_ref().is_none_or(|(start, _)| span.start > *start)
            {
                *best = Some((span.start, child_path.clone()));
            }
            self.last_header(child, &child_path, offset, depth + 1, best);
        };
        match &node.value {
            Value::Table(table) => {
                for entry in table.iter() {
                    visit(&entry.value, path.clone().key(entry.key.as_ref()));
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    visit(item, path.clone().index(index));
                }
            }
            _ => {}
        }
    }

    /// The keys the table at `path` has, in the order written; none when
    /// there is no table there.
    pub fn keys(&self, path: &FieldPath) -> Vec<String> {
        let mut node = self.root.as_ref();
        for segment in path.segments() {
            node = node.and_then(|node| match segment {
                Segment::Key(key) => node.get(key),
                Segment::Index(index) => node.as_array()?.get(*index),
            });
        }
        node.map(|node| {
            node.entries()
                .iter()
                .map(|entry| entry.key.to_string())
                .collect()
        })
        .unwrap_or_default()
    }
}

/// How many `.` of a TOML header's text are outside quoted keys.
fn dots_outside_quotes(text: &str) -> usize {
    let mut quote = None;
    let mut escaped = false;
    let mut dots = 0;
    for c in text.chars() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '.' => dots += 1,
            None => {}
        }
    }
    dots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, format: Format, at: &str) -> Option<String> {
        let offset = text.find(at)?;
        Outline::new(text, format)
            .key_at(offset)
            .map(|k| k.path.to_string())
    }

    #[test]
    fn keys_in_headers_dotted_keys_and_inline_tables() {
        let text = "[package]\nname = \"a/b\"\n[component.hello]\nsource = { url = \"u\" }\n[component.hello.build]\ncommand = \"x\"\n";
        assert_eq!(
            key(text, Format::Spin, "package").as_deref(),
            Some("package")
        );
        assert_eq!(
            key(text, Format::Spin, "url").as_deref(),
            Some("component.hello.source.url")
        );
        assert_eq!(
            key(text, Format::Spin, "command").as_deref(),
            Some("component.hello.build.command")
        );
        // `component` in the second header: the table was first named in
        // the first one, so the dots of this header decide.
        let second = text.find("[component.hello.build]").unwrap() + 1;
        let outline = Outline::new(text, Format::Spin);
        assert_eq!(
            outline.key_at(second).unwrap().path.to_string(),
            "component"
        );
        assert_eq!(
            outline.key_at(second + 11).unwrap().path.to_string(),
            "component.hello"
        );
        assert_eq!(
            outline.key_at(second + 17).unwrap().path.to_string(),
            "component.hello.build"
        );
        // Values are not keys.
        assert_eq!(key(text, Format::Spin, "\"a/b\""), None);
    }

    #[test]
    fn arrays_of_tables() {
        let text = "[[module]]\nname = \"a\"\n[[module]]\nname = \"b\"\nabi = \"wasi\"\n";
        assert_eq!(
            key(text, Format::Wasmer, "abi").as_deref(),
            Some("module[1].abi")
        );
    }

    #[test]
    #[cfg(feature = "json")]
    fn json_keys() {
        let json = "{\"wasm\": [{\"path\": \"a.wasm\"}], \"memory\": {\"max_pages\": 1}}";
        assert_eq!(
            key(json, Format::Extism, "path").as_deref(),
            Some("wasm[0].path")
        );
        assert_eq!(
            key(json, Format::Extism, "max_pages").as_deref(),
            Some("memory.max_pages")
        );
        let outline = Outline::new(json, Format::Extism);
        assert!(outline.table_at(10).is_root());
        assert_eq!(outline.keys(&FieldPath::root()), ["wasm", "memory"]);
    }

    #[test]
    fn the_table_of_a_line_is_that_of_the_last_header() {
        let text = "name = 1\n[[module]]\nname = \"a\"\n\n[[module]]\nabi = \"wasi\"\n\n[fs]\n";
        let outline = Outline::new(text, Format::Wasmer);
        assert!(outline.table_at(0).is_root());
        assert_eq!(
            outline.table_at(text.find("\n\n").unwrap() + 1).to_string(),
            "module[0]"
        );
        assert_eq!(
            outline.table_at(text.find("abi").unwrap()).to_string(),
            "module[1]"
        );
        assert_eq!(
            outline.keys(&outline.table_at(text.find("abi").unwrap())),
            ["abi"]
        );
        assert_eq!(outline.table_at(text.len()).to_string(), "fs");
        assert!(outline.keys(&FieldPath::root().key("nothing")).is_empty());
        // Text being typed: a line without `=` is an error, the rest is read.
        let typing = "[package]\nname = \"a/b\"\nver\n";
        let outline = Outline::new(typing, Format::Wasmer);
        assert_eq!(outline.table_at(typing.len() - 1).to_string(), "package");
        assert!(
            outline
                .keys(&FieldPath::root().key("package"))
                .contains(&"name".to_owned())
        );
    }

    #[test]
    fn dots_in_quotes_do_not_count() {
        assert_eq!(dots_outside_quotes("[a.\"b.c\".'d.e'.f"), 3);
        assert_eq!(dots_outside_quotes("[\"a\\\".b\""), 0);
    }
}
