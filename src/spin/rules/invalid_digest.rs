//! `spin/invalid-digest`: a `source.digest` (in version 2 also a
//! dependency's `digest`) that is not `sha256:` and 64 lower-case hex
//! digits.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;
use crate::rules::digest;

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-digest")
    .category(Category::Correctness)
    .doc(
        "A `source.digest` that is not `sha256:` followed by 64 lower-case hex digits.",
        "Spin refuses a digest without the `sha256:` prefix (``must start with 'sha256:'``), and compares the downloaded module's SHA-256 with the rest as text: any other spelling fails the download.",
        "source = { url = \"https://example.com/app.wasm\", digest = \"6503...2375\" }",
        "Write `digest = \"sha256:<64 lower-case hex digits>\"` (the output of `sha256sum app.wasm`).",
    );

const PREFIX: &str = "sha256:";

/// Whether `hex` is 64 hex digits, in either case.
fn is_64_hex(hex: &str) -> bool {
    hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The digest is `sha256:` and 64 lower-case hex digits.
///
/// Two mistakes have a certain, safe fix: 64 hex digits without the
/// prefix (Spin refuses any digest without it) get `sha256:` in front, and
/// upper-case hex digits are written in lower case (Spin compares the
/// digest as text with the lower-case hex of the download, so upper case
/// can never match).
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>, version: Version) {
    let what = version.pick("module", "file");
    let Some(hex) = text.strip_prefix(PREFIX) else {
        let pending = cx.report(
            &RULE,
            path,
            format!("the digest `{text}` does not start with `sha256:`"),
        );
        if is_64_hex(text) {
            let fixed = format!("{PREFIX}{}", text.to_ascii_lowercase());
            pending
                .help(format!("add the algorithm: `digest = \"{fixed}\"`"))
                .fix_str(Applicability::Safe, text, &fixed);
        } else {
            pending.help(format!("write `sha256:` followed by the 64 hex digits of the {what}'s SHA-256 (`sha256sum app.wasm`)"));
        }
        pending.note(version.pick(
            "Spin refuses to download a source whose digest is not a SHA-256 digest",
            "Spin refuses the download: \"must start with 'sha256:'\"",
        ));
        return;
    };
    let Some(problem) = digest::sha256_hex_problem(hex) else {
        return;
    };
    let pending = cx.report(&RULE, path, format!("the SHA-256 digest {problem}"));
    pending.within(PREFIX.len()..text.len());
    if is_64_hex(hex) {
        let lower = hex.to_ascii_lowercase();
        pending
            .help(format!("write it in lower case: `\"{PREFIX}{lower}\"`"))
            .fix_str(Applicability::Safe, hex, &lower);
    } else {
        pending.help(format!(
            "copy the 64 hex digits of the {what}'s SHA-256 (`sha256sum app.wasm`)"
        ));
    }
    pending.note(version.pick(
        "Spin compares the downloaded module's digest with this text, so any other spelling fails the download",
        "Spin compares the download's digest with this text, so any other spelling fails",
    ));
}
