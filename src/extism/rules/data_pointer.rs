//! `extism/data-pointer`: `data` written as `{ "ptr": .., "len": .. }`
//! instead of base64 text.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::super::snippet;

pub(crate) static RULE: Rule = Rule::error("extism/data-pointer")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`data` written as `{ \"ptr\": .., \"len\": .. }` instead of base64 text.",
        "This form exists for hosts that pass a manifest to the runtime inside one process: the official crate copies `len` bytes from the raw memory address `ptr`. In a manifest file it reads arbitrary process memory, so it is never honoured here.",
        "{ \"wasm\": [{ \"data\": { \"ptr\": 4096, \"len\": 1024 } }] }",
        "Embed the module as base64 text (`\"data\": \"AGFzbQEAAAA...\"`), or refer to it with `path` or `url`.",
    );

/// Whether a `data` table is the pointer form.
pub(crate) fn is_pointer(entries: &[crate::source::Entry<'_>]) -> bool {
    entries.iter().any(|e| e.key == "ptr" || e.key == "len")
}

/// Reports the pointer form of `data`; it is never followed.
pub(crate) fn report(cx: &mut Cx, path: &P<'_>) {
    let example = snippet::pair(cx.syntax, "data", "\"AGFzbQEAAAA...\"");
    cx.report(
        &RULE,
        path,
        "`data` is a memory address (`ptr` and `len`), not the module",
    )
    .help(format!(
        "embed the module as base64 text (`{example}`), or refer to its file with `path`"
    ))
    .note("the official crate would copy `len` bytes from address `ptr` of the process reading the manifest; in a file this reads arbitrary memory, so this form is never honoured");
}
