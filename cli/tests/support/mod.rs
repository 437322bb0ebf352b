//! Helpers shared by the tests that run the real binary: running it,
//! building project trees in temporary directories, and comparing output
//! with the expected files in `tests/snapshots/` (`BLESS=1` rewrites them;
//! read the diff before committing).

#![allow(dead_code)] // each test file uses its own subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    /// The command line, as shown in snapshots.
    pub args: Vec<String>,
    /// The exit status (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
}

/// The root of the workspace (where `fixtures/` is).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_owned()
}

/// Runs `wasm-manifests args...` in `dir`, with `stdin` as standard input.
/// `NO_COLOR` and the colour-forcing variables are cleared so that only
/// `--color` decides.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wasm-manifests"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let output = child.wait_with_output().expect("the binary runs");
    Run {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs the binary in the workspace root.
pub fn run(args: &[&str]) -> Run {
    run_in(&workspace_root(), args, None)
}

/// Replaces the time of the summary line (`in 0.02s`) with `in [TIME]`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.rfind(" in ") {
            Some(at) if line.starts_with("Checked ") && line.trim_end().ends_with('s') => {
                out.push_str(&line[..at]);
                out.push_str(" in [TIME]");
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Compares a run with `tests/snapshots/<name>.txt`, or writes it there
/// under `BLESS=1`.
pub fn snapshot(name: &str, run: &Run) {
    let actual = format!(
        "$ wasm-manifests {}\nexit status: {}\n--- stdout\n{}--- stderr\n{}",
        run.args.join(" "),
        run.code,
        normalize(&run.stdout),
        normalize(&run.stderr)
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("BLESS").is_some_and(|v| v != "0") {
        std::fs::create_dir_all(path.parent().expect("snapshots folder")).expect("create folder");
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with BLESS=1 to create it, then read it\n--- actual ---\n{actual}",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected.as_str(), actual.as_str())
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        panic!("{} differs (BLESS=1 rewrites it):\n{diff}", path.display());
    }
}

/// The diagnostics of `check --output json`, in order, each with the
/// `file` of its report added.
pub fn json_diagnostics(stdout: &str) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    assert_eq!(value["version"], 1, "{value}");
    let mut out = Vec::new();
    for report in value["files"].as_array().expect("`files` is an array") {
        for diagnostic in report["diagnostics"].as_array().expect("`diagnostics`") {
            let mut diagnostic = diagnostic.clone();
            diagnostic["file"] = report["file"].clone();
            out.push(diagnostic);
        }
    }
    out
}

/// The files `check --output json` checked, in order.
pub fn json_files(stdout: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    value["files"]
        .as_array()
        .expect("`files` is an array")
        .iter()
        .map(|report| report["file"].as_str().expect("a file name").to_owned())
        .collect()
}

/// Writes `files` (relative path, content) under `root`, creating folders.
pub fn write_tree(root: &Path, files: &[(&str, &[u8])]) {
    for (path, content) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("file has a folder")).expect("create folder");
        std::fs::write(&path, content).expect("write file");
    }
}

/// Removes ANSI escape sequences (`ESC [ ... letter`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A wasmer.toml with two errors, one of them with a label.
pub const WASMER_ERRORS: &str = r#"[package]
name = "acme/tool"
version = "1.0.0"
description = "A tool"

[[module]]
name = "tool"
source = "tool.wasm"
abi = "wasi"

[[module]]
name = "tool"
source = "other.wasm"
abi = "wasi"

[[command]]
name = "tool"
module = "tol"
runner = "wasi"
"#;

/// A wasmer.toml with warnings only.
pub const WASMER_WARNINGS: &str = r#"[package]
name = "tool"
version = "1.0.0"
description = "A tool"
license = "MIT/Apache-2.0"
"#;

/// A wasmer.toml without any problem.
pub const WASMER_CLEAN: &str = r#"[package]
name = "acme/hello"
version = "0.1.0"
description = "Says hello"

[[module]]
name = "hello"
source = "hello.wasm"
abi = "wasi"

[[command]]
name = "hello"
module = "hello"
runner = "wasi"
"#;

/// A temporary project with one manifest of each kind of problem:
/// `a/wasmer.toml` (errors), `b, 100%/wasmer.toml` (warnings; the odd name
/// exercises escaping), `c/wasmer.toml` (clean).
pub fn wasmer_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    write_tree(
        dir.path(),
        &[
            ("a/wasmer.toml", WASMER_ERRORS.as_bytes()),
            ("b, 100%/wasmer.toml", WASMER_WARNINGS.as_bytes()),
            ("c/wasmer.toml", WASMER_CLEAN.as_bytes()),
        ],
    );
    dir
}
