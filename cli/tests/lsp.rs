//! `wasm-manifests lsp`, driven over JSON-RPC as an editor drives it: the
//! real binary, messages framed with `Content-Length`, and every wait
//! bounded so that a server that does not answer fails the test instead of
//! hanging it.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wasm_manifests::Format;
use wasm_manifests::schema::{self, Schema};

/// How long any one answer may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A running server and what it has sent.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: VecDeque<Value>,
    next_id: i64,
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl Client {
    fn start() -> Client {
        Client::start_in(&std::env::temp_dir())
    }

    fn start_in(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wasm-manifests"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages,
            pending: VecDeque::new(),
            next_id: 1,
            stderr: Some(stderr),
        }
    }

    /// Starts a server and initializes it, offering these position
    /// encodings (none: the client says nothing, so UTF-16).
    fn initialized(encodings: Option<&[&str]>) -> (Client, Value) {
        let mut client = Client::start();
        let result = client.initialize(encodings);
        (client, result)
    }

    fn initialize(&mut self, encodings: Option<&[&str]>) -> Value {
        let mut capabilities = json!({});
        if let Some(encodings) = encodings {
            capabilities = json!({ "general": { "positionEncodings": encodings } });
        }
        let reply = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        self.notify("initialized", json!({}));
        reply["result"].clone()
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("the server reads");
        stdin.flush().expect("the server reads");
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response (the whole message).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.response(&json!(id))
    }

    /// The completion items at a position of an open document.
    fn complete(&mut self, uri: &str, line: u64, character: u64) -> Vec<Value> {
        let reply = self.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        reply["result"].as_array().cloned().unwrap_or_default()
    }

    fn response(&mut self, id: &Value) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.receive(deadline);
            if message.get("method").is_none() && &message["id"] == id {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    fn receive(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.messages.recv_timeout(left) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("the server did not answer in time"),
            Err(RecvTimeoutError::Disconnected) => panic!(
                "the server stopped; standard error:\n{}",
                self.stop_stderr()
            ),
        }
    }

    /// The next notification of `method` (earlier ones first).
    fn notification(&mut self, method: &str) -> Value {
        if let Some(at) = self.pending.iter().position(|m| m["method"] == method) {
            return self.pending.remove(at).expect("present");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.receive(deadline);
            if message["method"] == method {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = self.notification("textDocument/publishDiagnostics");
            if message["params"]["uri"] == uri {
                return message["params"]["diagnostics"]
                    .as_array()
                    .expect("a list")
                    .clone();
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn stop_stderr(&mut self) -> String {
        self.stdin = None;
        let _ = self.child.kill();
        self.stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default()
    }

    /// Closes standard input and waits for the exit status, at most the
    /// timeout.
    fn wait(&mut self) -> (ExitStatus, String) {
        self.stdin = None;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("waits") {
                let stderr = self
                    .stderr
                    .take()
                    .and_then(|h| h.join().ok())
                    .unwrap_or_default();
                return (status, stderr);
            }
            assert!(Instant::now() < deadline, "the server did not exit in time");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn shutdown_and_exit(mut self) {
        let reply = self.request("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null);
        assert!(reply.get("error").is_none());
        self.notify("exit", Value::Null);
        let (status, stderr) = self.wait();
        assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `Content-Length` framed message; `None` at the end of the output.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A `file:` URI for `path`.
fn file_uri(path: &Path) -> String {
    wasm_manifests::url::Url::from_file_path(path)
        .expect("an absolute path")
        .to_string()
}

/// Applies LSP text edits (positions in `encoding`) to `text`.
fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (at, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + at;
            }
            units += if utf8 { c.len_utf8() } else { c.len_utf16() };
        }
        text.len()
    };
    let mut ranges: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset(&edit["range"]["start"]),
                offset(&edit["range"]["end"]),
                edit["newText"].as_str().unwrap(),
            )
        })
        .collect();
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out = text.to_owned();
    for (start, end, new) in ranges {
        out.replace_range(start..end, new);
    }
    out
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or(""))
        .collect()
}

fn find<'d>(diagnostics: &'d [Value], code: &str) -> &'d Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

fn range(line: u64, start: u64, end_line: u64, end: u64) -> Value {
    json!({ "start": { "line": line, "character": start }, "end": { "line": end_line, "character": end } })
}

/// The description of a field of the wasmer.toml schema.
fn wasmer_description(definition: &str, key: &str) -> String {
    let schema = schema::json_schema(Schema::Wasmer);
    schema["definitions"][definition]["properties"][key]["description"]
        .as_str()
        .expect("a description")
        .to_owned()
}

const MANIFEST: &str = "module = [{ name = \"ünï\", source = \"a.wasm\", abi = \"emscripten\" }]\n\n[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"Grüße 😀\"\nlicence = \"MIT\"\n";

#[test]
fn a_whole_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wasmer.toml");
    std::fs::write(&path, MANIFEST).unwrap();
    let uri = file_uri(&path);

    let (mut client, init) = Client::initialized(None);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"], 1);

    // Diagnostics, positions counted in UTF-16 after `ünï`.
    let diagnostics = client.open(&uri, MANIFEST);
    let abi = find(&diagnostics, "wasmer/invalid-abi");
    assert_eq!(abi["range"], range(0, 51, 0, 63));
    assert_eq!(abi["severity"], 1);
    assert_eq!(abi["source"], "wasm-manifests");
    assert!(
        abi["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#wasmer-invalid-abi")
    );
    let licence = find(&diagnostics, "unknown-key");
    assert_eq!(licence["range"], range(6, 0, 6, 7));
    assert_eq!(licence["severity"], 2);
    assert!(
        licence["message"]
            .as_str()
            .unwrap()
            .contains("\nhelp: did you mean `license`?"),
        "{licence:#}"
    );

    // Hover on `description`: the schema's description of the field.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 5, "character": 3 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("package.description"), "{shown}");
    assert!(
        shown.contains(&wasmer_description("Package", "description")),
        "{shown}"
    );
    assert_eq!(hover["result"]["range"], range(5, 0, 5, 11));

    // The quick fix of `licence`, applied to the text, gives a manifest
    // without that diagnostic.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range(6, 2, 6, 2),
            "context": { "diagnostics": [licence] }
        }),
    );
    let actions = actions["result"].as_array().unwrap();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert_eq!(quick["isPreferred"], true);
    assert_eq!(quick["diagnostics"][0]["code"], "unknown-key");
    let edits = quick["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply_edits(MANIFEST, edits, false);
    assert!(fixed.contains("\nlicense = \"MIT\"\n"), "{fixed}");
    let report = wasm_manifests::parse(&fixed, Format::Wasmer).into_report();
    assert!(report.iter().all(|d| d.code != "unknown-key"), "{report:?}");
    assert!(report.iter().any(|d| d.code == "wasmer/invalid-abi"));
    // Only the diagnostics under the range get a quick fix.
    assert_eq!(
        actions.iter().filter(|a| a["kind"] == "quickfix").count(),
        1
    );
    let all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.wasm-manifests")
        .expect("a fix-all action");
    let everything = apply_edits(
        MANIFEST,
        all["edit"]["changes"][&uri].as_array().unwrap(),
        false,
    );
    assert_eq!(everything, fixed);

    // A change: new text, new diagnostics, and the "did you mean" of a
    // reference fixes it.
    let changed = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[[module]]\nname = \"hello\"\nsource = \"hello.wasm\"\nabi = \"wasi\"\n\n[[command]]\nname = \"hello\"\nmodule = \"helo\"\n";
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": changed }] }),
    );
    let published = client.notification("textDocument/publishDiagnostics");
    assert_eq!(published["params"]["version"], 2);
    let diagnostics = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(codes(&diagnostics), ["wasmer/unknown-module"]);
    assert_eq!(diagnostics[0]["range"], range(12, 9, 12, 15));
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range(12, 0, 12, 15),
            "context": { "diagnostics": [], "only": ["quickfix"] }
        }),
    );
    let actions = actions["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let fixed = apply_edits(
        changed,
        actions[0]["edit"]["changes"][&uri].as_array().unwrap(),
        false,
    );
    assert!(fixed.ends_with("module = \"hello\"\n"), "{fixed}");
    assert!(
        wasm_manifests::parse(&fixed, Format::Wasmer)
            .report()
            .is_empty()
    );

    // Closing clears the diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(client.diagnostics(&uri).is_empty());

    client.shutdown_and_exit();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (mut client, init) = Client::initialized(Some(&["utf-32", "utf-8", "utf-16"]));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "untitled:wasmer.toml";
    let diagnostics = client.open(uri, MANIFEST);
    // `ünï` is 5 bytes, 3 UTF-16 units.
    assert_eq!(
        find(&diagnostics, "wasmer/invalid-abi")["range"],
        range(0, 53, 0, 65)
    );
    // Hover at a byte position after the emoji of line 5 is past the key:
    // nothing to show.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 5, "character": 24 } }),
    );
    assert_eq!(hover["result"], Value::Null);
    // On the diagnostic's code: its documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 56 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("# wasmer/invalid-abi"), "{shown}");
    client.shutdown_and_exit();
}

/// The labels of completion items.
fn labels(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn completion_of_keys_and_tables() {
    let (mut client, _) = Client::initialized(None);
    let uri = "untitled:wasmer.toml";
    let text = "[package]\nname = \"me/app\"\nver\n\n[[module]]\nname = \"m\"\n\n[";
    client.open(uri, text);
    let complete = |client: &mut Client, line, character| client.complete(uri, line, character);

    // In `[package]`: its keys, but not `name`, already there.
    let items = complete(&mut client, 2, 3);
    let names = labels(&items);
    assert!(names.contains(&"version".to_owned()), "{names:?}");
    assert!(names.contains(&"license".to_owned()));
    assert!(!names.contains(&"name".to_owned()));
    let version = items.iter().find(|i| i["label"] == "version").unwrap();
    assert_eq!(version["kind"], 10); // PROPERTY
    assert_eq!(
        version["documentation"]["value"],
        wasmer_description("Package", "version")
    );
    // In `[[module]]`: the keys of a module.
    let names = labels(&complete(&mut client, 6, 0));
    assert!(names.contains(&"abi".to_owned()), "{names:?}");
    assert!(!names.contains(&"name".to_owned()));
    assert!(!names.contains(&"version".to_owned()));
    // After `[`: top-level tables, without `[package]`, already there;
    // `[[module]]` can come again.
    let names = labels(&complete(&mut client, 7, 1));
    assert!(names.contains(&"module".to_owned()), "{names:?}");
    assert!(names.contains(&"fs".to_owned()));
    assert!(!names.contains(&"package".to_owned()));
    // In a value: nothing.
    assert!(complete(&mut client, 1, 10).is_empty());
    client.shutdown_and_exit();
}

#[test]
fn completion_of_tables_after_a_dotted_header() {
    let (mut client, _) = Client::initialized(None);
    let uri = "untitled:spin.toml";
    let text = "spin_manifest_version = 2\n\n[application]\nname = \"app\"\n\n[application.\n\n[component.hello]\nsource = \"hello.wasm\"\n\n[component.hello.\n";
    client.open(uri, text);
    let complete = |client: &mut Client, line, character| -> Vec<String> {
        labels(&client.complete(uri, line, character))
    };
    // `[application.`: its tables, not its plain keys.
    let names = complete(&mut client, 5, 13);
    assert!(names.contains(&"trigger".to_owned()), "{names:?}");
    assert!(!names.contains(&"name".to_owned()), "{names:?}");
    // `[component.hello.`: the tables of a component, whatever its id.
    let names = complete(&mut client, 10, 17);
    assert!(names.contains(&"build".to_owned()), "{names:?}");
    assert!(names.contains(&"dependencies".to_owned()), "{names:?}");
    assert!(!names.contains(&"source".to_owned()), "{names:?}");
    client.shutdown_and_exit();
}

#[test]
fn completion_of_tables_under_an_array_of_tables() {
    let (mut client, _) = Client::initialized(None);
    let uri = "untitled:spin.toml";
    let text = "spin_manifest_version = \"1\"\nname = \"app\"\n\n[[component]]\nid = \"hello\"\n\n[component.\n";
    client.open(uri, text);
    let names = labels(&client.complete(uri, 6, 11));
    assert!(names.contains(&"trigger".to_owned()), "{names:?}");
    assert!(names.contains(&"build".to_owned()), "{names:?}");
    assert!(!names.contains(&"id".to_owned()), "{names:?}");
    client.shutdown_and_exit();
}

#[test]
fn completion_of_values_from_the_schema() {
    let (mut client, _) = Client::initialized(None);
    let uri = "untitled:wasmer.toml";
    let text = "[package]\nname = \"me/app\"\nentrypoint = \"x\"\n\n[[module]]\nname = \"m\"\nabi = \n\n[[module]]\nname = \"n\"\nabi = \"wa\"\n";
    client.open(uri, text);
    let complete = |client: &mut Client, line, character| client.complete(uri, line, character);

    // After `abi = `: the ABIs, each inserted with its quotes.
    let items = complete(&mut client, 6, 6);
    assert_eq!(labels(&items), ["none", "wasi", "wasm4"]);
    let wasi = &items[1];
    assert_eq!(wasi["textEdit"]["newText"], "\"wasi\"");
    assert_eq!(
        wasi["textEdit"]["range"],
        json!({ "start": { "line": 6, "character": 6 }, "end": { "line": 6, "character": 6 } })
    );
    assert_eq!(wasi["documentation"]["value"], "WASI.");
    // Inside `"wa"`: what is typed and the closing quote are replaced.
    let items = complete(&mut client, 10, 9);
    let wasi = items.iter().find(|i| i["label"] == "wasi").unwrap();
    assert_eq!(
        wasi["textEdit"]["range"],
        json!({ "start": { "line": 10, "character": 6 }, "end": { "line": 10, "character": 10 } })
    );
    // A key that takes any string: nothing to offer.
    assert!(complete(&mut client, 2, 14).is_empty());
    client.shutdown_and_exit();
}

#[test]
fn settings_of_the_nearest_configuration_file_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wasm-manifests.toml"),
        "allow = [\"unknown-key\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("app")).unwrap();
    let path = dir.path().join("app/wasmer.toml");
    let (mut client, _) = Client::initialized(None);
    let configured = client.open(&file_uri(&path), MANIFEST);
    assert_eq!(codes(&configured), ["wasmer/invalid-abi"]);
    // Not a file: no configuration.
    let plain = client.open("untitled:wasmer.toml", MANIFEST);
    assert!(codes(&plain).contains(&"unknown-key"));
    // The configuration file itself is checked.
    let config = dir.path().join("wasm-manifests.toml");
    let problems = client.open(&file_uri(&config), "deny = [\"securty\"]\n");
    assert_eq!(codes(&problems), ["config/unknown-code"]);
    client.shutdown_and_exit();
}

#[test]
fn files_that_are_not_manifests_get_nothing() {
    let (mut client, _) = Client::initialized(None);
    let uri = "file:///tmp/project/notes.toml";
    assert!(client.open(uri, "[tool]\nx = 1\n").is_empty());
    assert!(
        client
            .open("file:///tmp/project/package.json", "{\"name\": \"x\"}")
            .is_empty()
    );
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 2 } }),
    );
    assert_eq!(hover["result"], Value::Null);
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(0, 0, 1, 0), "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions["result"], json!([]));
    // No message for the user came with it.
    assert!(
        client
            .pending
            .iter()
            .all(|m| m["method"] != "window/showMessage")
    );
    client.shutdown_and_exit();
}

#[test]
fn huge_and_binary_documents_get_the_library_diagnostics() {
    let (mut client, _) = Client::initialized(None);
    let huge = format!("# {}\n", "x".repeat(11 * 1024 * 1024));
    let diagnostics = client.open("untitled:big/wasmer.toml", &huge);
    assert_eq!(codes(&diagnostics), ["file-too-large"]);
    let diagnostics = client.open("untitled:bin/wasmer.toml", "a\0b\u{1}");
    assert_eq!(codes(&diagnostics), ["binary-file"]);
    client.shutdown_and_exit();
}

#[test]
fn protocol_errors_are_answered() {
    let mut client = Client::start();
    // Before `initialize`.
    let early = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "untitled:a" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(early["error"]["code"], -32002);
    client.initialize(None);
    let again = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(again["error"]["code"], -32600);
    let unknown = client.request("workspace/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad = client.request("textDocument/hover", json!("garbage"));
    assert_eq!(bad["error"]["code"], -32602);
    let bad = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": 5 } }),
    );
    assert_eq!(bad["error"]["code"], -32602);
    // Bad notifications are ignored; the server still answers.
    client.notify("textDocument/didOpen", json!({ "textDocument": 3 }));
    client.notify("textDocument/didChange", json!(null));
    // Positions far outside the document.
    client.open("untitled:wasmer.toml", "[package]\n");
    let far = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "untitled:wasmer.toml" }, "position": { "line": 4000000000u64, "character": 4000000000u64 } }),
    );
    assert!(far.get("error").is_none(), "{far}");
    let far = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": "untitled:wasmer.toml" }, "range": range(9, 9, 0, 0), "context": { "diagnostics": [] } }),
    );
    assert_eq!(far["result"], json!([]));
    client.shutdown_and_exit();
}

#[test]
fn garbage_input_never_crashes_the_server() {
    let mut client = Client::start();
    client.send_raw(b"\xff\xfe\x00garbage\r\n\r\n");
    for body in [
        "{{{{{",
        "\"just text\"",
        r#"{"jsonrpc":"2.0","id":9,"method":[1,2,3]}"#,
    ] {
        client.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    client.send_raw(b"Content-Length: nine\r\n\r\n");
    // A request that is not one, but has an id: answered with an error.
    let reply = client.response(&json!(9));
    assert_eq!(reply["error"]["code"], -32600);
    // The server still works.
    client.initialize(None);
    let diagnostics = client.open("untitled:wasmer.toml", "\u{0}\u{1}[[[ \"");
    assert!(!diagnostics.is_empty());
    // A length no one can send: the server reads to the end of the input
    // and stops, without a crash.
    client.send_raw(b"Content-Length: 18446744073709551615\r\n\r\nxyz");
    let (status, stderr) = client.wait();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let (mut client, _) = Client::initialized(None);
    client.notify("exit", Value::Null);
    let (status, stderr) = client.wait();
    assert_eq!(status.code(), Some(1), "{stderr}");
}
