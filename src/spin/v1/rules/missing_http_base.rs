//! `spin/missing-http-base`: an HTTP application trigger without `base`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::warning("spin/missing-http-base")
    .category(Category::Correctness)
    .doc(
        "An HTTP application trigger without `base`.",
        "Spin 1.x and the manifest reference require `base`; Spin 2 and later default it to `/`. `base = \"/\"` is the one value every Spin version accepts: Spin 3 and later only log that the key is deprecated (\"This application has the deprecated trigger 'base' set to the default value '/'\").",
        "trigger = { type = \"http\" }",
        "Add `base = \"/\"`: `trigger = { type = \"http\", base = \"/\" }`.",
    );

/// Reports the missing `base` of the trigger at `path`.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    cx.report(&RULE, &path.key("base"), "the HTTP trigger has no `base`")
        .at(path, Target::Value)
        .help("add `base = \"/\"`: `trigger = { type = \"http\", base = \"/\" }`; Spin 3 and later accept it and only log that `base` is deprecated")
        .note("Spin 1.x and the manifest reference require `base`; Spin 2 and later default it to `/`");
}
