//! `spin/component-or-static-response`: an HTTP trigger with both, or
//! neither, of `component` and `static_response`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::error("spin/component-or-static-response")
    .category(Category::Correctness)
    .doc(
        "An HTTP trigger needs exactly one of `component` and `static_response`.",
        "`spin up` refuses the trigger: \"Triggers must specify either component or static_response\", for both and for neither.",
        "[[trigger.http]]\nroute = \"/\"",
        "Name the component that handles the route (`component = \"hello\"`), or give a `static_response`.",
    );

/// Exactly one of the two.
pub(crate) fn check(cx: &mut Cx, component: bool, static_response: bool, path: &P<'_>) {
    match (component, static_response) {
        (true, true) => {
            cx.report(
                &RULE,
                &path.key("static_response"),
                "the trigger has both a `component` and a `static_response`",
            )
            .on_key()
            .label(
                &path.key("component"),
                Target::Key,
                "the component is set here",
            )
            .help(
                "remove one of them: a trigger either runs a component or serves a fixed response",
            );
        }
        (false, false) => {
            cx.report(&RULE, path, "the trigger has neither a `component` nor a `static_response`")
                .help("name the component that handles the route, e.g. `component = \"hello\"`, or add `static_response = { status_code = 404 }`");
        }
        _ => {}
    }
}
