//! Spin v1 manifest → [`Package`].

use crate::Format;
use crate::package::{
    Capabilities, EntryKind, EntryPoint, EnvGrant, FileGrant, HostGrant, Identity, Module,
    ModuleSource, NamedGrant, NetworkAccess, Origin, Package, VariableGrant,
};
use crate::path::fp;
use crate::spin::{
    ComponentSource, ComponentTrigger, FileMount, HttpExecutor, HttpRoute, Manifest,
};

/// What Spin grants a v1 component that has no `allowed_outbound_hosts`
/// key at all (absent, not empty): these databases on any host.
const V1_IMPLIED_OUTBOUND: [&str; 3] = ["redis", "mysql", "postgres"];

pub(crate) fn package(m: &Manifest) -> Package {
    let identity = Identity {
        name: Some(m.name.clone()),
        version: m.version.clone(),
        semver: m
            .version
            .as_deref()
            .and_then(|v| semver::Version::parse(v).ok()),
        description: m.description.clone(),
        authors: m.authors.clone(),
        ..Identity::default()
    };

    let mut capabilities = Capabilities::new(NetworkAccess::None);
    for (name, variable) in &m.variables {
        capabilities.variables.push(VariableGrant {
            name: name.clone(),
            secret: variable.secret,
            required: variable.required,
            scope: None,
            origin: Origin::at(fp!["variables", name.as_str()]),
        });
    }

    let mut modules = Vec::new();
    let mut entry_points = Vec::new();
    for (i, component) in m.components.iter().enumerate() {
        let scope = Some(component.id.clone());
        modules.push(Module {
            name: component.id.clone(),
            source: match &component.source {
                ComponentSource::Local(path) => ModuleSource::Path {
                    path: path.to_string_lossy().into_owned(),
                },
                ComponentSource::Remote(remote) => ModuleSource::Url {
                    url: remote.url.to_string(),
                },
                ComponentSource::Registry(registry) => ModuleSource::Registry {
                    package: registry.package.clone(),
                    version: registry.version.to_string(),
                    registry: registry.registry.clone(),
                    module: None,
                },
            },
            sha256: match &component.source {
                ComponentSource::Remote(remote) => remote
                    .digest
                    .strip_prefix("sha256:")
                    .map(str::to_ascii_lowercase),
                _ => None,
            },
            origin: Origin::at(fp!["component", i, "source"]),
        });

        let kind = match &component.trigger {
            ComponentTrigger::Http(http) => EntryKind::HttpRoute {
                route: match &http.route {
                    HttpRoute::Path(path) => path.clone(),
                    HttpRoute::Private => "private".to_owned(),
                },
                executor: match &http.executor {
                    None | Some(HttpExecutor::Spin) => "spin",
                    Some(HttpExecutor::Http) => "http",
                    Some(HttpExecutor::Wagi(_)) => "wagi",
                }
                .to_owned(),
            },
            ComponentTrigger::Redis(redis) => EntryKind::RedisChannel {
                channel: redis.channel.clone(),
            },
            ComponentTrigger::Plugin(_) => EntryKind::Trigger {
                trigger_type: m.trigger.trigger_type().to_owned(),
            },
        };
        entry_points.push(EntryPoint {
            name: component.id.clone(),
            module: Some(component.id.clone()),
            kind,
            origin: Origin::at(fp!["component", i]),
        });

        let c = &mut capabilities;
        match &component.allowed_outbound_hosts {
            Some(hosts) => {
                for (j, entry) in hosts.iter().enumerate() {
                    let (scheme, host, port) = split_outbound(entry);
                    c.outbound.push(host_grant(
                        scheme,
                        host,
                        port,
                        &scope,
                        Origin::at(fp!["component", i, "allowed_outbound_hosts", j]),
                    ));
                }
            }
            None => {
                for scheme in V1_IMPLIED_OUTBOUND {
                    c.outbound.push(host_grant(
                        scheme,
                        "*",
                        Some("*"),
                        &scope,
                        Origin::implied(fp!["component", i, "allowed_outbound_hosts"]),
                    ));
                }
            }
        }
        for (j, entry) in component.allowed_http_hosts.iter().enumerate() {
            let origin = || Origin::at(fp!["component", i, "allowed_http_hosts", j]);
            if entry == crate::spin::hosts::ALLOW_ALL {
                // Spin converts it to any host over http and https, and the
                // application itself.
                c.outbound
                    .push(host_grant("http", "*", Some("*"), &scope, origin()));
                c.outbound
                    .push(host_grant("https", "*", Some("*"), &scope, origin()));
                c.outbound
                    .push(host_grant("http", "self", None, &scope, origin()));
                continue;
            }
            let authority = entry
                .split_once("://")
                .map_or(entry.as_str(), |(_, rest)| rest);
            let authority = authority.trim_end_matches('/');
            let (host, port) = match authority.rsplit_once(':') {
                Some((host, port))
                    if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    (host, Some(port))
                }
                _ => (authority, None),
            };
            c.outbound
                .push(host_grant("http", host, port, &scope, origin()));
            c.outbound
                .push(host_grant("https", host, port, &scope, origin()));
        }

        for (j, mount) in component.files.iter().enumerate() {
            let origin = Origin::at(fp!["component", i, "files", j]);
            c.files.push(match mount {
                FileMount::Pattern(pattern) => FileGrant {
                    host: pattern.clone(),
                    // Matched files appear at the same relative path.
                    guest: format!("/{}", pattern.trim_start_matches("./")),
                    read_only: true,
                    glob: true,
                    scope: scope.clone(),
                    origin,
                },
                FileMount::Placement(placement) => FileGrant {
                    host: placement.source.to_string_lossy().into_owned(),
                    guest: placement.destination.clone(),
                    read_only: true,
                    glob: false,
                    scope: scope.clone(),
                    origin,
                },
            });
        }
        for (name, value) in &component.environment {
            c.env.push(EnvGrant {
                name: name.clone(),
                value: value.clone(),
                scope: scope.clone(),
                origin: Origin::at(fp!["component", i, "environment", name.as_str()]),
            });
        }
        let named = |list: &[String], key: &'static str| -> Vec<NamedGrant> {
            list.iter()
                .enumerate()
                .map(|(j, name)| NamedGrant {
                    name: name.clone(),
                    scope: scope.clone(),
                    origin: Origin::at(fp!["component", i, key, j]),
                })
                .collect()
        };
        c.key_value_stores
            .extend(named(&component.key_value_stores, "key_value_stores"));
        c.sqlite_databases
            .extend(named(&component.sqlite_databases, "sqlite_databases"));
        c.ai_models.extend(named(&component.ai_models, "ai_models"));
        for (key, value) in &component.config {
            // A configuration value is as secret as the variables it uses.
            let secret = m
                .variables
                .iter()
                .any(|(name, v)| v.secret && value.contains("{{") && references(value, name));
            c.variables.push(VariableGrant {
                name: key.clone(),
                secret,
                required: false,
                scope: scope.clone(),
                origin: Origin::at(fp!["component", i, "config", key.as_str()]),
            });
        }
    }
    capabilities.summarise_network();

    Package {
        format: Format::Spin,
        identity,
        modules,
        entry_points,
        capabilities,
    }
}

fn host_grant(
    scheme: &str,
    host: &str,
    port: Option<&str>,
    scope: &Option<String>,
    origin: Origin,
) -> HostGrant {
    HostGrant {
        scheme: scheme.to_owned(),
        host: host.to_owned(),
        port: port.map(str::to_owned),
        scope: scope.clone(),
        origin,
    }
}

/// `scheme://host[:port]` (already validated by the reader); templated
/// entries keep their text as the host.
fn split_outbound(entry: &str) -> (&str, &str, Option<&str>) {
    let Some((scheme, rest)) = entry.split_once("://") else {
        return ("*", entry, None);
    };
    let rest = rest.trim_end_matches('/');
    // IPv6 literals and CIDR ranges keep their colons; the port follows the
    // last `:` after any `]`.
    let after_bracket = rest.rfind(']').map_or(0, |i| i + 1);
    match rest[after_bracket..].rfind(':') {
        Some(i) => {
            let at = after_bracket + i;
            (scheme, &rest[..at], Some(&rest[at + 1..]))
        }
        None => (scheme, rest, None),
    }
}

/// Whether a `{{ name }}` template in `value` uses `name`.
fn references(value: &str, name: &str) -> bool {
    value
        .split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}"))
        .any(|(inside, _)| inside.trim() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_outbound_entries() {
        assert_eq!(
            split_outbound("https://api.example.com"),
            ("https", "api.example.com", None)
        );
        assert_eq!(split_outbound("redis://*:*"), ("redis", "*", Some("*")));
        assert_eq!(split_outbound("*://*:*"), ("*", "*", Some("*")));
        assert_eq!(
            split_outbound("mysql://10.0.0.0/8:3306"),
            ("mysql", "10.0.0.0/8", Some("3306"))
        );
        assert_eq!(
            split_outbound("http://[::1]:8080"),
            ("http", "[::1]", Some("8080"))
        );
        assert_eq!(
            split_outbound("https://{{ host }}"),
            ("https", "{{ host }}", None)
        );
    }

    #[test]
    fn finds_template_references() {
        assert!(references("Bearer {{ token }}", "token"));
        assert!(!references("Bearer {{ token2 }}", "token"));
    }
}
