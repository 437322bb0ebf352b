//! Spin v1 manifest → [`Package`].

use crate::Format;
use crate::package::{
    Capabilities, EntryKind, EntryPoint, HostGrant, Identity, NetworkAccess, Origin, Package,
    VariableGrant,
};
use crate::path::fp;
use crate::spin::grants::{Resources, module};
use crate::spin::{ComponentTrigger, HttpExecutor, HttpRoute, Manifest};

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
        modules.push(module(
            component.id.clone(),
            &component.source,
            fp!["component", i, "source"],
        ));

        let kind = match &component.trigger {
            ComponentTrigger::Http(http) => EntryKind::HttpRoute {
                route: match &http.route {
                    HttpRoute::Path(path) => path.clone(),
                    HttpRoute::Private => "private".to_owned(),
                },
                executor: http
                    .executor
                    .as_ref()
                    .map_or("spin", HttpExecutor::name)
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

        Resources {
            files: &component.files,
            environment: &component.environment,
            key_value_stores: &component.key_value_stores,
            sqlite_databases: &component.sqlite_databases,
            ai_models: &component.ai_models,
        }
        .grant(c, &fp!["component", i], &scope);
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
