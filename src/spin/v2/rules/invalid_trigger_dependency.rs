//! `spin/invalid-trigger-dependency`: trigger dependencies in a role the
//! trigger does not use.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::rules::renamable;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-trigger-dependency")
    .category(Category::Correctness)
    .doc(
        "A trigger dependency role the trigger does not use: on `[[trigger.http]]` any role but `middleware`, on `[[trigger.redis]]` any role but `middleware` (which `spin/unsupported-host-requirement` reports).",
        "The HTTP trigger composes only `middleware`: next to it, another role makes the component fail to load (\"the HTTP trigger's only allowed trigger dependency is `middleware`\"); alone, other roles are silently ignored. The Redis trigger composes nothing: its component fails to load (\"this trigger should not have dependencies\").",
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\ndependencies.auth = [{ component = \"auth\" }]",
        "Put HTTP middleware under `dependencies.middleware`, first the outermost.",
    );

/// HTTP triggers use only `middleware`; Redis triggers use no role.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    for trigger in app.triggers.iter().filter(|t| t.kind == "redis") {
        let roles = trigger
            .node
            .get("dependencies")
            .map_or(&[][..], Node::entries);
        for role in roles.iter().filter(|r| r.key != "middleware") {
            let key: &str = &role.key;
            cx.report_at(
                &RULE,
                trigger.path().key("dependencies").key(key),
                format!("the Redis trigger has no dependency role `{key}`"),
            )
            .on_key()
            .help(format!("remove `dependencies.{key}`: the Redis trigger composes no dependencies into its component"))
            .note("the component fails to load: this trigger should not have dependencies");
        }
    }
    for trigger in app.triggers.iter().filter(|t| t.kind == "http") {
        let roles = trigger
            .node
            .get("dependencies")
            .map_or(&[][..], Node::entries);
        let middleware = roles.iter().any(|r| r.key == "middleware");
        for role in roles.iter().filter(|r| r.key != "middleware") {
            let key: &str = &role.key;
            let note = if middleware {
                "the component fails to load: the HTTP trigger's only allowed trigger dependency is `middleware`"
            } else {
                "the HTTP trigger ignores it, so these dependencies are lost"
            };
            let pending = cx.report_at(
                &RULE,
                trigger.path().key("dependencies").key(key),
                format!("the HTTP trigger has no dependency role `{key}`"),
            );
            pending.on_key().note(note);
            if crate::rules::suggest::closest(key, &["middleware"]).is_some() {
                pending.help("did you mean `middleware`?");
                if !middleware && renamable(&role.value) {
                    pending.fix_key(Applicability::Safe, key, "middleware");
                }
            } else {
                pending.help("put HTTP middleware under `dependencies.middleware` (the first is the outermost)");
            }
        }
    }
}
