//! `spin/non-redis-scheme`: a Redis address with a scheme other than `redis` or `rediss`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/non-redis-scheme")
    .category(Category::Style)
    .doc(
        "A Redis trigger `address` using a scheme other than `redis://` or `rediss://` (`valkey://`, `valkeys://`, `redis+unix://`, `valkey+unix://`, `unix://`).",
        "Spin's Redis client (redis 0.32) opens these schemes too, so the trigger works, but the manifest reference says to use the `redis:` URL scheme; tools that follow it may not understand the address.",
        "trigger = { type = \"redis\", address = \"valkey://localhost:6379\" }",
        "Write `redis://` (`rediss://` for TLS): a Valkey server speaks the same protocol. Keep a socket scheme only when the server is reachable through a socket alone.",
    );

/// Reports an accepted scheme other than `redis` and `rediss`.
pub(crate) fn check(cx: &mut Cx, address: &str, scheme: &str, path: &P<'_>) {
    if matches!(scheme, "redis" | "rediss") {
        return;
    }
    let help = match scheme {
        "valkey" => "write `redis://` instead: a Valkey server speaks the same protocol",
        "valkeys" => "write `rediss://` instead: a Valkey server speaks the same protocol",
        _ => {
            "the manifest reference documents `redis:` URLs only; keep the socket address if the server cannot be reached over TCP"
        }
    };
    cx.report(
        &RULE,
        path,
        format!("the Redis address `{address}` uses the `{scheme}` scheme"),
    )
    .within(0..scheme.len())
    .help(help)
    .note(
        "Spin's Redis client opens it; the manifest reference says to use the `redis:` URL scheme",
    );
}
