//! `spin/empty-app-name`: `[application] name = ""`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/empty-app-name")
    .category(Category::Suspicious)
    .doc(
        "The application `name` is empty.",
        "Spin accepts any name, even an empty one, but shows it in logs, registries and deployments, where an empty name identifies nothing.",
        "[application]\nname = \"\"",
        "Name the application: `name = \"my-app\"`.",
    );

/// The name is not empty.
pub(crate) fn check(cx: &mut Cx, name: &str, path: &P<'_>) {
    if name.trim().is_empty() {
        cx.report(&RULE, path, "the application name is empty")
            .help("name the application, e.g. `name = \"my-app\"`");
    }
}
