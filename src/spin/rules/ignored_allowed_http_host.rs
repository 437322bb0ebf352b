//! `spin/ignored-allowed-http-host`: an `allowed_http_hosts` entry next to `insecure:allow-all`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::Target;

pub(crate) static RULE: Rule = Rule::warning("spin/ignored-allowed-http-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_http_hosts` entry next to `insecure:allow-all`.",
        "When the list contains `insecure:allow-all`, Spin ignores every other entry and does not even check it, so a malformed entry there is not refused either.",
        "allowed_http_hosts = [\"insecure:allow-all\", \"example.com\"]",
        "Remove `insecure:allow-all` to restrict the component to the listed hosts, or remove the other entries.",
    );

/// Reports `host`, ignored because of the allow-all entry at `all`.
pub(crate) fn report(cx: &mut Cx, host: &str, path: &P<'_>, all: &P<'_>) {
    cx.report(
        &RULE,
        path,
        format!("`{host}` is ignored: the list also contains `insecure:allow-all`"),
    )
    .label(all, Target::Value, "this allows every host")
    .help("remove `insecure:allow-all` to restrict the component to the listed hosts, or remove this entry");
}
