//! `wasm-manifests explain`: the documentation of a diagnostic code, from
//! the library's registry (the same text as the README's table).

use std::io::Write;

use wasm_manifests::codes::{self, CodeDoc};

use crate::{ColorWhen, ExplainArgs, Status, style};

/// Runs `explain`.
pub fn run(args: &ExplainArgs, color: ColorWhen) -> Status {
    let stderr_color = style::enabled(color, &std::io::stderr());
    let text = if args.list {
        list()
    } else {
        let wanted = args
            .code
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match codes::find(&wanted) {
            Some(doc) => doc.to_markdown(),
            None => {
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

/// Every code and its summary, aligned.
fn list() -> String {
    let docs: Vec<&CodeDoc> = codes::all().collect();
    let width = docs.iter().map(|doc| doc.code.len()).max().unwrap_or(0);
    docs.iter()
        .map(|doc| format!("{:width$}  {}\n", doc.code, doc.summary))
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
        let list = list();
        assert_eq!(list.lines().count(), codes::all().count());
        assert!(list.contains("wasmer/unknown-module"));
    }
}
