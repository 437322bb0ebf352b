//! `spin/unused-trigger-settings`: `[application.trigger.<type>]` for a
//! built-in type no trigger uses.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::Node;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::warning("spin/unused-trigger-settings")
    .category(Category::Suspicious)
    .doc(
        "`[application.trigger.http]` or `[application.trigger.redis]` in an application with no trigger of that type.",
        "Spin reads these settings only when it starts triggers of the type, so they have no effect; often the triggers' type is misspelt.",
        "[application.trigger.redis]\naddress = \"redis://localhost\"\n# but no [[trigger.redis]]",
        "Remove the settings, or add the triggers they are for.",
    );

/// The settings of a built-in type have triggers.
pub(crate) fn check(root: &Node<'_>, app: &App<'_, '_>, cx: &mut Cx) {
    let settings = root.get("application").and_then(|a| a.get("trigger"));
    for entry in settings.map_or(&[][..], Node::entries) {
        let kind: &str = &entry.key;
        if !matches!(kind, "http" | "redis") || app.triggers.iter().any(|t| t.kind == kind) {
            continue;
        }
        let path = FieldPath::root()
            .key("application")
            .key("trigger")
            .key(kind);
        cx.report_at(&RULE, path, format!("there is no `[[trigger.{kind}]]` for these settings"))
            .on_key()
            .help(format!("remove `[application.trigger.{kind}]`, or add the `[[trigger.{kind}]]` entries it is for"))
            .note("Spin reads them only when it starts triggers of this type");
    }
}
