//! `spin/unused-component`: a component no trigger or dependency uses.

use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::warning("spin/unused-component")
    .category(Category::Suspicious)
    .doc(
        "A `[component.<id>]` that no trigger runs and no dependency names.",
        "Spin loads and packages it anyway, but never instantiates it: usually a trigger's `component` is misspelt, or the trigger was removed.",
        "[component.old-api]\nsource = \"old.wasm\"",
        "Add a trigger for it, or remove the component.",
    );

/// Every defined component is used.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let mut used: std::collections::HashSet<&str> = app
        .triggers
        .iter()
        .filter_map(|t| t.component.as_deref())
        .collect();
    for trigger in &app.triggers {
        for role in trigger
            .node
            .get("dependencies")
            .map_or(&[][..], |d| d.entries())
        {
            used.extend(
                role.value
                    .items()
                    .iter()
                    .filter_map(|d| d.str_at("component")),
            );
        }
    }
    for component in &app.components {
        for dep in component
            .node
            .get("dependencies")
            .map_or(&[][..], |d| d.entries())
        {
            used.extend(dep.value.str_at("component"));
        }
    }
    for component in app.components.iter().filter(|c| !c.inline) {
        if used.contains(&component.id.as_str()) {
            continue;
        }
        let id = &component.id;
        cx.report_at(
            &RULE,
            component.path.clone(),
            format!("component `{id}` is not used by any trigger"),
        )
        .help(format!(
            "add a trigger that runs it (`component = \"{id}\"`), or remove it"
        ))
        .note("Spin packages it, but never runs it");
    }
}
