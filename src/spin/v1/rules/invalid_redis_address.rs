//! `spin/invalid-redis-address`: a Redis `address` that the Redis client cannot open.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::{non_redis_scheme, unclosed_template};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-redis-address")
    .category(Category::Correctness)
    .doc(
        "A Redis trigger `address` that Spin's Redis client cannot open: not a `{{ variable }}` template nor a URL, a scheme it does not know (it knows `redis`, `rediss`, `valkey`, `valkeys`, `redis+unix`, `valkey+unix`, `unix`), `redis:` without `//`, no host, a path that is not a database number, or a Unix socket URL without an absolute path.",
        "The Redis trigger opens this address when the application starts, and `spin up` fails (\"Redis URL did not parse\") when the Redis client does not accept it.",
        "trigger = { type = \"redis\", address = \"redis:/localhost:6379\" }",
        "Write a Redis URL: `address = \"redis://localhost:6379\"` (`rediss://` for TLS, `unix:///run/redis.sock` for a socket).",
    );

/// The schemes Spin's Redis client (the `redis` crate) connects to over TCP.
const TCP_SCHEMES: &[&str] = &["redis", "rediss", "valkey", "valkeys"];
/// The schemes it connects to over a Unix socket.
const UNIX_SCHEMES: &[&str] = &["unix", "redis+unix", "valkey+unix"];

/// Checks a Redis address (the application's or a component's). Template
/// names are checked by the pass over the document.
pub(crate) fn check(cx: &mut Cx, address: &str, path: &P<'_>) {
    if unclosed_template::check(cx, address, path) {
        return;
    }
    check_literal(cx, address, path);
}

/// Checks an address written without templates (both manifest versions).
pub(crate) fn check_literal(cx: &mut Cx, address: &str, path: &P<'_>) {
    match problem(address) {
        Ok(scheme) => non_redis_scheme::check(cx, address, &scheme, path),
        Err((message, help)) => {
            cx.report(&RULE, path, message)
                .help(help)
                .note("the Redis trigger fails at start-up: \"Redis URL did not parse\"");
        }
    }
}

/// Reads an address the way Spin's Redis client does: a URL with one of its
/// schemes, a host for the TCP schemes, a database number as the path, an
/// absolute socket path for the Unix schemes. Gives the scheme, or the
/// message and help of what is wrong.
fn problem(address: &str) -> Result<String, (String, String)> {
    // `redis:/localhost:6379`, `redis:localhost`: a known scheme whose `//`
    // is missing. (The Unix schemes take `unix:/path` as it is.)
    if let Some((scheme, rest)) = address.split_once(':') {
        let lower = scheme.to_ascii_lowercase();
        if TCP_SCHEMES.contains(&lower.as_str()) && !rest.starts_with("//") {
            let fixed = format!("{scheme}://{}", rest.trim_start_matches('/'));
            return Err((
                format!("the Redis address `{address}` lacks the `//` after `{scheme}:`"),
                format!("write `\"{fixed}\"`"),
            ));
        }
    }
    let unix_scheme = address
        .split_once(':')
        .is_some_and(|(scheme, _)| UNIX_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()));
    let url = match url::Url::parse(address) {
        _ if !address.contains("://") && !unix_scheme => {
            return Err((
                format!("the Redis address `{address}` has no scheme"),
                format!("write a Redis URL: `\"redis://{address}\"`"),
            ));
        }
        Err(e) => {
            return Err((
                format!("the Redis address `{address}` is not a valid URL ({e})"),
                "write a Redis URL such as `\"redis://localhost:6379\"`".to_owned(),
            ));
        }
        Ok(url) => url,
    };
    let scheme = url.scheme();
    if TCP_SCHEMES.contains(&scheme) {
        if url.host_str().is_none_or(str::is_empty) {
            return Err((
                format!("the Redis address `{address}` names no host"),
                format!("put the server after `{scheme}://`, e.g. `\"{scheme}://localhost:6379\"`"),
            ));
        }
        let database = url.path().trim_matches('/');
        if !database.is_empty() && database.parse::<i64>().is_err() {
            return Err((
                format!("the Redis address `{address}` ends in `/{database}`, which is not a database number"),
                "the path of a Redis URL is the database number, e.g. `redis://localhost:6379/0`; remove it for database 0".to_owned(),
            ));
        }
    } else if UNIX_SCHEMES.contains(&scheme) {
        let local = matches!(url.host_str(), None | Some("" | "localhost"));
        if url.cannot_be_a_base() || !local || !url.path().starts_with('/') {
            let rest = address.split_once(':').map_or("", |(_, rest)| rest);
            let fixed = format!("{scheme}:///{}", rest.trim_start_matches('/'));
            return Err((
                format!("the Redis address `{address}` does not name an absolute socket path"),
                format!(
                    "a socket address is `{scheme}://` followed by the socket's absolute path: `\"{fixed}\"`"
                ),
            ));
        }
    } else {
        return Err((
            format!("the Redis address `{address}` uses the `{scheme}` scheme"),
            "use `redis://` (or `rediss://` for TLS), e.g. `\"redis://localhost:6379\"`".to_owned(),
        ));
    }
    Ok(scheme.to_owned())
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn addresses_spin_opens() {
        for (address, scheme) in [
            ("redis://localhost:6379", "redis"),
            ("REDIS://localhost", "redis"),
            ("rediss://cache.example.com:6380/2", "rediss"),
            ("redis://:secret@10.0.0.1", "redis"),
            ("redis://[::1]:6379/", "redis"),
            ("valkey://localhost:6379", "valkey"),
            ("valkeys://cache.example.com", "valkeys"),
            ("unix:///run/redis.sock", "unix"),
            ("unix:/run/redis.sock", "unix"),
            ("redis+unix:///run/redis.sock?db=1", "redis+unix"),
            ("valkey+unix://localhost/run/valkey.sock", "valkey+unix"),
        ] {
            assert_eq!(problem(address), Ok(scheme.to_owned()), "{address}");
        }
    }

    #[test]
    fn a_missing_double_slash_is_named() {
        let (message, help) = problem("redis:/localhost:6379").unwrap_err();
        assert_eq!(
            message,
            "the Redis address `redis:/localhost:6379` lacks the `//` after `redis:`"
        );
        assert_eq!(help, "write `\"redis://localhost:6379\"`");
        assert_eq!(
            problem("rediss:cache:6380").unwrap_err().1,
            "write `\"rediss://cache:6380\"`"
        );
    }

    #[test]
    fn addresses_spin_cannot_open() {
        for (address, expected) in [
            ("localhost:6379", "has no scheme"),
            ("http://redis.example.com", "uses the `http` scheme"),
            ("redis://", "names no host"),
            ("redis:///0", "names no host"),
            ("redis://localhost:6379/cache", "not a database number"),
            ("redis://local host", "not a valid URL"),
            ("unix://run/redis.sock", "absolute socket path"),
            ("unix:run/redis.sock", "absolute socket path"),
        ] {
            let (message, _) = problem(address).unwrap_err();
            assert!(message.contains(expected), "{address}: {message}");
        }
    }
}
