//! Hover, completion and code actions on an open document.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionItem,
    CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit, Documentation,
    Hover, HoverContents, HoverParams, MarkupContent, MarkupKind, TextEdit, WorkspaceEdit,
};
use wasm_manifests::fix::{self, Applicability};
use wasm_manifests::{FieldPath, Outline};

use super::document::Document;
use super::schema::{self, Schemas, Shape};
use super::text::Encoding;

/// The kind of the action that applies every safe fix.
pub const FIX_ALL: &str = "source.fixAll.wasm-manifests";

/// The documentation of the key under the cursor, from the schema; or, off
/// any key, that of the code of a diagnostic there.
pub fn hover(
    document: &Document,
    params: &HoverParams,
    encoding: Encoding,
    schemas: &mut Schemas,
) -> Option<Hover> {
    let offset = document.offset(params.text_document_position_params.position, encoding);
    if let Some(format) = document.format {
        let outline = Outline::new(&document.text, format);
        if let Some(key) = outline.key_at(offset) {
            let which = schema::schema_of(format, document.parsed.as_ref(), &document.text);
            if let Some((description, deprecated)) = schema::describe(schemas.get(which), &key.path)
            {
                let mut value = format!("**`{}`**", key.path);
                if deprecated {
                    value.push_str(" (deprecated)");
                }
                value.push_str("\n\n");
                value.push_str(&description);
                return Some(Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    }),
                    range: Some(document.range(key.span.start, key.span.end, encoding)),
                });
            }
        }
    }
    let diagnostic = document
        .diagnostics
        .iter()
        .find(|d| d.span.start <= offset && offset <= d.span.end)?;
    let doc = wasm_manifests::codes::find(diagnostic.code)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: doc.to_markdown(),
        }),
        range: Some(document.range(diagnostic.span.start, diagnostic.span.end, encoding)),
    })
}

/// Keys from the schema: those of the table a line belongs to, when the
/// cursor is in the first word of the line; the tables of the top level
/// after a `[` at the start of a line, those of `a.b` after `[a.b.`. Keys
/// already written are left out (arrays of tables excepted: they take
/// another entry). After `key =`, the values the schema lists for the key.
/// TOML only.
pub fn completion(
    document: &Document,
    params: &CompletionParams,
    encoding: Encoding,
    schemas: &mut Schemas,
) -> Option<CompletionResponse> {
    let format = document.format?;
    let offset = document.offset(params.text_document_position.position, encoding);
    let line_start = document.text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let before = &document.text[line_start..offset];
    let outline = Outline::new(&document.text, format);
    if outline.is_json() {
        return None;
    }
    let which = schema::schema_of(format, document.parsed.as_ref(), &document.text);
    let root = schemas.get(which);
    let word = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let trimmed = before.trim_start();
    if let Some((key, value)) = trimmed.split_once('=') {
        let key = key.trim();
        if !word(key) {
            return None;
        }
        let path = outline.table_at(line_start).key(key);
        return value_completion(document, root, path, value, offset, encoding);
    }
    let (table, header) = if let Some(name) = trimmed.strip_prefix('[') {
        let name = name.strip_prefix('[').unwrap_or(name).trim_start();
        // `[a.b.` completes the tables of `a.b`.
        let mut parts: Vec<&str> = name.split('.').map(str::trim).collect();
        let last = parts.pop().unwrap_or("");
        if !word(last) || parts.iter().any(|p| p.is_empty() || !word(p)) {
            return None;
        }
        let table = parts
            .into_iter()
            .fold(FieldPath::root(), |path, part| path.key(part));
        (table, true)
    } else if word(trimmed) {
        (outline.table_at(line_start), false)
    } else {
        return None;
    };
    let present = outline.keys(&table);
    let items: Vec<CompletionItem> = schema::keys(root, &table)
        .into_iter()
        .filter(|key| !header || key.shape != Shape::Value)
        .filter(|key| key.shape == Shape::ArrayOfTables || !present.contains(&key.name))
        .map(|key| CompletionItem {
            label: key.name.clone(),
            kind: Some(CompletionItemKind::PROPERTY),
            detail: Some(match key.shape {
                Shape::Table => format!("[{}]", key.name),
                Shape::ArrayOfTables => format!("[[{}]]", key.name),
                Shape::Value => format!("{} = …", key.name),
            }),
            documentation: key.description.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            deprecated: key.deprecated.then_some(true),
            ..CompletionItem::default()
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

/// The values the schema lists for `key = …` (or an entry of `key = […]`),
/// once the cursor is after the `=`: each replaces what is typed of the
/// value, with its quotes. `typed` is the line's text after the `=`.
fn value_completion(
    document: &Document,
    root: &serde_json::Value,
    mut path: FieldPath,
    typed: &str,
    offset: usize,
    encoding: Encoding,
) -> Option<CompletionResponse> {
    let mut value = typed.trim_start();
    if let Some(items) = value.strip_prefix('[') {
        // In an array: the entry after the last separator.
        value = items.rsplit(',').next().unwrap_or(items).trim_start();
        path = path.index(0);
    }
    let partial = match value.strip_prefix('"') {
        Some(rest) if rest.contains('"') => return None,
        Some(_) => value,
        None if value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
        {
            value
        }
        None => return None,
    };
    // A closing quote the editor put after the cursor is replaced too.
    let end = match partial.starts_with('"') && document.text[offset..].starts_with('"') {
        true => offset + 1,
        false => offset,
    };
    let range = document.range(offset - partial.len(), end, encoding);
    let items = schema::values(root, &path)
        .into_iter()
        .map(|doc| {
            let (label, new_text) = match &doc.value {
                serde_json::Value::String(s) => (s.clone(), doc.value.to_string()),
                other => (other.to_string(), other.to_string()),
            };
            CompletionItem {
                label,
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                filter_text: Some(new_text.clone()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
                documentation: doc.description.map(|value| {
                    Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    })
                }),
                ..CompletionItem::default()
            }
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

/// A quick fix for each diagnostic with a fix that touches the range, and
/// one action applying every safe fix of the document.
pub fn code_actions(
    document: &Document,
    params: &CodeActionParams,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| match &params.context.only {
        None => true,
        Some(only) => only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        }),
    };
    let start = document.offset(params.range.start, encoding);
    let end = document.offset(params.range.end, encoding).max(start);
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        for diagnostic in &document.diagnostics {
            let Some(fix) = &diagnostic.fix else {
                continue;
            };
            let touches = diagnostic.span.start <= end && start <= diagnostic.span.end;
            if !touches || !fix.fits(&document.text) {
                continue;
            }
            let edits = fix
                .edits
                .iter()
                .map(|edit| TextEdit {
                    range: document.range(edit.start, edit.end, encoding),
                    new_text: edit.replacement.clone(),
                })
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.message.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![document.to_lsp(diagnostic, encoding)]),
                edit: Some(workspace_edit(document, edits)),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..CodeAction::default()
            }));
        }
    }
    let fix_all = CodeActionKind::from(FIX_ALL);
    if wanted(&fix_all) {
        let fixed = fix::apply(&document.text, &document.diagnostics, Applicability::Safe);
        if !fixed.applied.is_empty() {
            let whole = document.range(0, document.text.len(), encoding);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!(
                    "Apply every safe fix ({} fix{})",
                    fixed.applied.len(),
                    if fixed.applied.len() == 1 { "" } else { "es" }
                ),
                kind: Some(fix_all),
                edit: Some(workspace_edit(
                    document,
                    vec![TextEdit {
                        range: whole,
                        new_text: fixed.text,
                    }],
                )),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

fn workspace_edit(document: &Document, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(document.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}
