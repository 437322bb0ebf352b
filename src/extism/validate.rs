//! Reading and checking an Extism manifest: every rule of the format, each
//! problem reported at its field, all in one pass.

use std::collections::HashMap;
use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use indexmap::IndexMap;

use super::codes as c;
use super::{
    AllowedHosts, AllowedPath, HOST_MODULE, HttpRequest, MAIN_MODULE, MAX_PAGES, Manifest, Memory,
    Wasm, WasmSource,
};
use crate::codes::PATH_OUTSIDE_PACKAGE;
use crate::diagnostic::Severity::Error;
use crate::path::P;
use crate::read::{Cx, Table};
use crate::rules::{digest, paths, suggest, urls};
use crate::source::{Entry, Node, Syntax, Target, Value};

const ROOT_KEYS: &[&str] = &[
    "wasm",
    "memory",
    "config",
    "allowed_hosts",
    "allowed_paths",
    "timeout_ms",
];
const WASM_KEYS: &[&str] = &["path", "data", "url", "headers", "method", "name", "hash"];
const SOURCE_KEYS: &[&str] = &["path", "data", "url"];
const REQUEST_KEYS: &[&str] = &["url", "headers", "method"];
const MEMORY_KEYS: &[&str] = &["max_pages", "max_http_response_bytes", "max_var_bytes"];

/// Reads an Extism document, reporting every problem into `cx`.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    let p = P::ROOT;
    let mut top = cx.expect_table(root, p)?;
    let wasm_node = top.get("wasm");
    let memory_node = top.get("memory");
    let config_node = top.get("config");
    let hosts_node = top.get("allowed_hosts");
    let paths_node = top.get("allowed_paths");
    let timeout_node = top.get("timeout_ms");
    top.finish(cx, Error, ROOT_KEYS);

    let mut manifest = Manifest::default();
    match wasm_node {
        Some(node) => manifest.wasm = read_wasm_list(cx, node, p.key("wasm")),
        None => {
            let example = example_list(cx.syntax);
            cx.error(
                c::NO_WASM,
                &p.key("wasm"),
                "missing `wasm`: the manifest names no module",
            )
            .at(&p, Target::Value)
            .help(format!("add the plug-in's module: `{example}`"))
            .note("the runtime refuses such a manifest: \"No wasm files specified in Extism manifest\"");
        }
    }
    if let Some(node) = memory_node {
        manifest.memory = read_memory(cx, node, p.key("memory"));
    }
    if let Some(node) = config_node {
        manifest.config = read_config(cx, node, p.key("config"));
    }
    if let Some(node) = hosts_node {
        manifest.allowed_hosts = read_allowed_hosts(cx, node, p.key("allowed_hosts"));
    }
    if let Some(node) = paths_node {
        manifest.allowed_paths = read_allowed_paths(cx, node, p.key("allowed_paths"));
    }
    if let Some(node) = timeout_node {
        manifest.timeout_ms = read_timeout(cx, node, p.key("timeout_ms"));
    }
    Some(manifest)
}

// ---------------------------------------------------------------------------
// wasm

/// What the module-name rules need to know about one wasm entry.
#[derive(Clone, Copy)]
enum Naming<'n> {
    /// The entry or its `name` could not be read.
    Unknown,
    /// No `name` (or `null`).
    Unnamed,
    Named(&'n str),
}

fn read_wasm_list(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Vec<Wasm> {
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
            return Vec::new();
        }
    };
    if items.is_empty() {
        let example = example_list(cx.syntax);
        cx.error(
            c::NO_WASM,
            &path,
            "`wasm` is empty: the manifest names no module",
        )
        .help(format!("list the plug-in's module: `{example}`"))
        .note(
            "the runtime refuses such a manifest: \"No wasm files specified in Extism manifest\"",
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len());
    let mut names = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let (naming, wasm) = read_wasm(cx, item, path.index(i));
        names.push(naming);
        out.extend(wasm);
    }
    check_module_names(cx, &names, &path);
    out
}

fn read_wasm<'n>(cx: &mut Cx, node: &'n Node<'_>, path: P<'_>) -> (Naming<'n>, Option<Wasm>) {
    if let Value::String(s) = &node.value {
        let syntax = cx.syntax;
        cx.wrong_type(node, &path, "a module entry").help(format!(
            "describe the module with its source: `{}`",
            inline_table(syntax, &[("path", quote(s))])
        ));
        return (Naming::Unknown, None);
    }
    let Some(mut t) = cx.expect_table(node, path) else {
        return (Naming::Unknown, None);
    };

    let name_node = t.get("name");
    let naming = match name_node {
        None => Naming::Unnamed,
        Some(n) if matches!(n.value, Value::Null) => Naming::Unnamed,
        Some(n) => cx
            .expect_str(n, &path.key("name"))
            .map_or(Naming::Unknown, Naming::Named),
    };
    let hash = optional_str(cx, &mut t, "hash");
    if let Some(hash) = hash {
        check_hash(cx, hash, &path.key("hash"));
    }

    // The sources written, in document order, each once.
    let mut sources: Vec<&str> = Vec::new();
    for entry in t.entries {
        let key: &str = &entry.key;
        if SOURCE_KEYS.contains(&key) && !sources.contains(&key) {
            sources.push(key);
        }
    }
    let file = t.get("path").and_then(|n| {
        let text = cx.expect_str(n, &path.key("path"))?;
        Some(PathBuf::from(text))
    });
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
        report_nested_request(cx, t.entries, req, path);
    }

    match sources.as_slice() {
        [] if req.is_some() => {}
        [] => {
            cx.incomplete = true;
            let typo = t.entries.iter().any(|e| {
                !WASM_KEYS.contains(&e.key.as_ref())
                    && suggest::closest(&e.key, SOURCE_KEYS).is_some()
            });
            // A misspelt source key is reported as an unknown key with its
            // correction; saying "no source" as well would only repeat it.
            if !typo {
                let found: Vec<&str> = t.entries.iter().map(|e| e.key.as_ref()).collect();
                let found = if found.is_empty() {
                    "it is empty".to_owned()
                } else {
                    format!("found {}", and_list(&found))
                };
                let syntax = cx.syntax;
                cx.error(
                    c::INVALID_WASM_SOURCE,
                    &path,
                    format!("wasm entry has none of `path`, `data` or `url` ({found})"),
                )
                .help(format!(
                    "add exactly one source: `{}` for a file, `data` with the module as base64, or `url` to download it",
                    pair(syntax, "path", "\"plugin.wasm\"")
                ));
            }
        }
        [_] => {}
        [first, rest @ ..] => {
            cx.incomplete = true;
            let second = rest.first().copied().unwrap_or(first);
            cx.error(
                c::INVALID_WASM_SOURCE,
                &path.key(second),
                format!("wasm entry has {}: a module has exactly one source", and_list(&sources)),
            )
            .on_key()
            .label(&path.key(first), Target::Key, format!("`{first}` is given here"))
            .help("keep the source you mean and remove the others, or split the entry into one entry per module");
        }
    }

    let url_given = sources.contains(&"url");
    t.finish_with(cx, Error, WASM_KEYS, |key| match key {
        "headers" | "method" if !url_given => Some(format!(
            "`{key}` only applies to a module downloaded with `url`; remove it"
        )),
        _ => None,
    });

    let source = match (sources.as_slice(), file, data, request) {
        (["path"], Some(file), _, _) => WasmSource::Path(file),
        (["data"], _, Some(data), _) => WasmSource::Data(data),
        (["url"], _, _, Some(request)) => WasmSource::Url(request),
        _ => return (naming, None),
    };
    if req.is_some() {
        return (naming, None);
    }
    let name = match naming {
        Naming::Named(name) => Some(name.to_owned()),
        Naming::Unnamed => None,
        Naming::Unknown => return (naming, None),
    };
    let wasm = Wasm {
        source,
        name,
        hash: hash.map(str::to_owned),
    };
    (naming, Some(wasm))
}

/// A key whose value may be a string or `null` (which means absent).
fn optional_str<'n>(cx: &mut Cx, t: &mut Table<'n, '_, '_>, key: &'static str) -> Option<&'n str> {
    let node = t.get(key)?;
    if matches!(node.value, Value::Null) {
        return None;
    }
    cx.expect_str(node, &t.path.key(key))
}

fn check_hash(cx: &mut Cx, hash: &str, path: &P<'_>) {
    let Some(problem) = digest::sha256_hex_problem(hash) else {
        return;
    };
    let pending = cx.error(
        c::INVALID_HASH,
        path,
        format!("`hash` is not a SHA-256 digest in lower-case hex: it {problem}"),
    );
    let prefix = ["sha256:", "sha256-", "sha256="].into_iter().find(|p| {
        hash.len() > p.len()
            && hash
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    });
    match prefix {
        Some(prefix) if digest::is_sha256_hex(&hash[prefix.len()..].to_ascii_lowercase()) => {
            let digest = hash[prefix.len()..].to_ascii_lowercase();
            pending
                .within(0..prefix.len())
                .help(format!("remove the `{prefix}` prefix: `\"{digest}\"`"));
        }
        _ if digest::is_sha256_hex(&hash.to_ascii_lowercase()) => {
            pending.help(format!(
                "write it in lower case: `\"{}\"`",
                hash.to_ascii_lowercase()
            ));
        }
        _ => {
            if let Some((at, ch)) = hash.char_indices().find(|(_, c)| !c.is_ascii_hexdigit()) {
                pending.within(at..at + ch.len_utf8());
            }
            pending.help(
                "write the SHA-256 of the module as 64 lower-case hex digits, e.g. the first word printed by `sha256sum plugin.wasm`",
            );
        }
    }
    pending.note(
        "the runtime compares its lower-case hex digest of the module with this text, so loading fails with \"Hash mismatch\"",
    );
}

fn read_data(cx: &mut Cx, node: &Node<'_>, path: &P<'_>) -> Option<Vec<u8>> {
    match &node.value {
        Value::String(text) => decode_base64(cx, text, path),
        Value::Table(entries) if entries.iter().any(|e| e.key == "ptr" || e.key == "len") => {
            cx.incomplete = true;
            let syntax = cx.syntax;
            cx.error(
                c::DATA_POINTER,
                path,
                "`data` is a memory address (`ptr` and `len`), not the module",
            )
            .help(format!(
                "embed the module as base64 text (`{}`), or refer to its file with `path`",
                pair(syntax, "data", "\"AGFzbQEAAAA...\"")
            ))
            .note("the official crate would copy `len` bytes from address `ptr` of the process reading the manifest; in a file this reads arbitrary memory, so this form is never honoured");
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

/// Decodes `data` once; every mistake is reported at its character.
fn decode_base64(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<Vec<u8>> {
    use base64::DecodeError;
    let error = match STANDARD.decode(text) {
        Ok(bytes) => {
            check_module_bytes(cx, &bytes, path);
            return Some(bytes);
        }
        Err(error) => error,
    };
    cx.incomplete = true;
    let general = "encode the module again with standard base64 (`A-Z a-z 0-9 + /`, padded with `=`), e.g. `base64 -w0 plugin.wasm`";
    let (message, within, help): (String, Option<std::ops::Range<usize>>, String) = match error {
        DecodeError::InvalidByte(at, byte) => {
            let ch = text
                .get(at..)
                .and_then(|s| s.chars().next())
                .unwrap_or(char::from(byte));
            let what = match ch {
                '\n' | '\r' => "a line break".to_owned(),
                ' ' => "a space".to_owned(),
                '\t' => "a tab".to_owned(),
                '=' => "padding `=`".to_owned(),
                c if c.is_control() => format!("the control character U+{:04X}", c as u32),
                c => format!("`{c}`"),
            };
            let help = match ch {
                '-' | '_' => "this is the URL-safe alphabet: replace `-` with `+` and `_` with `/`".to_owned(),
                '\n' | '\r' | ' ' | '\t' => {
                    "remove the whitespace: the module must be one unbroken base64 string (e.g. `base64 -w0 plugin.wasm`)".to_owned()
                }
                '=' => "`=` may only pad the end of the text; several base64 strings seem to be joined together".to_owned(),
                _ => general.to_owned(),
            };
            (
                format!("`data` is not valid base64: {what} at offset {at}"),
                Some(at..at + ch.len_utf8()),
                help,
            )
        }
        DecodeError::InvalidLength(symbols) => (
            format!(
                "`data` is not valid base64: {symbols} symbols cannot be a whole encoding (one is missing or extra)"
            ),
            None,
            format!("the text looks truncated: {general}"),
        ),
        DecodeError::InvalidLastSymbol { offset, symbol, .. } => (
            format!(
                "`data` is not valid base64: its last symbol `{}` (offset {offset}) has bits that encode nothing",
                char::from(symbol)
            ),
            Some(offset..offset + 1),
            format!("the text is truncated or corrupted: {general}"),
        ),
        DecodeError::InvalidPadding => {
            let body = text.trim_end_matches('=');
            let needed = (4 - body.len() % 4) % 4;
            let end = text.len();
            if text.len() == body.len() && needed > 0 {
                (
                    "`data` is not valid base64: the `=` padding is missing".to_owned(),
                    Some(end.saturating_sub(1)..end),
                    format!(
                        "standard base64 is padded to a multiple of 4 characters: add `{}` at the end",
                        "=".repeat(needed)
                    ),
                )
            } else {
                (
                    "`data` is not valid base64: the `=` padding is wrong".to_owned(),
                    Some(body.len()..end),
                    if needed == 0 {
                        "remove the `=` at the end: the text is already a multiple of 4 characters"
                            .to_owned()
                    } else {
                        format!(
                            "end the text with exactly `{}` so that it is a multiple of 4 characters",
                            "=".repeat(needed)
                        )
                    },
                )
            }
        }
    };
    let pending = cx.error(c::INVALID_BASE64, path, message);
    if let Some(range) = within {
        pending.within(range);
    }
    pending.help(help).note(
        "the official crate reports any base64 mistake as \"data did not match any variant of untagged enum Wasm\", without a position",
    );
    None
}

/// The runtime compiles `data` as a WebAssembly binary (`\0asm`) or as
/// WebAssembly text; anything else fails.
fn check_module_bytes(cx: &mut Cx, bytes: &[u8], path: &P<'_>) {
    if bytes.is_empty() || bytes.starts_with(b"\0asm") {
        return;
    }
    let text = std::str::from_utf8(bytes).ok();
    if let Some(text) = text {
        let text = text.trim_start();
        if text.starts_with('(') || text.starts_with(";;") {
            return;
        }
    }
    let pending = cx.error(
        c::NOT_WASM,
        path,
        format!(
            "`data` decodes to {} bytes that are not a WebAssembly module",
            bytes.len()
        ),
    );
    if bytes.starts_with(b"AGFzbQ") {
        pending.help("the module was base64-encoded twice: encode the `.wasm` file only once");
    } else if let Some(text) = text {
        let preview: String = text.chars().take(40).collect();
        let more = if preview.len() < text.len() {
            "..."
        } else {
            ""
        };
        pending.help(format!(
            "this is the text `{}{more}`: encode the `.wasm` file itself, e.g. `base64 -w0 plugin.wasm`",
            preview.escape_debug()
        ));
    } else {
        pending.help("a WebAssembly binary starts with `\\0asm`: encode the `.wasm` file itself, e.g. `base64 -w0 plugin.wasm`");
    }
    pending.note("the runtime compiles these bytes as a module and fails");
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
        check_url(cx, url, &path.key("url"), has_hash);
    }
    let headers = t
        .get("headers")
        .and_then(|n| read_headers(cx, n, path.key("headers")));
    let method = optional_str(cx, t, "method");
    if let Some(method) = method {
        check_method(cx, method, &path.key("method"));
    }
    Some(HttpRequest {
        url: url?.to_owned(),
        headers: headers.unwrap_or_default(),
        method: method.map(str::to_owned),
    })
}

fn check_url(cx: &mut Cx, url: &str, path: &P<'_>, has_hash: bool) {
    match urls::check_http_url(url) {
        Err(reason) => {
            let syntax = cx.syntax;
            let pending = cx.error(c::INVALID_URL, path, reason);
            if url.starts_with("file:") {
                pending.help("for a file on disk, use `path` instead of `url`");
            } else if !url.contains("://") {
                pending.help(format!(
                    "write the full URL with its scheme, `https://{}`; for a file on disk, use `{}`",
                    url.trim_start_matches('/'),
                    pair(syntax, "path", &quote(url))
                ));
            } else {
                pending.help("write an absolute `https://` URL");
            }
        }
        Ok(parsed) => {
            if parsed.scheme() == "http" {
                let mut secure = parsed.clone();
                let help = match secure.set_scheme("https") {
                    Ok(()) => format!("use `{secure}`"),
                    Err(()) => "use an `https://` URL".to_owned(),
                };
                let pending = cx.warning(
                    c::INSECURE_URL,
                    path,
                    "the module is downloaded over plain `http`",
                );
                if url
                    .get(..5)
                    .is_some_and(|s| s.eq_ignore_ascii_case("http:"))
                {
                    pending.within(0..4);
                }
                pending.help(help).note(
                    "the runtime runs whatever it downloads; without TLS the module can be replaced on the way",
                );
            }
            if !has_hash {
                let syntax = cx.syntax;
                cx.warning(
                    c::MISSING_HASH,
                    path,
                    "the downloaded module is not pinned by a `hash`",
                )
                .help(format!(
                    "add `{}` with the lower-case hex SHA-256 of the module",
                    pair(syntax, "hash", "\"<sha256>\"")
                ))
                .note("without a digest the runtime runs whatever the server returns");
            }
        }
    }
}

/// Characters allowed in HTTP tokens (methods and header names).
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

fn check_method(cx: &mut Cx, method: &str, path: &P<'_>) {
    if method.is_empty() {
        cx.error(c::INVALID_METHOD, path, "`method` is empty")
            .help("remove `method` (the default is `GET`), or write a method such as `POST`");
        return;
    }
    if let Some((at, ch)) = method.char_indices().find(|(_, c)| !is_token_char(*c)) {
        cx.error(
            c::INVALID_METHOD,
            path,
            format!(
                "`{method}` is not an HTTP method: it contains {}",
                describe_char(ch)
            ),
        )
        .within(at..at + ch.len_utf8())
        .help("use a method such as `GET` (the default) or `POST`")
        .note("the runtime upper-cases the method and the download request fails to build");
    }
}

fn read_headers(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> Option<IndexMap<String, String>> {
    if matches!(node.value, Value::Null) {
        let syntax = cx.syntax;
        cx.wrong_type(node, &path, "a map of header names to values")
            .help(format!(
                "remove `headers`, or write `{}`",
                empty_table(syntax)
            ));
        return None;
    }
    let table = cx.expect_table(node, path)?;
    let mut out = IndexMap::with_capacity(table.entries.len());
    for entry in table.entries {
        let name: &str = &entry.key;
        let entry_path = path.key(name);
        if name.is_empty() {
            cx.error(c::INVALID_HEADER, &entry_path, "header name is empty")
                .on_key()
                .help("give the header its name, e.g. `Authorization`");
        } else if let Some(ch) = name.chars().find(|c| !is_token_char(*c)) {
            let fixed: String = name
                .chars()
                .map(|c| if is_token_char(c) { c } else { '-' })
                .collect();
            cx.error(
                c::INVALID_HEADER,
                &entry_path,
                format!(
                    "header name `{name}` contains {}, which header names cannot contain",
                    describe_char(ch)
                ),
            )
            .on_key()
            .help(format!(
                "header names are made of letters, digits and `-`, e.g. `{fixed}`"
            ));
        }
        let Some(value) = cx.expect_str(&entry.value, &entry_path) else {
            continue;
        };
        if let Some((at, ch)) = value
            .char_indices()
            .find(|(_, c)| c.is_ascii_control() && *c != '\t')
        {
            cx.error(
                c::INVALID_HEADER,
                &entry_path,
                format!(
                    "the value of header `{name}` contains {}",
                    describe_char(ch)
                ),
            )
            .within(at..at + ch.len_utf8())
            .help("header values must fit on one line, without control characters");
        }
        out.insert(name.to_owned(), value.to_owned());
    }
    Some(out)
}

/// The seed documentation nests downloads as `{ "req": { "url", .. } }`;
/// the help shows the user's own entry flattened.
fn report_nested_request(cx: &mut Cx, entries: &[Entry<'_>], req: &Node<'_>, path: P<'_>) {
    cx.incomplete = true;
    let req_path = path.key("req");
    let syntax = cx.syntax;
    let Some(mut rt) = cx.expect_table(req, req_path) else {
        return;
    };
    let inner: &[Entry<'_>] = rt.entries;
    let moved: Vec<&str> = inner.iter().map(|e| e.key.as_ref()).collect();
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for entry in entries {
        if entry.key == "req" {
            pairs.extend(
                inner
                    .iter()
                    .map(|e| (e.key.as_ref(), render(syntax, &e.value))),
            );
        } else {
            pairs.push((entry.key.as_ref(), render(syntax, &entry.value)));
        }
    }
    let flat = inline_table(syntax, &pairs);
    let what = if moved.is_empty() {
        "`url`".to_owned()
    } else {
        and_list(&moved)
    };
    cx.error(
        c::NESTED_REQUEST,
        &req_path,
        "`req` is not a key of a wasm entry: the download is described in the entry itself",
    )
    .on_key()
    .help(format!("move {what} up into the wasm entry: `{flat}`"))
    .note("older documentation nests the request under `req`, but no Extism release accepts it");
    // The request itself is checked too, so that fixing the nesting does not
    // reveal new problems.
    let has_hash = entries.iter().any(|e| e.key == "hash");
    read_request(cx, &mut rt, req_path, has_hash);
    rt.finish(cx, Error, REQUEST_KEYS);
}

/// Applies the runtime's naming: with several modules, an unnamed module is
/// called `main`, and the last one is renamed `main` when no module is
/// called `main` before it; two modules with one name are refused.
fn check_module_names(cx: &mut Cx, names: &[Naming<'_>], path: &P<'_>) {
    if names.len() < 2 {
        return;
    }
    let last = names.len() - 1;
    // name → (index, whether the name was written)
    let mut seen: HashMap<&str, (usize, bool)> = HashMap::with_capacity(names.len());
    let mut explicit_main = false;
    let mut main_clash = false;
    let mut pick: Option<(usize, Option<&str>)> = None;
    for (i, naming) in names.iter().enumerate() {
        let given = match naming {
            Naming::Unknown => continue,
            Naming::Unnamed => None,
            Naming::Named(name) => Some(*name),
        };
        explicit_main |= given == Some(MAIN_MODULE);
        let mut name = given.unwrap_or(MAIN_MODULE);
        if i == last && !seen.contains_key(MAIN_MODULE) {
            name = MAIN_MODULE;
        }
        let entry = path.index(i);
        let at_name = entry.key("name");
        let here = if given.is_some() { at_name } else { entry };
        if given == Some(HOST_MODULE) {
            cx.error(
                c::DUPLICATE_MODULE_NAME,
                &here,
                format!("module name `{HOST_MODULE}` is reserved"),
            )
            .help("rename the module")
            .note("the runtime registers its own host functions under this name and refuses a second module with it: \"Duplicate module name found in Extism manifest\"");
            continue;
        }
        let Some(&(first, first_named)) = seen.get(name) else {
            seen.insert(name, (i, given.is_some()));
            if name == MAIN_MODULE {
                pick = Some((i, given));
            }
            continue;
        };
        main_clash |= name == MAIN_MODULE;
        let first_entry = path.index(first);
        let first_name = first_entry.key("name");
        let (first_at, first_label) = if first_named {
            (first_name, format!("`{name}` is first given here"))
        } else {
            (
                first_entry,
                "this module has no `name`, so it is called `main`".to_owned(),
            )
        };
        let message = match given {
            Some(_) => format!("duplicate module name `{name}`"),
            None => {
                "this module has no `name`, so it is called `main`, like another module".to_owned()
            }
        };
        let syntax = cx.syntax;
        let example = pair(syntax, "name", "\"lib\"");
        let help = match (given.is_some(), first_named) {
            (true, true) => "module names must be unique: rename one of the modules".to_owned(),
            (false, _) => format!(
                "give this module its own name, e.g. `{example}`; only the module the host calls into should be `main`"
            ),
            (true, false) => format!("give the unnamed module its own name, e.g. `{example}`"),
        };
        let note = if given.is_some() && first_named {
            "the runtime refuses the plug-in: \"Duplicate module name found in Extism manifest\""
        } else {
            "with several modules, the runtime calls an unnamed module `main`, and refuses two modules with one name: \"Duplicate module name found in Extism manifest\""
        };
        cx.error(c::DUPLICATE_MODULE_NAME, &here, message)
            .label(&first_at, Target::Value, first_label)
            .help(help)
            .note(note);
    }

    if explicit_main || main_clash {
        return;
    }
    let Some((i, given)) = pick else {
        return;
    };
    let entry = path.index(i);
    let syntax = cx.syntax;
    let add_main = pair(syntax, "name", "\"main\"");
    let n = names.len();
    match given {
        None => {
            let at = entry.to_path();
            cx.warning(
                c::NO_MAIN_MODULE,
                &entry,
                format!("none of the {n} modules is named `main`: the runtime makes the unnamed module `{at}` the main one"),
            )
            .help(format!("add `{add_main}` to the module whose functions the host calls, and name the others"))
            .note("with several modules, the runtime calls an unnamed module `main`");
        }
        Some(name) => {
            cx.warning(
                c::NO_MAIN_MODULE,
                &entry.key("name"),
                format!("none of the {n} modules is named `main`: the runtime renames the last one, `{name}`, to `main`"),
            )
            .help(format!("name the module whose functions the host calls `main` explicitly: `{add_main}`"))
            .note(format!("the host must call its functions on `main`, and other modules cannot import from `{name}`"));
        }
    }
}

// ---------------------------------------------------------------------------
// memory, config, timeout

/// Reads an unsigned integer of at most `max`; `null` means absent.
fn read_uint(cx: &mut Cx, node: &Node<'_>, path: &P<'_>, key: &str, max: u64) -> Option<u64> {
    let out_of_range = |cx: &mut Cx, found: String| {
        cx.incomplete = true;
        cx.error(
            c::OUT_OF_RANGE,
            path,
            format!("`{key}` must be a whole number from 0 to {max}, found {found}"),
        )
        .help(if key == "timeout_ms" {
            "give the limit in milliseconds, or remove the key for no limit".to_owned()
        } else {
            format!("use a number from 0 to {max}, or remove the key")
        });
    };
    match &node.value {
        Value::Null => None,
        Value::Integer(_) | Value::Unsigned(_) => match node.as_integer() {
            Some(i) if (0..=i128::from(max)).contains(&i) => u64::try_from(i).ok(),
            i => {
                out_of_range(cx, i.unwrap_or_default().to_string());
                None
            }
        },
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 && (*f < 0.0 || *f > max as f64) => {
            out_of_range(cx, format!("{f}"));
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
        let syntax = cx.syntax;
        cx.wrong_type(node, &path, "memory limits").help(format!(
            "remove `memory`, or write `{}`",
            empty_table(syntax)
        ));
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
    if let Some(pages) = memory.max_pages
        && pages > MAX_PAGES
    {
        let as_bytes = u64::from(pages).div_ceil(65536);
        let as_kib = u64::from(pages).div_ceil(64);
        cx.error(
            c::TOO_MANY_PAGES,
            &pages_path,
            format!("`max_pages` is {pages}, but a 32-bit memory has at most {MAX_PAGES} pages (4 GiB)"),
        )
        .help(format!(
            "write the limit in 64 KiB pages: {pages} bytes would be {as_bytes} pages, {pages} KiB would be {as_kib} pages"
        ));
    }
    memory.max_http_response_bytes = t.get("max_http_response_bytes").and_then(|n| {
        read_uint(
            cx,
            n,
            &path.key("max_http_response_bytes"),
            "max_http_response_bytes",
            u64::MAX,
        )
    });
    let var_path = path.key("max_var_bytes");
    memory.max_var_bytes = t
        .get("max_var_bytes")
        .and_then(|n| read_uint(cx, n, &var_path, "max_var_bytes", u64::MAX));
    if memory.max_var_bytes == Some(0) {
        cx.warning(
            c::VARS_DISABLED,
            &var_path,
            "`max_var_bytes` is 0, which turns plug-in variables off",
        )
        .help("keep 0 only if the plug-in must not use variables; otherwise remove the key (1 MiB by default) or give a size in bytes")
        .note("the runtime then fails every `var_set` of the plug-in with \"Vars are disabled by this host\"");
    }
    t.finish_with(cx, Error, MEMORY_KEYS, |key| match key {
        "max" => Some("`max` is no longer accepted: rename it `max_pages`".to_owned()),
        _ => None,
    });
    memory
}

fn read_config(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> IndexMap<String, String> {
    let syntax = cx.syntax;
    if matches!(node.value, Value::Null) {
        cx.wrong_type(node, &path, "a map of strings").help(format!(
            "remove `config`, or write `{}`",
            empty_table(syntax)
        ));
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
                let text = render(syntax, value);
                pending.help(format!(
                    "config values are strings: write `{}`",
                    pair(syntax, key, &quote(&text))
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
    if timeout == 0 {
        cx.warning(
            c::ZERO_TIMEOUT,
            &path,
            "`timeout_ms` is 0, so every call times out as soon as it starts",
        )
        .help("give the limit in milliseconds (e.g. `30000` for 30 s), or remove the key for no limit")
        .note("the runtime interrupts a call once `timeout_ms` milliseconds have passed");
    }
    Some(timeout)
}

// ---------------------------------------------------------------------------
// allowed_hosts, allowed_paths

fn read_allowed_hosts(cx: &mut Cx, node: &Node<'_>, path: P<'_>) -> AllowedHosts {
    let items = match &node.value {
        Value::Null => {
            cx.warning(
                c::NULL_ALLOWED_HOSTS,
                &path,
                "`allowed_hosts` is `null`, which denies every host",
            )
            .help("write `[]` (or remove the key) to deny every host, or list the hosts the plug-in may contact, e.g. `[\"api.example.com\"]`")
            .note("older documentation says `null` allows every host, but since Extism 0.4 the runtime denies every host for `null`, `[]` and an absent key alike");
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
        if let Some(pattern) = cx.expect_str(item, &item_path) {
            check_host_pattern(cx, pattern, &item_path);
            patterns.push(pattern.to_owned());
        }
    }
    AllowedHosts::List(patterns)
}

fn check_host_pattern(cx: &mut Cx, pattern: &str, path: &P<'_>) {
    // Only wildcards and classes can be malformed; plain names need no
    // compiling.
    let has_wildcards = pattern.contains(['*', '?', '[']);
    if has_wildcards && let Err(e) = glob::Pattern::new(pattern) {
        // The error position counts characters, not bytes.
        let (at, width) = pattern
            .char_indices()
            .nth(e.pos)
            .map_or((pattern.len(), 0), |(at, c)| (at, c.len_utf8()));
        cx.error(
            c::INVALID_HOST_PATTERN,
            path,
            format!("`{pattern}` is not a valid glob pattern: {}", e.msg),
        )
        .within(at..at + width)
        .help("`*` matches any text, `?` one character, and `[...]` one character of a set: close every `[`")
        .note("the runtime then compares the entry as plain text, so its wildcards match nothing");
        return;
    }

    let never = |cx: &mut Cx, why: &str, within: Option<std::ops::Range<usize>>, help: String| {
        let pending = cx.warning(
            c::HOST_NEVER_MATCHES,
            path,
            format!("`{pattern}` can never match a host name: {why}"),
        );
        if let Some(range) = within {
            pending.within(range);
        }
        pending.help(help).note(
            "the runtime compares each entry with the request URL's host name only, which is lower-case ASCII without scheme, port or path",
        );
    };
    let trimmed = pattern.trim();
    if pattern.is_empty() {
        never(
            cx,
            "it is empty",
            None,
            "remove it, or write a host name such as `api.example.com`".to_owned(),
        );
    } else if trimmed != pattern {
        never(
            cx,
            "it has spaces around it",
            None,
            format!("remove the spaces: `{trimmed}`"),
        );
    } else if let Some(at) = pattern.find("://") {
        let host = url::Url::parse(pattern)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| {
                pattern[at + 3..]
                    .split(['/', ':'])
                    .next()
                    .unwrap_or("")
                    .to_owned()
            });
        never(
            cx,
            "it has a scheme",
            Some(0..at + 3),
            format!("write the host name only: `{host}`"),
        );
    } else if let Some(at) = pattern.find('/') {
        never(
            cx,
            "it has a path",
            Some(at..pattern.len()),
            format!("write the host name only: `{}`", &pattern[..at]),
        );
    } else if let Some(at) = pattern.find(':').filter(|_| !pattern.starts_with('[')) {
        never(
            cx,
            "it has a port",
            Some(at..pattern.len()),
            format!("ports are not compared: write `{}`", &pattern[..at]),
        );
    } else if let Some((at, ch)) = pattern.char_indices().find(|(_, c)| c.is_ascii_uppercase()) {
        never(
            cx,
            "it has upper-case letters",
            Some(at..at + ch.len_utf8()),
            format!("write it in lower case: `{}`", pattern.to_ascii_lowercase()),
        );
    } else if let Some((at, ch)) = pattern.char_indices().find(|(_, c)| !c.is_ascii()) {
        let ascii = url::Url::parse(&format!("http://{pattern}/"))
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned));
        let help = match ascii {
            Some(ascii) if ascii != pattern => {
                format!("write the ASCII (punycode) form of the name: `{ascii}`")
            }
            _ => "write the ASCII (punycode) form of the name".to_owned(),
        };
        never(
            cx,
            "it has non-ASCII letters",
            Some(at..at + ch.len_utf8()),
            help,
        );
    } else if pattern.contains('*') && pattern.chars().all(|c| matches!(c, '*' | '?' | '.')) {
        let how = if pattern == "*" || pattern.chars().all(|c| c == '*') {
            "every host"
        } else {
            "almost every host"
        };
        cx.warning(
            c::ALLOW_ALL_HOSTS,
            path,
            format!("`{pattern}` lets the plug-in send HTTP requests to {how}"),
        )
        .help("list only the hosts the plug-in needs, e.g. `api.example.com` or `*.example.com`")
        .note("this includes services on the host's private network");
    }
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
            cx.warning(
                PATH_OUTSIDE_PACKAGE,
                &entry_path,
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

// ---------------------------------------------------------------------------
// Snippets for helps, in the syntax of the document

/// A string as a JSON (and TOML basic) string literal.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

fn render_key(syntax: Syntax, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    match syntax {
        Syntax::Toml if bare => key.to_owned(),
        _ => quote(key),
    }
}

fn pair(syntax: Syntax, key: &str, value: &str) -> String {
    match syntax {
        Syntax::Json => format!("{}: {value}", render_key(syntax, key)),
        Syntax::Toml => format!("{} = {value}", render_key(syntax, key)),
    }
}

fn inline_table<K: AsRef<str>>(syntax: Syntax, pairs: &[(K, String)]) -> String {
    if pairs.is_empty() {
        return empty_table(syntax).to_owned();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| pair(syntax, k.as_ref(), v))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

fn empty_table(_syntax: Syntax) -> &'static str {
    "{}"
}

fn list_of(syntax: Syntax, item: &str) -> String {
    match syntax {
        Syntax::Json => format!("\"wasm\": [{item}]"),
        Syntax::Toml => format!("wasm = [{item}]"),
    }
}

fn example_list(syntax: Syntax) -> String {
    list_of(
        syntax,
        &inline_table(syntax, &[("path", "\"plugin.wasm\"".to_owned())]),
    )
}

/// A value written back compactly (long strings shortened).
fn render(syntax: Syntax, node: &Node<'_>) -> String {
    match &node.value {
        Value::String(s) if s.chars().count() > 100 => {
            let head: String = s.chars().take(60).collect();
            format!("{}...", quote(&head).trim_end_matches('"'))
        }
        Value::String(s) => quote(s),
        Value::Integer(_)
        | Value::Unsigned(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::Datetime(_) => node.scalar_text().unwrap_or_default(),
        Value::Null => "null".to_owned(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|n| render(syntax, n)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(entries) => {
            let pairs: Vec<(&str, String)> = entries
                .iter()
                .map(|e| (e.key.as_ref(), render(syntax, &e.value)))
                .collect();
            inline_table(syntax, &pairs)
        }
    }
}

/// "`a`, `b` and `c`".
fn and_list(items: &[&str]) -> String {
    match items {
        [init @ .., last] if !init.is_empty() => {
            let init: Vec<String> = init.iter().map(|i| format!("`{i}`")).collect();
            format!("{} and `{last}`", init.join(", "))
        }
        _ => suggest::list(items),
    }
}
