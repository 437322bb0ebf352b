//! Spin v2 manifest → [`Package`]: the application as Spin loads it
//! (generated trigger ids, inline components hoisted), with every grant at
//! the field that wrote it.

use crate::package::{
    Capabilities, EntryKind, EntryPoint, HostGrant, Identity, Module, ModuleSource, NamedGrant,
    NetworkAccess, Origin, Package, VariableGrant,
};
use crate::path::FieldPath;
use crate::spin::grants::{Resources, module};
use crate::spin::hosts::http_host_as_outbound;
use crate::spin::template;
use crate::spin::v2::{ComponentSpec, Dependency, HttpRoute, Manifest, TriggerConfig};
use crate::{Format, spin::v2::Component};

pub(crate) fn package(m: &Manifest) -> Package {
    let app = &m.application;
    let identity = Identity {
        name: Some(app.name.clone()),
        version: app.version.clone(),
        semver: app
            .version
            .as_deref()
            .and_then(|v| semver::Version::parse(v).ok()),
        description: app.description.clone(),
        authors: app.authors.clone(),
        ..Identity::default()
    };
    let mut c = Capabilities::new(NetworkAccess::None);
    for (name, variable) in &m.variables {
        c.variables.push(VariableGrant {
            name: name.clone(),
            secret: variable.secret,
            required: variable.required,
            scope: None,
            origin: Origin::at(FieldPath::root().key("variables").key(name.as_str())),
        });
    }

    // Where each component is written: `[component.<id>]`, or the trigger
    // that defines it inline (named as Spin names it).
    let normal = m.normalized();
    let mut places: Vec<(String, FieldPath, &Component)> = m
        .components
        .iter()
        .map(|(id, component)| {
            (
                id.clone(),
                FieldPath::root().key("component").key(id.as_str()),
                component,
            )
        })
        .collect();
    let mut entry_points = Vec::new();
    for ((kind, list), (_, normal_list)) in m.trigger.iter().zip(&normal.trigger) {
        for (i, (trigger, normal_trigger)) in list.iter().zip(normal_list).enumerate() {
            let at = FieldPath::root().key("trigger").key(kind.as_str()).index(i);
            let component = normal_trigger.component_id().map(str::to_owned);
            if let (Some(ComponentSpec::Inline(inline)), Some(id)) =
                (&trigger.component, &component)
            {
                places.push((id.clone(), at.clone().key("component"), inline));
            }
            let kind_detail = match &trigger.config {
                TriggerConfig::Http(http) => EntryKind::HttpRoute {
                    route: match &http.route {
                        HttpRoute::Path(path) => path.clone(),
                        HttpRoute::Private => "private".to_owned(),
                    },
                    executor: http
                        .executor
                        .as_ref()
                        .map_or("spin", |e| e.name())
                        .to_owned(),
                },
                TriggerConfig::Redis(redis) => EntryKind::RedisChannel {
                    channel: redis.channel.clone(),
                },
                TriggerConfig::Plugin(_) => EntryKind::Trigger {
                    trigger_type: kind.clone(),
                },
            };
            entry_points.push(EntryPoint {
                name: component
                    .clone()
                    .or_else(|| normal_trigger.id.clone())
                    .unwrap_or_default(),
                module: component,
                kind: kind_detail,
                origin: Origin::at(at),
            });
        }
    }

    let mut modules = Vec::new();
    for (id, at, component) in &places {
        modules.push(module(
            id.clone(),
            &component.source,
            at.clone().key("source"),
        ));
        for (name, dependency) in &component.dependencies {
            let dep_at = at.clone().key("dependencies").key(name.as_str());
            let source = match dependency {
                Dependency::Version(req) => Some(ModuleSource::Registry {
                    package: name.split(['@', '/']).next().unwrap_or(name).to_owned(),
                    version: req.to_string(),
                    registry: None,
                    module: None,
                }),
                Dependency::Registry(r) => Some(ModuleSource::Registry {
                    package: r.package.clone().unwrap_or_else(|| {
                        name.split(['@', '/']).next().unwrap_or(name).to_owned()
                    }),
                    version: r.version.to_string(),
                    registry: r.registry.clone(),
                    module: None,
                }),
                Dependency::Local(l) => Some(ModuleSource::Path {
                    path: l.path.to_string_lossy().into_owned(),
                }),
                Dependency::Remote(r) => Some(ModuleSource::Url {
                    url: r.url.to_string(),
                }),
                // The other component's source, listed with it.
                Dependency::Component(_) => None,
            };
            let sha256 = match dependency {
                Dependency::Remote(r) => r.digest.strip_prefix("sha256:").map(str::to_owned),
                _ => None,
            };
            c.dependencies.push(NamedGrant {
                name: name.clone(),
                scope: Some(id.clone()),
                origin: Origin::at(dep_at.clone()),
            });
            if let Some(source) = source {
                modules.push(Module {
                    name: format!("{id}/{name}"),
                    source,
                    sha256,
                    origin: Origin::at(dep_at),
                });
            }
        }
        grants(&mut c, m, id, at, component);
    }
    for ((kind, list), (_, normal_list)) in m.trigger.iter().zip(&normal.trigger) {
        for (i, (trigger, normal_trigger)) in list.iter().zip(normal_list).enumerate() {
            for (role, deps) in &trigger.dependencies {
                for (j, _) in deps.iter().enumerate() {
                    c.dependencies.push(NamedGrant {
                        name: role.clone(),
                        scope: normal_trigger.id.clone(),
                        origin: Origin::at(
                            FieldPath::root()
                                .key("trigger")
                                .key(kind.as_str())
                                .index(i)
                                .key("dependencies")
                                .key(role.as_str())
                                .index(j),
                        ),
                    });
                }
            }
        }
    }
    c.summarise_network();
    Package {
        format: Format::Spin,
        identity,
        modules,
        entry_points,
        capabilities: c,
    }
}

/// `text` with every `{{ name }}` that has a default replaced by it.
fn resolve(m: &Manifest, text: &str) -> String {
    let Ok(expressions) = template::parse(text) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for expression in expressions {
        let Some(default) = m
            .variables
            .get(expression.name)
            .and_then(|v| v.default.as_deref())
        else {
            continue;
        };
        let open = text[..expression.range.start].rfind("{{").unwrap_or(at);
        let close = text[expression.range.end..]
            .find("}}")
            .map_or(text.len(), |i| expression.range.end + i + 2);
        if open < at {
            continue;
        }
        out.push_str(&text[at..open]);
        out.push_str(default);
        at = close;
    }
    out.push_str(&text[at..]);
    out
}

fn grants(c: &mut Capabilities, m: &Manifest, id: &str, at: &FieldPath, component: &Component) {
    let scope = Some(id.to_owned());
    for (j, entry) in component.allowed_outbound_hosts.iter().enumerate() {
        let resolved = resolve(m, entry);
        if matches!(resolved.trim(), "" | "http://" | "https://") {
            continue;
        }
        let (scheme, host, port) = split_outbound(&resolved);
        c.outbound.push(HostGrant {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            port: port.map(str::to_owned),
            scope: scope.clone(),
            origin: Origin::at(at.clone().key("allowed_outbound_hosts").index(j)),
        });
    }
    for (j, entry) in component.allowed_http_hosts.iter().enumerate() {
        for converted in http_host_as_outbound(entry) {
            let (scheme, host, port) = split_outbound(&converted);
            c.outbound.push(HostGrant {
                scheme: scheme.to_owned(),
                host: host.to_owned(),
                port: port.map(str::to_owned),
                scope: scope.clone(),
                origin: Origin::at(at.clone().key("allowed_http_hosts").index(j)),
            });
        }
    }
    Resources {
        files: &component.files,
        environment: &component.environment,
        key_value_stores: &component.key_value_stores,
        sqlite_databases: &component.sqlite_databases,
        ai_models: &component.ai_models,
    }
    .grant(c, at, &scope);
    for (key, value) in &component.variables {
        let secret = template::parse(value).is_ok_and(|expressions| {
            expressions
                .iter()
                .any(|e| m.variables.get(e.name).is_some_and(|v| v.secret))
        });
        c.variables.push(VariableGrant {
            name: key.clone(),
            secret,
            required: false,
            scope: scope.clone(),
            origin: Origin::at(at.clone().key("variables").key(key.as_str())),
        });
    }
}

/// `scheme://host[:port]`; templated entries keep their text as the host.
fn split_outbound(entry: &str) -> (&str, &str, Option<&str>) {
    let entry = entry.trim();
    let Some((scheme, rest)) = entry.split_once("://") else {
        return ("*", entry, None);
    };
    let rest = rest.trim_end_matches('/');
    if rest.contains("{{") {
        return (scheme, rest, None);
    }
    let after_bracket = rest.rfind(']').map_or(0, |i| i + 1);
    match rest[after_bracket..].rfind(':') {
        Some(i) => {
            let at = after_bracket + i;
            (scheme, &rest[..at], Some(&rest[at + 1..]))
        }
        None => (scheme, rest, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_entries() {
        assert_eq!(split_outbound("https://a.com"), ("https", "a.com", None));
        assert_eq!(split_outbound("redis://*:*"), ("redis", "*", Some("*")));
        assert_eq!(
            split_outbound("http://[::1]:80"),
            ("http", "[::1]", Some("80"))
        );
        assert_eq!(split_outbound("http://[::1]"), ("http", "[::1]", None));
    }
}
