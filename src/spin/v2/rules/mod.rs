//! Every rule of Spin manifest version 2, one module each: the rule's code,
//! severity and documentation, and its check. Rules whose idea is the same
//! as in version 1 share its code (and its documentation); those whose
//! check is the same too are in `crate::spin::rules`, named here too.
//!
//! Checks of one value are called by the reader (`super::read`) where it
//! meets the value; checks across entries (references, duplicates,
//! templates, unused entries) are passes over the document, run after
//! reading by [`run`], so that they see every entry, also those that could
//! not be read completely.

use crate::codes::Rule;
use crate::read::Cx;
use crate::source::Node;

use super::tree::App;

pub(crate) mod absolute_workdir;
pub(crate) mod conflicting_dependencies;
pub(crate) mod conflicting_executors;
pub(crate) mod conflicting_inheritance;
pub(crate) mod dependency_with_resources;
pub(crate) mod deprecated_wagi;
pub(crate) mod destination_outside_mount;
pub(crate) mod duplicate_route;
pub(crate) mod duplicate_trigger_id;
pub(crate) mod empty_app_name;
pub(crate) mod empty_build_command;
pub(crate) mod files;
pub(crate) mod http_base_not_root;
pub(crate) mod ineffective_exclude;
pub(crate) mod invalid_allowed_outbound_host;
pub(crate) mod invalid_component_id;
pub(crate) mod invalid_dependency;
pub(crate) mod invalid_dependency_name;
pub(crate) mod invalid_file_pattern;
pub(crate) mod invalid_manifest_version;
pub(crate) mod invalid_redis_address;
pub(crate) mod invalid_route;
pub(crate) mod invalid_static_response;
pub(crate) mod invalid_trigger_dependency;
pub(crate) mod missing_redis_address;
pub(crate) mod no_triggers;
pub(crate) mod target_conflict;
pub(crate) mod template_in_environment;
pub(crate) mod templates;
pub(crate) mod trigger_components;
pub(crate) mod unknown_capability;
pub(crate) mod unknown_component;
pub(crate) mod unknown_service_chaining_target;
pub(crate) mod unreachable_route;
pub(crate) mod unsupported_host_requirement;
pub(crate) mod unused_component;
pub(crate) mod unused_trigger_settings;
pub(crate) mod unused_variable;
pub(crate) mod uppercase_scheme;
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

/// Every rule of version 2, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &invalid_manifest_version::RULE,
    &duplicate_manifest_version::RULE,
    &empty_app_name::RULE,
    &invalid_app_version::RULE,
    &no_triggers::RULE,
    &unknown_trigger_type::RULE,
    &http_base_not_root::RULE,
    &unused_trigger_settings::RULE,
    &invalid_variable_name::RULE,
    &variable_required_and_default::RULE,
    &variable_without_value::RULE,
    &unused_variable::RULE,
    &unclosed_template::RULE,
    &unknown_variable::RULE,
    &invalid_component_id::RULE,
    &unknown_component::RULE,
    &unused_component::RULE,
    &duplicate_trigger_id::RULE,
    &trigger_components::RULE,
    &target_conflict::RULE,
    &route_without_leading_slash::RULE,
    &invalid_route::RULE,
    &unreachable_route::RULE,
    &duplicate_route::RULE,
    &invalid_static_response::RULE,
    &invalid_executor::RULE,
    &deprecated_wagi::RULE,
    &wagi_custom_entrypoint::RULE,
    &conflicting_executors::RULE,
    &invalid_redis_address::RULE,
    &unsupported_host_requirement::RULE,
    &invalid_source::RULE,
    &invalid_digest::RULE,
    &invalid_source_url::RULE,
    &insecure_source_url::RULE,
    &invalid_registry_source::RULE,
    &invalid_glob::RULE,
    &invalid_file_pattern::RULE,
    &whole_app_directory::RULE,
    &outside_app_directory::RULE,
    &relative_files_destination::RULE,
    &destination_outside_mount::RULE,
    &ineffective_exclude::RULE,
    &template_in_environment::RULE,
    &invalid_allowed_http_host::RULE,
    &ignored_allowed_http_host::RULE,
    &invalid_allowed_outbound_host::RULE,
    &allows_all_hosts::RULE,
    &empty_port_range::RULE,
    &uppercase_scheme::RULE,
    &unknown_service_chaining_target::RULE,
    &invalid_store_label::RULE,
    &absolute_workdir::RULE,
    &empty_build_command::RULE,
    &invalid_dependency_name::RULE,
    &invalid_dependency::RULE,
    &conflicting_dependencies::RULE,
    &conflicting_inheritance::RULE,
    &unknown_capability::RULE,
    &dependency_with_resources::RULE,
    &invalid_trigger_dependency::RULE,
];

/// The passes over the whole document.
pub(crate) fn run(root: &Node<'_>, cx: &mut Cx) {
    let app = App::new(root);
    no_triggers::check(root, cx);
    unknown_component::check(&app, cx);
    unused_component::check(&app, cx);
    templates::check(root, &app, cx);
    unused_variable::check(root, &app, cx);
    duplicate_trigger_id::check(&app, cx);
    duplicate_route::check(&app, cx);
    unreachable_route::check(&app, cx);
    conflicting_executors::check(&app, cx);
    missing_redis_address::check(root, &app, cx);
    unused_trigger_settings::check(root, &app, cx);
    unsupported_host_requirement::check(&app, cx);
    unknown_service_chaining_target::check(&app, cx);
    dependency_with_resources::check(&app, cx);
    invalid_trigger_dependency::check(&app, cx);
}

/// The error of a typed `FromStr` given a manifest of the other version.
pub(crate) fn wrong_version(text: &str, wanted: &str) -> crate::ParseError {
    let found = if wanted == "2" { "1" } else { "2" };
    let diagnostic = crate::Diagnostic {
        code: invalid_manifest_version::RULE.code,
        severity: crate::Severity::Error,
        message: format!("this is a version {found} Spin manifest, not version {wanted}"),
        path: crate::FieldPath::root().key("spin_manifest_version"),
        span: crate::Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        },
        labels: Vec::new(),
        help: Some(
            "read it with `wasm_manifests::parse` and match the manifest's version, or convert it (`spin::Manifest::to_v2`)".to_owned(),
        ),
        note: None,
        fix: None,
    };
    crate::ParseError {
        report: crate::Report::new("<input>".to_owned(), text.into(), vec![diagnostic]),
    }
}
