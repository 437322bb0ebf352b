//! Reading a typed model out of a [`Node`] tree while collecting every
//! problem: the diagnostic sink ([`Cx`]) and the table reader ([`Table`]).
//!
//! Format modules read their manifests with these helpers instead of serde's
//! fail-fast derive, so that one wrong type does not hide the next problem,
//! and every diagnostic knows the field path it belongs to.

use std::ops::Range;

use crate::codes::{self, Code, Rule};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::fix::{Applicability, Edit, Fix};
use crate::path::{FieldPath, P};
use crate::rules::suggest;
use crate::source::{LineIndex, Node, Syntax, Target, Value, locate};

/// Where a diagnostic points: a field path (resolved once reading is over)
/// or a byte range known up front (syntax errors).
#[derive(Clone, Debug)]
pub(crate) enum Locator {
    Field(FieldPath, Target),
    Range(Range<usize>),
}

/// A diagnostic whose position is not resolved yet.
#[derive(Debug)]
pub(crate) struct Pending {
    code: &'static str,
    severity: Severity,
    message: String,
    path: FieldPath,
    at: Locator,
    labels: Vec<(Locator, String)>,
    help: Option<String>,
    note: Option<String>,
    fix: Option<PendingFix>,
}

/// A fix whose edits may point at places not resolved yet.
#[derive(Debug)]
struct PendingFix {
    message: String,
    applicability: Applicability,
    /// `None` stands for the diagnostic's own span.
    edits: Vec<(Option<Locator>, Text)>,
    /// What the diagnostic's span must hold for the fix to be offered: a
    /// guard against editing anything but the text the fix was made for.
    expect: Option<Expect>,
}

/// What a fix expects to find at the diagnostic's span.
#[derive(Debug)]
enum Expect {
    /// This text, as the syntax may write it.
    Text(Text),
    /// A single-bracket TOML header (`[name]`, not `[[name]]`).
    SingleHeader,
}

impl Expect {
    fn holds(&self, found: &str, syntax: Syntax) -> bool {
        match self {
            Expect::Text(text) => text.matches(found, syntax),
            Expect::SingleHeader => {
                syntax == Syntax::Toml
                    && found.starts_with('[')
                    && !found.starts_with("[[")
                    && found.ends_with(']')
                    && !found.ends_with("]]")
                    && !found.contains('\n')
            }
        }
    }
}

/// Text of a fix, written out in the manifest's syntax once it is known.
#[derive(Debug)]
enum Text {
    /// As it is.
    Raw(String),
    /// A string literal.
    Str(String),
    /// A key.
    Key(String),
}

impl Text {
    fn write(&self, syntax: Syntax) -> String {
        match (self, syntax) {
            (Text::Raw(text), _) => text.clone(),
            (Text::Str(text), Syntax::Toml) => crate::fix::toml_string(text),
            (Text::Str(text) | Text::Key(text), Syntax::Json) => crate::fix::json_string(text),
            (Text::Key(text), Syntax::Toml) => crate::fix::toml_key(text),
        }
    }

    /// Whether `found` is this text as the manifest may write it.
    fn matches(&self, found: &str, syntax: Syntax) -> bool {
        let quoted = |s: &str| {
            found.len() == s.len() + 2
                && ((found.starts_with('"') && found.ends_with('"'))
                    || (syntax == Syntax::Toml && found.starts_with('\'') && found.ends_with('\'')))
                && &found[1..found.len() - 1] == s
        };
        match self {
            Text::Raw(text) => found == text,
            Text::Str(text) => quoted(text),
            Text::Key(text) => (syntax == Syntax::Toml && found == text) || quoted(text),
        }
    }
}

impl Pending {
    fn set_fix(
        &mut self,
        applicability: Applicability,
        message: String,
        edits: Vec<(Option<Locator>, Text)>,
        expect: Option<Expect>,
    ) -> &mut Self {
        self.fix = Some(PendingFix {
            message,
            applicability,
            edits,
            expect,
        });
        self
    }

    /// Offers a fix replacing the text the diagnostic points at (the key
    /// after [`Pending::on_key`], the value otherwise) with `replacement`,
    /// written as it is.
    #[allow(dead_code)]
    pub(crate) fn fix(
        &mut self,
        applicability: Applicability,
        message: impl Into<String>,
        replacement: impl Into<String>,
    ) -> &mut Self {
        let edits = vec![(None, Text::Raw(replacement.into()))];
        self.set_fix(applicability, message.into(), edits, None)
    }

    /// Offers a fix replacing `old`, the exact text the diagnostic points
    /// at (such as a part of a string after [`Pending::within`]), with `new`.
    pub(crate) fn fix_text(
        &mut self,
        applicability: Applicability,
        message: impl Into<String>,
        old: &str,
        new: &str,
    ) -> &mut Self {
        let edits = vec![(None, Text::Raw(new.to_owned()))];
        let expect = Some(Expect::Text(Text::Raw(old.to_owned())));
        self.set_fix(applicability, message.into(), edits, expect)
    }

    /// Offers the fix that turns the single-bracket header the diagnostic
    /// points at (`[module]`) into an array-of-tables header (`[[module]]`).
    fn fix_single_header(&mut self, header: &str, range: Range<usize>) -> &mut Self {
        let edits = vec![
            (
                Some(Locator::Range(range.start..range.start)),
                Text::Raw("[".to_owned()),
            ),
            (
                Some(Locator::Range(range.end..range.end)),
                Text::Raw("]".to_owned()),
            ),
        ];
        let message = format!("write `[[{header}]]`");
        self.set_fix(
            Applicability::Safe,
            message,
            edits,
            Some(Expect::SingleHeader),
        )
    }

    /// Offers a fix replacing the string value `old` the diagnostic points
    /// at with the string `new`, quoted as the manifest's syntax wants.
    pub(crate) fn fix_str(
        &mut self,
        applicability: Applicability,
        old: &str,
        new: &str,
    ) -> &mut Self {
        // Inside a string (a name in a template) or a comment, the text is
        // written bare.
        let within = matches!(
            self.at,
            Locator::Field(_, Target::Within(_)) | Locator::Range(_)
        );
        let (edit, expect) = if within {
            (Text::Raw(new.to_owned()), Text::Raw(old.to_owned()))
        } else {
            (Text::Str(new.to_owned()), Text::Str(old.to_owned()))
        };
        let message = if old.len() + new.len() > 48 {
            "replace the value".to_owned()
        } else {
            format!("replace `{old}` with `{new}`")
        };
        self.set_fix(
            applicability,
            message,
            vec![(None, edit)],
            Some(Expect::Text(expect)),
        )
    }

    /// "Did you mean `best`?" on a string value, with the fix that
    /// replaces `old` by `best`: safe when `best` is the only close one of
    /// `candidates` ([`suggest::is_certain`]), to review otherwise.
    pub(crate) fn suggest_str(&mut self, old: &str, best: &str, candidates: &[&str]) -> &mut Self {
        self.help(format!("did you mean `{best}`?"));
        self.fix_str(suggest::applicability(old, best, candidates), old, best)
    }

    /// Offers a fix renaming the key `old` the diagnostic points at (after
    /// [`Pending::on_key`]) to `new`.
    pub(crate) fn fix_key(
        &mut self,
        applicability: Applicability,
        old: &str,
        new: &str,
    ) -> &mut Self {
        let edits = vec![(None, Text::Key(new.to_owned()))];
        let message = format!("rename `{old}` to `{new}`");
        self.set_fix(
            applicability,
            message,
            edits,
            Some(Expect::Text(Text::Key(old.to_owned()))),
        )
    }

    /// Offers a fix made of edits at known byte ranges.
    #[allow(dead_code)]
    pub(crate) fn fix_ranges(
        &mut self,
        applicability: Applicability,
        message: impl Into<String>,
        edits: Vec<(Range<usize>, String)>,
    ) -> &mut Self {
        let edits = edits
            .into_iter()
            .map(|(range, text)| (Some(Locator::Range(range)), Text::Raw(text)))
            .collect();
        self.set_fix(applicability, message.into(), edits, None)
    }

    /// Points at the key of the field instead of its value.
    pub(crate) fn on_key(&mut self) -> &mut Self {
        if let Locator::Field(_, target) = &mut self.at {
            *target = Target::Key;
        }
        self
    }

    /// Points at a byte range inside the field's string value.
    pub(crate) fn within(&mut self, range: Range<usize>) -> &mut Self {
        if let Locator::Field(_, target) = &mut self.at {
            *target = Target::Within(range);
        }
        self
    }

    /// Points somewhere other than the reported path (e.g. a missing key's
    /// table).
    pub(crate) fn at(&mut self, path: &P<'_>, target: Target) -> &mut Self {
        self.at = Locator::Field(path.to_path(), target);
        self
    }

    pub(crate) fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn note(&mut self, note: impl Into<String>) -> &mut Self {
        self.note = Some(note.into());
        self
    }

    /// Adds a secondary label pointing at another field.
    pub(crate) fn label(
        &mut self,
        path: &P<'_>,
        target: Target,
        message: impl Into<String>,
    ) -> &mut Self {
        self.labels
            .push((Locator::Field(path.to_path(), target), message.into()));
        self
    }

    /// Adds a secondary label at a known byte range.
    pub(crate) fn label_range(
        &mut self,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Self {
        self.labels.push((Locator::Range(range), message.into()));
        self
    }

    /// Adds a secondary label pointing at an already materialised path.
    pub(crate) fn label_path(
        &mut self,
        path: FieldPath,
        target: Target,
        message: impl Into<String>,
    ) -> &mut Self {
        self.labels
            .push((Locator::Field(path, target), message.into()));
        self
    }
}

/// At most this many diagnostics are kept for one manifest; the rest are
/// counted, and one last diagnostic says how many there were. A file with
/// thousands of problems is not a manifest anyone will fix one by one, and
/// the bound keeps the report's memory and rendering in proportion to the
/// file whatever it holds.
pub(crate) const MAX_DIAGNOSTICS: usize = 10_000;

/// Collects diagnostics while a manifest is read.
pub(crate) struct Cx {
    pub syntax: Syntax,
    pending: Vec<Pending>,
    /// Where diagnostics beyond [`MAX_DIAGNOSTICS`] are written, then
    /// forgotten.
    overflow: Option<Pending>,
    /// How many errors and warnings were beyond the bound.
    dropped: [usize; 2],
    /// Set when the document could not be read into the typed model (wrong
    /// type, missing required key, unrepresentable value): the manifest is
    /// then not handed out, only the report.
    pub incomplete: bool,
}

impl Cx {
    pub(crate) fn new(syntax: Syntax) -> Self {
        Self {
            syntax,
            pending: Vec::new(),
            overflow: None,
            dropped: [0, 0],
            incomplete: false,
        }
    }

    /// Keeps a diagnostic, or counts it once the bound is reached.
    fn add(&mut self, pending: Pending) -> &mut Pending {
        if self.pending.len() < MAX_DIAGNOSTICS {
            self.pending.push(pending);
            return self.pending.last_mut().expect("just pushed");
        }
        self.count_dropped(pending.severity, 1);
        self.overflow.insert(pending)
    }

    /// Counts diagnostics that were found but not kept.
    pub(crate) fn count_dropped(&mut self, severity: Severity, count: usize) {
        let slot = usize::from(severity == Severity::Error);
        self.dropped[slot] += count;
    }

    pub(crate) fn push(
        &mut self,
        severity: Severity,
        code: impl Code,
        path: &P<'_>,
        message: impl Into<String>,
    ) -> &mut Pending {
        let path = path.to_path();
        self.add(Pending {
            code: code.name(),
            severity,
            message: message.into(),
            at: Locator::Field(path.clone(), Target::Value),
            path,
            labels: Vec::new(),
            help: None,
            note: None,
            fix: None,
        })
    }

    /// Reports `rule` on the field at `path`, with the rule's severity.
    /// Reporting a shape rule means the typed manifest cannot be built.
    pub(crate) fn report(
        &mut self,
        rule: &'static Rule,
        path: &P<'_>,
        message: impl Into<String>,
    ) -> &mut Pending {
        self.report_at(rule, path.to_path(), message)
    }

    /// [`Cx::report`] on a materialised path.
    pub(crate) fn report_at(
        &mut self,
        rule: &'static Rule,
        path: FieldPath,
        message: impl Into<String>,
    ) -> &mut Pending {
        debug_assert!(rule.level.is_some(), "{} needs report_as", rule.code);
        let severity = rule.level.unwrap_or(Severity::Error);
        self.report_as(rule, severity, path, message)
    }

    /// Reports a rule whose severity depends on the place (see
    /// [`Rule::varies`]).
    pub(crate) fn report_as(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        path: FieldPath,
        message: impl Into<String>,
    ) -> &mut Pending {
        if rule.shape {
            self.incomplete = true;
        }
        self.push_path(severity, rule, path, message)
    }

    /// A diagnostic on a field given by its materialised path.
    pub(crate) fn error_at(
        &mut self,
        code: impl Code,
        path: FieldPath,
        message: impl Into<String>,
    ) -> &mut Pending {
        self.push_path(Severity::Error, code, path, message)
    }

    /// A warning on a field given by its materialised path.
    pub(crate) fn warning_at(
        &mut self,
        code: impl Code,
        path: FieldPath,
        message: impl Into<String>,
    ) -> &mut Pending {
        self.push_path(Severity::Warning, code, path, message)
    }

    fn push_path(
        &mut self,
        severity: Severity,
        code: impl Code,
        path: FieldPath,
        message: impl Into<String>,
    ) -> &mut Pending {
        self.add(Pending {
            code: code.name(),
            severity,
            message: message.into(),
            at: Locator::Field(path.clone(), Target::Value),
            path,
            labels: Vec::new(),
            help: None,
            note: None,
            fix: None,
        })
    }

    /// Reports `rule` at a known byte range (no field path).
    pub(crate) fn report_range(
        &mut self,
        rule: &'static Rule,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Pending {
        let severity = rule.level.unwrap_or(Severity::Error);
        self.at_range(severity, rule, range, message)
    }

    /// A diagnostic at a known byte range (syntax and encoding problems).
    pub(crate) fn at_range(
        &mut self,
        severity: Severity,
        code: impl Code,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Pending {
        self.add(Pending {
            code: code.name(),
            severity,
            message: message.into(),
            path: FieldPath::root(),
            at: Locator::Range(range),
            labels: Vec::new(),
            help: None,
            note: None,
            fix: None,
        })
    }

    pub(crate) fn has_errors_of(&self, code: &str) -> bool {
        self.pending.iter().any(|p| p.code == code)
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.pending.iter().any(|p| p.severity == Severity::Error)
    }

    /// Resolves every pending diagnostic against the document.
    pub(crate) fn finish(self, text: &str, root: Option<&Node<'_>>) -> Vec<Diagnostic> {
        if self.pending.is_empty() {
            return Vec::new();
        }
        let [warnings, errors] = self.dropped;
        let lines = LineIndex::new(text);
        let resolve = |at: &Locator| -> Range<usize> {
            match (at, root) {
                (Locator::Range(range), _) => range.clone(),
                (Locator::Field(path, target), Some(root)) => locate(text, root, path, target),
                (Locator::Field(..), None) => 0..0,
            }
        };
        self.pending
            .into_iter()
            .map(|p| {
                let primary = resolve(&p.at);
                let syntax = self.syntax;
                let fix = p.fix.and_then(|fix| {
                    if let Some(expect) = &fix.expect {
                        let found = text.get(primary.clone()).unwrap_or_default();
                        if !expect.holds(found, syntax) {
                            return None;
                        }
                    }
                    let edits = fix
                        .edits
                        .iter()
                        .map(|(at, replacement)| {
                            let range = at.as_ref().map_or_else(|| primary.clone(), &resolve);
                            Edit::new(range, replacement.write(syntax))
                        })
                        .collect();
                    let fix = Fix::new(fix.message, fix.applicability, edits);
                    fix.fits(text).then_some(fix)
                });
                Diagnostic {
                    code: p.code,
                    severity: p.severity,
                    message: p.message,
                    span: lines.span(primary),
                    labels: p
                        .labels
                        .iter()
                        .map(|(at, message)| Label {
                            span: lines.span(resolve(at)),
                            message: message.clone(),
                        })
                        .collect(),
                    path: p.path,
                    help: p.help,
                    note: p.note,
                    fix,
                }
            })
            .chain((warnings + errors > 0).then(|| too_many(&lines, text.len(), errors, warnings)))
            .collect()
    }

    // -- value helpers ------------------------------------------------------

    /// Reports that a value has the wrong type.
    pub(crate) fn wrong_type(
        &mut self,
        node: &Node<'_>,
        path: &P<'_>,
        expected: &str,
    ) -> &mut Pending {
        let found = node.type_name(self.syntax);
        let help = conversion_help(node, expected);
        let pending = self.report(
            &codes::WRONG_TYPE,
            path,
            format!("expected {expected}, found {found}"),
        );
        if let Some(help) = help {
            pending.help(help);
        }
        pending
    }

    pub(crate) fn expect_str<'n>(&mut self, node: &'n Node<'_>, path: &P<'_>) -> Option<&'n str> {
        match &node.value {
            Value::String(s) => Some(s),
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    pub(crate) fn expect_bool(&mut self, node: &Node<'_>, path: &P<'_>) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(node, path, "a boolean (`true` or `false`)");
                None
            }
        }
    }

    pub(crate) fn expect_array<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        path: &P<'_>,
    ) -> Option<&'n [Node<'a>]> {
        match &node.value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(node, path, "an array");
                None
            }
        }
    }

    pub(crate) fn expect_table<'n, 'a, 'p>(
        &mut self,
        node: &'n Node<'a>,
        path: P<'p>,
    ) -> Option<Table<'n, 'a, 'p>> {
        match &node.value {
            Value::Table(_) => Some(Table::new(self, node, path)),
            _ => {
                let expected = match self.syntax {
                    Syntax::Toml => "a table",
                    Syntax::Json => "an object",
                };
                self.wrong_type(node, &path, expected);
                None
            }
        }
    }

    /// `[[header]]` must be an array of tables; `[header]` (a single table)
    /// is the classic mistake, and gets a help saying so. In JSON, an array
    /// of objects.
    pub(crate) fn expect_array_of_tables<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        path: &P<'_>,
        header: &str,
    ) -> Option<&'n [Node<'a>]> {
        let entry = header.rsplit('.').next().unwrap_or(header);
        if self.syntax == Syntax::Json {
            return match &node.value {
                Value::Array(items) => Some(items),
                Value::Table(_) => {
                    self.wrong_type(node, path, "an array of objects").help(format!(
                        "put the object in an array, even for one entry: `\"{entry}\": [{{ ... }}]`"
                    ));
                    None
                }
                _ => {
                    self.wrong_type(node, path, "an array of objects");
                    None
                }
            };
        }
        let expected = format!("an array of tables (`[[{header}]]`)");
        match &node.value {
            Value::Array(items) => Some(items),
            Value::Table(table) => {
                let pending = self.wrong_type(node, path, &expected).help(format!(
                    "write the header with double brackets, `[[{header}]]`: each entry of `{entry}` is one `[[{header}]]` table"
                ));
                if table.kind() == crate::source::TableKind::Defined {
                    pending.fix_single_header(header, node.span());
                }
                None
            }
            _ => {
                self.wrong_type(node, path, &expected);
                None
            }
        }
    }

    /// Reads an array of strings; entries of another type are reported one
    /// by one and skipped.
    pub(crate) fn string_list(&mut self, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
        let items = self.expect_array(node, path)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(s) = self.expect_str(item, &path.index(i)) {
                out.push(s.to_owned());
            }
        }
        Some(out)
    }

    /// Reads a table of strings (`{ KEY = "value" }`).
    pub(crate) fn string_map(
        &mut self,
        node: &Node<'_>,
        path: &P<'_>,
    ) -> Option<indexmap::IndexMap<String, String>> {
        let table = self.expect_table(node, *path)?;
        let mut out = indexmap::IndexMap::with_capacity(table.entries.len());
        for entry in table.entries {
            if let Some(s) = self.expect_str(&entry.value, &path.key(&entry.key)) {
                out.insert(entry.key.to_string(), s.to_owned());
            }
        }
        Some(out)
    }
}

/// A table being read: lookups mark keys as used, and [`Table::finish`]
/// reports the keys nobody asked for.
pub(crate) struct Table<'n, 'a, 'p> {
    pub entries: &'n [crate::source::Entry<'a>],
    /// The table itself, for indexed lookups (`None` when the node was not
    /// a table).
    table: Option<&'n crate::source::Table<'a>>,
    used: Used,
    /// Whether a key appears twice (JSON only; TOML refuses duplicates).
    duplicates: bool,
    pub path: P<'p>,
}

/// Which entries of a table were looked up: a bit set, without allocation
/// for the usual small tables.
enum Used {
    Small(u64),
    Large(Vec<bool>),
}

impl Used {
    fn new(len: usize) -> Self {
        if len <= 64 {
            Used::Small(0)
        } else {
            Used::Large(vec![false; len])
        }
    }

    fn set(&mut self, index: usize) {
        match self {
            Used::Small(bits) => *bits |= 1 << index,
            Used::Large(flags) => flags[index] = true,
        }
    }

    fn get(&self, index: usize) -> bool {
        match self {
            Used::Small(bits) => bits & (1 << index) != 0,
            Used::Large(flags) => flags[index],
        }
    }
}

impl<'n, 'a, 'p> Table<'n, 'a, 'p> {
    fn new(cx: &mut Cx, node: &'n Node<'a>, path: P<'p>) -> Self {
        let table = node.as_table();
        let entries: &[crate::source::Entry<'a>] = table.map_or(&[], |t| t);
        let duplicates = cx.syntax == Syntax::Json
            && table.is_some_and(|t| t.has_duplicates())
            && report_duplicate_keys(cx, entries, &path);
        Self {
            entries,
            table,
            used: Used::new(entries.len()),
            duplicates,
            path,
        }
    }

    /// The value of `key`, marking it as known (with its JSON duplicates,
    /// which are reported as `duplicate-key`, not as unknown keys).
    pub(crate) fn get(&mut self, key: &str) -> Option<&'n Node<'a>> {
        let index = self.table?.position(key)?;
        self.used.set(index);
        if self.duplicates {
            for (i, entry) in self.entries.iter().enumerate().skip(index + 1) {
                if entry.key == key {
                    self.used.set(i);
                }
            }
        }
        Some(&self.entries[index].value)
    }

    /// Whether `key` is present (does not mark it as used).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.table.is_some_and(|t| t.position(key).is_some())
    }

    /// The value of a required key; reports `missing-key` when absent.
    pub(crate) fn required(&mut self, cx: &mut Cx, key: &'static str) -> Option<&'n Node<'a>> {
        let found = self.get(key);
        if found.is_none() {
            let what = match cx.syntax {
                Syntax::Toml => "table",
                Syntax::Json => "object",
            };
            let at = self.path;
            let message = if at.to_path().is_root() {
                format!("missing required key `{key}`")
            } else {
                format!("missing required key `{key}` in {what} `{}`", at.to_path())
            };
            cx.report(&codes::MISSING_KEY, &at.key(key), message)
                .at(&at, Target::Value)
                .help(format!("add `{key}` to this {what}"));
        }
        found
    }

    pub(crate) fn str(&mut self, cx: &mut Cx, key: &'static str) -> Option<&'n str> {
        let node = self.get(key)?;
        cx.expect_str(node, &self.path.key(key))
    }

    pub(crate) fn required_str(&mut self, cx: &mut Cx, key: &'static str) -> Option<&'n str> {
        let node = self.required(cx, key)?;
        cx.expect_str(node, &self.path.key(key))
    }

    pub(crate) fn bool(&mut self, cx: &mut Cx, key: &'static str) -> Option<bool> {
        let node = self.get(key)?;
        cx.expect_bool(node, &self.path.key(key))
    }

    pub(crate) fn string_list(&mut self, cx: &mut Cx, key: &'static str) -> Option<Vec<String>> {
        let node = self.get(key)?;
        cx.string_list(node, &self.path.key(key))
    }

    /// Reports every key that was not looked up, with a "did you mean" when
    /// one of `known` is close. `known` lists every key valid here.
    pub(crate) fn finish(self, cx: &mut Cx, severity: Severity, known: &[&str]) {
        self.finish_with(cx, severity, known, |_| None::<String>);
    }

    /// Like [`Table::finish`], with a format-specific help for some keys.
    pub(crate) fn finish_with<S>(
        self,
        cx: &mut Cx,
        severity: Severity,
        known: &[&str],
        special: impl Fn(&str) -> Option<S>,
    ) where
        S: Into<Special>,
    {
        for (index, entry) in self.entries.iter().enumerate() {
            if self.used.get(index) {
                continue;
            }
            let key: &str = &entry.key;
            let path = self.path.key(key);
            let place = match self.path.to_path() {
                p if p.is_root() => "at the top level".to_owned(),
                p => format!("in `{p}`"),
            };
            let pending = cx.push(
                severity,
                codes::UNKNOWN_KEY,
                &path,
                format!("unknown key `{key}` {place}"),
            );
            pending.on_key();
            if let Some(special) = special(key).map(Into::into) {
                pending.help(special.help);
                if let Some(to) = special.rename
                    && !self.has(to)
                    && renamable(&entry.value)
                {
                    // Where the tool ignores the key, renaming it changes
                    // what the tool does: the user decides.
                    let applicability = match severity {
                        Severity::Error => Applicability::Safe,
                        _ => Applicability::NeedsReview,
                    };
                    pending.fix_key(applicability, key, to);
                }
            } else if let Some(suggestion) = suggest::did_you_mean(key, known) {
                pending.help(suggestion);
                if let Some(best) = suggest::closest(key, known)
                    && !self.has(best)
                    && renamable(&entry.value)
                {
                    pending.fix_key(suggest::applicability(key, best, known), key, best);
                }
            } else if !known.is_empty() {
                pending.help(format!("expected one of {}", suggest::list(known)));
            }
            if severity == Severity::Warning {
                pending.note("the official tooling ignores this key, so its value is lost");
            }
        }
    }
}

/// The help [`Table::finish_with`] gives for one unknown key, instead of a
/// did-you-mean: a sentence, and the key it is certainly meant to be (then
/// renaming it is offered as a fix, where that key is not written too: safe
/// where the unknown key is an error, to review where the tool ignores it).
pub(crate) struct Special {
    help: String,
    rename: Option<&'static str>,
}

impl Special {
    /// `key` is an older or another tool's name of `to`.
    pub(crate) fn rename(to: &'static str, help: impl Into<String>) -> Self {
        Special {
            help: help.into(),
            rename: Some(to),
        }
    }
}

impl From<String> for Special {
    fn from(help: String) -> Self {
        Special { help, rename: None }
    }
}

/// Whether renaming the key of an entry holding `value` is one edit: the
/// key is written once, not in several headers (`[[a]]` twice, `[a.b]`
/// and `[a.c]`) or dotted keys (`a.b = 1` and `a.c = 2`).
fn renamable(value: &Node<'_>) -> bool {
    use crate::source::TableKind;
    match &value.value {
        Value::Table(table) => !matches!(table.kind(), TableKind::Implicit | TableKind::Dotted),
        Value::Array(items) => {
            items.len() <= 1
                || !items.iter().any(
                    |item| matches!(item.as_table(), Some(t) if t.kind() == TableKind::ArrayItem),
                )
        }
        _ => true,
    }
}

/// The last diagnostic of a manifest with more than [`MAX_DIAGNOSTICS`].
fn too_many(lines: &LineIndex<'_>, end: usize, errors: usize, warnings: usize) -> Diagnostic {
    let rule = &codes::TOO_MANY_PROBLEMS;
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    let more: Vec<String> = [count(errors, "error"), count(warnings, "warning")]
        .into_iter()
        .flatten()
        .collect();
    Diagnostic {
        code: rule.code,
        severity: if errors > 0 {
            Severity::Error
        } else {
            Severity::Warning
        },
        message: format!(
            "{} more problems not listed ({}): a report lists the first {MAX_DIAGNOSTICS} problems of a file",
            errors + warnings,
            more.join(" and ")
        ),
        path: FieldPath::root(),
        span: lines.span(end..end),
        labels: Vec::new(),
        help: Some("fix the problems listed, then check the file again".to_owned()),
        note: None,
        fix: None,
    }
}

/// How to turn the value found into the type expected, for the common
/// slips (a number that should be quoted, a single string that should be a
/// list, a quoted boolean).
fn conversion_help(node: &Node<'_>, expected: &str) -> Option<String> {
    let scalar = node.scalar_text();
    if expected.starts_with("a string") {
        return Some(match scalar {
            Some(text) => format!("write it as a string, in double quotes: `\"{text}\"`"),
            None => "write a string, in double quotes".to_owned(),
        });
    }
    if expected.starts_with("an array") && !expected.contains("tables") {
        return match &node.value {
            Value::String(s) => Some(format!("write it as an array: `[{s:?}]`")),
            _ => scalar.map(|text| format!("write it as an array: `[{text}]`")),
        };
    }
    let Value::String(s) = &node.value else {
        return None;
    };
    if expected.starts_with("a boolean") && (s == "true" || s == "false") {
        return Some(format!("remove the quotes: `{s}`"));
    }
    if expected.starts_with("an integer") && s.parse::<i128>().is_ok() {
        return Some(format!("remove the quotes: `{s}`"));
    }
    None
}

/// Reports every repeated key of a JSON object; returns whether there was
/// one. Small objects are compared pairwise (no hashing, no allocation).
fn report_duplicate_keys(cx: &mut Cx, entries: &[crate::source::Entry<'_>], path: &P<'_>) -> bool {
    let mut any = false;
    let mut report = |cx: &mut Cx, key: &str, earlier: usize| {
        any = true;
        let p = path.key(key);
        cx.report(&codes::DUPLICATE_KEY, &p, format!("duplicate key `{key}`"))
            .at(&p, Target::NthKey(earlier))
            .label(&p, Target::Key, "first defined here")
            .help("remove one of the two entries; parsers disagree on which one wins");
    };
    if entries.len() <= 32 {
        for (i, entry) in entries.iter().enumerate() {
            let earlier = entries[..i].iter().filter(|e| e.key == entry.key).count();
            if earlier > 0 {
                report(cx, &entry.key, earlier);
            }
        }
    } else {
        let mut seen: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(entries.len());
        for entry in entries {
            let count = seen.entry(&entry.key).or_insert(0);
            if *count > 0 {
                report(cx, &entry.key, *count);
            }
            *count += 1;
        }
    }
    any
}
