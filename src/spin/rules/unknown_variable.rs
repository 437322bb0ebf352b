//! `spin/unknown-variable`: a `{{ name }}` template naming no variable of `[variables]`.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::suggest;
use crate::spin::ids::{self, Case};
use crate::spin::template::Expression;

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/unknown-variable")
    .category(Category::Correctness)
    .doc(
        "A `{{ name }}` template that names no variable of `[variables]`.",
        "For config values `spin up` refuses to load the application (\"invalid variable template: unknown variable\"); in a Redis address or channel the trigger fails when it starts (\"invalid variable name\"); in an allowed host, every outbound request of the component fails at run time.",
        "[component.config]\nurl = \"{{ api_host }}\"\n# but [variables] has no api_host",
        "Declare the variable in `[variables]` (with a `default` or `required = true`), or correct the name.",
    );

/// Reports an expression whose variable is not declared; `known` lists
/// the declared names.
pub(crate) fn report(
    cx: &mut Cx,
    expression: &Expression<'_>,
    known: &[&str],
    path: FieldPath,
    version: Version,
) {
    let name = expression.name;
    let message = if name.is_empty() {
        "this `{{ }}` names no variable".to_owned()
    } else {
        format!("`{name}` is not declared in `[variables]`")
    };
    let pending = cx.report_at(&RULE, path, message);
    pending.within(expression.range.clone());
    if let Some(best) = suggest::closest(name, known) {
        pending.suggest_str(name, best, known);
    } else if name.is_empty() {
        pending.help("write the variable's name between the braces, as in `{{ name }}`");
    } else if !ids::is_valid(name, Case::LowerSnake) {
        let better = ids::suggest(name, Case::LowerSnake)
            .map(|s| format!(" (`{s}`)"))
            .unwrap_or_default();
        let then = version.pick(
            ": declare it in `[variables]` under that name",
            ", and templates take no filters or defaults",
        );
        pending.help(format!("variable names are lower snake case{better}{then}"));
    } else {
        pending.help(format!(
            "declare it: `[variables]` `{name} = {{ default = \"...\" }}` (or `required = true`)"
        ));
    }
}
