//! `spin/unknown-trigger-type`: an application trigger `type` close to `http` or `redis`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("spin/unknown-trigger-type")
    .category(Category::Correctness)
    .doc(
        "The application trigger's `type` is close to, but not, `http` or `redis`.",
        "Any other type names a trigger plugin; Spin looks for a plugin called `trigger-<type>` and fails when `spin up` cannot find one. A misspelt built-in type is also read as a plugin trigger, so its component triggers are not checked either.",
        "trigger = { type = \"htpp\", base = \"/\" }",
        "Correct the type, e.g. `type = \"http\"`.",
    );

/// The trigger types built into Spin.
const BUILT_IN: &[&str] = &["http", "redis"];

/// Reports a plugin trigger type that looks like a misspelt built-in one.
pub(crate) fn check(cx: &mut Cx, trigger_type: &str, path: &P<'_>) {
    let Some(best) = suggest::closest(trigger_type, BUILT_IN) else {
        return;
    };
    cx.report(&RULE, path, format!("unknown trigger type `{trigger_type}`"))
        .help(format!("did you mean `{best}`?"))
        .note(format!(
            "Spin reads any type other than `http` and `redis` as a plugin trigger and looks for a `trigger-{trigger_type}` plugin"
        ));
}
