//! URLs written in manifests.

/// Checks that `text` is an absolute `http` or `https` URL; the error says
/// what is wrong.
pub(crate) fn check_http_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text).map_err(|e| format!("`{text}` is not a valid URL ({e})"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!(
            "`{text}` uses the `{other}` scheme; expected an http(s) URL"
        )),
    }
}

/// Whether `text` is an `https` URL plain enough to be known valid without
/// parsing it: `https://`, then a host name made of lower-case ASCII
/// letters, digits and `-` in non-empty dot-separated labels (none of them
/// punycode, the last starting with a letter, so it is no IP address),
/// then nothing, or a path, query or fragment of visible ASCII characters.
/// Anything else (ports, user info, IP addresses, upper case, other
/// characters) is left to [`check_http_url`].
pub(crate) fn is_plain_https(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    plain_host(host) && tail.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// For an `http` URL plain enough that its normal form is known without
/// parsing it, that URL over `https`: `http://`, a host name as for
/// [`is_plain_https`], then nothing or a path of letters, digits and
/// `-._~/` without `.` or `..` segments (no query, no fragment, nothing
/// that parsing would encode or resolve). The normal form adds `/` when
/// there is no path.
pub(crate) fn plain_http_as_https(text: &str) -> Option<String> {
    let rest = text.strip_prefix("http://")?;
    let end = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(end);
    let unreserved =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/');
    let plain_path = path.bytes().all(unreserved)
        && path
            .split('/')
            .all(|segment| segment != "." && segment != "..");
    if !(plain_host(host) && plain_path) {
        return None;
    }
    let slash = if path.is_empty() { "/" } else { "" };
    Some(format!("https://{rest}{slash}"))
}

fn plain_host(host: &str) -> bool {
    let mut last = "";
    for label in host.split('.') {
        let plain = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with("xn--")
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !plain {
            return false;
        }
        last = label;
    }
    host.len() <= 253 && last.starts_with(|c: char| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_http_urls_only() {
        assert!(check_http_url("https://github.com/a/b").is_ok());
        assert!(check_http_url("http://example.com").is_ok());
        assert!(check_http_url("github.com/a/b").is_err());
        assert!(check_http_url("").is_err());
        assert!(check_http_url("ftp://example.com").is_err());
    }

    #[test]
    fn plain_https_urls_are_valid_without_parsing() {
        let hosts = [
            "example.com",
            "a",
            "cdn-1.example.com",
            "x--y.example",
            "999.1.1.1",
            "1.2.3.4",
            "0x7f.1",
            "example.com.",
            "a..b",
            "xn--a.com",
            "Example.com",
            "ex ample.com",
            "example.com:443",
            "user@example.com",
            "[::1]",
            "é.example",
            "",
            "-a.example",
            "a.b-",
        ];
        let tails = [
            "",
            "/",
            "/p/m.wasm",
            "?q=1",
            "#f",
            "/a%zz",
            "/\\x",
            "/a b",
            "/é",
        ];
        for host in hosts {
            for tail in tails {
                let text = format!("https://{host}{tail}");
                if is_plain_https(&text) {
                    let parsed = check_http_url(&text);
                    assert!(parsed.is_ok_and(|u| u.scheme() == "https"), "{text}");
                }
            }
        }
        assert!(is_plain_https(
            "https://cdn.example.com/plugins/lib-1.4.2.wasm"
        ));
        assert!(!is_plain_https("http://example.com/"));
        assert!(!is_plain_https("https://999.1.1.1/"));
        assert!(!is_plain_https("https://EXAMPLE.com/"));
    }

    #[test]
    fn plain_http_urls_over_https_are_what_the_parser_gives() {
        let hosts = [
            "example.com",
            "cdn-1.example.com",
            "999.1.1.1",
            "Example.com",
            "a..b",
        ];
        let paths = [
            "",
            "/",
            "/plugins/lib-1.4.2.wasm",
            "//double",
            "/a/./b",
            "/a/../b",
            "/.",
            "/..",
            "/a/.",
            "/.hidden/x",
            "/a..b",
            "/~user/_x",
            "/a%20b",
            "/a b",
            "/a?q",
            "/a#f",
            "/é",
        ];
        for host in hosts {
            for path in paths {
                let text = format!("http://{host}{path}");
                if let Some(secure) = plain_http_as_https(&text) {
                    let mut parsed = url::Url::parse(&text).expect("valid");
                    assert_eq!(parsed.scheme(), "http", "{text}");
                    parsed.set_scheme("https").expect("https");
                    assert_eq!(secure, parsed.as_str(), "{text}");
                }
            }
        }
        assert_eq!(
            plain_http_as_https("http://cdn.example.com/plugins/lib-1.4.2.wasm").as_deref(),
            Some("https://cdn.example.com/plugins/lib-1.4.2.wasm")
        );
        assert_eq!(
            plain_http_as_https("http://example.com").as_deref(),
            Some("https://example.com/")
        );
        assert_eq!(plain_http_as_https("http://example.com/a/../b"), None);
        assert_eq!(plain_http_as_https("https://example.com/"), None);
    }
}
