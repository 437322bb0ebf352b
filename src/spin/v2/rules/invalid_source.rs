//! `spin/invalid-source`: a `source` table that is none of Spin's forms.
//! Reading a source also runs the checks of its parts (URL, digest,
//! registry package).

use std::path::PathBuf;

use crate::codes::Rule;
pub(crate) use crate::spin::v1::rules::invalid_source::RULE;

/// The same rule where the source cannot be read at all.
static UNREADABLE: Rule = RULE.shape();
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::suggest;
use crate::source::{Node, Value};
use crate::spin::v2::{ComponentSource, RegistrySource, RemoteSource};

use super::{insecure_source_url, invalid_digest, invalid_registry_source, invalid_source_url};

/// Reads a `source`: a path string, `{ url, digest }` or
/// `{ registry?, package, version }`.
pub(crate) fn read(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<ComponentSource> {
    match &node.value {
        Value::String(s) => {
            if s.is_empty() {
                cx.report(&RULE, &path, "the source path is empty")
                    .help("give the path of the `.wasm` file, relative to the manifest");
            }
            Some(ComponentSource::Local(PathBuf::from(s.as_ref())))
        }
        Value::Table(_) => {
            let t = cx.expect_table(node, path)?;
            let remote =
                t.has("url") || (t.has("digest") && !t.has("package") && !t.has("registry"));
            let registry = t.has("package") || t.has("version") || t.has("registry");
            if remote {
                read_remote(cx, t, path)
            } else if registry {
                read_registry(cx, t, path)
            } else {
                let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
                let message = if found.is_empty() {
                    "the `source` table is empty".to_owned()
                } else {
                    format!(
                        "the `source` table has neither `url` nor `package` (found {})",
                        suggest::list_all(&found)
                    )
                };
                let mut t = t;
                let local = t.get("path").and_then(Node::as_str).map(str::to_owned);
                let pending = cx.report(&UNREADABLE, &path, message);
                match local {
                    Some(local) => pending.help(format!(
                        "a local file is written as a string: `source = {local:?}`"
                    )),
                    None => pending.help("write a path string, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ registry = \"ghcr.io\", package = \"namespace:name\", version = \"1.0.0\" }`"),
                };
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

fn read_remote(cx: &mut Cx, mut t: Table<'_, '_, '_>, path: P<'_>) -> Option<ComponentSource> {
    let url = t.required_str(cx, "url");
    let digest = t.required_str(cx, "digest");
    let url = url.and_then(|text| check_url(cx, text, &path.key("url")));
    if let Some(digest) = digest {
        check_digest(cx, digest, &path.key("digest"));
    }
    t.finish_with(cx, Error, &["url", "digest"], |key| match key {
        "package" | "version" | "registry" => Some(format!(
            "`{key}` belongs to a registry source; a source is either `{{ url, digest }}` or a registry package, not both"
        )),
        "sha256" => Some("the digest is written `digest = \"sha256:...\"`".to_owned()),
        _ => None,
    });
    Some(ComponentSource::Remote(RemoteSource {
        url: url?,
        digest: digest?.to_owned(),
    }))
}

fn read_registry(cx: &mut Cx, mut t: Table<'_, '_, '_>, path: P<'_>) -> Option<ComponentSource> {
    let registry = t.str(cx, "registry");
    let package = t.required_str(cx, "package");
    let version = t.required_str(cx, "version");
    if let Some(registry) = registry {
        check_registry(cx, registry, &path.key("registry"));
    }
    if let Some(package) = package {
        invalid_registry_source::check_package(cx, package, &path.key("package"));
    }
    let version =
        version.and_then(|v| invalid_registry_source::version(cx, v, &path.key("version")));
    t.finish_with(cx, Error, &["registry", "package", "version"], |key| match key {
        "url" | "digest" => Some(format!(
            "`{key}` belongs to a download source `{{ url, digest }}`; a source is either a registry package or a download, not both"
        )),
        _ => None,
    });
    Some(ComponentSource::Registry(RegistrySource {
        registry: registry.map(str::to_owned),
        package: package?.to_owned(),
        version: version?,
    }))
}

/// A download URL: valid, http(s), preferably https.
pub(crate) fn check_url(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<url::Url> {
    let url = invalid_source_url::check(cx, text, path)?;
    if url.scheme() == "http" {
        insecure_source_url::report(cx, text, path);
    }
    Some(url)
}

/// A `sha256:<hex>` digest.
pub(crate) fn check_digest(cx: &mut Cx, text: &str, path: &P<'_>) {
    invalid_digest::check(cx, text, path);
}

/// A registry: a `host[:port]` authority.
pub(crate) fn check_registry(cx: &mut Cx, registry: &str, path: &P<'_>) {
    invalid_registry_source::check_registry(cx, registry, path);
}
