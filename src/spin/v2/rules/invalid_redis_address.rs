//! `spin/invalid-redis-address`: a Redis address the Redis client cannot
//! open, or no address at all for a Redis trigger.

use crate::path::P;
use crate::read::Cx;
use crate::spin::template;
pub(crate) use crate::spin::v1::rules::invalid_redis_address::RULE;

/// A literal address (templates are checked once variables are known),
/// checked as the version 1 rule does.
pub(crate) fn check_value(cx: &mut Cx, address: &str, path: &P<'_>) {
    if !matches!(template::parse(address), Ok(e) if e.is_empty()) {
        return;
    }
    crate::spin::v1::rules::invalid_redis_address::check_literal(cx, address, path);
}
