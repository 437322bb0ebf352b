//! Host patterns in network allow-lists (`api.example.com`,
//! `*.example.com`, `localhost:8080`).

use std::ops::Range;

/// Why a host pattern is not one, with the byte range of the culprit inside
/// the text and the bare host to write instead (when one can be found).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostProblem {
    /// What is wrong, naming the pattern.
    pub message: String,
    /// The part of the text at fault.
    pub range: Range<usize>,
    /// The host part of the text, when there is one.
    pub bare_host: Option<String>,
}

/// Checks that `text` is a host pattern: a host name or IP address, with
/// optional `*` wildcards and an optional `:port`, and nothing else (no
/// scheme, path, query, user info or spaces).
pub(crate) fn host_pattern_problem(text: &str) -> Option<HostProblem> {
    if text.trim().is_empty() {
        return Some(HostProblem {
            message: "an allowed host is empty".to_owned(),
            range: 0..text.len(),
            bare_host: None,
        });
    }
    let bare = bare_host(text);
    if let Some(at) = text.find("://") {
        return Some(HostProblem {
            message: format!("`{text}` has a URL scheme; only the host is matched"),
            range: 0..at + 3,
            bare_host: bare,
        });
    }
    if let Some(at) = text.find('/') {
        return Some(HostProblem {
            message: format!("`{text}` has a path; only the host is matched"),
            range: at..text.len(),
            bare_host: bare,
        });
    }
    if let Some(at) = text.find('@') {
        return Some(HostProblem {
            message: format!("`{text}` has user information; only the host is matched"),
            range: 0..at + 1,
            bare_host: bare,
        });
    }
    let allowed =
        |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '*' | ':' | '[' | ']');
    if let Some((at, c)) = text.char_indices().find(|(_, c)| !allowed(*c)) {
        let what = if c.is_whitespace() {
            "a space".to_owned()
        } else {
            format!("`{c}`")
        };
        return Some(HostProblem {
            message: format!("`{text}` contains {what}, which cannot appear in a host name"),
            range: at..at + c.len_utf8(),
            bare_host: None,
        });
    }
    None
}

/// The host of something written as a URL or `host/path`.
fn bare_host(text: &str) -> Option<String> {
    let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = host.trim();
    (!host.is_empty() && !host.contains(char::is_whitespace)).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_host_patterns() {
        for host in [
            "api.example.com",
            "*.googleapis.com",
            "localhost:8080",
            "127.0.0.1",
            "[::1]:443",
            "*",
        ] {
            assert_eq!(host_pattern_problem(host), None, "{host}");
        }
    }

    #[test]
    fn refuses_urls_and_paths() {
        let p = host_pattern_problem("https://api.example.com/v1").unwrap();
        assert!(p.message.contains("scheme"));
        assert_eq!(p.range, 0..8);
        assert_eq!(p.bare_host.as_deref(), Some("api.example.com"));

        let p = host_pattern_problem("api.example.com/v1").unwrap();
        assert!(p.message.contains("path"));
        assert_eq!(p.range, 15..18);
        assert_eq!(p.bare_host.as_deref(), Some("api.example.com"));

        let p = host_pattern_problem("me@example.com").unwrap();
        assert_eq!(p.bare_host.as_deref(), Some("example.com"));

        let p = host_pattern_problem("api example.com").unwrap();
        assert!(p.message.contains("a space"));
        assert_eq!(p.range, 3..4);

        assert!(host_pattern_problem("").unwrap().message.contains("empty"));
        assert!(host_pattern_problem("  ").is_some());
    }
}
