//! `spin/http-base-not-root`: `[application.trigger.http] base` other than
//! `/`; `base = "/"` itself is deprecated.

use crate::codes::{Category, DEPRECATED_KEY, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/http-base-not-root")
    .category(Category::Correctness)
    .doc(
        "An HTTP application trigger whose `base` is not `/`.",
        "Spin 1.x and 2.x prefixed every route with the base, but Spin 3 and later refuse to start an application whose base is anything other than `/` (\"The base must be prepended to each [[trigger.http]]'s 'route'\").",
        "[application.trigger.http]\nbase = \"/api\"",
        "Prepend the base to every route (`route = \"/api/users\"`) and remove `base`.",
    );

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
