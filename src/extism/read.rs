//! Reading an Extism manifest out of the document tree: the shape of the
//! format (keys, types, which source a module has) declared once, with the
//! checks of single values called where the values are met. Checks across
//! entries are passes in [`super::rules`].

use std::path::PathBuf;

use indexmap::IndexMap;

use super::rules::{
    allows_all_hosts, data_pointer, host_never_matches, insecure_url, invalid_base64, invalid_hash,
    invalid_header, invalid_host_pattern, invalid_method, invalid_url, invalid_wasm_source,
    missing_hash, nested_request, no_wasm, not_wasm, null_allowed_hosts, out_of_range,
    too_many_pages, vars_disabled, zero_timeout,
};
use super::snippet::{self, EMPTY_TABLE, inline_table, list_of, quote};
use super::{AllowedHosts, AllowedPath, HttpRequest, Manifest, Memory, Wasm, WasmSource};
use crate::codes::PATH_OUTSIDE_PACKAGE;
use crate::diagnostic::Severity::{Error, Warning};
use crate::path::P;
use crate::read::{Cx, Special, Table};
use crate::rules::paths;
use crate::source::{Entry, Node, Syntax, Value};

const ROOT_KEYS: &[&str] = &[
    "wasm",
    "memory",
    "config",
    "allowed_hosts",
    "allowed_paths",
    "timeout_ms",
];
const WASM_KEYS: &[&str] = &["path", "data", "url", "headers", "method", "name", "hash"];
const REQUEST_KEYS: &[&str] = &["url", "headers", "method"];
const MEMORY_KEYS: &[&str] = &["max_pages", "max_http_response_bytes", "max_var_bytes"];

/// Reads an Extism document, reporting every problem into `cx`; `None`
/// when the manifest cannot be built (a module could not be read).
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;
    let wasm = top.get("wasm");
    let memory = top.get("memory");
    let config = top.get("config");
    let hosts = top.get("allowed_hosts");
    let paths = top.get("allowed_paths");
    let timeout = top.get("timeout_ms");
    top.finish(cx, Error, ROOT_KEYS);

    let mut manifest = Manifest::default();
    let mut complete = true;
    match wasm {
        Some(node) => {
            (manifest.wasm, complete) = read_wasm_list(cx, node, p.key("wasm"));
        }
        None => no_wasm::missing(cx),
    }
    if let Some(node) = memory {
        manifest.memory = read_memory(cx, node, p.key("memory"));
    }
    if let Some(node) = config {
        manifest.config = read_config(cx, node, p.key("config"));
    }
    if let Some(node) = hosts {
        manifest.allowed_hosts = read_allowed_hosts(cx, node, p.key("allowed_hosts"));
    }
    if let Some(node) = paths {
        manifest.allowed_paths = read_allowed_paths(cx, node, p.key("allowed_paths"));
    }
    if let Some(node) = timeout {
        manifest.timeout_ms = read_timeout(cx, node, p.key("timeout_ms"));
    }
    complete.then_some(manifest)
}

// ---------------------------------------------------------------------------
// wasm

/// The modules, and whether every one of them could be read.
fn read_wasm_list(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> (Vec<Wasm>, bool) {
    let items = match &node.value {
        Value::Array(items) => items,
        other => {
            let syntax = cx.syntax;
            let pending = cx.wrong_type(node, &path, "a list of modules");
            match (other, syntax) {
                (Value::Table(_), Syntax::Toml) => pending.help(
                    "write the header with double brackets, `[[wasm]]`: each module is one entry of the `wasm` list",
                ),
                (Value::Table(_), Syntax::Json) => {
                    pending.help("wrap the module in a list: `\"wasm\": [{ ... }]`")
                }
                (Value::String(s), syntax) => pending.help(format!(
                    "`wasm` lists the modules: `{}`",
                    list_of(syntax, &inline_table(syntax, &[("path", quote(s))]))
                )),
                _ => pending,
            };
            return (Vec::new(), true);
        }
    };
    if items.is_empty() {
        no_wasm::empty(cx, &path);
        return (Vec::new(), true);
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.extend(read_wasm(cx, item, path.index(i)));
    }
    let complete = out.len() == items.len();
    (out, complete)
}

fn read_wasm(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<Wasm> {
    if let Value::String(s) = &node.value {
        let syntax = cx.syntax;
        cx.wrong_type(node, &path, "a module entry").help(format!(
            "describe the module with its source: `{}`",
            inline_table(syntax, &[("path", quote(s))])
        ));
        return None;
    }
    let mut t = cx.expect_table(node, path)?;

    // `None`: unnamed; `Some(None)`: a name that could not be read.
    let name = match t.get("name") {
        None => None,
        Some(n) if matches!(n.value, Value::Null) => None,
        Some(n) => Some(cx.expect_str(n, &path.key("name"))),
    };
    let hash = optional_str(cx, &mut t, "hash");
    if let Some(hash) = hash {
        invalid_hash::check(cx, hash, &path.key("hash"));
    }

    // The sources written, in document order, each once.
    let mut found = [""; 3];
    let mut count = 0;
    for entry in t.entries {
        let key: &str = &entry.key;
        if invalid_wasm_source::SOURCE_KEYS.contains(&key) && !found[..count].contains(&key) {
            found[count] = key;
            count += 1;
        }
    }
    let sources = &found[..count];
    let file = t
        .get("path")
        .and_then(|n| cx.expect_str(n, &path.key("path")));
    let data = t
        .get("data")
        .and_then(|n| read_data(cx, n, &path.key("data")));
    let request = if t.has("url") {
        read_request(cx, &mut t, path, hash.is_some())
    } else {
        None
    };
    let req = t.get("req");
    if let Some(req) = req {
        read_nested_request(cx, t.entries, req, path);
    }

    match sources {
        [] if req.is_some() => {}
        [] => invalid_wasm_source::none(cx, &t, WASM_KEYS),
        [_] => {}
        several => invalid_wasm_source::several(cx, several, &path),
    }

    let url_given = sources.contains(&"url");
    t.finish_with(cx, Error, WASM_KEYS, |key| match key {
        "headers" | "method" if !url_given => Some(format!(
            "`{key}` only applies to a module downloaded with `url`; remove it"
        )),
        _ => None,
    });

    let source = match (sources, file, data, request) {
        (["path"], Some(file), _, _) => WasmSource::Path(PathBuf::from(file)),
        (["data"], _, Some(data), _) => WasmSource::Data(data),
        (["url"], _, _, Some(request)) => WasmSource::Url(request),
        _ => return None,
    };
    if req.is_some() {
        return None;
    }
    Some(Wasm {
        source,
        name: match name {
            None => None,
            Some(name) => Some(name?.to_owned()),
        },
        hash: hash.map(str::to_owned),
    })
}

/// A key whose value may be a string or `null` (which means absent).
fn optional_str<'n>(cx: &mut Cx, t: &mut Table<'n, '_, '_>, key: &'static str) -> Option<&'n str> {
    let node = t.get(key)?;
    if matches!(node.value, Value::Null) {
        return None;
    }
    cx.expect_str(node, &t.path.key(key))
}

fn read_data(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<u8>> {
    match &node.value {
        Value::String(text) => {
            let bytes = invalid_base64::decode(cx, text, path)?;
            not_wasm::check(cx, &bytes, path);
            Some(bytes)
        }
        Value::Table(entries) if data_pointer::is_pointer(entries) => {
            data_pointer::report(cx, path);
            None
        }
        Value::Array(_) => {
            cx.wrong_type(node, path, "base64 text").help(
                "write the module's bytes as one base64 string, e.g. the output of `base64 -w0 plugin.wasm`",
            );
            None
        }
        _ => {
            cx.wrong_type(node, path, "base64 text");
            None
        }
    }
}

/// Reads `url`, `headers` and `method` from a wasm entry (or from a nested
/// `req` table).
fn read_request(
    cx: &mut Cx,
    t: &mut Table<'_, '_, '_>,
    path: P<'_>,
    has_hash: bool,
) -> Option<HttpRequest> {
    let url = t.required_str(cx, "url");
    if let Some(url) = url {
        let url_path = path.key("url");
        if let Some(valid) = invalid_url::check(cx, url, &url_path) {
            insecure_url::check(cx, &valid, url, &url_path);
            missing_hash::check(cx, has_hash, &url_path);
        }
    }
    let headers = t
        .get("headers")
        .and_then(|n| read_headers(cx, n, path.key("headers")));
    let method = optional_str(cx, t, "method");
    if let Some(method) = method {
        invalid_method::check(cx, method, &path.key("method"));
    }
    Some(HttpRequest {
        url: url?.to_owned(),
        headers: headers.unwrap_or_default(),
        method: method.map(str::to_owned),
    })
}

fn read_headers(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<IndexMap<String, String>> {
    if matches!(node.value, Value::Null) {
        cx.wrong_type(node, &path, "a map of header names to values")
            .help(format!("remove `headers`, or write `{EMPTY_TABLE}`"));
        return None;
    }
    let table = cx.expect_table(node, path)?;
    let mut out = IndexMap::with_capacity(table.entries.len());
    for entry in table.entries {
        let name: &str = &entry.key;
        let entry_path = path.key(name);
        invalid_header::check_name(cx, name, &entry_path);
        let Some(value) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        invalid_header::check_value(cx, name, value, &entry_path);
        out.insert(name.to_owned(), value.to_owned());
    }
    Some(out)
}

/// The seed documentation nests downloads as `{ "req": { "url", .. } }`:
/// reported, and the request inside is checked too, so that fixing the
/// nesting does not reveal new problems.
fn read_nested_request(cx: &mut Cx, entries: &[Entry<'_>], req: &Node<'_>, path: P<'_>) {
    let req_path = path.key("req");
    let Some(mut rt) = cx.expect_table(req, req_path) else {
        return;
    };
    nested_request::report(cx, entries, rt.entries, &req_path);
    let has_hash = entries.iter().any(|e| e.key == "hash");
    read_request(cx, &mut rt, req_path, has_hash);
    rt.finish(cx, Error, REQUEST_KEYS);
}

// ---------------------------------------------------------------------------
// memory, config, timeout

/// Reads an unsigned integer of at most `max`; `null` means absent.
fn read_uint(cx: &mut Cx, node: &Node<'_>, path: &P<'_>, key: &str, max: u64) -> Option<u64> {
    match &node.value {
        Value::Null => None,
        Value::Integer(i) if *i >= 0 && i.unsigned_abs() <= max => Some(i.unsigned_abs()),
        Value::Unsigned(u) if *u <= max => Some(*u),
        Value::Integer(_) | Value::Unsigned(_) => {
            let found = node.as_integer().unwrap_or_default().to_string();
            out_of_range::report(cx, key, max, &found, path);
            None
        }
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 && (*f < 0.0 || *f > max as f64) => {
            out_of_range::report(cx, key, max, &format!("{f}"), path);
            None
        }
        Value::Float(_) => {
            cx.wrong_type(node, path, "a whole number")
                .help("write a whole number, without a fraction or an exponent");
            None
        }
        Value::String(s) if s.trim().parse::<u64>().is_ok() => {
            cx.wrong_type(node, path, "a number")
                .help(format!("remove the quotes: `{}`", s.trim()));
            None
        }
        _ => {
            cx.wrong_type(node, path, "a whole number");
            None
        }
    }
}

fn read_memory(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Memory {
    let mut memory = Memory::default();
    if matches!(node.value, Value::Null) {
        cx.wrong_type(node, &path, "memory limits")
            .help(format!("remove `memory`, or write `{EMPTY_TABLE}`"));
        return memory;
    }
    let Some(mut t) = cx.expect_table(node, path) else {
        return memory;
    };
    let pages_path = path.key("max_pages");
    memory.max_pages = t
        .get("max_pages")
        .and_then(|n| read_uint(cx, n, &pages_path, "max_pages", u64::from(u32::MAX)))
        .and_then(|v| u32::try_from(v).ok());
    if let Some(pages) = memory.max_pages {
        too_many_pages::check(cx, pages, &pages_path);
    }
    let bytes_path = path.key("max_http_response_bytes");
    memory.max_http_response_bytes = t
        .get("max_http_response_bytes")
        .and_then(|n| read_uint(cx, n, &bytes_path, "max_http_response_bytes", u64::MAX));
    let var_path = path.key("max_var_bytes");
    memory.max_var_bytes = t
        .get("max_var_bytes")
        .and_then(|n| read_uint(cx, n, &var_path, "max_var_bytes", u64::MAX));
    if let Some(bytes) = memory.max_var_bytes {
        vars_disabled::check(cx, bytes, &var_path);
    }
    t.finish_with(cx, Error, MEMORY_KEYS, |key| match key {
        "max" => Some(Special::rename(
            "max_pages",
            "`max` is no longer accepted: rename it `max_pages`",
        )),
        _ => None,
    });
    memory
}

fn read_config(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, String> {
    let syntax = cx.syntax;
    if matches!(node.value, Value::Null) {
        cx.wrong_type(node, &path, "a map of strings")
            .help(format!("remove `config`, or write `{EMPTY_TABLE}`"));
        return IndexMap::new();
    }
    let Some(table) = cx.expect_table(node, path) else {
        return IndexMap::new();
    };
    let mut out = IndexMap::with_capacity(table.entries.len());
    for entry in table.entries {
        let key: &str = &entry.key;
        let value = &entry.value;
        if let Value::String(s) = &value.value {
            out.insert(key.to_owned(), s.to_string());
            continue;
        }
        let pending = cx.wrong_type(value, &path.key(key), "a string");
        match &value.value {
            Value::Integer(_) | Value::Float(_) | Value::Bool(_) | Value::Datetime(_) => {
                let text = snippet::render(syntax, value);
                pending.help(format!(
                    "config values are strings: write `{}`",
                    snippet::pair(syntax, key, &quote(&text))
                ));
            }
            Value::Null => {
                pending.help("config values are strings: remove the key, or write `\"\"`");
            }
            _ => {
                pending.help("config values are strings: encode structured values as text (e.g. JSON) and decode them in the plug-in");
            }
        }
    }
    out
}

fn read_timeout(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<u64> {
    let timeout = read_uint(cx, node, &path, "timeout_ms", u64::MAX)?;
    zero_timeout::check(cx, timeout, &path);
    Some(timeout)
}

// ---------------------------------------------------------------------------
// allowed_hosts, allowed_paths

fn read_allowed_hosts(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> AllowedHosts {
    let items = match &node.value {
        Value::Null => {
            null_allowed_hosts::report(cx, &path);
            return AllowedHosts::Null;
        }
        Value::Array(items) => items,
        Value::String(s) => {
            cx.wrong_type(node, &path, "a list of host patterns")
                .help(format!("wrap it in a list: `[{}]`", quote(s)));
            return AllowedHosts::Unset;
        }
        _ => {
            cx.wrong_type(node, &path, "a list of host patterns");
            return AllowedHosts::Unset;
        }
    };
    let mut patterns = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(pattern) = cx.expect_str(item, &item_path) else {
            continue;
        };
        // One finding per entry: a pattern that does not compile, else one
        // that cannot match, else one that matches everything.
        if !invalid_host_pattern::check(cx, pattern, &item_path)
            && !host_never_matches::check(cx, pattern, &item_path)
        {
            allows_all_hosts::check(cx, pattern, &item_path);
        }
        patterns.push(pattern.to_owned());
    }
    AllowedHosts::List(patterns)
}

fn read_allowed_paths(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Vec<AllowedPath> {
    if matches!(node.value, Value::Null) {
        return Vec::new();
    }
    let Some(table) = cx.expect_table(node, path) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(table.entries.len());
    for entry in table.entries {
        let key: &str = &entry.key;
        let entry_path = path.key(key);
        let Some(guest) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        let mount = AllowedPath::from_entry(key, guest);
        let host = key.strip_prefix("ro:").unwrap_or(key);
        if let Some(escape) = paths::escapes(host) {
            let how = match escape {
                paths::Escape::Absolute => "is an absolute path",
                paths::Escape::Parent => "climbs out of the manifest's directory",
            };
            let read_only = if mount.read_only {
                ""
            } else {
                "; prefix it with `ro:` if the plug-in only reads it"
            };
            cx.report_as(
                &PATH_OUTSIDE_PACKAGE,
                Warning,
                entry_path.to_path(),
                format!("host path `{host}` {how}"),
            )
            .on_key()
            .help(format!(
                "mount only the directory the plug-in needs, with a relative path that stays inside the manifest's directory{read_only}"
            ))
            .note("the plug-in gets access to everything below this directory on the host (when the host enables WASI)");
        }
        out.push(mount);
    }
    out
}
