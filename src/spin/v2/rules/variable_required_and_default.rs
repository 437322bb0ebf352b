//! `spin/variable-required-and-default`: a variable with both
//! `required = true` and a `default`.

use crate::path::P;
use crate::read::Cx;
use crate::source::Target;
pub(crate) use crate::spin::v1::rules::variable_required_and_default::RULE;

/// Not both `required = true` and a default.
pub(crate) fn check(cx: &mut Cx, name: &str, required: Option<bool>, default: bool, path: &P<'_>) {
    if required == Some(true) && default {
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
}
