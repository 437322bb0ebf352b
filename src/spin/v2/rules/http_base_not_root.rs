//! `spin/http-base-not-root`: `[application.trigger.http] base` other than
//! `/`; `base = "/"` itself is deprecated.

use crate::codes::DEPRECATED_KEY;
use crate::path::P;
use crate::read::Cx;

pub(crate) use crate::spin::v1::rules::http_base_not_root::RULE;

/// `base` is deprecated; any value but `/` is refused by Spin 3 and later.
pub(crate) fn check(cx: &mut Cx, base: &str, path: &P<'_>) {
    if base == "/" {
        cx.report(&DEPRECATED_KEY, path, "`base` is deprecated")
            .on_key()
            .help("remove it: `/` is the default")
            .note("`spin up` warns that the deprecated `base` is set to its default, and may refuse it in a future version");
        return;
    }
    let example = format!("/{}/hello", base.trim_matches('/'));
    cx.report(
        &RULE,
        path,
        format!("the HTTP base is `{base}`; Spin 3 and later refuse any base other than `/`"),
    )
    .help(format!(
        "prepend `{base}` to every `[[trigger.http]]` route (e.g. `route = \"{example}\"`) and remove `base`"
    ))
    .note("Spin 2.x prefixed every route with the base; `spin up` now fails at start-up");
}
