//! `spin/unknown-capability`: an `inherit_configuration` entry that names
//! no capability.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("spin/unknown-capability")
    .category(Category::Suspicious)
    .doc(
        "An `inherit_configuration` list entry that is not a capability name.",
        "Spin silently ignores names it does not know, so the dependency does not inherit what was meant.",
        "dependencies = { \"foo:bar\" = { version = \"1.0.0\", inherit_configuration = [\"allowed_hosts\"] } }",
        "Use one of `ai_models`, `allowed_outbound_hosts`, `environment`, `files`, `key_value_stores`, `sqlite_databases`, `variables`.",
    );

/// The capabilities a dependency can inherit.
pub(crate) const CAPABILITIES: &[&str] = &[
    "ai_models",
    "allowed_outbound_hosts",
    "environment",
    "files",
    "key_value_stores",
    "sqlite_databases",
    "variables",
];

/// Every name is a capability.
pub(crate) fn check(cx: &mut Cx, names: &[String], path: &P<'_>) {
    for (i, name) in names.iter().enumerate() {
        if CAPABILITIES.contains(&name.as_str()) {
            continue;
        }
        let pending = cx.report(
            &RULE,
            &path.index(i),
            format!("`{name}` is not a capability"),
        );
        match suggest::closest(name, CAPABILITIES) {
            // The fix makes the dependency inherit a capability it did not
            // before: likely meant, but a grant to look at.
            Some(best) => pending.help(format!("did you mean `{best}`?")).fix_str(
                Applicability::NeedsReview,
                name,
                best,
            ),
            None => pending.help(format!("use one of {}", suggest::list(CAPABILITIES))),
        };
        pending.note("Spin ignores names it does not know");
    }
}
