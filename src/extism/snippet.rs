//! Snippets for helps, written in the syntax of the document (JSON or
//! TOML), so that a fix can be pasted back as it is shown.

use crate::source::{Node, Syntax, Value};

/// A string as a JSON (and TOML basic) string literal.
pub(super) fn quote(s: &str) -> String {
    // Only control characters, quotes and backslashes need escaping.
    let plain = s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
    if plain {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('"');
        out.push_str(s);
        out.push('"');
        return out;
    }
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Whether `key` is a bare TOML key (letters, digits, `-` and `_`).
fn is_bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `"key": value` (JSON) or `key = value` (TOML).
pub(super) fn pair(syntax: Syntax, key: &str, value: &str) -> String {
    match syntax {
        Syntax::Json if is_bare(key) => format!("\"{key}\": {value}"),
        Syntax::Json => format!("{}: {value}", quote(key)),
        Syntax::Toml if is_bare(key) => format!("{key} = {value}"),
        Syntax::Toml => format!("{} = {value}", quote(key)),
    }
}

/// `{ key: value, ... }`, an inline table in either syntax.
pub(super) fn inline_table<K: AsRef<str>>(syntax: Syntax, pairs: &[(K, String)]) -> String {
    if pairs.is_empty() {
        return EMPTY_TABLE.to_owned();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| pair(syntax, k.as_ref(), v))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

/// An empty table, the same in both syntaxes.
pub(super) const EMPTY_TABLE: &str = "{}";

/// `wasm` set to a list holding `item`.
pub(super) fn list_of(syntax: Syntax, item: &str) -> String {
    match syntax {
        Syntax::Json => format!("\"wasm\": [{item}]"),
        Syntax::Toml => format!("wasm = [{item}]"),
    }
}

/// `wasm` with one module read from a file.
pub(super) fn example_list(syntax: Syntax) -> String {
    list_of(
        syntax,
        &inline_table(syntax, &[("path", "\"plugin.wasm\"".to_owned())]),
    )
}

/// A value written back compactly (long strings shortened).
pub(super) fn render(syntax: Syntax, node: &Node<'_>) -> String {
    match &node.value {
        Value::String(s) if s.chars().count() > 100 => {
            let head: String = s.chars().take(60).collect();
            format!("{}...", quote(&head).trim_end_matches('"'))
        }
        Value::String(s) => quote(s),
        Value::Integer(_)
        | Value::Unsigned(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::Datetime(_) => node.scalar_text().unwrap_or_default(),
        Value::Null => "null".to_owned(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|n| render(syntax, n)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(entries) => {
            let pairs: Vec<(&str, String)> = entries
                .iter()
                .map(|e| (e.key.as_ref(), render(syntax, &e.value)))
                .collect();
            inline_table(syntax, &pairs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_is_json_string_syntax() {
        for s in [
            "",
            "plain",
            "caf\u{e9}",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{7f}",
            "\n",
        ] {
            assert_eq!(quote(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn pairs_quote_keys_only_where_needed() {
        assert_eq!(pair(Syntax::Json, "name", "\"lib\""), "\"name\": \"lib\"");
        assert_eq!(pair(Syntax::Toml, "name", "\"lib\""), "name = \"lib\"");
        assert_eq!(pair(Syntax::Toml, "ro:data", "1"), "\"ro:data\" = 1");
        assert_eq!(pair(Syntax::Json, "ro:data", "1"), "\"ro:data\": 1");
        assert_eq!(pair(Syntax::Json, "a\"b", "1"), "\"a\\\"b\": 1");
        assert_eq!(pair(Syntax::Toml, "", "1"), "\"\" = 1");
    }
}
