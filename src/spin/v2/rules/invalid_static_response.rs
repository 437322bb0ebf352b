//! `spin/invalid-static-response`: a `static_response` whose status code or
//! headers make Spin fail.

use indexmap::IndexMap;

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-static-response")
    .category(Category::Correctness)
    .doc(
        "A `static_response` with a status code outside 100–999 or an invalid header name or value.",
        "A code that does not fit 16 bits fails `spin up`; any other code outside 100–999, and header names or values HTTP does not allow, make every request on the route fail.",
        "static_response = { status_code = 42 }",
        "Use a real HTTP status (`404`) and header names made of letters, digits and `-`.",
    );

/// Reads `status_code`.
pub(crate) fn status(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<u16> {
    let Some(code) = node.as_integer() else {
        cx.wrong_type(node, path, "an integer");
        return None;
    };
    if (100..=999).contains(&code) {
        return u16::try_from(code).ok();
    }
    let note = if u16::try_from(code).is_err() {
        "`spin up` refuses the trigger: the status does not fit in 16 bits"
    } else {
        "Spin starts, but every request on this route fails"
    };
    cx.report(&RULE, path, format!("`{code}` is not an HTTP status code"))
        .help("use a status from 100 to 999, e.g. `200`, `301` or `404`")
        .note(note);
    None
}

/// Header names are tokens; values are visible ASCII (or tabs and spaces).
pub(crate) fn check_headers(cx: &mut Cx, headers: &IndexMap<String, String>, path: &P<'_>) {
    for (name, value) in headers {
        let token = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            cx.report(
                &RULE,
                &path.key(name),
                format!("`{name}` is not a valid header name"),
            )
            .on_key()
            .help("header names are made of letters, digits and `-` (such as `content-type`)")
            .note("every request on this route fails");
        }
        if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            cx.report(
                &RULE,
                &path.key(name),
                format!("the value of header `{name}` has a control character"),
            )
            .help("remove line breaks and control characters from the value")
            .note("every request on this route fails");
        }
    }
}
