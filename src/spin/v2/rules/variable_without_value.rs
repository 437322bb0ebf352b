//! `spin/variable-without-value`: a variable with neither
//! `required = true` nor a `default`.

use crate::path::P;
use crate::read::Cx;
use crate::source::Target;
pub(crate) use crate::spin::v1::rules::variable_without_value::RULE;

/// Either `required = true` or a default.
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
