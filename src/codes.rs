//! Every diagnostic code, with its documentation.
//!
//! Codes are stable kebab-case names. Codes shared by every format have no
//! prefix (`unknown-key`); format-specific codes are prefixed with the
//! format (`wasmer/duplicate-module`). The README's code table and the
//! command line's `explain` are generated from [`all`].
//!
//! ```
//! let doc = wasm_manifests::codes::find("wasmer/duplicate-module").unwrap();
//! assert_eq!(doc.severity, "error");
//! assert!(doc.summary.contains("module"));
//! ```

/// The documentation of one diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeDoc {
    /// The code itself, e.g. `wasmer/duplicate-module`.
    pub code: &'static str,
    /// `error`, `warning`, or which format uses which.
    pub severity: &'static str,
    /// What the rule checks, in one sentence.
    pub summary: &'static str,
    /// Why it matters: what the real tooling does with such a manifest.
    pub why: &'static str,
    /// A manifest excerpt that triggers it.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl CodeDoc {
    pub(crate) const fn new(
        code: &'static str,
        severity: &'static str,
        summary: &'static str,
        why: &'static str,
        example: &'static str,
        fix: &'static str,
    ) -> Self {
        Self {
            code,
            severity,
            summary,
            why,
            example,
            fix,
        }
    }

    /// The documentation as Markdown: summary, why, example and fix.
    pub fn to_markdown(&self) -> String {
        format!(
            "# {} ({})\n\n{}\n\n## Why\n\n{}\n\n## Example\n\n```\n{}\n```\n\n## Fix\n\n{}\n",
            self.code,
            self.severity,
            self.summary,
            self.why,
            self.example.trim_end(),
            self.fix
        )
    }
}

/// Every documented code: the shared ones first, then format by format.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    SHARED
        .iter()
        .chain(crate::wasmer::codes::DOCS)
        .chain(crate::spin::codes::DOCS)
        .chain(crate::extism::codes::DOCS)
        .chain(crate::flowlike::codes::DOCS)
        .chain(crate::verify::DOCS)
}

/// The documentation of `code`, if it exists.
pub fn find(code: &str) -> Option<&'static CodeDoc> {
    all().find(|doc| doc.code == code)
}

pub(crate) const SYNTAX_ERROR: &str = "syntax-error";
pub(crate) const TOO_DEEPLY_NESTED: &str = "too-deeply-nested";
pub(crate) const INVALID_UTF8: &str = "invalid-utf8";
pub(crate) const BINARY_FILE: &str = "binary-file";
pub(crate) const FILE_TOO_LARGE: &str = "file-too-large";
pub(crate) const EMPTY_FILE: &str = "empty-file";
pub(crate) const WRONG_TYPE: &str = "wrong-type";
pub(crate) const MISSING_KEY: &str = "missing-key";
pub(crate) const UNKNOWN_KEY: &str = "unknown-key";
pub(crate) const DUPLICATE_KEY: &str = "duplicate-key";
pub(crate) const DEPRECATED_KEY: &str = "deprecated-key";
pub(crate) const INVALID_URL: &str = "invalid-url";
pub(crate) const INVALID_LICENSE: &str = "invalid-license";
pub(crate) const PATH_OUTSIDE_PACKAGE: &str = "path-outside-package";

const SHARED: &[CodeDoc] = &[
    CodeDoc::new(
        SYNTAX_ERROR,
        "error",
        "The file is not valid TOML or JSON.",
        "No tool can read a manifest that does not parse; the official parsers stop at the first syntax error.",
        "[package]\nname = \"a/b\nversion = \"1.0.0\"",
        "Correct the syntax at the position shown. TOML strings need closing quotes; JSON allows no comments, trailing commas or byte order mark.",
    ),
    CodeDoc::new(
        TOO_DEEPLY_NESTED,
        "error",
        "Arrays or tables are nested deeper than the parser allows.",
        "Unbounded nesting is a classic way to crash parsers; no real manifest nests this deep, so the parser stops instead.",
        "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "Flatten the data; manifests never need more than a few levels.",
    ),
    CodeDoc::new(
        INVALID_UTF8,
        "error",
        "The file is not valid UTF-8.",
        "TOML and JSON documents must be UTF-8; the official tools refuse anything else.",
        "(a Latin-1 encoded `description = \"caf\\xe9\"`)",
        "Re-save the file as UTF-8.",
    ),
    CodeDoc::new(
        BINARY_FILE,
        "error",
        "The file contains NUL bytes, so it is binary data rather than a manifest.",
        "No manifest format allows NUL bytes; such a file is usually a `.wasm` module or an archive passed by mistake.",
        "\\0asm\\x01\\0\\0\\0 ...",
        "Point the tool at the manifest, not at the module or archive.",
    ),
    CodeDoc::new(
        FILE_TOO_LARGE,
        "error",
        "The file is larger than the configured size limit (10 MiB by default).",
        "Real manifests are a few kilobytes; reading arbitrarily large input would let a hostile upload exhaust memory.",
        "(a 50 MiB spin.toml)",
        "Check that this is really a manifest; raise the limit with `Options::max_size` (or `--max-file-size`) if it is.",
    ),
    CodeDoc::new(
        EMPTY_FILE,
        "error",
        "The file has no content (or only whitespace and comments).",
        "An empty manifest describes nothing; the tools either refuse it or produce an empty package.",
        "# nothing here yet",
        "Fill in the manifest, or delete the file.",
    ),
    CodeDoc::new(
        WRONG_TYPE,
        "error",
        "A value has the wrong type, e.g. a number where a string is expected, or `[module]` where `[[module]]` is expected.",
        "The official parsers are serde-based and refuse the whole manifest on a type mismatch.",
        "[package]\nversion = 1",
        "Write the value with the type the message names (quote strings, use `[[double brackets]]` for arrays of tables).",
    ),
    CodeDoc::new(
        MISSING_KEY,
        "error",
        "A required key is missing.",
        "The official parsers refuse the manifest when a required field is absent.",
        "[[module]]\nname = \"hello\"\n# source = \"hello.wasm\" is missing",
        "Add the key to the table shown.",
    ),
    CodeDoc::new(
        UNKNOWN_KEY,
        "warning (wasmer.toml, Flow-Like) / error (Spin, Extism, wasmer V1 commands)",
        "A key that the format does not define.",
        "Where the official parser ignores unknown keys, a typo silently loses the setting; where it rejects them, the manifest fails to load. The help suggests the closest known key, and the snake_case spelling for camelCase keys.",
        "[package]\nREADME = \"README.md\"",
        "Rename the key as suggested, or remove it.",
    ),
    CodeDoc::new(
        DUPLICATE_KEY,
        "error",
        "The same key appears twice in one JSON object.",
        "JSON parsers disagree on which value wins (serde-based tools refuse the document), so the manifest means different things to different tools.",
        "{ \"wasm\": [], \"wasm\": [] }",
        "Keep one of the entries.",
    ),
    CodeDoc::new(
        DEPRECATED_KEY,
        "warning",
        "A key that still works but is deprecated.",
        "Deprecated keys have no effect or are scheduled for removal; newer tooling may reject them.",
        "[package]\nwasmer-extra-flags = \"--enable-threads\"",
        "Follow the help: use the replacement it names, or remove the key.",
    ),
    CodeDoc::new(
        INVALID_URL,
        "warning",
        "A repository or homepage URL that is not an absolute http(s) URL.",
        "Registries show these as links; a relative or malformed URL produces a broken link.",
        "[package]\nrepository = \"github.com/me/pkg\"",
        "Write the full URL, including `https://`.",
    ),
    CodeDoc::new(
        INVALID_LICENSE,
        "warning",
        "A license that is not a valid SPDX license expression.",
        "Registries and license scanners read this field as SPDX; free text cannot be checked automatically.",
        "[package]\nlicense = \"MIT/Apache-2.0\"",
        "Use an SPDX expression such as `MIT OR Apache-2.0`, or `LicenseRef-...` for a custom license.",
    ),
    CodeDoc::new(
        PATH_OUTSIDE_PACKAGE,
        "warning (wasmer.toml, Extism) / error (Spin)",
        "A path that is absolute or climbs out of the manifest's directory with `..`.",
        "Packages are built from the manifest's directory; a path outside it depends on the machine the package is built on, and can leak files that were never meant to be published.",
        "[fs]\n\"/data\" = \"../secrets\"",
        "Move the files inside the package directory and use a relative path.",
    ),
];
