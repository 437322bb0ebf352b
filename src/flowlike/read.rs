//! The reader: a Flow-Like document tree → the typed [`Manifest`], shape
//! only (tables, keys, types, missing and unknown keys), calling the value
//! checks of the rules where it meets a value. Checks across entries are in
//! [`super::rules::run`].

use super::rules::{
    Found, allowed_hosts_ignored, allows_all_hosts, empty_category_segment, empty_description,
    empty_oauth_reason, empty_oauth_scopes, empty_required_field, id_not_reverse_domain,
    invalid_email, invalid_host_pattern, invalid_icon, invalid_id_character,
    invalid_manifest_version, invalid_wasm_hash, non_semver_version, unknown_category,
    unknown_memory_tier, unknown_timeout_tier,
};
use super::{
    Author, FilesystemPermissions, Manifest, MemoryTier, NetworkPermissions, NodeEntry, OAuthScope,
    Permissions, TimeoutTier,
};
use crate::codes::{INVALID_LICENSE, INVALID_URL, MISSING_KEY};
use crate::diagnostic::Severity::Warning;
use crate::path::{P, Segment};
use crate::read::{Cx, Table};
use crate::rules::{license, suggest, urls};
use crate::source::{Node, Syntax, Target, Value};

use super::keys::{
    AUTHOR_KEYS, FILESYSTEM_KEYS, NETWORK_KEYS, NODE_KEYS, OAUTH_KEYS, PERMISSION_KEYS, ROOT_KEYS,
    TABLES, elsewhere, later_node_key,
};

const ID_EXAMPLE: &str = "\"com.example.my-package\"";

/// Reads a Flow-Like document, reporting every problem of shape and value
/// into `cx`; `None` when the manifest cannot be built.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;

    let manifest_version = required(cx, &mut top, "manifest_version", "1")
        .and_then(|n| invalid_manifest_version::parse(cx, n, &p.key("manifest_version")));
    let id = required_str(cx, &mut top, "id", ID_EXAMPLE);
    if let Some(id) = id {
        let path = p.key("id");
        if !empty_required_field::check(cx, id, &path, "id", ID_EXAMPLE)
            && invalid_id_character::check(cx, id, &path)
        {
            id_not_reverse_domain::check(cx, id, &path);
        }
    }
    let name = required_str(cx, &mut top, "name", "\"My Package\"");
    if let Some(name) = name {
        empty_required_field::check(cx, name, &p.key("name"), "name", "\"My Package\"");
    }
    let version = required_str(cx, &mut top, "version", "\"0.1.0\"");
    if let Some(version) = version {
        let path = p.key("version");
        if !empty_required_field::check(cx, version, &path, "version", "\"0.1.0\"") {
            non_semver_version::check(cx, version, &path);
        }
    }
    let description = required_str(cx, &mut top, "description", "\"What the nodes do\"");
    if let Some(description) = description {
        empty_description::check(cx, description, &p.key("description"));
    }

    let authors = top
        .get("authors")
        .and_then(|n| cx.expect_array_of_tables(n, &p.key("authors"), "authors"))
        .map(|items| {
            let path = p.key("authors");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| read_author(cx, item, path.index(i)))
                .collect()
        })
        .unwrap_or_default();

    let license = opt_str(cx, &mut top, "license");
    if let Some(text) = license
        && let Err(reason) = license::check_spdx(text)
    {
        cx.report(
            &INVALID_LICENSE,
            &p.key("license"),
            format!("`{text}` is not a valid SPDX license expression ({reason})"),
        )
        .help("use an SPDX expression such as `MIT` or `MIT OR Apache-2.0`, or `LicenseRef-<name>` for a custom license");
    }
    let repository = read_url(cx, &mut top, "repository");
    let homepage = read_url(cx, &mut top, "homepage");
    let keywords = string_list(cx, &mut top, "keywords").unwrap_or_default();
    let mut categories_ok = true;
    let mut category = |cx: &mut Cx, top: &mut Table<'_, '_, '_>, key: &'static str| {
        let node = top.get(key).filter(|n| !matches!(n.value, Value::Null))?;
        let category = unknown_category::parse(cx, node, &p.key(key), key);
        categories_ok &= category.is_some();
        category
    };
    let primary_category = category(cx, &mut top, "primary_category");
    let secondary_category = category(cx, &mut top, "secondary_category");
    let min_flow_like_version = opt_str(cx, &mut top, "min_flow_like_version");
    if let Some(text) = min_flow_like_version {
        non_semver_version::check(cx, text, &p.key("min_flow_like_version"));
    }
    let wasm_path = opt_str(cx, &mut top, "wasm_path");
    let wasm_hash = opt_str(cx, &mut top, "wasm_hash");
    if let Some(hash) = wasm_hash {
        invalid_wasm_hash::check(cx, hash, &p.key("wasm_hash"));
    }
    let metadata = top
        .get("metadata")
        .and_then(|n| read_free_table(cx, n, p.key("metadata"), "metadata"))
        .unwrap_or_default();
    let permissions = match top.get("permissions") {
        Some(node) => read_permissions(cx, node, p.key("permissions")),
        None => Some(Permissions::default()),
    };
    let nodes = match top.get("nodes") {
        Some(node) => read_nodes(cx, node, &p.key("nodes")),
        None => Some(Vec::new()),
    };

    top.finish_with(cx, Warning, ROOT_KEYS, |key| {
        elsewhere(key, ROOT_KEYS, "the top level")
    });
    if !categories_ok {
        return None;
    }

    Some(Manifest {
        manifest_version: manifest_version?,
        id: id?.to_owned(),
        name: name?.to_owned(),
        version: version?.to_owned(),
        description: description?.to_owned(),
        authors,
        license: license.map(str::to_owned),
        repository,
        homepage,
        keywords,
        primary_category,
        secondary_category,
        min_flow_like_version: min_flow_like_version.map(str::to_owned),
        wasm_path: wasm_path.map(str::to_owned),
        wasm_hash: wasm_hash.map(str::to_owned),
        metadata,
        permissions: permissions?,
        nodes: nodes?,
    })
}

/// A required key; reports `missing-key` with the line to add. A misspelt
/// key (`descripton`, `manifestVersion`) is the likely cause: it is pointed
/// at, and reported here rather than again as unknown.
fn required<'n, 'a>(
    cx: &mut Cx,
    t: &mut Table<'n, 'a, '_>,
    key: &'static str,
    example: &str,
) -> Option<&'n Node<'a>> {
    let found = t.get(key);
    if found.is_some() {
        return found;
    }
    let at = t.path;
    let table = at.to_path();
    let (message, help) = match (table.is_root(), cx.syntax) {
        (true, Syntax::Toml) => (
            format!("missing required key `{key}`"),
            format!("add `{key} = {example}` at the top of the file, before any `[table]`"),
        ),
        (true, Syntax::Json) => (
            format!("missing required key `{key}`"),
            format!("add `\"{key}\": {example}` to the top-level object"),
        ),
        (false, Syntax::Toml) => (
            format!("missing required key `{key}` in `{table}`"),
            format!("add `{key} = {example}` to this entry"),
        ),
        (false, Syntax::Json) => (
            format!("missing required key `{key}` in `{table}`"),
            format!("add `\"{key}\": {example}` to this object"),
        ),
    };
    let near = t
        .entries
        .iter()
        .map(|e| e.key.as_ref())
        .filter(|k| !TABLES.iter().any(|(_, keys)| keys.contains(k)))
        .find(|k| suggest::closest(k, &[key]).is_some());
    if let Some(near) = near {
        t.get(near);
    }
    let pending = cx.report(&MISSING_KEY, &at.key(key), message);
    match near {
        Some(near) => pending
            .at(&at.key(near), Target::Key)
            .help(format!("rename `{near}` to `{key}`"))
            .note(format!("Flow-Like does not know `{near}` and ignores it")),
        None if matches!(table.segments().first(), Some(Segment::Key(k)) if k == "nodes") => {
            pending.at(&at, Target::Value).help(help).note(
                "Flow-Like versions that read `[[nodes]]` refuse the manifest without it; current versions ignore `[[nodes]]`",
            )
        }
        None => pending.at(&at, Target::Value).help(help),
    };
    None
}

/// A required string; a number gets a help that quotes it.
fn required_str<'n>(
    cx: &mut Cx,
    t: &mut Table<'n, '_, '_>,
    key: &'static str,
    example: &str,
) -> Option<&'n str> {
    let node = required(cx, t, key, example)?;
    if let Value::Integer(_) | Value::Float(_) = node.value {
        cx.wrong_type(node, &t.path.key(key), "a string")
            .help(format!(
                "write the value in double quotes, e.g. `{key} = {example}`"
            ));
        return None;
    }
    cx.expect_str(node, &t.path.key(key))
}

/// A list of strings; a single string gets a help that wraps it in brackets.
fn string_list(cx: &mut Cx, t: &mut Table<'_, '_, '_>, key: &'static str) -> Option<Vec<String>> {
    let node = t.get(key)?;
    let path = t.path.key(key);
    if let Value::String(s) = &node.value {
        cx.wrong_type(node, &path, "an array of strings")
            .help(format!(
                "write a list, even for one entry: `{key} = [{s:?}]`"
            ));
        return None;
    }
    cx.string_list(node, &path)
}

fn read_url(cx: &mut Cx, t: &mut Table<'_, '_, '_>, key: &'static str) -> Option<String> {
    let text = opt_str(cx, t, key)?;
    if let Err(reason) = urls::check_http_url(text) {
        let with_scheme = format!("https://{}", text.trim());
        let help = if !text.contains("://")
            && text.contains('.')
            && urls::check_http_url(&with_scheme).is_ok()
        {
            format!("add the scheme: `{key} = {with_scheme:?}`")
        } else if key == "repository" {
            "write an absolute URL such as `https://github.com/owner/repo`".to_owned()
        } else {
            format!("write an absolute URL such as `{key} = \"https://example.com\"`")
        };
        cx.report(&INVALID_URL, &t.path.key(key), reason).help(help);
    }
    Some(text.to_owned())
}

/// An optional string. JSON `null` is the same as no key: Flow-Like reads
/// these fields as options.
fn opt_str<'n>(cx: &mut Cx, t: &mut Table<'n, '_, '_>, key: &'static str) -> Option<&'n str> {
    if t.get(key).is_some_and(|n| matches!(n.value, Value::Null)) {
        return None;
    }
    t.str(cx, key)
}

/// `[name]` must be a table; `[[name]]` is the classic mistake.
fn single_table<'n, 'a, 'p>(
    cx: &mut Cx,
    node: &'n Node<'a>,
    path: P<'p>,
    header: &str,
) -> Option<Table<'n, 'a, 'p>> {
    if let Value::Array(items) = &node.value {
        let single = items.iter().all(|item| item.as_table().is_some()) && !items.is_empty();
        match cx.syntax {
            Syntax::Toml => {
                let pending = cx.wrong_type(node, &path, "a table");
                if single {
                    pending.help(format!(
                        "write the header with single brackets, `[{header}]`: there is only one"
                    ));
                }
            }
            Syntax::Json => {
                let pending = cx.wrong_type(node, &path, "an object");
                if single {
                    let key = header.rsplit('.').next().unwrap_or(header);
                    pending.help(format!(
                        "write a single object, not an array: `\"{key}\": {{ ... }}`"
                    ));
                }
            }
        }
        return None;
    }
    cx.expect_table(node, path)
}

/// A free-form table kept verbatim (`metadata`).
fn read_free_table(cx: &mut Cx, node: &Node<'_>, path: P<'_>, header: &str) -> Option<toml::Table> {
    single_table(cx, node, path, header)?;
    match node.to_toml() {
        Some(toml::Value::Table(table)) => Some(table),
        _ => None,
    }
}

fn read_author(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Author> {
    if let Value::String(s) = &node.value {
        cx.wrong_type(node, &path, "a table").help(format!(
            "write each author as an `[[authors]]` table: `name = {:?}`, and optionally `email` and `url`",
            s.split('<').next().unwrap_or(s).trim()
        ));
        return None;
    }
    let mut t = cx.expect_table(node, path)?;
    let name = required_str(cx, &mut t, "name", "\"Your Name\"");
    let email = opt_str(cx, &mut t, "email");
    if let Some(text) = email {
        invalid_email::check(cx, text, &path.key("email"));
    }
    let url = read_url(cx, &mut t, "url");
    t.finish_with(cx, Warning, AUTHOR_KEYS, |key| {
        elsewhere(key, AUTHOR_KEYS, "`[[authors]]`")
    });
    Some(Author {
        name: name?.to_owned(),
        email: email.map(str::to_owned),
        url,
    })
}

fn read_permissions(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Permissions> {
    let mut t = single_table(cx, node, path, "permissions")?;
    let mut permissions = Permissions::default();
    let mut complete = true;

    if let Some(text) = tier_str(cx, &mut t, "memory", &MemoryTier::list()) {
        match unknown_memory_tier::parse(cx, text, &path.key("memory")) {
            Some(tier) => permissions.memory = tier,
            None => complete = false,
        }
    }
    if let Some(text) = tier_str(cx, &mut t, "timeout", &TimeoutTier::list()) {
        match unknown_timeout_tier::parse(cx, text, &path.key("timeout")) {
            Some(tier) => permissions.timeout = tier,
            None => complete = false,
        }
    }
    permissions.variables = t.bool(cx, "variables").unwrap_or(false);
    permissions.cache = t.bool(cx, "cache").unwrap_or(false);
    permissions.streaming = t.bool(cx, "streaming").unwrap_or(false);
    permissions.a2ui = t.bool(cx, "a2ui").unwrap_or(false);
    permissions.models = t.bool(cx, "models").unwrap_or(false);
    if let Some(n) = t.get("network") {
        match read_network(cx, n, path.key("network")) {
            Some(network) => permissions.network = network,
            None => complete = false,
        }
    }
    if let Some(n) = t.get("filesystem") {
        match read_filesystem(cx, n, path.key("filesystem")) {
            Some(filesystem) => permissions.filesystem = filesystem,
            None => complete = false,
        }
    }
    let scopes_path = path.key("oauth_scopes");
    let items = t
        .get("oauth_scopes")
        .and_then(|n| cx.expect_array_of_tables(n, &scopes_path, "permissions.oauth_scopes"));
    for (i, item) in items.unwrap_or_default().iter().enumerate() {
        match read_oauth_scope(cx, item, scopes_path.index(i)) {
            Some(scope) => permissions.oauth_scopes.push(scope),
            None => complete = false,
        }
    }
    t.finish_with(cx, Warning, PERMISSION_KEYS, |key| {
        elsewhere(key, PERMISSION_KEYS, "`[permissions]`")
    });
    complete.then_some(permissions)
}

/// A tier name; a value of another type gets the list of tiers as help.
fn tier_str<'n>(
    cx: &mut Cx,
    t: &mut Table<'n, '_, '_>,
    key: &'static str,
    list: &str,
) -> Option<&'n str> {
    let node = t.get(key)?;
    match &node.value {
        Value::String(s) => Some(s),
        _ => {
            cx.wrong_type(node, &t.path.key(key), "a tier name")
                .help(format!("tiers are named, not measured: use one of {list}"));
            None
        }
    }
}

fn read_network(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<NetworkPermissions> {
    let mut t = single_table(cx, node, path, "permissions.network")?;
    let mut switch = |key: &'static str| Found::of(t.has(key), t.bool(cx, key));
    let http = switch("http_enabled");
    let websocket = switch("websocket_enabled");
    let tcp = switch("tcp_enabled");
    let udp = switch("udp_enabled");
    let dns = switch("dns_enabled");
    let hosts_path = path.key("allowed_hosts");
    let hosts_present = t.has("allowed_hosts");
    let hosts = string_list(cx, &mut t, "allowed_hosts");
    for (i, host) in hosts.iter().flatten().enumerate() {
        invalid_host_pattern::check(cx, host, &hosts_path.index(i));
    }
    let found_hosts = Found::of(hosts_present, hosts.as_deref());
    allows_all_hosts::check(cx, &path, http, found_hosts);
    allowed_hosts_ignored::check(
        cx,
        &path,
        [http, websocket, tcp, udp],
        hosts.as_deref().unwrap_or_default(),
    );
    t.finish_with(cx, Warning, NETWORK_KEYS, |key| {
        elsewhere(key, NETWORK_KEYS, "`[permissions.network]`")
    });
    let switch = |found: Found<bool>| match found {
        Found::Absent => Some(false),
        Found::Unreadable => None,
        Found::Value(value) => Some(value),
    };
    if matches!(found_hosts, Found::Unreadable) {
        return None;
    }
    Some(NetworkPermissions {
        http_enabled: switch(http)?,
        allowed_hosts: hosts.unwrap_or_default(),
        websocket_enabled: switch(websocket)?,
        tcp_enabled: switch(tcp)?,
        udp_enabled: switch(udp)?,
        dns_enabled: switch(dns)?,
    })
}

fn read_filesystem(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<FilesystemPermissions> {
    let mut t = single_table(cx, node, path, "permissions.filesystem")?;
    let filesystem = FilesystemPermissions {
        node_storage: t.bool(cx, "node_storage").unwrap_or(false),
        user_storage: t.bool(cx, "user_storage").unwrap_or(false),
        upload_dir: t.bool(cx, "upload_dir").unwrap_or(false),
        cache_dir: t.bool(cx, "cache_dir").unwrap_or(false),
    };
    t.finish_with(cx, Warning, FILESYSTEM_KEYS, |key| {
        elsewhere(key, FILESYSTEM_KEYS, "`[permissions.filesystem]`")
    });
    Some(filesystem)
}

fn read_oauth_scope(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<OAuthScope> {
    let mut t = cx.expect_table(node, path)?;
    let provider = required_str(cx, &mut t, "provider", "\"google\"");
    let scopes_path = path.key("scopes");
    let scopes = match required(cx, &mut t, "scopes", "[\"<scope>\"]") {
        Some(n) if matches!(n.value, Value::String(_)) => {
            cx.wrong_type(n, &scopes_path, "an array of strings")
                .help(format!(
                    "write a list, even for one scope: `scopes = [{:?}]`",
                    n.as_str().unwrap_or_default()
                ));
            None
        }
        Some(n) => cx.string_list(n, &scopes_path),
        None => None,
    };
    if let Some(scopes) = &scopes {
        empty_oauth_scopes::check(cx, scopes, provider, &scopes_path);
    }
    let reason = required_str(
        cx,
        &mut t,
        "reason",
        "\"<why the package needs this access>\"",
    );
    if let Some(reason) = reason {
        empty_oauth_reason::check(cx, reason, &path.key("reason"));
    }
    let required_present = t.has("required");
    let required_flag = t.bool(cx, "required");
    t.finish_with(cx, Warning, OAUTH_KEYS, |key| {
        elsewhere(key, OAUTH_KEYS, "`[[permissions.oauth_scopes]]`")
    });
    if required_present && required_flag.is_none() {
        return None;
    }
    Some(OAuthScope {
        provider: provider?.to_owned(),
        scopes: scopes?,
        reason: reason?.to_owned(),
        required: required_flag.unwrap_or(false),
    })
}

fn read_nodes(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<NodeEntry>> {
    let items = cx.expect_array_of_tables(node, path, "nodes")?;
    let mut nodes = Vec::with_capacity(items.len());
    let mut complete = true;
    for (i, item) in items.iter().enumerate() {
        match read_node(cx, item, path.index(i)) {
            Some(entry) => nodes.push(entry),
            None => complete = false,
        }
    }
    complete.then_some(nodes)
}

fn read_node(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<NodeEntry> {
    let mut t = cx.expect_table(node, path)?;
    let id = required_str(cx, &mut t, "id", "\"my_node\"");
    let name = required_str(cx, &mut t, "name", "\"My Node\"");
    let description = required_str(cx, &mut t, "description", "\"What the node does\"");
    let category = required_str(cx, &mut t, "category", "\"Custom/MyCategory\"");
    if let Some(category) = category {
        empty_category_segment::check(cx, category, &path.key("category"));
    }
    let icon = opt_str(cx, &mut t, "icon");
    if let Some(icon) = icon {
        invalid_icon::check(cx, icon, &path.key("icon"));
    }

    let providers_path = path.key("oauth_providers");
    let mut oauth_ok = true;
    let mut oauth_providers = Vec::new();
    let items = match t.get("oauth_providers") {
        Some(n) if matches!(n.value, Value::String(_)) => {
            oauth_ok = false;
            cx.wrong_type(n, &providers_path, "an array of strings")
                .help(format!(
                    "write a list, even for one provider: `oauth_providers = [{:?}]`",
                    n.as_str().unwrap_or_default()
                ));
            None
        }
        Some(n) => {
            let items = cx.expect_array(n, &providers_path);
            oauth_ok = items.is_some();
            items
        }
        None => None,
    };
    for (j, item) in items.unwrap_or_default().iter().enumerate() {
        match cx.expect_str(item, &providers_path.index(j)) {
            Some(provider) => oauth_providers.push(provider.to_owned()),
            None => oauth_ok = false,
        }
    }
    let metadata_node = t.get("metadata");
    let metadata =
        metadata_node.and_then(|n| read_free_table(cx, n, path.key("metadata"), "nodes.metadata"));
    let metadata_ok = metadata.is_some() || metadata_node.is_none();

    t.finish_with(cx, Warning, NODE_KEYS, |key| {
        later_node_key(key).or_else(|| elsewhere(key, NODE_KEYS, "`[[nodes]]`"))
    });
    if !(oauth_ok && metadata_ok) {
        return None;
    }
    Some(NodeEntry {
        id: id?.to_owned(),
        name: name?.to_owned(),
        description: description?.to_owned(),
        category: category?.to_owned(),
        icon: icon.map(str::to_owned),
        oauth_providers,
        metadata: metadata.unwrap_or_default(),
    })
}
