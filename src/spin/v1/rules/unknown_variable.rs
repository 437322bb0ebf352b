//! `spin/unknown-variable`: a `{{ name }}` template naming no variable of `[variables]`.

use std::collections::HashSet;

use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;
use crate::spin::ids::{self, Case};
use crate::spin::template;

pub(crate) static RULE: Rule = Rule::error("spin/unknown-variable")
    .category(Category::Correctness)
    .doc(
        "A `{{ name }}` template that names no variable of `[variables]`.",
        "For config values `spin up` refuses to load the application (\"invalid variable template: unknown variable\"); in a Redis address or channel the trigger fails when it starts (\"invalid variable name\"); in an allowed host, every outbound request of the component fails at run time.",
        "[component.config]\nurl = \"{{ api_host }}\"\n# but [variables] has no api_host",
        "Declare the variable in `[variables]` (with a `default` or `required = true`), or correct the name.",
    );

/// Every template names a declared variable. When `[variables]` is not a
/// table, the names are unknown and nothing is checked.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let declared: Vec<&str> = match root.get("variables") {
        None => Vec::new(),
        Some(node) => match node.as_table() {
            Some(_) => node.entries().iter().map(|e| e.key.as_ref()).collect(),
            None => return,
        },
    };
    let known: HashSet<&str> = declared.iter().copied().collect();
    let mut sorted = declared.clone();
    sorted.sort_unstable();
    sorted.dedup();
    for (path, text) in super::templates(root) {
        let Ok(expressions) = template::parse(text) else {
            continue;
        };
        for expression in expressions {
            let name = expression.name;
            if known.contains(name) {
                continue;
            }
            let message = if name.is_empty() {
                "this `{{ }}` names no variable".to_owned()
            } else {
                format!("`{name}` is not declared in `[variables]`")
            };
            let pending = cx.report_at(&RULE, path.clone(), message);
            pending.within(expression.range);
            if let Some(best) = suggest::closest(name, &sorted) {
                pending.suggest_str(name, best, &sorted);
            } else if name.is_empty() {
                pending.help("write the variable's name between the braces, as in `{{ name }}`");
            } else if !ids::is_valid(name, Case::LowerSnake) {
                let better = ids::suggest(name, Case::LowerSnake)
                    .map(|s| format!(" (`{s}`)"))
                    .unwrap_or_default();
                pending.help(format!(
                    "variable names are lower snake case{better}: declare it in `[variables]` under that name"
                ));
            } else {
                pending.help(format!(
                    "declare it: `[variables]` `{name} = {{ default = \"...\" }}` (or `required = true`)"
                ));
            }
        }
    }
}
