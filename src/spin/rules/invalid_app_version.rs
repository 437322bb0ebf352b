//! `spin/invalid-app-version`: an application version that is not
//! `major.minor.patch` (version 1's top-level `version`, version 2's
//! `[application] version`).

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

use super::Version;

pub(crate) static RULE: Rule = Rule::warning("spin/invalid-app-version")
    .category(Category::Correctness)
    .doc(
        "The application `version` is not of the form `major.minor.patch`.",
        "Spin stores the version as text, but the manifest reference prescribes `major.minor.patch`, and registries (`spin registry push`) and deployment tools expect a semantic version.",
        "version = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    );

/// The version is a semantic version.
pub(crate) fn check(cx: &mut Cx, version: &str, path: &P<'_>, v: Version) {
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
        v.pick(
            "write a `major.minor.patch` version such as `\"1.0.0\"`",
            "write a semantic version such as `\"1.0.0\"`",
        )
        .to_owned()
    };
    let message = match v {
        Version::V1 => {
            format!("the application version `{version}` is not of the form `major.minor.patch`")
        }
        Version::V2 => format!("the application version `{version}` is not a semantic version"),
    };
    let pending = cx.report(&RULE, path, message);
    pending.help(help);
    if v == Version::V2 {
        pending.note("Spin keeps it as text, but its documentation asks for a semantic version, as registries do");
    }
}
