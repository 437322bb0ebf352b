//! SHA-256 digests written as hex.

/// Whether `text` is exactly 64 lowercase hex digits.
pub(crate) fn is_sha256_hex(text: &str) -> bool {
    // Every byte is looked at (no early exit), which lets the loop run on
    // whole vectors: digests are usually valid.
    text.len() == 64
        && text.bytes().fold(true, |ok, b| {
            ok & (b.is_ascii_digit() | (b'a'..=b'f').contains(&b))
        })
}

/// Describes why `text` is not 64 lowercase hex digits.
pub(crate) fn sha256_hex_problem(text: &str) -> Option<String> {
    if is_sha256_hex(text) {
        return None;
    }
    if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Some("uses upper-case hex digits; digests are compared as lower-case text".into());
    }
    if let Some(bad) = text.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Some(format!("contains `{bad}`, which is not a hex digit"));
    }
    Some(format!(
        "has {} hex digits; a SHA-256 digest has 64",
        text.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_lowercase_sha256() {
        let ok = "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8";
        assert!(is_sha256_hex(ok));
        assert_eq!(sha256_hex_problem(ok), None);
        assert!(
            sha256_hex_problem(&ok.to_uppercase())
                .unwrap()
                .contains("upper-case")
        );
        assert!(
            sha256_hex_problem("abc")
                .unwrap()
                .contains("has 3 hex digits")
        );
        assert!(sha256_hex_problem("xyz").unwrap().contains("`x`"));
    }
}
