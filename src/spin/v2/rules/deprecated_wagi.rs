//! `spin/deprecated-wagi`: an HTTP trigger using the Wagi executor.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/deprecated-wagi")
    .category(Category::Deprecated)
    .doc(
        "An HTTP trigger with `executor = { type = \"wagi\" }`.",
        "Spin still runs Wagi modules, but announces at start-up that the Wagi executor will be deprecated in a future version.",
        "[[trigger.http]]\nroute = \"/cgi/...\"\ncomponent = \"legacy\"\nexecutor = { type = \"wagi\" }",
        "Port the module to the WASI HTTP interface (a Spin SDK) and remove the executor.",
    );

/// Reports the use of the Wagi executor.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    cx.report(&RULE, path, "the Wagi executor is to be deprecated")
        .help("build the component with a Spin SDK (the WASI HTTP interface) and remove `executor`")
        .note("Spin announces at start-up that WAGI will be deprecated in a future version");
}
