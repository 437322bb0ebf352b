//! `flow-like/empty-oauth-reason`: a `[[permissions.oauth_scopes]]` entry has an empty `reason`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("flow-like/empty-oauth-reason")
    .category(Category::Publish)
    .doc(
        "A `[[permissions.oauth_scopes]]` entry has an empty `reason`.",
        "The reason is shown to users when they grant access; Flow-Like accepts an empty one, and users are then asked for access without an explanation.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = [\"openid\"]\nreason = \"\"",
        "Say what the access is for: `reason = \"Read your calendar events to schedule flows\"`.",
    );

/// Checks the `reason` of an OAuth declaration.
pub(crate) fn check(cx: &mut Cx, reason: &str, path: &P<'_>) {
    if reason.trim().is_empty() {
        cx.report(&RULE, path, "the reason for this OAuth access is empty")
            .help("say what the access is for, e.g. `reason = \"Read your calendar events to schedule flows\"`")
            .note("users see the reason when they are asked to grant access");
    }
}
