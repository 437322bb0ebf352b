//! `extism/too-many-pages`: `memory.max_pages` above 65536.

use crate::codes::{Category, Rule};
use crate::extism::MAX_PAGES;
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("extism/too-many-pages")
    .category(Category::Correctness)
    .doc(
        "`memory.max_pages` above 65536.",
        "A page is 64 KiB and a 32-bit WebAssembly memory holds at most 65536 of them (4 GiB); a larger limit cannot be reached and usually means the value was written in bytes or KiB.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"memory\": { \"max_pages\": 1048576 } }",
        "Write the limit in 64 KiB pages: 16 pages are 1 MiB, 65536 are 4 GiB.",
    );

/// Checks `memory.max_pages`.
pub(crate) fn check(cx: &mut Cx, pages: u32, path: &P<'_>) {
    if pages <= MAX_PAGES {
        return;
    }
    let as_bytes = u64::from(pages).div_ceil(65536);
    let as_kib = u64::from(pages).div_ceil(64);
    cx.report(
        &RULE,
        path,
        format!("`max_pages` is {pages}, but a 32-bit memory has at most {MAX_PAGES} pages (4 GiB)"),
    )
    .help(format!(
        "write the limit in 64 KiB pages: {pages} bytes would be {as_bytes} pages, {pages} KiB would be {as_kib} pages"
    ));
}
