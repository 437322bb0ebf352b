//! `spin/unknown-component`: a trigger, or a `{ component = ... }`
//! dependency, that names no component of the manifest.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::suggest;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::error("spin/unknown-component")
    .category(Category::Correctness)
    .doc(
        "A trigger's `component`, or a `{ component = \"...\" }` dependency, names a component the manifest does not define.",
        "Spin loads the manifest; then the HTTP trigger refuses to start (\"no such component\"), a Redis trigger fails on every message, and a dependency fails to load (\"dependency ID ... does not exist\").",
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"helo\"\n\n[component.hello]\nsource = \"hello.wasm\"",
        "Name a component defined under `[component.<id>]`, or define it.",
    );

fn report(cx: &mut Cx, app: &App<'_, '_>, id: &str, path: FieldPath, what: &str) {
    let known = app.component_ids();
    let pending = cx.report_at(&RULE, path, format!("{what} `{id}` is not defined"));
    match suggest::closest(id, &known) {
        Some(best) => pending.suggest_str(id, best, &known),
        None if known.is_empty() => {
            pending.help(format!("define it: `[component.{id}]` with a `source`"))
        }
        None => pending.help(format!(
            "define `[component.{id}]`, or use one of {}",
            suggest::list(&known)
        )),
    };
}

/// Every reference names a component.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    for trigger in &app.triggers {
        if let Some(id) = trigger.node.str_at("component")
            && app.component(id).is_none()
        {
            report(cx, app, id, trigger.path().key("component"), "component");
        }
        for role in trigger
            .node
            .get("dependencies")
            .map_or(&[][..], |d| d.entries())
        {
            for (i, dep) in role.value.items().iter().enumerate() {
                if let Some(id) = dep.str_at("component")
                    && app.component(id).is_none()
                {
                    let path = trigger
                        .path()
                        .key("dependencies")
                        .key(role.key.as_ref())
                        .index(i)
                        .key("component");
                    report(cx, app, id, path, "dependency component");
                }
            }
        }
    }
    for component in &app.components {
        for dep in component
            .node
            .get("dependencies")
            .map_or(&[][..], |d| d.entries())
        {
            if let Some(id) = dep.value.str_at("component")
                && app.component(id).is_none()
            {
                let path = component
                    .path
                    .clone()
                    .key("dependencies")
                    .key(dep.key.as_ref())
                    .key("component");
                report(cx, app, id, path, "dependency component");
            }
        }
    }
}
