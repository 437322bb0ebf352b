//! `spin/dependency-with-resources`: a `{ component = ... }` dependency on a
//! component that has resources or permissions of its own.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::{Node, Target};
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::error("spin/dependency-with-resources")
    .category(Category::Correctness)
    .doc(
        "A dependency `{ component = \"<id>\" }` on a component that has its own resources or permissions (files, hosts, stores, variables, environment, dependencies, ...).",
        "Spin composes only the other component's source, and refuses the dependency: \"Dependencies may not have their own resources or permissions\".",
        "[component.app.dependencies]\n\"my:helper\" = { component = \"helper\" }\n\n[component.helper]\nsource = \"helper.wasm\"\nkey_value_stores = [\"default\"]",
        "Move the resources to the component that depends on it (and let the dependency inherit them), or depend on the file: `{ path = \"helper.wasm\" }`.",
    );

const RESOURCES: &[&str] = &[
    "ai_models",
    "allowed_http_hosts",
    "allowed_outbound_hosts",
    "dependencies",
    "environment",
    "files",
    "key_value_stores",
    "sqlite_databases",
    "variables",
];

fn check_one(cx: &mut Cx, app: &App<'_, '_>, id: &str, path: FieldPath, user: &str) {
    let Some(component) = app.component(id) else {
        return;
    };
    let has: Vec<&str> = RESOURCES
        .iter()
        .copied()
        .filter(|key| {
            component
                .node
                .get(key)
                .is_some_and(|v| !v.items().is_empty() || !v.entries().is_empty())
        })
        .collect();
    let Some(first) = has.first() else { return };
    cx.report_at(
        &RULE,
        path,
        format!("component `{id}` cannot be a dependency of `{user}`: it has {}", crate::rules::suggest::list_all(&has)),
    )
    .label_path(component.path.clone().key(*first), Target::Key, "set here")
    .help("move these settings to the component that uses the dependency (and let the dependency inherit them), or depend on its file with `{ path = \"...\" }`")
    .note("Spin refuses it: dependencies may not have their own resources or permissions");
}

/// Component dependencies name plain components.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    for component in &app.components {
        for dep in component
            .node
            .get("dependencies")
            .map_or(&[][..], Node::entries)
        {
            if let Some(id) = dep.value.str_at("component") {
                let path = component
                    .path
                    .clone()
                    .key("dependencies")
                    .key(dep.key.as_ref())
                    .key("component");
                check_one(cx, app, id, path, &component.id);
            }
        }
    }
    for trigger in &app.triggers {
        for role in trigger
            .node
            .get("dependencies")
            .map_or(&[][..], Node::entries)
        {
            for (i, dep) in role.value.items().iter().enumerate() {
                if let Some(id) = dep.str_at("component") {
                    let path = trigger
                        .path()
                        .key("dependencies")
                        .key(role.key.as_ref())
                        .index(i)
                        .key("component");
                    check_one(cx, app, id, path, &trigger.id);
                }
            }
        }
    }
}
