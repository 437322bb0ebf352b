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
    // Component → (its first trigger, that trigger's executor), and its last trigger.
    let mut first: std::collections::HashMap<&str, (usize, String)> =
        std::collections::HashMap::new();
    let mut last_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (j, t) in http.iter().enumerate() {
        if let Some(c) = t.component.as_deref() {
            last_of.insert(c, j);
        }
    }
    for (j, later) in http.iter().enumerate() {
        let Some(component) = later.component.as_deref() else {
            continue;
        };
        let mine = executor(later.node);
        let (i, theirs) = first.entry(component).or_insert((j, mine.clone()));
        if *theirs == mine {
            continue;
        }
        let Some(earlier) = http.get(*i) else {
            continue;
        };
        let component = later.component.as_deref().unwrap_or("");
        let at = if later.node.get("executor").is_some() {
            later.path().key("executor")
        } else {
            later.path()
        };
        let last = last_of
            .get(component)
            .and_then(|&i| http.get(i))
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
