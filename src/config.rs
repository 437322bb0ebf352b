//! The configuration file, `wasm-manifests.toml`: which codes to allow,
//! warn about or deny, strict mode, and the same per group of paths.
//!
//! ```toml
//! # wasm-manifests.toml, at the root of a project
//! deny = ["security"]              # every security code is an error
//! allow = ["wasmer/package-name-without-namespace"]
//! strict = false
//!
//! [[overrides]]
//! paths = ["examples/**", "tests/fixtures"]
//! allow = ["all"]                  # report nothing there but unreadable files
//! ```
//!
//! `allow`, `warn` and `deny` are lists of selectors, each a code (or a
//! former name of one), a format prefix ending in `/` (`spin/`), a category
//! (`correctness`, `suspicious`, `security`, `deprecated`, `publish`,
//! `style`, `verify`, `syntax`) or `all` (see [`Selector`]). Settings apply
//! in the order they are written, a later one winning for the codes both
//! name: the top-level keys in the order of the file, then each override
//! whose `paths` match, in the order of the file. `strict = true` turns the
//! warnings left into errors; an override's `strict` replaces the top-level
//! one. Codes of unreadable input (the `syntax` category) always stay
//! errors.
//!
//! `paths` are glob patterns relative to the directory of the
//! configuration file, with `/` separators: `*` and `?` match within one
//! path component, `**` any number of directories, `[abc]` one of the
//! characters. A pattern that matches a directory applies to everything
//! under it (`examples` is `examples/**`).
//!
//! The file is read like a manifest: an unknown key, a value of the wrong
//! type, an unknown code (with a "did you mean") or a pattern that does not
//! compile is reported with its position, and a file with errors is
//! refused.
//!
//! ```
//! use std::path::Path;
//! use wasm_manifests::config::Config;
//! use wasm_manifests::Format;
//!
//! let config = Config::parse(
//!     "deny = [\"publish\"]\n[[overrides]]\npaths = [\"examples\"]\nallow = [\"publish\"]\n",
//!     "wasm-manifests.toml",
//! )
//! .map_err(|report| report.render())?;
//! let text = "[package]\nname = \"acme/tool\"\nversion = \"1.0.0\"\nlicense = \"MIT/Apache-2.0\"\n";
//! // An invalid license is a `publish` warning: denied at the top...
//! let parsed = config.options_for(Path::new("tool/wasmer.toml")).parse(text, Format::Wasmer);
//! assert!(parsed.report().iter().any(|d| d.code == "invalid-license" && d.severity == wasm_manifests::Severity::Error));
//! // ...and not reported under `examples/`.
//! let parsed = config.options_for(Path::new("examples/tool/wasmer.toml")).parse(text, Format::Wasmer);
//! assert!(parsed.report().iter().all(|d| d.code != "invalid-license"));
//!
//! // Mistakes are reported like those of a manifest.
//! let report = Config::parse("deny = [\"securty\"]\n", "wasm-manifests.toml").unwrap_err();
//! assert_eq!(report.diagnostics()[0].code, "config/unknown-code");
//! assert_eq!(report.diagnostics()[0].help.as_deref(), Some("did you mean `security`?"));
//! # Ok::<(), String>(())
//! ```

use std::io::Read as _;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use crate::codes::{Category, Rule};
use crate::diagnostic::Severity;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::{globs, suggest};
use crate::source::{self, Node, Syntax};
use crate::{Level, Options, Report, Selector};

/// The name of the configuration file.
pub const FILE_NAME: &str = "wasm-manifests.toml";

/// Configuration files larger than this are refused.
const MAX_SIZE: u64 = 1024 * 1024;

pub(crate) static UNKNOWN_CODE: Rule = Rule::error("config/unknown-code")
    .category(Category::Correctness)
    .doc(
        "An entry of `allow`, `warn` or `deny` in `wasm-manifests.toml` that is not a code, a format prefix (`spin/`), a category or `all`.",
        "A misspelt code changes nothing: the diagnostics it was meant to allow, soften or deny stay as they are, and the run would not do what the file says. The file is refused instead.",
        "deny = [\"wasmer/duplicate-modul\"]",
        "Correct the name as the help suggests (`wasm-manifests explain --list` lists the codes, `wasm-manifests explain PART` finds them by part of their name), or remove the entry.",
    );

pub(crate) static INVALID_GLOB: Rule = Rule::error("config/invalid-glob")
    .category(Category::Correctness)
    .doc(
        "A pattern in the `paths` of an `[[overrides]]` entry of `wasm-manifests.toml` that does not compile, or that is absolute or climbs out of the file's directory.",
        "Patterns are matched against paths relative to the directory of the configuration file; a pattern that cannot compile, or that points outside that directory, would never apply its settings.",
        "[[overrides]]\npaths = [\"examples/***\"]\nallow = [\"all\"]",
        "Write a glob relative to the directory of `wasm-manifests.toml`: `*` within a name, `**` as a whole path component (`examples/**`), `[abc]` closed.",
    );

/// The rules of the configuration file, for `explain` and the README.
pub(crate) static RULES: &[&Rule] = &[&UNKNOWN_CODE, &INVALID_GLOB];

const KEYS: &[&str] = &["allow", "warn", "deny", "strict", "overrides"];
const OVERRIDE_KEYS: &[&str] = &["paths", "allow", "warn", "deny", "strict"];

/// A configuration file, read: see the [module documentation](self).
#[derive(Clone, Debug, Default)]
pub struct Config {
    origin: String,
    /// The directory patterns are relative to: absolute and without `.`
    /// or `..`, or `None` for a configuration parsed from text.
    dir: Option<PathBuf>,
    top: Layer,
    overrides: Vec<Override>,
}

/// The settings of the top level or of one override.
#[derive(Clone, Debug, Default)]
struct Layer {
    rules: Vec<(Level, Selector)>,
    strict: Option<bool>,
}

#[derive(Clone, Debug)]
struct Override {
    patterns: Vec<glob::Pattern>,
    layer: Layer,
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file has errors; the report lists them with their positions.
    #[error("{} has errors:\n{}", .0.origin(), .0.render().trim_end())]
    Invalid(Report),
}

impl ConfigError {
    /// The report of a file with errors.
    pub fn report(&self) -> Option<&Report> {
        match self {
            ConfigError::Invalid(report) => Some(report),
            ConfigError::Io { .. } => None,
        }
    }
}

impl Config {
    /// Reads the text of a configuration file; `origin` names it in the
    /// report. Patterns are relative to the directory given with
    /// [`Config::with_dir`], or else to the paths given to
    /// [`Config::options_for`] as they are. A file with errors gives the
    /// report of every problem.
    pub fn parse(text: &str, origin: impl Into<String>) -> Result<Config, Report> {
        let origin = origin.into();
        let mut cx = Cx::new(Syntax::Toml);
        suggest::reset_budget();
        let document = source::parse_document(text, Syntax::Toml);
        for error in &document.errors {
            crate::pipeline::report_syntax_error(&mut cx, Syntax::Toml, text, error);
        }
        let mut config = Config {
            origin: origin.clone(),
            ..Config::default()
        };
        if let Some(root) = &document.root {
            read(root, &mut cx, &mut config);
        }
        let mut diagnostics = cx.finish(text, document.root.as_ref());
        crate::pipeline::drop_cascading(&mut diagnostics, text);
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(Report::new(origin, text.into(), diagnostics));
        }
        Ok(config)
    }

    /// Reads a configuration file; its patterns are relative to its
    /// directory, and the report names it as given.
    pub fn load(path: impl AsRef<Path>) -> Result<Config, ConfigError> {
        let path = path.as_ref();
        let io = |source| ConfigError::Io {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::new();
        file.take(MAX_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let origin = path.display().to_string();
        let text = if bytes.len() as u64 > MAX_SIZE {
            Err(unreadable(
                &crate::codes::FILE_TOO_LARGE,
                0,
                format!("the file is larger than the {MAX_SIZE}-byte limit of configuration files"),
                "a configuration file needs a few lines: check that this is the right file",
            ))
        } else {
            std::str::from_utf8(&bytes).map_err(|e| {
                unreadable(
                    &crate::codes::INVALID_UTF8,
                    e.valid_up_to(),
                    format!("the file is not valid UTF-8 (byte {})", e.valid_up_to()),
                    "re-save the file as UTF-8",
                )
            })
        };
        let text = text.map_err(|cx| {
            ConfigError::Invalid(Report::new(origin.clone(), "".into(), cx.finish("", None)))
        })?;
        let dir = absolute(path.parent().unwrap_or(Path::new("")));
        Config::parse(text, origin)
            .map(|config| config.with_dir(dir))
            .map_err(ConfigError::Invalid)
    }

    /// The nearest configuration file: [`FILE_NAME`] in `dir` or the
    /// closest of its parents that has one.
    pub fn find(dir: impl AsRef<Path>) -> Option<PathBuf> {
        absolute(dir.as_ref())
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Reads the nearest configuration file ([`Config::find`]), if there
    /// is one. For many files, a [`Finder`] looks at each directory once.
    pub fn discover(dir: impl AsRef<Path>) -> Result<Option<Config>, ConfigError> {
        Config::find(dir).map(Config::load).transpose()
    }

    /// Makes patterns relative to `dir`.
    #[must_use]
    pub fn with_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(absolute(dir.as_ref()));
        self
    }

    /// The name of the file in its report.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The directory patterns are relative to, if set.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The options for checking the file at `path`: [`Config::apply`] to
    /// the default options.
    pub fn options_for(&self, path: &Path) -> Options {
        self.apply(Options::new(), path)
    }

    /// Adds the settings for the file at `path` to `options`, after those
    /// it already has: the top-level ones, then those of every override
    /// whose patterns match, then strict mode when the file sets it.
    /// Settings added to the result afterwards (the command line's) win
    /// over the file's.
    ///
    /// With a directory ([`Config::with_dir`], [`Config::load`]), `path` is
    /// a path to the file as the program would open it, and overrides only
    /// apply to files inside the directory; otherwise it is relative to the
    /// configuration's directory.
    pub fn apply(&self, options: Options, path: &Path) -> Options {
        let relative = self.relative(path);
        let matching = self
            .overrides
            .iter()
            .filter(|o| relative.as_deref().is_some_and(|r| o.matches(r)));
        self.layers(options, matching)
    }

    /// Adds the top-level settings only, for input that has no path
    /// (standard input): no override applies.
    pub fn apply_top(&self, options: Options) -> Options {
        self.layers(options, std::iter::empty())
    }

    fn layers<'a>(
        &'a self,
        mut options: Options,
        matching: impl Iterator<Item = &'a Override>,
    ) -> Options {
        let mut strict = None;
        for layer in std::iter::once(&self.top).chain(matching.map(|o| &o.layer)) {
            for (level, selector) in &layer.rules {
                options = options.setting(*level, selector.clone());
            }
            strict = layer.strict.or(strict);
        }
        if let Some(strict) = strict {
            options = options.strict(strict);
        }
        options
    }

    /// `path` relative to the configuration's directory, with `/`
    /// separators; `None` outside it.
    fn relative(&self, path: &Path) -> Option<String> {
        let relative = match &self.dir {
            Some(dir) => absolute(path).strip_prefix(dir).ok()?.to_owned(),
            None => normalize(path),
        };
        let parts: Vec<&str> = relative
            .components()
            .map(|c| match c {
                Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect::<Option<_>>()?;
        Some(parts.join("/"))
    }
}

impl Override {
    /// Whether a pattern matches the path or one of its directories.
    fn matches(&self, relative: &str) -> bool {
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        let mut candidates = vec![relative];
        candidates.extend(relative.match_indices('/').map(|(at, _)| &relative[..at]));
        self.patterns.iter().any(|pattern| {
            candidates
                .iter()
                .any(|candidate| pattern.matches_with(candidate, options))
        })
    }
}

/// A report of unreadable bytes, at `at`.
fn unreadable(rule: &'static Rule, at: usize, message: String, help: &str) -> Cx {
    let mut cx = Cx::new(Syntax::Toml);
    cx.report_range(rule, at..at, message).help(help);
    cx
}

/// `path` made absolute (against the current directory) and without `.` or
/// `..` components, resolved in the text: the configuration's directory
/// and the files checked are compared as written, symbolic links aside.
fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// Finds the configuration file of many files, looking at each directory
/// once however many files share it: what a command line or an editor
/// checking a whole repository needs.
///
/// ```
/// use wasm_manifests::config::{Finder, FILE_NAME};
///
/// let root = std::env::temp_dir().join(format!("wasm-manifests-finder-{}", std::process::id()));
/// std::fs::create_dir_all(root.join("apps/one"))?;
/// std::fs::write(root.join(FILE_NAME), "strict = true\n")?;
/// let mut finder = Finder::new();
/// let found = finder.for_file(root.join("apps/one/wasmer.toml"));
/// assert_eq!(found, Some(root.join(FILE_NAME)));
/// // The directories on the way are known now: no second look at the disk.
/// assert_eq!(finder.for_file(root.join("apps/one/../one/spin.toml")), found);
/// # std::fs::remove_dir_all(&root)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Finder {
    known: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    /// A finder that knows no directory yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The configuration file of the file at `path`: [`Config::find`] in
    /// its directory. The answer is absolute and normalized.
    pub fn for_file(&mut self, path: impl AsRef<Path>) -> Option<PathBuf> {
        let mut dir = absolute(path.as_ref());
        dir.pop();
        self.in_dir(&dir)
    }

    /// The nearest configuration file in `dir` or its parents, as
    /// [`Config::find`] gives it.
    pub fn for_dir(&mut self, dir: impl AsRef<Path>) -> Option<PathBuf> {
        self.in_dir(&absolute(dir.as_ref()))
    }

    fn in_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut unknown = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.known.get(ancestor) {
                found = known.clone();
                break;
            }
            unknown.push(ancestor);
            let candidate = ancestor.join(FILE_NAME);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        for dir in unknown {
            self.known.insert(dir.to_owned(), found.clone());
        }
        found
    }
}

/// `.` and `..` resolved in the text of a path.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Reading

fn read(root: &Node<'_>, cx: &mut Cx, config: &mut Config) {
    let Some(mut top) = cx.expect_table(root, P::ROOT) else {
        return;
    };
    config.top = read_layer(cx, &mut top);
    let overrides = top.get("overrides");
    top.finish_with(cx, Severity::Error, KEYS, other_names);
    let path = P::ROOT.key("overrides");
    let Some(items) = overrides.and_then(|n| cx.expect_array_of_tables(n, &path, "overrides"))
    else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(mut t) = cx.expect_table(item, path.index(i)) else {
            continue;
        };
        let patterns = t
            .required(cx, "paths")
            .and_then(|node| read_patterns(cx, node, &path.index(i).key("paths")));
        let layer = read_layer(cx, &mut t);
        t.finish_with(cx, Severity::Error, OVERRIDE_KEYS, other_names);
        if let Some(patterns) = patterns {
            config.overrides.push(Override { patterns, layer });
        }
    }
}

/// Help for the names other linters give these keys.
fn other_names(key: &str) -> Option<String> {
    let wanted = match key {
        "ignore" | "disable" | "off" | "allowed" => "allow",
        "select" | "enable" | "error" | "errors" | "forbid" => "deny",
        "override" | "per-file-ignores" | "per_file_ignores" => {
            return Some(
                "settings for some paths go in `[[overrides]]` tables, each with `paths = [\"glob\", ...]`"
                    .to_owned(),
            );
        }
        _ => return None,
    };
    Some(format!(
        "this file calls it `{wanted}`: `{wanted} = [\"CODE\", ...]`"
    ))
}

/// The `allow`, `warn`, `deny` and `strict` keys of a table, the lists in
/// the order they are written.
fn read_layer(cx: &mut Cx, t: &mut Table<'_, '_, '_>) -> Layer {
    let mut lists = Vec::new();
    for (key, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        if let Some(node) = t.get(key) {
            lists.push((node.span().start, key, level, node));
        }
    }
    lists.sort_by_key(|(start, ..)| *start);
    let mut layer = Layer {
        strict: t.bool(cx, "strict"),
        ..Layer::default()
    };
    for (_, key, level, node) in lists {
        let path = t.path.key(key);
        let Some(items) = cx.expect_array(node, &path) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(text) = cx.expect_str(item, &item_path) else {
                continue;
            };
            match text.parse::<Selector>() {
                Ok(selector) => layer.rules.push((level, selector)),
                Err(error) => {
                    let pending = cx.report(
                        &UNKNOWN_CODE,
                        &item_path,
                        format!(
                            "`{}` is not a code, a format prefix or a category",
                            error.text()
                        ),
                    );
                    match error.suggestion() {
                        Some(best) => pending.help(format!("did you mean `{best}`?")).fix_str(
                            crate::fix::Applicability::NeedsReview,
                            error.text(),
                            best,
                        ),
                        None => pending.help(
                            "`wasm-manifests explain --list` lists the codes and their categories",
                        ),
                    };
                }
            }
        }
    }
    layer
}

/// The patterns of `paths`: an array of globs relative to the file's
/// directory.
fn read_patterns(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<glob::Pattern>> {
    let items = cx.expect_array(node, path)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(text) = cx.expect_str(item, &item_path) else {
            continue;
        };
        let pattern = text.trim_start_matches("./");
        let pattern = pattern.strip_suffix('/').unwrap_or(pattern);
        let outside = pattern.starts_with('/')
            || pattern.split('/').any(|part| part == "..")
            || pattern.as_bytes().get(1) == Some(&b':');
        if outside {
            cx.report(
                &INVALID_GLOB,
                &item_path,
                format!("`{text}` is not relative to the directory of {FILE_NAME}"),
            )
            .help(format!(
                "write the pattern relative to the directory of {FILE_NAME}, without `/` at the start or `..`"
            ));
            continue;
        }
        let offset = text.len() - text.trim_start_matches("./").len();
        if let Err(problem) = globs::check(pattern) {
            report_glob(
                cx,
                &item_path,
                &problem.message,
                problem.help,
                problem.range,
                offset,
            );
            continue;
        }
        match glob::Pattern::new(pattern) {
            Ok(compiled) => out.push(compiled),
            Err(error) => report_glob(cx, &item_path, error.msg, "", 0..0, offset),
        }
    }
    Some(out)
}

fn report_glob(
    cx: &mut Cx,
    path: &P<'_>,
    message: &str,
    help: &str,
    range: Range<usize>,
    offset: usize,
) {
    let pending = cx.report(&INVALID_GLOB, path, format!("invalid pattern: {message}"));
    if !range.is_empty() {
        pending.within(range.start + offset..range.end + offset);
    }
    if !help.is_empty() {
        pending.help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        Config::parse(text, "wasm-manifests.toml").unwrap_or_else(|r| panic!("{}", r.render()))
    }

    fn codes(text: &str) -> Vec<&'static str> {
        match Config::parse(text, "wasm-manifests.toml") {
            Ok(_) => Vec::new(),
            Err(report) => report.iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn patterns_match_files_and_directories() {
        let c = config(
            "[[overrides]]\npaths = [\"examples/**\", \"one/*.json\", \"docs\", \"./x/\"]\nallow = [\"all\"]\n",
        );
        let o = &c.overrides[0];
        for yes in [
            "examples/a/wasmer.toml",
            "examples/wasmer.toml",
            "one/p.json",
            "docs/a/b/spin.toml",
            "x/wasmer.toml",
        ] {
            assert!(o.matches(yes), "{yes}");
        }
        for no in [
            "example/wasmer.toml",
            "one/two/p.json",
            "a/docs/spin.toml",
            "xy/a.toml",
        ] {
            assert!(!o.matches(no), "{no}");
        }
    }

    #[test]
    fn paths_are_relative_to_the_directory() {
        let c = config("[[overrides]]\npaths = [\"examples\"]\nallow = [\"all\"]\n").with_dir("/p");
        assert_eq!(
            c.relative(Path::new("/p/examples/a.toml")).as_deref(),
            Some("examples/a.toml")
        );
        assert_eq!(
            c.relative(Path::new("/p/x/../examples/a.toml")).as_deref(),
            Some("examples/a.toml")
        );
        assert_eq!(c.relative(Path::new("/q/examples/a.toml")), None);
        let c = config("");
        assert_eq!(
            c.relative(Path::new("./a/../b/c.toml")).as_deref(),
            Some("b/c.toml")
        );
        assert_eq!(normalize(Path::new("/a/../../b")), Path::new("/b"));
        assert_eq!(normalize(Path::new("../a/../../b")), Path::new("../../b"));
    }

    #[test]
    fn mistakes_are_reported() {
        assert_eq!(codes("deny = [\"securty\"]"), ["config/unknown-code"]);
        assert_eq!(codes("deny = \"security\""), ["wrong-type"]);
        assert_eq!(codes("ignore = [\"style\"]"), ["unknown-key"]);
        assert_eq!(codes("[[overrides]]\nallow = [\"all\"]"), ["missing-key"]);
        assert_eq!(codes("[overrides]\npaths = [\"a\"]"), ["wrong-type"]);
        assert_eq!(
            codes("[[overrides]]\npaths = [\"a/***\", \"../b\"]"),
            ["config/invalid-glob", "config/invalid-glob"]
        );
        assert_eq!(codes("strict = yes"), ["syntax-error"]);
        assert!(codes("").is_empty());
    }

    #[test]
    fn lists_apply_in_the_order_written() {
        let c = config("deny = [\"all\"]\nallow = [\"style\"]\nstrict = true\n");
        let kinds: Vec<Level> = c.top.rules.iter().map(|(l, _)| *l).collect();
        assert_eq!(kinds, [Level::Deny, Level::Allow]);
        let c = config("allow = [\"style\"]\ndeny = [\"all\"]\n");
        let kinds: Vec<Level> = c.top.rules.iter().map(|(l, _)| *l).collect();
        assert_eq!(kinds, [Level::Allow, Level::Deny]);
    }

    #[test]
    fn each_directory_is_looked_at_once() {
        let temp = std::env::temp_dir().join(format!("wm-finder-{}", std::process::id()));
        let deep = temp.join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(temp.join("a").join(FILE_NAME), "").unwrap();
        let mut finder = Finder::new();
        let expected = Some(temp.join("a").join(FILE_NAME));
        assert_eq!(finder.for_dir(&deep), expected);
        assert!(finder.known.contains_key(&temp.join("a/b")));
        // Found again from what is known, even once the file is gone.
        std::fs::remove_file(temp.join("a").join(FILE_NAME)).unwrap();
        assert_eq!(finder.for_file(temp.join("a/b/spin.toml")), expected);
        assert_eq!(Config::find(&deep), None);
        std::fs::remove_dir_all(&temp).unwrap();
    }
}
