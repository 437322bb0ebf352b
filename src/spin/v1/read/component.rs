//! Reading a `[[component]]`: its source, files, allow-lists, stores,
//! environment, config, trigger and build.

use std::path::PathBuf;

use indexmap::IndexMap;

use super::super::rules::{
    absolute_build_workdir, build_command_list, dot_file_pattern, files_destination_escapes,
    invalid_allowed_http_host, invalid_allowed_outbound_host, invalid_component_id,
    invalid_config_key, invalid_glob, invalid_source, invalid_store_label, nested_directory_mount,
    outside_app_directory, relative_files_destination, template_in_environment, unclosed_template,
    whole_app_directory,
};
use super::super::{Build, BuildCommand, Component, ComponentSource, FileMount, FilePlacement};
use super::{AppKind, owned, string_items, trigger};
use crate::codes::PATH_OUTSIDE_PACKAGE;
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::Cx;
use crate::rules::paths::{self, Escape};
use crate::source::{Node, Value};
use crate::spin::rules::Version;
use crate::spin::rules::invalid_source::Source;

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
const PLACEMENT_KEYS: &[&str] = &["source", "destination"];
const BUILD_KEYS: &[&str] = &["command", "workdir", "watch"];

/// Reads one `[[component]]`.
pub(super) fn read(cx: &mut Cx, node: &Node<'_>, path: P<'_>, kind: AppKind) -> Option<Component> {
    let mut t = cx.expect_table(node, path)?;
    let id = t.required_str(cx, "id");
    if let Some(id) = id {
        invalid_component_id::check(cx, id, &path.key("id"));
    }
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
    let allowed_http_hosts = t.get("allowed_http_hosts").and_then(|n| {
        let at = path.key("allowed_http_hosts");
        let items = string_items(cx, n, &at)?;
        invalid_allowed_http_host::check(cx, &items, &at);
        Some(owned(&items))
    });
    let allowed_outbound_hosts = t.get("allowed_outbound_hosts").and_then(|n| {
        let at = path.key("allowed_outbound_hosts");
        let items = string_items(cx, n, &at)?;
        for &(i, host) in &items {
            invalid_allowed_outbound_host::check(cx, host, &at.index(i));
        }
        Some(owned(&items))
    });
    let mut labels = |key: &'static str| {
        let node = t.get(key)?;
        let at = path.key(key);
        let items = string_items(cx, node, &at)?;
        for &(i, label) in &items {
            invalid_store_label::check(cx, label, key, &at.index(i), Version::V1);
        }
        Some(owned(&items))
    };
    let key_value_stores = labels("key_value_stores").unwrap_or_default();
    let sqlite_databases = labels("sqlite_databases").unwrap_or_default();
    let ai_models = t
        .get("ai_models")
        .and_then(|n| string_items(cx, n, &path.key("ai_models")))
        .map(|items| owned(&items))
        .unwrap_or_default();
    let environment = t
        .get("environment")
        .and_then(|n| {
            let at = path.key("environment");
            let map = cx.string_map(n, &at)?;
            for (key, value) in &map {
                template_in_environment::check(cx, key, value, &at.key(key));
            }
            Some(map)
        })
        .unwrap_or_default();
    let config = t
        .get("config")
        .and_then(|n| read_config(cx, n, path.key("config")))
        .unwrap_or_default();
    let trigger = t
        .required(cx, "trigger")
        .and_then(|n| trigger::read(cx, n, path.key("trigger"), kind));
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
    Some(Component {
        id: id?.to_owned(),
        description: description.map(str::to_owned),
        source: source?,
        files,
        exclude_files,
        allowed_http_hosts: allowed_http_hosts.unwrap_or_default(),
        allowed_outbound_hosts,
        key_value_stores,
        sqlite_databases,
        ai_models,
        environment,
        config,
        trigger: trigger?,
        build,
    })
}

fn read_source(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<ComponentSource> {
    let source = invalid_source::read(cx, node, path, Version::V1)?;
    if let Source::Local(s) = source {
        outside_app_directory::check_source(cx, s, &path);
    }
    Some(source.into())
}

fn read_globs(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<String>> {
    let items = string_items(cx, node, path)?;
    for &(i, pattern) in &items {
        invalid_glob::check(cx, pattern, &path.index(i));
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
                check_pattern(cx, pattern, &item_path);
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

/// A `files` pattern: valid glob syntax, not ending in `.` or `..`,
/// inside the application directory.
fn check_pattern(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    if !invalid_glob::check(cx, pattern, path) || dot_file_pattern::check(cx, pattern, path) {
        return;
    }
    whole_app_directory::check(cx, pattern, path);
    nested_directory_mount::check(cx, pattern, path);
    let Some(escape) = paths::escapes(pattern) else {
        return;
    };
    let (how, note) = match escape {
        Escape::Absolute => (
            "is an absolute path",
            "Spin refuses to copy files from outside the application directory",
        ),
        Escape::Parent => (
            "climbs out of the application directory",
            "Spin copies the matched files to a place outside the component's file system, so the component never sees them",
        ),
    };
    cx.report_as(
        &PATH_OUTSIDE_PACKAGE,
        Error,
        path.to_path(),
        format!("the file pattern `{pattern}` {how}"),
    )
    .help("keep the files inside the application directory; to make a directory available at another path, use `{ source = \"dir\", destination = \"/path\" }`")
    .note(note);
}

fn read_placement(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<FilePlacement> {
    let mut t = cx.expect_table(node, path)?;
    let source = t.required_str(cx, "source");
    let destination = t.required_str(cx, "destination");
    if let Some(source) = source {
        let source_path = path.key("source");
        match paths::escapes(source) {
            Some(Escape::Absolute) => {
                cx.report_as(
                    &PATH_OUTSIDE_PACKAGE,
                    Error,
                    source_path.to_path(),
                    format!("the file source `{source}` is an absolute path"),
                )
                .help("use a path relative to the manifest, inside the application directory")
                .note("Spin refuses to copy files from outside the application directory");
            }
            Some(Escape::Parent) => {
                outside_app_directory::report_placement(cx, source, &source_path, Version::V1);
            }
            None => {}
        }
    }
    if let Some(destination) = destination {
        let at = path.key("destination");
        if !files_destination_escapes::check(cx, destination, &at) {
            relative_files_destination::check(cx, destination, &at);
        }
    }
    t.finish(cx, Error, PLACEMENT_KEYS);
    Some(FilePlacement {
        source: PathBuf::from(source?),
        destination: destination?.to_owned(),
    })
}

fn read_config(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<IndexMap<String, String>> {
    let table = cx.expect_table(node, path)?;
    let mut out = IndexMap::with_capacity(table.entries.len());
    for entry in table.entries {
        let key: &str = &entry.key;
        let entry_path = path.key(key);
        invalid_config_key::check(cx, key, &entry_path);
        let Some(value) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        unclosed_template::check(cx, value, &entry_path);
        out.insert(key.to_owned(), value.to_owned());
    }
    Some(out)
}

fn read_build(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Build> {
    let mut t = cx.expect_table(node, path)?;
    let command = t.required(cx, "command").and_then(|n| match &n.value {
        Value::String(s) => Some(BuildCommand::Single(s.to_string())),
        Value::Array(_) => {
            let at = path.key("command");
            let commands = owned(&string_items(cx, n, &at)?);
            build_command_list::report(cx, &commands, &at);
            Some(BuildCommand::Multiple(commands))
        }
        _ => {
            cx.wrong_type(n, &path.key("command"), "a string or an array of strings");
            None
        }
    });
    let workdir = t.str(cx, "workdir");
    if let Some(workdir) = workdir {
        let at = path.key("workdir");
        match paths::escapes(workdir) {
            Some(Escape::Absolute) => absolute_build_workdir::report(cx, workdir, &at),
            Some(Escape::Parent) => {
                outside_app_directory::report_workdir(cx, workdir, &at, Version::V1)
            }
            None => {}
        }
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
