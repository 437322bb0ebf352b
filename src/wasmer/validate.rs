//! Reading and checking a `wasmer.toml`: every rule of the format, each
//! problem reported at its field, all in one pass.

use std::collections::HashMap;
use std::path::PathBuf;

use indexmap::IndexMap;
use semver::{Version, VersionReq};

use super::codes as c;
use super::{
    Abi, Annotations, AnnotationsFileKind, Bindings, Command, CommandAnnotations, CommandV1,
    CommandV2, FileAnnotations, Manifest, Module, ModuleReference, Package, WaiBindings,
    WasiAnnotations, WcgiAnnotations, WitBindings,
};
use crate::codes::{DEPRECATED_KEY, INVALID_LICENSE, INVALID_URL, PATH_OUTSIDE_PACKAGE};
use crate::diagnostic::Severity::{Error, Warning};
use crate::path::P;
use crate::read::Cx;
use crate::rules::{license, paths, suggest, urls};
use crate::source::{Node, Target, Value};

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
const ABIS: &[&str] = &["none", "wasi", "wasm4"];
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
const RUNNERS: &[&str] = &["wasi", "wcgi", "wasm4", "wasi@unstable_", "generic"];
const WCGI_DIALECTS: &[&str] = &["rfc-3875", "wcgi"];
/// The well-known runners' URLs, accepted without parsing them again.
const RUNNER_URLS: &[&str] = &[
    "https://webc.org/runner/wasi",
    "https://webc.org/runner/wcgi",
    "https://webc.org/runner/wasm4",
];

/// What commands need to know about a module, even one that could not be
/// read completely (so a module with a bad `abi` does not also produce
/// "unknown module" errors).
struct ModuleSeen {
    index: usize,
    /// `None` when the `abi` value was invalid.
    abi: Option<Abi>,
    has_interfaces: bool,
}

/// Reads a `wasmer.toml` document, reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Manifest {
    let p = P::ROOT;
    let Some(mut top) = cx.expect_table(root, p) else {
        return Manifest::default();
    };
    let package_node = top.get("package");
    let dependencies_node = top.get("dependencies");
    let fs_node = top.get("fs");
    let module_node = top.get("module");
    let command_node = top.get("command");
    top.finish(cx, Warning, ROOT_KEYS);

    let mut manifest = Manifest::default();

    let mut dependency_keys: Vec<&str> = Vec::new();
    if let Some(node) = dependencies_node {
        let path = p.key("dependencies");
        manifest.dependencies = read_dependencies(cx, node, path, &mut dependency_keys);
    }
    if let Some(node) = fs_node {
        manifest.fs = read_fs(cx, node, p.key("fs"));
    }

    let mut modules_seen: HashMap<&str, ModuleSeen> = HashMap::new();
    if let Some(items) =
        module_node.and_then(|n| cx.expect_array_of_tables(n, &p.key("module"), "module"))
    {
        let path = p.key("module");
        for (i, item) in items.iter().enumerate() {
            let (name, module) = read_module(cx, item, path.index(i));
            if let Some((name, seen)) = name {
                if let Some(first) = modules_seen.get(name) {
                    cx.error(c::DUPLICATE_MODULE, &path.index(i).key("name"), format!("duplicate module `{name}`"))
                        .label_path(
                            crate::FieldPath::root().key("module").index(first.index).key("name"),
                            Target::Value,
                            "first defined here",
                        )
                        .help("module names must be unique: rename one of them (and the commands using it)");
                } else {
                    modules_seen.insert(name, seen);
                }
            }
            manifest.modules.extend(module);
        }
    }

    let mut command_names: Vec<&str> = Vec::new();
    if let Some(items) =
        command_node.and_then(|n| cx.expect_array_of_tables(n, &p.key("command"), "command"))
    {
        let path = p.key("command");
        let mut first_index: HashMap<&str, usize> = HashMap::new();
        let known = Known {
            modules: &modules_seen,
            dependencies: &dependency_keys,
        };
        for (i, item) in items.iter().enumerate() {
            let (name, command) = read_command(cx, item, path.index(i), &known);
            if let Some(name) = name {
                if let Some(first) = first_index.get(name) {
                    cx.error(
                        c::DUPLICATE_COMMAND,
                        &path.index(i).key("name"),
                        format!("duplicate command `{name}`"),
                    )
                    .label_path(
                        crate::FieldPath::root()
                            .key("command")
                            .index(*first)
                            .key("name"),
                        Target::Value,
                        "first defined here",
                    )
                    .help("command names must be unique: rename one of them");
                } else {
                    first_index.insert(name, i);
                    command_names.push(name);
                }
            }
            manifest.commands.extend(command);
        }
    }

    if let Some(node) = package_node {
        let path = p.key("package");
        manifest.package = read_package(cx, node, path, &command_names);
    }
    let has_entrypoint = manifest
        .package
        .as_ref()
        .is_some_and(|p| p.entrypoint.is_some());
    if !has_entrypoint && command_names.len() > 1 {
        let at = if package_node.is_some() {
            p.key("package")
        } else {
            p.key("command")
        };
        let example = command_names[0];
        let pending = cx.warning(
            c::AMBIGUOUS_ENTRYPOINT,
            &p.key("package").key("entrypoint"),
            format!(
                "{} commands and no `package.entrypoint`: `wasmer run` cannot choose which one to start",
                command_names.len()
            ),
        );
        if package_node.is_some() {
            pending.at(&at, Target::Value);
        } else {
            pending.at(&at.index(1), Target::Value);
        }
        pending.help(format!(
            "add `entrypoint = \"{example}\"` (or another command) to `[package]`, or run with `--command`"
        ));
    }
    manifest
}

fn read_dependencies<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    keys: &mut Vec<&'n str>,
) -> IndexMap<String, VersionReq> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let key: &str = &entry.key;
        keys.push(key);
        let entry_path = path.key(key);
        if !is_dependency_name(key) {
            let pending = cx.error(
                c::INVALID_DEPENDENCY_NAME,
                &entry_path,
                format!("dependency `{key}` is not of the form `namespace/name`"),
            );
            pending.on_key();
            if key.contains('/') {
                pending.help("both parts may only use ASCII letters, digits, `-` and `_`");
            } else {
                pending.help(format!(
                    "write the full registry name, e.g. `\"wasmer/{key}\"`"
                ));
            }
        }
        let Some(text) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        match VersionReq::parse(text) {
            Ok(req) => {
                out.insert(key.to_owned(), req);
            }
            Err(e) => {
                cx.incomplete = true;
                cx.error(
                    c::INVALID_DEPENDENCY_VERSION,
                    &entry_path,
                    format!("`{text}` is not a semver version requirement: {e}"),
                )
                .help("use a requirement such as `\"^1.2\"`, `\"=1.2.3\"` or `\"*\"`");
            }
        }
    }
    out
}

fn is_dependency_name(key: &str) -> bool {
    let part = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    matches!(key.split_once('/'), Some((ns, name)) if part(ns) && part(name))
}

fn read_fs(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, PathBuf> {
    let mut out = IndexMap::new();
    let Some(table) = cx.expect_table(node, path) else {
        return out;
    };
    for entry in table.entries {
        let guest: &str = &entry.key;
        let entry_path = path.key(guest);
        if !guest.starts_with('/') {
            cx.warning(
                c::FS_GUEST_NOT_ABSOLUTE,
                &entry_path,
                format!("guest path `{guest}` is not absolute"),
            )
            .on_key()
            .help(format!("mount it at an absolute path: `\"/{guest}\"`"));
        }
        let Some(host) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        if let Some(escape) = paths::escapes(host) {
            let how = match escape {
                paths::Escape::Absolute => "is an absolute path",
                paths::Escape::Parent => "climbs out of the package directory",
            };
            cx.warning(
                PATH_OUTSIDE_PACKAGE,
                &entry_path,
                format!("host path `{host}` {how}"),
            )
            .help("keep bundled files inside the directory of wasmer.toml and use a relative path")
            .note("the package then depends on files of the machine it is built on");
        }
        out.insert(guest.to_owned(), PathBuf::from(host));
    }
    out
}

fn read_package(cx: &mut Cx, node: &Node<'_>, path: P<'_>, commands: &[&str]) -> Option<Package> {
    let mut t = cx.expect_table(node, path)?;
    let mut package = Package {
        name: t.str(cx, "name").map(str::to_owned),
        ..Package::default()
    };
    if let Some(name) = package.name.as_deref() {
        check_package_name(cx, name, &path.key("name"));
    }
    if let Some(v) = t.get("version") {
        package.version = read_version(cx, v, &path.key("version"));
    }
    package.description = t.str(cx, "description").map(str::to_owned);
    package.license = t.str(cx, "license").map(str::to_owned);
    if let Some(text) = package.license.as_deref()
        && let Err(reason) = license::check_spdx(text)
    {
        cx.warning(
            INVALID_LICENSE,
            &path.key("license"),
            format!("`{text}` is not a valid SPDX license expression ({reason})"),
        )
        .help("use an SPDX expression such as `MIT` or `MIT OR Apache-2.0`; for a custom license use `license-file`");
    }
    package.license_file = t.str(cx, "license-file").map(PathBuf::from);
    if package.license.is_some() && package.license_file.is_some() {
        cx.warning(
            c::LICENSE_AND_LICENSE_FILE,
            &path.key("license-file"),
            "both `license` and `license-file` are set",
        )
        .on_key()
        .label(&path.key("license"), Target::Key, "`license` is set here")
        .help("`license-file` overrides `license`: keep only the one that is up to date");
    }
    package.readme = t.str(cx, "readme").map(PathBuf::from);
    for key in ["repository", "homepage"] {
        let Some(text) = t.str(cx, key) else { continue };
        if let Err(reason) = urls::check_http_url(text) {
            cx.warning(INVALID_URL, &path.key(key), reason)
                .help("write an absolute URL such as `https://github.com/owner/repo`");
        }
        match key {
            "repository" => package.repository = Some(text.to_owned()),
            _ => package.homepage = Some(text.to_owned()),
        }
    }
    package.entrypoint = t.str(cx, "entrypoint").map(str::to_owned);
    if let Some(entrypoint) = package.entrypoint.as_deref()
        && !commands.contains(&entrypoint)
    {
        let pending = cx.error(
            c::UNKNOWN_ENTRYPOINT,
            &path.key("entrypoint"),
            format!("entrypoint `{entrypoint}` is not a command of this manifest"),
        );
        if let Some(best) = suggest::closest(entrypoint, commands) {
            pending.help(format!("did you mean `{best}`?"));
        } else if commands.is_empty() {
            pending.help(format!(
                "there are no commands: add a `[[command]]` named `{entrypoint}`"
            ));
        } else {
            pending.help(format!("the commands are {}", suggest::list(commands)));
        }
    }
    package.private = t.bool(cx, "private").unwrap_or(false);
    package.wasmer_extra_flags = t.str(cx, "wasmer-extra-flags").map(str::to_owned);
    if package.wasmer_extra_flags.is_some() {
        cx.warning(
            DEPRECATED_KEY,
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
        cx.warning(
            DEPRECATED_KEY,
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
    let missing: Vec<&str> = ["name", "version", "description"]
        .into_iter()
        .filter(|k| !t.has(k))
        .collect();
    if !missing.is_empty() {
        cx.warning(
            c::INCOMPLETE_PACKAGE,
            &path,
            format!(
                "`[package]` has no {}",
                suggest::list_all(&missing)
            ),
        )
        .help("publishing to the registry needs `name`, `version` and `description`");
    }
    t.finish(cx, Warning, PACKAGE_KEYS);
    Some(package)
}

/// The CLI's identifier grammar: `([a-zA-Z][a-zA-Z0-9_.-]*/)?[a-zA-Z][a-zA-Z0-9_.-]*`.
fn check_package_name(cx: &mut Cx, name: &str, path: &P<'_>) {
    let part_ok = |s: &str| {
        let mut bytes = s.bytes();
        matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
            && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    };
    let (namespace, short) = match name.split_once('/') {
        Some((ns, short)) => (Some(ns), short),
        None => (None, name),
    };
    if !namespace.is_none_or(part_ok) || !part_ok(short) {
        cx.error(
            c::INVALID_PACKAGE_NAME,
            path,
            format!("`{name}` is not a valid package name"),
        )
        .help("use `namespace/name`, each part starting with a letter followed by letters, digits, `_`, `.` or `-`");
    } else if namespace.is_none() {
        cx.warning(
            c::NAME_WITHOUT_NAMESPACE,
            path,
            format!("package name `{name}` has no namespace"),
        )
        .help(format!(
            "publish it under your user or organisation: `\"<namespace>/{name}\"`"
        ));
    }
}

fn read_version(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Version> {
    let text = cx.expect_str(node, path)?;
    match Version::parse(text) {
        Ok(v) => Some(v),
        Err(e) => {
            cx.incomplete = true;
            let pending = cx.error(
                c::INVALID_VERSION,
                path,
                format!("`{text}` is not a semver version: {e}"),
            );
            let numbers: Vec<&str> = text.trim_start_matches('v').split('.').collect();
            if text.starts_with('v') && Version::parse(&text[1..]).is_ok() {
                pending.help(format!("drop the leading `v`: `\"{}\"`", &text[1..]));
            } else if numbers.len() < 3
                && numbers
                    .iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            {
                let mut full = numbers.clone();
                full.resize(3, "0");
                pending.help(format!("write all three numbers: `\"{}\"`", full.join(".")));
            } else {
                pending.help("use MAJOR.MINOR.PATCH, e.g. `\"1.0.0\"`");
            }
            None
        }
    }
}

fn read_module<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
) -> (Option<(&'n str, ModuleSeen)>, Option<Module>) {
    let Some(mut t) = cx.expect_table(node, path) else {
        return (None, None);
    };
    let name = t.required_str(cx, "name");
    let source = t.required_str(cx, "source");
    let mut abi = Some(Abi::None);
    if let Some(text) = t.str(cx, "abi") {
        abi = match text {
            "none" => Some(Abi::None),
            "wasi" => Some(Abi::Wasi),
            "wasm4" => Some(Abi::Wasm4),
            _ => {
                cx.incomplete = true;
                let pending = cx.error(
                    c::INVALID_ABI,
                    &path.key("abi"),
                    format!("unknown ABI `{text}`"),
                );
                if text.eq_ignore_ascii_case("emscripten") {
                    pending
                        .help("emscripten support was removed from Wasmer: build the module for WASI and use `abi = \"wasi\"`");
                } else if let Some(best) = suggest::closest(text, ABIS) {
                    pending.help(format!("did you mean `{best}`?"));
                } else {
                    pending.help(format!("expected one of {}", suggest::list(ABIS)));
                }
                None
            }
        };
    }
    let kind = t.str(cx, "kind");
    if let Some(kind) = kind
        && kind != "wasm"
        && kind != "tensorflow-SavedModel"
        && url::Url::parse(kind).is_err()
    {
        cx.error(
            c::UNKNOWN_MODULE_KIND,
            &path.key("kind"),
            format!("unknown module kind `{kind}`"),
        )
        .help("remove `kind` for a WebAssembly module, or use `tensorflow-SavedModel` or a URL");
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

    let seen = name.map(|name| {
        (
            name,
            ModuleSeen {
                index: path_index(&path),
                abi,
                has_interfaces: interfaces.is_some(),
            },
        )
    });
    let module = match (name, source, abi) {
        (Some(name), Some(source), Some(abi)) => Some(Module {
            name: name.to_owned(),
            source: PathBuf::from(source),
            abi,
            kind: kind.map(str::to_owned),
            interfaces,
            bindings,
            annotations,
        }),
        _ => None,
    };
    (seen, module)
}

/// The array index of an item path such as `module[3]`.
fn path_index(path: &P<'_>) -> usize {
    match path.to_path().segments().last() {
        Some(crate::path::Segment::Index(i)) => *i,
        _ => 0,
    }
}

fn read_bindings(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Bindings> {
    let mut t = cx.expect_table(node, path)?;
    match (t.has("wit-bindgen"), t.has("wai-version")) {
        (true, false) => {
            let version = t
                .required(cx, "wit-bindgen")
                .and_then(|n| read_version(cx, n, &path.key("wit-bindgen")));
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
                .and_then(|n| read_version(cx, n, &path.key("wai-version")));
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
            cx.incomplete = true;
            let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
            let message = if both {
                "`bindings` has both `wit-bindgen` and `wai-version`".to_owned()
            } else if found.is_empty() {
                "`bindings` is empty".to_owned()
            } else {
                format!(
                    "`bindings` has neither `wit-bindgen` nor `wai-version` (found {})",
                    suggest::list_all(&found)
                )
            };
            cx.error(c::INVALID_BINDINGS, &path, message).help(
                "give exactly one: `wai-version = \"0.2.0\"` (with `exports`/`imports`) for WAI, or `wit-bindgen` with `wit-exports` for WIT",
            );
            None
        }
    }
}

struct Known<'k, 'n> {
    modules: &'k HashMap<&'n str, ModuleSeen>,
    dependencies: &'k [&'n str],
}

fn read_command<'n>(
    cx: &mut Cx,
    node: &'n Node<'_>,
    path: P<'_>,
    known: &Known<'_, '_>,
) -> (Option<&'n str>, Option<Command>) {
    let Some(mut t) = cx.expect_table(node, path) else {
        return (None, None);
    };
    let is_v2 = t.has("runner");
    let name = t.required_str(cx, "name");
    let module_text = t.required_str(cx, "module");
    let module = module_text.and_then(|text| check_module_reference(cx, text, &path, is_v2, known));

    if is_v2 {
        let runner = t.required_str(cx, "runner");
        if let Some(runner) = runner {
            check_runner(cx, runner, &path.key("runner"));
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
        let command = match (name, module, runner) {
            (Some(name), Some(module), Some(runner)) => Some(Command::V2(CommandV2 {
                name: name.to_owned(),
                module,
                runner: runner.to_owned(),
                annotations,
            })),
            _ => None,
        };
        (name, command)
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
        let command = match (name, module) {
            (Some(name), Some(module)) => Some(Command::V1(CommandV1 {
                name: name.to_owned(),
                module,
                main_args,
                package,
            })),
            _ => None,
        };
        (name, command)
    }
}

fn check_module_reference(
    cx: &mut Cx,
    text: &str,
    command: &P<'_>,
    is_v2: bool,
    known: &Known<'_, '_>,
) -> Option<ModuleReference> {
    let path = command.key("module");
    let reference = match text.parse::<ModuleReference>() {
        Ok(reference) => reference,
        Err(_) => {
            cx.incomplete = true;
            cx.error(
                c::INVALID_MODULE_REFERENCE,
                &path,
                format!("`{text}` is not a module reference"),
            )
            .help("write `module` for a module of this manifest, or `namespace/package:module` for a module of a dependency");
            return None;
        }
    };
    match &reference {
        ModuleReference::Local(module) => match known.modules.get(module.as_str()) {
            None => {
                let pending = cx.error(
                    c::UNKNOWN_MODULE,
                    &path,
                    format!("module `{module}` is not declared in this manifest"),
                );
                let names: Vec<&str> = known.modules.keys().copied().collect();
                if module.contains('/') {
                    pending.help(format!(
                        "to run a module of the dependency `{module}`, write `\"{module}:<module>\"`"
                    ));
                } else if let Some(best) = suggest::closest(module, &names) {
                    pending.help(format!("did you mean `{best}`?"));
                } else {
                    pending.help(format!("declare it with `[[module]]` `name = \"{module}\"`, or use `namespace/package:{module}` for a dependency's module"));
                }
            }
            Some(seen) if !is_v2 && seen.abi == Some(Abi::None) && !seen.has_interfaces => {
                cx.error(
                    c::MISSING_ABI,
                    &path,
                    format!("command without `runner` uses module `{module}`, which has no `abi`"),
                )
                .label_path(
                    crate::FieldPath::root().key("module").index(seen.index),
                    Target::Value,
                    "this module has no `abi` or `interfaces`",
                )
                .help(format!(
                    "add `abi = \"wasi\"` to module `{module}`, or give the command a `runner` (e.g. `runner = \"wasi\"`)"
                ))
                .note("commands without `runner` take their runner from the module's ABI");
            }
            Some(_) => {}
        },
        ModuleReference::Dependency { dependency, .. } => {
            if !known.dependencies.contains(&dependency.as_str()) {
                let pending = cx.error(
                    c::UNKNOWN_DEPENDENCY,
                    &path,
                    format!("`{dependency}` is not in `[dependencies]`"),
                );
                if let Some(best) = suggest::closest(dependency, known.dependencies) {
                    pending.help(format!("did you mean `{best}`?"));
                } else {
                    pending.help(format!(
                        "add it: `[dependencies]` `\"{dependency}\" = \"<version requirement>\"`"
                    ));
                }
            }
        }
    }
    Some(reference)
}

fn check_runner(cx: &mut Cx, runner: &str, path: &P<'_>) {
    if runner.eq_ignore_ascii_case("emscripten") || runner.ends_with("/runner/emscripten") {
        cx.warning(
            c::UNKNOWN_RUNNER,
            path,
            "the emscripten runner was removed from Wasmer",
        )
        .help("build the module for WASI and use `runner = \"wasi\"`");
    } else if RUNNERS.contains(&runner) || RUNNER_URLS.contains(&runner) {
    } else if runner.contains("://") {
        if let Err(e) = url::Url::parse(runner) {
            cx.warning(
                c::UNKNOWN_RUNNER,
                path,
                format!("runner `{runner}` is not a valid URL ({e})"),
            )
            .help("use a well-known runner such as `wasi`, or a valid runner URL");
        }
    } else {
        let pending = cx.warning(
            c::UNKNOWN_RUNNER,
            path,
            format!("`{runner}` is not a well-known runner"),
        );
        if let Some(best) = suggest::closest(runner, RUNNERS) {
            pending.help(format!("did you mean `{best}`?"));
        } else {
            pending.help(format!(
                "use one of {} or a runner URL",
                suggest::list(RUNNERS)
            ));
        }
        pending.note(format!("it will be read as `https://webc.org/runner/{runner}`, which no Wasmer runtime provides"));
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
    if !matches!(node.value, Value::Table(_)) {
        let found = node.type_name(cx.syntax);
        cx.warning(
            c::IGNORED_ANNOTATIONS,
            &path,
            format!("`annotations` is {found}, not a table, so Wasmer ignores it"),
        )
        .help("write one table per runner, e.g. `[command.annotations.wasi]` with `main-args` and `env`, or `annotations = { file = \"annotations.yaml\", kind = \"yaml\" }`");
        return None;
    }
    let mut t = cx.expect_table(node, path)?;
    if t.has("file") && t.has("kind") {
        let file = t.str(cx, "file");
        let kind = t.str(cx, "kind").and_then(|kind| match kind {
            "yaml" => Some(AnnotationsFileKind::Yaml),
            "json" => Some(AnnotationsFileKind::Json),
            _ => {
                cx.incomplete = true;
                cx.error(
                    c::INVALID_ANNOTATIONS_KIND,
                    &path.key("kind"),
                    format!("annotations file kind `{kind}` is not supported"),
                )
                .help("use `kind = \"yaml\"` or `kind = \"json\"`")
                .note("with any other kind Wasmer treats this table as inline annotations and never reads the file");
                None
            }
        });
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
        let env_path = path.key("env");
        for (i, entry) in env.iter().enumerate() {
            let problem = match entry.split_once('=') {
                None => Some(format!("environment entry `{entry}` has no `=`")),
                Some(("", _)) => Some(format!("environment entry `{entry}` has an empty name")),
                Some(_) => None,
            };
            if let Some(message) = problem {
                let name = entry
                    .split('=')
                    .next()
                    .filter(|n| !n.is_empty())
                    .unwrap_or("NAME");
                cx.error(c::INVALID_ENV, &env_path.index(i), message)
                    .help(format!("write `KEY=VALUE`, e.g. `\"{name}=1\"` (or `\"{name}=\"` for an empty value)"));
            }
        }
    }
    t.finish(cx, Warning, WASI_KEYS);
    Some(wasi)
}

fn read_wcgi(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<WcgiAnnotations> {
    let mut t = cx.expect_table(node, path)?;
    let dialect = t.str(cx, "dialect");
    if let Some(dialect) = dialect
        && !WCGI_DIALECTS.contains(&dialect)
    {
        let pending = cx.warning(
            c::UNKNOWN_WCGI_DIALECT,
            &path.key("dialect"),
            format!("unknown WCGI dialect `{dialect}`"),
        );
        match suggest::closest(dialect, WCGI_DIALECTS) {
            Some(best) => pending.help(format!("did you mean `{best}`?")),
            None => pending.help("use `rfc-3875` (plain CGI, the default) or `wcgi`"),
        };
    }
    t.finish(cx, Warning, &["dialect"]);
    Some(WcgiAnnotations {
        dialect: dialect.map(str::to_owned),
    })
}
