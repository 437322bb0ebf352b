//! `spin/invalid-source`: a `source` that is an empty path, or a table of
//! neither known form. Reading a source also runs the checks of its parts
//! (URL, digest, registry package), in both versions.

use crate::codes::{Category, Rule};
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;
use crate::source::{Node, Value};

use super::{Version, invalid_digest, invalid_registry_source, invalid_source_url};

pub(crate) static RULE: Rule = Rule::error("spin/invalid-source")
    .category(Category::Correctness)
    .shape()
    .doc(
        "A `source` that is an empty path, or a table that is neither `{ url, digest }` nor `{ package, version }`.",
        "Spin accepts a path string, a download `{ url, digest }` or a registry package `{ registry?, package, version }`, and refuses anything else without saying which form was meant (\"data did not match any variant of untagged enum ComponentSource\"). An empty path names the application directory itself, which is not a module.",
        "[[component]]\nid = \"hello\"\nsource = { path = \"hello.wasm\" }",
        "Write a path string (`source = \"hello.wasm\"`), `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"ns:name\", version = \"1.0.0\" }`.",
    );

/// A component `source` as written, before it is put in a version's model.
#[derive(Debug)]
pub(crate) enum Source<'n> {
    /// A path string.
    Local(&'n str),
    /// `{ url, digest }`.
    Remote { url: url::Url, digest: &'n str },
    /// `{ registry?, package, version }`.
    Registry {
        registry: Option<&'n str>,
        package: &'n str,
        version: semver::Version,
    },
}

impl From<Source<'_>> for crate::spin::model::ComponentSource {
    fn from(source: Source<'_>) -> Self {
        use crate::spin::model::{RegistrySource, RemoteSource};
        match source {
            Source::Local(s) => Self::Local(s.into()),
            Source::Remote { url, digest } => Self::Remote(RemoteSource {
                url,
                digest: digest.to_owned(),
            }),
            Source::Registry {
                registry,
                package,
                version,
            } => Self::Registry(RegistrySource {
                registry: registry.map(str::to_owned),
                package: package.to_owned(),
                version,
            }),
        }
    }
}

/// Reads a `source`: a path string, `{ url, digest }` or
/// `{ registry?, package, version }`. An empty path is reported; version 1
/// then has no source, version 2 keeps the empty path.
pub(crate) fn read<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    version: Version,
) -> Option<Source<'n>> {
    match &node.value {
        Value::String(s) => {
            // Version 1 also reports a path of spaces alone.
            let empty = version.pick(s.trim().is_empty(), s.is_empty());
            if empty {
                report_empty(cx, &path, version);
                if version == Version::V1 {
                    return None;
                }
            }
            Some(Source::Local(s))
        }
        Value::Table(_) => {
            let mut t = cx.expect_table(node, path)?;
            // `url` decides; a stray `digest` next to `package` is
            // reported as out of place in a registry source.
            let remote =
                t.has("url") || (t.has("digest") && !t.has("package") && !t.has("registry"));
            let registry = t.has("package") || t.has("version") || t.has("registry");
            if remote {
                read_remote(cx, t, path, version)
            } else if registry {
                read_registry(cx, t, path, version)
            } else {
                report_table(cx, &mut t, &path, version);
                None
            }
        }
        _ => {
            cx.wrong_type(node, &path, "a path string or a table")
                .help("write a path (`source = \"app.wasm\"`), `{ url, digest }` or `{ package, version }`");
            None
        }
    }
}

/// Reports an empty path.
fn report_empty(cx: &mut Cx, path: &P<'_>, version: Version) {
    match version {
        Version::V1 => cx.report(&RULE, path, "the `source` path is empty")
            .help("write the path of the module, relative to the manifest: `source = \"target/wasm32-wasip1/release/app.wasm\"`"),
        Version::V2 => cx.report(&RULE, path, "the source path is empty")
            .help("give the path of the `.wasm` file, relative to the manifest"),
    };
}

/// Reports a source table that has neither `url` nor `package`.
fn report_table(cx: &mut Cx, t: &mut Table<'_, '_, '_>, path: &P<'_>, version: Version) {
    let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
    let message = if found.is_empty() {
        "the `source` table is empty".to_owned()
    } else {
        format!(
            "the `source` table has neither `url` nor `package` (found {})",
            suggest::list_all(&found)
        )
    };
    let local = t.get("path").and_then(Node::as_str);
    let pending = cx.report(&RULE, path, message);
    match local {
        Some(local) => {
            pending.help(format!("a local file is written as a string: `source = {local:?}`"))
        }
        None => pending.help(version.pick(
            "write a path string, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"namespace:name\", version = \"1.0.0\" }`",
            "write a path string, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ registry = \"ghcr.io\", package = \"namespace:name\", version = \"1.0.0\" }`",
        )),
    };
}

fn read_remote<'n>(
    cx: &mut Cx,
    mut t: Table<'n, '_, '_>,
    path: P<'_>,
    version: Version,
) -> Option<Source<'n>> {
    let url = t.required_str(cx, "url");
    let digest = t.required_str(cx, "digest");
    let url = url.and_then(|text| invalid_source_url::parse(cx, text, &path.key("url"), version));
    if let Some(digest) = digest {
        invalid_digest::check(cx, digest, &path.key("digest"), version);
    }
    t.finish_with(cx, Error, &["url", "digest"], |key| match key {
        "package" | "version" | "registry" => Some(format!(
            "`{key}` belongs to a registry source{}; a source is either `{{ url, digest }}` or a registry package, not both",
            version.pick(" `{ package, version }`", "")
        )),
        "sha256" if version == Version::V2 => {
            Some("the digest is written `digest = \"sha256:...\"`".to_owned())
        }
        _ => None,
    });
    Some(Source::Remote {
        url: url?,
        digest: digest?,
    })
}

fn read_registry<'n>(
    cx: &mut Cx,
    mut t: Table<'n, '_, '_>,
    path: P<'_>,
    version: Version,
) -> Option<Source<'n>> {
    let registry = t.str(cx, "registry");
    let package = t.required_str(cx, "package");
    let exact = t.required_str(cx, "version");
    if let Some(registry) = registry {
        invalid_registry_source::check_registry(cx, registry, &path.key("registry"), version);
    }
    if let Some(package) = package {
        invalid_registry_source::check_package(cx, package, &path.key("package"));
    }
    let exact = exact.and_then(|text| {
        invalid_registry_source::parse_version(cx, text, &path.key("version"), version)
    });
    t.finish_with(cx, Error, &["registry", "package", "version"], |key| match key {
        "url" | "digest" => Some(format!(
            "`{key}` belongs to a download source `{{ url, digest }}`; a source is either a registry package or {}, not both",
            version.pick("`{ url, digest }`", "a download")
        )),
        _ => None,
    });
    Some(Source::Registry {
        registry,
        package: package?,
        version: exact?,
    })
}
