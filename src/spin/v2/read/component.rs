//! Reading a component (`[component.<id>]` or an inline one): its source,
//! files, network and store grants, build, dependencies and profiles.

use std::path::PathBuf;

use indexmap::IndexMap;

use super::{read_tables, read_targets};
use crate::codes::DEPRECATED_KEY;
use crate::diagnostic::Severity::Error;
use crate::fix::Applicability;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::source::{Node, Value};
use crate::spin::hosts;
use crate::spin::rules::{Version, renamable, renamed_key};
use crate::spin::v2::rules::{
    absolute_workdir, conflicting_dependencies, conflicting_inheritance, empty_build_command,
    files, ineffective_exclude, invalid_allowed_http_host, invalid_allowed_outbound_host,
    invalid_dependency, invalid_dependency_name, invalid_digest, invalid_glob,
    invalid_registry_source, invalid_source, invalid_source_url, invalid_store_label,
    invalid_variable_name, template_in_environment, unknown_capability,
};
use crate::spin::v2::{
    Build, BuildCommand, Component, ComponentDependency, ComponentSource, Dependency, FileMount,
    InheritConfiguration, LocalDependency, Profile, ProfileBuild, RegistryDependency,
    RemoteDependency,
};

const COMPONENT_KEYS: &[&str] = &[
    "source",
    "description",
    "variables",
    "environment",
    "files",
    "exclude_files",
    "allowed_http_hosts",
    "allowed_outbound_hosts",
    "key_value_stores",
    "sqlite_databases",
    "ai_models",
    "targets",
    "build",
    "tool",
    "dependencies_inherit_configuration",
    "dependencies",
    "profile",
];
const BUILD_KEYS: &[&str] = &["command", "workdir", "watch"];
const PROFILE_KEYS: &[&str] = &["source", "environment", "dependencies", "build"];

/// Reports the deprecated `allowed_http_hosts`, with the
/// `allowed_outbound_hosts` that replaces it.
fn deprecated_http_hosts(cx: &mut Cx, list: &[String], path: &P<'_>) {
    let replacement: Vec<String> = list
        .iter()
        .flat_map(|h| hosts::http_host_as_outbound(h))
        .map(|h| format!("{h:?}"))
        .collect();
    cx.report(&DEPRECATED_KEY, path, "`allowed_http_hosts` is deprecated")
        .on_key()
        .help(format!(
            "replace it with `allowed_outbound_hosts = [{}]`",
            replacement.join(", ")
        ))
        .note("Spin converts the list itself and warns about it at start-up");
}

/// Reads a `source` (of a component or a profile).
fn read_source(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<ComponentSource> {
    invalid_source::read(cx, node, path, Version::V2).map(ComponentSource::from)
}

/// Reads one component table.
pub(crate) fn read_component(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Component> {
    let mut t = cx.expect_table(node, path)?;
    let source = t
        .required(cx, "source")
        .and_then(|n| read_source(cx, n, path.key("source")));
    let description = t.str(cx, "description").map(str::to_owned);
    let variables = t
        .get("variables")
        .map(|n| read_component_variables(cx, n, path.key("variables")))
        .unwrap_or_default();
    let environment = t
        .get("environment")
        .and_then(|n| cx.string_map(n, &path.key("environment")))
        .unwrap_or_default();
    template_in_environment::check(cx, &environment, &path.key("environment"));
    let file_list = t
        .get("files")
        .map(|n| read_files(cx, n, path.key("files")))
        .unwrap_or_default();
    let exclude_files = t
        .get("exclude_files")
        .and_then(|n| read_globs(cx, n, &path.key("exclude_files")))
        .unwrap_or_default();
    ineffective_exclude::check(cx, &file_list, &exclude_files, &path);
    let allowed_http_hosts = t
        .get("allowed_http_hosts")
        .and_then(|n| cx.string_list(n, &path.key("allowed_http_hosts")))
        .unwrap_or_default();
    if !allowed_http_hosts.is_empty() {
        let at = path.key("allowed_http_hosts");
        deprecated_http_hosts(cx, &allowed_http_hosts, &at);
        let items: Vec<(usize, &str)> = allowed_http_hosts
            .iter()
            .map(String::as_str)
            .enumerate()
            .collect();
        invalid_allowed_http_host::check(cx, &items, &at);
    }
    let allowed_outbound_hosts = t
        .get("allowed_outbound_hosts")
        .and_then(|n| cx.string_list(n, &path.key("allowed_outbound_hosts")))
        .unwrap_or_default();
    if t.has("allowed_outbound_hosts") {
        let hosts_path = path.key("allowed_outbound_hosts");
        for (i, host) in allowed_outbound_hosts.iter().enumerate() {
            invalid_allowed_outbound_host::check_literal(cx, host, &hosts_path.index(i));
        }
    }
    let key_value_stores = read_labels(cx, &mut t, "key_value_stores", &path);
    let sqlite_databases = read_labels(cx, &mut t, "sqlite_databases", &path);
    let ai_models = t.string_list(cx, "ai_models").unwrap_or_default();
    let targets = t
        .get("targets")
        .map(|n| read_targets(cx, n, path.key("targets")));
    let build = t
        .get("build")
        .and_then(|n| read_build(cx, n, path.key("build")));
    let tool = t
        .get("tool")
        .map(|n| read_tables(cx, n, path.key("tool")))
        .unwrap_or_default();
    let inherit_all = t.bool(cx, "dependencies_inherit_configuration");
    let dependencies = t
        .get("dependencies")
        .map(|n| read_dependencies(cx, n, path.key("dependencies")))
        .unwrap_or_default();
    if t.has("dependencies_inherit_configuration") {
        conflicting_inheritance::check(cx, node, inherit_all, &path);
    }
    let profile = t
        .get("profile")
        .map(|n| read_profiles(cx, n, path.key("profile")))
        .unwrap_or_default();
    // Version 1's `config`, renamed: the same table of strings.
    renamed_key(
        cx,
        &mut t,
        Error,
        ("config", "variables"),
        "version 2 calls a component's configuration `variables`: rename `config` to `variables`",
        Applicability::Safe,
    );
    t.finish_with(cx, Error, COMPONENT_KEYS, |key| match key {
        "id" => Some("in version 2 the id is the table's key (`[component.<id>]`): remove `id`".to_owned()),
        "trigger" => Some("in version 2 triggers are `[[trigger.<type>]]` tables that name the component: move it there".to_owned()),
        "route" | "executor" | "channel" => Some(format!(
            "`{key}` belongs to the component's trigger: set it in the `[[trigger.<type>]]` that names this component"
        )),
        _ => None,
    });
    Some(Component {
        source: source?,
        description,
        variables,
        environment,
        files: file_list,
        exclude_files,
        allowed_http_hosts,
        allowed_outbound_hosts,
        key_value_stores,
        sqlite_databases,
        ai_models,
        targets,
        build,
        tool,
        dependencies_inherit_configuration: inherit_all,
        dependencies,
        profile,
    })
}

fn read_component_variables(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, String> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let key: &str = &entry.key;
        let entry_path = path.key(key);
        invalid_variable_name::check(cx, key, &entry_path);
        if let Some(value) = cx.expect_str(&entry.value, &entry_path) {
            out.insert(key.to_owned(), value.to_owned());
        }
    }
    out
}

fn read_labels(
    cx: &mut Cx,
    t: &mut Table<'_, '_, '_>,
    key: &'static str,
    path: &P<'_>,
) -> Vec<String> {
    let labels = t.string_list(cx, key).unwrap_or_default();
    let list_path = path.key(key);
    for (i, label) in labels.iter().enumerate() {
        invalid_store_label::check(cx, label, key, &list_path.index(i), Version::V2);
    }
    labels
}

/// A list of glob patterns (`exclude_files`, `build.watch`).
fn read_globs(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
    let list = cx.string_list(node, path)?;
    for (i, pattern) in list.iter().enumerate() {
        invalid_glob::check(cx, pattern, &path.index(i));
    }
    Some(list)
}

fn read_files(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Vec<FileMount> {
    let mut out = Vec::new();
    let Some(items) = cx.expect_array(node, &path) else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        match &item.value {
            Value::String(pattern) => {
                files::check_pattern(cx, pattern, &item_path);
                out.push(FileMount::Pattern(pattern.to_string()));
            }
            Value::Table(_) => {
                let Some(mut t) = cx.expect_table(item, item_path) else {
                    continue;
                };
                let source = t.required_str(cx, "source");
                let destination = t.required_str(cx, "destination");
                if let Some(source) = source {
                    files::check_placement_source(cx, source, &item_path.key("source"));
                }
                if let Some(destination) = destination {
                    files::check_destination(cx, destination, &item_path.key("destination"));
                }
                t.finish(cx, Error, &["source", "destination"]);
                if let (Some(source), Some(destination)) = (source, destination) {
                    out.push(FileMount::Placement(crate::spin::v2::FilePlacement {
                        source: PathBuf::from(source),
                        destination: destination.to_owned(),
                    }));
                }
            }
            _ => {
                cx.wrong_type(item, &item_path, "a glob string or a `{ source, destination }` table")
                    .help("write a path or glob (`\"static/**/*\"`), or `{ source = \"static\", destination = \"/static\" }`");
            }
        }
    }
    out
}

fn read_command(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<BuildCommand> {
    match &node.value {
        Value::String(s) => Some(BuildCommand::Single(s.to_string())),
        Value::Array(_) => {
            let list = cx.string_list(node, path)?;
            empty_build_command::check(cx, &list, path);
            Some(BuildCommand::Multiple(list))
        }
        _ => {
            cx.wrong_type(node, path, "a string or an array of strings");
            None
        }
    }
}

fn read_build(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Build> {
    if let Value::Array(items) = &node.value {
        // Spin's parser also takes the table's fields in order, as a list:
        // `build = ["cargo build"]` is `{ command = "cargo build" }`.
        let command = match items.first() {
            Some(first) => read_command(cx, first, &path.index(0))?,
            None => {
                cx.wrong_type(node, &path, "a table")
                    .help("write `[component.<id>.build]` with `command = \"...\"`");
                return None;
            }
        };
        let workdir = items.get(1).and_then(|n| cx.expect_str(n, &path.index(1)));
        if let Some(workdir) = workdir {
            absolute_workdir::check(cx, workdir, &path.index(1));
        }
        let watch = items
            .get(2)
            .and_then(|n| read_globs(cx, n, &path.index(2)))
            .unwrap_or_default();
        if items.len() > 3 {
            cx.wrong_type(node, &path, "a table")
                .help("write `[component.<id>.build]` with `command`, `workdir` and `watch`");
        }
        return Some(Build {
            command,
            workdir: workdir.map(PathBuf::from),
            watch,
        });
    }
    let mut t = cx.expect_table(node, path)?;
    let command = t
        .required(cx, "command")
        .and_then(|n| read_command(cx, n, &path.key("command")));
    let workdir = t.str(cx, "workdir");
    if let Some(workdir) = workdir {
        absolute_workdir::check(cx, workdir, &path.key("workdir"));
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

fn read_dependencies(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, Dependency> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let name: &str = &entry.key;
        let entry_path = path.key(name);
        let parsed = invalid_dependency_name::parse(cx, name, &entry_path, |better| {
            !table.has(better) && renamable(&entry.value)
        });
        let dependency = read_dependency(cx, &entry.value, entry_path, parsed.as_ref(), false);
        if let Some(dependency) = dependency {
            out.insert(name.to_owned(), dependency);
        }
    }
    conflicting_dependencies::check(cx, table.entries, &path);
    out
}

/// One dependency value. `name` is the parsed dependency name (component
/// dependencies); `trigger` says it is a trigger dependency (no string
/// form, no `export`, `package` required for registry dependencies).
fn read_dependency(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
    name: Option<&invalid_dependency_name::DependencyName<'_>>,
    trigger: bool,
) -> Option<Dependency> {
    if let Value::String(text) = &node.value {
        if trigger {
            cx.wrong_type(node, &path, "a table")
                .help("a trigger dependency is a table: `{ component = \"...\" }`, `{ path = \"...\" }`, `{ url, digest }` or `{ package, version }`");
            return None;
        }
        let req = invalid_dependency::version_requirement(cx, text, &path)?;
        invalid_dependency::string_form(cx, name, &path);
        return Some(Dependency::Version(req));
    }
    let mut t = cx.expect_table(node, path)?;
    let form = invalid_dependency::form(cx, &t, &path)?;
    let export = if trigger {
        None
    } else {
        t.str(cx, "export").map(str::to_owned)
    };
    if export.is_some() {
        invalid_dependency::check_export(cx, name, &path.key("export"));
    }
    let inherit = t
        .get("inherit_configuration")
        .and_then(|n| read_inherit(cx, n, path.key("inherit_configuration")));
    let mut known: Vec<&str> = form.keys().to_vec();
    if !trigger {
        known.push("export");
    }
    known.push("inherit_configuration");
    let dependency = match form {
        invalid_dependency::Form::Registry => {
            let version = t
                .required_str(cx, "version")
                .and_then(|v| invalid_dependency::version_requirement(cx, v, &path.key("version")));
            let registry = t.str(cx, "registry").map(str::to_owned);
            let package = if trigger {
                t.required_str(cx, "package")
            } else {
                t.str(cx, "package")
            };
            if let Some(package) = package {
                invalid_dependency::check_package(cx, package, &path.key("package"));
            } else if !trigger {
                invalid_dependency::package_needed(cx, name, &path);
            }
            if let Some(registry) = &registry {
                invalid_registry_source::check_registry(
                    cx,
                    registry,
                    &path.key("registry"),
                    Version::V2,
                );
            }
            Some(Dependency::Registry(RegistryDependency {
                version: version?,
                registry,
                package: package.map(str::to_owned),
                export,
                inherit_configuration: inherit,
            }))
        }
        invalid_dependency::Form::Local => t.required_str(cx, "path").map(|p| {
            Dependency::Local(LocalDependency {
                path: PathBuf::from(p),
                export,
                inherit_configuration: inherit,
            })
        }),
        invalid_dependency::Form::Remote => {
            let url = t.required_str(cx, "url");
            let digest = t.required_str(cx, "digest");
            let url =
                url.and_then(|u| invalid_source_url::parse(cx, u, &path.key("url"), Version::V2));
            if let Some(digest) = digest {
                invalid_digest::check(cx, digest, &path.key("digest"), Version::V2);
            }
            Some(Dependency::Remote(RemoteDependency {
                url: url?,
                digest: digest?.to_owned(),
                export,
                inherit_configuration: inherit,
            }))
        }
        invalid_dependency::Form::Component => {
            let component = t.required_str(cx, "component");
            if let Some(component) = component {
                crate::spin::v2::rules::invalid_component_id::check(
                    cx,
                    component,
                    &path.key("component"),
                );
            }
            component.map(|c| {
                Dependency::Component(ComponentDependency {
                    component: c.to_owned(),
                    export,
                    inherit_configuration: inherit,
                })
            })
        }
    };
    t.finish_with(cx, Error, &known, |key| match key {
        "sha256" => {
            Some("the digest of a download is written `digest = \"sha256:...\"`".to_owned())
        }
        "export" if trigger => Some("trigger dependencies have no `export`".to_owned()),
        _ => None,
    });
    dependency
}

/// One entry of a trigger's `dependencies.<role>` list.
pub(super) fn read_trigger_dependency(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
) -> Option<Dependency> {
    read_dependency(cx, node, path, None, true)
}

fn read_inherit(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<InheritConfiguration> {
    match &node.value {
        Value::Bool(b) => Some(InheritConfiguration::All(*b)),
        Value::Array(_) => {
            let list = cx.string_list(node, &path)?;
            unknown_capability::check(cx, &list, &path);
            Some(InheritConfiguration::Some(list))
        }
        _ => {
            cx.wrong_type(node, &path, "a boolean or an array of capability names")
                .help("write `true`, `false`, or a list such as `[\"allowed_outbound_hosts\", \"variables\"]`");
            None
        }
    }
}

fn read_profiles(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, Profile> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let name: &str = &entry.key;
        let profile_path = path.key(name);
        let Some(mut t) = cx.expect_table(&entry.value, profile_path) else {
            continue;
        };
        let source = t
            .get("source")
            .and_then(|n| read_source(cx, n, profile_path.key("source")));
        let environment = t
            .get("environment")
            .and_then(|n| cx.string_map(n, &profile_path.key("environment")))
            .unwrap_or_default();
        let dependencies = t
            .get("dependencies")
            .map(|n| read_dependencies(cx, n, profile_path.key("dependencies")))
            .unwrap_or_default();
        let build = t.get("build").and_then(|n| {
            let build_path = profile_path.key("build");
            let mut b = cx.expect_table(n, build_path)?;
            let command = b
                .required(cx, "command")
                .and_then(|c| read_command(cx, c, &build_path.key("command")));
            b.finish_with(cx, Error, &["command"], |key| match key {
                "workdir" | "watch" => Some(format!(
                    "a profile's build only overrides `command`; `{key}` comes from the component's `[build]`"
                )),
                _ => None,
            });
            command.map(|command| ProfileBuild { command })
        });
        t.finish(cx, Error, PROFILE_KEYS);
        out.insert(
            name.to_owned(),
            Profile {
                source,
                environment,
                dependencies,
                build,
            },
        );
    }
    out
}
