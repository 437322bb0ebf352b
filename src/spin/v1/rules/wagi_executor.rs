//! `spin/wagi-executor`: a component run with the Wagi executor, which Spin is deprecating.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/wagi-executor")
    .category(Category::Deprecated)
    .doc(
        "An HTTP component with `executor = { type = \"wagi\" }`.",
        "Spin still runs Wagi components, but announces at start-up that \"WAGI will be deprecated in a future version of Spin\" (from Spin 4.1.0-pre0 on).",
        "executor = { type = \"wagi\" }",
        "Port the component to a Spin SDK or to `wasi:http` and remove the `executor`.",
    );

/// Reports the Wagi executor.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    cx.report(&RULE, path, "the Wagi executor is being deprecated")
        .help("port the component to a Spin SDK or to `wasi:http` and remove the `executor`")
        .note("Spin warns at start-up that WAGI will be deprecated in a future version");
}
