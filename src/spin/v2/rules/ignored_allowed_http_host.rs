//! `spin/ignored-allowed-http-host`: an `allowed_http_hosts` entry next to
//! `insecure:allow-all`.

use crate::path::P;
use crate::read::Cx;
use crate::source::Target;
pub(crate) use crate::spin::v1::rules::ignored_allowed_http_host::RULE;

/// Reports an entry made pointless by `insecure:allow-all`.
pub(crate) fn report(cx: &mut Cx, host: &str, path: &P<'_>, allow_all: &P<'_>) {
    cx.report(&RULE, path, format!("`{host}` is ignored: the list also contains `insecure:allow-all`"))
        .label(allow_all, Target::Value, "this allows every host")
        .help("remove `insecure:allow-all` to restrict the component to the listed hosts, or remove this entry");
}
