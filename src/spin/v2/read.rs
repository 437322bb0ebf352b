//! Reading a version 2 `spin.toml` out of the document tree: the shape of
//! the format (tables, keys, types) declared once, with the checks of single
//! values called where the values are met. Components are read in
//! [`component`]; checks across entries are passes in [`super::rules`].

mod component;

use indexmap::IndexMap;

pub(crate) use component::read_component;

use super::rules::{
    deprecated_wagi, duplicate_manifest_version, empty_app_name, http_base_not_root,
    invalid_app_version, invalid_component_id, invalid_executor, invalid_manifest_version,
    invalid_redis_address, invalid_route, invalid_static_response, invalid_variable_name,
    target_conflict, trigger_components, unknown_trigger_type, variable_required_and_default,
    variable_without_value, wagi_custom_entrypoint,
};
use super::{
    AppTriggerSettings, Application, ComponentSpec, Dependency, HttpAppSettings, HttpExecutor,
    HttpTrigger, Manifest, ManifestVersion, RedisAppSettings, RedisTrigger, StaticResponse,
    TargetEnvironment, Trigger, TriggerConfig, Variable, WagiExecutor,
};
use crate::diagnostic::Severity::{Error, Warning};
use crate::path::P;
use crate::read::{Cx, Special, Table};
use crate::source::{Node, Value};
use crate::spin::read::table_or;
use crate::spin::rules::{Version, renamable};

const ROOT_KEYS: &[&str] = &[
    "spin_manifest_version",
    "application",
    "variables",
    "trigger",
    "component",
];
const APPLICATION_KEYS: &[&str] = &[
    "name",
    "version",
    "description",
    "authors",
    "targets",
    "trigger",
    "tool",
];
const VARIABLE_KEYS: &[&str] = &["default", "required", "secret", "description"];
const HTTP_TRIGGER_KEYS: &[&str] = &[
    "id",
    "component",
    "components",
    "dependencies",
    "route",
    "executor",
    "static_response",
];
const REDIS_TRIGGER_KEYS: &[&str] = &[
    "id",
    "component",
    "components",
    "dependencies",
    "channel",
    "address",
];
const STATIC_RESPONSE_KEYS: &[&str] = &["status_code", "headers", "body"];
const WAGI_KEYS: &[&str] = &["type", "argv", "entrypoint"];

/// Reads a version 2 document, reporting every problem into `cx`. The
/// caller has seen `spin_manifest_version = 2` (or a version 2 layout).
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;
    invalid_manifest_version::check(cx, &mut top);
    if top.has("spin_manifest_version") && top.has("spin_version") {
        duplicate_manifest_version::report(cx);
    }

    let application = top
        .required(cx, "application")
        .and_then(|n| read_application(cx, n, p.key("application")));
    let variables = top
        .get("variables")
        .map(|n| read_variables(cx, n, p.key("variables")))
        .unwrap_or_default();
    let trigger = top
        .required(cx, "trigger")
        .and_then(|n| read_triggers(cx, n, p.key("trigger")));
    let mut components = IndexMap::new();
    if let Some(node) = top.get("component") {
        let path = p.key("component");
        if let Some(table) = cx.expect_table(node, path) {
            for entry in table.entries {
                let id: &str = &entry.key;
                let entry_path = path.key(id);
                invalid_component_id::check(cx, id, &entry_path);
                if let Some(component) = read_component(cx, &entry.value, entry_path) {
                    components.insert(id.to_owned(), component);
                }
            }
        }
    }
    top.finish_with(cx, Error, ROOT_KEYS, |key| match key {
        "name" | "version" | "description" | "authors" => Some(format!(
            "in version 2, `{key}` belongs in `[application]`: move it there"
        )),
        _ => None,
    });
    Some(Manifest {
        spin_manifest_version: ManifestVersion::V2,
        application: application?,
        variables,
        trigger: trigger?,
        components,
    })
}

/// A table of tables (`tool`), each kept verbatim.
pub(super) fn read_tables(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
) -> IndexMap<String, toml::Table> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let entry_path = path.key(&entry.key);
        if cx.expect_table(&entry.value, entry_path).is_some()
            && let Some(toml::Value::Table(t)) = entry.value.to_toml()
        {
            out.insert(entry.key.to_string(), t);
        }
    }
    out
}

fn read_application(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Application> {
    let mut t = cx.expect_table(node, path)?;
    let name = t.required_str(cx, "name");
    if let Some(name) = name {
        empty_app_name::check(cx, name, &path.key("name"));
    }
    let version = t.str(cx, "version");
    if let Some(version) = version {
        invalid_app_version::check(cx, version, &path.key("version"), Version::V2);
    }
    let description = t.str(cx, "description");
    let authors = t.string_list(cx, "authors").unwrap_or_default();
    let targets = t
        .get("targets")
        .map(|n| read_targets(cx, n, path.key("targets")))
        .unwrap_or_default();
    let mut trigger = IndexMap::new();
    if let Some(node) = t.get("trigger") {
        let tpath = path.key("trigger");
        if let Some(table) = cx.expect_table(node, tpath) {
            for entry in table.entries {
                let kind: &str = &entry.key;
                let settings = read_app_trigger(cx, kind, &entry.value, tpath.key(kind));
                if let Some(settings) = settings {
                    trigger.insert(kind.to_owned(), settings);
                }
            }
        }
    }
    let tool = t
        .get("tool")
        .map(|n| read_tables(cx, n, path.key("tool")))
        .unwrap_or_default();
    t.finish(cx, Error, APPLICATION_KEYS);
    Some(Application {
        name: name?.to_owned(),
        version: version.map(str::to_owned),
        description: description.map(str::to_owned),
        authors,
        targets,
        trigger,
        tool,
    })
}

fn read_app_trigger(
    cx: &mut Cx,
    kind: &str,
    node: &Node<'_>,
    path: P<'_>,
) -> Option<AppTriggerSettings> {
    let mut t = cx.expect_table(node, path)?;
    match kind {
        "http" => {
            let base = t.str(cx, "base");
            if let Some(base) = base {
                http_base_not_root::check(cx, base, &path.key("base"));
            }
            t.finish(cx, Error, &["base"]);
            Some(AppTriggerSettings::Http(HttpAppSettings {
                base: base.map(str::to_owned),
            }))
        }
        "redis" => {
            let address = t.required_str(cx, "address");
            if let Some(address) = address {
                invalid_redis_address::check_value(cx, address, &path.key("address"));
            }
            t.finish(cx, Error, &["address"]);
            Some(AppTriggerSettings::Redis(RedisAppSettings {
                address: address?.to_owned(),
            }))
        }
        _ => match node.to_toml() {
            Some(toml::Value::Table(table)) => Some(AppTriggerSettings::Plugin(table)),
            _ => None,
        },
    }
}

/// `targets = ["spin-up:3.3", { url = "..." }, { path = "..." }]`.
pub(super) fn read_targets(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Vec<TargetEnvironment> {
    let mut out = Vec::new();
    let Some(items) = cx.expect_array(node, &path) else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        match &item.value {
            Value::String(id) => out.push(TargetEnvironment::Catalogue(id.to_string())),
            Value::Table(_) => {
                let Some(mut t) = cx.expect_table(item, item_path) else {
                    continue;
                };
                let target = if t.has("url") {
                    t.str(cx, "url").map(|url| TargetEnvironment::Url {
                        url: url.to_owned(),
                    })
                } else {
                    t.required_str(cx, "path")
                        .map(|p| TargetEnvironment::Path { path: p.into() })
                };
                let known: &[&str] = if t.has("url") { &["url"] } else { &["path"] };
                t.finish(cx, Error, known);
                out.extend(target);
            }
            _ => {
                cx.wrong_type(item, &item_path, "a string or a table")
                    .help("write a catalogue id (`\"spin-up:3.3\"`), `{ url = \"...\" }` or `{ path = \"...\" }`");
            }
        }
    }
    out
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
        let help = match entry.value.as_str() {
            Some(value) => format!("a variable is a table: `{name} = {{ default = {value:?} }}`"),
            None => format!(
                "a variable is a table: `{name} = {{ default = \"...\" }}` or `{name} = {{ required = true }}`"
            ),
        };
        let Some(mut t) = table_or(cx, &entry.value, var_path, &help) else {
            continue;
        };
        let default = t.str(cx, "default");
        let required = t.bool(cx, "required");
        let secret = t.bool(cx, "secret");
        let description = t.str(cx, "description");
        let typed =
            (default.is_some() || !t.has("default")) && (required.is_some() || !t.has("required"));
        if typed {
            variable_required_and_default::check(cx, name, required, default.is_some(), &var_path);
            variable_without_value::check(cx, name, required, default.is_some(), &var_path);
        }
        t.finish(cx, Error, VARIABLE_KEYS);
        out.insert(
            name.to_owned(),
            Variable {
                default: default.map(str::to_owned),
                required: required.unwrap_or(false),
                secret: secret.unwrap_or(false),
                description: description.map(str::to_owned),
            },
        );
    }
    out
}

fn read_triggers(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
) -> Option<IndexMap<String, Vec<Trigger>>> {
    let table = cx.expect_table(node, path)?;
    let mut out = IndexMap::new();
    for entry in table.entries {
        let kind: &str = &entry.key;
        let kind_path = path.key(kind);
        unknown_trigger_type::check_key(cx, kind, &kind_path, |best| {
            !table.has(best) && renamable(&entry.value)
        });
        let header = format!("trigger.{kind}");
        let Some(items) = cx.expect_array_of_tables(&entry.value, &kind_path, &header) else {
            continue;
        };
        let mut triggers = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            triggers.extend(read_trigger(cx, kind, item, kind_path.index(i)));
        }
        out.insert(kind.to_owned(), triggers);
    }
    Some(out)
}

fn read_trigger(cx: &mut Cx, kind: &str, node: &Node<'_>, path: P<'_>) -> Option<Trigger> {
    let mut t = cx.expect_table(node, path)?;
    let id = t.str(cx, "id").map(str::to_owned);
    let component = match t.get("component") {
        None => None,
        Some(n) => read_component_spec(cx, n, path.key("component")),
    };
    let component_ok = component.is_some() || !t.has("component");
    if let Some(n) = t.get("components") {
        trigger_components::report(cx, kind, n, &path.key("components"));
    }
    let dependencies = t
        .get("dependencies")
        .map(|n| read_trigger_dependencies(cx, n, path.key("dependencies")))
        .unwrap_or_default();
    let config = match kind {
        "http" => read_http_trigger(cx, t, path, component.is_some() || !component_ok),
        "redis" => read_redis_trigger(cx, t, path),
        _ => {
            let table = node
                .entries()
                .iter()
                .filter(|e| {
                    !matches!(
                        e.key.as_ref(),
                        "id" | "component" | "components" | "dependencies"
                    )
                })
                .filter_map(|e| Some((e.key.to_string(), e.value.to_toml()?)))
                .collect();
            Some(TriggerConfig::Plugin(table))
        }
    };
    if !component_ok {
        return None;
    }
    Some(Trigger {
        id,
        component,
        dependencies,
        config: config?,
    })
}

fn read_component_spec(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<ComponentSpec> {
    match &node.value {
        Value::String(id) => {
            invalid_component_id::check(cx, id, &path);
            Some(ComponentSpec::Reference(id.to_string()))
        }
        Value::Table(_) => {
            read_component(cx, node, path).map(|c| ComponentSpec::Inline(Box::new(c)))
        }
        _ => {
            cx.wrong_type(node, &path, "a component id or an inline component table")
                .help("name a component (`component = \"hello\"`) defined under `[component.hello]`, or define it here: `component = { source = \"hello.wasm\" }`");
            None
        }
    }
}

fn read_trigger_dependencies(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
) -> IndexMap<String, Vec<Dependency>> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let role: &str = &entry.key;
        let role_path = path.key(role);
        let Some(items) = (match &entry.value.value {
            Value::Table(_) => {
                cx.wrong_type(&entry.value, &role_path, "an array")
                    .help(format!(
                        "a role takes a list, even of one: `{role} = [{{ component = \"...\" }}]`"
                    ));
                None
            }
            _ => cx.expect_array(&entry.value, &role_path),
        }) else {
            continue;
        };
        let list = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                component::read_trigger_dependency(cx, item, role_path.index(i))
            })
            .collect();
        out.insert(role.to_owned(), list);
    }
    out
}

fn read_http_trigger(
    cx: &mut Cx,
    mut t: Table<'_, '_, '_>,
    path: P<'_>,
    has_component: bool,
) -> Option<TriggerConfig> {
    let route = t
        .required(cx, "route")
        .and_then(|n| invalid_route::read(cx, n, path.key("route")));
    let executor_node = t.get("executor");
    let executor = executor_node.and_then(|n| read_executor(cx, n, path.key("executor")));
    let static_node = t.get("static_response");
    let static_response =
        static_node.and_then(|n| read_static_response(cx, n, path.key("static_response")));
    target_conflict::check(cx, has_component, static_node.is_some(), &path);
    t.finish_with(cx, Error, HTTP_TRIGGER_KEYS, |key| match key {
        "handler" => Some(Special::from(
            "the component of a trigger is named with `component`; `handler` appears in the design notes but Spin never read it".to_owned(),
        )),
        "channel" | "address" => Some(Special::from(format!(
            "`{key}` is a Redis trigger setting; this is an HTTP trigger"
        ))),
        "path" => Some(Special::rename(
            "route",
            "an HTTP trigger's path is called `route`",
        )),
        _ => None,
    });
    if executor_node.is_some() && executor.is_none()
        || static_node.is_some() && static_response.is_none()
    {
        return None;
    }
    Some(TriggerConfig::Http(HttpTrigger {
        route: route?,
        executor,
        static_response,
    }))
}

fn read_redis_trigger(cx: &mut Cx, mut t: Table<'_, '_, '_>, path: P<'_>) -> Option<TriggerConfig> {
    let channel = t.required_str(cx, "channel");
    if !t.has("component") {
        t.required(cx, "component");
    }
    let address = t.str(cx, "address");
    if let Some(address) = address {
        invalid_redis_address::check_value(cx, address, &path.key("address"));
    }
    t.finish_with(cx, Error, REDIS_TRIGGER_KEYS, |key| match key {
        "route" | "executor" | "static_response" => Some(format!(
            "`{key}` is an HTTP trigger setting; this is a Redis trigger"
        )),
        _ => None,
    });
    Some(TriggerConfig::Redis(RedisTrigger {
        channel: channel?.to_owned(),
        address: address.map(str::to_owned),
    }))
}

fn read_executor(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<HttpExecutor> {
    let help = format!(
        "write the executor as a table: `executor = {{ type = {:?} }}`",
        node.as_str().unwrap_or("spin")
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
            t.finish_with(cx, Warning, &["type"], wagi_only);
            Some(if executor_type == "spin" {
                HttpExecutor::Spin
            } else {
                HttpExecutor::Http
            })
        }
        "wagi" => {
            deprecated_wagi::report(cx, &path.key("type"));
            let argv = t.str(cx, "argv");
            let entrypoint = t.str(cx, "entrypoint");
            if let Some(entrypoint) = entrypoint {
                wagi_custom_entrypoint::check(cx, entrypoint, &path.key("entrypoint"), Version::V2);
            }
            t.finish(cx, Error, WAGI_KEYS);
            Some(HttpExecutor::Wagi(WagiExecutor {
                argv: argv.map(str::to_owned),
                entrypoint: entrypoint.map(str::to_owned),
            }))
        }
        other => {
            invalid_executor::report(cx, other, &path.key("type"), Version::V2);
            None
        }
    }
}

fn read_static_response(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<StaticResponse> {
    let mut t = cx.expect_table(node, path)?;
    let status_code = t
        .get("status_code")
        .and_then(|n| invalid_static_response::status(cx, n, &path.key("status_code")));
    let headers = t
        .get("headers")
        .and_then(|n| cx.string_map(n, &path.key("headers")))
        .unwrap_or_default();
    invalid_static_response::check_headers(cx, &headers, &path.key("headers"));
    let body = t.str(cx, "body").map(str::to_owned);
    t.finish_with(cx, Warning, STATIC_RESPONSE_KEYS, |key| match key {
        "status" | "code" => Some(Special::rename(
            "status_code",
            "the status is called `status_code`",
        )),
        _ => None,
    });
    Some(StaticResponse {
        status_code,
        headers,
        body,
    })
}
