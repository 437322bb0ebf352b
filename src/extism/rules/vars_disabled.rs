//! `extism/vars-disabled`: `memory.max_var_bytes` is 0, which turns plug-in
//! variables off.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("extism/vars-disabled")
    .category(Category::Correctness)
    .doc(
        "`memory.max_var_bytes` is 0, which turns plug-in variables off.",
        "With 0 the runtime fails every `var_set` call of the plug-in with \"Vars are disabled by this host\"; plug-ins that keep state in variables stop working.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"memory\": { \"max_var_bytes\": 0 } }",
        "Keep it if the plug-in must not use variables; otherwise remove the key (1 MiB by default) or give a size in bytes.",
    );

/// Checks `memory.max_var_bytes`.
pub(crate) fn check(cx: &mut Cx, bytes: u64, path: &P<'_>) {
    if bytes != 0 {
        return;
    }
    cx.report(
        &RULE,
        path,
        "`max_var_bytes` is 0, which turns plug-in variables off",
    )
    .help("keep 0 only if the plug-in must not use variables; otherwise remove the key (1 MiB by default) or give a size in bytes")
    .note("the runtime then fails every `var_set` of the plug-in with \"Vars are disabled by this host\"");
}
