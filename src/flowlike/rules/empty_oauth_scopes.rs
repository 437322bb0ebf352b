//! `flow-like/empty-oauth-scopes`: a `[[permissions.oauth_scopes]]` entry lists no scopes.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/empty-oauth-scopes")
    .category(Category::Suspicious)
    .doc(
        "A `[[permissions.oauth_scopes]]` entry lists no scopes.",
        "Flow-Like accepts an empty list, but an OAuth token without scopes grants little or nothing, so the nodes relying on the provider are unlikely to work.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = []\nreason = \"Read your files\"",
        "List the scopes the nodes need, e.g. `scopes = [\"https://www.googleapis.com/auth/drive.readonly\"]`.",
    );

/// Checks the `scopes` of a declaration of `provider` (when readable).
pub(crate) fn check(cx: &mut Cx, scopes: &[String], provider: Option<&str>, path: &P<'_>) {
    if !scopes.is_empty() {
        return;
    }
    cx.report(
        &RULE,
        path,
        format!(
            "OAuth provider `{}` is declared with no scopes",
            provider.unwrap_or("?")
        ),
    )
    .help("list the scopes the nodes need, e.g. `scopes = [\"https://www.googleapis.com/auth/drive.readonly\"]`")
    .note("a token without scopes grants little or nothing, so nodes relying on this provider are unlikely to work");
}
