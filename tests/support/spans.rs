//! Checks that every position a report gives is true to the text: each
//! span is in bounds and on character boundaries, and its line and column
//! are those of its byte offset, counted here independently of the library.
//! Shared by the stable tests (`tests/hostile.rs`) and the fuzz targets.

use wasm_manifests::Parsed;

/// A span as the report gives it: byte range, then line and column of
/// each end.
struct Pos {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl From<&wasm_manifests::Span> for Pos {
    fn from(s: &wasm_manifests::Span) -> Self {
        Pos {
            start: s.start,
            end: s.end,
            line: s.line,
            column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
        }
    }
}

/// The 1-based line and character column of `offset` (a leading byte
/// order mark is not a column). `starts` are the offsets where lines start.
fn line_column(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let line = starts.partition_point(|&s| s <= offset);
    let start = starts[line - 1];
    let before = &text[..offset];
    let mut column_text = &before[start..];
    if start == 0 {
        column_text = column_text.strip_prefix('\u{feff}').unwrap_or(column_text);
    }
    (line, column_text.chars().count() + 1)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

fn check_span(text: &str, starts: &[usize], span: &Pos, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: span {}..{} out of bounds ({} bytes)",
            span.start,
            span.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!(
            "{what}: span {}..{} not on character boundaries",
            span.start, span.end
        ));
    }
    let start = line_column(text, starts, span.start);
    let end = line_column(text, starts, span.end);
    if (span.line, span.column) != start || (span.end_line, span.end_column) != end {
        return Err(format!(
            "{what}: span {}..{} says {}:{}-{}:{}, the text says {}:{}-{}:{}",
            span.start,
            span.end,
            span.line,
            span.column,
            span.end_line,
            span.end_column,
            start.0,
            start.1,
            end.0,
            end.1
        ));
    }
    Ok(())
}

/// Checks every diagnostic and label of `parsed` against `text` (the text
/// the positions are counted in: the input when it was UTF-8), renders the
/// report as text and JSON, and builds the package view with its positions.
pub fn check(parsed: &Parsed, text: Option<&str>) -> Result<(), String> {
    let report = parsed.report();
    let starts = text.map(line_starts).unwrap_or_default();
    if let Some(text) = text {
        for d in report.iter() {
            check_span(text, &starts, &(&d.span).into(), d.code)?;
            for label in &d.labels {
                check_span(text, &starts, &(&label.span).into(), d.code)?;
            }
        }
    }
    let rendered = report.render();
    if report.is_empty() != rendered.is_empty() {
        return Err("the rendering and the report disagree on emptiness".to_owned());
    }
    let json = report.to_json();
    if json["diagnostics"].as_array().map(Vec::len) != Some(report.diagnostics().len()) {
        return Err("the JSON report does not list every diagnostic".to_owned());
    }
    if let Some(package) = parsed.package()
        && let Some(text) = text
    {
        let json = serde_json::to_value(&package).map_err(|e| e.to_string())?;
        let mut spans = Vec::new();
        collect_spans(&json, &mut spans);
        for span in spans {
            check_span(text, &starts, &span, "package view")?;
        }
    }
    Ok(())
}

/// Every `span` object in the package view's JSON.
fn collect_spans(value: &serde_json::Value, out: &mut Vec<Pos>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(span) = map.get("span")
                && let Some(span) = span_of(span)
            {
                out.push(span);
            }
            map.values().for_each(|v| collect_spans(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_spans(v, out)),
        _ => {}
    }
}

fn span_of(value: &serde_json::Value) -> Option<Pos> {
    let get = |key: &str| value.get(key)?.as_u64().map(|n| n as usize);
    Some(Pos {
        start: get("start")?,
        end: get("end")?,
        line: get("line")?,
        column: get("column")?,
        end_line: get("end_line")?,
        end_column: get("end_column")?,
    })
}
