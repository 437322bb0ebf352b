//! Every diagnostic code, with its documentation.
//!
//! Codes are stable kebab-case names. Codes shared by every format have no
//! prefix (`unknown-key`); format-specific codes are prefixed with the
//! format (`wasmer/duplicate-module`). The README's code table and the
//! command line's `explain` are generated from [`all`].
//!
//! ```
//! use wasm_manifests::codes;
//!
//! let doc = codes::find(codes::wasmer::DUPLICATE_MODULE).unwrap();
//! assert_eq!(doc.severity, "error");
//! assert!(doc.summary.contains("module"));
//!
//! let parsed = wasm_manifests::parse("[[module]]\nname = 1\n", wasm_manifests::Format::Wasmer);
//! assert!(parsed.report().iter().any(|d| d.code == codes::shared::WRONG_TYPE));
//! ```

#[path = "code_names.rs"]
mod code_names;
pub use code_names::{config, extism, flow_like, shared, spin, verify, wasmer};

/// What kind of problem a code reports; settings can name a category
/// instead of listing codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// The file cannot be read as a document: size, encoding, syntax.
    Syntax,
    /// The format's own tooling refuses the manifest, or loses part of it.
    Correctness,
    /// Accepted, but most likely not what was meant.
    Suspicious,
    /// Grants more access than needed, or reaches outside the package.
    Security,
    /// Still accepted, but deprecated or without effect.
    Deprecated,
    /// Needed to publish to the format's registry.
    Publish,
    /// Spelling and layout that the tools accept but the documents advise against.
    Style,
    /// Found by checking the files beside the manifest.
    Verify,
}

impl Category {
    /// The category's name, as used in settings: `correctness`, ...
    pub fn name(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Correctness => "correctness",
            Category::Suspicious => "suspicious",
            Category::Security => "security",
            Category::Deprecated => "deprecated",
            Category::Publish => "publish",
            Category::Style => "style",
            Category::Verify => "verify",
        }
    }
}

/// One rule: a diagnostic code with its documentation.
///
/// Every rule of the crate is one such value, declared beside its check and
/// registered in its format's list; [`all`] walks every list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeDoc {
    /// The code itself, e.g. `wasmer/duplicate-module`.
    pub code: &'static str,
    /// `error`, `warning`, or which places use which.
    pub severity: &'static str,
    /// What kind of problem it is.
    pub category: Category,
    /// What the rule checks, in one sentence.
    pub summary: &'static str,
    /// Why it matters: what the real tooling does with such a manifest.
    pub why: &'static str,
    /// A manifest excerpt that triggers it.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// Former names of the code, still accepted by [`find`] and in
    /// settings.
    pub aliases: &'static [&'static str],
    /// The severity it is reported with; `None` when the place decides
    /// (see [`CodeDoc::severity`]).
    pub(crate) level: Option<crate::Severity>,
    /// Whether reporting it means the typed manifest cannot be built (a
    /// value the model cannot represent).
    pub(crate) shape: bool,
}

/// The name rules are declared with inside the crate.
pub(crate) type Rule = CodeDoc;

/// What names a code when reporting: a rule, or (for codes declared as
/// plain names) the name itself.
pub(crate) trait Code {
    fn name(&self) -> &'static str;
}

impl Code for &'static str {
    fn name(&self) -> &'static str {
        self
    }
}

impl Code for Rule {
    fn name(&self) -> &'static str {
        self.code
    }
}

impl Code for &'static Rule {
    fn name(&self) -> &'static str {
        self.code
    }
}

impl CodeDoc {
    const fn base(
        code: &'static str,
        level: Option<crate::Severity>,
        severity: &'static str,
    ) -> Self {
        Self {
            code,
            severity,
            category: Category::Correctness,
            summary: "",
            why: "",
            example: "",
            fix: "",
            aliases: &[],
            level,
            shape: false,
        }
    }

    /// A verification rule, documented with its severity as text.
    pub(crate) const fn new(
        code: &'static str,
        severity: &'static str,
        summary: &'static str,
        why: &'static str,
        example: &'static str,
        fix: &'static str,
    ) -> Self {
        let level = match severity.as_bytes() {
            b"error" => Some(crate::Severity::Error),
            b"warning" => Some(crate::Severity::Warning),
            _ => None,
        };
        Self::base(code, level, severity)
            .category(Category::Verify)
            .doc(summary, why, example, fix)
    }

    /// A rule reported as an error.
    pub(crate) const fn error(code: &'static str) -> Self {
        Self::base(code, Some(crate::Severity::Error), "error")
    }

    /// A rule reported as a warning.
    pub(crate) const fn warning(code: &'static str) -> Self {
        Self::base(code, Some(crate::Severity::Warning), "warning")
    }

    /// A rule whose severity depends on where it is found; `severity`
    /// says which places use which.
    pub(crate) const fn varies(code: &'static str, severity: &'static str) -> Self {
        Self::base(code, None, severity)
    }

    /// Former names of the code.
    pub(crate) const fn aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// Reporting the rule means the typed manifest cannot be built.
    pub(crate) const fn shape(mut self) -> Self {
        self.shape = true;
        self
    }

    pub(crate) const fn category(mut self, category: Category) -> Self {
        self.category = category;
        self
    }

    /// The documentation: what, why, an example and the fix.
    pub(crate) const fn doc(
        mut self,
        summary: &'static str,
        why: &'static str,
        example: &'static str,
        fix: &'static str,
    ) -> Self {
        self.summary = summary;
        self.why = why;
        self.example = example;
        self.fix = fix;
        self
    }

    /// Where the code is documented on the web: its section of
    /// `docs/codes.md` in the repository.
    ///
    /// ```
    /// let doc = wasm_manifests::codes::find("wasmer/duplicate-module").unwrap();
    /// assert!(doc.url().ends_with("docs/codes.md#wasmer-duplicate-module"));
    /// ```
    pub fn url(&self) -> String {
        format!("{DOCS_URL}#{}", self.anchor())
    }

    /// The Markdown anchor of the code's section (`/` becomes `-`).
    pub fn anchor(&self) -> String {
        self.code.replace('/', "-")
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

/// Every documented code: the shared ones first, then format by format,
/// verification, and the configuration file's.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    SHARED
        .iter()
        .copied()
        .chain(
            crate::formats::FORMATS
                .iter()
                .flat_map(|f| f.rules.iter().copied()),
        )
        .chain(crate::verify::DOCS.iter())
        .chain(crate::config::RULES.iter().copied())
}

/// The page that documents every code.
pub const DOCS_URL: &str =
    "https://github.com/wasm-manifests/wasm-manifests/blob/main/docs/codes.md";

/// The documentation of `code`, if it exists; former names of codes are
/// found too.
///
/// ```
/// let doc = wasm_manifests::codes::find("wasmer/duplicate-module").unwrap();
/// assert_eq!(doc.code, "wasmer/duplicate-module");
/// ```
pub fn find(code: &str) -> Option<&'static CodeDoc> {
    all()
        .find(|doc| doc.code == code)
        .or_else(|| all().find(|doc| doc.aliases.contains(&code)))
}

// The rules every format shares. Their checks live where the shared
// layer reads documents: `pipeline.rs` (input and syntax) and `read.rs`
// (types, keys); format rules live in their format's `rules/` folder.

pub(crate) static SYNTAX_ERROR: Rule = Rule::error("syntax-error")
    .category(Category::Syntax)
    .doc(
        "The file is not valid TOML or JSON.",
        "No tool can read a manifest that does not parse; the official parsers stop at the first syntax error.",
        "[package]\nname = \"a/b\nversion = \"1.0.0\"",
        "Correct the syntax at the position shown. TOML strings need closing quotes; JSON allows no comments, trailing commas or byte order mark.",
    );

pub(crate) static TOO_DEEPLY_NESTED: Rule = Rule::error("too-deeply-nested")
    .category(Category::Syntax)
    .doc(
        "Arrays or tables are nested deeper than the parser allows.",
        "Unbounded nesting is a classic way to crash parsers; no real manifest nests this deep, so the parser stops instead.",
        "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "Flatten the data; manifests never need more than a few levels.",
    );

pub(crate) static INVALID_UTF8: Rule = Rule::error("invalid-utf8").category(Category::Syntax).doc(
    "The file is not valid UTF-8.",
    "TOML and JSON documents must be UTF-8; the official tools refuse anything else.",
    "(a Latin-1 encoded `description = \"caf\\xe9\"`)",
    "Re-save the file as UTF-8.",
);

pub(crate) static BINARY_FILE: Rule = Rule::error("binary-file")
    .category(Category::Syntax)
    .doc(
        "The file contains NUL bytes, so it is binary data rather than a manifest.",
        "No manifest format allows NUL bytes; such a file is usually a `.wasm` module or an archive passed by mistake.",
        "\\0asm\\x01\\0\\0\\0 ...",
        "Point the tool at the manifest, not at the module or archive.",
    );

pub(crate) static FILE_TOO_LARGE: Rule = Rule::error("file-too-large")
    .category(Category::Syntax)
    .doc(
        "The file is larger than the configured size limit (10 MiB by default).",
        "Real manifests are a few kilobytes; reading arbitrarily large input would let a hostile upload exhaust memory.",
        "(a 50 MiB spin.toml)",
        "Check that this is really a manifest; raise the limit with `Options::max_size` (or `--max-file-size`) if it is.",
    );

/// Only in builds that leave a format out: every code of the default build
/// has a fixture, and this one cannot happen there.
#[cfg(not(all(
    feature = "wasmer",
    feature = "spin",
    feature = "extism",
    feature = "flow-like"
)))]
pub(crate) static FORMAT_NOT_BUILT: Rule = Rule::error("format-not-built")
    .category(Category::Syntax)
    .doc(
        "The manifest's format was left out of this build of the library (its cargo feature is off).",
        "A build without a format cannot read its manifests; saying so is better than reading them as something else.",
        "(a spin.toml, read by a build with `default-features = false, features = [\"wasmer\"]`)",
        "Enable the format's feature (`wasmer`, `spin`, `extism`, `flow-like`; all are on by default).",
    );

pub(crate) static EMPTY_FILE: Rule = Rule::error("empty-file").category(Category::Syntax).doc(
    "The file has no content (or only whitespace and comments).",
    "An empty manifest describes nothing; the tools either refuse it or produce an empty package.",
    "# nothing here yet",
    "Fill in the manifest, or delete the file.",
);

pub(crate) static WRONG_TYPE: Rule = Rule::error("wrong-type")
    .category(Category::Correctness)
.shape()
    .doc(
        "A value has the wrong type, e.g. a number where a string is expected, or `[module]` where `[[module]]` is expected.",
        "The official parsers are serde-based and refuse the whole manifest on a type mismatch.",
        "[package]\nversion = 1",
        "Write the value with the type the message names (quote strings, use `[[double brackets]]` for arrays of tables).",
    );

pub(crate) static MISSING_KEY: Rule = Rule::error("missing-key")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A required key is missing.",
        "The official parsers refuse the manifest when a required field is absent.",
        "[[module]]\nname = \"hello\"\n# source = \"hello.wasm\" is missing",
        "Add the key to the table shown.",
    );

pub(crate) static UNKNOWN_KEY: Rule = Rule::varies(
    "unknown-key",
    "warning (wasmer.toml, Flow-Like) / error (Spin, Extism, wasmer V1 commands)",
)
    .category(Category::Suspicious)
    .doc(
        "A key that the format does not define.",
        "Where the official parser ignores unknown keys, a typo silently loses the setting; where it rejects them, the manifest fails to load. The help suggests the closest known key, and the snake_case spelling for camelCase keys.",
        "[package]\nREADME = \"README.md\"",
        "Rename the key as suggested, or remove it.",
    );

pub(crate) static DUPLICATE_KEY: Rule = Rule::error("duplicate-key")
    .category(Category::Correctness)
    .doc(
        "The same key appears twice in one JSON object.",
        "JSON parsers disagree on which value wins (serde-based tools refuse the document), so the manifest means different things to different tools.",
        "{ \"wasm\": [], \"wasm\": [] }",
        "Keep one of the entries.",
    );

pub(crate) static DEPRECATED_KEY: Rule = Rule::warning("deprecated-key")
    .category(Category::Deprecated)
    .doc(
        "A key that still works but is deprecated.",
        "Deprecated keys have no effect or are scheduled for removal; newer tooling may reject them.",
        "[package]\nwasmer-extra-flags = \"--enable-threads\"",
        "Follow the help: use the replacement it names, or remove the key.",
    );

pub(crate) static INVALID_URL: Rule = Rule::warning("invalid-url")
    .category(Category::Publish)
    .doc(
        "A repository or homepage URL that is not an absolute http(s) URL.",
        "Registries show these as links; a relative or malformed URL produces a broken link.",
        "[package]\nrepository = \"github.com/me/pkg\"",
        "Write the full URL, including `https://`.",
    );

pub(crate) static INVALID_LICENSE: Rule = Rule::warning("invalid-license")
    .category(Category::Publish)
    .doc(
        "A license that is not a valid SPDX license expression.",
        "Registries and license scanners read this field as SPDX; free text cannot be checked automatically.",
        "[package]\nlicense = \"MIT/Apache-2.0\"",
        "Use an SPDX expression such as `MIT OR Apache-2.0`, or `LicenseRef-...` for a custom license.",
    );

pub(crate) static PATH_OUTSIDE_PACKAGE: Rule = Rule::varies(
    "path-outside-package",
    "warning (wasmer.toml, Extism) / error (Spin)",
)
    .category(Category::Security)
    .doc(
        "A path that is absolute or climbs out of the manifest's directory with `..`.",
        "Packages are built from the manifest's directory; a path outside it depends on the machine the package is built on, and can leak files that were never meant to be published.",
        "[fs]\n\"/data\" = \"../secrets\"",
        "Move the files inside the package directory and use a relative path.",
    );

pub(crate) static UNUSED_SUPPRESSION: Rule = Rule::warning("unused-suppression")
    .category(Category::Suspicious)
    .doc(
        "A `# wasm-manifests: allow(...)` comment that suppresses nothing: no diagnostic of that code on its line (or in the file, for a comment above the first key), a code that does not exist, or a comment that is not a suppression.",
        "A suppression that no longer matches hides nothing today but will hide a new problem tomorrow, and a misspelt code suppresses nothing at all.",
        "name = \"me/tool\"  # wasm-manifests: allow(wasmer/invalid-abi)",
        "Remove the comment, correct the code, or put the comment on the line of the key the diagnostic points at.",
    );

pub(crate) static TOO_MANY_PROBLEMS: Rule = Rule::varies(
    "too-many-problems",
    "error when any problem not listed is an error, warning otherwise",
)
    .category(Category::Syntax)
    .doc(
        "The file has more problems than a report lists (10,000): the rest are counted, not shown.",
        "A file with that many problems is usually not a manifest at all, or generated wrongly; listing them all would make the report as large as the file, and hostile input could make it larger.",
        "(a 5 MiB file of unknown keys)",
        "Fix the problems listed (often one mistake repeated), then check the file again.",
    );

/// The shared rules, in the order `explain --list` shows them.
const SHARED: &[&Rule] = &[
    &SYNTAX_ERROR,
    &TOO_DEEPLY_NESTED,
    &INVALID_UTF8,
    &BINARY_FILE,
    &FILE_TOO_LARGE,
    &EMPTY_FILE,
    &WRONG_TYPE,
    &MISSING_KEY,
    &UNKNOWN_KEY,
    &DUPLICATE_KEY,
    &DEPRECATED_KEY,
    &INVALID_URL,
    &INVALID_LICENSE,
    &PATH_OUTSIDE_PACKAGE,
    &UNUSED_SUPPRESSION,
    &TOO_MANY_PROBLEMS,
    #[cfg(not(all(
        feature = "wasmer",
        feature = "spin",
        feature = "extism",
        feature = "flow-like"
    )))]
    &FORMAT_NOT_BUILT,
];
