//! The keys of every table of the format, and the help for a key that is
//! unknown where it is written (it belongs to another table, or only other
//! Flow-Like versions read it).

use crate::rules::suggest;

pub(crate) const ROOT_KEYS: &[&str] = &[
    "manifest_version",
    "id",
    "name",
    "version",
    "description",
    "authors",
    "license",
    "repository",
    "homepage",
    "keywords",
    "primary_category",
    "secondary_category",
    "min_flow_like_version",
    "wasm_path",
    "wasm_hash",
    "metadata",
    "permissions",
    "nodes",
];
pub(crate) const AUTHOR_KEYS: &[&str] = &["name", "email", "url"];
pub(crate) const PERMISSION_KEYS: &[&str] = &[
    "memory",
    "timeout",
    "variables",
    "cache",
    "streaming",
    "a2ui",
    "models",
    "network",
    "filesystem",
    "oauth_scopes",
];
pub(crate) const NETWORK_KEYS: &[&str] = &[
    "http_enabled",
    "allowed_hosts",
    "websocket_enabled",
    "tcp_enabled",
    "udp_enabled",
    "dns_enabled",
];
pub(crate) const FILESYSTEM_KEYS: &[&str] =
    &["node_storage", "user_storage", "upload_dir", "cache_dir"];
pub(crate) const OAUTH_KEYS: &[&str] = &["provider", "scopes", "reason", "required"];
pub(crate) const NODE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "category",
    "icon",
    "oauth_providers",
    "metadata",
];

/// Keys that some of the Flow-Like versions that read `[[nodes]]` know in
/// a node, besides those of the format documentation.
pub(crate) const LATER_NODE_KEYS: &[&str] = &[
    "friendly_name",
    "scores",
    "pins",
    "start",
    "long_running",
    "docs",
    "event_callback",
    "fn_refs",
    "required_oauth_scopes",
    "only_offline",
    "version",
    "permissions",
];

/// Every table of the format with its keys, to tell where a misplaced key
/// belongs.
pub(crate) const TABLES: &[(&str, &[&str])] = &[
    ("the top level", ROOT_KEYS),
    ("`[[authors]]`", AUTHOR_KEYS),
    ("`[permissions]`", PERMISSION_KEYS),
    ("`[permissions.network]`", NETWORK_KEYS),
    ("`[permissions.filesystem]`", FILESYSTEM_KEYS),
    ("`[[permissions.oauth_scopes]]`", OAUTH_KEYS),
    ("`[[nodes]]`", NODE_KEYS),
];

/// The help for an unknown key: keys that belong to another table. `None`
/// falls back to the usual "did you mean".
pub(crate) fn elsewhere(key: &str, own: &[&str], here: &str) -> Option<String> {
    if suggest::closest(key, own).is_some() {
        return None;
    }
    let (best, table) = TABLES
        .iter()
        .filter(|(name, _)| *name != here)
        .find_map(|(name, keys)| suggest::closest(key, keys).map(|best| (best, *name)))?;
    Some(if best == key {
        format!("`{key}` belongs in {table}: move it there")
    } else if suggest::is_camel_case(key) && best.contains('_') {
        format!(
            "keys are snake_case in this format, and `{best}` belongs in {table}: rename `{key}` and move it there"
        )
    } else {
        format!("did you mean `{best}`? It belongs in {table}")
    })
}

/// The help for a node key that only some Flow-Like versions read.
pub(crate) fn later_node_key(key: &str) -> Option<String> {
    LATER_NODE_KEYS.contains(&key).then(|| {
        format!(
            "`{key}` is read only by some of the Flow-Like versions that read `[[nodes]]`; current versions take the nodes from the WASM module, so keep it only if the package targets those versions"
        )
    })
}
