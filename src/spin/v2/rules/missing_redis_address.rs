//! `spin/invalid-redis-address` as a pass: a Redis trigger with no address
//! at all (none of its own, none in `[application.trigger.redis]`).

use super::invalid_redis_address::RULE;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::v2::tree::App;

/// Every Redis trigger has an address.
pub(crate) fn check(root: &Node<'_>, app: &App<'_, '_>, cx: &mut Cx) {
    let global = root
        .get("application")
        .and_then(|a| a.get("trigger"))
        .and_then(|t| t.get("redis"))
        .is_some();
    if global {
        return;
    }
    for trigger in app.triggers.iter().filter(|t| t.kind == "redis") {
        if trigger.node.get("address").is_some() {
            continue;
        }
        cx.report_at(&RULE, trigger.path(), "this Redis trigger has no server address")
            .help("add `address = \"redis://...\"` to the trigger, or set it for every Redis trigger in `[application.trigger.redis]`")
            .note("the Redis trigger fails at start-up with an empty address: \"Redis URL did not parse\"");
    }
}
