//! `spin/conflicting-executors`: one component run by several HTTP
//! triggers with different executors.

use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::{Node, Target};
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::error("spin/conflicting-executors")
    .category(Category::Correctness)
    .doc(
        "One component is run by several HTTP triggers whose `executor` differs.",
        "Spin keeps one trigger configuration per component: the last trigger's executor is used for all of that component's routes, and the others are silently lost.",
        "[[trigger.http]]\nroute = \"/a\"\ncomponent = \"app\"\n\n[[trigger.http]]\nroute = \"/b\"\ncomponent = \"app\"\nexecutor = { type = \"wagi\" }",
        "Use the same executor on every trigger of the component, or split it into two components.",
    );

fn executor(node: &Node<'_>) -> String {
    match node.get("executor").and_then(|e| e.str_at("type")) {
        Some("http") | Some("spin") | None => "spin".to_owned(),
        Some(other) => other.to_owned(),
    }
}

/// The triggers of one component agree on the executor.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let http: Vec<_> = app
        .triggers
        .iter()
        .filter(|t| t.kind == "http" && t.component.is_some())
        .collect();
    for (j, later) in http.iter().enumerate() {
        let Some(earlier) = http[..j]
            .iter()
            .find(|t| t.component == later.component && executor(t.node) != executor(later.node))
        else {
            continue;
        };
        let component = later.component.as_deref().unwrap_or("");
        let at = if later.node.get("executor").is_some() {
            later.path().key("executor")
        } else {
            later.path()
        };
        let last = http
            .iter()
            .rev()
            .find(|t| t.component == later.component)
            .map_or(later, |t| t);
        cx.report_at(
            &RULE,
            at,
            format!(
                "component `{component}` runs with the `{}` executor here and the `{}` executor in another trigger",
                executor(later.node),
                executor(earlier.node)
            ),
        )
        .label_path(earlier.path(), Target::Value, "another executor here")
        .help("use the same executor on every trigger of the component, or split it into two components")
        .note(format!(
            "Spin uses the last trigger's executor (`{}`) for all of this component's routes",
            executor(last.node)
        ));
    }
}
