//! File names as shown to people. A name can hold anything but `/` and NUL:
//! escape sequences that recolour or clear the terminal, line breaks that
//! forge extra lines of output, text-direction overrides, bytes that are not
//! UTF-8. Such names are shown quoted, with those characters escaped
//! (`"a\u{1b}[2Jb.toml"`, `"caf\xe9/wasmer.toml"`), the way Rust writes a
//! string; every other name is shown as it is. The JSON, SARIF and GitHub
//! outputs keep the real name (JSON-escaped, or with GitHub's escapes).

use std::ffi::OsStr;
use std::fmt::Write as _;

/// `name` as shown to people: as it is, or quoted with escapes.
pub fn name(name: &OsStr) -> String {
    let bytes = name.as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(needs_escape) => text.to_owned(),
        _ => quoted(bytes),
    }
}

/// Text from a manifest (a description, a host, an environment value) as
/// shown to people: as it is, or quoted with escapes like a file name.
pub fn text(text: &str) -> String {
    if text.chars().any(needs_escape) {
        quoted(text.as_bytes())
    } else {
        text.to_owned()
    }
}

/// Control characters (C0, DEL, C1) and the invisible characters that
/// change the direction of text.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `"..."` with `\`, `"`, control and direction characters escaped, and
/// each byte that is not UTF-8 written as `\xNN`.
fn quoted(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if needs_escape(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str) -> String {
        name(OsStr::new(text))
    }

    #[test]
    fn plain_names_are_shown_as_they_are() {
        for plain in [
            "wasmer.toml",
            "b, 100%/wasmer.toml",
            "café/spin.toml",
            "a \"b\"\\c",
        ] {
            assert_eq!(text(plain), plain);
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(text("a\u{1b}[2Jb.toml"), r#""a\u{1b}[2Jb.toml""#);
        assert_eq!(text("two\nlines\t.toml"), r#""two\nlines\t.toml""#);
        assert_eq!(text("x\r\u{7f}\u{9b}"), r#""x\r\u{7f}\u{9b}""#);
        assert_eq!(text("evil\u{202e}lmot.toml"), r#""evil\u{202e}lmot.toml""#);
        // Inside quotes, quotes and backslashes are escaped too.
        assert_eq!(text("\"\\\n"), r#""\"\\\n""#);
    }

    #[test]
    fn manifest_text_is_escaped_like_names() {
        assert_eq!(super::text("Weather lookups"), "Weather lookups");
        assert_eq!(super::text("x\u{1b}[2Jy"), r#""x\u{1b}[2Jy""#);
        assert_eq!(super::text("two\nlines"), r#""two\nlines""#);
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(
            name(OsStr::from_bytes(b"caf\xe9/wasmer.toml")),
            r#""caf\xe9/wasmer.toml""#
        );
    }
}
