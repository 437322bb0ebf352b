//! `extism/insecure-url`: a wasm `url` that uses plain `http`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::invalid_url::Valid;

pub(crate) static RULE: Rule = Rule::warning("extism/insecure-url")
    .category(Category::Correctness)
    .doc(
        "A wasm `url` that uses plain `http`.",
        "The runtime downloads and runs whatever the server (or anyone on the way) sends; without TLS, and without a `hash`, the code can be replaced in transit.",
        "{ \"wasm\": [{ \"url\": \"http://example.com/plugin.wasm\" }] }",
        "Use `https://`, and pin the module with `hash`.",
    );

/// Checks the scheme of a valid wasm `url` (`text` as written).
pub(crate) fn check(cx: &mut Cx, url: &Valid, text: &str, path: &P<'_>) {
    let help = match url {
        Valid::Https => return,
        Valid::Http(secure) => format!("use `{secure}`"),
        Valid::Parsed(parsed) if parsed.scheme() == "http" => help(parsed),
        Valid::Parsed(_) => return,
    };
    let pending = cx.report(&RULE, path, "the module is downloaded over plain `http`");
    if text
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("http:"))
    {
        pending.within(0..4);
    }
    pending.help(help).note(
        "the runtime runs whatever it downloads; without TLS the module can be replaced on the way",
    );
}

/// The help naming the same URL over `https`.
fn help(parsed: &url::Url) -> String {
    match parsed.as_str().strip_prefix("http:") {
        // The same URL with the other scheme; only an explicit port 443,
        // the default of https, would change more than the scheme.
        Some(rest) if parsed.port() != Some(443) => format!("use `https:{rest}`"),
        _ => {
            let mut secure = parsed.clone();
            match secure.set_scheme("https") {
                Ok(()) => format!("use `{secure}`"),
                Err(()) => "use an `https://` URL".to_owned(),
            }
        }
    }
}
