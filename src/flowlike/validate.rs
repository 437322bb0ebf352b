//! Reading and checking a Flow-Like manifest: every rule of the format,
//! each problem reported at its field, all in one pass.

use std::collections::{HashMap, HashSet};

use semver::Version;

use super::codes as c;
use super::{
    Author, FilesystemPermissions, Manifest, MemoryTier, NetworkPermissions, NodeEntry, OAuthScope,
    Permissions, TimeoutTier,
};
use crate::codes::{INVALID_LICENSE, INVALID_URL, MISSING_KEY};
use crate::diagnostic::Severity::Warning;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::{digest, email, hosts, license, suggest, urls};
use crate::source::{Node, Target, Value};

const ROOT_KEYS: &[&str] = &[
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
    "min_flow_like_version",
    "wasm_path",
    "wasm_hash",
    "metadata",
    "permissions",
    "nodes",
];
const AUTHOR_KEYS: &[&str] = &["name", "email", "url"];
const PERMISSION_KEYS: &[&str] = &[
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
const FLAG_KEYS: &[&str] = &["variables", "cache", "streaming", "a2ui", "models"];
const NETWORK_KEYS: &[&str] = &["http_enabled", "allowed_hosts", "websocket_enabled"];
const FILESYSTEM_KEYS: &[&str] = &["node_storage", "user_storage", "upload_dir", "cache_dir"];
const OAUTH_KEYS: &[&str] = &["provider", "scopes", "reason", "required"];
const NODE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "category",
    "icon",
    "oauth_providers",
    "metadata",
];

/// Keys that later Flow-Like releases read in `[permissions.network]`.
const LATER_NETWORK_KEYS: &[&str] = &["tcp_enabled", "udp_enabled", "dns_enabled"];
/// Keys that later Flow-Like releases read in `[[nodes]]`.
const LATER_NODE_KEYS: &[&str] = &[
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
const TABLES: &[(&str, &[&str])] = &[
    ("the top level", ROOT_KEYS),
    ("`[[authors]]`", AUTHOR_KEYS),
    ("`[permissions]`", PERMISSION_KEYS),
    ("`[permissions.network]`", NETWORK_KEYS),
    ("`[permissions.filesystem]`", FILESYSTEM_KEYS),
    ("`[[permissions.oauth_scopes]]`", OAUTH_KEYS),
    ("`[[nodes]]`", NODE_KEYS),
];

const ID_EXAMPLE: &str = "com.example.my-package";

pub(crate) fn memory_tier_list() -> String {
    let names: Vec<String> = MemoryTier::ALL
        .iter()
        .map(|t| format!("{} ({} MiB)", t.as_str(), t.bytes() / (1024 * 1024)))
        .collect();
    tier_list(&names)
}

pub(crate) fn timeout_tier_list() -> String {
    let names: Vec<String> = TimeoutTier::ALL
        .iter()
        .map(|t| {
            let secs = t.duration().as_secs();
            if secs % 60 == 0 && secs >= 120 {
                format!("{} ({} min)", t.as_str(), secs / 60)
            } else {
                format!("{} ({} s)", t.as_str(), secs)
            }
        })
        .collect();
    tier_list(&names)
}

/// "`a` (x), `b` (y) or `c` (z)".
fn tier_list(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|item| match item.split_once(' ') {
            Some((name, rest)) => format!("`{name}` {rest}"),
            None => format!("`{item}`"),
        })
        .collect();
    join_or(&quoted)
}

/// "a, b or c" (items already formatted).
fn join_or(items: &[String]) -> String {
    join_with(items, "or")
}

/// "a, b <word> c" (items already formatted).
fn join_with(items: &[String], word: &str) -> String {
    match items.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} {word} {last}", init.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Reads a Flow-Like document, reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    if root.as_table().is_some_and(|t| t.is_empty()) {
        // Already reported as an empty file; listing every missing key adds nothing.
        cx.incomplete = true;
        return None;
    }
    let mut top = cx.expect_table(root, p)?;

    let manifest_version = required(cx, &mut top, "manifest_version", "1")
        .and_then(|n| read_manifest_version(cx, n, &p.key("manifest_version")));
    let id = required_str(cx, &mut top, "id", &format!("\"{ID_EXAMPLE}\""));
    if let Some(id) = id {
        check_id(cx, id, &p.key("id"));
    }
    let name = required_str(cx, &mut top, "name", "\"My Package\"");
    if name == Some("") {
        empty_required(cx, &p.key("name"), "name", "\"My Package\"");
    }
    let version = required_str(cx, &mut top, "version", "\"0.1.0\"");
    if let Some(version) = version {
        if version.is_empty() {
            empty_required(cx, &p.key("version"), "version", "\"0.1.0\"");
        } else {
            check_semver(cx, version, &p.key("version"));
        }
    }
    let description = required_str(cx, &mut top, "description", "\"What the nodes do\"");
    if description.is_some_and(|d| d.trim().is_empty()) {
        cx.warning(
            c::EMPTY_DESCRIPTION,
            &p.key("description"),
            "the package description is empty",
        )
        .help("describe in one sentence what the package's nodes do; the registry shows it in listings");
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

    let license = top.str(cx, "license");
    if let Some(text) = license
        && let Err(reason) = license::check_spdx(text)
    {
        cx.warning(
            INVALID_LICENSE,
            &p.key("license"),
            format!("`{text}` is not a valid SPDX license expression ({reason})"),
        )
        .help("use an SPDX expression such as `MIT` or `MIT OR Apache-2.0`, or `LicenseRef-<name>` for a custom license");
    }
    let repository = read_url(cx, &mut top, "repository");
    let homepage = read_url(cx, &mut top, "homepage");
    let keywords = string_list(cx, &mut top, "keywords").unwrap_or_default();
    let min_flow_like_version = top.str(cx, "min_flow_like_version");
    if let Some(text) = min_flow_like_version {
        check_semver(cx, text, &p.key("min_flow_like_version"));
    }
    let wasm_path = top.str(cx, "wasm_path");
    let wasm_hash = top.str(cx, "wasm_hash");
    if let Some(hash) = wasm_hash {
        check_wasm_hash(cx, hash, &p.key("wasm_hash"));
    }
    let metadata = top
        .get("metadata")
        .and_then(|n| read_free_table(cx, n, p.key("metadata"), "metadata"))
        .unwrap_or_default();

    let mut providers = Providers::default();
    let permissions = match top.get("permissions") {
        Some(node) => {
            let permissions = read_permissions(cx, node, p.key("permissions"), &mut providers);
            if node.as_table().is_none() {
                providers.unknown = true;
            }
            permissions
        }
        None => Some(Permissions::default()),
    };

    let nodes_node = top.get("nodes");
    let nodes = match nodes_node {
        Some(node) => read_nodes(cx, node, &p.key("nodes"), &providers),
        None => {
            cx.error(c::NO_NODES, &p.key("nodes"), "the package declares no nodes")
                .at(&p, Target::Value)
                .help("add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides")
                .note("the manifest loads, but Flow-Like refuses to publish a package without nodes");
            Some(Vec::new())
        }
    };

    top.finish_with(cx, Warning, ROOT_KEYS, |key| {
        elsewhere(key, ROOT_KEYS, "the top level")
    });

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
        min_flow_like_version: min_flow_like_version.map(str::to_owned),
        wasm_path: wasm_path.map(str::to_owned),
        wasm_hash: wasm_hash.map(str::to_owned),
        metadata,
        permissions: permissions?,
        nodes: nodes?,
    })
}

/// The help for an unknown key: keys of later Flow-Like releases, keys that
/// belong to another table. `None` falls back to the usual "did you mean".
fn elsewhere(key: &str, own: &[&str], here: &str) -> Option<String> {
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

fn later_release(key: &str, later: &[&str]) -> Option<String> {
    later.contains(&key).then(|| {
        format!(
            "`{key}` is read by newer Flow-Like releases only; keep it if the package targets them, otherwise remove it"
        )
    })
}

/// A required key; reports `missing-key` with the line to add.
fn required<'n, 'a>(
    cx: &mut Cx,
    t: &mut Table<'n, 'a, '_>,
    key: &'static str,
    example: &str,
) -> Option<&'n Node<'a>> {
    let found = t.get(key);
    if found.is_none() {
        cx.incomplete = true;
        let at = t.path;
        let table = at.to_path();
        let (message, help) = if table.is_root() {
            (
                format!("missing required key `{key}`"),
                format!("add `{key} = {example}` at the top of the file, before any `[table]`"),
            )
        } else {
            (
                format!("missing required key `{key}` in `{table}`"),
                format!("add `{key} = {example}` to this entry"),
            )
        };
        // A misspelt key (`descripton`, `manifestVersion`) is the likely cause:
        // point at it, and report it here rather than again as unknown.
        let near = t
            .entries
            .iter()
            .map(|e| e.key.as_ref())
            .filter(|k| !TABLES.iter().any(|(_, keys)| keys.contains(k)))
            .find(|k| suggest::closest(k, &[key]).is_some());
        if let Some(near) = near {
            t.get(near);
        }
        let pending = cx.error(MISSING_KEY, &at.key(key), message);
        match near {
            Some(near) => pending
                .at(&at.key(near), Target::Key)
                .help(format!("rename `{near}` to `{key}`"))
                .note(format!("Flow-Like does not know `{near}` and ignores it")),
            None => pending.at(&at, Target::Value).help(help),
        };
    }
    found
}

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

fn empty_required(cx: &mut Cx, path: &P<'_>, key: &str, example: &str) {
    cx.error(
        c::EMPTY_REQUIRED_FIELD,
        path,
        format!("the package `{key}` is empty"),
    )
    .help(format!("fill it in, e.g. `{key} = {example}`"))
    .note("the manifest loads, but Flow-Like refuses to publish a package without it");
}

fn read_manifest_version(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<u32> {
    match node.value {
        Value::Integer(n) => match u32::try_from(n) {
            Ok(version) => {
                if version != super::MANIFEST_VERSION {
                    cx.warning(
                        c::UNSUPPORTED_MANIFEST_VERSION,
                        path,
                        format!("manifest version {version} is not defined; the only version is 1"),
                    )
                    .help("write `manifest_version = 1`")
                    .note("Flow-Like does not look at the number and reads the file as version 1");
                }
                Some(version)
            }
            Err(_) => {
                cx.incomplete = true;
                cx.error(
                    c::INVALID_MANIFEST_VERSION,
                    path,
                    format!("manifest version {n} is out of range"),
                )
                .help("write `manifest_version = 1`")
                .note("Flow-Like reads the version as an unsigned 32-bit number and refuses the manifest otherwise");
                None
            }
        },
        Value::String(ref s) => {
            let pending = cx.wrong_type(node, path, "an integer");
            if s.trim().parse::<u32>().is_ok() {
                pending.help(format!(
                    "write the number without quotes: `manifest_version = {}`",
                    s.trim()
                ));
            } else {
                pending.help("write `manifest_version = 1`");
            }
            None
        }
        _ => {
            cx.wrong_type(node, path, "an integer")
                .help("write `manifest_version = 1`");
            None
        }
    }
}

fn check_id(cx: &mut Cx, id: &str, path: &P<'_>) {
    if id.is_empty() {
        empty_required(cx, path, "id", &format!("\"{ID_EXAMPLE}\""));
        return;
    }
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if let Some((at, bad)) = id.char_indices().find(|(_, c)| !valid(*c)) {
        let mut others: Vec<char> = Vec::new();
        for c in id.chars().filter(|c| !valid(*c)) {
            if !others.contains(&c) && others.len() < 8 {
                others.push(c);
            }
        }
        let shown: Vec<String> = others
            .iter()
            .map(|c| match c {
                ' ' => "a space".to_owned(),
                c => format!("`{}`", c.escape_debug()),
            })
            .collect();
        let fixed: String = id
            .chars()
            .map(|c| match c {
                c if valid(c) => c,
                '/' | '\\' | ':' => '.',
                _ => '-',
            })
            .collect::<String>()
            .to_ascii_lowercase();
        cx.error(
            c::INVALID_ID_CHARACTER,
            path,
            format!(
                "package id `{id}` contains {}",
                join_with(&shown, "and")
            ),
        )
        .within(at..at + bad.len_utf8())
        .help(format!(
            "use only ASCII letters, digits, `.`, `_` and `-`, e.g. `{fixed:?}`"
        ))
        .note("package ids become part of registry URLs and paths; later Flow-Like versions refuse other characters");
        return;
    }
    let segments: Vec<&str> = id.split('.').collect();
    if segments.len() < 2 || segments.iter().any(|s| s.is_empty()) {
        let name: String = segments
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("-");
        let name = if name.is_empty() {
            "my-package".to_owned()
        } else {
            name
        };
        let message = if segments.len() < 2 {
            format!("package id `{id}` is not in reverse-domain style")
        } else {
            format!("package id `{id}` has an empty segment between dots")
        };
        cx.warning(c::ID_NOT_REVERSE_DOMAIN, path, message)
            .help(format!(
                "prefix it with a domain you control, reversed, e.g. `\"com.example.{name}\"` or `\"io.github.<user>.{name}\"`"
            ))
            .note("reverse-domain ids keep packages of different authors from colliding in the registry");
    }
}

fn check_semver(cx: &mut Cx, text: &str, path: &P<'_>) {
    let Err(e) = Version::parse(text) else {
        return;
    };
    let key = match path.to_path().segments().last() {
        Some(crate::path::Segment::Key(key)) => key.clone(),
        _ => "version".to_owned(),
    };
    let pending = cx.warning(
        c::NON_SEMVER_VERSION,
        path,
        format!("`{text}` is not a semantic version: {e}"),
    );
    let trimmed = text.trim();
    let unprefixed = trimmed
        .strip_prefix('v')
        .or_else(|| trimmed.strip_prefix('V'))
        .unwrap_or(trimmed);
    let numbers: Vec<&str> = unprefixed.split('.').collect();
    if unprefixed != text && Version::parse(unprefixed).is_ok() {
        pending.help(format!("write `{key} = {unprefixed:?}`"));
    } else if numbers.len() < 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let mut full = numbers.clone();
        full.resize(3, "0");
        pending.help(format!(
            "write all three numbers: `{key} = {:?}`",
            full.join(".")
        ));
    } else {
        pending.help(format!("use MAJOR.MINOR.PATCH, e.g. `{key} = \"1.0.0\"`"));
    }
    pending.note("Flow-Like accepts any text here, but registries compare versions as semver");
}

fn check_wasm_hash(cx: &mut Cx, hash: &str, path: &P<'_>) {
    let (offset, hex) = match hash.strip_prefix("sha256:") {
        Some(rest) => ("sha256:".len(), rest),
        None => (0, hash),
    };
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return;
    }
    let reason =
        digest::sha256_hex_problem(hex).unwrap_or_else(|| "is not a SHA-256 digest".to_owned());
    let pending = cx.warning(c::INVALID_WASM_HASH, path, format!("`wasm_hash` {reason}"));
    if !hex.is_empty() {
        pending.within(offset..hash.len());
    }
    pending
        .help("write the SHA-256 digest of the `.wasm` file as 64 hex digits (the output of `sha256sum`), or remove the key")
        .note("Flow-Like does not compare this value, so a wrong digest goes unnoticed until someone verifies the package");
}

fn read_url(cx: &mut Cx, t: &mut Table<'_, '_, '_>, key: &'static str) -> Option<String> {
    let text = t.str(cx, key)?;
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
        cx.warning(INVALID_URL, &t.path.key(key), reason).help(help);
    }
    Some(text.to_owned())
}

/// `[name]` must be a table; `[[name]]` is the classic mistake.
fn single_table<'n, 'a, 'p>(
    cx: &mut Cx,
    node: &'n Node<'a>,
    path: P<'p>,
    header: &str,
) -> Option<Table<'n, 'a, 'p>> {
    if let Value::Array(items) = &node.value {
        let pending = cx.wrong_type(node, &path, "a table");
        if items.iter().all(|item| item.as_table().is_some()) && !items.is_empty() {
            pending.help(format!(
                "write the header with single brackets, `[{header}]`: there is only one"
            ));
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
    let author_email = t.str(cx, "email");
    if let Some(text) = author_email
        && let Some(problem) = email::email_problem(text)
    {
        let pending = cx.warning(
            c::INVALID_EMAIL,
            &path.key("email"),
            format!("invalid email address: {problem}"),
        );
        match email_in(text) {
            Some(address) => pending.help(format!("write only the address: `email = {address:?}`")),
            None => pending
                .help("write an address such as `email = \"you@example.com\"`, or remove the key"),
        };
    }
    let url = read_url(cx, &mut t, "url");
    t.finish_with(cx, Warning, AUTHOR_KEYS, |key| {
        elsewhere(key, AUTHOR_KEYS, "`[[authors]]`")
    });
    Some(Author {
        name: name?.to_owned(),
        email: author_email.map(str::to_owned),
        url,
    })
}

/// The address inside `Name <address>` or `mailto:address`, if valid.
fn email_in(text: &str) -> Option<&str> {
    let inner = match (text.find('<'), text.rfind('>')) {
        (Some(start), Some(end)) if start < end => &text[start + 1..end],
        _ => text.strip_prefix("mailto:")?,
    };
    let inner = inner.trim();
    email::email_problem(inner).is_none().then_some(inner)
}

/// The OAuth providers declared in `[[permissions.oauth_scopes]]`: the
/// index of the first entry of each, in declaration order.
#[derive(Default)]
struct Providers<'n> {
    first: HashMap<&'n str, usize>,
    order: Vec<&'n str>,
    /// Some declaration could not be read (wrong type, no `provider`), so
    /// the list is not known for sure: nodes are not checked against it.
    unknown: bool,
}

fn read_permissions<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    providers: &mut Providers<'n>,
) -> Option<Permissions> {
    let mut t = single_table(cx, node, path, "permissions")?;
    let mut permissions = Permissions::default();
    let mut complete = true;

    if let Some(text) = tier_str(cx, &mut t, "memory", &memory_tier_list()) {
        match text.parse::<MemoryTier>() {
            Ok(tier) => permissions.memory = tier,
            Err(_) => {
                complete = false;
                let names: Vec<&str> = MemoryTier::ALL.iter().map(|t| t.as_str()).collect();
                unknown_tier(
                    cx,
                    &path.key("memory"),
                    "memory",
                    text,
                    &names,
                    &memory_tier_list(),
                );
            }
        }
    }
    if let Some(text) = tier_str(cx, &mut t, "timeout", &timeout_tier_list()) {
        match text.parse::<TimeoutTier>() {
            Ok(tier) => permissions.timeout = tier,
            Err(_) => {
                complete = false;
                let names: Vec<&str> = TimeoutTier::ALL.iter().map(|t| t.as_str()).collect();
                unknown_tier(
                    cx,
                    &path.key("timeout"),
                    "timeout",
                    text,
                    &names,
                    &timeout_tier_list(),
                );
            }
        }
    }
    for key in FLAG_KEYS {
        let value = t.bool(cx, key).unwrap_or(false);
        match *key {
            "variables" => permissions.variables = value,
            "cache" => permissions.cache = value,
            "streaming" => permissions.streaming = value,
            "a2ui" => permissions.a2ui = value,
            _ => permissions.models = value,
        }
    }
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
    let scopes_node = t.get("oauth_scopes");
    let items = scopes_node.and_then(|n| {
        cx.expect_array_of_tables(n, &path.key("oauth_scopes"), "permissions.oauth_scopes")
    });
    if scopes_node.is_some() && items.is_none() {
        providers.unknown = true;
    }
    if let Some(items) = items {
        let scopes_path = path.key("oauth_scopes");
        for (i, item) in items.iter().enumerate() {
            let (provider, scope) = read_oauth_scope(cx, item, scopes_path.index(i));
            if let Some(provider) = provider {
                if let Some(&first) = providers.first.get(provider) {
                    cx.warning(
                        c::DUPLICATE_OAUTH_PROVIDER,
                        &scopes_path.index(i).key("provider"),
                        format!("OAuth provider `{provider}` is declared twice"),
                    )
                    .label_path(
                        crate::FieldPath::root()
                            .key("permissions")
                            .key("oauth_scopes")
                            .index(first)
                            .key("provider"),
                        Target::Value,
                        "first declared here",
                    )
                    .help("merge the two entries: one per provider, with all the scopes in its `scopes` list")
                    .note("Flow-Like keeps both entries, so the provider appears twice among the package's permissions");
                } else {
                    providers.first.insert(provider, i);
                    providers.order.push(provider);
                }
            } else {
                providers.unknown = true;
            }
            match scope {
                Some(scope) => permissions.oauth_scopes.push(scope),
                None => complete = false,
            }
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

fn unknown_tier(cx: &mut Cx, path: &P<'_>, kind: &str, text: &str, names: &[&str], list: &str) {
    cx.incomplete = true;
    let pending = cx.error(
        if kind == "memory" {
            c::UNKNOWN_MEMORY_TIER
        } else {
            c::UNKNOWN_TIMEOUT_TIER
        },
        path,
        format!("unknown {kind} tier `{text}`"),
    );
    let lower = text.to_ascii_lowercase();
    if let Some(exact) = names.iter().find(|n| **n == lower) {
        pending.help(format!(
            "tier names are case-sensitive: write `{exact}` in lower case; the tiers are {list}"
        ));
    } else if let Some(best) = suggest::closest(text, names) {
        pending.help(format!("did you mean `{best}`? The tiers are {list}"));
    } else {
        pending.help(format!("use one of {list}"));
    }
    pending.note("Flow-Like refuses the whole manifest when a tier is not one of these names");
}

fn read_network(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<NetworkPermissions> {
    let mut t = single_table(cx, node, path, "permissions.network")?;
    let http = t.bool(cx, "http_enabled");
    let websocket = t.bool(cx, "websocket_enabled");
    let http_ok = http.is_some() || !t.has("http_enabled");
    let websocket_ok = websocket.is_some() || !t.has("websocket_enabled");
    let hosts_path = path.key("allowed_hosts");
    let hosts_present = t.has("allowed_hosts");
    let hosts = string_list(cx, &mut t, "allowed_hosts");
    let hosts_ok = hosts.is_some() || !hosts_present;
    let hosts = hosts.unwrap_or_default();
    let complete = http_ok && websocket_ok && hosts_ok;

    for (i, host) in hosts.iter().enumerate() {
        let Some(problem) = hosts::host_pattern_problem(host) else {
            continue;
        };
        let pending = cx.error(
            c::INVALID_HOST_PATTERN,
            &hosts_path.index(i),
            problem.message,
        );
        if !problem.range.is_empty() && problem.range.len() < host.len() {
            pending.within(problem.range);
        }
        match problem.bare_host {
            Some(bare) => pending.help(format!("write the host alone: `{bare:?}`")),
            None if host.trim().is_empty() => pending.help("remove the empty entry"),
            None => pending.help(
                "write a host name such as `api.example.com`, optionally with `*` wildcards (`*.example.com`)",
            ),
        };
        pending.note(
            "entries are host names, optionally with `*` wildcards; the host of each request is compared with them, so this entry does not match as intended",
        );
    }

    if http == Some(true) && hosts_ok && hosts.is_empty() {
        let message = if hosts_present {
            "HTTP is enabled with an empty `allowed_hosts`, so the package may connect to every host"
        } else {
            "HTTP is enabled without `allowed_hosts`, so the package may connect to every host"
        };
        let pending = cx.warning(c::ALL_HOSTS_ALLOWED, &hosts_path, message);
        if hosts_present {
            pending.label(
                &path.key("http_enabled"),
                Target::Value,
                "HTTP is enabled here",
            );
        } else {
            pending.at(&path.key("http_enabled"), Target::Value);
        }
        pending
            .help("list the hosts the package needs, e.g. `allowed_hosts = [\"api.example.com\"]` (`*.example.com` matches subdomains)")
            .note("an empty list does not mean \"no hosts\": Flow-Like then applies no host restriction at all");
    }
    if !hosts.is_empty() && http_ok && websocket_ok && http != Some(true) && websocket != Some(true)
    {
        let count = hosts.len();
        let pending = cx.warning(
            c::ALLOWED_HOSTS_IGNORED,
            &hosts_path,
            format!(
                "`allowed_hosts` lists {count} host{}, but neither `http_enabled` nor `websocket_enabled` is true",
                if count == 1 { "" } else { "s" }
            ),
        );
        pending.on_key();
        if t.has("http_enabled") {
            pending.label(
                &path.key("http_enabled"),
                Target::Value,
                "HTTP is disabled here",
            );
        }
        pending
            .help("set `http_enabled = true` if the package makes requests to these hosts, or remove `allowed_hosts`")
            .note("without a network capability the list is never used: the package has no network access");
    }

    t.finish_with(cx, Warning, NETWORK_KEYS, |key| {
        later_release(key, LATER_NETWORK_KEYS)
            .or_else(|| elsewhere(key, NETWORK_KEYS, "`[permissions.network]`"))
    });
    complete.then_some(NetworkPermissions {
        http_enabled: http.unwrap_or(false),
        allowed_hosts: hosts,
        websocket_enabled: websocket.unwrap_or(false),
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

fn read_oauth_scope<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
) -> (Option<&'n str>, Option<OAuthScope>) {
    let Some(mut t) = cx.expect_table(node, path) else {
        return (None, None);
    };
    let provider = required_str(cx, &mut t, "provider", "\"google\"");
    let scopes_node = required(cx, &mut t, "scopes", "[\"<scope>\"]");
    let scopes = match scopes_node {
        Some(n) if matches!(n.value, Value::String(_)) => {
            cx.wrong_type(n, &path.key("scopes"), "an array of strings")
                .help(format!(
                    "write a list, even for one scope: `scopes = [{:?}]`",
                    n.as_str().unwrap_or_default()
                ));
            None
        }
        Some(n) => cx.string_list(n, &path.key("scopes")),
        None => None,
    };
    if scopes.as_ref().is_some_and(Vec::is_empty) {
        cx.warning(
            c::EMPTY_OAUTH_SCOPES,
            &path.key("scopes"),
            format!(
                "OAuth provider `{}` is declared with no scopes",
                provider.unwrap_or("?")
            ),
        )
        .help("list the scopes the nodes need, e.g. `scopes = [\"https://www.googleapis.com/auth/drive.readonly\"]`")
        .note("a token without scopes grants little or nothing, so nodes relying on this provider are unlikely to work");
    }
    let reason = required_str(
        cx,
        &mut t,
        "reason",
        "\"<why the package needs this access>\"",
    );
    if reason.is_some_and(|r| r.trim().is_empty()) {
        cx.warning(
            c::EMPTY_OAUTH_REASON,
            &path.key("reason"),
            "the reason for this OAuth access is empty",
        )
        .help("say what the access is for, e.g. `reason = \"Read your calendar events to schedule flows\"`")
        .note("users see the reason when they are asked to grant access");
    }
    let required_flag = t.bool(cx, "required");
    let required_ok = required_flag.is_some() || !t.has("required");
    t.finish_with(cx, Warning, OAUTH_KEYS, |key| {
        elsewhere(key, OAUTH_KEYS, "`[[permissions.oauth_scopes]]`")
    });
    let scope = match (provider, scopes, reason, required_ok) {
        (Some(provider), Some(scopes), Some(reason), true) => Some(OAuthScope {
            provider: provider.to_owned(),
            scopes,
            reason: reason.to_owned(),
            required: required_flag.unwrap_or(false),
        }),
        _ => None,
    };
    (provider, scope)
}

fn read_nodes(
    cx: &mut Cx,
    node: &Node<'_>,
    path: &P<'_>,
    providers: &Providers<'_>,
) -> Option<Vec<NodeEntry>> {
    let items = cx.expect_array_of_tables(node, path, "nodes")?;
    if items.is_empty() {
        cx.error(c::NO_NODES, path, "the package declares no nodes")
            .help("add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides")
            .note("the manifest loads, but Flow-Like refuses to publish a package without nodes");
    }
    let mut nodes = Vec::with_capacity(items.len());
    let mut complete = true;
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    let mut used: HashSet<&str> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let entry_path = path.index(i);
        let (id, entry) = read_node(cx, item, entry_path, providers, &mut used);
        if let Some(id) = id {
            if let Some(&first) = first_index.get(id) {
                cx.warning(
                    c::DUPLICATE_NODE_ID,
                    &entry_path.key("id"),
                    format!("duplicate node id `{id}`"),
                )
                .label_path(
                    crate::FieldPath::root().key("nodes").index(first).key("id"),
                    Target::Value,
                    "first defined here",
                )
                .help("node ids must be unique within the package: rename one of them (and the code that registers it)")
                .note("Flow-Like does not check this; lookups by id find only the first node");
            } else {
                first_index.insert(id, i);
            }
        }
        match entry {
            Some(entry) => nodes.push(entry),
            None => complete = false,
        }
    }
    if !items.is_empty() && !providers.unknown {
        let scopes_path = P::ROOT;
        let scopes_path = scopes_path.key("permissions");
        let scopes_path = scopes_path.key("oauth_scopes");
        for provider in &providers.order {
            if used.contains(provider) {
                continue;
            }
            let index = providers.first.get(provider).copied().unwrap_or(0);
            cx.warning(
                c::UNUSED_OAUTH_PROVIDER,
                &scopes_path.index(index).key("provider"),
                format!("OAuth provider `{provider}` is declared but no node uses it"),
            )
            .help(format!(
                "add `{provider:?}` to the `oauth_providers` of the nodes that need it, or remove this declaration"
            ))
            .note("the package asks for this access, but no node is set up to use it");
        }
    }
    complete.then_some(nodes)
}

fn read_node<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    providers: &Providers<'_>,
    used: &mut HashSet<&'n str>,
) -> (Option<&'n str>, Option<NodeEntry>) {
    let Some(mut t) = cx.expect_table(node, path) else {
        return (None, None);
    };
    let id = required_str(cx, &mut t, "id", "\"my_node\"");
    let name = required_str(cx, &mut t, "name", "\"My Node\"");
    let description = required_str(cx, &mut t, "description", "\"What the node does\"");
    let category = required_str(cx, &mut t, "category", "\"Custom/MyCategory\"");
    if let Some(category) = category {
        check_category(cx, category, &path.key("category"));
    }
    let icon = t.str(cx, "icon");
    if let Some(icon) = icon {
        check_icon(cx, icon, &path.key("icon"));
    }

    let providers_path = path.key("oauth_providers");
    let mut oauth_ok = true;
    let mut oauth_providers = Vec::new();
    let items = match t.get("oauth_providers") {
        Some(n) if matches!(n.value, Value::String(_)) => {
            oauth_ok = false;
            used.extend(n.as_str());
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
        let Some(provider) = cx.expect_str(item, &providers_path.index(j)) else {
            oauth_ok = false;
            continue;
        };
        used.insert(provider);
        if !providers.unknown && !providers.first.contains_key(provider) {
            undeclared_provider(cx, provider, id, &path, j, providers);
        }
        oauth_providers.push(provider.to_owned());
    }
    let metadata_node = t.get("metadata");
    let metadata =
        metadata_node.and_then(|n| read_free_table(cx, n, path.key("metadata"), "nodes.metadata"));
    let metadata_ok = metadata.is_some() || metadata_node.is_none();

    t.finish_with(cx, Warning, NODE_KEYS, |key| {
        later_release(key, LATER_NODE_KEYS).or_else(|| elsewhere(key, NODE_KEYS, "`[[nodes]]`"))
    });
    let entry = match (id, name, description, category, oauth_ok && metadata_ok) {
        (Some(id), Some(name), Some(description), Some(category), true) => Some(NodeEntry {
            id: id.to_owned(),
            name: name.to_owned(),
            description: description.to_owned(),
            category: category.to_owned(),
            icon: icon.map(str::to_owned),
            oauth_providers,
            metadata: metadata.unwrap_or_default(),
        }),
        _ => None,
    };
    (id, entry)
}

fn undeclared_provider(
    cx: &mut Cx,
    provider: &str,
    node_id: Option<&str>,
    node: &P<'_>,
    index: usize,
    providers: &Providers<'_>,
) {
    let providers_path = node.key("oauth_providers");
    let message = match node_id {
        Some(id) => format!(
            "node `{id}` uses OAuth provider `{provider}`, which the package permissions do not declare"
        ),
        None => format!(
            "this node uses OAuth provider `{provider}`, which the package permissions do not declare"
        ),
    };
    let pending = cx.error(
        c::UNDECLARED_OAUTH_PROVIDER,
        &providers_path.index(index),
        message,
    );
    if node_id.is_some() {
        pending.label(&node.key("id"), Target::Value, "in this node");
    }
    if let Some(best) = suggest::closest(provider, &providers.order) {
        pending.help(format!(
            "did you mean `{best}`? Otherwise declare `{provider}` with `[[permissions.oauth_scopes]]` (`provider = {provider:?}`, `scopes`, `reason`)"
        ));
    } else if providers.order.is_empty() {
        pending.help(format!(
            "declare it: add `[[permissions.oauth_scopes]]` with `provider = {provider:?}`, the `scopes` the node needs and a `reason`"
        ));
    } else {
        pending.help(format!(
            "declare it with `[[permissions.oauth_scopes]]` (`provider = {provider:?}`, `scopes`, `reason`); the declared providers are {}",
            suggest::list(&providers.order).replace(" or ", " and ")
        ));
    }
    pending
        .note("Flow-Like refuses to publish a package whose nodes use undeclared OAuth providers");
}

fn check_category(cx: &mut Cx, category: &str, path: &P<'_>) {
    if category.trim().is_empty() {
        cx.warning(
            c::EMPTY_CATEGORY_SEGMENT,
            path,
            "the node's category is empty",
        )
        .help("give the node a category path such as `\"Custom/Examples\"`; the catalog groups nodes by it");
        return;
    }
    // The first empty segment: a leading `/`, a trailing `/`, or `//`.
    let bytes = category.as_bytes();
    let range = if bytes.first() == Some(&b'/') {
        Some(0..1)
    } else if let Some(at) = category.find("//") {
        Some(at..at + 2)
    } else if bytes.last() == Some(&b'/') {
        Some(category.len() - 1..category.len())
    } else {
        None
    };
    let Some(range) = range else {
        return;
    };
    let fixed: Vec<&str> = category.split('/').filter(|s| !s.is_empty()).collect();
    if fixed.is_empty() {
        cx.warning(
            c::EMPTY_CATEGORY_SEGMENT,
            path,
            format!("category `{category}` has no name in it"),
        )
        .help("give the node a category path such as `\"Custom/Examples\"`; the catalog groups nodes by it");
        return;
    }
    cx.warning(
        c::EMPTY_CATEGORY_SEGMENT,
        path,
        format!("category `{category}` has an empty segment"),
    )
    .within(range)
    .help(format!(
        "remove the extra `/`: `category = {:?}`",
        fixed.join("/")
    ))
    .note("each `/`-separated segment is one level of the node catalog; Flow-Like does not check them");
}

fn check_icon(cx: &mut Cx, icon: &str, path: &P<'_>) {
    if icon.starts_with("data:") && icon.contains(',') {
        return;
    }
    if urls::check_http_url(icon).is_ok() {
        return;
    }
    let message = if icon.trim().is_empty() {
        "the node's icon is empty".to_owned()
    } else if icon.starts_with("data:") {
        format!(
            "icon `{}` is a data URI without data (no `,`)",
            shorten(icon)
        )
    } else {
        format!(
            "icon `{}` is neither a data URI nor an http(s) URL",
            shorten(icon)
        )
    };
    cx.warning(c::INVALID_ICON, path, message)
        .help("embed the image as a data URI (`data:image/svg+xml;base64,...`) or link it with an `https://` URL; remove `icon` to use the default")
        .note("Flow-Like stores the text as it is; its documentation expects a data URI or a URL");
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}
