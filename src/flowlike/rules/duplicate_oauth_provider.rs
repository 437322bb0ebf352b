//! `flow-like/duplicate-oauth-provider`: two `[[permissions.oauth_scopes]]` entries name the same provider.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::rules::names::{self, Texts};
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::warning("flow-like/duplicate-oauth-provider")
    .category(Category::Suspicious)
    .doc(
        "Two `[[permissions.oauth_scopes]]` entries name the same provider.",
        "Flow-Like keeps both entries, so the provider appears twice among the package's permissions; the scopes were most likely meant to be one list.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\n# ...\n[[permissions.oauth_scopes]]\nprovider = \"google\"",
        "Merge the entries: one per provider, with all the scopes in its `scopes` list.",
    );

/// Providers are declared once.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    names::report_repeats(
        cx,
        &RULE,
        super::declarations(root)
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i, d.str_at("provider")?))),
        |i| {
            FieldPath::root()
                .key("permissions")
                .key("oauth_scopes")
                .index(i)
                .key("provider")
        },
        |provider| format!("OAuth provider `{provider}` is declared twice"),
        Texts {
            first: "first declared here",
            help: "merge the two entries: one per provider, with all the scopes in its `scopes` list",
            note: Some(
                "Flow-Like keeps both entries, so the provider appears twice among the package's permissions",
            ),
        },
    );
}
