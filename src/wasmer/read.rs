//! Reading a `wasmer.toml` out of the document tree: the shape of the
//! format (tables, keys, types) declared once, with the checks of single
//! values called where the values are met. Checks across entries are
//! passes in [`super::rules`].

use std::path::PathBuf;

use indexmap::IndexMap;

use super::rules::{
    fs_guest_path_not_absolute, ignored_annotations, incomplete_package, invalid_abi,
    invalid_annotations_kind, invalid_bindings, invalid_dependency_name,
    invalid_dependency_version, invalid_env, invalid_module_reference, invalid_package_name,
    invalid_version, package_name_without_namespace, unknown_module_kind, unknown_runner,
    unknown_wcgi_dialect,
};
use super::{
    Abi, Annotations, Bindings, Command, CommandAnnotations, CommandV1, CommandV2, FileAnnotations,
    Manifest, Module, Package, WaiBindings, WasiAnnotations, WcgiAnnotations, WitBindings,
};
use crate::codes::{DEPRECATED_KEY, INVALID_LICENSE, INVALID_URL, PATH_OUTSIDE_PACKAGE};
use crate::diagnostic::Severity::{Error, Warning};
use crate::path::P;
use crate::read::Cx;
use crate::rules::{license, paths, urls};
use crate::source::Node;

const ROOT_KEYS: &[&str] = &["package", "dependencies", "fs", "module", "command"];
const PACKAGE_KEYS: &[&str] = &[
    "name",
    "version",
    "description",
    "license",
    "license-file",
    "readme",
    "repository",
    "homepage",
    "entrypoint",
    "private",
    "wasmer-extra-flags",
    "disable-command-rename",
    "rename-commands-to-raw-command-name",
];
const MODULE_KEYS: &[&str] = &[
    "name",
    "source",
    "abi",
    "kind",
    "interfaces",
    "bindings",
    "annotations",
];
const WIT_KEYS: &[&str] = &["wit-bindgen", "wit-exports"];
const WAI_KEYS: &[&str] = &["wai-version", "exports", "imports"];
const V1_KEYS: &[&str] = &["name", "module", "main_args", "package"];
const V2_KEYS: &[&str] = &["name", "module", "runner", "annotations"];
const WASI_KEYS: &[&str] = &[
    "atom",
    "package",
    "env",
    "main-args",
    "mount-atom-in-volume",
    "cwd",
    "exec-name",
];

/// Reads a `wasmer.toml` document, reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Manifest {
    let p = P::ROOT;
    let mut manifest = Manifest::default();
    let Some(mut top) = cx.expect_table(root, p) else {
        return manifest;
    };
    let package = top.get("package");
    let dependencies = top.get("dependencies");
    let fs = top.get("fs");
    let modules = top.get("module");
    let commands = top.get("command");
    top.finish(cx, Warning, ROOT_KEYS);

    if let Some(node) = package {
        manifest.package = read_package(cx, node, p.key("package"));
    }
    if let Some(node) = dependencies {
        manifest.dependencies = read_dependencies(cx, node, p.key("dependencies"));
    }
    if let Some(node) = fs {
        manifest.fs = read_fs(cx, node, p.key("fs"));
    }
    let path = p.key("module");
    if let Some(items) = modules.and_then(|n| cx.expect_array_of_tables(n, &path, "module")) {
        for (i, item) in items.iter().enumerate() {
            manifest
                .modules
                .extend(read_module(cx, item, path.index(i)));
        }
    }
    let path = p.key("command");
    if let Some(items) = commands.and_then(|n| cx.expect_array_of_tables(n, &path, "command")) {
        for (i, item) in items.iter().enumerate() {
            manifest
                .commands
                .extend(read_command(cx, item, path.index(i)));
        }
    }
    manifest
}

fn read_dependencies(
    cx: &mut Cx,
    node: &Node<'_>,
    path: P<'_>,
) -> IndexMap<String, semver::VersionReq> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let key: &str = &entry.key;
        let entry_path = path.key(key);
        invalid_dependency_name::check(cx, key, &entry_path);
        if let Some(text) = cx.expect_str(&entry.value, &entry_path)
            && let Some(req) = invalid_dependency_version::parse(cx, text, &entry_path)
        {
            out.insert(key.to_owned(), req);
        }
    }
    out
}

fn read_fs(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, PathBuf> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let guest: &str = &entry.key;
        let entry_path = path.key(guest);
        fs_guest_path_not_absolute::check(cx, guest, &entry_path);
        let Some(host) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        if let Some(escape) = paths::escapes(host) {
            let how = match escape {
                paths::Escape::Absolute => "is an absolute path",
                paths::Escape::Parent => "climbs out of the package directory",
            };
            cx.report_as(
                &PATH_OUTSIDE_PACKAGE,
                Warning,
                entry_path.to_path(),
                format!("host path `{host}` {how}"),
            )
            .help("keep bundled files inside the directory of wasmer.toml and use a relative path")
            .note("the package then depends on files of the machine it is built on");
        }
        out.insert(guest.to_owned(), PathBuf::from(host));
    }
    out
}

fn read_package(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Package> {
    let mut t = cx.expect_table(node, path)?;
    let mut package = Package {
        name: t.str(cx, "name").map(str::to_owned),
        ..Package::default()
    };
    if let Some(name) = package.name.as_deref() {
        let name_path = path.key("name");
        if invalid_package_name::check(cx, name, &name_path) {
            package_name_without_namespace::check(cx, name, &name_path);
        }
    }
    if let Some(v) = t.get("version") {
        package.version = invalid_version::parse(cx, v, &path.key("version"));
    }
    package.description = t.str(cx, "description").map(str::to_owned);
    package.license = t.str(cx, "license").map(str::to_owned);
    if let Some(text) = package.license.as_deref()
        && let Err(reason) = license::check_spdx(text)
    {
        cx.report(
            &INVALID_LICENSE,
            &path.key("license"),
            format!("`{text}` is not a valid SPDX license expression ({reason})"),
        )
        .help("use an SPDX expression such as `MIT` or `MIT OR Apache-2.0`; for a custom license use `license-file`");
    }
    package.license_file = t.str(cx, "license-file").map(PathBuf::from);
    package.readme = t.str(cx, "readme").map(PathBuf::from);
    for key in ["repository", "homepage"] {
        let Some(text) = t.str(cx, key) else { continue };
        if let Err(reason) = urls::check_http_url(text) {
            cx.report(&INVALID_URL, &path.key(key), reason)
                .help("write an absolute URL such as `https://github.com/owner/repo`");
        }
        match key {
            "repository" => package.repository = Some(text.to_owned()),
            _ => package.homepage = Some(text.to_owned()),
        }
    }
    package.entrypoint = t.str(cx, "entrypoint").map(str::to_owned);
    package.private = t.bool(cx, "private").unwrap_or(false);
    package.wasmer_extra_flags = t.str(cx, "wasmer-extra-flags").map(str::to_owned);
    if package.wasmer_extra_flags.is_some() {
        cx.report(
            &DEPRECATED_KEY,
            &path.key("wasmer-extra-flags"),
            "`wasmer-extra-flags` is deprecated",
        )
        .on_key()
        .help("use runner-specific command annotations instead");
    }
    for key in [
        "disable-command-rename",
        "rename-commands-to-raw-command-name",
    ] {
        let Some(value) = t.bool(cx, key) else {
            continue;
        };
        cx.report(
            &DEPRECATED_KEY,
            &path.key(key),
            format!("`{key}` is deprecated and has no effect"),
        )
        .on_key()
        .help("remove it; runner annotations control how commands are started");
        if key == "disable-command-rename" {
            package.disable_command_rename = value;
        } else {
            package.rename_commands_to_raw_command_name = value;
        }
    }
    incomplete_package::check(cx, &t, &path);
    t.finish(cx, Warning, PACKAGE_KEYS);
    Some(package)
}

fn read_module(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Module> {
    let mut t = cx.expect_table(node, path)?;
    let name = t.required_str(cx, "name");
    let source = t.required_str(cx, "source");
    let abi = match t.str(cx, "abi") {
        Some(text) => invalid_abi::parse(cx, text, &path.key("abi")),
        None => Some(Abi::None),
    };
    let kind = t.str(cx, "kind");
    if let Some(kind) = kind {
        unknown_module_kind::check(cx, kind, &path.key("kind"));
    }
    let interfaces = t
        .get("interfaces")
        .and_then(|n| cx.string_map(n, &path.key("interfaces")));
    let bindings = t
        .get("bindings")
        .and_then(|n| read_bindings(cx, n, path.key("bindings")));
    let annotations = t
        .get("annotations")
        .and_then(|n| read_module_annotations(cx, n, path.key("annotations")));
    t.finish(cx, Warning, MODULE_KEYS);
    Some(Module {
        name: name?.to_owned(),
        source: PathBuf::from(source?),
        abi: abi?,
        kind: kind.map(str::to_owned),
        interfaces,
        bindings,
        annotations,
    })
}

fn read_bindings(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Bindings> {
    let mut t = cx.expect_table(node, path)?;
    match (t.has("wit-bindgen"), t.has("wai-version")) {
        (true, false) => {
            let version = t
                .required(cx, "wit-bindgen")
                .and_then(|n| invalid_version::parse(cx, n, &path.key("wit-bindgen")));
            let exports = t.required_str(cx, "wit-exports");
            t.finish(cx, Warning, WIT_KEYS);
            Some(Bindings::Wit(WitBindings {
                wit_bindgen: version?,
                wit_exports: PathBuf::from(exports?),
            }))
        }
        (false, true) => {
            let version = t
                .required(cx, "wai-version")
                .and_then(|n| invalid_version::parse(cx, n, &path.key("wai-version")));
            let exports = t.str(cx, "exports").map(PathBuf::from);
            let imports = t.string_list(cx, "imports").unwrap_or_default();
            t.finish(cx, Warning, WAI_KEYS);
            Some(Bindings::Wai(WaiBindings {
                wai_version: version?,
                exports,
                imports: imports.into_iter().map(PathBuf::from).collect(),
            }))
        }
        (both, _) => {
            invalid_bindings::report(cx, &t, both, &path);
            None
        }
    }
}

fn read_command(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Command> {
    let mut t = cx.expect_table(node, path)?;
    let is_v2 = t.has("runner");
    let name = t.required_str(cx, "name");
    let module = t
        .required_str(cx, "module")
        .and_then(|text| invalid_module_reference::parse(cx, text, &path.key("module")));
    if is_v2 {
        let runner = t.required_str(cx, "runner");
        if let Some(runner) = runner {
            unknown_runner::check(cx, runner, &path.key("runner"));
        }
        let annotations = t
            .get("annotations")
            .and_then(|n| read_annotations(cx, n, path.key("annotations")));
        t.finish_with(cx, Warning, V2_KEYS, |key| match key {
            "main_args" | "package" => Some(format!(
                "`{key}` belongs to the deprecated form without `runner` and is ignored here; use `[command.annotations.wasi]` (`main-args`, `package`) instead"
            )),
            _ => None,
        });
        Some(Command::V2(CommandV2 {
            name: name?.to_owned(),
            module: module?,
            runner: runner?.to_owned(),
            annotations,
        }))
    } else {
        let main_args = t.str(cx, "main_args").map(str::to_owned);
        let package = t.str(cx, "package").map(str::to_owned);
        t.finish_with(cx, Error, V1_KEYS, |key| match key {
            "annotations" => Some(
                "`annotations` is only read by commands with a `runner`: add `runner = \"wasi\"` (or the runner you need)"
                    .to_owned(),
            ),
            _ => None,
        });
        Some(Command::V1(CommandV1 {
            name: name?.to_owned(),
            module: module?,
            main_args,
            package,
        }))
    }
}

/// `[module.annotations]`: the deprecated optimisation hints. The parser
/// requires `suggested_compiler_optimizations` (a table with an optional
/// `pass_params` boolean) whenever the table is present.
fn read_module_annotations(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<toml::Table> {
    let mut t = cx.expect_table(node, path)?;
    if let Some(hints) = t.required(cx, "suggested_compiler_optimizations") {
        let hints_path = path.key("suggested_compiler_optimizations");
        if let Some(mut h) = cx.expect_table(hints, hints_path) {
            h.bool(cx, "pass_params");
            h.finish(cx, Warning, &["pass_params"]);
        }
    }
    t.finish_with(cx, Warning, &["suggested_compiler_optimizations"], |key| {
        (key == "pass_params").then(|| {
            "`pass_params` belongs in `[module.annotations.suggested_compiler_optimizations]`"
                .to_owned()
        })
    });
    match node.to_toml() {
        Some(toml::Value::Table(table)) => Some(table),
        _ => None,
    }
}

fn read_annotations(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<CommandAnnotations> {
    if ignored_annotations::check(cx, node, &path) {
        return None;
    }
    let mut t = cx.expect_table(node, path)?;
    if t.has("file") && t.has("kind") {
        let file = t.str(cx, "file");
        let kind = t
            .str(cx, "kind")
            .and_then(|kind| invalid_annotations_kind::parse(cx, kind, &path.key("kind")));
        t.finish(cx, Warning, &["file", "kind"]);
        return Some(CommandAnnotations::File(FileAnnotations {
            file: PathBuf::from(file?),
            kind: kind?,
        }));
    }
    let wasi = t
        .get("wasi")
        .and_then(|n| read_wasi(cx, n, path.key("wasi")));
    let wcgi = t
        .get("wcgi")
        .and_then(|n| read_wcgi(cx, n, path.key("wcgi")));
    let other = t
        .entries
        .iter()
        .filter(|e| e.key != "wasi" && e.key != "wcgi")
        .filter_map(|e| Some((e.key.to_string(), e.value.to_toml()?)))
        .collect();
    Some(CommandAnnotations::Inline(Annotations {
        wasi,
        wcgi,
        other,
    }))
}

fn read_wasi(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<WasiAnnotations> {
    let mut t = cx.expect_table(node, path)?;
    let wasi = WasiAnnotations {
        atom: t.str(cx, "atom").map(str::to_owned),
        package: t.str(cx, "package").map(str::to_owned),
        env: t.string_list(cx, "env"),
        main_args: t.string_list(cx, "main-args"),
        mount_atom_in_volume: t.str(cx, "mount-atom-in-volume").map(str::to_owned),
        cwd: t.str(cx, "cwd").map(str::to_owned),
        exec_name: t.str(cx, "exec-name").map(str::to_owned),
    };
    if let Some(env) = &wasi.env {
        invalid_env::check(cx, env, &path.key("env"));
    }
    t.finish(cx, Warning, WASI_KEYS);
    Some(wasi)
}

fn read_wcgi(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<WcgiAnnotations> {
    let mut t = cx.expect_table(node, path)?;
    let dialect = t.str(cx, "dialect");
    if let Some(dialect) = dialect {
        unknown_wcgi_dialect::check(cx, dialect, &path.key("dialect"));
    }
    t.finish(cx, Warning, &["dialect"]);
    Some(WcgiAnnotations {
        dialect: dialect.map(str::to_owned),
    })
}
