//! `spin/invalid-source`: a `source` that is an empty path, or a table of neither known form.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-source")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `source` that is an empty path, or a table that is neither `{ url, digest }` nor `{ package, version }`.",
        "Spin accepts a path string, a download `{ url, digest }` or a registry package `{ registry?, package, version }`, and refuses anything else without saying which form was meant (\"data did not match any variant of untagged enum ComponentSource\"). An empty path names the application directory itself, which is not a module.",
        "[[component]]\nid = \"hello\"\nsource = { path = \"hello.wasm\" }",
        "Write a path string (`source = \"hello.wasm\"`), `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"ns:name\", version = \"1.0.0\" }`.",
    );

/// Reports an empty path; returns whether the path is usable.
pub(crate) fn check_path(cx: &mut Cx, text: &str, path: &P<'_>) -> bool {
    if !text.trim().is_empty() {
        return true;
    }
    cx.report(&RULE, path, "the `source` path is empty")
        .help("write the path of the module, relative to the manifest: `source = \"target/wasm32-wasip1/release/app.wasm\"`");
    false
}

/// Reports a source table that has neither `url` nor `package`.
pub(crate) fn report_table(cx: &mut Cx, t: &mut Table<'_, '_, '_>, path: &P<'_>) {
    let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
    let message = if found.is_empty() {
        "the `source` table is empty".to_owned()
    } else {
        format!(
            "the `source` table has neither `url` nor `package` (found {})",
            suggest::list_all(&found)
        )
    };
    let local = t.get("path").and_then(Node::as_str);
    let pending = cx.report(&RULE, path, message);
    match local {
        Some(local) => {
            pending.help(format!("a local file is written as a string: `source = {local:?}`"))
        }
        None => pending.help("write a path string, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"namespace:name\", version = \"1.0.0\" }`"),
    };
}
