//! Telling whether a file is a manifest, and of which format: one decision
//! for [`parse_file`](crate::parse_file), the command line's directory
//! search, and any program that looks for manifests among other files.

use std::path::Path;

use crate::format::{DetectError, Expect, Format, Identified, identify};

/// What a file is, as far as manifests go: the answer of [`classify`].
///
/// A file that is most likely a manifest but cannot be parsed is
/// [`Broken`](Candidate::Broken), not skipped: reading it as its format
/// reports what is wrong, with the position.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Candidate {
    /// A manifest of this format: its name is a manifest name, or its
    /// content has the keys of this format.
    Manifest(Format),
    /// Most likely a manifest of `format`, whose text cannot be parsed: a
    /// syntax error, invalid UTF-8, a NUL byte. Reading it as `format`
    /// reports the problem as a diagnostic.
    Broken {
        /// The format its text points to.
        format: Format,
        /// What keeps it from being parsed.
        reason: String,
    },
    /// Not a manifest: something else (a Rust package's `Cargo.toml`, an npm
    /// `package.json`, any other TOML or JSON), or text in which nothing
    /// points to a manifest format.
    NotAManifest {
        /// What was found, and why it is not enough.
        reason: String,
    },
}

impl Candidate {
    /// The format to read the file as: that of a manifest, broken or not.
    ///
    /// ```
    /// use wasm_manifests::{Candidate, Format};
    ///
    /// let broken = wasm_manifests::classify("plugin.json", br#"{"wasm": [],}"#);
    /// assert!(matches!(broken, Candidate::Broken { .. }));
    /// assert_eq!(broken.format(), Some(Format::Extism));
    /// ```
    pub fn format(&self) -> Option<Format> {
        match self {
            Candidate::Manifest(format) | Candidate::Broken { format, .. } => Some(*format),
            Candidate::NotAManifest { .. } => None,
        }
    }

    /// Why the file is broken or not a manifest; `None` for a manifest.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Candidate::Manifest(_) => None,
            Candidate::Broken { reason, .. } | Candidate::NotAManifest { reason } => Some(reason),
        }
    }

    /// The format to read the file as, or, for a file that is not a
    /// manifest, the error [`parse_file`](crate::parse_file) gives: it names
    /// the file as `shown` and says why.
    ///
    /// ```
    /// let candidate = wasm_manifests::classify("tsconfig.json", br#"{"compilerOptions": {}}"#);
    /// let err = candidate.into_format("tsconfig.json").unwrap_err();
    /// assert!(err.to_string().starts_with("`tsconfig.json` is not a manifest: it is JSON without the `wasm` key"));
    /// ```
    pub fn into_format(self, shown: impl AsRef<Path>) -> Result<Format, DetectError> {
        match self {
            Candidate::Manifest(format) | Candidate::Broken { format, .. } => Ok(format),
            Candidate::NotAManifest { reason } => Err(DetectError::new(shown.as_ref(), reason)),
        }
    }
}

/// Tells whether a file is a manifest, and of which format, from its name
/// and its bytes.
///
/// - A manifest name decides: `wasmer.toml`, `spin.toml`, `manifest.toml`,
///   `flow-like.toml` are read as their format whatever they hold (so a
///   broken one is reported, never skipped). `Cargo.toml` is never a
///   manifest.
/// - Otherwise the content decides, from its top-level keys:
///   `spin_manifest_version` (Spin), `manifest_version` with `id` or
///   `[[nodes]]` (Flow-Like), `wasm` (Extism), and for a wasmer.toml
///   `[[module]]`, `[[command]]`, `[fs]`, a `namespace/name` package or
///   dependency, or a `[package]` key only Wasmer has (`entrypoint`), in a
///   document with nothing only a `Cargo.toml` has (`edition`, `[lib]`,
///   `[[bin]]`, `[workspace]`, ...). A `*.json` file can only be an Extism
///   manifest, so a JSON document without `wasm` is not a manifest.
/// - Text that does not parse is [`Broken`](Candidate::Broken) when it
///   still mentions a format's telltale keys (`"wasm":`,
///   `spin_manifest_version`, `manifest_version`, `[[module]]`, ...), and
///   [`NotAManifest`](Candidate::NotAManifest) otherwise.
///
/// Only the file name of `path` is looked at; give an empty path when there
/// is no name (standard input). Nothing is validated: the format's rules
/// run when the manifest is read.
///
/// ```
/// use wasm_manifests::{Candidate, Format};
///
/// // A manifest without a manifest name: its keys say which format it is.
/// let text = b"[package]\nname = \"tool\"\nversion = \"1.0.0\"\n\n[[module]]\nname = \"tool\"\nsource = \"tool.wasm\"\n";
/// assert_eq!(wasm_manifests::classify("tools/tool.toml", text), Candidate::Manifest(Format::Wasmer));
///
/// // A Rust package's Cargo.toml has `[package]` too, but no key only Wasmer has.
/// let cargo = b"[package]\nname = \"tool\"\nversion = \"1.0.0\"\nedition = \"2024\"\n";
/// let candidate = wasm_manifests::classify("tools/tool.toml", cargo);
/// assert_eq!(
///     candidate.reason(),
///     Some("it looks like a Rust package's `Cargo.toml` (`edition` in `[package]`)")
/// );
///
/// // Decide, then read: the same bytes, read once.
/// # let dir = std::env::temp_dir().join(format!("wasm-manifests-classify-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # std::fs::write(dir.join("plugin.json"), r#"{"wasm": [{"path": "plugin.wasm"}]}"#)?;
/// let path = dir.join("plugin.json");
/// let bytes = std::fs::read(&path)?;
/// match wasm_manifests::classify(&path, &bytes) {
///     candidate @ (Candidate::Manifest(_) | Candidate::Broken { .. }) => {
///         let format = candidate.format().unwrap();
///         let parsed = wasm_manifests::parse_bytes(&bytes, format);
///         assert!(parsed.report().is_empty());
///     }
///     other => println!("skipped: {}", other.reason().unwrap_or_default()),
/// }
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn classify(path: impl AsRef<Path>, bytes: &[u8]) -> Candidate {
    let name = path.as_ref().file_name().and_then(|name| name.to_str());
    match name {
        Some("wasmer.toml") => return Candidate::Manifest(Format::Wasmer),
        Some("spin.toml") => return Candidate::Manifest(Format::Spin),
        Some("manifest.toml" | "flow-like.toml") => return Candidate::Manifest(Format::FlowLike),
        Some("Cargo.toml") => {
            return Candidate::NotAManifest {
                reason: "a file named `Cargo.toml` describes a Rust package".to_owned(),
            };
        }
        Some(crate::config::FILE_NAME) => {
            return Candidate::NotAManifest {
                reason: format!(
                    "a file named `{}` is the configuration of wasm-manifests",
                    crate::config::FILE_NAME
                ),
            };
        }
        _ => {}
    }
    let expect = match name {
        Some(name) if name.to_ascii_lowercase().ends_with(".json") => Expect::Json,
        _ => Expect::Any,
    };

    // Text that cannot be read as it is still goes through detection (as
    // lossy text), so that a Latin-1 wasmer.toml is reported, not skipped.
    let lossy;
    let (text, unreadable) = match std::str::from_utf8(bytes) {
        Ok(text) => match text.bytes().position(|b| b == 0) {
            Some(at) => (text, Some(format!("it contains a NUL byte (byte {at})"))),
            None => (text, None),
        },
        Err(e) => {
            lossy = String::from_utf8_lossy(bytes);
            let at = e.valid_up_to();
            (&*lossy, Some(format!("it is not valid UTF-8 (byte {at})")))
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Candidate::NotAManifest {
            reason: "the file is empty".to_owned(),
        };
    }
    match (identify(text, expect), unreadable) {
        (
            Identified::Format {
                format,
                broken: None,
            },
            None,
        ) => Candidate::Manifest(format),
        (
            Identified::Format {
                format,
                broken: Some(reason),
            },
            None,
        )
        | (Identified::Format { format, .. }, Some(reason)) => Candidate::Broken { format, reason },
        (Identified::Other(reason), None) => Candidate::NotAManifest { reason },
        (Identified::Other(_), Some(problem)) if problem.contains("NUL") => {
            Candidate::NotAManifest {
                reason: format!("{problem}: it is binary data, not a text manifest"),
            }
        }
        (Identified::Other(reason), Some(problem)) => Candidate::NotAManifest {
            reason: format!("{problem}, and {reason}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(name: &str, text: &str) -> String {
        match classify(name, text.as_bytes()) {
            Candidate::NotAManifest { reason } => reason,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn json_key_scan_survives_broken_text() {
        for text in [
            r#"{"wasm": [],}"#,
            "{\n  // a comment\n  \"wasm\" : [",
            r#"{"memory": {"max_pages": 4, "wasm": []"#,
            r#"{"a": "x\"y", "wasm": 1"#,
        ] {
            assert_eq!(
                classify("p.json", text.as_bytes()).format(),
                Some(Format::Extism),
                "{text}"
            );
        }
        for text in [
            r#"{"name": "wasm", "x": 1,}"#,
            "{\"note\": \"unclosed\n\"wasm\"",
            "{ /* \"wasm\": */ \"a\": 1,}",
        ] {
            assert_eq!(classify("p.json", text.as_bytes()).format(), None, "{text}");
        }
    }

    #[test]
    fn reasons_say_what_was_found() {
        assert_eq!(
            reason("notes.toml", "title = \"x\"\n"),
            "its only top-level key (`title`) belongs to no manifest format"
        );
        assert_eq!(
            reason(
                "x.toml",
                "[package]\nname = \"tool\"\nversion = \"1.0.0\"\n"
            ),
            "`[package]` (with `name` and `version`) could belong to a wasmer.toml or to a Rust \
             package's `Cargo.toml`, and nothing in it is Wasmer's own (`[[module]]`, \
             `[[command]]`, `[fs]`, a `namespace/name` package or dependency, `entrypoint`)"
        );
        assert_eq!(
            reason("node.toml", "manifest_version = 1\nname = \"n\"\n"),
            "it has `manifest_version`, but neither the `id` nor the `[[nodes]]` of a \
             Flow-Like manifest"
        );
        assert_eq!(
            reason("a.json", "[1, 2]"),
            "it is a JSON array, while an Extism manifest is an object"
        );
        assert_eq!(reason("a.json", " \n"), "the file is empty");
        assert_eq!(
            reason(
                "a.json",
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7}"
            ),
            "it is JSON without the `wasm` key of an Extism manifest (its keys: `a`, `b`, `c`, \
             `d`, `e` and 2 more)"
        );
        assert_eq!(
            reason("a.toml", "\"line\\nbreak\" = 1\n\"`tick`\" = 2\n"),
            "its top-level keys (`line\\nbreak` and `'tick'`) belong to no manifest format"
        );
        assert_eq!(
            reason("a.toml", "title = \"x\nowner = 1\n"),
            "it is not valid TOML (line 1: invalid basic string, expected `\"`), and its top-level keys \
             (`title` and `owner`) belong to no manifest format"
        );
        assert_eq!(
            reason("a.toml", "\0\0\0"),
            "it contains a NUL byte (byte 0): it is binary data, not a text manifest"
        );
    }
}
