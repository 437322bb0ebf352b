//! `wasm-manifests explain`: the documentation of a diagnostic code, from
//! the library's registry (the same text as the README's table).

use std::io::Write;

use wasm_manifests::Selector;
use wasm_manifests::codes::{self, CodeDoc};

use crate::{ColorWhen, ExplainArgs, Status, style};

/// Runs `explain`.
pub fn run(args: &ExplainArgs, color: ColorWhen) -> Status {
    let stderr_color = style::enabled(color, &std::io::stderr());
    let text = if let Some(filter) = &args.list {
        let selector = match filter.as_deref().map(str::parse::<Selector>) {
            None => None,
            Some(Ok(selector)) => Some(selector),
            Some(Err(e)) => {
                style::error(stderr_color, &e.to_string());
                style::help(
                    stderr_color,
                    "filter with a category (`security`), a format prefix (`spin/`) or a code",
                );
                return Status::Trouble;
            }
        };
        list(codes::all().filter(|doc| selector.as_ref().is_none_or(|s| s.matches(doc.code))))
    } else {
        let wanted = args
            .code
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let found = codes::find(&wanted)
            .map(|doc| vec![doc])
            .unwrap_or_else(|| partial(&wanted));
        match found.as_slice() {
            [doc] => doc.to_markdown(),
            [] => {
                style::error(stderr_color, &format!("unknown diagnostic code `{wanted}`"));
                let suggestions = suggest(&wanted);
                if !suggestions.is_empty() {
                    let names: Vec<String> =
                        suggestions.iter().map(|code| format!("`{code}`")).collect();
                    style::help(
                        stderr_color,
                        &format!("did you mean {}?", names.join(" or ")),
                    );
                }
                style::help(
                    stderr_color,
                    "`wasm-manifests explain --list` lists every code",
                );
                return Status::Trouble;
            }
            several => {
                style::help(
                    stderr_color,
                    &format!(
                        "{} codes have `{wanted}` in their name: `wasm-manifests explain CODE` explains one",
                        several.len()
                    ),
                );
                list(several.iter().copied())
            }
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Status::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Clean,
        Err(e) => {
            style::error(stderr_color, &format!("cannot write the output: {e}"));
            Status::Trouble
        }
    }
}

/// The codes whose name, or a former name, contains `wanted`.
fn partial(wanted: &str) -> Vec<&'static CodeDoc> {
    if wanted.is_empty() {
        return Vec::new();
    }
    codes::all()
        .filter(|doc| doc.code.contains(wanted) || doc.aliases.iter().any(|a| a.contains(wanted)))
        .collect()
}

/// The severity in a word: `error`, `warning`, or `varies` when the place
/// decides (`explain CODE` says which places use which).
fn severity(doc: &CodeDoc) -> &'static str {
    match doc.severity {
        "error" => "error",
        "warning" => "warning",
        _ => "varies",
    }
}

/// Codes with their category, severity and summary, in aligned columns.
fn list<'a>(docs: impl Iterator<Item = &'a CodeDoc>) -> String {
    let docs: Vec<&CodeDoc> = docs.collect();
    let code = docs.iter().map(|doc| doc.code.len()).max().unwrap_or(0);
    let category = docs
        .iter()
        .map(|doc| doc.category.name().len())
        .max()
        .unwrap_or(0);
    let level = docs
        .iter()
        .map(|doc| severity(doc).len())
        .max()
        .unwrap_or(0);
    docs.iter()
        .map(|doc| {
            format!(
                "{:code$}  {:category$}  {:level$}  {}\n",
                doc.code,
                doc.category.name(),
                severity(doc),
                doc.summary
            )
        })
        .collect()
}

/// A code without its format prefix.
fn unprefixed(code: &str) -> &str {
    code.rsplit('/').next().unwrap_or(code)
}

/// The codes closest to `wanted`: a code whose name after the format
/// prefix is exactly `wanted`, else the nearest by edit distance.
fn suggest(wanted: &str) -> Vec<&'static str> {
    let exact: Vec<&'static str> = codes::all()
        .map(|doc| doc.code)
        .filter(|code| unprefixed(code) == unprefixed(wanted))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let distance = |code: &'static str| {
        strsim::levenshtein(wanted, code)
            .min(strsim::levenshtein(unprefixed(wanted), unprefixed(code)))
    };
    let best = codes::all().map(|doc| distance(doc.code)).min();
    let limit = (wanted.chars().count() / 3).max(2);
    match best {
        Some(best) if best <= limit => codes::all()
            .map(|doc| doc.code)
            .filter(|code| distance(code) == best)
            .take(3)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("unknown-module"), ["wasmer/unknown-module"]);
        assert_eq!(suggest("wasmer/unknown-modul"), ["wasmer/unknown-module"]);
        assert_eq!(suggest("syntax-eror"), ["syntax-error"]);
        assert!(suggest("something-else-entirely").is_empty());
    }

    #[test]
    fn list_has_every_code() {
        let list = list(codes::all());
        assert_eq!(list.lines().count(), codes::all().count());
        assert!(list.contains("wasmer/unknown-module"));
    }

    #[test]
    fn partial_names_find_codes() {
        let codes = |wanted| partial(wanted).iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes("duplicate-route"), ["spin/duplicate-route"]);
        assert!(codes("duplicate").len() > 3);
        // Former names count.
        assert_eq!(codes("all-hosts-allowed"), ["flow-like/allows-all-hosts"]);
        assert!(codes("").is_empty());
    }
}
