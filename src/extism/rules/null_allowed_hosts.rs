//! `extism/null-allowed-hosts`: `allowed_hosts` is `null`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("extism/null-allowed-hosts")
    .category(Category::Correctness)
    .doc(
        "`allowed_hosts` is `null`.",
        "The manifest documentation once said `null` allows every host, but since Extism 0.4 the runtime denies every host for `null`, exactly as for `[]` or an absent key. Writers of `null` usually expect the opposite of what happens.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": null }",
        "Write `[]` (or remove the key) to deny every host, or list the hosts the plug-in may contact.",
    );

/// Reports `allowed_hosts: null`.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    cx.report(
        &RULE,
        path,
        "`allowed_hosts` is `null`, which denies every host",
    )
    .help("write `[]` (or remove the key) to deny every host, or list the hosts the plug-in may contact, e.g. `[\"api.example.com\"]`")
    .note("older documentation says `null` allows every host, but since Extism 0.4 the runtime denies every host for `null`, `[]` and an absent key alike");
}
