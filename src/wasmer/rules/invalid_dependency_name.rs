//! `wasmer/invalid-dependency-name`: a `[dependencies]` key that is not of the form `namespace/name`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-dependency-name")
    .category(Category::Correctness)
    .doc(
        "A `[dependencies]` key that is not of the form `namespace/name`.",
        "The packager refuses dependencies whose key is not `namespace/name`, each part made of ASCII letters, digits, `-` and `_`.",
        "[dependencies]\npython = \"^3.12\"",
        "Write the full registry name: `\"wasmer/python\" = \"^3.12\"`.",
    );

/// Checks a `[dependencies]` key.
pub(crate) fn check(cx: &mut Cx, key: &str, path: &P<'_>) {
    if is_dependency_name(key) {
        return;
    }
    let pending = cx.report(
        &RULE,
        path,
        format!("dependency `{key}` is not of the form `namespace/name`"),
    );
    pending.on_key();
    if key.contains('/') {
        pending.help("both parts may only use ASCII letters, digits, `-` and `_`");
    } else {
        pending.help(format!(
            "write the full registry name, e.g. `\"wasmer/{key}\"`"
        ));
    }
}

fn is_dependency_name(key: &str) -> bool {
    let part = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    matches!(key.split_once('/'), Some((ns, name)) if part(ns) && part(name))
}
