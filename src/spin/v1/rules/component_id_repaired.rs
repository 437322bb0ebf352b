//! `spin/component-id-repaired`: a component id that Spin renames.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/component-id-repaired")
    .category(Category::Correctness)
    .doc(
        "A component `id` with `_` or mixed case, which Spin renames.",
        "Spin turns `_` into `-` and lower-cases an id that is not kebab case, so the component is known by another id than the one written (in logs, in `spin up --component-id`, in version 2 form).",
        "[[component]]\nid = \"rust_hello\"",
        "Write the id Spin uses: `id = \"rust-hello\"`.",
    );

/// Reports that `id` is known to Spin as `repaired`.
pub(crate) fn report(cx: &mut Cx, id: &str, repaired: &str, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("component id `{id}` is not kebab case; Spin renames it `{repaired}`"),
    )
    .help(format!("write the id Spin uses: `id = \"{repaired}\"`"))
    .note("Spin turns `_` into `-` and lower-cases an id that is not kebab case, then uses the new id everywhere");
}
