//! The output formats of `check`: human, concise, JSON, GitHub annotations,
//! SARIF.

use std::io::{BufWriter, Stdout, Write};
use std::time::Duration;

use serde::Serialize;
use wasm_manifests::{Diagnostic, Format, Report, Severity};

use crate::sarif::Sarif;
use crate::{OutputFormat, style};

/// One file's report in the output format, prepared on the thread that
/// checked the file so that the printing thread only copies it out.
#[derive(Debug)]
pub enum Rendered {
    /// Human, concise or GitHub output: the text to print.
    Text(String),
    /// JSON output: the file's report (pretty-printed), written in one
    /// document at the end.
    Json(String),
    /// SARIF output: the results, written in one log at the end.
    Sarif(Vec<serde_json::Value>),
}

/// Renders a report for `format`; `color` styles the human output.
pub fn render(format: OutputFormat, color: bool, report: &Report) -> Rendered {
    match format {
        OutputFormat::Human if report.is_empty() => Rendered::Text(String::new()),
        OutputFormat::Human if color => Rendered::Text(report.render_styled()),
        OutputFormat::Human => Rendered::Text(report.render()),
        OutputFormat::Concise => {
            let mut text = String::new();
            for diagnostic in report {
                text.push_str(&concise_line(report.origin(), diagnostic));
                text.push('\n');
            }
            Rendered::Text(text)
        }
        OutputFormat::Json => {
            Rendered::Json(serde_json::to_string_pretty(report).unwrap_or_default())
        }
        OutputFormat::Github => {
            let mut text = String::new();
            for diagnostic in report {
                text.push_str(&github_annotation(report.origin(), diagnostic));
                text.push('\n');
            }
            Rendered::Text(text)
        }
        OutputFormat::Sarif => Rendered::Sarif(crate::sarif::results(report)),
    }
}

/// The counts shown in the summary line.
#[derive(Debug, Default)]
pub struct Summary {
    /// Manifests checked.
    pub files: usize,
    /// Errors found (warnings included under `--strict`).
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Paths that could not be read, searched or identified.
    pub problems: usize,
    /// Time from start to end.
    pub elapsed: Duration,
    /// Fixes made (`--fix`) or shown (`--diff`).
    pub fixed: usize,
    /// Files those fixes are in.
    pub fixed_files: usize,
    /// Fixes left in the reports: safe ones, and those needing review.
    pub fixable: (usize, usize),
    /// `Some(true)` with `--fix`, `Some(false)` with `--diff`.
    pub fix: Option<bool>,
    /// `--unsafe-fixes` was given.
    pub unsafe_fixes: bool,
}

/// Writes the reports to standard output in the chosen format.
///
/// A failed write (say, a closed pipe) stops the output but not the run:
/// the exit status still reflects every file.
pub struct Printer {
    format: OutputFormat,
    color: bool,
    /// `--list-files`: only the list is printed.
    listing: bool,
    out: BufWriter<Stdout>,
    write_error: Option<std::io::Error>,
    /// The reports of the JSON output, pretty-printed.
    json: Vec<String>,
    /// What could not be checked, for the JSON output.
    unchecked: Vec<String>,
    sarif: Sarif,
}

impl Printer {
    /// A printer for `format`; `color` styles the human output; `listing`
    /// prints the list of `--list-files` only.
    pub fn new(format: OutputFormat, color: bool, listing: bool) -> Self {
        Self {
            format,
            color,
            listing,
            out: BufWriter::new(std::io::stdout()),
            write_error: None,
            json: Vec::new(),
            unchecked: Vec::new(),
            sarif: Sarif::default(),
        }
    }

    /// Prints (or keeps, for the formats written at the end) one file's
    /// rendered report.
    pub fn report(&mut self, rendered: Rendered) {
        match rendered {
            Rendered::Text(text) => self.write(text.as_bytes()),
            Rendered::Json(report) => self.json.push(report),
            Rendered::Sarif(results) => self.sarif.extend(results),
        }
    }

    /// Prints one line of `--list-files`: the path, a tab, the format.
    pub fn listed(&mut self, display: &str, format: Format) {
        self.write(format!("{display}\t{format}\n").as_bytes());
    }

    /// Records a file that could not be checked (SARIF lists them as
    /// notifications, JSON in `unchecked`; the other formats leave them to
    /// standard error).
    pub fn problem(&mut self, message: &str) {
        match self.format {
            OutputFormat::Sarif => self.sarif.add_problem(message),
            OutputFormat::Json => self.unchecked.push(message.to_owned()),
            _ => {}
        }
    }

    /// Flushes what was printed so far, so that a message on standard
    /// error appears after the reports before it.
    pub fn flush(&mut self) {
        if self.write_error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.write_error = Some(e);
        }
    }

    /// Writes what is kept for the end and the summary line.
    pub fn finish(mut self, summary: &Summary, quiet: bool) -> std::io::Result<()> {
        match self.format {
            _ if self.listing => {}
            OutputFormat::Human | OutputFormat::Concise if !quiet => {
                let line = style::paint(self.color, style::BOLD, &summary_line(summary));
                self.write(format!("{line}\n").as_bytes());
                if let Some(line) = fix_line(summary) {
                    self.write(format!("{line}\n").as_bytes());
                }
                if summary.errors + summary.warnings > 0 {
                    self.write(format!("{NEXT_STEP}\n").as_bytes());
                }
            }
            OutputFormat::Human | OutputFormat::Concise | OutputFormat::Github => {}
            OutputFormat::Json => {
                let text = json_document(&self.json, &self.unchecked, summary)?;
                self.write(text.as_bytes());
            }
            OutputFormat::Sarif => {
                let text = serde_json::to_string_pretty(&std::mem::take(&mut self.sarif).finish())
                    .map_err(std::io::Error::other)?;
                self.write(text.as_bytes());
                self.write(b"\n");
            }
        }
        self.flush();
        match self.write_error {
            // A reader that stops reading (`| head`) is not an error.
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
            _ => Ok(()),
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.write_error.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.write_error = Some(e);
        }
    }
}

/// What the human output suggests once something was reported.
const NEXT_STEP: &str =
    "Run `wasm-manifests explain CODE` for what a code means and how to fix it.";

/// The end of the JSON output: what could not be checked and the counts.
#[derive(Serialize)]
struct JsonTail<'a> {
    unchecked: Vec<JsonUnchecked<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonUnchecked<'a> {
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    unchecked: usize,
}

/// The whole JSON output: `{"version", "files", "unchecked", "summary"}`,
/// where each of `files` is the report as `Report::to_json` gives it (so
/// the library and the command line agree), already pretty-printed by the
/// workers: this only indents it.
fn json_document(
    files: &[String],
    unchecked: &[String],
    summary: &Summary,
) -> std::io::Result<String> {
    let tail = JsonTail {
        unchecked: unchecked
            .iter()
            .map(|message| JsonUnchecked { message })
            .collect(),
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            unchecked: summary.problems,
        },
    };
    let tail = serde_json::to_string_pretty(&tail).map_err(std::io::Error::other)?;
    let mut out = format!(
        "{{\n  \"version\": {},\n  \"files\": [",
        Report::JSON_VERSION
    );
    for (i, file) in files.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        // JSON strings hold no line breaks: indenting lines is safe.
        for (j, line) in file.lines().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str("    ");
            out.push_str(line);
        }
    }
    out.push_str(if files.is_empty() { "],\n" } else { "\n  ],\n" });
    // The tail's fields, inside the same object.
    let inner = tail
        .strip_prefix("{\n")
        .and_then(|t| t.strip_suffix("\n}"))
        .unwrap_or("");
    out.push_str(inner);
    out.push_str("\n}\n");
    Ok(out)
}

/// `path:line:column: severity[code] message`, on one line: line breaks and
/// control characters in the message are escaped like file names.
fn concise_line(shown_file: &str, d: &Diagnostic) -> String {
    let mut message = String::with_capacity(d.message.len());
    for c in d.message.chars() {
        match c {
            '\n' => message.push_str("\\n"),
            '\r' => message.push_str("\\r"),
            '\t' => message.push(' '),
            c if crate::escape::needs_escape(c) => {
                message.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => message.push(c),
        }
    }
    format!(
        "{shown_file}:{}:{}: {}[{}] {message}",
        d.span.line.max(1),
        d.span.column.max(1),
        d.severity,
        d.code
    )
}

/// `Checked 12 files: 3 errors, 5 warnings in 24ms`.
fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "Checked {}: {}, {}",
        plural(summary.files, "file"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    );
    if summary.problems > 0 {
        line.push_str(&format!(
            " ({} could not be checked)",
            plural(summary.problems, "path")
        ));
    }
    let seconds = summary.elapsed.as_secs_f64();
    if seconds < 1.0 {
        line.push_str(&format!(" in {:.0}ms", seconds * 1000.0));
    } else {
        line.push_str(&format!(" in {seconds:.2}s"));
    }
    line
}

/// What the fixes did, or what `--fix` would do: `Fixed 3 problems in 2
/// files.`, `2 problems can be fixed with \`--fix\`.`
fn fix_line(summary: &Summary) -> Option<String> {
    let (safe, review) = summary.fixable;
    let mut parts = Vec::new();
    if summary.fix == Some(true) && summary.fixed > 0 {
        parts.push(format!(
            "Fixed {} in {}.",
            plural(summary.fixed, "problem"),
            plural(summary.fixed_files, "file")
        ));
    }
    if safe > 0 {
        parts.push(format!(
            "{} can be fixed with `--fix`.",
            plural(safe, "problem")
        ));
    }
    if review > 0 && !summary.unsafe_fixes {
        parts.push(format!(
            "{} more with `--fix --unsafe-fixes` (read the changes: they need review).",
            plural(review, "problem")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

pub(crate) fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// One GitHub Actions workflow command:
/// `::error file=..,line=..,col=..,endLine=..,endColumn=..,title=code::message`.
fn github_annotation(file: &str, d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    if let Some(note) = &d.note {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    let span = &d.span;
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(file),
        span.line.max(1),
        span.column.max(1),
        span.end_line.max(1),
        span.end_column.max(1),
        escape_property(d.code),
        escape_data(&message)
    )
}

/// Escapes the message of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concise_lines_stay_one_line() {
        let parsed = wasm_manifests::parse(
            "[[module]]\nname = \"a\"\nsource = \"a.wasm\"\nabi = \"x\\u001b[2J\\ny\"\n",
            Format::Wasmer,
        );
        let d = &parsed.report().diagnostics()[0];
        assert!(
            d.message.contains('\n') || d.message.contains('\u{1b}'),
            "{}",
            d.message
        );
        let line = concise_line("dir/wasmer.toml", d);
        assert!(
            line.starts_with("dir/wasmer.toml:4:7: error[wasmer/invalid-abi] "),
            "{line}"
        );
        assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line}");
        assert!(line.contains("\\u{1b}[2J"), "{line}");
    }

    #[test]
    fn the_json_document_is_valid_with_or_without_files() {
        let summary = Summary::default();
        let empty: serde_json::Value =
            serde_json::from_str(&json_document(&[], &[], &summary).unwrap()).unwrap();
        assert_eq!(
            empty,
            serde_json::json!({
                "version": 1,
                "files": [],
                "unchecked": [],
                "summary": { "files": 0, "errors": 0, "warnings": 0, "unchecked": 0 }
            })
        );
        let report =
            wasm_manifests::parse("[[module]]\nname = \"m\"\n", Format::Wasmer).into_report();
        let file = serde_json::to_string_pretty(&report).unwrap();
        let text = json_document(&[file.clone(), file], &["gone".to_owned()], &summary).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["files"][1], report.to_json());
        assert_eq!(value["unchecked"][0]["message"], "gone");
        // Pretty-printed as one document: two spaces per level.
        assert!(
            text.contains("\n    {\n      \"version\": 1,\n      \"file\": \"<input>\","),
            "{text}"
        );
    }

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("100%\r\nok"), "100%25%0D%0Aok");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn summary_wording() {
        let summary = Summary {
            files: 1,
            errors: 2,
            warnings: 0,
            problems: 1,
            elapsed: Duration::from_millis(1234),
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&summary),
            "Checked 1 file: 2 errors, 0 warnings (1 path could not be checked) in 1.23s"
        );
        let quick = Summary {
            files: 2,
            elapsed: Duration::from_micros(4_400),
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&quick),
            "Checked 2 files: 0 errors, 0 warnings in 4ms"
        );
        assert_eq!(fix_line(&quick), None);
        let fixed = Summary {
            fixed: 3,
            fixed_files: 1,
            fixable: (1, 2),
            fix: Some(true),
            ..Summary::default()
        };
        assert_eq!(
            fix_line(&fixed).as_deref(),
            Some(
                "Fixed 3 problems in 1 file. 1 problem can be fixed with `--fix`. 2 problems more with `--fix --unsafe-fixes` (read the changes: they need review)."
            )
        );
    }
}
