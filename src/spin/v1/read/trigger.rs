//! Reading a `[component.trigger]`, shaped by the application trigger's
//! type: HTTP (route and executor), Redis (channel and address), or a
//! plugin's table kept verbatim.

use super::super::rules::{
    ignored_trigger_key, invalid_executor, invalid_redis_address, invalid_route,
    invalid_route_pattern, reserved_route, route_without_leading_slash, static_response,
    unclosed_template, wagi_custom_entrypoint, wagi_executor,
};
use super::super::{
    ComponentTrigger, HttpExecutor, HttpRoute, HttpTrigger, RedisTrigger, WagiExecutor,
};
use super::AppKind;
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::{Cx, Special};
use crate::source::{Node, Value};
use crate::spin::read::table_or;
use crate::spin::rules::Version;

const HTTP_TRIGGER_KEYS: &[&str] = &["route", "executor"];
const REDIS_TRIGGER_KEYS: &[&str] = &["channel", "address"];
const WAGI_KEYS: &[&str] = &["type", "argv", "entrypoint"];

/// Reads a component's trigger for an application trigger of `kind`.
pub(super) fn read(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
    kind: AppKind,
) -> Option<ComponentTrigger> {
    let mut t = cx.expect_table(node, path)?;
    if t.get("component").is_some() {
        ignored_trigger_key::report_component(cx, &path.key("component"));
    }
    match kind {
        AppKind::Http => {
            let route = t
                .required(cx, "route")
                .and_then(|n| read_route(cx, n, path.key("route")));
            let executor = t
                .get("executor")
                .and_then(|n| read_executor(cx, n, path.key("executor")));
            let executor_ok = executor.is_some() || !t.has("executor");
            if t.get("static_response").is_some() {
                static_response::report(cx, &path.key("static_response"));
            }
            t.finish_with(cx, Error, HTTP_TRIGGER_KEYS, |key| match key {
                "channel" | "address" => Some(Special::from(format!(
                    "`{key}` is a Redis trigger setting; this application's trigger is `http`"
                ))),
                "path" => Some(Special::rename(
                    "route",
                    "the component's HTTP path is called `route`",
                )),
                "id" => Some(Special::from(
                    "remove it: Spin names the trigger itself (`trigger-<component id>`)"
                        .to_owned(),
                )),
                _ => None,
            });
            match (route, executor_ok) {
                (Some(route), true) => {
                    Some(ComponentTrigger::Http(HttpTrigger { route, executor }))
                }
                _ => None,
            }
        }
        AppKind::Redis => {
            let channel = t.required_str(cx, "channel");
            if let Some(channel) = channel {
                unclosed_template::check(cx, channel, &path.key("channel"));
            }
            let address = t.str(cx, "address");
            if let Some(address) = address {
                invalid_redis_address::check(cx, address, &path.key("address"));
            }
            t.finish_with(cx, Error, REDIS_TRIGGER_KEYS, |key| match key {
                "route" | "executor" => Some(format!(
                    "`{key}` is an HTTP trigger setting; this application's trigger is `redis`"
                )),
                _ => None,
            });
            Some(ComponentTrigger::Redis(RedisTrigger {
                channel: channel?.to_owned(),
                address: address.map(str::to_owned),
            }))
        }
        AppKind::Opaque => {
            let table = match node.to_toml() {
                Some(toml::Value::Table(table)) => table,
                _ => toml::Table::new(),
            };
            Some(ComponentTrigger::Plugin(table))
        }
    }
}

fn read_route(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<HttpRoute> {
    match &node.value {
        Value::String(route) => {
            route_without_leading_slash::check(cx, route, &path);
            invalid_route_pattern::check(cx, route, &path);
            reserved_route::check(cx, route, &path);
            Some(HttpRoute::Path(route.to_string()))
        }
        Value::Table(_) => {
            let mut t = cx.expect_table(node, path)?;
            let private = t
                .required(cx, "private")
                .and_then(|n| cx.expect_bool(n, &path.key("private")));
            t.finish(cx, Error, &["private"]);
            match private? {
                true => Some(HttpRoute::Private),
                false => {
                    invalid_route::report_not_private(cx, &path.key("private"));
                    None
                }
            }
        }
        _ => {
            cx.wrong_type(node, &path, "a route string").help(
                "write the route as a string, e.g. `route = \"/hello\"` or `route = \"/api/...\"`",
            );
            None
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
    match executor_type {
        "spin" | "http" => {
            for entry in t.entries.iter().filter(|e| e.key != "type") {
                let key: &str = &entry.key;
                let special = matches!(key, "argv" | "entrypoint").then(|| {
                    format!("`{key}` is only read by the Wagi executor (`type = \"wagi\"`)")
                });
                ignored_trigger_key::report_executor_key(cx, key, special, &path.key(key));
            }
            Some(if executor_type == "spin" {
                HttpExecutor::Spin
            } else {
                HttpExecutor::Http
            })
        }
        "wagi" => {
            wagi_executor::report(cx, &path.key("type"));
            let argv = t.str(cx, "argv");
            let entrypoint = t.str(cx, "entrypoint");
            if let Some(entrypoint) = entrypoint {
                wagi_custom_entrypoint::check(cx, entrypoint, &path.key("entrypoint"), Version::V1);
            }
            t.finish(cx, Error, WAGI_KEYS);
            Some(HttpExecutor::Wagi(WagiExecutor {
                argv: argv.map(str::to_owned),
                entrypoint: entrypoint.map(str::to_owned),
            }))
        }
        other => {
            invalid_executor::report(cx, other, &path.key("type"), Version::V1);
            None
        }
    }
}
