//! `spin/invalid-redis-address`: a Redis address the Redis client cannot
//! open, or no address at all for a Redis trigger.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::codes::INVALID_REDIS_ADDRESS as RULE;
use crate::spin::template;

/// The URL schemes the Redis client opens.
const SCHEMES: &[&str] = &[
    "redis",
    "rediss",
    "valkey",
    "valkeys",
    "redis+unix",
    "valkey+unix",
    "unix",
];

/// A literal address (templates are checked once variables are known).
pub(crate) fn check_value(cx: &mut Cx, address: &str, path: &P<'_>) {
    if !matches!(template::parse(address), Ok(e) if e.is_empty()) {
        return;
    }
    let problem = match url::Url::parse(address) {
        _ if !address.contains("://") => Some((
            format!("the Redis address `{address}` has no scheme"),
            format!("write a Redis URL: `\"redis://{address}\"`"),
        )),
        Err(e) => Some((
            format!("the Redis address `{address}` is not a valid URL ({e})"),
            "write a Redis URL such as `\"redis://localhost:6379\"`".to_owned(),
        )),
        Ok(url) if !SCHEMES.contains(&url.scheme()) => Some((
            format!(
                "the Redis address `{address}` uses the `{}` scheme",
                url.scheme()
            ),
            "use `redis://` (or `rediss://` for TLS), e.g. `\"redis://localhost:6379\"`".to_owned(),
        )),
        Ok(_) => None,
    };
    if let Some((message, help)) = problem {
        cx.report(&RULE, path, message)
            .help(help)
            .note("the Redis trigger fails at start-up: \"Redis URL did not parse\"");
    }
}
