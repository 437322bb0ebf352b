//! Per-code severity: which codes to allow (not report), warn about or deny
//! (report as errors), by code, format prefix or category, and the inline
//! suppressions written in TOML manifests.
//!
//! ```
//! use wasm_manifests::{Format, Options, Selector};
//!
//! let text = "[package]\nname = \"hello\"\nversion = \"1.0.0\"\ndescription = \"x\"\n";
//! // A registry that insists on namespaces, but does not mind anything else.
//! let options = Options::new()
//!     .allow("suspicious".parse::<Selector>()?)
//!     .deny("wasmer/package-name-without-namespace".parse::<Selector>()?);
//! let parsed = options.parse(text, Format::Wasmer);
//! assert!(parsed.report().has_errors());
//! # Ok::<(), wasm_manifests::SelectorError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::codes::{self, Category, CodeDoc};
use crate::{Diagnostic, Severity};

/// Which codes a setting applies to.
///
/// Written as a code (`spin/duplicate-route`, or a former name of one), a
/// format prefix ending in `/` (`spin/`), a category (`security`), or
/// `all`. Codes of the `syntax` category (unreadable input) are always
/// errors: no setting allows or softens them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Selector(Kind);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Code(&'static str),
    Prefix(String),
    Category(Category),
    All,
}

/// A selector that names no code, format or category.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a code, a format prefix (such as `spin/`) or a category{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
pub struct SelectorError {
    text: String,
    suggestion: Option<String>,
}

impl SelectorError {
    /// The text that was not understood.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The closest code, prefix or category, when one is close.
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }
}

impl FromStr for Selector {
    type Err = SelectorError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text == "all" {
            return Ok(Selector(Kind::All));
        }
        if let Some(category) = Category::ALL.into_iter().find(|c| c.name() == text) {
            return Ok(Selector(Kind::Category(category)));
        }
        if let Some(doc) = codes::find(text) {
            return Ok(Selector(Kind::Code(doc.code)));
        }
        if let Some(prefix) = text.strip_suffix('/')
            && codes::all().any(|d| {
                d.code
                    .strip_prefix(prefix)
                    .is_some_and(|r| r.starts_with('/'))
            })
        {
            return Ok(Selector(Kind::Prefix(text.to_owned())));
        }
        let mut names: Vec<&str> = codes::all().map(|d| d.code).collect();
        names.extend(Category::ALL.iter().map(|c| c.name()));
        names.extend([
            "all",
            "wasmer/",
            "spin/",
            "extism/",
            "flow-like/",
            "verify/",
        ]);
        Err(SelectorError {
            text: text.to_owned(),
            suggestion: crate::rules::suggest::closest(text, &names).map(str::to_owned),
        })
    }
}

impl From<&'static CodeDoc> for Selector {
    fn from(doc: &'static CodeDoc) -> Self {
        Selector(Kind::Code(doc.code))
    }
}

impl From<Category> for Selector {
    fn from(category: Category) -> Self {
        Selector(Kind::Category(category))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::Code(code) => f.write_str(code),
            Kind::Prefix(prefix) => f.write_str(prefix),
            Kind::Category(category) => f.write_str(category.name()),
            Kind::All => f.write_str("all"),
        }
    }
}

impl Selector {
    /// Whether the selector covers `code`.
    pub fn matches(&self, code: &str) -> bool {
        match &self.0 {
            Kind::Code(name) => *name == code,
            Kind::Prefix(prefix) => code.starts_with(prefix.as_str()),
            Kind::Category(category) => codes::find(code).is_some_and(|d| d.category == *category),
            Kind::All => true,
        }
    }
}

/// What a setting does with the codes it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// Do not report them.
    Allow,
    /// Report them as warnings.
    Warn,
    /// Report them as errors.
    Deny,
}

/// The severity settings of [`crate::Options`]: an ordered list of
/// (level, selector), where a later entry overrides an earlier one for the
/// codes both select, then strict mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Settings {
    pub(crate) rules: Vec<(Level, Selector)>,
    pub(crate) strict: bool,
}

/// Whether `code` belongs to the unreadable-input codes, which stay errors.
fn is_syntax(code: &str) -> bool {
    codes::find(code).is_some_and(|d| d.category == Category::Syntax)
}

impl Settings {
    pub(crate) fn is_default(&self) -> bool {
        self.rules.is_empty() && !self.strict
    }

    /// The level the settings give `code`, if any selects it.
    fn level(&self, code: &str) -> Option<Level> {
        self.rules
            .iter()
            .rev()
            .find(|(_, selector)| selector.matches(code))
            .map(|(level, _)| *level)
    }

    /// Applies the settings: drops allowed diagnostics and changes the
    /// severity of the others as asked.
    pub(crate) fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.is_default() {
            return;
        }
        diagnostics.retain_mut(|d| {
            if is_syntax(d.code) {
                return true;
            }
            match self.level(d.code) {
                Some(Level::Allow) => return false,
                Some(Level::Warn) => d.severity = Severity::Warning,
                Some(Level::Deny) => d.severity = Severity::Error,
                None => {}
            }
            if self.strict {
                d.severity = Severity::Error;
            }
            true
        });
    }
}

impl Category {
    /// Every category, in the order `explain --list` shows them.
    pub const ALL: [Category; 8] = [
        Category::Syntax,
        Category::Correctness,
        Category::Suspicious,
        Category::Security,
        Category::Deprecated,
        Category::Publish,
        Category::Style,
        Category::Verify,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    // Its examples come from several formats.

    #[cfg(all(
        feature = "wasmer",
        feature = "spin",
        feature = "extism",
        feature = "flow-like"
    ))]
    #[test]
    fn selectors_name_codes_prefixes_and_categories() {
        let code: Selector = "wasmer/duplicate-module".parse().unwrap();
        assert!(code.matches("wasmer/duplicate-module"));
        assert!(!code.matches("wasmer/duplicate-command"));
        let prefix: Selector = "spin/".parse().unwrap();
        assert!(prefix.matches("spin/duplicate-route"));
        assert!(!prefix.matches("wasmer/duplicate-module"));
        let category: Selector = "deprecated".parse().unwrap();
        assert!(category.matches("deprecated-key"));
        assert!("all".parse::<Selector>().unwrap().matches("unknown-key"));
        let error = "wasmer/duplicate-modul".parse::<Selector>().unwrap_err();
        assert_eq!(error.suggestion(), Some("wasmer/duplicate-module"));
        assert!("nothing/".parse::<Selector>().is_err());
    }

    // Its examples come from several formats.

    #[cfg(all(
        feature = "wasmer",
        feature = "spin",
        feature = "extism",
        feature = "flow-like"
    ))]
    #[test]
    fn later_settings_win_and_syntax_errors_stay() {
        let settings = Settings {
            rules: vec![
                (Level::Allow, "all".parse().unwrap()),
                (Level::Deny, "unknown-key".parse().unwrap()),
            ],
            strict: false,
        };
        assert_eq!(settings.level("unknown-key"), Some(Level::Deny));
        assert_eq!(
            settings.level("wasmer/duplicate-module"),
            Some(Level::Allow)
        );
        let allow_all = Settings {
            rules: vec![(Level::Allow, "all".parse().unwrap())],
            strict: false,
        };
        let parsed = crate::parse("[package]\nname = \"x\"\nb = [\n", crate::Format::Wasmer);
        let mut diagnostics = parsed.report().diagnostics().to_vec();
        assert!(diagnostics.iter().any(|d| d.code != "syntax-error"));
        assert!(diagnostics.iter().any(|d| d.code == "syntax-error"));
        allow_all.apply(&mut diagnostics);
        assert!(!diagnostics.is_empty());
        assert!(diagnostics.iter().all(|d| d.code == "syntax-error"));
    }
}

/// The inline suppressions of one manifest: comments
/// `# wasm-manifests: allow(CODE, ...)`, each for the line it is on, or,
/// above the first key or table, for the whole file.
#[derive(Clone, Debug, Default)]
pub(crate) struct Suppressions {
    entries: Vec<Suppression>,
}

#[derive(Clone, Debug)]
struct Suppression {
    /// The line it applies to; `None` for the whole file.
    line: Option<usize>,
    selector: Selector,
    /// Where the selector is written, for the report when it is unused.
    span: std::ops::Range<usize>,
    used: bool,
}

const DIRECTIVE: &str = "wasm-manifests:";

impl Suppressions {
    /// Reads the directive comments of a document; malformed ones and
    /// unknown codes are reported into `cx`.
    pub(crate) fn read(
        text: &str,
        comments: &[std::ops::Range<usize>],
        body_start: usize,
        cx: &mut crate::read::Cx,
    ) -> Self {
        let mut entries = Vec::new();
        if comments.is_empty() {
            return Suppressions { entries };
        }
        let lines = crate::source::LineIndex::new(text);
        for comment in comments {
            let Some(raw) = text.get(comment.clone()) else {
                continue;
            };
            let Some(at) = raw.find(DIRECTIVE) else {
                continue;
            };
            let after = at + DIRECTIVE.len();
            let rest = &raw[after..];
            let line = (comment.start >= body_start).then(|| lines.position(comment.start).0);
            let body = rest.trim_start();
            let body_at = comment.start + after + (rest.len() - body.len());
            let Some(list) = body
                .strip_prefix("allow(")
                .and_then(|l| l.find(')').map(|end| &l[..end]))
            else {
                cx.report_range(
                    &crate::codes::UNUSED_SUPPRESSION,
                    body_at..comment.end,
                    "this `wasm-manifests:` comment is not a suppression",
                )
                .help("write `# wasm-manifests: allow(CODE)`, with one or more codes separated by commas");
                continue;
            };
            let list_at = body_at + "allow(".len();
            let mut offset = 0;
            for part in list.split(',') {
                let start = list_at + offset + (part.len() - part.trim_start().len());
                offset += part.len() + 1;
                let name = part.trim();
                let span = start..start + name.len();
                match name.parse::<Selector>() {
                    Ok(selector) => entries.push(Suppression {
                        line,
                        selector,
                        span,
                        used: false,
                    }),
                    Err(error) => {
                        let pending = cx.report_range(
                            &crate::codes::UNUSED_SUPPRESSION,
                            span,
                            format!("`{name}` is not a code, a format prefix or a category"),
                        );
                        match error.suggestion() {
                            // The code may then suppress nothing here: the
                            // author should look.
                            Some(best) => pending.help(format!("did you mean `{best}`?")).fix_str(
                                crate::fix::Applicability::NeedsReview,
                                name,
                                best,
                            ),
                            None => pending.help("`wasm-manifests explain --list` lists the codes"),
                        };
                    }
                }
            }
        }
        Suppressions { entries }
    }

    /// Removes the diagnostics a suppression covers, noting which were used.
    pub(crate) fn apply(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        if self.entries.is_empty() {
            return;
        }
        let entries = &mut self.entries;
        diagnostics.retain(|d| {
            if is_syntax(d.code) || d.code == crate::codes::UNUSED_SUPPRESSION.code {
                return true;
            }
            let mut suppressed = false;
            for entry in entries.iter_mut() {
                if entry.line.is_none_or(|line| line == d.span.line)
                    && entry.selector.matches(d.code)
                {
                    entry.used = true;
                    suppressed = true;
                }
            }
            !suppressed
        });
    }

    /// Reports the suppressions nothing used. Those that name only
    /// verification codes are reported by [`crate::Parsed::verify`]
    /// (`verification` set), the others when the manifest is read.
    pub(crate) fn report_unused(&self, cx: &mut crate::read::Cx, verification: bool) {
        for entry in self.entries.iter().filter(|e| !e.used) {
            let for_verification = matches!(&entry.selector.0, Kind::Code(c) if c.starts_with("verify/"))
                || matches!(&entry.selector.0, Kind::Prefix(p) if p == "verify/")
                || matches!(&entry.selector.0, Kind::Category(Category::Verify));
            if for_verification != verification {
                continue;
            }
            let where_ = if entry.line.is_some() {
                "on this line"
            } else {
                "in this file"
            };
            cx.report_range(
                &crate::codes::UNUSED_SUPPRESSION,
                entry.span.clone(),
                format!("`{}` suppresses nothing {where_}", entry.selector),
            )
            .help("remove it, or move it to the line of the key the diagnostic points at");
        }
    }
}
