//! `spin/unknown-variable`: a `{{ name }}` template naming no variable of
//! `[variables]`.

use crate::FieldPath;
use crate::read::Cx;
use crate::rules::suggest;
use crate::spin::ids::{self, Case};
use crate::spin::template::Expression;
pub(crate) use crate::spin::v1::rules::unknown_variable::RULE;

/// Reports an expression whose variable is not declared.
pub(crate) fn report(cx: &mut Cx, expression: &Expression<'_>, known: &[&str], path: FieldPath) {
    let name = expression.name;
    let pending = if name.is_empty() {
        cx.report_at(&RULE, path, "this `{{ }}` names no variable")
    } else {
        cx.report_at(
            &RULE,
            path,
            format!("`{name}` is not declared in `[variables]`"),
        )
    };
    pending.within(expression.range.clone());
    if let Some(best) = suggest::closest(name, known) {
        pending.suggest_str(name, best, known);
    } else if name.is_empty() {
        pending.help("write the variable's name between the braces, as in `{{ name }}`");
    } else if !ids::is_valid(name, Case::LowerSnake) {
        let better = ids::suggest(name, Case::LowerSnake)
            .map(|s| format!(" (`{s}`)"))
            .unwrap_or_default();
        pending.help(format!(
            "variable names are lower snake case{better}, and templates take no filters or defaults"
        ));
    } else {
        pending.help(format!(
            "declare it: `[variables]` `{name} = {{ default = \"...\" }}` (or `required = true`)"
        ));
    }
}
