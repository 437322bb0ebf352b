//! `spin/empty-port-range`: a port range in `allowed_outbound_hosts` that contains no port.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::hosts::Literal;

pub(crate) static RULE: Rule = Rule::warning("spin/empty-port-range")
    .category(Category::Correctness)
    .doc(
        "A port range `a..b` in `allowed_outbound_hosts` that contains no port.",
        "The end of a range is excluded, so `8080..8080` or `90..80` allows nothing; Spin accepts it without a word.",
        "allowed_outbound_hosts = [\"http://localhost:8080..8080\"]",
        "Make the end one past the last port: `8080..8081`, or write the single port `8080`.",
    );

/// Reports an empty port range of an accepted entry.
pub(crate) fn check(cx: &mut Cx, literal: &Literal<'_>, path: &P<'_>) {
    let Some(range) = literal.empty_range else {
        return;
    };
    let help = match range
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
        format!("the port range `{range}` contains no port"),
    )
    .within(literal.range.clone())
    .help(help);
}
