//! The four manifest formats and how to tell them apart.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A manifest format.
///
/// More formats may be added in a minor release, so a `match` on it needs a
/// wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Format {
    /// Wasmer's `wasmer.toml`.
    Wasmer,
    /// Spin's `spin.toml`, manifest versions 1 and 2.
    Spin,
    /// The Extism manifest (JSON, or the same keys in TOML).
    Extism,
    /// The Flow-Like WASM package manifest (`manifest.toml`, `flow-like.toml`).
    FlowLike,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 4] = [
        Format::Wasmer,
        Format::Spin,
        Format::Extism,
        Format::FlowLike,
    ];

    /// The format's short name: `wasmer`, `spin`, `extism` or `flow-like`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Wasmer => "wasmer",
            Format::Spin => "spin",
            Format::Extism => "extism",
            Format::FlowLike => "flow-like",
        }
    }

    /// The format a file name implies, if any: `wasmer.toml`, `spin.toml`,
    /// `manifest.toml` / `flow-like.toml`, or any `*.json` (Extism). A
    /// `*.json` name only says which syntax a manifest would be in:
    /// [`classify`](crate::classify) and [`parse_file`](crate::parse_file)
    /// also want the content of an Extism manifest.
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// assert_eq!(Format::from_file_name("app/spin.toml".as_ref()), Some(Format::Spin));
    /// assert_eq!(Format::from_file_name("plugin.json".as_ref()), Some(Format::Extism));
    /// assert_eq!(Format::from_file_name("my-node.toml".as_ref()), None);
    /// ```
    pub fn from_file_name(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?;
        match name {
            "wasmer.toml" => Some(Format::Wasmer),
            "spin.toml" => Some(Format::Spin),
            "manifest.toml" | "flow-like.toml" => Some(Format::FlowLike),
            _ if name.to_ascii_lowercase().ends_with(".json") => Some(Format::Extism),
            _ => None,
        }
    }

    /// The format a document's content shows, from the keys at its top
    /// level (the text is parsed, not validated). Text that does not parse
    /// but plainly belongs to one format (an Extism manifest with a trailing
    /// comma, a wasmer.toml with an unclosed string) still gets its format,
    /// so that reading it reports the syntax error. [`classify`](crate::classify)
    /// says why when the answer is `None`.
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// assert_eq!(Format::from_content("spin_manifest_version = \"1\""), Some(Format::Spin));
    /// assert_eq!(Format::from_content(r#"{"wasm": [{"path": "a.wasm"}]}"#), Some(Format::Extism));
    /// assert_eq!(Format::from_content(r#"{"wasm": [{"path": "a.wasm"},]}"#), Some(Format::Extism));
    /// assert_eq!(Format::from_content("[package]\nname = \"tool\"\n[[module]]\nname = \"tool\""), Some(Format::Wasmer));
    /// assert_eq!(Format::from_content("title = \"not a manifest\""), None);
    /// ```
    pub fn from_content(text: &str) -> Option<Format> {
        match identify(text.strip_prefix('\u{feff}').unwrap_or(text), Expect::Any) {
            Identified::Format { format, .. } => Some(format),
            Identified::Other(_) => None,
        }
    }

    /// Detects the format as [`classify`](crate::classify) does: a manifest
    /// name (`wasmer.toml`, `spin.toml`, `manifest.toml`, `flow-like.toml`)
    /// decides; otherwise the content does. The error says why the file is
    /// not a manifest.
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// let format = Format::detect("node.toml".as_ref(), "manifest_version = 1\nid = \"a.b\"\n").unwrap();
    /// assert_eq!(format, Format::FlowLike);
    /// let err = Format::detect("package.json".as_ref(), r#"{"name": "app", "version": "1.0.0"}"#).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "`package.json` is not a manifest: it is JSON without the `wasm` key of an Extism manifest (its keys: `name` and `version`)"
    /// );
    /// ```
    pub fn detect(path: &Path, text: &str) -> Result<Format, DetectError> {
        crate::classify(path, text.as_bytes()).into_format(path)
    }
}

/// What a document's content says about its format.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Identified {
    /// The content belongs to `format`; `broken` says what keeps it from
    /// parsing, if anything.
    Format {
        format: Format,
        broken: Option<String>,
    },
    /// Not a manifest, and why (a clause: "it is an empty JSON object").
    Other(String),
}

/// The syntaxes a document may be in, as its name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expect {
    /// A `*.json` name: only an Extism manifest in JSON can match.
    Json,
    /// Any other name: JSON when the text starts with `{`, TOML otherwise.
    Any,
}

/// Tells the format of a document (without a byte order mark) from its
/// content, or why it has none.
pub(crate) fn identify(text: &str, expect: Expect) -> Identified {
    if expect == Expect::Json || text.trim_start().starts_with('{') {
        identify_json(text)
    } else {
        identify_toml(text)
    }
}

// ---------------------------------------------------------------------------
// JSON: only Extism manifests are written in JSON.

fn identify_json(text: &str) -> Identified {
    match serde_json::from_str::<JsonTop>(text) {
        Ok(JsonTop::Object(keys)) if keys.iter().any(|k| k == "wasm") => Identified::Format {
            format: Format::Extism,
            broken: None,
        },
        Ok(JsonTop::Object(keys)) if keys.is_empty() => {
            Identified::Other("it is an empty JSON object".to_owned())
        }
        Ok(JsonTop::Object(keys)) => {
            let keys: Vec<String> = keys.iter().map(|k| quoted(k)).collect();
            Identified::Other(format!(
                "it is JSON without the `wasm` key of an Extism manifest (its keys: {})",
                list(&keys)
            ))
        }
        Ok(JsonTop::Other(kind)) => Identified::Other(format!(
            "it is a JSON {kind}, while an Extism manifest is an object"
        )),
        Err(error) => {
            let problem = format!("invalid JSON: {error}");
            if json_has_key(text, "wasm") {
                Identified::Format {
                    format: Format::Extism,
                    broken: Some(problem),
                }
            } else {
                Identified::Other(format!(
                    "it is not valid JSON ({error}), and has no `wasm` key, which an Extism manifest has"
                ))
            }
        }
    }
}

/// The top level of a JSON document: its keys in order (values are
/// skipped, not built), or what else it is.
enum JsonTop {
    Object(Vec<String>),
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for JsonTop {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};

        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = JsonTop;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonTop, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(JsonTop::Object(keys))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonTop, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(JsonTop::Other("array"))
            }
            fn visit_str<E>(self, _: &str) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("string"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("number"))
            }
            fn visit_unit<E>(self) -> Result<JsonTop, E> {
                Ok(JsonTop::Other("null"))
            }
        }
        deserializer.deserialize_any(Top)
    }
}

/// Whether JSON text, valid or not, has `key` as the key of a member at
/// any depth. A scan of the strings, so that what stops a parser (a
/// trailing comma, a comment, a missing brace, a cut-off end) does not
/// hide it.
fn json_has_key(text: &str, key: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut end = start;
                // A string ends at its closing quote, or at the end of the
                // line (strings cannot span lines: an unclosed one must not
                // swallow the rest of the file).
                while end < bytes.len() && !matches!(bytes[end], b'"' | b'\n') {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = end.min(bytes.len());
                let mut next = end + 1;
                while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                    next += 1;
                }
                if bytes.get(next) == Some(&b':') && &bytes[start..end] == key.as_bytes() {
                    return true;
                }
                i = end + 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + n + 4);
            }
            _ => i += 1,
        }
    }
    false
}

// ---------------------------------------------------------------------------
// TOML: wasmer.toml, spin.toml, Flow-Like, and Extism in TOML.

/// Top-level tables that only a Rust package's `Cargo.toml` has.
const CARGO_TABLES: &[&str] = &[
    "lib",
    "bin",
    "example",
    "test",
    "bench",
    "workspace",
    "dev-dependencies",
    "dev_dependencies",
    "build-dependencies",
    "build_dependencies",
    "target",
    "features",
    "profile",
    "patch",
    "replace",
    "badges",
    "lints",
    "cargo-features",
];

/// `[package]` keys that only a `Cargo.toml` has.
const CARGO_PACKAGE_KEYS: &[&str] = &[
    "edition",
    "rust-version",
    "authors",
    "build",
    "links",
    "publish",
    "metadata",
    "default-run",
    "keywords",
    "categories",
    "workspace",
    "resolver",
    "documentation",
    "include",
    "exclude",
    "autolib",
    "autobins",
    "autoexamples",
    "autotests",
    "autobenches",
    "forced-target",
];

/// `[package]` keys that only a wasmer.toml has.
const WASMER_PACKAGE_KEYS: &[&str] = &[
    "entrypoint",
    "private",
    "wasmer-extra-flags",
    "disable-command-rename",
    "rename-commands-to-raw-command-name",
];

/// Top-level tables that only a wasmer.toml has.
const WASMER_TABLES: &[&str] = &["module", "command", "fs"];

fn identify_toml(text: &str) -> Identified {
    let (table, errors) = toml::de::DeTable::parse_recoverable(text);
    let table = table.into_inner();
    let signals = Signals::of(&table);
    let broken = errors.first().map(|error| toml_problem(text, error));
    if let Some(format) = signals.format() {
        return Identified::Format {
            format,
            broken: broken.map(|problem| format!("invalid TOML: {problem}")),
        };
    }
    let Some(problem) = broken else {
        return Identified::Other(signals.why_not());
    };
    // What the parser recovered may have lost the telltale keys: look for
    // them line by line (not in a `Cargo.toml`).
    if signals.cargo.is_empty()
        && let Some(format) = scan_toml(text)
    {
        return Identified::Format {
            format,
            broken: Some(format!("invalid TOML: {problem}")),
        };
    }
    Identified::Other(format!(
        "it is not valid TOML ({problem}), and {}",
        signals.why_not()
    ))
}

/// A TOML syntax error in one line: `line 3: invalid string`.
fn toml_problem(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().lines().next().unwrap_or("").trim();
    match error.span() {
        Some(span) => {
            let at = span.start.min(text.len());
            let line = text.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("line {line}: {message}")
        }
        None => message.to_owned(),
    }
}

/// What the top-level keys of a TOML document say.
#[derive(Debug, Default)]
struct Signals {
    /// Every top-level key, as shown (`name`, `[package]`, `[[module]]`).
    keys: Vec<String>,
    spin: bool,
    flow_like: bool,
    /// `manifest_version` without `id` or `[[nodes]]`.
    version_only: bool,
    extism: bool,
    /// What only a wasmer.toml has.
    wasmer: Vec<String>,
    /// What only a Rust package's `Cargo.toml` has.
    cargo: Vec<String>,
    /// `[package]` and `[dependencies]`, which both have.
    shared: Vec<String>,
}

impl Signals {
    fn of(table: &toml::de::DeTable<'_>) -> Signals {
        use toml::de::DeValue;
        let mut s = Signals::default();
        for (key, value) in table {
            let (key, value) = (key.get_ref().as_ref(), value.get_ref());
            let shown = shown_key(key, value);
            match key {
                "spin_manifest_version" | "spin_version" => s.spin = true,
                "wasm" => s.extism = true,
                _ if WASMER_TABLES.contains(&key) => s.wasmer.push(shown.clone()),
                _ if CARGO_TABLES.contains(&key) => s.cargo.push(shown.clone()),
                "package" => {
                    let mut described = shown.clone();
                    if let DeValue::Table(package) = value {
                        s.package(package);
                        let keys: Vec<String> =
                            package.keys().map(|k| quoted(k.get_ref())).collect();
                        if !keys.is_empty() {
                            described = format!("{shown} (with {})", list(&keys));
                        }
                    }
                    s.shared.push(described);
                }
                "dependencies" => {
                    if let DeValue::Table(dependencies) = value {
                        s.dependencies(dependencies);
                    }
                    s.shared.push(shown.clone());
                }
                _ => {}
            }
            s.keys.push(shown);
        }
        let has = |key: &str| table.contains_key(key);
        let has_version = has("manifest_version");
        s.flow_like = has_version && (has("id") || has("nodes"));
        s.version_only = has_version && !s.flow_like;
        // A Spin application without its version key is still one.
        let components = matches!(
            table.get("component").map(|v| v.get_ref()),
            Some(DeValue::Array(_))
        );
        s.spin |= components && has("trigger");
        s
    }

    fn package(&mut self, package: &toml::de::DeTable<'_>) {
        use toml::de::DeValue;
        if let Some(DeValue::String(name)) = package.get("name").map(|v| v.get_ref())
            && name.contains('/')
        {
            self.wasmer.push(format!(
                "the `namespace/name` package name {}",
                quoted(name)
            ));
        }
        for key in package.keys() {
            let key = key.get_ref().as_ref();
            if WASMER_PACKAGE_KEYS.contains(&key) {
                self.wasmer.push(format!("{} in `[package]`", quoted(key)));
            } else if CARGO_PACKAGE_KEYS.contains(&key) {
                self.cargo.push(format!("{} in `[package]`", quoted(key)));
            }
        }
    }

    fn dependencies(&mut self, dependencies: &toml::de::DeTable<'_>) {
        use toml::de::DeValue;
        let key = |wanted: fn(&str, &DeValue<'_>) -> bool| {
            dependencies
                .iter()
                .find(|(k, v)| wanted(k.get_ref(), v.get_ref()))
                .map(|(k, _)| quoted(k.get_ref()))
        };
        if let Some(name) = key(|k, _| k.contains('/')) {
            self.wasmer
                .push(format!("the `namespace/name` dependency {name}"));
        }
        // Wasmer dependencies are version requirements; Cargo's can be
        // tables (and are never named `namespace/name`).
        if let Some(name) = key(|k, v| matches!(v, DeValue::Table(_)) && !k.contains('/')) {
            self.cargo.push(format!("the dependency table {name}"));
        }
    }

    fn format(&self) -> Option<Format> {
        if self.spin {
            Some(Format::Spin)
        } else if self.flow_like {
            Some(Format::FlowLike)
        } else if self.extism {
            Some(Format::Extism)
        } else if !self.wasmer.is_empty() && self.cargo.is_empty() {
            Some(Format::Wasmer)
        } else {
            None
        }
    }

    /// Why the keys found are not enough, as a clause.
    fn why_not(&self) -> String {
        if !self.cargo.is_empty() {
            let mut why = format!(
                "it looks like a Rust package's `Cargo.toml` ({})",
                list(&self.cargo)
            );
            if !self.wasmer.is_empty() {
                why.push_str(&format!(
                    ", although {} would suit a wasmer.toml",
                    list(&self.wasmer)
                ));
            }
            why
        } else if !self.shared.is_empty() {
            format!(
                "{} could belong to a wasmer.toml or to a Rust package's `Cargo.toml`, and \
                 nothing in it is Wasmer's own (`[[module]]`, `[[command]]`, `[fs]`, a \
                 `namespace/name` package or dependency, `entrypoint`)",
                list(&self.shared)
            )
        } else if self.version_only {
            "it has `manifest_version`, but neither the `id` nor the `[[nodes]]` of a Flow-Like \
             manifest"
                .to_owned()
        } else if self.keys.is_empty() {
            "it has only comments".to_owned()
        } else {
            let (subject, verb) = if self.keys.len() == 1 {
                ("its only top-level key", "belongs")
            } else {
                ("its top-level keys", "belong")
            };
            format!(
                "{subject} ({}) {verb} to no manifest format",
                list(&self.keys)
            )
        }
    }
}

/// A top-level key as written: `[fs]` for a table, `[[module]]` for an
/// array of tables, the bare key otherwise.
fn shown_key(key: &str, value: &toml::de::DeValue<'_>) -> String {
    use toml::de::DeValue;
    let key = quoted(key);
    let key = &key[1..key.len() - 1];
    match value {
        DeValue::Table(_) => format!("`[{key}]`"),
        DeValue::Array(items)
            if !items.is_empty()
                && items
                    .iter()
                    .all(|item| matches!(item.get_ref(), DeValue::Table(_))) =>
        {
            format!("`[[{key}]]`")
        }
        _ => format!("`{key}`"),
    }
}

/// Looks for the telltale keys line by line: table headers anywhere, keys
/// before the first header.
fn scan_toml(text: &str) -> Option<Format> {
    let (mut spin, mut flow_like, mut extism, mut wasmer, mut cargo) =
        (false, false, false, false, false);
    let mut top_level = true;
    for line in text.lines() {
        let line = line.trim_start();
        if let Some(header) = line.strip_prefix('[') {
            top_level = false;
            let header = header.strip_prefix('[').unwrap_or(header);
            let name = header
                .split([']', '.'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\'']);
            match name {
                _ if WASMER_TABLES.contains(&name) => wasmer = true,
                _ if CARGO_TABLES.contains(&name) => cargo = true,
                "wasm" => extism = true,
                _ => {}
            }
        } else if top_level && let Some((key, _)) = line.split_once('=') {
            match key.trim().trim_matches(['"', '\'']) {
                "spin_manifest_version" | "spin_version" => spin = true,
                "manifest_version" => flow_like = true,
                "wasm" => extism = true,
                _ => {}
            }
        }
    }
    if spin {
        Some(Format::Spin)
    } else if flow_like {
        Some(Format::FlowLike)
    } else if extism {
        Some(Format::Extism)
    } else if wasmer && !cargo {
        Some(Format::Wasmer)
    } else {
        None
    }
}

/// A key from the document in backticks, on one line and at most 40
/// characters long.
fn quoted(key: &str) -> String {
    let mut out = String::from("`");
    for (i, c) in key.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        match c {
            '`' => out.push('\''),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

/// `a`, `a and b`, `a, b and c`; past five items, `a, b, c, d, e and 3 more`.
fn list(items: &[String]) -> String {
    const SHOWN: usize = 5;
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ if items.len() > SHOWN => format!(
            "{} and {} more",
            items[..SHOWN].join(", "),
            items.len() - SHOWN
        ),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormatName;

    /// Parses `wasmer`, `spin`, `extism` or `flow-like` (also `flowlike`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "wasmer" => Ok(Format::Wasmer),
            "spin" => Ok(Format::Spin),
            "extism" => Ok(Format::Extism),
            "flow-like" | "flowlike" | "flow_like" => Ok(Format::FlowLike),
            _ => Err(UnknownFormatName(s.to_owned())),
        }
    }
}

/// A format name that is none of `wasmer`, `spin`, `extism`, `flow-like`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; expected one of wasmer, spin, extism, flow-like")]
pub struct UnknownFormatName(String);

/// A file that is not a manifest: neither its name nor its content says
/// which format it is. Displays as "`package.json` is not a manifest: it is
/// JSON without the `wasm` key of an Extism manifest (...)".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{path}` is not a manifest: {reason}")]
pub struct DetectError {
    path: String,
    reason: String,
}

impl DetectError {
    pub(crate) fn new(path: &Path, reason: String) -> Self {
        Self {
            path: path.display().to_string(),
            reason,
        }
    }

    /// The file, as it was named.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Why it is not a manifest: what was found in it, and why that is not
    /// enough.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// What makes a file a manifest, to show beside the error.
    pub fn help(&self) -> &'static str {
        "a manifest is named wasmer.toml, spin.toml, manifest.toml or flow-like.toml, or has its \
         format's keys: `[[module]]`, `[[command]]` or `[fs]` (wasmer.toml), \
         `spin_manifest_version` (Spin), `wasm` (Extism), `manifest_version` and `id` (Flow-Like)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telltale_lines_of_broken_toml() {
        for (text, format) in [
            ("spin_manifest_version = \"1\n", Some(Format::Spin)),
            (
                "\"manifest_version\" = 1\n[[nodes]\n",
                Some(Format::FlowLike),
            ),
            ("[[ wasm ]]\npath = \"a.wasm\n", Some(Format::Extism)),
            ("[package\n[module.bindings]\n", Some(Format::Wasmer)),
            ("[[module]]\n[lib]\n", None),
            // Keys count at the top level only.
            ("[package]\nmanifest_version = 1\n", None),
            ("title = \"x\n", None),
        ] {
            assert_eq!(scan_toml(text), format, "{text}");
        }
    }

    #[test]
    fn lists_and_quotes() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&items(1)), "1");
        assert_eq!(list(&items(2)), "1 and 2");
        assert_eq!(list(&items(5)), "1, 2, 3, 4 and 5");
        assert_eq!(list(&items(7)), "1, 2, 3, 4, 5 and 2 more");
        assert_eq!(quoted("a\tb`c"), "`a\\tb'c`");
        assert_eq!(quoted(&"x".repeat(50)), format!("`{}…`", "x".repeat(40)));
    }
}
