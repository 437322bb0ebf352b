//! SARIF 2.1.0 output, for code-scanning services.
//!
//! One run; the tool's rules are every documented code (so a viewer can
//! show the documentation of any result, and link to it with `helpUri`); each result points at its file
//! with line/column (counted in Unicode code points, as `columnKind`
//! says) and byte offsets, names the field as a logical location, and
//! carries the labels as related locations. Files that could not be checked
//! are listed as tool execution notifications.

use serde_json::{Value, json};
use wasm_manifests::{Diagnostic, Report, Severity, Span, codes};

/// The published schema of SARIF 2.1.0.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where to read about the tool and its codes.
const INFORMATION_URI: &str = "https://docs.rs/wasm-manifests";

/// The SARIF log being built.
#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<Value>,
    problems: Vec<String>,
}

impl Sarif {
    /// Adds results made by [`results`].
    pub fn extend(&mut self, results: Vec<Value>) {
        self.results.extend(results);
    }

    /// Records a path that could not be checked.
    pub fn add_problem(&mut self, message: &str) {
        self.problems.push(message.to_owned());
    }

    /// The whole log.
    pub fn finish(self) -> Value {
        let rules: Vec<Value> = codes::all().map(rule).collect();
        let notifications: Vec<Value> = self
            .problems
            .iter()
            .map(|message| json!({ "level": "error", "message": { "text": message } }))
            .collect();
        let mut invocation = json!({ "executionSuccessful": self.problems.is_empty() });
        if !notifications.is_empty() {
            invocation["toolExecutionNotifications"] = Value::Array(notifications);
        }
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "wasm-manifests",
                        "version": env!("CARGO_PKG_VERSION"),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }]
        })
    }
}

/// The results for every diagnostic of a report.
pub fn results(report: &Report) -> Vec<Value> {
    let uri = file_uri(report.origin());
    report.iter().map(|d| result(&uri, d)).collect()
}

/// The default level of a code: its documented severity, or the first one
/// named when it depends on the format (the result gives the actual one).
fn default_level(severity: &str) -> &'static str {
    let error = severity.find("error");
    let warning = severity.find("warning");
    match (error, warning) {
        (Some(e), Some(w)) if w < e => "warning",
        (Some(_), _) => "error",
        _ => "warning",
    }
}

fn rule(doc: &codes::CodeDoc) -> Value {
    json!({
        "id": doc.code,
        "shortDescription": { "text": doc.summary },
        "fullDescription": { "text": format!("{} {}", doc.summary, doc.why) },
        "help": {
            "text": format!("{}\n\nExample:\n{}", doc.fix, doc.example.trim_end()),
            "markdown": doc.to_markdown(),
        },
        "helpUri": doc.url(),
        "defaultConfiguration": { "level": default_level(doc.severity) },
        "properties": { "severity": doc.severity },
    })
}

fn result(uri: &str, d: &Diagnostic) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    if let Some(note) = &d.note {
        text.push_str("\nnote: ");
        text.push_str(note);
    }
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region(&d.span),
        }
    });
    if !d.path.is_root() {
        location["logicalLocations"] = json!([{
            "fullyQualifiedName": d.path.to_string(),
            "kind": "member",
        }]);
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": { "text": text },
        "locations": [location],
    });
    if let Some(index) = codes::all().position(|doc| doc.code == d.code) {
        result["ruleIndex"] = json!(index);
    }
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(id, label)| {
                json!({
                    "id": id,
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(&label.span),
                    },
                    "message": { "text": label.message },
                })
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([sarif_fix(uri, fix)]);
    }
    result
}

/// A fix as SARIF writes one: byte regions of the file replaced by text.
fn sarif_fix(uri: &str, fix: &wasm_manifests::fix::Fix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|edit| {
            json!({
                "deletedRegion": {
                    "byteOffset": edit.start,
                    "byteLength": edit.end - edit.start,
                },
                "insertedContent": { "text": edit.replacement },
            })
        })
        .collect();
    json!({
        "description": { "text": fix.message },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri },
            "replacements": replacements,
        }],
        "properties": { "applicability": fix.applicability },
    })
}

fn region(span: &Span) -> Value {
    json!({
        "startLine": span.line.max(1),
        "startColumn": span.column.max(1),
        "endLine": span.end_line.max(span.line).max(1),
        "endColumn": span.end_column.max(1),
        "byteOffset": span.start,
        "byteLength": span.end.saturating_sub(span.start),
    })
}

/// A path as a URI reference: relative paths stay relative (to the
/// directory the tool ran in, which is what code-scanning uploads expect),
/// absolute ones become `file://` URIs; other characters are
/// percent-encoded.
fn file_uri(path: &str) -> String {
    let encoded = percent_encode(path);
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else if path.len() > 2
        && path.as_bytes()[1] == b':'
        && path.as_bytes()[0].is_ascii_alphabetic()
    {
        // A Windows drive path, `C:/dir/file`: keep the colon.
        format!("file:///{}:{}", &path[..1], percent_encode(&path[2..]))
    } else {
        encoded
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(file_uri("fixtures/a b.toml"), "fixtures/a%20b.toml");
        assert_eq!(file_uri("/tmp/wasmer.toml"), "file:///tmp/wasmer.toml");
        assert_eq!(file_uri("C:/x/y.json"), "file:///C:/x/y.json");
        assert_eq!(file_uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(file_uri("é.toml"), "%C3%A9.toml");
    }

    #[test]
    fn levels() {
        assert_eq!(default_level("error"), "error");
        assert_eq!(default_level("warning"), "warning");
        assert_eq!(
            default_level("warning (wasmer.toml) / error (Spin)"),
            "warning"
        );
        assert_eq!(default_level("error (Spin) / warning (x)"), "error");
    }
}
