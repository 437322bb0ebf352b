//! `spin/invalid-executor`: an HTTP `executor` type other than `spin`, `http` or `wagi`.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-executor")
    .category(Category::Correctness)
    .shape()
    .doc(
        "An HTTP `executor` whose `type` is not `spin`, `http` or `wagi`.",
        "Spin refuses the trigger configuration when the application starts (``unknown variant `cgi`, expected one of `http`, `spin`, `wagi` ``).",
        "[component.trigger]\nroute = \"/\"\nexecutor = { type = \"cgi\" }",
        "Use `{ type = \"spin\" }` for components built with a Spin SDK, or `{ type = \"wagi\" }` for modules that read CGI-style requests on stdin.",
    );

const TYPES: &[&str] = &["spin", "http", "wagi"];

/// Reports an unknown executor type.
pub(crate) fn report(cx: &mut Cx, executor_type: &str, path: &P<'_>, version: Version) {
    let pending = cx.report(
        &RULE,
        path,
        format!("unknown HTTP executor `{executor_type}`"),
    );
    match suggest::closest(executor_type, TYPES) {
        // Wagi is deprecated: moving to it is for the author to decide.
        Some("wagi") => pending
            .help("did you mean `wagi`?")
            .fix_str(Applicability::NeedsReview, executor_type, "wagi"),
        Some(best) => pending.suggest_str(executor_type, best, TYPES),
        None => pending.help(version.pick(
            "use `spin` for components built with a Spin SDK, or `wagi` for modules that handle CGI-style requests",
            "use `spin` (the default) for components built with a Spin SDK, or `wagi` for modules that handle CGI-style requests",
        )),
    };
    if version == Version::V2 {
        pending
            .note("`spin up` refuses the trigger: the executor is one of `http`, `spin` or `wagi`");
    }
}
