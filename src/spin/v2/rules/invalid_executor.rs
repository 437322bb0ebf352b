//! `spin/invalid-executor`: an HTTP `executor` type other than `spin`,
//! `http` or `wagi`.

use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
pub(crate) use crate::spin::v1::rules::invalid_executor::RULE;

const EXECUTOR_TYPES: &[&str] = &["spin", "http", "wagi"];

/// Reports an unknown executor type.
pub(crate) fn report(cx: &mut Cx, found: &str, path: &P<'_>) {
    let pending = cx.report(&RULE, path, format!("unknown HTTP executor `{found}`"));
    match suggest::closest(found, EXECUTOR_TYPES) {
        Some(best) => pending.help(format!("did you mean `{best}`?")),
        None => pending.help("use `spin` (the default) for components built with a Spin SDK, or `wagi` for modules that handle CGI-style requests"),
    };
    pending.note("`spin up` refuses the trigger: the executor is one of `http`, `spin` or `wagi`");
}
