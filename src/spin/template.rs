//! `{{ name }}` templates in Spin values (component `config`, the Redis
//! address, `allowed_outbound_hosts`).
//!
//! A template is literal text with expressions between `{{` and the next
//! `}}`; the expression, trimmed, names an application variable. A `{{`
//! without a later `}}` makes the whole value invalid. Literal `}}` is
//! allowed.

use std::ops::Range;

/// One `{{ name }}` expression of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Expression<'t> {
    /// The variable name, trimmed.
    pub name: &'t str,
    /// The byte range of the name in the template (of the whole `{{ }}`
    /// when the name is empty).
    pub range: Range<usize>,
}

/// A `{{` that is never closed, at this byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unclosed(pub usize);

/// The expressions of `text`, in order.
pub(crate) fn parse(text: &str) -> Result<Vec<Expression<'_>>, Unclosed> {
    let mut expressions = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find("{{") {
        let open = at + found;
        let inner_start = open + 2;
        let Some(length) = text[inner_start..].find("}}") else {
            return Err(Unclosed(open));
        };
        let inner_end = inner_start + length;
        let inner = &text[inner_start..inner_end];
        let name = inner.trim();
        let range = if name.is_empty() {
            open..inner_end + 2
        } else {
            let lead = inner.len() - inner.trim_start().len();
            (inner_start + lead)..(inner_start + lead + name.len())
        };
        expressions.push(Expression { name, range });
        at = inner_end + 2;
    }
    Ok(expressions)
}

/// `text` with every expression replaced by `value(name)`; `None` when
/// the template is unclosed or some name has no value.
pub(crate) fn resolve<'v>(text: &str, value: impl Fn(&str) -> Option<&'v str>) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = text[at..].find("{{") {
        let open = at + found;
        let inner_start = open + 2;
        let length = text[inner_start..].find("}}")?;
        out.push_str(&text[at..open]);
        out.push_str(value(text[inner_start..inner_start + length].trim())?);
        at = inner_start + length + 2;
    }
    out.push_str(&text[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_text_has_no_expressions() {
        assert_eq!(parse("plain"), Ok(vec![]));
        assert_eq!(parse("a }} b"), Ok(vec![]));
        assert_eq!(parse(""), Ok(vec![]));
    }

    #[test]
    fn expressions_with_ranges() {
        let text = "https://{{ host }}/{{port}}";
        let found = parse(text).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "host");
        assert_eq!(&text[found[0].range.clone()], "host");
        assert_eq!(found[1].name, "port");
        assert_eq!(&text[found[1].range.clone()], "port");
    }

    #[test]
    fn empty_expression_points_at_braces() {
        let found = parse("x{{ }}").unwrap();
        assert_eq!(found[0].name, "");
        assert_eq!(found[0].range, 1..6);
    }

    #[test]
    fn resolving_fills_in_every_expression() {
        let value = |name: &str| match name {
            "host" => Some("example.com"),
            "port" => Some("8080"),
            _ => None,
        };
        assert_eq!(
            resolve("https://{{ host }}:{{port}}", value).as_deref(),
            Some("https://example.com:8080")
        );
        assert_eq!(resolve("plain }}", value).as_deref(), Some("plain }}"));
        assert_eq!(resolve("https://{{ nope }}", value), None);
        assert_eq!(resolve("https://{{ host", value), None);
    }

    #[test]
    fn unclosed_braces() {
        assert_eq!(parse("{{ a }} {{ b"), Err(Unclosed(8)));
        assert_eq!(parse("{{"), Err(Unclosed(0)));
    }
}
