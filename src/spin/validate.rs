//! Reading and checking a `spin.toml` (manifest version 1): every rule of
//! the format, each problem reported at its field, all in one pass.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use indexmap::IndexMap;

use super::codes as c;
use super::hosts::{self, Outbound, OutboundProblem};
use super::ids::{self, Case};
use super::template;
use super::{
    AppTrigger, Build, BuildCommand, Component, ComponentSource, ComponentTrigger, FileMount,
    FilePlacement, HttpAppTrigger, HttpExecutor, HttpRoute, HttpTrigger, Manifest, ManifestVersion,
    PluginTrigger, RedisAppTrigger, RedisTrigger, RegistrySource, RemoteSource, Variable,
    WagiExecutor,
};
use crate::codes::{DEPRECATED_KEY, MISSING_KEY, PATH_OUTSIDE_PACKAGE, UNKNOWN_KEY};
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::{digest, globs, paths, suggest};
use crate::source::{Node, Target, Value};

const ROOT_KEYS: &[&str] = &[
    "spin_manifest_version",
    "name",
    "version",
    "description",
    "authors",
    "trigger",
    "variables",
    "component",
];
const HTTP_APP_KEYS: &[&str] = &["type", "base"];
const REDIS_APP_KEYS: &[&str] = &["type", "address"];
const VARIABLE_KEYS: &[&str] = &["default", "required", "secret", "description"];
const COMPONENT_KEYS: &[&str] = &[
    "id",
    "description",
    "source",
    "files",
    "exclude_files",
    "allowed_http_hosts",
    "allowed_outbound_hosts",
    "key_value_stores",
    "sqlite_databases",
    "ai_models",
    "environment",
    "config",
    "trigger",
    "build",
];
const REMOTE_KEYS: &[&str] = &["url", "digest"];
const REGISTRY_KEYS: &[&str] = &["registry", "package", "version"];
const PLACEMENT_KEYS: &[&str] = &["source", "destination"];
const BUILD_KEYS: &[&str] = &["command", "workdir", "watch"];
const HTTP_TRIGGER_KEYS: &[&str] = &["route", "executor"];
const REDIS_TRIGGER_KEYS: &[&str] = &["channel", "address"];
const EXECUTOR_TYPES: &[&str] = &["spin", "http", "wagi"];
const WAGI_KEYS: &[&str] = &["type", "argv", "entrypoint"];
const BUILT_IN_TRIGGERS: &[&str] = &["http", "redis"];

/// The application trigger's type, as far as component triggers care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AppKind {
    Http,
    Redis,
    /// A plugin trigger, or a trigger that could not be read: component
    /// triggers are kept verbatim.
    Opaque,
}

/// What every component needs to know about the rest of the manifest.
struct Context<'n> {
    kind: AppKind,
    /// The declared variable names; `None` when `[variables]` could not be
    /// read (template names are then not checked).
    variables: Option<HashSet<&'n str>>,
    variable_list: Vec<&'n str>,
}

/// What the manifest-wide checks need from one component.
struct Seen<'n> {
    id: Option<&'n str>,
    route: Option<&'n str>,
}

/// Reads a Spin document, reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;
    if top.entries.is_empty() {
        // Reported as an empty file already.
        cx.incomplete = true;
        return None;
    }
    if read_manifest_version(cx, &mut top) == Flow::Stop {
        cx.incomplete = true;
        return None;
    }

    let name = top.required_str(cx, "name");
    if let Some(name) = name {
        check_app_name(cx, name, &p.key("name"));
    }
    let anchor = if name.is_some() {
        p.key("name")
    } else {
        P::ROOT
    };
    let version = top.str(cx, "version");
    match version {
        Some(version) => check_app_version(cx, version, &p.key("version")),
        None if !top.has("version") => {
            cx.warning(c::MISSING_APP_VERSION, &p.key("version"), "the application has no `version`")
                .at(&anchor, Target::Key)
                .help("add `version = \"0.1.0\"` (a `major.minor.patch` version)")
                .note("Spin 1.x and the manifest reference require it; later versions use an empty version");
        }
        None => {}
    }
    let description = top.str(cx, "description");
    let authors = top
        .get("authors")
        .and_then(|n| string_items(cx, n, &p.key("authors")))
        .map(|items| items.into_iter().map(|(_, s)| s.to_owned()).collect())
        .unwrap_or_default();

    let variables_node = top.get("variables");
    let (variables, variable_names) = match variables_node {
        Some(node) => read_variables(cx, node, p.key("variables")),
        None => (IndexMap::new(), Some(HashSet::new())),
    };
    let mut context = Context {
        kind: AppKind::Opaque,
        variable_list: variable_names
            .as_ref()
            .map(|names| {
                let mut list: Vec<&str> = names.iter().copied().collect();
                list.sort_unstable();
                list
            })
            .unwrap_or_default(),
        variables: variable_names,
    };

    let trigger = top
        .required(cx, "trigger")
        .and_then(|node| read_app_trigger(cx, node, p.key("trigger"), &mut context));

    let component_node = top.get("component");
    let items =
        component_node.and_then(|n| cx.expect_array_of_tables(n, &p.key("component"), "component"));
    let components = match items {
        Some(items) => read_components(cx, items, &context),
        None => Vec::new(),
    };
    let wrong_shape = component_node.is_some() && items.is_none();
    if !wrong_shape && items.is_none_or(<[_]>::is_empty) {
        cx.warning(
            c::NO_COMPONENTS,
            &p.key("component"),
            "the application has no components",
        )
        .at(&anchor, Target::Key)
        .help("add a `[[component]]` with an `id`, a `source` and a `[component.trigger]`")
        .note("Spin 1.x and the manifest reference require at least one component");
    }

    if top.get("namespace").is_some() {
        cx.error(
            UNKNOWN_KEY,
            &p.key("namespace"),
            "unknown key `namespace` at the top level",
        )
        .on_key()
        .help("remove it")
        .note("Spin 1.x read `namespace`; Spin 2 and later refuse a manifest that has it");
    }
    top.finish_with(cx, Error, ROOT_KEYS, |key| match key {
        "application" => Some(
            "`[application]` belongs to version 2 manifests; in version 1 the application's `name`, `version`, ... are top-level keys".to_owned(),
        ),
        _ => None,
    });

    Some(Manifest {
        spin_manifest_version: ManifestVersion::V1,
        name: name?.to_owned(),
        version: version.map(str::to_owned),
        description: description.map(str::to_owned),
        authors,
        trigger: trigger?,
        variables,
        components,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// What a manifest version value says.
enum Declared {
    V1,
    V2,
    /// Written the wrong way but clearly meaning 1 (`1`, `"01"`).
    MeantV1,
    Other,
}

fn declared_version(node: &Node<'_>) -> Declared {
    match &node.value {
        Value::String(s) if s == "1" => Declared::V1,
        Value::String(s) if s == "2" => Declared::V2,
        Value::Integer(2) => Declared::V2,
        Value::Integer(1) => Declared::MeantV1,
        Value::Float(f) if *f == 1.0 => Declared::MeantV1,
        Value::String(s) if s.trim().parse::<f64>() == Ok(1.0) => Declared::MeantV1,
        _ => Declared::Other,
    }
}

/// Checks `spin_manifest_version` / `spin_version`; says whether the rest
/// of the document should be read as version 1.
fn read_manifest_version(cx: &mut Cx, top: &mut Table<'_, '_, '_>) -> Flow {
    let p = P::ROOT;
    let current = top.get("spin_manifest_version");
    let older = top.get("spin_version");
    let looks_like_v2 = top.has("application");
    let (key, node) = match (current, older) {
        (Some(node), Some(_)) => {
            cx.error(
                c::DUPLICATE_MANIFEST_VERSION,
                &p.key("spin_version"),
                "both `spin_manifest_version` and `spin_version` are set",
            )
            .on_key()
            .label(
                &p.key("spin_manifest_version"),
                Target::Key,
                "`spin_manifest_version` is set here",
            )
            .help("remove `spin_version`, the older name of `spin_manifest_version`")
            .note("Spin reads both as the same key, so the manifest has that key twice and is refused");
            ("spin_manifest_version", node)
        }
        (Some(node), None) => ("spin_manifest_version", node),
        (None, Some(node)) => ("spin_version", node),
        (None, None) => {
            cx.incomplete = true;
            let pending = cx
                .error(
                    MISSING_KEY,
                    &p.key("spin_manifest_version"),
                    "missing required key `spin_manifest_version`",
                )
                .help("start the manifest with `spin_manifest_version = \"1\"`");
            if looks_like_v2 {
                pending.note("`[application]` suggests a version 2 manifest (`spin_manifest_version = 2`), which this library does not read");
                return Flow::Stop;
            }
            return Flow::Continue;
        }
    };
    let path = p.key(key);
    match declared_version(node) {
        Declared::V1 => {}
        Declared::V2 => {
            cx.incomplete = true;
            cx.error(
                c::INVALID_MANIFEST_VERSION,
                &path,
                "the manifest version must be the integer `2` or the string `\"1\"`, not `\"2\"`",
            )
            .help("version 2 is written without quotes: `spin_manifest_version = 2`");
            return Flow::Stop;
        }
        Declared::MeantV1 => {
            cx.incomplete = true;
            let found = match &node.value {
                Value::String(s) => format!("`\"{s}\"`"),
                Value::Integer(i) => format!("the integer `{i}`"),
                _ => format!("`{}`", node_text(node)),
            };
            cx.error(
                c::INVALID_MANIFEST_VERSION,
                &path,
                format!("the manifest version must be the string `\"1\"`, not {found}"),
            )
            .help("write `spin_manifest_version = \"1\"`")
            .note("Spin compares the version as text and refuses every other spelling");
        }
        Declared::Other => {
            cx.incomplete = true;
            let found = match &node.value {
                Value::String(s) => format!("`\"{s}\"`"),
                Value::Integer(_) | Value::Float(_) | Value::Bool(_) => {
                    format!("`{}`", node_text(node))
                }
                _ => node.type_name(cx.syntax).to_owned(),
            };
            cx.error(
                c::INVALID_MANIFEST_VERSION,
                &path,
                format!("unknown manifest version {found}"),
            )
            .help("write `spin_manifest_version = 2` for a version 2 manifest, or `spin_manifest_version = \"1\"` for this version 1 layout");
            if looks_like_v2 {
                return Flow::Stop;
            }
        }
    }
    if key == "spin_version" {
        cx.warning(
            DEPRECATED_KEY,
            &path,
            "`spin_version` is the deprecated name of `spin_manifest_version`",
        )
        .on_key()
        .help("rename it: `spin_manifest_version = \"1\"`");
    }
    Flow::Continue
}

/// A scalar as it would be written, for messages.
fn node_text(node: &Node<'_>) -> String {
    match &node.value {
        Value::String(s) => format!("{s:?}"),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Datetime(d) => d.to_string(),
        _ => String::new(),
    }
}

fn check_app_name(cx: &mut Cx, name: &str, path: &P<'_>) {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        return;
    }
    let pending = cx.warning(
        c::INVALID_APP_NAME,
        path,
        if name.is_empty() {
            "the application name is empty".to_owned()
        } else {
            format!("the application name `{name}` has characters other than letters, digits, `-` and `_`")
        },
    );
    match ids::suggest(name, Case::Kebab) {
        Some(better) => pending.help(format!("use e.g. `name = \"{better}\"`")),
        None => pending.help("use only ASCII letters, digits, `-` and `_`"),
    };
}

fn check_app_version(cx: &mut Cx, version: &str, path: &P<'_>) {
    if semver::Version::parse(version).is_ok() {
        return;
    }
    let numbers: Vec<&str> = version.trim_start_matches('v').split('.').collect();
    let help = if numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && numbers.len() < 3
    {
        let mut padded: Vec<&str> = numbers.clone();
        padded.resize(3, "0");
        format!(
            "write all three numbers: `version = \"{}\"`",
            padded.join(".")
        )
    } else {
        "write a `major.minor.patch` version such as `\"1.0.0\"`".to_owned()
    };
    cx.warning(
        c::INVALID_APP_VERSION,
        path,
        format!("the application version `{version}` is not of the form `major.minor.patch`"),
    )
    .help(help);
}

// ---------------------------------------------------------------------------
// Application trigger

fn read_app_trigger(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
    context: &mut Context<'_>,
) -> Option<AppTrigger> {
    let mut t = table_or(
        cx,
        node,
        path,
        "write the trigger as a table: `trigger = { type = \"http\", base = \"/\" }`",
    )?;
    let trigger_type = t.required_str(cx, "type")?;
    match trigger_type {
        "http" => {
            context.kind = AppKind::Http;
            let base = t.str(cx, "base");
            match base {
                None if !t.has("base") => {
                    cx.warning(
                        c::MISSING_HTTP_BASE,
                        &path.key("base"),
                        "the HTTP trigger has no `base`",
                    )
                    .at(&path, Target::Value)
                    .help("add `base = \"/\"`: `trigger = { type = \"http\", base = \"/\" }`")
                    .note("Spin 1.x and the manifest reference require `base`; Spin 2 and later default it to `/`");
                }
                Some(base) if base != "/" => {
                    let example = format!("{}/hello", base.trim_end_matches('/'));
                    let example = if example.starts_with('/') {
                        example
                    } else {
                        format!("/{example}")
                    };
                    cx.warning(
                        c::HTTP_BASE_NOT_ROOT,
                        &path.key("base"),
                        format!("the HTTP base is `{base}`; Spin 3 and later refuse any base other than `/`"),
                    )
                    .help(format!(
                        "set `base = \"/\"` and prepend `{base}` to every route (e.g. `route = \"{example}\"`)"
                    ))
                    .note("Spin 1.x and 2.x prefix every route with the base");
                }
                _ => {}
            }
            t.finish(cx, Error, HTTP_APP_KEYS);
            Some(AppTrigger::Http(HttpAppTrigger {
                base: base.map(str::to_owned),
            }))
        }
        "redis" => {
            context.kind = AppKind::Redis;
            let address = t.required_str(cx, "address");
            if let Some(address) = address {
                check_redis_address(cx, address, &path.key("address"), context);
            }
            t.finish_with(cx, Error, REDIS_APP_KEYS, |key| match key {
                "url" | "host" | "server" => Some(format!(
                    "the Redis server's URL goes in `address`: rename `{key}` to `address`"
                )),
                _ => None,
            });
            Some(AppTrigger::Redis(RedisAppTrigger {
                address: address?.to_owned(),
            }))
        }
        other => {
            context.kind = AppKind::Opaque;
            if let Some(best) = suggest::closest(other, BUILT_IN_TRIGGERS) {
                cx.warning(
                    c::UNKNOWN_TRIGGER_TYPE,
                    &path.key("type"),
                    format!("unknown trigger type `{other}`"),
                )
                .help(format!("did you mean `{best}`?"))
                .note(format!(
                    "Spin reads any type other than `http` and `redis` as a plugin trigger and looks for a `trigger-{other}` plugin"
                ));
            }
            let settings = t
                .entries
                .iter()
                .filter(|e| e.key != "type")
                .filter_map(|e| Some((e.key.to_string(), e.value.to_toml()?)))
                .collect();
            Some(AppTrigger::Plugin(PluginTrigger {
                trigger_type: other.to_owned(),
                settings,
            }))
        }
    }
}

/// Starts reading a table; when the value is not one, the wrong-type error
/// carries `help`.
fn table_or<'n, 'a, 'p>(
    cx: &mut Cx,
    node: &'n Node<'a>,
    path: P<'p>,
    help: &str,
) -> Option<Table<'n, 'a, 'p>> {
    if node.as_table().is_none() {
        cx.wrong_type(node, &path, "a table").help(help);
        return None;
    }
    cx.expect_table(node, path)
}

fn check_redis_address(cx: &mut Cx, address: &str, path: &P<'_>, context: &Context<'_>) {
    if check_template(cx, address, path, context) {
        return;
    }
    match redis_address_problem(address) {
        Some(RedisAddressProblem::Invalid { message, help }) => {
            cx.error(c::INVALID_REDIS_ADDRESS, path, message).help(help);
        }
        Some(RedisAddressProblem::NotRedisScheme { scheme }) => {
            let help = if REDIS_UNIX_SCHEMES.contains(&scheme.as_str()) {
                "Spin connects to the socket; the format document names only `redis://` URLs, so other tools may not".to_owned()
            } else {
                let redis = if scheme.ends_with('s') {
                    "rediss"
                } else {
                    "redis"
                };
                format!(
                    "Spin connects to it, and `{redis}://` reaches the same server with every tool that follows the format document"
                )
            };
            cx.warning(
                c::NON_REDIS_SCHEME,
                path,
                format!("the Redis address `{address}` uses the `{scheme}` scheme, which the format document does not name"),
            )
            .help(help);
        }
        None => {}
    }
}

/// The schemes Spin's Redis client (the `redis` crate) connects to over TCP.
const REDIS_TCP_SCHEMES: &[&str] = &["redis", "rediss", "valkey", "valkeys"];
/// The schemes it connects to over a Unix socket.
const REDIS_UNIX_SCHEMES: &[&str] = &["unix", "redis+unix", "valkey+unix"];

/// What is wrong with a Redis address, if anything.
#[derive(Debug, PartialEq)]
enum RedisAddressProblem {
    /// Spin's Redis client cannot open it.
    Invalid { message: String, help: String },
    /// It opens, but with a scheme other than `redis` and `rediss`.
    NotRedisScheme { scheme: String },
}

/// Checks an address the way Spin's Redis client reads it: a URL with one
/// of its schemes, a host for the TCP schemes, a database number as the
/// path, an absolute socket path for the Unix schemes.
fn redis_address_problem(address: &str) -> Option<RedisAddressProblem> {
    let invalid =
        |message: String, help: String| Some(RedisAddressProblem::Invalid { message, help });
    // `redis:/localhost:6379`, `redis:localhost`: a known scheme whose `//`
    // is missing. (The Unix schemes take `unix:/path` as it is.)
    if let Some((scheme, rest)) = address.split_once(':') {
        let lower = scheme.to_ascii_lowercase();
        if REDIS_TCP_SCHEMES.contains(&lower.as_str()) && !rest.starts_with("//") {
            let fixed = format!("{scheme}://{}", rest.trim_start_matches('/'));
            return invalid(
                format!("the Redis address `{address}` lacks the `//` after `{scheme}:`"),
                format!("write `\"{fixed}\"`"),
            );
        }
    }
    let url = match url::Url::parse(address) {
        _ if !address.contains("://") && !starts_with_unix_scheme(address) => {
            return invalid(
                format!("the Redis address `{address}` has no scheme"),
                format!("write a Redis URL: `\"redis://{address}\"`"),
            );
        }
        Err(e) => {
            return invalid(
                format!("the Redis address `{address}` is not a valid URL ({e})"),
                "write a Redis URL such as `\"redis://localhost:6379\"`".to_owned(),
            );
        }
        Ok(url) => url,
    };
    let scheme = url.scheme();
    if REDIS_TCP_SCHEMES.contains(&scheme) {
        if url.host_str().is_none_or(str::is_empty) {
            return invalid(
                format!("the Redis address `{address}` names no host"),
                format!("put the server after `{scheme}://`, e.g. `\"{scheme}://localhost:6379\"`"),
            );
        }
        let database = url.path().trim_matches('/');
        if !database.is_empty() && database.parse::<i64>().is_err() {
            return invalid(
                format!("the Redis address `{address}` ends in `/{database}`, which is not a database number"),
                "the path of a Redis URL is the database number, e.g. `redis://localhost:6379/0`; remove it for database 0".to_owned(),
            );
        }
    } else if REDIS_UNIX_SCHEMES.contains(&scheme) {
        let local = matches!(url.host_str(), None | Some("" | "localhost"));
        if url.cannot_be_a_base() || !local || !url.path().starts_with('/') {
            let rest = address.split_once(':').map_or("", |(_, rest)| rest);
            let fixed = format!("{scheme}:///{}", rest.trim_start_matches('/'));
            return invalid(
                format!("the Redis address `{address}` does not name an absolute socket path"),
                format!(
                    "a socket address is `{scheme}://` followed by the socket's absolute path: `\"{fixed}\"`"
                ),
            );
        }
    } else {
        return invalid(
            format!("the Redis address `{address}` uses the `{scheme}` scheme"),
            "use `redis://` (or `rediss://` for TLS), e.g. `\"redis://localhost:6379\"`".to_owned(),
        );
    }
    (!matches!(scheme, "redis" | "rediss")).then(|| RedisAddressProblem::NotRedisScheme {
        scheme: scheme.to_owned(),
    })
}

/// Whether an address starts with a Unix-socket scheme (`unix:/run/redis.sock`
/// needs no `//`).
fn starts_with_unix_scheme(address: &str) -> bool {
    address.split_once(':').is_some_and(|(scheme, _)| {
        REDIS_UNIX_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
    })
}

/// Checks the `{{ }}` expressions of a template value; returns whether it
/// has any (or could not be parsed).
fn check_template(cx: &mut Cx, text: &str, path: &P<'_>, context: &Context<'_>) -> bool {
    match template::parse(text) {
        Err(template::Unclosed(at)) => {
            cx.error(c::UNCLOSED_TEMPLATE, path, "this `{{` is never closed")
                .within(at..at + 2)
                .help("close the expression with `}}`, as in `{{ name }}`");
            true
        }
        Ok(expressions) if expressions.is_empty() => false,
        Ok(expressions) => {
            let Some(names) = &context.variables else {
                return true;
            };
            for expression in expressions {
                if names.contains(expression.name) {
                    continue;
                }
                let name = expression.name;
                let pending = if name.is_empty() {
                    cx.error(c::UNKNOWN_VARIABLE, path, "this `{{ }}` names no variable")
                } else {
                    cx.error(
                        c::UNKNOWN_VARIABLE,
                        path,
                        format!("`{name}` is not declared in `[variables]`"),
                    )
                };
                pending.within(expression.range);
                if let Some(best) = suggest::closest(name, &context.variable_list) {
                    pending.help(format!("did you mean `{best}`?"));
                } else if name.is_empty() {
                    pending
                        .help("write the variable's name between the braces, as in `{{ name }}`");
                } else if !ids::is_valid(name, Case::LowerSnake) {
                    let better = ids::suggest(name, Case::LowerSnake)
                        .map(|s| format!(" (`{s}`)"))
                        .unwrap_or_default();
                    pending.help(format!(
                        "variable names are lower snake case{better}: declare it in `[variables]` under that name"
                    ));
                } else {
                    pending.help(format!(
                        "declare it: `[variables]` `{name} = {{ default = \"...\" }}` (or `required = true`)"
                    ));
                }
            }
            true
        }
    }
}

// ---------------------------------------------------------------------------
// Variables

fn read_variables<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
) -> (IndexMap<String, Variable>, Option<HashSet<&'n str>>) {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return (out, None);
    };
    let mut names = HashSet::with_capacity(table.entries.len());
    for entry in table.entries {
        let name: &str = &entry.key;
        names.insert(name);
        let var_path = path.key(name);
        if let Some(reason) = ids::problem(name, Case::LowerSnake) {
            let pending = cx.error(
                c::INVALID_VARIABLE_NAME,
                &var_path,
                format!("variable name `{name}` is not lower snake case: {reason}"),
            );
            pending.on_key();
            match ids::suggest(name, Case::LowerSnake) {
                Some(better) => pending.help(format!(
                    "rename it `{better}` (and every `{{{{ {name} }}}}` that uses it)"
                )),
                None => pending.help(
                    "use words of lower-case letters and digits, each starting with a letter, joined by `_`",
                ),
            };
        }
        if let Some(variable) = read_variable(cx, &entry.value, var_path, name) {
            out.insert(name.to_owned(), variable);
        }
    }
    (out, Some(names))
}

fn read_variable(cx: &mut Cx, node: &Node<'_>, path: P<'_>, name: &str) -> Option<Variable> {
    let help = match node.as_str() {
        Some(value) => format!("a variable is a table: `{name} = {{ default = {value:?} }}`"),
        None => format!(
            "a variable is a table: `{name} = {{ default = \"...\" }}` or `{name} = {{ required = true }}`"
        ),
    };
    let mut t = table_or(cx, node, path, &help)?;
    let default = t.str(cx, "default");
    let required = t.bool(cx, "required");
    let secret = t.bool(cx, "secret");
    let description = t.str(cx, "description");
    let typed_ok =
        (default.is_some() || !t.has("default")) && (required.is_some() || !t.has("required"));
    if typed_ok {
        match (required == Some(true), default.is_some()) {
            (true, true) => {
                cx.error(
                    c::VARIABLE_REQUIRED_AND_DEFAULT,
                    &path.key("required"),
                    format!("variable `{name}` is required and also has a default"),
                )
                .on_key()
                .label(&path.key("default"), Target::Key, "the default is set here")
                .help("remove `required = true` to use the default, or remove `default` so that a value must be supplied");
            }
            (false, false) => {
                let pending = cx.error(
                    c::VARIABLE_WITHOUT_VALUE,
                    &path,
                    format!("variable `{name}` has neither a default nor `required = true`"),
                );
                pending.on_key();
                if required == Some(false) {
                    pending.label(&path.key("required"), Target::Value, "not required here");
                }
                pending.help("add `default = \"...\"`, or `required = true` if a value must be supplied when the application runs");
            }
            _ => {}
        }
    }
    t.finish(cx, Error, VARIABLE_KEYS);
    Some(Variable {
        default: default.map(str::to_owned),
        required: required.unwrap_or(false),
        secret: secret.unwrap_or(false),
        description: description.map(str::to_owned),
    })
}

// ---------------------------------------------------------------------------
// Components

fn read_components(cx: &mut Cx, items: &[Node<'_>], context: &Context<'_>) -> Vec<Component> {
    let root = crate::FieldPath::root().key("component");
    let top = P::ROOT;
    let path = top.key("component");
    let mut components = Vec::with_capacity(items.len());
    // Normalized id → (index, id as written).
    let mut ids_seen: HashMap<String, (usize, &str)> = HashMap::with_capacity(items.len());
    // Normalized route → (index, route as written).
    let mut routes_seen: HashMap<String, (usize, &str)> = HashMap::new();
    let mut ids_by_index: Vec<Option<&str>> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let (seen, component) = read_component(cx, item, item_path, context);
        ids_by_index.push(seen.id);
        if let Some(id) = seen.id {
            let normalized = ids::normalize_component_id(id);
            match ids_seen.get(&normalized) {
                Some(&(first, first_id)) => {
                    let message = if first_id == id {
                        format!("duplicate component id `{id}`")
                    } else if first_id == normalized {
                        format!(
                            "component id `{id}` becomes `{normalized}` once Spin repairs it, the id of another component"
                        )
                    } else {
                        format!(
                            "component ids `{first_id}` and `{id}` both become `{normalized}` once Spin repairs them"
                        )
                    };
                    cx.error(c::DUPLICATE_COMPONENT_ID, &item_path.key("id"), message)
                        .label_path(root.clone().index(first).key("id"), Target::Value, "first defined here")
                        .help("component ids must be unique: rename one of the components")
                        .note("Spin 1.x refused duplicate ids; later versions keep only the last of these components and silently drop the earlier ones");
                }
                None => {
                    ids_seen.insert(normalized, (i, id));
                }
            }
        }
        if let Some(route) = seen.route {
            let normalized = normalize_route(route);
            match routes_seen.get(&normalized) {
                Some(&(first, first_route)) => {
                    let first_name = ids_by_index
                        .get(first)
                        .copied()
                        .flatten()
                        .map_or_else(|| format!("component[{first}]"), |id| format!("`{id}`"));
                    let message = if first_route == route {
                        format!("route `{route}` is also the route of component {first_name}")
                    } else {
                        format!(
                            "route `{route}` is the same as `{first_route}`, the route of component {first_name}"
                        )
                    };
                    cx.warning(
                        c::DUPLICATE_ROUTE,
                        &item_path.key("trigger").key("route"),
                        message,
                    )
                    .label_path(
                        root.clone().index(first).key("trigger").key("route"),
                        Target::Value,
                        "first used here",
                    )
                    .help("give each component its own route, or remove the one that is not needed")
                    .note(format!(
                        "Spin sends every request for this route to the last component declaring it, so component {first_name} is never called"
                    ));
                    // The later declaration wins, so it is the one to
                    // compare further duplicates with.
                    routes_seen.insert(normalized, (i, route));
                }
                None => {
                    routes_seen.insert(normalized, (i, route));
                }
            }
        }
        components.extend(component);
    }
    components
}

/// The route as Spin matches it: with a leading `/` and without one
/// trailing `/`.
fn normalize_route(route: &str) -> String {
    let absolute = if route.starts_with('/') {
        route.to_owned()
    } else {
        format!("/{route}")
    };
    match absolute.strip_suffix('/') {
        Some(stripped) => stripped.to_owned(),
        None => absolute,
    }
}

fn read_component<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    context: &Context<'_>,
) -> (Seen<'n>, Option<Component>) {
    let mut seen = Seen {
        id: None,
        route: None,
    };
    let Some(mut t) = cx.expect_table(node, path) else {
        return (seen, None);
    };
    let id = t.required_str(cx, "id");
    if let Some(id) = id {
        check_component_id(cx, id, &path.key("id"));
    }
    seen.id = id;
    let description = t.str(cx, "description");
    let source = t
        .required(cx, "source")
        .and_then(|n| read_source(cx, n, path.key("source")));
    let files = t
        .get("files")
        .map(|n| read_files(cx, n, path.key("files")))
        .unwrap_or_default();
    let exclude_files = t
        .get("exclude_files")
        .and_then(|n| read_globs(cx, n, &path.key("exclude_files")))
        .unwrap_or_default();
    let allowed_http_hosts = t
        .get("allowed_http_hosts")
        .and_then(|n| read_http_hosts(cx, n, &path.key("allowed_http_hosts")))
        .unwrap_or_default();
    let allowed_outbound_hosts = t
        .get("allowed_outbound_hosts")
        .and_then(|n| read_outbound_hosts(cx, n, &path.key("allowed_outbound_hosts"), context));
    let key_value_stores = t
        .get("key_value_stores")
        .and_then(|n| read_labels(cx, n, &path.key("key_value_stores"), "key-value store"))
        .unwrap_or_default();
    let sqlite_databases = t
        .get("sqlite_databases")
        .and_then(|n| read_labels(cx, n, &path.key("sqlite_databases"), "SQLite database"))
        .unwrap_or_default();
    let ai_models = t
        .get("ai_models")
        .and_then(|n| read_ai_models(cx, n, &path.key("ai_models")))
        .unwrap_or_default();
    let environment = t
        .get("environment")
        .and_then(|n| cx.string_map(n, &path.key("environment")))
        .unwrap_or_default();
    let config = t
        .get("config")
        .and_then(|n| read_config(cx, n, path.key("config"), context))
        .unwrap_or_default();
    let trigger = t.required(cx, "trigger").and_then(|n| {
        let (trigger, route) = read_component_trigger(cx, n, path.key("trigger"), context);
        seen.route = route;
        trigger
    });
    let build = t
        .get("build")
        .and_then(|n| read_build(cx, n, path.key("build")));
    t.finish_with(cx, Error, COMPONENT_KEYS, |key| match key {
        "route" | "executor" | "channel" => Some(format!(
            "`{key}` belongs to the component's trigger: move it to `[component.trigger]`"
        )),
        "variables" => Some(
            "version 1 manifests call a component's variables `config`: rename the table `[component.config]`".to_owned(),
        ),
        "dependencies" | "dependencies_inherit_configuration" | "tool" => Some(format!(
            "`{key}` belongs to version 2 manifests; version 1 components do not have it"
        )),
        _ => None,
    });

    let component = match (id, source, trigger) {
        (Some(id), Some(source), Some(trigger)) => Some(Component {
            id: id.to_owned(),
            description: description.map(str::to_owned),
            source,
            files,
            exclude_files,
            allowed_http_hosts,
            allowed_outbound_hosts,
            key_value_stores,
            sqlite_databases,
            ai_models,
            environment,
            config,
            trigger,
            build,
        }),
        _ => None,
    };
    (seen, component)
}

fn check_component_id(cx: &mut Cx, id: &str, path: &P<'_>) {
    if ids::is_valid(id, Case::Kebab) {
        return;
    }
    let repaired = ids::repair_component_id(id);
    match ids::problem(&repaired, Case::Kebab) {
        None => {
            cx.warning(
                c::COMPONENT_ID_REPAIRED,
                path,
                format!("component id `{id}` is not kebab case; Spin renames it `{repaired}`"),
            )
            .help(format!("write the id Spin uses: `id = \"{repaired}\"`"))
            .note("Spin turns `_` into `-` and lower-cases an id that is not kebab case, then uses the new id everywhere");
        }
        Some(reason) => {
            let message = if id.is_empty() {
                "the component id is empty".to_owned()
            } else if repaired == id {
                format!("component id `{id}` is not valid: {reason}")
            } else {
                format!(
                    "component id `{id}` is not valid, even as `{repaired}` (Spin's repair): {reason}"
                )
            };
            let pending = cx.error(c::INVALID_COMPONENT_ID, path, message);
            match ids::suggest(id, Case::Kebab) {
                Some(better) => pending.help(format!("rename it, e.g. `id = \"{better}\"`")),
                None => pending.help(
                    "ids are kebab case: words of ASCII letters and digits, each starting with a letter, joined by `-`",
                ),
            };
        }
    }
}

// ---------------------------------------------------------------------------
// Source

fn read_source(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<ComponentSource> {
    match &node.value {
        Value::String(s) => Some(ComponentSource::Local(PathBuf::from(s.as_ref()))),
        Value::Table(_) => {
            let mut t = cx.expect_table(node, path)?;
            // `url` decides; a stray `digest` next to `package` is
            // reported as out of place in a registry source.
            let remote =
                t.has("url") || (t.has("digest") && !t.has("package") && !t.has("registry"));
            let registry = t.has("package") || t.has("version") || t.has("registry");
            if remote {
                read_remote_source(cx, t, path)
            } else if registry {
                read_registry_source(cx, t, path)
            } else {
                cx.incomplete = true;
                let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
                let message = if found.is_empty() {
                    "the `source` table is empty".to_owned()
                } else {
                    format!(
                        "the `source` table has neither `url` nor `package` (found {})",
                        suggest::list_all(&found)
                    )
                };
                let pending = cx.error(c::INVALID_SOURCE, &path, message);
                if let Some(local) = t.get("path").and_then(Node::as_str) {
                    pending.help(format!(
                        "a local file is written as a string: `source = {local:?}`"
                    ));
                } else {
                    pending.help("write a path string, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"namespace:name\", version = \"1.0.0\" }`");
                }
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

fn read_remote_source(
    cx: &mut Cx,
    mut t: Table<'_, '_, '_>,
    path: P<'_>,
) -> Option<ComponentSource> {
    let url = t.required_str(cx, "url");
    let digest = t.required_str(cx, "digest");
    let url = url.and_then(|text| check_source_url(cx, text, &path.key("url")));
    if let Some(digest) = digest {
        check_digest(cx, digest, &path.key("digest"));
    }
    t.finish_with(cx, Error, REMOTE_KEYS, |key| match key {
        "package" | "version" | "registry" => Some(format!(
            "`{key}` belongs to a registry source `{{ package, version }}`; a source is either `{{ url, digest }}` or a registry package, not both"
        )),
        _ => None,
    });
    Some(ComponentSource::Remote(RemoteSource {
        url: url?,
        digest: digest?.to_owned(),
    }))
}

fn check_source_url(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<url::Url> {
    match url::Url::parse(text) {
        Err(e) => {
            cx.incomplete = true;
            let help = if text.contains("://") {
                "write the full download URL, e.g. `https://example.com/app.wasm`".to_owned()
            } else {
                format!("write the full URL, including the scheme: `\"https://{text}\"`")
            };
            cx.error(
                c::INVALID_SOURCE_URL,
                path,
                format!("`{text}` is not a valid URL ({e})"),
            )
            .help(help);
            None
        }
        Ok(url) => {
            match url.scheme() {
                "https" => {}
                "http" => {
                    cx.warning(
                        c::INSECURE_SOURCE_URL,
                        path,
                        format!("the module is downloaded over plain HTTP from `{text}`"),
                    )
                    .within(0..4)
                    .help("use an `https://` URL")
                    .note("Spin 1.x refused non-https sources; the digest still protects the module's content");
                }
                other => {
                    cx.error(
                        c::INVALID_SOURCE_URL,
                        path,
                        format!("`{text}` uses the `{other}` scheme; Spin downloads modules over HTTP(S) only"),
                    )
                    .within(0..other.len())
                    .help("host the module on an HTTPS server, or use a local path");
                }
            }
            Some(url)
        }
    }
}

fn check_digest(cx: &mut Cx, text: &str, path: &P<'_>) {
    const PREFIX: &str = "sha256:";
    match text.strip_prefix(PREFIX) {
        None => {
            let help = if digest::is_sha256_hex(text) {
                format!("add the algorithm: `digest = \"sha256:{text}\"`")
            } else {
                "write `sha256:` followed by the 64 hex digits of the module's SHA-256 (`sha256sum app.wasm`)".to_owned()
            };
            cx.error(
                c::INVALID_DIGEST,
                path,
                format!("the digest `{text}` does not start with `sha256:`"),
            )
            .help(help)
            .note("Spin refuses to download a source whose digest is not a SHA-256 digest");
        }
        Some(hex) => {
            if let Some(problem) = digest::sha256_hex_problem(hex) {
                let pending = cx.error(
                    c::INVALID_DIGEST,
                    path,
                    format!("the SHA-256 digest {problem}"),
                );
                pending.within(PREFIX.len()..text.len());
                if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    pending.help(format!(
                        "write it in lower case: `\"sha256:{}\"`",
                        hex.to_ascii_lowercase()
                    ));
                } else {
                    pending.help(
                        "copy the 64 hex digits of the module's SHA-256 (`sha256sum app.wasm`)",
                    );
                }
                pending.note("Spin compares the downloaded module's digest with this text, so any other spelling fails the download");
            }
        }
    }
}

fn read_registry_source(
    cx: &mut Cx,
    mut t: Table<'_, '_, '_>,
    path: P<'_>,
) -> Option<ComponentSource> {
    let registry = t.str(cx, "registry");
    let package = t.required_str(cx, "package");
    let version = t.required_str(cx, "version");
    if let Some(registry) = registry {
        let valid = !registry.is_empty()
            && !registry.contains("://")
            && url::Url::parse(&format!("https://{registry}"))
                .is_ok_and(|u| u.host_str().is_some() && u.path() == "/");
        if !valid {
            let pending = cx.error(
                c::INVALID_REGISTRY_SOURCE,
                &path.key("registry"),
                format!("the registry `{registry}` is not a host name"),
            );
            match url::Url::parse(registry)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
            {
                Some(host) => pending.help(format!(
                    "write the host name alone: `registry = \"{host}\"`"
                )),
                None => {
                    pending.help("write the registry's host name, e.g. `registry = \"ghcr.io\"`")
                }
            };
        }
    }
    if let Some(package) = package {
        let valid = package
            .split_once(':')
            .is_some_and(|(namespace, name)| is_package_label(namespace) && is_package_label(name));
        if !valid {
            let pending = cx.error(
                c::INVALID_REGISTRY_SOURCE,
                &path.key("package"),
                format!("the package `{package}` is not of the form `namespace:name`"),
            );
            let better = package.split_once(':').and_then(|(namespace, name)| {
                let fix = |part: &str| {
                    let lower = part.to_ascii_lowercase();
                    if is_package_label(&lower) {
                        Some(lower)
                    } else {
                        ids::suggest(part, Case::Kebab)
                    }
                };
                Some(format!("{}:{}", fix(namespace)?, fix(name)?))
            });
            match better {
                Some(better) => pending.help(format!(
                    "both parts are lower-case kebab case: `package = \"{better}\"`"
                )),
                None if is_package_label(package) => pending.help(format!(
                    "add the namespace: `package = \"<namespace>:{package}\"`"
                )),
                None => pending.help(
                    "write the package as `namespace:name`, both in lower-case kebab case, e.g. `package = \"my-org:hello\"`",
                ),
            };
        }
    }
    let version = version.and_then(|text| match semver::Version::parse(text) {
        Ok(version) => Some(version),
        Err(e) => {
            cx.incomplete = true;
            cx.error(
                c::INVALID_REGISTRY_SOURCE,
                &path.key("version"),
                format!("the package version `{text}` is not an exact semantic version ({e})"),
            )
            .help("write an exact version such as `version = \"1.0.0\"`")
            .note("Spin fetches exactly this version; version requirements such as `^1.0` are not accepted here");
            None
        }
    });
    t.finish_with(cx, Error, REGISTRY_KEYS, |key| match key {
        "url" | "digest" => Some(format!(
            "`{key}` belongs to a download source `{{ url, digest }}`; a source is either a registry package or `{{ url, digest }}`, not both"
        )),
        _ => None,
    });
    Some(ComponentSource::Registry(RegistrySource {
        registry: registry.map(str::to_owned),
        package: package?.to_owned(),
        version: version?,
    }))
}

/// A part of a registry package name: lower-case kebab case.
fn is_package_label(label: &str) -> bool {
    ids::is_valid(label, Case::Kebab) && !label.bytes().any(|b| b.is_ascii_uppercase())
}

// ---------------------------------------------------------------------------
// Lists

/// The string entries of an array with their positions; other entries are
/// reported and skipped.
fn string_items<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: &P<'_>,
) -> Option<Vec<(usize, &'n str)>> {
    let items = match &node.value {
        Value::Array(items) => items,
        Value::String(s) => {
            cx.wrong_type(node, path, "an array")
                .help(format!("write a list, even for one entry: `[{s:?}]`"));
            return None;
        }
        _ => {
            cx.wrong_type(node, path, "an array");
            return None;
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(s) = cx.expect_str(item, &path.index(i)) {
            out.push((i, s));
        }
    }
    Some(out)
}

fn owned(items: &[(usize, &str)]) -> Vec<String> {
    items.iter().map(|(_, s)| (*s).to_owned()).collect()
}

fn report_glob(cx: &mut Cx, pattern: &str, path: &P<'_>) -> bool {
    match globs::check(pattern) {
        Ok(()) => true,
        Err(problem) => {
            cx.error(
                c::INVALID_GLOB,
                path,
                format!("invalid glob pattern `{pattern}`: {}", problem.message),
            )
            .within(problem.range)
            .help(problem.help);
            false
        }
    }
}

fn read_globs(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    for &(i, pattern) in &items {
        report_glob(cx, pattern, &path.index(i));
    }
    Some(owned(&items))
}

fn read_files(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Vec<FileMount> {
    let items = match &node.value {
        Value::Array(items) => items,
        Value::String(s) => {
            cx.wrong_type(node, &path, "an array").help(format!(
                "write a list, even for one entry: `files = [{s:?}]`"
            ));
            return Vec::new();
        }
        _ => {
            cx.wrong_type(node, &path, "an array");
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        match &item.value {
            Value::String(pattern) => {
                if report_glob(cx, pattern, &item_path)
                    && let Some(escape) = paths::escapes(pattern)
                {
                    let (how, note) = match escape {
                        paths::Escape::Absolute => (
                            "is an absolute path",
                            "Spin refuses to copy files from outside the application directory",
                        ),
                        paths::Escape::Parent => (
                            "climbs out of the application directory",
                            "Spin copies the matched files to a place outside the component's file system, so the component never sees them",
                        ),
                    };
                    cx.error(
                        PATH_OUTSIDE_PACKAGE,
                        &item_path,
                        format!("the file pattern `{pattern}` {how}"),
                    )
                    .help("keep the files inside the application directory; to make a directory available at another path, use `{ source = \"dir\", destination = \"/path\" }`")
                    .note(note);
                }
                out.push(FileMount::Pattern(pattern.to_string()));
            }
            Value::Table(_) => {
                if let Some(placement) = read_placement(cx, item, item_path) {
                    out.push(FileMount::Placement(placement));
                }
            }
            _ => {
                cx.wrong_type(
                    item,
                    &item_path,
                    "a glob string or a `{ source, destination }` table",
                );
            }
        }
    }
    out
}

fn read_placement(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<FilePlacement> {
    let mut t = cx.expect_table(node, path)?;
    let source = t.required_str(cx, "source");
    let destination = t.required_str(cx, "destination");
    if let Some(source) = source {
        match paths::escapes(source) {
            Some(paths::Escape::Absolute) => {
                cx.error(
                    PATH_OUTSIDE_PACKAGE,
                    &path.key("source"),
                    format!("the file source `{source}` is an absolute path"),
                )
                .help("use a path relative to the manifest, inside the application directory")
                .note("Spin refuses to copy files from outside the application directory");
            }
            Some(paths::Escape::Parent) => {
                cx.warning(
                    c::OUTSIDE_APP_DIRECTORY,
                    &path.key("source"),
                    format!("the file source `{source}` is outside the application directory"),
                )
                .help("move the files into the application directory and drop the `..`")
                .note("Spin copies it, but the application then depends on files that are not part of its directory");
            }
            None => {}
        }
    }
    if let Some(destination) = destination
        && !destination.starts_with('/')
    {
        cx.warning(
            c::RELATIVE_FILES_DESTINATION,
            &path.key("destination"),
            format!("the destination `{destination}` is not an absolute path"),
        )
        .help(format!(
            "write it from the root: `destination = \"/{destination}\"`"
        ))
        .note("Spin treats a relative destination as relative to `/`");
    }
    t.finish(cx, Error, PLACEMENT_KEYS);
    Some(FilePlacement {
        source: PathBuf::from(source?),
        destination: destination?.to_owned(),
    })
}

fn read_http_hosts(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    let allow_all = items
        .iter()
        .find(|(_, s)| *s == hosts::ALLOW_ALL)
        .map(|(i, _)| *i);
    match allow_all {
        Some(all) => {
            cx.warning(
                c::ALLOWS_ALL_HOSTS,
                &path.index(all),
                "`insecure:allow-all` lets the component send HTTP requests to any host",
            )
            .help("list the hosts the component needs instead")
            .note("it is meant for development; some platforms refuse to deploy it");
            for &(i, host) in &items {
                if i == all {
                    continue;
                }
                cx.warning(
                    c::IGNORED_ALLOWED_HTTP_HOST,
                    &path.index(i),
                    format!("`{host}` is ignored: the list also contains `insecure:allow-all`"),
                )
                .label(&path.index(all), Target::Value, "this allows every host")
                .help("remove `insecure:allow-all` to restrict the component to the listed hosts, or remove this entry");
            }
        }
        None => {
            for &(i, host) in &items {
                if let Err(problem) = hosts::check_http_host(host) {
                    let pending = cx.error(
                        c::INVALID_ALLOWED_HTTP_HOST,
                        &path.index(i),
                        problem.message,
                    );
                    if let Some(range) = problem.range {
                        pending.within(range);
                    }
                    pending.help(problem.help);
                }
            }
        }
    }
    Some(owned(&items))
}

fn read_outbound_hosts(
    cx: &mut Cx,
    node: &Node<'_>,
    path: &P<'_>,
    context: &Context<'_>,
) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    for &(i, host) in &items {
        let item_path = path.index(i);
        match hosts::check_outbound_host(host) {
            Ok(Outbound::Template(_)) | Err(OutboundProblem::Unclosed(_)) => {
                check_template(cx, host, &item_path, context);
            }
            Ok(Outbound::Literal(literal)) => {
                if literal.any_host {
                    let message = if literal.any_scheme_and_port {
                        format!(
                            "`{host}` allows connections to any host, with any protocol, on any port"
                        )
                    } else {
                        format!("`{host}` allows connections to any host")
                    };
                    let pending = cx.warning(c::ALLOWS_ALL_HOSTS, &item_path, message);
                    if !literal.any_scheme_and_port {
                        pending.within(literal.range.clone());
                    }
                    pending.help("list the hosts the component needs (wildcards such as `*.example.com` are allowed)");
                }
                if let Some(range) = literal.empty_range {
                    let help = match range
                        .split_once("..")
                        .map(|(a, b)| (a.parse::<u32>(), b.parse::<u32>()))
                    {
                        Some((Ok(start), Ok(end))) if start == end => format!(
                            "the end of a range is excluded: write `{start}..{}`, or just the port `{start}`",
                            start + 1
                        ),
                        Some((Ok(start), Ok(end))) => format!(
                            "the range starts after its end: write `{end}..{start}` (the end is excluded)"
                        ),
                        _ => "the end of a range is excluded: make it one past the last port"
                            .to_owned(),
                    };
                    cx.warning(
                        c::EMPTY_PORT_RANGE,
                        &item_path,
                        format!("the port range `{range}` contains no port"),
                    )
                    .within(literal.range)
                    .help(help);
                }
            }
            Err(OutboundProblem::Invalid(problem)) => {
                let pending = cx.error(
                    c::INVALID_ALLOWED_OUTBOUND_HOST,
                    &item_path,
                    problem.message,
                );
                if let Some(range) = problem.range {
                    pending.within(range);
                }
                pending.help(problem.help);
            }
        }
    }
    Some(owned(&items))
}

fn read_labels(cx: &mut Cx, node: &Node<'_>, path: &P<'_>, what: &str) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    for &(i, label) in &items {
        if ids::is_valid(label, Case::Kebab) || ids::is_valid(label, Case::Snake) {
            continue;
        }
        let pending = cx.warning(
            c::INVALID_STORE_LABEL,
            &path.index(i),
            format!("the {what} label `{label}` is neither kebab case nor snake case"),
        );
        match ids::suggest(label, Case::Kebab) {
            Some(better) => pending.help(format!("use e.g. `{better}`")),
            None => pending.help("use words of letters and digits joined by `-` or `_`"),
        };
        pending.note("Spin accepts it in a version 1 manifest, but not in the version 2 form it converts the manifest to");
    }
    Some(owned(&items))
}

fn read_ai_models(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    for &(i, model) in &items {
        let Some(reason) = ids::problem(model, Case::Kebab) else {
            continue;
        };
        let pending = cx.error(
            c::INVALID_AI_MODEL,
            &path.index(i),
            format!("the AI model name `{model}` is not kebab case: {reason}"),
        );
        match ids::suggest(model, Case::Kebab) {
            Some(better) => pending.help(format!("did you mean `{better}`?")),
            None => pending.help("model names are kebab case, e.g. `llama2-chat`"),
        };
        pending.note("Spin refuses the manifest when it converts it to the version 2 form it runs");
    }
    Some(owned(&items))
}

fn read_config(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
    context: &Context<'_>,
) -> Option<IndexMap<String, String>> {
    let table = cx.expect_table(node, path)?;
    let mut out = IndexMap::with_capacity(table.entries.len());
    for entry in table.entries {
        let key: &str = &entry.key;
        let entry_path = path.key(key);
        if let Some(reason) = ids::problem(key, Case::LowerSnake) {
            let pending = cx.error(
                c::INVALID_CONFIG_KEY,
                &entry_path,
                format!("config key `{key}` is not lower snake case: {reason}"),
            );
            pending.on_key();
            match ids::suggest(key, Case::LowerSnake) {
                Some(better) => pending.help(format!("rename it `{better}`")),
                None => pending.help(
                    "use words of lower-case letters and digits, each starting with a letter, joined by `_`",
                ),
            };
        }
        let Some(value) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        check_template(cx, value, &entry_path, context);
        out.insert(key.to_owned(), value.to_owned());
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// Component trigger

fn read_component_trigger<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    context: &Context<'_>,
) -> (Option<ComponentTrigger>, Option<&'n str>) {
    let Some(mut t) = cx.expect_table(node, path) else {
        return (None, None);
    };
    match context.kind {
        AppKind::Http => {
            let (route, seen_route) = match t.required(cx, "route") {
                Some(n) => read_route(cx, n, path.key("route")),
                None => (None, None),
            };
            let executor = t
                .get("executor")
                .and_then(|n| read_executor(cx, n, path.key("executor")));
            let executor_ok = executor.is_some() || !t.has("executor");
            t.finish_with(cx, Error, HTTP_TRIGGER_KEYS, |key| match key {
                "channel" | "address" => Some(format!(
                    "`{key}` is a Redis trigger setting; this application's trigger is `http`"
                )),
                "path" => Some("the component's HTTP path is called `route`".to_owned()),
                _ => None,
            });
            let trigger = match (route, executor_ok) {
                (Some(route), true) => {
                    Some(ComponentTrigger::Http(HttpTrigger { route, executor }))
                }
                _ => None,
            };
            (trigger, seen_route)
        }
        AppKind::Redis => {
            let channel = t.required_str(cx, "channel");
            let address = t.str(cx, "address");
            if let Some(address) = address {
                check_redis_address(cx, address, &path.key("address"), context);
            }
            t.finish_with(cx, Error, REDIS_TRIGGER_KEYS, |key| match key {
                "route" | "executor" => Some(format!(
                    "`{key}` is an HTTP trigger setting; this application's trigger is `redis`"
                )),
                _ => None,
            });
            let trigger = channel.map(|channel| {
                ComponentTrigger::Redis(RedisTrigger {
                    channel: channel.to_owned(),
                    address: address.map(str::to_owned),
                })
            });
            (trigger, None)
        }
        AppKind::Opaque => {
            let table = match node.to_toml() {
                Some(toml::Value::Table(table)) => table,
                _ => toml::Table::new(),
            };
            (Some(ComponentTrigger::Plugin(table)), None)
        }
    }
}

fn read_route<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
) -> (Option<HttpRoute>, Option<&'n str>) {
    match &node.value {
        Value::String(route) => {
            if !route.starts_with('/') {
                cx.warning(
                    c::ROUTE_WITHOUT_LEADING_SLASH,
                    &path,
                    format!("route `{route}` does not start with `/`"),
                )
                .help(format!("write `route = \"/{route}\"`"))
                .note("Spin adds the missing `/` itself");
            }
            (Some(HttpRoute::Path(route.to_string())), Some(route))
        }
        Value::Table(_) => {
            let Some(mut t) = cx.expect_table(node, path) else {
                return (None, None);
            };
            let private = t
                .required(cx, "private")
                .and_then(|n| cx.expect_bool(n, &path.key("private")));
            t.finish(cx, Error, &["private"]);
            match private {
                Some(true) => (Some(HttpRoute::Private), None),
                Some(false) => {
                    cx.incomplete = true;
                    cx.error(
                        c::INVALID_ROUTE,
                        &path.key("private"),
                        "`{ private = false }` is not a route",
                    )
                    .help("give a route string such as `route = \"/hello\"`, or `{ private = true }` for a component reachable only from other components");
                    (None, None)
                }
                None => (None, None),
            }
        }
        _ => {
            cx.wrong_type(node, &path, "a route string").help(
                "write the route as a string, e.g. `route = \"/hello\"` or `route = \"/api/...\"`",
            );
            (None, None)
        }
    }
}

fn read_executor(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<HttpExecutor> {
    let help = format!(
        "write the executor as a table: `executor = {{ type = {:?} }}`",
        node.as_str().unwrap_or("wagi")
    );
    let mut t = table_or(cx, node, path, &help)?;
    let executor_type = t.required_str(cx, "type")?;
    let wagi_only = |key: &str| match key {
        "argv" | "entrypoint" => Some(format!(
            "`{key}` is only read by the Wagi executor (`type = \"wagi\"`)"
        )),
        _ => None,
    };
    match executor_type {
        "spin" | "http" => {
            t.finish_with(cx, Error, &["type"], wagi_only);
            Some(if executor_type == "spin" {
                HttpExecutor::Spin
            } else {
                HttpExecutor::Http
            })
        }
        "wagi" => {
            let argv = t.str(cx, "argv");
            let entrypoint = t.str(cx, "entrypoint");
            if let Some(entrypoint) = entrypoint
                && entrypoint != "_start"
            {
                cx.warning(
                    c::WAGI_CUSTOM_ENTRYPOINT,
                    &path.key("entrypoint"),
                    format!("Wagi entrypoint `{entrypoint}`: Spin 3 and later refuse any entrypoint other than `_start`"),
                )
                .help("export the handler as the module's `_start` (its `main`) and remove `entrypoint`")
                .note("Spin 1.x and 2.x call the named function");
            }
            t.finish(cx, Error, WAGI_KEYS);
            Some(HttpExecutor::Wagi(WagiExecutor {
                argv: argv.map(str::to_owned),
                entrypoint: entrypoint.map(str::to_owned),
            }))
        }
        other => {
            cx.incomplete = true;
            let pending = cx.error(
                c::INVALID_EXECUTOR,
                &path.key("type"),
                format!("unknown HTTP executor `{other}`"),
            );
            match suggest::closest(other, EXECUTOR_TYPES) {
                Some(best) => pending.help(format!("did you mean `{best}`?")),
                None => pending.help("use `spin` for components built with a Spin SDK, or `wagi` for modules that handle CGI-style requests"),
            };
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Build

fn read_build(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Build> {
    let mut t = cx.expect_table(node, path)?;
    let command = t.required(cx, "command").and_then(|n| match &n.value {
        Value::String(s) => Some(BuildCommand::Single(s.to_string())),
        Value::Array(_) => string_items(cx, n, &path.key("command"))
            .map(|items| BuildCommand::Multiple(owned(&items))),
        _ => {
            cx.wrong_type(n, &path.key("command"), "a string or an array of strings");
            None
        }
    });
    let workdir = t.str(cx, "workdir");
    if let Some(workdir) = workdir
        && let Some(escape) = paths::escapes(workdir)
    {
        let how = match escape {
            paths::Escape::Absolute => "is an absolute path",
            paths::Escape::Parent => "is outside the application directory",
        };
        cx.warning(
            c::OUTSIDE_APP_DIRECTORY,
            &path.key("workdir"),
            format!("the build directory `{workdir}` {how}"),
        )
        .help("keep the component's sources inside the application directory and use a relative path")
        .note("`spin build` runs there, but the application cannot be built from its own directory alone");
    }
    let watch = t
        .get("watch")
        .and_then(|n| read_globs(cx, n, &path.key("watch")))
        .unwrap_or_default();
    t.finish(cx, Error, BUILD_KEYS);
    Some(Build {
        command: command?,
        workdir: workdir.map(PathBuf::from),
        watch,
    })
}

#[cfg(test)]
mod tests {
    use super::{RedisAddressProblem, redis_address_problem};

    fn invalid(address: &str) -> (String, String) {
        match redis_address_problem(address) {
            Some(RedisAddressProblem::Invalid { message, help }) => (message, help),
            other => panic!("{address}: {other:?}"),
        }
    }

    #[test]
    fn redis_addresses_spin_opens() {
        for address in [
            "redis://localhost:6379",
            "REDIS://localhost",
            "rediss://cache.example.com:6380/2",
            "redis://:secret@10.0.0.1",
            "redis://[::1]:6379/",
        ] {
            assert_eq!(redis_address_problem(address), None, "{address}");
        }
        for (address, scheme) in [
            ("valkey://localhost:6379", "valkey"),
            ("valkeys://cache.example.com", "valkeys"),
            ("unix:///run/redis.sock", "unix"),
            ("unix:/run/redis.sock", "unix"),
            ("redis+unix:///run/redis.sock?db=1", "redis+unix"),
            ("valkey+unix://localhost/run/valkey.sock", "valkey+unix"),
        ] {
            assert_eq!(
                redis_address_problem(address),
                Some(RedisAddressProblem::NotRedisScheme {
                    scheme: scheme.to_owned()
                }),
                "{address}"
            );
        }
    }

    #[test]
    fn a_missing_double_slash_is_named() {
        let (message, help) = invalid("redis:/localhost:6379");
        assert_eq!(
            message,
            "the Redis address `redis:/localhost:6379` lacks the `//` after `redis:`"
        );
        assert_eq!(help, "write `\"redis://localhost:6379\"`");
        assert_eq!(
            invalid("rediss:cache:6380").1,
            "write `\"rediss://cache:6380\"`"
        );
        assert_eq!(
            invalid("valkey:localhost").1,
            "write `\"valkey://localhost\"`"
        );
    }

    #[test]
    fn addresses_spin_cannot_open() {
        for (address, expected) in [
            ("localhost:6379", "has no scheme"),
            ("http://redis.example.com", "uses the `http` scheme"),
            ("redis://", "names no host"),
            ("redis:///0", "names no host"),
            ("redis://localhost:6379/cache", "not a database number"),
            ("redis://local host", "not a valid URL"),
            ("unix://run/redis.sock", "absolute socket path"),
            ("unix:run/redis.sock", "absolute socket path"),
        ] {
            let (message, _) = invalid(address);
            assert!(message.contains(expected), "{address}: {message}");
        }
    }
}
