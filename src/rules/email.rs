//! Email addresses written in manifests (authors, maintainers).

/// Checks that `text` looks like a plain email address (`name@example.com`);
/// the error says what is wrong. This is a plausibility check, not RFC 5322:
/// it catches the usual slips (a missing `@`, a `Name <address>` form, a
/// domain without a dot, spaces).
pub(crate) fn email_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("the email address is empty".to_owned());
    }
    if text.contains('<') || text.contains('>') {
        return Some(format!(
            "`{text}` is written as `Name <address>`; only the address belongs here"
        ));
    }
    if text.contains(char::is_whitespace) {
        return Some(format!("`{text}` contains a space"));
    }
    if let Some(rest) = text.strip_prefix("mailto:") {
        return Some(format!("`{text}` has a `mailto:` prefix; write `{rest}`"));
    }
    let Some((local, domain)) = text.split_once('@') else {
        return Some(format!("`{text}` has no `@`"));
    };
    if domain.contains('@') {
        return Some(format!("`{text}` has more than one `@`"));
    }
    if local.is_empty() {
        return Some(format!("`{text}` has nothing before the `@`"));
    }
    if domain.is_empty() {
        return Some(format!("`{text}` has no domain after the `@`"));
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Some(format!("`{domain}` is not a full domain name"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_addresses() {
        assert_eq!(email_problem("jane@example.com"), None);
        assert_eq!(email_problem("jane.doe+flows@mail.example.co.uk"), None);
    }

    #[test]
    fn explains_common_slips() {
        assert!(
            email_problem("jane.example.com")
                .unwrap()
                .contains("no `@`")
        );
        assert!(
            email_problem("Jane <jane@example.com>")
                .unwrap()
                .contains("`Name <address>`")
        );
        assert!(
            email_problem("jane@localhost")
                .unwrap()
                .contains("full domain")
        );
        assert!(email_problem("a@b@c.d").unwrap().contains("more than one"));
        assert!(email_problem("@example.com").unwrap().contains("before"));
        assert!(email_problem("mailto:a@b.c").unwrap().contains("`a@b.c`"));
        assert!(email_problem("").unwrap().contains("empty"));
    }
}
