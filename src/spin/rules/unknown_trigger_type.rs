//! `spin/unknown-trigger-type`: a trigger type close to, but not, `http` or
//! `redis`: version 1's application `trigger.type`, version 2's
//! `[[trigger.<type>]]`.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::{Cx, Pending};
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

/// Reports a plugin trigger type that looks like a misspelt built-in one;
/// returns the diagnostic and the built-in type meant.
fn report<'c>(cx: &'c mut Cx, kind: &str, path: &P<'_>) -> Option<(&'c mut Pending, &'static str)> {
    if BUILT_IN.contains(&kind) {
        return None;
    }
    let best = suggest::closest(kind, BUILT_IN)?;
    let pending = cx.report(&RULE, path, format!("unknown trigger type `{kind}`"));
    pending.note(format!(
        "Spin reads any type other than `http` and `redis` as a plugin trigger and looks for a `trigger-{kind}` plugin"
    ));
    Some((pending, best))
}

/// Version 1: the application trigger's `type = "..."`.
pub(crate) fn check_value(cx: &mut Cx, kind: &str, path: &P<'_>) {
    if let Some((pending, best)) = report(cx, kind, path) {
        pending.suggest_str(kind, best, BUILT_IN);
    }
}

/// Version 2: the type is the key of `[[trigger.<type>]]`. The key is
/// renamed when `renamable(best)` says that is one edit and leaves no two
/// keys of one name.
pub(crate) fn check_key(
    cx: &mut Cx,
    kind: &str,
    path: &P<'_>,
    renamable: impl FnOnce(&str) -> bool,
) {
    let Some((pending, best)) = report(cx, kind, path) else {
        return;
    };
    pending
        .on_key()
        .help(format!("did you mean `{best}`? (`[[trigger.{best}]]`)"));
    if renamable(best) {
        pending.fix_key(Applicability::Safe, kind, best);
    }
}
