//! `spin/unused-variable`: a `[variables]` entry no template uses.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::spin::template;
use crate::spin::v2::tree::App;

use super::templates::sites;

pub(crate) static RULE: Rule = Rule::warning("spin/unused-variable")
    .category(Category::Suspicious)
    .doc(
        "A `[variables]` entry that no `{{ }}` template uses.",
        "Components can read only variables their own `variables` table maps (and hosts and Redis settings resolve only what they name), so an unused application variable is never seen by anything.",
        "[variables]\napi_key = { required = true }",
        "Map it in the component that needs it (`[component.app.variables]` `api_key = \"{{ api_key }}\"`), or remove it.",
    );

/// Every variable is used by some template.
pub(crate) fn check(root: &crate::source::Node<'_>, app: &App<'_, '_>, cx: &mut Cx) {
    if app.variables.is_empty() {
        return;
    }
    let mut used = std::collections::HashSet::new();
    for (_, text) in sites(root, app) {
        if let Ok(expressions) = template::parse(text) {
            used.extend(expressions.into_iter().map(|e| e.name.to_owned()));
        }
    }
    for name in &app.variables {
        if used.contains(*name) {
            continue;
        }
        cx.report_at(&RULE, FieldPath::root().key("variables").key(*name), format!("variable `{name}` is not used"))
            .on_key()
            .help(format!("map it in the component that needs it: `{name} = \"{{{{ {name} }}}}\"` under `[component.<id>.variables]`, or remove it"))
            .note("components see only the variables their `variables` table maps");
    }
}
