//! Field paths: where in a manifest a diagnostic belongs (`command[1].module`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a [`FieldPath`]: a table key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of a table (TOML) or an object (JSON).
    Key(String),
    /// A 0-based position in an array.
    Index(usize),
}

/// The path of a field inside a manifest, such as `command[1].module` or
/// `dependencies."wasmer/python"`.
///
/// Keys that are not bare TOML keys (letters, digits, `-` and `_`) are shown
/// quoted, so the printed path can be pasted back into a TOML dotted key.
///
/// ```
/// use wasm_manifests::FieldPath;
///
/// let path = FieldPath::root().key("command").index(1).key("module");
/// assert_eq!(path.to_string(), "command[1].module");
/// let dep = FieldPath::root().key("dependencies").key("wasmer/python");
/// assert_eq!(dep.to_string(), r#"dependencies."wasmer/python""#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The path of the whole document (prints as an empty string).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a table key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the path of the whole document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The path without its last segment (the root stays the root).
    #[must_use]
    pub fn parent(&self) -> Self {
        let mut segments = self.0.clone();
        segments.pop();
        Self(segments)
    }
}

fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if is_bare_key(key) {
                        f.write_str(key)?;
                    } else {
                        write!(f, "{key:?}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A string that is not a field path as [`FieldPath`] prints them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a field path: {reason} at byte {at}")]
pub struct FieldPathError {
    text: String,
    reason: &'static str,
    at: usize,
}

impl FromStr for FieldPath {
    type Err = FieldPathError;

    /// Reads the printed form back: bare keys joined by `.`, quoted keys
    /// with the escapes the printed form uses, and `[n]` indices. The empty
    /// string is the root.
    ///
    /// ```
    /// use wasm_manifests::FieldPath;
    ///
    /// let path: FieldPath = r#"dependencies."wasmer/python"[0].x"#.parse().unwrap();
    /// assert_eq!(
    ///     path,
    ///     FieldPath::root().key("dependencies").key("wasmer/python").index(0).key("x")
    /// );
    /// assert!("command[one]".parse::<FieldPath>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |reason, at| FieldPathError {
            text: text.to_owned(),
            reason,
            at,
        };
        let bytes = text.as_bytes();
        let mut segments = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'[' => {
                    let close = text[at..]
                        .find(']')
                        .map(|i| at + i)
                        .ok_or_else(|| fail("an index without `]`", at))?;
                    let digits = &text[at + 1..close];
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(fail("an index that is not a number", at + 1));
                    }
                    let index = digits
                        .parse()
                        .map_err(|_| fail("an index too large", at + 1))?;
                    segments.push(Segment::Index(index));
                    at = close + 1;
                    continue;
                }
                b'.' if !segments.is_empty() => at += 1,
                _ if segments.is_empty() => {}
                _ => return Err(fail("a key not preceded by `.`", at)),
            }
            if bytes.get(at) == Some(&b'"') {
                let (key, end) = unquote(text, at).map_err(|(reason, at)| fail(reason, at))?;
                segments.push(Segment::Key(key));
                at = end;
            } else {
                let len = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
                    .count();
                if len == 0 {
                    return Err(fail("an empty or unquoted key", at));
                }
                segments.push(Segment::Key(text[at..at + len].to_owned()));
                at += len;
            }
        }
        Ok(FieldPath(segments))
    }
}

/// Reads the quoted key starting at `start` (the opening `"`), undoing the
/// escapes `{:?}` writes; returns the key and the byte after the closing quote.
fn unquote(text: &str, start: usize) -> Result<(String, usize), (&'static str, usize)> {
    let mut key = String::new();
    let mut chars = text[start + 1..]
        .char_indices()
        .map(|(i, c)| (start + 1 + i, c));
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((key, i + 1)),
            '\\' => {
                let (j, escape) = chars.next().ok_or(("an unfinished escape", i))?;
                key.push(match escape {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    '\\' | '"' | '\'' => escape,
                    'u' => {
                        let rest = &text[j + 1..];
                        let body = rest
                            .strip_prefix('{')
                            .and_then(|r| r.find('}').map(|end| &r[..end]))
                            .ok_or(("a \\u escape without braces", j))?;
                        let c = u32::from_str_radix(body, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or(("a \\u escape that is not a character", j))?;
                        for _ in 0..body.len() + 2 {
                            chars.next();
                        }
                        c
                    }
                    _ => return Err(("an unknown escape", i)),
                });
            }
            c => key.push(c),
        }
    }
    Err(("a quoted key without its closing quote", start))
}

/// A borrowed, allocation-free path used while walking a document; turned
/// into a [`FieldPath`] only when a diagnostic needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct P<'p> {
    parent: Option<&'p P<'p>>,
    segment: Seg<'p>,
}

#[derive(Clone, Copy, Debug)]
enum Seg<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

impl<'p> P<'p> {
    pub(crate) const ROOT: P<'static> = P {
        parent: None,
        segment: Seg::Root,
    };

    pub(crate) fn key(&'p self, key: &'p str) -> P<'p> {
        P {
            parent: Some(self),
            segment: Seg::Key(key),
        }
    }

    pub(crate) fn index(&'p self, index: usize) -> P<'p> {
        P {
            parent: Some(self),
            segment: Seg::Index(index),
        }
    }

    pub(crate) fn to_path(self) -> FieldPath {
        let mut segments = Vec::new();
        let mut current = Some(&self);
        while let Some(p) = current {
            match p.segment {
                Seg::Root => {}
                Seg::Key(k) => segments.push(Segment::Key(k.to_owned())),
                Seg::Index(i) => segments.push(Segment::Index(i)),
            }
            current = p.parent;
        }
        segments.reverse();
        FieldPath(segments)
    }
}

/// One step of a path written with [`fp!`]: a key (`&str`, `String`) or an
/// index (`usize`).
pub(crate) trait PathPart {
    fn push_onto(&self, path: FieldPath) -> FieldPath;
}

impl PathPart for str {
    fn push_onto(&self, path: FieldPath) -> FieldPath {
        path.key(self)
    }
}

impl PathPart for String {
    fn push_onto(&self, path: FieldPath) -> FieldPath {
        path.key(self.as_str())
    }
}

impl PathPart for usize {
    fn push_onto(&self, path: FieldPath) -> FieldPath {
        path.index(*self)
    }
}

impl<T: PathPart + ?Sized> PathPart for &T {
    fn push_onto(&self, path: FieldPath) -> FieldPath {
        (**self).push_onto(path)
    }
}

/// A [`FieldPath`] from keys and indices: `fp!["command", 1, "module"]`.
macro_rules! fp {
    ($($part:expr),* $(,)?) => {{
        let path = $crate::FieldPath::root();
        $(let path = $crate::path::PathPart::push_onto(&$part, path);)*
        path
    }};
}
pub(crate) use fp;
