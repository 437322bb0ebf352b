//! `spin/unknown-trigger-type`: a `[[trigger.<type>]]` type close to, but
//! not, `http` or `redis`.

use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
pub(crate) use crate::spin::v1::rules::unknown_trigger_type::RULE;

const BUILT_IN: &[&str] = &["http", "redis"];

/// A type that is likely a misspelt built-in type.
pub(crate) fn check(cx: &mut Cx, kind: &str, path: &P<'_>) {
    if BUILT_IN.contains(&kind) {
        return;
    }
    let Some(best) = suggest::closest(kind, BUILT_IN) else {
        return;
    };
    cx.report(&RULE, path, format!("unknown trigger type `{kind}`"))
        .on_key()
        .help(format!("did you mean `{best}`? (`[[trigger.{best}]]`)"))
        .note(format!(
            "Spin reads any type other than `http` and `redis` as a plugin trigger and looks for a `trigger-{kind}` plugin"
        ));
}
