//! `spin/invalid-config-key`: a `[component.config]` key that is not lower snake case.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-config-key")
    .category(Category::Correctness)
    .doc(
        "A `[component.config]` key that is not lower snake case.",
        "Config keys become the component's variables; Spin refuses names that are not lower snake case (``invalid ID `MyKey` ``), without repair.",
        "[component.config]\napiKey = \"{{ api_key }}\"",
        "Rename the key in lower snake case: `api_key`.",
    );

/// The config key is lower snake case.
pub(crate) fn check(cx: &mut Cx, key: &str, path: &P<'_>) {
    let Some(reason) = ids::problem(key, Case::LowerSnake) else {
        return;
    };
    let pending = cx.report(
        &RULE,
        path,
        format!("config key `{key}` is not lower snake case: {reason}"),
    );
    pending.on_key();
    match ids::suggest(key, Case::LowerSnake) {
        Some(better) => pending.help(format!("rename it `{better}`")),
        None => pending.help(
            "use words of lower-case letters and digits, each starting with a letter, joined by `_`",
        ),
    };
}
