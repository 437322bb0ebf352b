//! `spin/empty-port-range`: a port range `a..b` with no port in it.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::empty_port_range::RULE;

/// Reports an empty range (the end is excluded).
pub(crate) fn report(cx: &mut Cx, range_text: &str, range: std::ops::Range<usize>, path: &P<'_>) {
    let help = match range_text
        .split_once("..")
        .map(|(a, b)| (a.parse::<u32>(), b.parse::<u32>()))
    {
        Some((Ok(start), Ok(end))) if start == end => format!(
            "the end of a range is excluded: write `{start}..{}`, or just the port `{start}`",
            start + 1
        ),
        Some((Ok(start), Ok(end))) => {
            format!("the range starts after its end: write `{end}..{start}` (the end is excluded)")
        }
        _ => "the end of a range is excluded: make it one past the last port".to_owned(),
    };
    cx.report(
        &RULE,
        path,
        format!("the port range `{range_text}` contains no port"),
    )
    .within(range)
    .help(help);
}
