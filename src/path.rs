//! Field paths: where in a manifest a diagnostic belongs (`command[1].module`).

use std::fmt;

use serde::{Serialize, Serializer};

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
