//! `spin/template-in-environment`: an `environment` value containing `{{`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/template-in-environment")
    .category(Category::Suspicious)
    .doc(
        "An `environment` value containing `{{`, as if it were a variable template.",
        "Environment values are not templates: Spin passes `{{ name }}` to the module literally, as those characters, without filling in any variable.",
        "[component.environment]\nAPI_URL = \"{{ api_url }}\"",
        "Move the value to `[component.config]` (`api_url = \"{{ api_url }}\"`) and read it with the Spin SDK's variables API.",
    );

/// Reports an environment value that looks like a template.
pub(crate) fn check(cx: &mut Cx, key: &str, value: &str, path: &P<'_>) {
    let Some(at) = value.find("{{") else {
        return;
    };
    let name = key.to_ascii_lowercase().replace('-', "_");
    cx.report(
        &RULE,
        path,
        format!("environment variable `{key}` contains `{{{{`, but environment values are not templates"),
    )
    .within(at..at + 2)
    .help(format!(
        "move it to `[component.config]` (e.g. `{name} = {value:?}`) and read it with the Spin SDK's variables API"
    ))
    .note("Spin passes the value to the module as written, braces included");
}
