//! `wasm-manifests inspect`: the format-independent view of packages.

use std::fmt::Write as _;
use std::io::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;
use wasm_manifests::package::{EntryKind, ModuleSource, NetworkAccess, Origin, Package};
use wasm_manifests::{Error, Options};

use crate::escape::text as t;
use crate::walk::{self, Input, Job};
use crate::{ColorWhen, InspectArgs, InspectOutput, Status, style};

/// The version of the JSON output's shape.
const JSON_VERSION: u32 = 1;

/// The JSON output: `{"version": 1, "packages": [{"file", "package"}]}`,
/// each package in the shape of `wasm_manifests::package::Package`.
#[derive(Serialize)]
struct JsonOutput {
    version: u32,
    packages: Vec<JsonPackage>,
}

#[derive(Serialize)]
struct JsonPackage {
    file: String,
    package: Package,
}

/// Rows whose first column is wider than this put their second column on
/// the next line, so that one long name does not push every row aside.
const MAX_COLUMN: usize = 60;

/// Runs `inspect`.
pub fn run(args: &InspectArgs, color: ColorWhen) -> Status {
    let stdout_color = style::enabled(color, &std::io::stdout());
    let stderr_color = style::enabled(color, &std::io::stderr());
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let collected = walk::collect(&args.paths, !args.no_ignore, threads);
    let mut status = Status::Clean;
    for problem in &collected.problems {
        style::error(stderr_color, problem);
        status = Status::Trouble;
    }
    let mut human = Vec::new();
    let mut packages = Vec::new();
    let mut manifests = 0;
    for job in &collected.jobs {
        let Some((package, job_status)) = inspect(args, job, stderr_color) else {
            continue;
        };
        manifests += 1;
        status = status.max(job_status);
        let Some(package) = package else {
            continue;
        };
        match args.output {
            InspectOutput::Human => {
                human.push(view(&job.shown, &package, stdout_color, args.verbose))
            }
            InspectOutput::Json => packages.push(JsonPackage {
                file: job.display.clone(),
                package,
            }),
        }
    }
    if manifests == 0 && collected.problems.is_empty() {
        let paths: Vec<String> = args
            .paths
            .iter()
            .map(|p| format!("`{}`", walk::shown(p)))
            .collect();
        style::warning(
            stderr_color,
            &format!("no manifest found in {}", paths.join(", ")),
        );
    }
    let text = match args.output {
        InspectOutput::Human => human.join("\n"),
        InspectOutput::Json => {
            let document = JsonOutput {
                version: JSON_VERSION,
                packages,
            };
            match serde_json::to_string_pretty(&document) {
                Ok(json) => json + "\n",
                Err(e) => {
                    style::error(stderr_color, &format!("cannot write the package view: {e}"));
                    return Status::Trouble;
                }
            }
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            style::error(stderr_color, &format!("cannot write the output: {e}"));
            Status::Trouble
        }
    }
}

/// Reads one file: its package view, when one can be built, and the status
/// it gives. Files found in directories that are not manifests are left
/// out without a word (`None`).
fn inspect(args: &InspectArgs, job: &Job, stderr_color: bool) -> Option<(Option<Package>, Status)> {
    let Input::File(path) = &job.input else {
        style::error(
            stderr_color,
            "`inspect` does not read standard input: name the manifest",
        );
        return Some((None, Status::Trouble));
    };
    let options = Options::new();
    let parsed = match args.format_hint {
        Some(format) if job.explicit => options.parse_file_as(path, format),
        _ => options.parse_file(path),
    };
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(Error::UnknownFormat(_)) if !job.explicit => return None,
        Err(e) => {
            // The message names the file: as people see it.
            let raw = format!("`{}`", path.display());
            let shown = format!("`{}`", job.shown);
            style::error(stderr_color, &e.to_string().replacen(&raw, &shown, 1));
            return Some((None, Status::Trouble));
        }
    };
    let Some(package) = parsed.package() else {
        // Nothing to show: say why.
        let mut report = parsed.into_report();
        report.set_origin(job.shown.clone());
        let rendered = if stderr_color {
            report.render_styled()
        } else {
            report.render()
        };
        let _ = write!(std::io::stderr().lock(), "{rendered}");
        style::error(
            stderr_color,
            &format!(
                "`{}` could not be read; fix the errors above and inspect it again",
                job.shown
            ),
        );
        return Some((None, Status::Errors));
    };
    if !parsed.report().has_errors() {
        return Some((Some(package), Status::Clean));
    }
    let errors = parsed.report().error_count();
    style::warning(
        stderr_color,
        &format!(
            "`{}` has {errors} error{}; run `wasm-manifests check {}` to see {}",
            job.shown,
            if errors == 1 { "" } else { "s" },
            job.shown,
            if errors == 1 { "it" } else { "them" },
        ),
    );
    Some((Some(package), Status::Errors))
}

/// Where a grant comes from: `field (line:column)`, or `field (default)`.
fn origin(o: &Origin) -> String {
    match (&o.span, o.implied) {
        (_, true) => format!("{} (default)", o.path),
        (Some(span), false) => format!("{} ({}:{})", o.path, span.line, span.column),
        (None, false) => o.path.to_string(),
    }
}

fn scoped(text: String, scope: &Option<String>) -> String {
    match scope {
        Some(scope) => format!("{text} [{}]", t(scope)),
        None => text,
    }
}

fn bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

fn duration(ms: u64) -> String {
    if ms >= 1000 && ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}

/// One line of a section: what, and where it comes from.
struct Row {
    what: String,
    place: String,
}

impl Row {
    fn new(what: String, place: String) -> Self {
        Self { what, place }
    }
}

/// A capability: its row, and what the collapsed line of default grants
/// needs to know of it.
struct Grant {
    row: Row,
    kind: &'static str,
    scope: Option<String>,
    origin: Origin,
}

/// Writes a section: its heading, then its rows in two aligned columns
/// (widths counted in terminal columns).
fn section(out: &mut String, heading: &str, rows: &[Row]) {
    let _ = writeln!(out, "\n{heading}");
    if rows.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    let width = rows
        .iter()
        .map(|row| row.what.width())
        .filter(|&w| w <= MAX_COLUMN)
        .max()
        .unwrap_or(0);
    for row in rows {
        let what_width = row.what.width();
        if row.place.is_empty() {
            let _ = writeln!(out, "  {}", row.what);
        } else if what_width > width {
            let _ = writeln!(out, "  {}\n  {:width$}  {}", row.what, "", row.place);
        } else {
            let pad = width - what_width;
            let _ = writeln!(out, "  {}{:pad$}  {}", row.what, "", row.place);
        }
    }
}

/// The readable view of one package.
fn view(shown_path: &str, package: &Package, color: bool, verbose: bool) -> String {
    let heading = |text: &str| style::paint(color, style::BOLD, text);
    let mut out = String::new();
    let id = &package.identity;
    let title = match (&id.name, &id.version) {
        (Some(name), Some(version)) => format!("{} {}", t(name), t(version)),
        (Some(name), None) => t(name),
        (None, _) => "(unnamed package)".to_owned(),
    };
    let _ = writeln!(
        out,
        "{} ({} manifest, {})",
        heading(&title),
        package.format,
        shown_path
    );
    for (label, value) in [
        ("title", &id.title),
        ("description", &id.description),
        ("license", &id.license),
        ("repository", &id.repository),
        ("homepage", &id.homepage),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "  {label:<12} {}", t(value));
        }
    }
    if !id.authors.is_empty() {
        let authors: Vec<String> = id.authors.iter().map(|a| t(a)).collect();
        let _ = writeln!(out, "  {:<12} {}", "authors", authors.join(", "));
    }
    section(&mut out, &heading("Modules"), &modules(package));
    section(&mut out, &heading("Entry points"), &entry_points(package));
    let mut rows = vec![Row::new(
        format!("network: {}", network(package.capabilities.network)),
        String::new(),
    )];
    rows.extend(collapse(grants(package), verbose));
    section(&mut out, &heading("Capabilities"), &rows);
    out
}

fn network(access: NetworkAccess) -> &'static str {
    match access {
        NetworkAccess::None => "none",
        NetworkAccess::Hosts => "listed hosts only",
        NetworkAccess::Any => "ANY host",
        NetworkAccess::HostDecides => {
            "not set by the manifest (the host decides when it runs the package)"
        }
    }
}

fn modules(package: &Package) -> Vec<Row> {
    package
        .modules
        .iter()
        .map(|m| {
            let source = match &m.source {
                ModuleSource::Path { path } => format!("file {}", t(path)),
                ModuleSource::Url { url } => format!("download {}", t(url)),
                ModuleSource::Inline { bytes: n } => format!("embedded, {}", bytes(*n as u64)),
                ModuleSource::Registry {
                    package,
                    version,
                    module,
                    ..
                } => match module {
                    Some(module) => {
                        format!(
                            "registry {}@{}, module {}",
                            t(package),
                            t(version),
                            t(module)
                        )
                    }
                    None => format!("registry {}@{}", t(package), t(version)),
                },
                _ => "other source".to_owned(),
            };
            let digest = m
                .sha256
                .as_deref()
                .map(|d| format!(", sha256 {}…", t(d.get(..12).unwrap_or(d))))
                .unwrap_or_default();
            Row::new(
                format!("{}: {source}{digest}", t(&m.name)),
                origin(&m.origin),
            )
        })
        .collect()
}

fn entry_points(package: &Package) -> Vec<Row> {
    package
        .entry_points
        .iter()
        .map(|e| {
            let kind = match &e.kind {
                EntryKind::Command { runner, args } if args.is_empty() => {
                    format!("command, runner {}", t(runner))
                }
                EntryKind::Command { runner, args } => {
                    let args: Vec<String> = args.iter().map(|a| t(a)).collect();
                    format!("command, runner {}, args {}", t(runner), args.join(" "))
                }
                EntryKind::HttpRoute { route, executor } => {
                    format!("HTTP {} ({})", t(route), t(executor))
                }
                EntryKind::RedisChannel { channel } => format!("Redis channel {}", t(channel)),
                EntryKind::Trigger { trigger_type } => format!("{} trigger", t(trigger_type)),
                EntryKind::MainModule => "main module".to_owned(),
                EntryKind::Node { title, category } => {
                    format!("node \"{}\" in {}", t(title), t(category))
                }
                _ => "entry point".to_owned(),
            };
            let module = e
                .module
                .as_deref()
                .map(|m| format!(" → {}", t(m)))
                .unwrap_or_default();
            Row::new(format!("{}: {kind}{module}", t(&e.name)), origin(&e.origin))
        })
        .collect()
}

/// Every capability grant, in the order of the package view.
fn grants(package: &Package) -> Vec<Grant> {
    let c = &package.capabilities;
    let mut out = Vec::new();
    let mut add = |kind: &'static str, what: String, scope: &Option<String>, o: &Origin| {
        out.push(Grant {
            row: Row::new(scoped(what, scope), origin(o)),
            kind,
            scope: scope.clone(),
            origin: o.clone(),
        });
    };
    for h in &c.outbound {
        let port = h
            .port
            .as_deref()
            .map(|p| format!(":{}", t(p)))
            .unwrap_or_default();
        let what = format!("outbound {}://{}{port}", t(&h.scheme), t(&h.host));
        add("outbound", what, &h.scope, &h.origin);
    }
    for n in &c.name_lookups {
        add(
            "name lookups",
            format!("name lookups {}", t(&n.name)),
            &n.scope,
            &n.origin,
        );
    }
    for f in &c.files {
        let mode = if f.read_only {
            "read-only"
        } else {
            "read-write"
        };
        let glob = if f.glob { ", glob" } else { "" };
        let what = format!("files {} → {} ({mode}{glob})", t(&f.host), t(&f.guest));
        add("files", what, &f.scope, &f.origin);
    }
    for e in &c.env {
        add(
            "env",
            format!("env {}={}", t(&e.name), t(&e.value)),
            &e.scope,
            &e.origin,
        );
    }
    if let Some(m) = &c.memory_limit_bytes {
        add(
            "memory limit",
            format!("memory limit {}", bytes(m.value)),
            &m.scope,
            &m.origin,
        );
    }
    if let Some(l) = &c.timeout_ms {
        add(
            "timeout",
            format!("timeout {}", duration(l.value)),
            &l.scope,
            &l.origin,
        );
    }
    for (kind, list) in [
        ("key-value store", &c.key_value_stores),
        ("SQLite database", &c.sqlite_databases),
        ("AI model", &c.ai_models),
        ("flag", &c.flags),
    ] {
        for g in list {
            add(kind, format!("{kind} {}", t(&g.name)), &g.scope, &g.origin);
        }
    }
    for v in &c.variables {
        let mut traits = Vec::new();
        if v.secret {
            traits.push("secret");
        }
        if v.required {
            traits.push("required");
        }
        let traits = if traits.is_empty() {
            String::new()
        } else {
            format!(" ({})", traits.join(", "))
        };
        add(
            "variable",
            format!("variable {}{traits}", t(&v.name)),
            &v.scope,
            &v.origin,
        );
    }
    for o in &c.oauth_scopes {
        let required = if o.required { "required" } else { "optional" };
        let scopes: Vec<String> = o.scopes.iter().map(|s| t(s)).collect();
        let what = format!(
            "OAuth {} ({required}): {}",
            t(&o.provider),
            scopes.join(" ")
        );
        add("OAuth", what, &None, &o.origin);
    }
    out
}

/// The grants a runtime gives one component by default: what kinds, from
/// which fields, how many.
struct Defaults {
    scope: Option<String>,
    kinds: Vec<&'static str>,
    paths: Vec<String>,
    count: usize,
}

/// The rows of the grants: those a runtime gives by default (no field
/// wrote them) are counted on one line per component, at the place of the
/// first, unless `verbose`.
fn collapse(grants: Vec<Grant>, verbose: bool) -> Vec<Row> {
    if verbose {
        return grants.into_iter().map(|g| g.row).collect();
    }
    // The rows, with the place of each component's line of defaults.
    let mut groups: Vec<Defaults> = Vec::new();
    let mut rows: Vec<Result<Row, usize>> = Vec::new();
    for grant in grants {
        if !grant.origin.implied {
            rows.push(Ok(grant.row));
            continue;
        }
        let path = grant.origin.path.to_string();
        match groups.iter_mut().find(|g| g.scope == grant.scope) {
            Some(group) => {
                if !group.kinds.contains(&grant.kind) {
                    group.kinds.push(grant.kind);
                }
                if !group.paths.contains(&path) {
                    group.paths.push(path);
                }
                group.count += 1;
            }
            None => {
                rows.push(Err(groups.len()));
                groups.push(Defaults {
                    scope: grant.scope,
                    kinds: vec![grant.kind],
                    paths: vec![path],
                    count: 1,
                });
            }
        }
    }
    rows.into_iter()
        .map(|row| {
            row.unwrap_or_else(|i| {
                let group = &groups[i];
                let what = format!(
                    "{} default grant{} ({})",
                    group.count,
                    if group.count == 1 { "" } else { "s" },
                    group.kinds.join(", ")
                );
                Row::new(
                    scoped(what, &group.scope),
                    format!("{} (default; --verbose lists them)", group.paths.join(", ")),
                )
            })
        })
        .collect()
}
