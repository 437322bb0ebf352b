//! `spin/variable-required-and-default`: a variable with both `required = true` and a `default`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::error("spin/variable-required-and-default")
    .category(Category::Correctness)
    .doc(
        "A variable has both `required = true` and a `default`.",
        "Spin refuses to load the application: a variable must be `required` or have a `default`, not both.",
        "[variables]\ntoken = { required = true, default = \"x\" }",
        "Remove `required = true` to use the default, or remove `default` so that a value must be supplied.",
    );

/// Reports a variable that is required and has a default; `required` is
/// the value written, if any.
pub(crate) fn check(cx: &mut Cx, name: &str, required: Option<bool>, default: bool, path: &P<'_>) {
    if !(required == Some(true) && default) {
        return;
    }
    cx.report(
        &RULE,
        &path.key("required"),
        format!("variable `{name}` is required and also has a default"),
    )
    .on_key()
    .label(&path.key("default"), Target::Key, "the default is set here")
    .help("remove `required = true` to use the default, or remove `default` so that a value must be supplied")
    .note("Spin refuses to load the application: \"must be `required` OR have a `default`\"");
}
