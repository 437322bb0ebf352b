//! `spin/template-in-environment`: a `{{ }}` in an `environment` value.

use indexmap::IndexMap;

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/template-in-environment")
    .category(Category::Suspicious)
    .doc(
        "An `environment` value containing `{{`.",
        "Environment values are not templates: Spin passes `{{ name }}` to the component literally, never the variable's value.",
        "environment = { API_URL = \"{{ api_url }}\" }",
        "Read the value with the variables API instead: put it in the component's `variables` (`api_url = \"{{ api_url }}\"`).",
    );

/// No template syntax in environment values.
pub(crate) fn check(cx: &mut Cx, environment: &IndexMap<String, String>, path: &P<'_>) {
    for (name, value) in environment {
        let Some(at) = value.find("{{") else {
            continue;
        };
        cx.report(&RULE, &path.key(name), format!("`{name}` is passed literally, `{{{{` and all"))
            .within(at..at + 2)
            .help("environment values are not templates: use the component's `variables` for values taken from `[variables]`")
            .note("Spin does not expand `{{ }}` in environment values");
    }
}
