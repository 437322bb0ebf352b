//! `wasm-manifests inspect`: the format-independent view of one package.

use std::fmt::Write as _;
use std::io::Write as _;

use wasm_manifests::Options;
use wasm_manifests::package::{EntryKind, ModuleSource, NetworkAccess, Origin, Package};

use crate::{ColorWhen, InspectArgs, InspectOutput, Status, style, walk};

/// Runs `inspect`.
pub fn run(args: &InspectArgs, color: ColorWhen) -> Status {
    let stdout_color = style::enabled(color, &std::io::stdout());
    let stderr_color = style::enabled(color, &std::io::stderr());
    let options = Options::new();
    let parsed = match args.format_hint {
        Some(format) => options.parse_file_as(&args.path, format),
        None => options.parse_file(&args.path),
    };
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            // The message names the file: as people see it.
            let raw = format!("`{}`", args.path.display());
            let shown = format!("`{}`", walk::shown(&args.path));
            style::error(stderr_color, &e.to_string().replacen(&raw, &shown, 1));
            return Status::Trouble;
        }
    };
    let status = if parsed.report().has_errors() {
        Status::Errors
    } else {
        Status::Clean
    };
    let Some(package) = parsed.package() else {
        // Nothing to show: say why.
        let report = if stderr_color {
            parsed.report().render_styled()
        } else {
            parsed.report().render()
        };
        let _ = write!(std::io::stderr().lock(), "{report}");
        style::error(
            stderr_color,
            "the manifest could not be read; fix the errors above and inspect it again",
        );
        return Status::Errors;
    };
    if status == Status::Errors {
        style::warning(
            stderr_color,
            &format!(
                "the manifest has {} error(s); run `wasm-manifests check {}` to see them",
                parsed.report().error_count(),
                walk::shown(&args.path)
            ),
        );
    }
    let text = match args.output {
        InspectOutput::Json => match serde_json::to_string_pretty(&package) {
            Ok(json) => json + "\n",
            Err(e) => {
                style::error(stderr_color, &format!("cannot write the package view: {e}"));
                return Status::Trouble;
            }
        },
        InspectOutput::Human => human(&walk::shown(&args.path), &package, stdout_color),
    };
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        style::error(stderr_color, &format!("cannot write the output: {e}"));
        return Status::Trouble;
    }
    status
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
        Some(scope) => format!("{text} [{scope}]"),
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

/// The readable summary.
fn human(shown_path: &str, package: &Package, color: bool) -> String {
    let heading = |text: &str| style::paint(color, style::BOLD, text);
    let mut out = String::new();
    let id = &package.identity;
    let title = match (&id.name, &id.version) {
        (Some(name), Some(version)) => format!("{name} {version}"),
        (Some(name), None) => name.clone(),
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
            let _ = writeln!(out, "  {label:<12} {value}");
        }
    }
    if !id.authors.is_empty() {
        let _ = writeln!(out, "  {:<12} {}", "authors", id.authors.join(", "));
    }

    // Each section: rows of (what, where).
    let mut section = |name: &str, rows: Vec<(String, String)>| {
        let _ = writeln!(out, "\n{}", heading(name));
        if rows.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        let width = rows
            .iter()
            .map(|(what, _)| what.chars().count())
            .max()
            .unwrap_or(0)
            .min(60);
        for (what, place) in rows {
            let line = format!("  {what:<width$}  {place}");
            let _ = writeln!(out, "{}", line.trim_end());
        }
    };

    section(
        "Modules",
        package
            .modules
            .iter()
            .map(|m| {
                let source = match &m.source {
                    ModuleSource::Path { path } => format!("file {path}"),
                    ModuleSource::Url { url } => format!("download {url}"),
                    ModuleSource::Inline { bytes: n } => format!("embedded, {}", bytes(*n as u64)),
                    ModuleSource::Registry {
                        package,
                        version,
                        module,
                        ..
                    } => match module {
                        Some(module) => format!("registry {package}@{version}, module {module}"),
                        None => format!("registry {package}@{version}"),
                    },
                    _ => "other source".to_owned(),
                };
                let digest = m
                    .sha256
                    .as_deref()
                    .map(|d| format!(", sha256 {}…", &d[..d.len().min(12)]))
                    .unwrap_or_default();
                (format!("{}: {source}{digest}", m.name), origin(&m.origin))
            })
            .collect(),
    );

    section(
        "Entry points",
        package
            .entry_points
            .iter()
            .map(|e| {
                let kind = match &e.kind {
                    EntryKind::Command { runner, args } if args.is_empty() => {
                        format!("command, runner {runner}")
                    }
                    EntryKind::Command { runner, args } => {
                        format!("command, runner {runner}, args {}", args.join(" "))
                    }
                    EntryKind::HttpRoute { route, executor } => {
                        format!("HTTP {route} ({executor})")
                    }
                    EntryKind::RedisChannel { channel } => format!("Redis channel {channel}"),
                    EntryKind::Trigger { trigger_type } => format!("{trigger_type} trigger"),
                    EntryKind::MainModule => "main module".to_owned(),
                    EntryKind::Node { title, category } => {
                        format!("node \"{title}\" in {category}")
                    }
                    _ => "entry point".to_owned(),
                };
                let module = e
                    .module
                    .as_deref()
                    .map(|m| format!(" → {m}"))
                    .unwrap_or_default();
                (format!("{}: {kind}{module}", e.name), origin(&e.origin))
            })
            .collect(),
    );

    let c = &package.capabilities;
    let mut rows = Vec::new();
    let network = match c.network {
        NetworkAccess::None => "none",
        NetworkAccess::Hosts => "listed hosts only",
        NetworkAccess::Any => "ANY host",
        NetworkAccess::HostDecides => {
            "not set by the manifest (the host decides when it runs the package)"
        }
    };
    rows.push((format!("network: {network}"), String::new()));
    for h in &c.outbound {
        let port = h
            .port
            .as_deref()
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        rows.push((
            scoped(
                format!("outbound {}://{}{port}", h.scheme, h.host),
                &h.scope,
            ),
            origin(&h.origin),
        ));
    }
    for n in &c.name_lookups {
        rows.push((
            scoped(format!("name lookups {}", n.name), &n.scope),
            origin(&n.origin),
        ));
    }
    for f in &c.files {
        let mode = if f.read_only {
            "read-only"
        } else {
            "read-write"
        };
        let glob = if f.glob { ", glob" } else { "" };
        rows.push((
            scoped(
                format!("files {} → {} ({mode}{glob})", f.host, f.guest),
                &f.scope,
            ),
            origin(&f.origin),
        ));
    }
    for e in &c.env {
        rows.push((
            scoped(format!("env {}={}", e.name, e.value), &e.scope),
            origin(&e.origin),
        ));
    }
    if let Some(m) = &c.memory_limit_bytes {
        rows.push((
            scoped(format!("memory limit {}", bytes(m.value)), &m.scope),
            origin(&m.origin),
        ));
    }
    if let Some(t) = &c.timeout_ms {
        rows.push((
            scoped(format!("timeout {}", duration(t.value)), &t.scope),
            origin(&t.origin),
        ));
    }
    for (label, list) in [
        ("key-value store", &c.key_value_stores),
        ("SQLite database", &c.sqlite_databases),
        ("AI model", &c.ai_models),
        ("flag", &c.flags),
    ] {
        for g in list {
            rows.push((
                scoped(format!("{label} {}", g.name), &g.scope),
                origin(&g.origin),
            ));
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
        rows.push((
            scoped(format!("variable {}{traits}", v.name), &v.scope),
            origin(&v.origin),
        ));
    }
    for o in &c.oauth_scopes {
        let required = if o.required { "required" } else { "optional" };
        rows.push((
            format!("OAuth {} ({required}): {}", o.provider, o.scopes.join(" ")),
            origin(&o.origin),
        ));
    }
    section("Capabilities", rows);
    out
}
