//! `flow-like/id-not-reverse-domain`: the package `id` is not in reverse-domain style.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/id-not-reverse-domain")
    .category(Category::Style)
    .doc(
        "The package `id` is not in reverse-domain style (`com.example.name`).",
        "Flow-Like accepts any id, but its documentation asks for reverse-domain ids so that packages of different authors cannot collide in the registry.",
        "id = \"my-package\"",
        "Prefix the id with a domain you control, reversed: `id = \"com.example.my-package\"` or `io.github.<user>.my-package`.",
    );

/// Checks that a package id has at least two dot-separated segments, none
/// of them empty.
pub(crate) fn check(cx: &mut Cx, id: &str, path: &P<'_>) {
    let segments: Vec<&str> = id.split('.').collect();
    if segments.len() >= 2 && segments.iter().all(|s| !s.is_empty()) {
        return;
    }
    let name = segments
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("-");
    let name = if name.is_empty() {
        "my-package".to_owned()
    } else {
        name
    };
    let message = if segments.len() < 2 {
        format!("package id `{id}` is not in reverse-domain style")
    } else {
        format!("package id `{id}` has an empty segment between dots")
    };
    cx.report(&RULE, path, message)
        .help(format!(
            "prefix it with a domain you control, reversed, e.g. `\"com.example.{name}\"` or `\"io.github.<user>.{name}\"`"
        ))
        .note("reverse-domain ids keep packages of different authors from colliding in the registry");
}
