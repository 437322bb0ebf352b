//! Every rule of a version 1 `spin.toml`, one module each: the rule's code,
//! severity and documentation, and its check. The rules version 2 checks
//! alike are in `crate::spin::rules`, named here too.
//!
//! Checks of one value are called by the reader (`super::read`) where it
//! meets the value; checks across entries (ids, routes, the variables that
//! templates name, excludes against `files`) are passes over the document,
//! run after reading by [`run`], so that they see every entry, also those
//! that could not be read completely.

use std::collections::HashSet;

use crate::FieldPath;
use crate::codes::Rule;
use crate::read::Cx;
use crate::source::Node;
use crate::spin::rules::Version;
use crate::spin::template;

pub(crate) mod absolute_build_workdir;
pub(crate) mod build_command_list;
pub(crate) mod component_id_repaired;
pub(crate) mod dot_file_pattern;
pub(crate) mod duplicate_component_id;
pub(crate) mod duplicate_route;
pub(crate) mod files_destination_escapes;
pub(crate) mod http_base_not_root;
pub(crate) mod ignored_trigger_key;
pub(crate) mod ineffective_exclude;
pub(crate) mod invalid_allowed_outbound_host;
pub(crate) mod invalid_app_name;
pub(crate) mod invalid_component_id;
pub(crate) mod invalid_config_key;
pub(crate) mod invalid_manifest_version;
pub(crate) mod invalid_redis_address;
pub(crate) mod invalid_route;
pub(crate) mod invalid_route_pattern;
pub(crate) mod missing_app_version;
pub(crate) mod missing_http_base;
pub(crate) mod nested_directory_mount;
pub(crate) mod no_components;
pub(crate) mod non_redis_scheme;
pub(crate) mod reserved_route;
pub(crate) mod static_response;
pub(crate) mod template_in_environment;
pub(crate) mod wagi_executor;
pub(crate) mod whole_app_directory;

// The rules both versions check alike.
pub(crate) use crate::spin::rules::{
    allows_all_hosts, duplicate_manifest_version, empty_port_range, ignored_allowed_http_host,
    insecure_source_url, invalid_allowed_http_host, invalid_app_version, invalid_digest,
    invalid_executor, invalid_glob, invalid_registry_source, invalid_source, invalid_source_url,
    invalid_store_label, invalid_variable_name, outside_app_directory, relative_files_destination,
    route_without_leading_slash, unclosed_template, unknown_trigger_type, unknown_variable,
    variable_required_and_default, variable_without_value, wagi_custom_entrypoint,
};

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &invalid_manifest_version::RULE,
    &duplicate_manifest_version::RULE,
    &invalid_app_name::RULE,
    &missing_app_version::RULE,
    &invalid_app_version::RULE,
    &no_components::RULE,
    &unknown_trigger_type::RULE,
    &missing_http_base::RULE,
    &http_base_not_root::RULE,
    &invalid_redis_address::RULE,
    &non_redis_scheme::RULE,
    &invalid_variable_name::RULE,
    &variable_required_and_default::RULE,
    &variable_without_value::RULE,
    &invalid_component_id::RULE,
    &component_id_repaired::RULE,
    &duplicate_component_id::RULE,
    &invalid_source::RULE,
    &invalid_digest::RULE,
    &invalid_source_url::RULE,
    &insecure_source_url::RULE,
    &invalid_registry_source::RULE,
    &invalid_glob::RULE,
    &dot_file_pattern::RULE,
    &whole_app_directory::RULE,
    &nested_directory_mount::RULE,
    &outside_app_directory::RULE,
    &relative_files_destination::RULE,
    &files_destination_escapes::RULE,
    &ineffective_exclude::RULE,
    &invalid_allowed_http_host::RULE,
    &ignored_allowed_http_host::RULE,
    &invalid_allowed_outbound_host::RULE,
    &allows_all_hosts::RULE,
    &empty_port_range::RULE,
    &invalid_store_label::RULE,
    &template_in_environment::RULE,
    &invalid_config_key::RULE,
    &unclosed_template::RULE,
    &unknown_variable::RULE,
    &route_without_leading_slash::RULE,
    &duplicate_route::RULE,
    &invalid_route::RULE,
    &invalid_route_pattern::RULE,
    &reserved_route::RULE,
    &invalid_executor::RULE,
    &wagi_custom_entrypoint::RULE,
    &wagi_executor::RULE,
    &ignored_trigger_key::RULE,
    &static_response::RULE,
    &absolute_build_workdir::RULE,
    &build_command_list::RULE,
];

/// The passes over the whole document.
pub(crate) fn run(root: &Node<'_>, cx: &mut Cx) {
    no_components::check(root, cx);
    duplicate_component_id::check(root, cx);
    duplicate_route::check(root, cx);
    unknown_variables(root, cx);
    invalid_allowed_outbound_host::check_templates(root, cx);
    ineffective_exclude::check(root, cx);
}

/// Every template names a declared variable (`spin/unknown-variable`).
/// When `[variables]` is not a table, the names are unknown and nothing is
/// checked.
fn unknown_variables(root: &Node<'_>, cx: &mut Cx) {
    let declared: Vec<&str> = match root.get("variables") {
        None => Vec::new(),
        Some(node) => match node.as_table() {
            Some(_) => node.entries().iter().map(|e| e.key.as_ref()).collect(),
            None => return,
        },
    };
    let known: HashSet<&str> = declared.iter().copied().collect();
    let mut sorted = declared;
    sorted.sort_unstable();
    sorted.dedup();
    for (path, text) in templates(root) {
        let Ok(expressions) = template::parse(text) else {
            continue;
        };
        for expression in expressions {
            if !known.contains(expression.name) {
                unknown_variable::report(cx, &expression, &sorted, path.clone(), Version::V1);
            }
        }
    }
}

/// Every string that Spin reads as a `{{ variable }}` template and that
/// has a `{{`, with its field: component config values and
/// `allowed_outbound_hosts` entries, and, in a Redis application, the
/// addresses and channels. (Strings without `{{` name no variable.)
fn templates<'n>(root: &'n Node<'_>) -> Vec<(FieldPath, &'n str)> {
    let mut out = Vec::new();
    let mut push = |path: &dyn Fn() -> FieldPath, value: &'n str| {
        if value.contains("{{") {
            out.push((path(), value));
        }
    };
    let trigger = root.get("trigger");
    let redis = trigger.and_then(|t| t.str_at("type")) == Some("redis");
    if redis && let Some(address) = trigger.and_then(|t| t.str_at("address")) {
        push(&|| FieldPath::root().key("trigger").key("address"), address);
    }
    let components = root.get("component").map_or(&[][..], Node::items);
    for (i, component) in components.iter().enumerate() {
        let at = || FieldPath::root().key("component").index(i);
        let config = component.get("config").map_or(&[][..], Node::entries);
        for entry in config {
            if let Some(value) = entry.value.as_str() {
                push(&|| at().key("config").key(entry.key.as_ref()), value);
            }
        }
        let hosts = component
            .get("allowed_outbound_hosts")
            .map_or(&[][..], Node::items);
        for (j, host) in hosts.iter().enumerate() {
            if let Some(host) = host.as_str() {
                push(&|| at().key("allowed_outbound_hosts").index(j), host);
            }
        }
        if redis && let Some(trigger) = component.get("trigger") {
            for key in ["address", "channel"] {
                if let Some(value) = trigger.str_at(key) {
                    push(&|| at().key("trigger").key(key), value);
                }
            }
        }
    }
    out
}
