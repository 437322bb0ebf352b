//! `spin/conflicting-inheritance`: `dependencies_inherit_configuration`
//! together with per-dependency `inherit_configuration`, or with string
//! dependencies that cannot inherit.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Target, Value};

pub(crate) static RULE: Rule = Rule::error("spin/conflicting-inheritance")
    .category(Category::Correctness)
    .doc(
        "A component with `dependencies_inherit_configuration` and a dependency with its own `inherit_configuration`, or with a version-string dependency that cannot inherit.",
        "Spin refuses the two settings together (\"These are mutually exclusive\"); and since 4.0 `dependencies_inherit_configuration = true` applies only to table dependencies, so `\"foo:bar\" = \"1.0\"` silently inherits nothing (Spin 3.x applied it to every dependency).",
        "[component.app]\nsource = \"app.wasm\"\ndependencies_inherit_configuration = true\ndependencies = { \"foo:bar\" = \"1.0.0\" }",
        "Use one of the two settings; write string dependencies as tables (`{ version = \"1.0.0\" }`) so that they inherit.",
    );

/// The component table `node` sets `dependencies_inherit_configuration`.
pub(crate) fn check(cx: &mut Cx, node: &Node<'_>, inherit_all: Option<bool>, path: &P<'_>) {
    let key = path.key("dependencies_inherit_configuration");
    let dependencies = node.get("dependencies").map_or(&[][..], Node::entries);
    let deps_path = path.key("dependencies");
    for entry in dependencies {
        let dep_path = deps_path.key(&entry.key);
        if entry.value.get("inherit_configuration").is_some() {
            cx.report(
                &RULE,
                &dep_path.key("inherit_configuration"),
                format!("`{}` sets `inherit_configuration`, but the component also sets `dependencies_inherit_configuration`", entry.key),
            )
            .on_key()
            .label(&key, Target::Key, "set for every dependency here")
            .help("use one of the two: remove `dependencies_inherit_configuration`, or this `inherit_configuration`")
            .note("Spin refuses the component: the two settings are mutually exclusive");
        } else if inherit_all == Some(true) && matches!(entry.value.value, Value::String(_)) {
            let version = entry.value.as_str().unwrap_or("...");
            cx.report(
                &RULE,
                &dep_path,
                format!("`{}` inherits nothing: `dependencies_inherit_configuration` applies only to table dependencies", entry.key),
            )
            .label(&key, Target::Key, "inheritance asked for here")
            .help(format!("write it as a table: `{{ version = {version:?} }}`"))
            .note("Spin 3.x applied the setting to every dependency; Spin 4 skips version strings");
        }
    }
}
