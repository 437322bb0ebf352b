//! The output formats of `check`: human, JSON, GitHub annotations, SARIF.

use std::io::{BufWriter, Stdout, Write};
use std::time::Duration;

use serde::Serialize;
use wasm_manifests::{Diagnostic, Format, Report, Severity, Span};

use crate::sarif::Sarif;
use crate::{OutputFormat, style};

/// One file's report in the output format, prepared on the thread that
/// checked the file so that the printing thread only copies it out.
#[derive(Debug)]
pub enum Rendered {
    /// Human or GitHub output: the text to print.
    Text(String),
    /// JSON output: the diagnostics, written as one array at the end.
    Json(Vec<JsonDiagnostic>),
    /// SARIF output: the results, written in one log at the end.
    Sarif(Vec<serde_json::Value>),
}

/// Renders a report for `format`; `color` styles the human output.
pub fn render(format: OutputFormat, color: bool, report: &Report) -> Rendered {
    match format {
        OutputFormat::Human if report.is_empty() => Rendered::Text(String::new()),
        OutputFormat::Human if color => Rendered::Text(report.render_styled()),
        OutputFormat::Human => Rendered::Text(report.render()),
        OutputFormat::Json => Rendered::Json(
            report
                .iter()
                .map(|d| JsonDiagnostic::new(report.origin(), d))
                .collect(),
        ),
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
    json: Vec<JsonDiagnostic>,
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
            sarif: Sarif::default(),
        }
    }

    /// Prints (or keeps, for the formats written at the end) one file's
    /// rendered report.
    pub fn report(&mut self, rendered: Rendered) {
        match rendered {
            Rendered::Text(text) => self.write(text.as_bytes()),
            Rendered::Json(diagnostics) => self.json.extend(diagnostics),
            Rendered::Sarif(results) => self.sarif.extend(results),
        }
    }

    /// Prints one line of `--list-files`: the path, a tab, the format.
    pub fn listed(&mut self, display: &str, format: Format) {
        self.write(format!("{display}\t{format}\n").as_bytes());
    }

    /// Records a file that could not be checked (SARIF lists them as
    /// notifications; the other formats leave them to standard error).
    pub fn problem(&mut self, message: &str) {
        if self.format == OutputFormat::Sarif {
            self.sarif.add_problem(message);
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
            OutputFormat::Human if !quiet => {
                let line = format!("{}\n", summary_line(summary));
                let line = style::paint(self.color, style::BOLD, line.trim_end());
                self.write(format!("{line}\n").as_bytes());
            }
            OutputFormat::Human | OutputFormat::Github => {}
            OutputFormat::Json => {
                let text =
                    serde_json::to_string_pretty(&self.json).map_err(std::io::Error::other)?;
                self.write(text.as_bytes());
                self.write(b"\n");
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

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// One diagnostic in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    file: String,
    code: &'static str,
    severity: Severity,
    message: String,
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    help: Option<String>,
    note: Option<String>,
    labels: Vec<JsonLabel>,
}

/// A secondary location in the JSON output.
#[derive(Debug, Serialize)]
struct JsonLabel {
    message: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
}

impl JsonDiagnostic {
    fn new(file: &str, d: &Diagnostic) -> Self {
        let Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        } = d.span;
        Self {
            file: file.to_owned(),
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            path: d.path.to_string(),
            line,
            column,
            end_line,
            end_column,
            start,
            end,
            help: d.help.clone(),
            note: d.note.clone(),
            labels: d
                .labels
                .iter()
                .map(|label| JsonLabel {
                    message: label.message.clone(),
                    line: label.span.line,
                    column: label.span.column,
                    end_line: label.span.end_line,
                    end_column: label.span.end_column,
                    start: label.span.start,
                    end: label.span.end,
                })
                .collect(),
        }
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
    }
}
