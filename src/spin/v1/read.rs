//! Reading a version 1 `spin.toml` out of the document tree: the shape of
//! the format (tables, keys, types) declared once, with the checks of
//! single values called where the values are met. Checks across entries
//! are passes in [`super::rules`].

mod component;
mod trigger;

use indexmap::IndexMap;

use super::rules::{
    duplicate_manifest_version, http_base_not_root, invalid_app_name, invalid_app_version,
    invalid_manifest_version, invalid_redis_address, invalid_variable_name, missing_app_version,
    missing_http_base, unknown_trigger_type, variable_required_and_default, variable_without_value,
};
use super::{
    AppTrigger, HttpAppTrigger, Manifest, ManifestVersion, PluginTrigger, RedisAppTrigger, Variable,
};
use crate::codes::{DEPRECATED_KEY, MISSING_KEY, UNKNOWN_KEY};
use crate::diagnostic::Severity::Error;
use crate::fix::Applicability;
use crate::path::P;
use crate::read::{Cx, Special};
use crate::source::{Node, Value};
use crate::spin::read::table_or;
use crate::spin::rules::Version;

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

/// Whether the document is read on as a version 1 manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
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
/// of the document is read as version 1. An empty document (reported as an
/// empty file) or one that is not a table stops here.
pub(crate) fn version(root: &Node<'_>, cx: &mut Cx) -> Flow {
    let p = P::ROOT;
    let Some(table) = root.as_table() else {
        cx.expect_table(root, p);
        return Flow::Stop;
    };
    if table.is_empty() {
        return Flow::Stop;
    }
    let looks_like_v2 = root.get("application").is_some();
    let (key, node) = match (root.get("spin_manifest_version"), root.get("spin_version")) {
        (Some(node), Some(_)) => {
            duplicate_manifest_version::report(cx);
            ("spin_manifest_version", node)
        }
        (Some(node), None) => ("spin_manifest_version", node),
        (None, Some(node)) => ("spin_version", node),
        (None, None) => {
            let pending = cx
                .report(
                    &MISSING_KEY,
                    &p.key("spin_manifest_version"),
                    "missing required key `spin_manifest_version`",
                )
                .help("start the manifest with `spin_manifest_version = \"1\"`");
            if looks_like_v2 {
                pending.note(
                    "`[application]` suggests a version 2 manifest: `spin_manifest_version = 2`",
                );
                return Flow::Stop;
            }
            return Flow::Continue;
        }
    };
    let path = p.key(key);
    match declared_version(node) {
        Declared::V1 => {}
        Declared::V2 => {
            // The integer 2 is read as version 2 before this reader; here
            // it is the string `"2"` on a version 1 layout.
            invalid_manifest_version::report_quoted_two(cx, &path);
            return Flow::Stop;
        }
        Declared::MeantV1 => invalid_manifest_version::report_meant_v1(cx, node, &path),
        Declared::Other => {
            invalid_manifest_version::report_unknown(cx, node, &path);
            if looks_like_v2 {
                return Flow::Stop;
            }
        }
    }
    if key == "spin_version" {
        cx.report(
            &DEPRECATED_KEY,
            &path,
            "`spin_version` is the deprecated name of `spin_manifest_version`",
        )
        .on_key()
        .help("rename it: `spin_manifest_version = \"1\"`")
        .note("`spin doctor` reports it too (\"Manifest using old 'spin_version' key\")")
        // Spin reads the two names as one key: renaming changes nothing.
        .fix_key(Applicability::Safe, key, "spin_manifest_version");
    }
    Flow::Continue
}

/// The application trigger's type, as far as component triggers care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AppKind {
    Http,
    Redis,
    /// A plugin trigger, or a trigger that could not be read: component
    /// triggers are kept verbatim.
    Opaque,
}

/// Reads a version 1 document (after [`version`] said to go on),
/// reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;
    // Checked by `version`.
    top.get("spin_manifest_version");
    top.get("spin_version");

    let name = top.required_str(cx, "name");
    if let Some(name) = name {
        invalid_app_name::check(cx, name, &p.key("name"));
    }
    let version = top.str(cx, "version");
    match version {
        Some(version) => invalid_app_version::check(cx, version, &p.key("version"), Version::V1),
        None if !top.has("version") => {
            let anchor = if name.is_some() {
                p.key("name")
            } else {
                P::ROOT
            };
            missing_app_version::report(cx, &anchor);
        }
        None => {}
    }
    let description = top.str(cx, "description");
    let authors = top
        .get("authors")
        .and_then(|n| string_items(cx, n, &p.key("authors")))
        .map(|items| owned(&items))
        .unwrap_or_default();
    let variables = top
        .get("variables")
        .map(|n| read_variables(cx, n, p.key("variables")))
        .unwrap_or_default();
    let mut kind = AppKind::Opaque;
    let trigger = top
        .required(cx, "trigger")
        .and_then(|node| read_app_trigger(cx, node, p.key("trigger"), &mut kind));
    let path = p.key("component");
    let components = match top.get("component") {
        Some(node) => match cx.expect_array_of_tables(node, &path, "component") {
            Some(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| component::read(cx, item, path.index(i), kind))
                .collect(),
            None => Vec::new(),
        },
        None => Vec::new(),
    };

    if top.get("namespace").is_some() {
        cx.report_as(
            &UNKNOWN_KEY,
            Error,
            p.key("namespace").to_path(),
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

fn read_app_trigger(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
    kind: &mut AppKind,
) -> Option<AppTrigger> {
    let help = "write the trigger as a table: `trigger = { type = \"http\", base = \"/\" }`";
    let mut t = table_or(cx, node, path, help)?;
    let trigger_type = t.required_str(cx, "type")?;
    match trigger_type {
        "http" => {
            *kind = AppKind::Http;
            let base = t.str(cx, "base");
            match base {
                None if !t.has("base") => missing_http_base::report(cx, &path),
                Some(base) => http_base_not_root::check(cx, base, &path.key("base")),
                None => {}
            }
            t.finish(cx, Error, HTTP_APP_KEYS);
            Some(AppTrigger::Http(HttpAppTrigger {
                base: base.map(str::to_owned),
            }))
        }
        "redis" => {
            *kind = AppKind::Redis;
            let address = t.required_str(cx, "address");
            if let Some(address) = address {
                invalid_redis_address::check(cx, address, &path.key("address"));
            }
            t.finish_with(cx, Error, REDIS_APP_KEYS, |key| match key {
                "url" | "host" | "server" => Some(Special::rename(
                    "address",
                    format!(
                        "the Redis server's URL goes in `address`: rename `{key}` to `address`"
                    ),
                )),
                _ => None,
            });
            Some(AppTrigger::Redis(RedisAppTrigger {
                address: address?.to_owned(),
            }))
        }
        other => {
            unknown_trigger_type::check_value(cx, other, &path.key("type"));
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

fn read_variables(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, Variable> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let name: &str = &entry.key;
        let var_path = path.key(name);
        invalid_variable_name::check(cx, name, &var_path);
        if let Some(variable) = read_variable(cx, &entry.value, var_path, name) {
            out.insert(name.to_owned(), variable);
        }
    }
    out
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
        let has_default = default.is_some();
        variable_required_and_default::check(cx, name, required, has_default, &path);
        variable_without_value::check(cx, name, required, has_default, &path);
    }
    t.finish(cx, Error, VARIABLE_KEYS);
    Some(Variable {
        default: default.map(str::to_owned),
        required: required.unwrap_or(false),
        secret: secret.unwrap_or(false),
        description: description.map(str::to_owned),
    })
}

/// The string entries of an array with their positions; other entries are
/// reported and skipped. A single string gets a help to make it a list.
pub(super) fn string_items<'n>(
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

pub(super) fn owned(items: &[(usize, &str)]) -> Vec<String> {
    items.iter().map(|(_, s)| (*s).to_owned()).collect()
}
