//! `spin/missing-app-version`: the application has no `version`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::warning("spin/missing-app-version")
    .category(Category::Correctness)
    .doc(
        "The application has no `version`.",
        "Spin 1.x required it and the manifest reference marks it required; later versions default it to an empty string, which then shows up in registries and deployments.",
        "spin_manifest_version = \"1\"\nname = \"hello\"\ntrigger = { type = \"http\", base = \"/\" }",
        "Add `version = \"0.1.0\"`.",
    );

/// Reports the missing version, pointing at `anchor` (the `name` key, or
/// the document).
pub(crate) fn report(cx: &mut Cx, anchor: &P<'_>) {
    cx.report(
        &RULE,
        &P::ROOT.key("version"),
        "the application has no `version`",
    )
    .at(anchor, Target::Key)
    .help("add `version = \"0.1.0\"` (a `major.minor.patch` version)")
    .note("Spin 1.x and the manifest reference require it; later versions use an empty version");
}
