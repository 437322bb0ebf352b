//! `spin/wagi-custom-entrypoint`: a Wagi `entrypoint` other than `_start`.

use crate::path::P;
use crate::read::Cx;

pub(crate) use crate::spin::v1::rules::wagi_custom_entrypoint::RULE;

/// The entrypoint is `_start`.
pub(crate) fn check(cx: &mut Cx, entrypoint: &str, path: &P<'_>) {
    if entrypoint == "_start" {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!("Wagi entrypoint `{entrypoint}`: Spin 3 and later refuse any entrypoint other than `_start`"),
    )
    .help("export the handler as the module's `_start` (its `main`) and remove `entrypoint`")
    .note("Spin 1.x and 2.x called the named function; `spin up` now fails at start-up");
}
