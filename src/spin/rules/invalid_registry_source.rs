//! `spin/invalid-registry-source`: a registry `source` with a malformed registry, package or version.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

use super::Version;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-registry-source")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A registry `source` whose `package` is not `namespace:name`, whose `version` is not an exact semantic version, or whose `registry` is not a host name.",
        "Spin resolves registry packages by name and exact version when the application is loaded, and fails on a malformed name or version (`Component x specifies an invalid semantic version`).",
        "source = { package = \"hello\", version = \"^1.0\" }",
        "Write `package = \"namespace:name\"` and an exact `version = \"1.0.0\"`.",
    );

/// The registry is a host name (a `host[:port]` authority, without
/// scheme or path).
pub(crate) fn check_registry(cx: &mut Cx, registry: &str, path: &P<'_>, version: Version) {
    let valid = !registry.is_empty()
        && !registry.contains("://")
        && url::Url::parse(&format!("https://{registry}"))
            .is_ok_and(|u| u.host_str().is_some() && u.path() == "/");
    if valid {
        return;
    }
    let pending = cx.report(
        &RULE,
        path,
        format!("the registry `{registry}` is not a host name"),
    );
    match url::Url::parse(registry)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
    {
        Some(host) => {
            let what = version.pick("host name", "host");
            pending.help(format!("write the {what} alone: `registry = \"{host}\"`"))
        }
        None => pending.help(version.pick(
            "write the registry's host name, e.g. `registry = \"ghcr.io\"`",
            "write the registry's host (and port), e.g. `registry = \"ghcr.io\"`",
        )),
    };
}

/// The package is `namespace:name`, both lower-case kebab case.
pub(crate) fn check_package(cx: &mut Cx, package: &str, path: &P<'_>) {
    let valid = package
        .split_once(':')
        .is_some_and(|(namespace, name)| is_label(namespace) && is_label(name));
    if valid {
        return;
    }
    let pending = cx.report(
        &RULE,
        path,
        format!("the package `{package}` is not of the form `namespace:name`"),
    );
    let better = package.split_once(':').and_then(|(namespace, name)| {
        let fix = |part: &str| {
            let lower = part.to_ascii_lowercase();
            if is_label(&lower) {
                Some(lower)
            } else {
                ids::suggest(part, Case::Kebab)
            }
        };
        Some(format!("{}:{}", fix(namespace)?, fix(name)?))
    });
    match better {
        Some(better) => pending.help(format!(
            "both parts are lower-case kebab case: `package = \"{better}\"`"
        )),
        None if is_label(package) => pending.help(format!(
            "add the namespace: `package = \"<namespace>:{package}\"`"
        )),
        None => pending.help(
            "write the package as `namespace:name`, both in lower-case kebab case, e.g. `package = \"my-org:hello\"`",
        ),
    };
}

/// Reads the exact package version.
pub(crate) fn parse_version(
    cx: &mut Cx,
    text: &str,
    path: &P<'_>,
    version: Version,
) -> Option<semver::Version> {
    match semver::Version::parse(text) {
        Ok(parsed) => Some(parsed),
        Err(e) => {
            cx.report(
                &RULE,
                path,
                format!("the package version `{text}` is not an exact semantic version ({e})"),
            )
            .help("write an exact version such as `version = \"1.0.0\"`")
            .note(version.pick(
                "Spin fetches exactly this version; version requirements such as `^1.0` are not accepted here",
                "Spin fetches exactly this version; requirements such as `^1.0` are refused when the application loads",
            ));
            None
        }
    }
}

/// A part of a registry package name: lower-case kebab case.
pub(crate) fn is_label(label: &str) -> bool {
    ids::is_valid(label, Case::Kebab) && !label.bytes().any(|b| b.is_ascii_uppercase())
}
