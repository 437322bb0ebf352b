//! `flow-like/invalid-email`: an author's `email` does not look like an email address.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::email;

pub(crate) static RULE: Rule = Rule::warning("flow-like/invalid-email")
    .category(Category::Publish)
    .doc(
        "An author's `email` does not look like an email address.",
        "Flow-Like stores the text as it is; the registry shows it as a contact address, which then leads nowhere.",
        "[[authors]]\nname = \"Jane\"\nemail = \"Jane <jane@example.com>\"",
        "Write only the address: `email = \"jane@example.com\"`.",
    );

/// Checks an author's `email`.
pub(crate) fn check(cx: &mut Cx, text: &str, path: &P<'_>) {
    let Some(problem) = email::email_problem(text) else {
        return;
    };
    let pending = cx.report(&RULE, path, format!("invalid email address: {problem}"));
    match email_in(text) {
        Some(address) => pending.help(format!("write only the address: `email = {address:?}`")),
        None => pending
            .help("write an address such as `email = \"you@example.com\"`, or remove the key"),
    };
}

/// The address inside `Name <address>` or `mailto:address`, if valid.
fn email_in(text: &str) -> Option<&str> {
    let inner = match (text.find('<'), text.rfind('>')) {
        (Some(start), Some(end)) if start < end => &text[start + 1..end],
        _ => text.strip_prefix("mailto:")?,
    };
    let inner = inner.trim();
    email::email_problem(inner).is_none().then_some(inner)
}
