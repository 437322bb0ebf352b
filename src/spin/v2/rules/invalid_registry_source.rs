//! `spin/invalid-registry-source`: a registry package whose `package` is
//! not `namespace:name`, whose `version` is not an exact version, or whose
//! `registry` is not a host.

use crate::codes::Rule;
pub(crate) use crate::spin::v1::rules::invalid_registry_source::RULE;

/// The same rule where the version is not one (the model holds a version).
static UNPARSED: Rule = RULE.shape();
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

/// A part of a package name: lower-case kebab case.
pub(crate) fn is_label(label: &str) -> bool {
    ids::is_valid(label, Case::Kebab) && !label.bytes().any(|b| b.is_ascii_uppercase())
}

/// `namespace:name`, both lower-case kebab labels.
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

/// An exact semantic version.
pub(crate) fn version(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<semver::Version> {
    match semver::Version::parse(text) {
        Ok(version) => Some(version),
        Err(e) => {
            cx.report(
                &UNPARSED,
                path,
                format!("the package version `{text}` is not an exact semantic version ({e})"),
            )
            .help("write an exact version such as `version = \"1.0.0\"`")
            .note("Spin fetches exactly this version; requirements such as `^1.0` are refused when the application loads");
            None
        }
    }
}

/// A `host[:port]` authority, without scheme or path.
pub(crate) fn check_registry(cx: &mut Cx, registry: &str, path: &P<'_>) {
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
        Some(host) => pending.help(format!("write the host alone: `registry = \"{host}\"`")),
        None => pending.help("write the registry's host (and port), e.g. `registry = \"ghcr.io\"`"),
    };
}
