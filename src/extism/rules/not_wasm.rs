//! `extism/not-wasm`: `data` decodes to bytes that are neither a
//! WebAssembly binary nor WebAssembly text.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("extism/not-wasm")
    .category(Category::Correctness)
    .doc(
        "`data` decodes to bytes that are neither a WebAssembly binary nor WebAssembly text.",
        "The runtime compiles the decoded bytes as a module and fails. A common cause is base64 applied twice, or the base64 of a file path instead of the file.",
        "{ \"wasm\": [{ \"data\": \"aGVsbG8=\" }] }",
        "Encode the `.wasm` file itself, once.",
    );

/// The runtime compiles `data` as a WebAssembly binary (`\0asm`) or as
/// WebAssembly text; anything else fails.
pub(crate) fn check(cx: &mut Cx, bytes: &[u8], path: &P<'_>) {
    if bytes.is_empty() || bytes.starts_with(b"\0asm") {
        return;
    }
    let text = std::str::from_utf8(bytes).ok();
    if let Some(text) = text {
        let text = text.trim_start();
        if text.starts_with('(') || text.starts_with(";;") {
            return;
        }
    }
    let pending = cx.report(
        &RULE,
        path,
        format!(
            "`data` decodes to {} bytes that are not a WebAssembly module",
            bytes.len()
        ),
    );
    if bytes.starts_with(b"AGFzbQ") {
        pending.help("the module was base64-encoded twice: encode the `.wasm` file only once");
    } else if let Some(text) = text {
        let preview: String = text.chars().take(40).collect();
        let more = if preview.len() < text.len() {
            "..."
        } else {
            ""
        };
        pending.help(format!(
            "this is the text `{}{more}`: encode the `.wasm` file itself, e.g. `base64 -w0 plugin.wasm`",
            preview.escape_debug()
        ));
    } else {
        pending.help("a WebAssembly binary starts with `\\0asm`: encode the `.wasm` file itself, e.g. `base64 -w0 plugin.wasm`");
    }
    pending.note("the runtime compiles these bytes as a module and fails");
}
