//! `spin/invalid-redis-address`: a Redis `address` that the Redis client cannot open.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::{redis_address_scheme, unclosed_template};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-redis-address")
    .category(Category::Correctness)
    .doc(
        "A Redis trigger `address` that is neither a Redis URL (`redis://`, `rediss://`, `valkey://`, `valkeys://`, `redis+unix://`, `valkey+unix://`, `unix://`) nor a `{{ variable }}` template.",
        "The Redis trigger opens this address when the application starts and `spin up` fails (\"Redis URL did not parse\") when the Redis client does not accept it.",
        "trigger = { type = \"redis\", address = \"localhost:6379\" }",
        "Write a Redis URL: `address = \"redis://localhost:6379\"`.",
    );

/// The schemes the Redis client opens.
pub(crate) const SCHEMES: &[&str] = &[
    "redis",
    "rediss",
    "valkey",
    "valkeys",
    "redis+unix",
    "valkey+unix",
    "unix",
];

/// Checks a Redis address (the application's or a component's). Template
/// names are checked by the pass over the document.
pub(crate) fn check(cx: &mut Cx, address: &str, path: &P<'_>) {
    if unclosed_template::check(cx, address, path) {
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
        Ok(url) => {
            redis_address_scheme::check(cx, address, url.scheme(), path);
            None
        }
    };
    if let Some((message, help)) = problem {
        cx.report(&RULE, path, message).help(help);
    }
}
