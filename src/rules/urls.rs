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
}
