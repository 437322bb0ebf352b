//! `spin/ignored-trigger-key`: a component trigger key that Spin ignores or overwrites.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/ignored-trigger-key")
    .category(Category::Suspicious)
    .doc(
        "A key of `[component.trigger]` that Spin does not use: `component` (always replaced by the component's own id), or a key other than `type` in a `spin` or `http` executor.",
        "Spin gives every trigger of a version 1 manifest its component's id, overwriting a `component` written there; the `spin` and `http` executors have no settings and silently ignore extra keys. Either way the value written has no effect.",
        "[component.trigger]\nroute = \"/\"\ncomponent = \"other\"",
        "Remove the key.",
    );

/// Reports a `component` key in a component trigger.
pub(crate) fn report_component(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "`component` is replaced by the id of the component this trigger belongs to",
    )
    .on_key()
    .help("remove it: a version 1 trigger always runs its own component")
    .note("Spin overwrites this key when it loads the application");
}

/// Reports a key of a `spin` or `http` executor other than `type`;
/// `special` is a more precise help, if any.
pub(crate) fn report_executor_key(cx: &mut Cx, key: &str, special: Option<String>, path: &P<'_>) {
    cx.report(&RULE, path, format!("`{key}` is ignored by this executor"))
        .on_key()
        .help(special.unwrap_or_else(|| {
            "remove it: the `spin` and `http` executors have no settings".to_owned()
        }))
        .note("Spin ignores it, so its value has no effect");
}
