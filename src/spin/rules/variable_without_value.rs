//! `spin/variable-without-value`: a variable with neither `required = true` nor a `default`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::error("spin/variable-without-value")
    .category(Category::Correctness)
    .doc(
        "A variable has neither `required = true` nor a `default`.",
        "Spin refuses to load the application (\"must be `required` OR have a `default`\", without naming the variable): a variable that is not required must have a default.",
        "[variables]\ntoken = { secret = true }",
        "Add `default = \"...\"`, or `required = true` if a value must be supplied when the application runs.",
    );

/// Reports a variable that is not required and has no default;
/// `required` is the value written, if any.
pub(crate) fn check(cx: &mut Cx, name: &str, required: Option<bool>, default: bool, path: &P<'_>) {
    if required == Some(true) || default {
        return;
    }
    let pending = cx.report(
        &RULE,
        path,
        format!("variable `{name}` has neither a default nor `required = true`"),
    );
    pending.on_key();
    if required == Some(false) {
        pending.label(&path.key("required"), Target::Value, "not required here");
    }
    pending
        .help("add `default = \"...\"`, or `required = true` if a value must be supplied when the application runs")
        .note("Spin refuses to load the application, without naming the variable");
}
