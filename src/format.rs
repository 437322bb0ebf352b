//! The four manifest formats and how to tell them apart.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;

/// A manifest format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Wasmer's `wasmer.toml`.
    Wasmer,
    /// Spin's `spin.toml`, manifest version 1.
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
    /// `manifest.toml` / `flow-like.toml`, or any `*.json` (Extism).
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

    /// The format a document's content implies, from the keys at its top
    /// level (the text is parsed, but not validated).
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// assert_eq!(Format::from_content("spin_manifest_version = \"1\""), Some(Format::Spin));
    /// assert_eq!(Format::from_content(r#"{"wasm": [{"path": "a.wasm"}]}"#), Some(Format::Extism));
    /// assert_eq!(Format::from_content("title = \"not a manifest\""), None);
    /// ```
    pub fn from_content(text: &str) -> Option<Format> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // The top-level keys, and for `package`/`dependencies` what says
        // "Wasmer" rather than "Cargo": a `namespace/name` package or
        // dependency, or a Wasmer-only key.
        let (keys, wasmer_like): (Vec<String>, bool) = if text.trim_start().starts_with('{') {
            match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text) {
                Ok(map) => (map.keys().cloned().collect(), false),
                Err(_) => return None,
            }
        } else {
            let (table, _errors) = toml::de::DeTable::parse_recoverable(text);
            let table = table.into_inner();
            let keys = table.keys().map(|k| k.get_ref().to_string()).collect();
            (keys, looks_like_wasmer_package(&table))
        };
        let has = |key: &str| keys.iter().any(|k| k == key);
        if has("spin_manifest_version") || has("spin_version") {
            Some(Format::Spin)
        } else if has("manifest_version") && (has("nodes") || has("id")) {
            Some(Format::FlowLike)
        } else if has("wasm") {
            Some(Format::Extism)
        } else if has("module") || has("command") || has("fs") || wasmer_like {
            Some(Format::Wasmer)
        } else {
            None
        }
    }

    /// Detects the format from the file name, then from the content when the
    /// name says nothing.
    ///
    /// ```
    /// use wasm_manifests::Format;
    ///
    /// let format = Format::detect("node.toml".as_ref(), "manifest_version = 1\nid = \"a.b\"\n").unwrap();
    /// assert_eq!(format, Format::FlowLike);
    /// let err = Format::detect("notes.toml".as_ref(), "title = \"x\"").unwrap_err();
    /// assert!(err.to_string().contains("wasmer.toml"));
    /// ```
    pub fn detect(path: &Path, text: &str) -> Result<Format, DetectError> {
        Format::from_file_name(path)
            .or_else(|| Format::from_content(text))
            .ok_or_else(|| DetectError {
                path: path.display().to_string(),
            })
    }
}

/// Whether `[package]` or `[dependencies]` look like Wasmer's rather than
/// Cargo's or another tool's: a `namespace/name` package name or
/// dependency key, or a key only Wasmer uses.
fn looks_like_wasmer_package(table: &toml::de::DeTable<'_>) -> bool {
    use toml::de::DeValue;
    let entries = |key: &str| match table.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Table(t)) => Some(t),
        _ => None,
    };
    let package = entries("package").is_some_and(|package| {
        let name_has_namespace = matches!(
            package.get("name").map(|v| v.get_ref()),
            Some(DeValue::String(name)) if name.contains('/')
        );
        name_has_namespace
            || package.contains_key("entrypoint")
            || package.contains_key("wasmer-extra-flags")
    });
    let dependencies =
        entries("dependencies").is_some_and(|deps| deps.keys().any(|k| k.get_ref().contains('/')));
    package || dependencies
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

/// Neither the file name nor the content identified a manifest format.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot tell which manifest format `{path}` is: the file name is not wasmer.toml, spin.toml, \
     manifest.toml, flow-like.toml or *.json, and the content has none of the identifying keys \
     (`[package]`, `[[module]]`, `[[command]]` or `[dependencies]` for wasmer.toml; \
     `spin_manifest_version` for Spin; `wasm` for Extism; `manifest_version` with `id` or \
     `[[nodes]]` for Flow-Like)"
)]
pub struct DetectError {
    path: String,
}
