//! Verification of packages written to trip it up: named pipes, devices,
//! link loops, patterns that explode or climb out of the package, and
//! directories too large to search. Each package is built in a temporary
//! directory at run time; a case the system cannot build (no `mkfifo`,
//! `mknod` refused) is skipped with a printed notice.
//!
//! Verification runs on another thread with a deadline, so a regression
//! fails the test instead of hanging the suite.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use wasm_manifests::Report;

/// A fresh, empty directory for one test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "wasm-manifests-hostile-{name}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, relative: &str, content: &[u8]) {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn link(&self, target: &str, relative: &str) {
        std::os::unix::fs::symlink(target, self.0.join(relative)).unwrap();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs a system command; `false` (with a notice) when it is missing or
/// refused.
fn make(what: &str, program: &str, args: &[&Path], extra: &[&str]) -> bool {
    let mut command = Command::new(program);
    command.args(args).args(extra);
    match command.output() {
        Ok(output) if output.status.success() => true,
        Ok(output) => {
            println!(
                "notice: cannot make {what} here (`{program}` failed: {}); skipping",
                String::from_utf8_lossy(&output.stderr).trim()
            );
            false
        }
        Err(e) => {
            println!("notice: cannot make {what} here (`{program}`: {e}); skipping");
            false
        }
    }
}

/// Reads `manifest` in `dir` and verifies it against `dir`, failing if that
/// takes longer than `limit`.
fn verify_within(dir: &Path, manifest: &str, limit: Duration) -> Report {
    let dir = dir.to_owned();
    let manifest = dir.join(manifest);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut parsed = wasm_manifests::parse_file(&manifest).unwrap();
        parsed.verify(&dir);
        let _ = sender.send(parsed.into_report());
    });
    let started = Instant::now();
    match receiver.recv_timeout(limit) {
        Ok(report) => report,
        Err(_) => panic!(
            "verification did not finish within {:?} (still running after {:?})",
            limit,
            started.elapsed()
        ),
    }
}

fn verify_codes(report: &Report) -> Vec<&'static str> {
    report
        .iter()
        .map(|d| d.code)
        .filter(|c| c.starts_with("verify/"))
        .collect()
}

const DEADLINE: Duration = Duration::from_secs(20);

const SPIN_HEAD: &str = "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[[component]]\nid = \"web\"\nsource = \"app.wasm\"\n";
const SPIN_TAIL: &str = "[component.trigger]\nroute = \"/...\"\n";
const WASM: &[u8] = b"\0asm\x01\0\0\0";

fn spin_with_files(files: &str) -> String {
    format!("{SPIN_HEAD}files = {files}\n{SPIN_TAIL}")
}

#[test]
fn a_named_pipe_is_never_opened() {
    let scratch = Scratch::new("fifo");
    let dir = scratch.path();
    if !make("a named pipe", "mkfifo", &[&dir.join("app.wasm")], &[])
        || !make("a named pipe", "mkfifo", &[&dir.join("README.md")], &[])
    {
        return;
    }
    // A module (opened to check its bytes), a README (only looked at) and an
    // Extism module with a digest (hashed).
    scratch.write(
        "wasmer.toml",
        b"[package]\nname = \"acme/app\"\nversion = \"1.0.0\"\ndescription = \"An app\"\nreadme = \"README.md\"\n\n[[module]]\nname = \"app\"\nsource = \"app.wasm\"\nabi = \"wasi\"\n",
    );
    let report = verify_within(dir, "wasmer.toml", DEADLINE);
    assert_eq!(
        verify_codes(&report),
        ["verify/not-a-file", "verify/not-a-file"],
        "{report}"
    );
    for d in report.iter() {
        assert!(
            d.message.ends_with("is a named pipe, not a regular file"),
            "{}",
            d.message
        );
    }
    scratch.write(
        "plugin.json",
        b"{\"wasm\": [{\"path\": \"app.wasm\", \"hash\": \"93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476\"}]}",
    );
    let report = verify_within(dir, "plugin.json", DEADLINE);
    assert_eq!(verify_codes(&report), ["verify/not-a-file"], "{report}");
}

#[test]
fn a_device_is_never_read() {
    let scratch = Scratch::new("device");
    let dir = scratch.path();
    // The same device as /dev/zero: reading it never ends.
    if !make(
        "a character device",
        "mknod",
        &[&dir.join("app.wasm")],
        &["c", "1", "5"],
    ) {
        return;
    }
    scratch.write(
        "flow-like.toml",
        b"manifest_version = 1\nid = \"com.acme.app\"\nname = \"App\"\nversion = \"1.0.0\"\ndescription = \"An app\"\nwasm_path = \"app.wasm\"\nwasm_hash = \"sha256:93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476\"\n\n[[nodes]]\nid = \"run\"\nname = \"Run\"\ndescription = \"Runs\"\ncategory = \"Tools\"\n",
    );
    let report = verify_within(dir, "flow-like.toml", DEADLINE);
    assert_eq!(verify_codes(&report), ["verify/not-a-file"], "{report}");
    let d = &report.diagnostics()[0];
    assert_eq!(
        d.message,
        "`app.wasm` is a character device, not a regular file"
    );
    assert_eq!(d.path.to_string(), "wasm_path");
}

#[test]
fn links_to_the_package_itself_do_not_multiply_a_search() {
    let scratch = Scratch::new("dot-links");
    let dir = scratch.path();
    scratch.write("app.wasm", WASM);
    scratch.write("static/site.css", b"body {}");
    scratch.link(".", "here");
    scratch.link(".", "again");
    scratch.link("..", "static/up");
    scratch.write(
        "spin.toml",
        spin_with_files("[\"**/*.css\", \"**/*.js\"]").as_bytes(),
    );
    let started = Instant::now();
    let report = verify_within(dir, "spin.toml", DEADLINE);
    // The CSS file is found; nothing matches `*.js`, however many ways the
    // links offer to look again.
    assert_eq!(
        verify_codes(&report),
        ["verify/glob-matches-nothing"],
        "{report}"
    );
    assert_eq!(report.diagnostics()[0].message, "`**/*.js` matches no file");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn repeated_double_stars_over_a_deep_chain_stay_linear() {
    let scratch = Scratch::new("deep-chain");
    let dir = scratch.path();
    scratch.write("app.wasm", WASM);
    let chain = vec!["a"; 60].join("/");
    scratch.write(&format!("{chain}/found.txt"), b"x");
    let stars = "**/a/".repeat(8);
    let files = format!("[\"{stars}found.txt\", \"{stars}missing.txt\"]");
    scratch.write("spin.toml", spin_with_files(&files).as_bytes());
    let started = Instant::now();
    let report = verify_within(dir, "spin.toml", DEADLINE);
    assert_eq!(
        verify_codes(&report),
        ["verify/glob-matches-nothing"],
        "{report}"
    );
    assert!(report.diagnostics()[0].message.contains("missing.txt"));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn patterns_that_leave_the_package_are_not_searched() {
    let scratch = Scratch::new("climb");
    let dir = scratch.path();
    scratch.write("app.wasm", WASM);
    let up = "../".repeat(40);
    let files = format!("[\"{up}**/x\", \"/**/passwd\"]");
    scratch.write("spin.toml", spin_with_files(&files).as_bytes());
    let started = Instant::now();
    let report = verify_within(dir, "spin.toml", DEADLINE);
    // Reading the manifest reports both; verification adds nothing (and
    // searches nothing: the whole file system would take far longer).
    let codes: Vec<&str> = report.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["path-outside-package", "path-outside-package"],
        "{report}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_link_to_a_folder_outside_is_reported_not_searched() {
    let scratch = Scratch::new("outside-folder");
    let root = scratch.path();
    scratch.write("outside/secret/key.pem", b"-----BEGIN");
    scratch.write("package/app.wasm", WASM);
    scratch.link("../outside", "package/assets");
    scratch.write(
        "package/spin.toml",
        spin_with_files("[\"assets/**/*.pem\"]").as_bytes(),
    );
    let report = verify_within(&root.join("package"), "spin.toml", DEADLINE);
    assert_eq!(
        verify_codes(&report),
        ["verify/outside-package"],
        "{report}"
    );
    let d = &report.diagnostics()[0];
    assert_eq!(
        d.message,
        "`assets` leads outside the package directory through a symbolic link"
    );
    assert_eq!(d.path.to_string(), "component[0].files[0]");
}

#[test]
fn links_inside_the_package_are_still_followed() {
    let scratch = Scratch::new("inner-link");
    let dir = scratch.path();
    scratch.write("app.wasm", WASM);
    scratch.write("build/out/site.css", b"body {}");
    scratch.link("build/out", "static");
    // The link sorts before the folder it points to, so a search that only
    // remembered folders would find `static` first and then skip `build`.
    scratch.link("build/out", "a-link");
    scratch.write(
        "spin.toml",
        spin_with_files("[\"static/*.css\", \"**/out/site.css\"]").as_bytes(),
    );
    let report = verify_within(dir, "spin.toml", DEADLINE);
    assert!(report.is_empty(), "{report}");
}

#[test]
fn a_search_that_looks_at_too_many_entries_stops_with_a_warning() {
    let scratch = Scratch::new("limit");
    let dir = scratch.path();
    scratch.write("app.wasm", WASM);
    for i in 0..2_000 {
        scratch.write(&format!("{i}.txt"), b"");
    }
    // Each `*` can go through the link back to the package, one level
    // further into the pattern each time: 60 listings of 2,000 entries,
    // more than the limit of 100,000.
    scratch.link(".", "again");
    let deep = "*/".repeat(60);
    let files = format!("[\"{deep}nothing\", \"static/*.css\"]");
    scratch.write("spin.toml", spin_with_files(&files).as_bytes());
    let report = verify_within(dir, "spin.toml", DEADLINE);
    assert_eq!(
        verify_codes(&report),
        ["verify/search-limit", "verify/search-limit"],
        "{report}"
    );
    let [first, second] = report.diagnostics() else {
        unreachable!()
    };
    assert_eq!(
        first.message,
        format!("the search for `{deep}nothing` stopped after 100000 directory entries")
    );
    assert_eq!(
        second.message,
        "`static/*.css` was not checked: the search limit of 100000 directory entries was reached"
    );
    assert_eq!(second.path.to_string(), "component[0].files[1]");
}
