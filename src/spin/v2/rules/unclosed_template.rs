//! `spin/unclosed-template`: a `{{` without `}}` in a template value.

use crate::FieldPath;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::unclosed_template::RULE;

/// Reports the unclosed `{{` at byte `at` of the value.
pub(crate) fn report(cx: &mut Cx, at: usize, path: FieldPath) {
    cx.report_at(&RULE, path, "this `{{` is never closed")
        .within(at..at + 2)
        .help("close the expression with `}}`, as in `{{ name }}`")
        .note("Spin refuses the value: \"unmatched '{{' in template\"");
}
