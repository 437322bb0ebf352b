//! JSON into the spanned tree, in one pass with `jiter`: every value gets
//! its byte range as it is read, and strings written without escapes are
//! borrowed from the text.

use std::borrow::Cow;
use std::ops::Range;

use jiter::{Jiter, JiterError, Peek};

use super::{Entry, Node, SyntaxError, Table, TableKind, Value};

/// How deep arrays and objects may nest: the limit of `serde_json`, which
/// the official Extism crates parse with, so the same documents are refused.
const NESTING_LIMIT: usize = 128;

/// Parses a JSON document; the first syntax error stops it.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut reader = Reader {
        text,
        jiter: Jiter::new(text.as_bytes()),
    };
    let result = reader.document();
    result.map_err(|error| match error {
        Failure::Json(e) => SyntaxError {
            too_deep: false,
            message: e.error_type.to_string(),
            span: e.index..e.index,
            context: None,
        },
        Failure::Deep(at) => SyntaxError {
            too_deep: true,
            message: "recursion limit exceeded".to_owned(),
            span: at..at,
            context: None,
        },
        Failure::Escape(span, message) => SyntaxError {
            too_deep: false,
            message,
            span,
            context: None,
        },
    })
}

enum Failure {
    Json(JiterError),
    Deep(usize),
    Escape(Range<usize>, String),
}

impl From<JiterError> for Failure {
    fn from(e: JiterError) -> Self {
        Failure::Json(e)
    }
}

struct Reader<'a> {
    text: &'a str,
    jiter: Jiter<'a>,
}

impl<'a> Reader<'a> {
    fn document(&mut self) -> Result<Node<'a>, Failure> {
        let peek = self.jiter.peek()?;
        let root = self.value(peek, 0)?;
        self.jiter.finish()?;
        Ok(root)
    }

    /// The string whose content (between the quotes) is `range`: borrowed
    /// when written without escapes, decoded otherwise.
    fn string(&self, range: Range<usize>) -> Result<Cow<'a, str>, Failure> {
        let raw = self.text.get(range.clone()).unwrap_or("");
        if !raw.contains('\\') {
            return Ok(Cow::Borrowed(raw));
        }
        let quoted = self
            .text
            .get(range.start.saturating_sub(1)..(range.end + 1).min(self.text.len()))
            .unwrap_or("");
        serde_json::from_str::<String>(quoted)
            .map(Cow::Owned)
            .map_err(|e| Failure::Escape(range, format!("invalid string: {e}")))
    }

    fn value(&mut self, peek: Peek, depth: usize) -> Result<Node<'a>, Failure> {
        let start = self.jiter.current_index();
        let value = match peek {
            Peek::Null => {
                self.jiter.known_null()?;
                Value::Null
            }
            Peek::True | Peek::False => Value::Bool(self.jiter.known_bool(peek)?),
            Peek::String => {
                let range = self.raw_string_range()?;
                Value::String(self.string(range)?)
            }
            Peek::Array => {
                if depth + 1 >= NESTING_LIMIT {
                    return Err(Failure::Deep(start));
                }
                let mut items = Vec::new();
                let mut next = self.jiter.known_array()?;
                while let Some(peek) = next {
                    items.push(self.value(peek, depth + 1)?);
                    next = self.jiter.array_step()?;
                }
                Value::Array(items)
            }
            Peek::Object => {
                if depth + 1 >= NESTING_LIMIT {
                    return Err(Failure::Deep(start));
                }
                let mut table = Table::new(TableKind::Defined);
                let base = self.text.as_ptr() as usize;
                let mut key = self.jiter.next_object_bytes()?.map(|k| range_of(base, k));
                while let Some(range) = key {
                    let name = self.string(range.clone())?;
                    let peek = self.jiter.peek()?;
                    let value = self.value(peek, depth + 1)?;
                    table.push(Entry::new(name, range.start - 1..range.end + 1, value));
                    key = self.jiter.next_key_bytes()?.map(|k| range_of(base, k));
                }
                Value::Table(table)
            }
            _ => {
                let raw = self.jiter.known_number_bytes(peek)?;
                let raw = std::str::from_utf8(raw).unwrap_or("");
                number(raw)
            }
        };
        Ok(Node::new(start..self.jiter.current_index(), value))
    }

    /// The range of a string's content, consuming the string.
    fn raw_string_range(&mut self) -> Result<Range<usize>, Failure> {
        let base = self.text.as_ptr() as usize;
        let bytes = self.jiter.known_bytes()?;
        Ok(range_of(base, bytes))
    }
}

/// The offset range of a slice of the text that starts at address `base`.
fn range_of(base: usize, slice: &[u8]) -> Range<usize> {
    let start = (slice.as_ptr() as usize).saturating_sub(base);
    start..start + slice.len()
}

fn number(raw: &str) -> Value<'static> {
    let integral = !raw.contains(['.', 'e', 'E']);
    if integral {
        if let Ok(i) = raw.parse::<i64>() {
            return Value::Integer(i);
        }
        if let Ok(u) = raw.parse::<u64>() {
            return Value::Unsigned(u);
        }
    }
    Value::Float(raw.parse().unwrap_or(f64::NAN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_refuses_what_serde_json_does() {
        for text in [
            "{}",
            "[]",
            " { \"a\" : [1, 2.5, -3, 1e3, true, false, null, \"x\"] } ",
            "{\"a\\u0041\": \"\\n\\\"\"}",
            "{\"a\": 1,}",
            "[1,]",
            "{\"a\" 1}",
            "{a: 1}",
            "[1 2]",
            "\"\\x\"",
            "\"tab\there\"",
            "{\"a\": 1} x",
            "",
            "18446744073709551615",
            "-9223372036854775808",
            "1.",
            "01",
            "[\"\u{e9}\"]",
            "// c\n{}",
            "{\"a\":1,\"a\":2}",
        ] {
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{text:?}: ours {:?}, serde_json {:?}",
                ours.as_ref().err().map(|e| &e.message),
                theirs.as_ref().err().map(ToString::to_string)
            );
        }
    }

    #[test]
    fn spans_and_borrowed_strings() {
        let text = "{ \"wasm\": [ { \"path\": \"a.wasm\", \"n\": 12 } ], \"e\": \"\\u00e9\" }";
        let root = parse(text).unwrap();
        assert_eq!(root.span(), 0..text.len());
        let table = root.as_table().unwrap();
        assert_eq!(&text[table[0].key_span()], "\"wasm\"");
        let wasm = table.get("wasm").unwrap();
        assert_eq!(
            &text[wasm.span()],
            "[ { \"path\": \"a.wasm\", \"n\": 12 } ]"
        );
        let module = &wasm.as_array().unwrap()[0];
        let path = module.as_table().unwrap().get("path").unwrap();
        assert_eq!(&text[path.span()], "\"a.wasm\"");
        assert!(matches!(path.value, Value::String(Cow::Borrowed("a.wasm"))));
        let n = module.as_table().unwrap().get("n").unwrap();
        assert_eq!(&text[n.span()], "12");
        assert_eq!(table.get("e").unwrap().as_str(), Some("\u{e9}"));
    }

    #[test]
    fn nesting_is_bounded_like_serde_json() {
        for depth in [126, 127, 128, 129] {
            let text = "[".repeat(depth) + &"]".repeat(depth);
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {depth}");
            if let Err(e) = ours {
                assert!(e.too_deep);
            }
        }
    }
}
