//! `spin/invalid-app-name`: an application name with characters other than letters, digits, `-` and `_`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

pub(crate) static RULE: Rule = Rule::warning("spin/invalid-app-name")
    .category(Category::Correctness)
    .doc(
        "The application `name` has characters other than letters, digits, `-` and `_`.",
        "Spin accepts any string, but the manifest reference allows only these characters, and platforms that deploy Spin applications derive host names and resource names from it.",
        "name = \"my app!\"",
        "Use letters, digits, `-` and `_` only, e.g. `name = \"my-app\"`.",
    );

/// The application name is letters, digits, `-` and `_`.
pub(crate) fn check(cx: &mut Cx, name: &str, path: &P<'_>) {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        return;
    }
    let message = if name.is_empty() {
        "the application name is empty".to_owned()
    } else {
        format!(
            "the application name `{name}` has characters other than letters, digits, `-` and `_`"
        )
    };
    let pending = cx.report(&RULE, path, message);
    match ids::suggest(name, Case::Kebab) {
        Some(better) => pending.help(format!("use e.g. `name = \"{better}\"`")),
        None => pending.help("use only ASCII letters, digits, `-` and `_`"),
    };
}
