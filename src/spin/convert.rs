//! Version 1 → version 2, the way Spin converts every version 1 manifest
//! it loads: application keys move under `[application]`, the application
//! trigger's settings under `[application.trigger.<type>]`, each component
//! gets a `[[trigger.<type>]]` entry (`id = "trigger-<id>"`), `config`
//! becomes `variables`, ids are repaired, `allowed_http_hosts` become
//! `allowed_outbound_hosts`, and a component without
//! `allowed_outbound_hosts` gets the database hosts version 1 granted it
//! implicitly (`redis://*:*`, `mysql://*:*`, `postgres://*:*`).
//!
//! Where Spin would lose something, the conversion is refused instead:
//! components whose ids are equal once repaired (Spin keeps the last one),
//! and anything the version 2 rules refuse. Two things are done better
//! than Spin: a non-root HTTP `base` is folded into every route (Spin 3
//! and later refuse the base; Spin 2 served routes under it), `base = "/"`
//! is dropped (the default), and `http://<old-id>.spin.internal` hosts
//! follow a repaired id.
//!
//! ```
//! use wasm_manifests::spin::{convert, v2};
//!
//! let v1 = r#"# The greeter.
//! spin_manifest_version = "1"
//! name = "hello"
//! version = "1.0.0"
//! trigger = { type = "http", base = "/" }
//!
//! [[component]]
//! id = "hello_world"  # repaired to hello-world
//! source = "hello.wasm"
//! allowed_outbound_hosts = ["https://example.com"]
//! [component.trigger]
//! route = "/hello"
//! "#;
//! let conversion = convert::convert(v1)?;
//! assert!(conversion.text().starts_with("# The greeter.\nspin_manifest_version = 2\n"));
//! assert!(conversion.text().contains("[component.hello-world]"));
//! let app: &v2::Manifest = conversion.manifest();
//! assert_eq!(app.trigger["http"][0].id.as_deref(), Some("trigger-hello-world"));
//! assert!(conversion.changes()[0].contains("hello-world"));
//! # Ok::<(), wasm_manifests::spin::convert::ConvertError>(())
//! ```

mod text;

use std::collections::HashMap;
use std::fmt;

use indexmap::IndexMap;

use super::ids::{self, Case};
use super::{hosts, v2};
use crate::Report;
use crate::spin::{AppTrigger, ComponentTrigger, HttpRoute, Manifest};

pub use text::convert;

/// What version 1 granted a component without `allowed_outbound_hosts`.
pub(crate) const IMPLIED_DATABASE_HOSTS: [&str; 3] =
    ["redis://*:*", "mysql://*:*", "postgres://*:*"];

/// A converted manifest: the version 2 text, its model, and what changed
/// besides the layout.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Conversion {
    text: String,
    manifest: v2::Manifest,
    changes: Vec<String>,
}

impl Conversion {
    /// The version 2 `spin.toml`, with the comments and order of the
    /// original where they map.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The version 2 model of the result.
    pub fn manifest(&self) -> &v2::Manifest {
        &self.manifest
    }

    /// What the conversion changed besides moving keys: repaired ids,
    /// implied hosts written out, a folded `base`, renamed keys.
    pub fn changes(&self) -> &[String] {
        &self.changes
    }

    /// Takes the text.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// Why a manifest was not converted.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ConvertError {
    /// The manifest is already of version 2.
    AlreadyVersion2,
    /// The version 1 manifest has errors (among them ids that are equal
    /// once repaired, which Spin would merge): the report says which.
    Invalid(Report),
    /// The version 1 model cannot be converted without losing something.
    Refused(Vec<String>),
    /// The result would be refused by the version 2 rules (for example a
    /// store label version 1 accepted): the report of the result.
    Unconvertible(Report),
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvertError::AlreadyVersion2 => f.write_str("the manifest is already of version 2"),
            ConvertError::Invalid(report) => write!(
                f,
                "the version 1 manifest has errors; fix them before converting:\n{}",
                report.render().trim_end()
            ),
            ConvertError::Refused(problems) => write!(
                f,
                "the manifest cannot be converted without losing part of it: {}",
                problems.join("; ")
            ),
            ConvertError::Unconvertible(report) => write!(
                f,
                "version 2 would refuse the converted manifest; fix the version 1 manifest first:\n{}",
                report.render().trim_end()
            ),
        }
    }
}

impl std::error::Error for ConvertError {}

/// Spin 2.x's combination of a `base` and a route: each with a leading
/// `/` and without one trailing `/`, joined.
pub(crate) fn fold_base(base: &str, route: &str) -> String {
    let part = |s: &str| {
        let s = if s.starts_with('/') {
            s.to_owned()
        } else {
            format!("/{s}")
        };
        s.strip_suffix('/').map(str::to_owned).unwrap_or(s)
    };
    let joined = format!("{}{}", part(base), part(route));
    if joined.is_empty() {
        "/".to_owned()
    } else {
        joined
    }
}

/// The non-root `base` of an HTTP application, if any.
pub(crate) fn folded_base(manifest: &Manifest) -> Option<&str> {
    match &manifest.trigger {
        AppTrigger::Http(http) => http.base.as_deref().filter(|b| *b != "/"),
        _ => None,
    }
}

/// `allowed_outbound_hosts` of the converted component: the explicit
/// entries (or version 1's implied database hosts when the key is absent),
/// then the converted `allowed_http_hosts`; service chaining hosts follow
/// repaired ids.
pub(crate) fn outbound_hosts(
    component: &crate::spin::Component,
    renamed: &HashMap<String, String>,
) -> Vec<String> {
    let mut out: Vec<String> = match &component.allowed_outbound_hosts {
        Some(list) => list.clone(),
        None => IMPLIED_DATABASE_HOSTS
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
    };
    out.extend(
        component
            .allowed_http_hosts
            .iter()
            .flat_map(|h| hosts::http_host_as_outbound(h)),
    );
    for entry in &mut out {
        for (old, new) in renamed {
            let from = format!("://{old}.spin.internal");
            if entry.contains(&from) {
                *entry = entry.replace(&from, &format!("://{new}.spin.internal"));
            }
        }
    }
    out
}

/// Each component's id once repaired, and the problems that stop the
/// conversion (invalid or colliding ids, names version 2 refuses).
fn repaired_ids(manifest: &Manifest) -> (Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    for name in manifest.variables.keys() {
        if let Some(reason) = ids::problem(name, Case::LowerSnake) {
            problems.push(format!("variable name `{name}`: {reason}"));
        }
    }
    let mut first: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::with_capacity(manifest.components.len());
    for component in &manifest.components {
        let id = ids::normalize_component_id(&component.id);
        if let Some(reason) = ids::problem(&id, Case::Kebab) {
            problems.push(format!("component id `{}`: {reason}", component.id));
        }
        match first.get(&id) {
            Some(earlier) => problems.push(format!(
                "components `{earlier}` and `{}` both become `{id}`, and Spin would keep only the last",
                component.id
            )),
            None => {
                first.insert(id.clone(), &component.id);
            }
        }
        for key in component.config.keys() {
            if let Some(reason) = ids::problem(key, Case::LowerSnake) {
                problems.push(format!(
                    "config key `{key}` of `{}`: {reason}",
                    component.id
                ));
            }
        }
        out.push(id);
    }
    (out, problems)
}

impl Manifest {
    /// The version 2 form of this manifest, as Spin builds it from a
    /// version 1 file (see [`crate::spin::convert`] for what is done
    /// differently: ids that collide once repaired are refused, a non-root
    /// `base` is folded into the routes).
    ///
    /// ```
    /// use wasm_manifests::spin::Manifest;
    ///
    /// let v1: Manifest = r#"
    /// spin_manifest_version = "1"
    /// name = "hello"
    /// version = "1.0.0"
    /// trigger = { type = "http", base = "/" }
    /// [[component]]
    /// id = "hello"
    /// source = "hello.wasm"
    /// [component.trigger]
    /// route = "/hello"
    /// "#.parse()?;
    /// let v2 = v1.to_v2()?;
    /// let hello = v2.component("hello").unwrap();
    /// // Version 1 let the component reach any Redis, MySQL and PostgreSQL host.
    /// assert_eq!(hello.allowed_outbound_hosts, ["redis://*:*", "mysql://*:*", "postgres://*:*"]);
    /// assert_eq!(v2.trigger["http"][0].id.as_deref(), Some("trigger-hello"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_v2(&self) -> Result<v2::Manifest, ConvertError> {
        let (repaired, problems) = repaired_ids(self);
        if !problems.is_empty() {
            return Err(ConvertError::Refused(problems));
        }
        let renamed: HashMap<String, String> = self
            .components
            .iter()
            .zip(&repaired)
            .filter(|(c, id)| c.id != **id)
            .map(|(c, id)| (c.id.clone(), id.clone()))
            .collect();
        let kind = self.trigger.trigger_type().to_owned();
        // The HTTP settings hold only `base`, which is folded into the
        // routes (or dropped when it is `/`); empty settings are left out.
        let settings = match &self.trigger {
            AppTrigger::Http(_) => None,
            AppTrigger::Redis(redis) => Some(v2::AppTriggerSettings::Redis(v2::RedisAppSettings {
                address: redis.address.clone(),
            })),
            AppTrigger::Plugin(plugin) if plugin.settings.is_empty() => None,
            AppTrigger::Plugin(plugin) => {
                Some(v2::AppTriggerSettings::Plugin(plugin.settings.clone()))
            }
        };
        let base = folded_base(self);
        let mut triggers = Vec::with_capacity(self.components.len());
        let mut components = IndexMap::with_capacity(self.components.len());
        for (component, id) in self.components.iter().zip(&repaired) {
            let config = match &component.trigger {
                ComponentTrigger::Http(http) => v2::TriggerConfig::Http(v2::HttpTrigger {
                    route: match &http.route {
                        HttpRoute::Path(route) => HttpRoute::Path(match base {
                            Some(base) => fold_base(base, route),
                            None => route.clone(),
                        }),
                        HttpRoute::Private => HttpRoute::Private,
                    },
                    executor: http.executor.clone(),
                    static_response: None,
                }),
                ComponentTrigger::Redis(redis) => v2::TriggerConfig::Redis(v2::RedisTrigger {
                    channel: redis.channel.clone(),
                    address: redis.address.clone(),
                }),
                ComponentTrigger::Plugin(table) => {
                    let mut table = table.clone();
                    table.remove("component");
                    v2::TriggerConfig::Plugin(table)
                }
            };
            triggers.push(v2::Trigger {
                id: Some(format!("trigger-{id}")),
                component: Some(v2::ComponentSpec::Reference(id.clone())),
                dependencies: IndexMap::new(),
                config,
            });
            let mut converted = v2::Component::new(component.source.clone());
            converted.description = component.description.clone();
            converted.variables = component.config.clone();
            converted.environment = component.environment.clone();
            converted.files = component.files.clone();
            converted.exclude_files = component.exclude_files.clone();
            converted.allowed_outbound_hosts = outbound_hosts(component, &renamed);
            converted.key_value_stores = component.key_value_stores.clone();
            converted.sqlite_databases = component.sqlite_databases.clone();
            converted.ai_models = component.ai_models.clone();
            converted.build = component.build.clone();
            components.insert(id.clone(), converted);
        }
        let mut trigger = IndexMap::new();
        if !triggers.is_empty() {
            trigger.insert(kind.clone(), triggers);
        }
        let mut app_trigger = IndexMap::new();
        if let Some(settings) = settings {
            app_trigger.insert(kind, settings);
        }
        Ok(v2::Manifest {
            spin_manifest_version: v2::ManifestVersion::V2,
            application: v2::Application {
                name: self.name.clone(),
                version: self.version.clone(),
                description: self.description.clone(),
                authors: self.authors.clone(),
                targets: Vec::new(),
                trigger: app_trigger,
                tool: IndexMap::new(),
            },
            variables: self.variables.clone(),
            trigger,
            components,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_bases_like_spin_2() {
        assert_eq!(fold_base("/api", "/users"), "/api/users");
        assert_eq!(fold_base("api/", "/..."), "/api/...");
        assert_eq!(fold_base("/api", "/"), "/api");
        assert_eq!(fold_base("/", "/"), "/");
        assert_eq!(fold_base("/a", "b/"), "/a/b");
    }
}
