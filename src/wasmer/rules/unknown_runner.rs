//! `wasmer/unknown-runner`: a command `runner` that is neither a well-known runner (`wasi`, `wcgi`, `wasm4`, `wasi@unstable_`, `generic`) nor a URL, or the removed `emscripten` runner.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("wasmer/unknown-runner")
    .category(Category::Suspicious)
    .doc(
        "A command `runner` that is neither a well-known runner (`wasi`, `wcgi`, `wasm4`, `wasi@unstable_`, `generic`) nor a URL, or the removed `emscripten` runner.",
        "The packager turns other words into `https://webc.org/runner/<word>`, which no Wasmer runtime implements, so the command cannot run.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasix\"",
        "Use one of the well-known runners or a runner URL.",
    );

/// The runners every Wasmer runtime knows by name.
pub(crate) const RUNNERS: &[&str] = &["wasi", "wcgi", "wasm4", "wasi@unstable_", "generic"];
/// The well-known runners' URLs, accepted without parsing them again.
const RUNNER_URLS: &[&str] = &[
    "https://webc.org/runner/wasi",
    "https://webc.org/runner/wcgi",
    "https://webc.org/runner/wasm4",
];

/// Checks a command's `runner`.
pub(crate) fn check(cx: &mut Cx, runner: &str, path: &P<'_>) {
    if runner.eq_ignore_ascii_case("emscripten") || runner.ends_with("/runner/emscripten") {
        cx.report(&RULE, path, "the emscripten runner was removed from Wasmer")
            .help("build the module for WASI and use `runner = \"wasi\"`");
    } else if RUNNERS.contains(&runner) || RUNNER_URLS.contains(&runner) {
    } else if runner.contains("://") {
        if let Err(e) = url::Url::parse(runner) {
            cx.report(
                &RULE,
                path,
                format!("runner `{runner}` is not a valid URL ({e})"),
            )
            .help("use a well-known runner such as `wasi`, or a valid runner URL");
        }
    } else {
        let best = suggest::closest(runner, RUNNERS);
        let pending = cx.report(
            &RULE,
            path,
            format!("`{runner}` is not a well-known runner"),
        );
        if let Some(best) = best {
            pending.suggest_str(runner, best, RUNNERS);
        } else {
            pending.help(format!(
                "use one of {} or a runner URL",
                suggest::list(RUNNERS)
            ));
        }
        pending.note(format!("it will be read as `https://webc.org/runner/{runner}`, which no Wasmer runtime provides"));
    }
}
