//! `spin/http-base-not-root`: an HTTP application trigger whose `base` is not `/`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("spin/http-base-not-root")
    .category(Category::Correctness)
    .doc(
        "An HTTP application trigger whose `base` is not `/`.",
        "Spin 3 and later refuse to run the application: `spin up` stops with \"This application is using the deprecated trigger 'base' field. The base must be prepended to each [[trigger.http]]'s 'route'.\" Spin 1.x and 2.x honoured it and served every route under the base.",
        "trigger = { type = \"http\", base = \"/api\" }\n\n[[component]]\n# ...\n[component.trigger]\nroute = \"/users\"",
        "Set `base = \"/\"` and prepend the old base to every route (`route = \"/api/users\"`).",
    );

/// `base` is `/`.
pub(crate) fn check(cx: &mut Cx, base: &str, path: &P<'_>) {
    if base == "/" {
        return;
    }
    let example = format!("{}/hello", base.trim_end_matches('/'));
    let example = if example.starts_with('/') {
        example
    } else {
        format!("/{example}")
    };
    cx.report(
        &RULE,
        path,
        format!("the HTTP base is `{base}`; Spin 3 and later refuse any base other than `/`"),
    )
    .help(format!(
        "set `base = \"/\"` and prepend `{base}` to every route (e.g. `route = \"{example}\"`); with `/`, Spin 3 and later only log that `base` is deprecated"
    ))
    .note("`spin up` fails with \"This application is using the deprecated trigger 'base' field\"; Spin 1.x and 2.x prefixed every route with the base");
}
