//! Flow-Like manifest → [`Package`].

use crate::Format;
use crate::flowlike::Manifest;
use crate::package::{
    Capabilities, EntryKind, EntryPoint, HostGrant, Identity, LimitGrant, Module, ModuleSource,
    NamedGrant, NetworkAccess, OAuthGrant, Origin, Package,
};
use crate::path::fp;
use crate::rules::digest;

pub(crate) fn package(m: &Manifest) -> Package {
    let identity = Identity {
        name: Some(m.id.clone()),
        title: Some(m.name.clone()),
        version: Some(m.version.clone()),
        semver: semver::Version::parse(&m.version).ok(),
        description: Some(m.description.clone()).filter(|d| !d.is_empty()),
        license: m.license.clone(),
        authors: m
            .authors
            .iter()
            .map(|a| match &a.email {
                Some(email) => format!("{} <{email}>", a.name),
                None => a.name.clone(),
            })
            .collect(),
        repository: m.repository.clone(),
        homepage: m.homepage.clone(),
    };

    let modules = m
        .wasm_path
        .iter()
        .map(|path| Module {
            name: m.id.clone(),
            source: ModuleSource::Path { path: path.clone() },
            sha256: m.wasm_hash.as_deref().and_then(|hash| {
                let hex = hash
                    .strip_prefix("sha256:")
                    .unwrap_or(hash)
                    .to_ascii_lowercase();
                digest::is_sha256_hex(&hex).then_some(hex)
            }),
            origin: Origin::at(fp!["wasm_path"]),
        })
        .collect();

    let entry_points = m
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| EntryPoint {
            name: node.id.clone(),
            module: m.wasm_path.as_ref().map(|_| m.id.clone()),
            kind: EntryKind::Node {
                title: node.name.clone(),
                category: node.category.clone(),
            },
            origin: Origin::at(fp!["nodes", i]),
        })
        .collect();

    let permissions = &m.permissions;
    let mut capabilities = Capabilities::new(NetworkAccess::None);
    let network = &permissions.network;
    // Each switch that opens connections, with its schemes: the peers are
    // compared with `allowed_hosts`, and an empty list is no restriction.
    let connections = [
        (network.http_enabled, "http_enabled", &["http", "https"][..]),
        (network.tcp_enabled, "tcp_enabled", &["tcp"][..]),
        (network.udp_enabled, "udp_enabled", &["udp"][..]),
    ];
    for (enabled, key, schemes) in connections {
        if !enabled {
            continue;
        }
        let hosts: Vec<(&str, Origin)> = if network.allowed_hosts.is_empty() {
            vec![("*", Origin::at(fp!["permissions", "network", key]))]
        } else {
            network
                .allowed_hosts
                .iter()
                .enumerate()
                .map(|(i, host)| {
                    let origin = Origin::at(fp!["permissions", "network", "allowed_hosts", i]);
                    (host.as_str(), origin)
                })
                .collect()
        };
        for (host, origin) in hosts {
            for scheme in schemes {
                capabilities.outbound.push(HostGrant {
                    scheme: (*scheme).to_owned(),
                    host: host.to_owned(),
                    port: Some("*".to_owned()),
                    scope: None,
                    origin: origin.clone(),
                });
            }
        }
    }
    capabilities.summarise_network();
    if network.dns_enabled {
        capabilities.name_lookups.push(NamedGrant {
            name: "*".to_owned(),
            scope: None,
            origin: Origin::at(fp!["permissions", "network", "dns_enabled"]),
        });
    }

    capabilities.memory_limit_bytes = Some(LimitGrant {
        value: permissions.memory.bytes(),
        scope: None,
        origin: Origin::at(fp!["permissions", "memory"]),
    });
    capabilities.timeout_ms = Some(LimitGrant {
        value: u64::try_from(permissions.timeout.duration().as_millis()).unwrap_or(u64::MAX),
        scope: None,
        origin: Origin::at(fp!["permissions", "timeout"]),
    });

    let flags = [
        (
            permissions.variables,
            "variables",
            fp!["permissions", "variables"],
        ),
        (permissions.cache, "cache", fp!["permissions", "cache"]),
        (
            permissions.streaming,
            "streaming",
            fp!["permissions", "streaming"],
        ),
        (permissions.a2ui, "a2ui", fp!["permissions", "a2ui"]),
        (permissions.models, "models", fp!["permissions", "models"]),
        (
            network.websocket_enabled,
            "websocket",
            fp!["permissions", "network", "websocket_enabled"],
        ),
        (
            permissions.filesystem.node_storage,
            "node_storage",
            fp!["permissions", "filesystem", "node_storage"],
        ),
        (
            permissions.filesystem.user_storage,
            "user_storage",
            fp!["permissions", "filesystem", "user_storage"],
        ),
        (
            permissions.filesystem.upload_dir,
            "upload_dir",
            fp!["permissions", "filesystem", "upload_dir"],
        ),
        (
            permissions.filesystem.cache_dir,
            "cache_dir",
            fp!["permissions", "filesystem", "cache_dir"],
        ),
    ];
    for (enabled, name, path) in flags {
        if enabled {
            capabilities.flags.push(NamedGrant {
                name: name.to_owned(),
                scope: None,
                origin: Origin::at(path),
            });
        }
    }
    if permissions.models {
        // Access to the model providers the host has configured.
        capabilities.ai_models.push(NamedGrant {
            name: "*".to_owned(),
            scope: None,
            origin: Origin::at(fp!["permissions", "models"]),
        });
    }

    // The nodes that use each provider, found in one pass over the nodes.
    let mut users: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
    for node in &m.nodes {
        for provider in &node.oauth_providers {
            let list = users.entry(provider.as_str()).or_default();
            if list.last() != Some(&node.id) {
                list.push(node.id.clone());
            }
        }
    }
    for (i, scope) in permissions.oauth_scopes.iter().enumerate() {
        capabilities.oauth_scopes.push(OAuthGrant {
            provider: scope.provider.clone(),
            scopes: scope.scopes.clone(),
            required: scope.required,
            reason: scope.reason.clone(),
            used_by: users
                .get(scope.provider.as_str())
                .cloned()
                .unwrap_or_default(),
            origin: Origin::at(fp!["permissions", "oauth_scopes", i]),
        });
    }

    Package {
        format: Format::FlowLike,
        identity,
        modules,
        entry_points,
        capabilities,
    }
}
