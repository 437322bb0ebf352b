//! `spin/invalid-digest`: a digest that is not `sha256:` and 64 lower-case
//! hex digits.

use crate::path::P;
use crate::read::Cx;
use crate::rules::digest;
pub(crate) use crate::spin::v1::rules::invalid_digest::RULE;

const PREFIX: &str = "sha256:";

/// The digest is `sha256:<64 lower-case hex digits>`.
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>) {
    let Some(hex) = text.strip_prefix(PREFIX) else {
        let help = if digest::is_sha256_hex(text) {
            format!("add the algorithm: `digest = \"sha256:{text}\"`")
        } else {
            "write `sha256:` followed by the 64 hex digits of the file's SHA-256 (`sha256sum app.wasm`)".to_owned()
        };
        cx.report(
            &RULE,
            path,
            format!("the digest `{text}` does not start with `sha256:`"),
        )
        .help(help)
        .note("Spin refuses the download: \"must start with 'sha256:'\"");
        return;
    };
    let Some(problem) = digest::sha256_hex_problem(hex) else {
        return;
    };
    let pending = cx.report(&RULE, path, format!("the SHA-256 digest {problem}"));
    pending.within(PREFIX.len()..text.len());
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        pending.help(format!(
            "write it in lower case: `\"sha256:{}\"`",
            hex.to_ascii_lowercase()
        ));
    } else {
        pending.help("copy the 64 hex digits of the file's SHA-256 (`sha256sum app.wasm`)");
    }
    pending.note("Spin compares the download's digest with this text, so any other spelling fails");
}
