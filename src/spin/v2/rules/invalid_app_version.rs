//! `spin/invalid-app-version`: an `[application] version` that is not a
//! semantic version.

use crate::path::P;
use crate::read::Cx;
pub(crate) use crate::spin::v1::rules::invalid_app_version::RULE;

/// The version is `major.minor.patch` (semver).
pub(crate) fn check(cx: &mut Cx, version: &str, path: &P<'_>) {
    if semver::Version::parse(version).is_ok() {
        return;
    }
    let numbers: Vec<&str> = version.trim_start_matches('v').split('.').collect();
    let digits = numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let help = if digits && numbers.len() < 3 {
        let mut padded = numbers.clone();
        padded.resize(3, "0");
        format!(
            "write all three numbers: `version = \"{}\"`",
            padded.join(".")
        )
    } else if digits && version.starts_with('v') {
        format!("drop the `v`: `version = \"{}\"`", &version[1..])
    } else {
        "write a semantic version such as `\"1.0.0\"`".to_owned()
    };
    cx.report(
        &RULE,
        path,
        format!("the application version `{version}` is not a semantic version"),
    )
    .help(help)
    .note("Spin keeps it as text, but its documentation asks for a semantic version, as registries do");
}
