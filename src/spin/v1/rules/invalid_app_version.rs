//! `spin/invalid-app-version`: an application version that is not `major.minor.patch`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::warning("spin/invalid-app-version")
    .category(Category::Correctness)
    .doc(
        "The application `version` is not of the form `major.minor.patch`.",
        "Spin stores the version as text, but the manifest reference prescribes `major.minor.patch`, and registries (`spin registry push`) and deployment tools expect a semantic version.",
        "version = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    );

/// The version is a semantic version.
pub(crate) fn check(cx: &mut Cx, version: &str, path: &P<'_>) {
    if semver::Version::parse(version).is_ok() {
        return;
    }
    let numbers: Vec<&str> = version.trim_start_matches('v').split('.').collect();
    let help = if numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && numbers.len() < 3
    {
        let mut padded: Vec<&str> = numbers.clone();
        padded.resize(3, "0");
        format!(
            "write all three numbers: `version = \"{}\"`",
            padded.join(".")
        )
    } else {
        "write a `major.minor.patch` version such as `\"1.0.0\"`".to_owned()
    };
    cx.report(
        &RULE,
        path,
        format!("the application version `{version}` is not of the form `major.minor.patch`"),
    )
    .help(help);
}
