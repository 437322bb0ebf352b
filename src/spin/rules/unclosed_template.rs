//! `spin/unclosed-template`: a `{{` without a closing `}}`.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::template;

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/unclosed-template")
    .category(Category::Correctness)
    .doc(
        "A `{{` without a closing `}}` in a config value, a Redis address or channel, or an `allowed_outbound_hosts` entry.",
        "Spin parses these values as templates and refuses an expression that is never closed (\"invalid variable template: unmatched '{{' in template\").",
        "[component.config]\nurl = \"https://{{ host/v1\"",
        "Close the expression: `\"https://{{ host }}/v1\"`.",
    );

/// Version 1: reports an unclosed `{{` in the template `text`; returns
/// whether the value is a template (it has expressions, or an unclosed
/// one).
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>) -> bool {
    match template::parse(text) {
        Err(template::Unclosed(at)) => {
            report(cx, at, path.to_path(), Version::V1);
            true
        }
        Ok(expressions) => !expressions.is_empty(),
    }
}

/// Reports the unclosed `{{` at byte `at` of the value at `path`.
pub(crate) fn report(cx: &mut Cx, at: usize, path: FieldPath, version: Version) {
    let pending = cx.report_at(&RULE, path, "this `{{` is never closed");
    pending
        .within(at..at + 2)
        .help("close the expression with `}}`, as in `{{ name }}`");
    if version == Version::V2 {
        pending.note("Spin refuses the value: \"unmatched '{{' in template\"");
    }
}
