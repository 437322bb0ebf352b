//! Hostile and broken input of every kind gets a clear diagnostic: never a
//! panic, never a hang, never a stack overflow.

use wasm_manifests::{Format, Options, Severity};

fn codes(parsed: &wasm_manifests::Parsed) -> Vec<&'static str> {
    parsed.report().iter().map(|d| d.code).collect()
}

#[test]
fn empty_and_blank_files_are_errors_in_every_format() {
    for format in Format::ALL {
        for text in ["", "   \n\t\n", "\u{feff}"] {
            let parsed = wasm_manifests::parse(text, format);
            assert_eq!(codes(&parsed), ["empty-file"], "{format} {text:?}");
            assert!(parsed.manifest().is_none());
            assert!(parsed.report().has_errors());
        }
    }
    let parsed = wasm_manifests::parse("# nothing yet\n", Format::Wasmer);
    assert_eq!(codes(&parsed), ["empty-file"]);
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let bytes = b"[package]\nname = \"a/b\"\ndescription = \"caf\xe9\"\n";
    let parsed = wasm_manifests::parse_bytes(bytes, Format::Wasmer);
    let d = &parsed.report().diagnostics()[0];
    assert_eq!(d.code, "invalid-utf8");
    assert_eq!((d.span.line, d.span.column, d.span.start), (3, 19, 41));
    assert!(d.message.contains("line 3, column 19"), "{}", d.message);
}

#[test]
fn binary_data_is_refused() {
    let wasm = b"\0asm\x01\0\0\0\x01\x07\x01\x60\x02\x7f\x7f\x01\x7f";
    for format in Format::ALL {
        let parsed = wasm_manifests::parse_bytes(wasm, format);
        assert_eq!(codes(&parsed), ["binary-file"], "{format}");
    }
    // NUL bytes inside otherwise valid UTF-8 text.
    let parsed = wasm_manifests::parse("[package]\nname = \"a\0b\"\n", Format::Wasmer);
    assert_eq!(codes(&parsed), ["binary-file"]);
    assert_eq!(parsed.report().diagnostics()[0].span.start, 19);
}

#[test]
fn files_over_the_size_limit_are_not_parsed() {
    let text = format!("[package]\ndescription = \"{}\"\n", "x".repeat(200));
    let parsed = Options::new().max_size(100).parse(&text, Format::Wasmer);
    assert_eq!(codes(&parsed), ["file-too-large"]);
    assert!(parsed.manifest().is_none());

    // The default limit is 10 MiB.
    let big = format!("# {}\n", "x".repeat(10 * 1024 * 1024));
    let parsed = wasm_manifests::parse(&big, Format::Spin);
    assert_eq!(codes(&parsed), ["file-too-large"]);

    // A file on disk is refused without being loaded whole.
    let dir = std::env::temp_dir().join(format!("wasm-manifests-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("wasmer.toml");
    std::fs::write(&path, &big).unwrap();
    let parsed = Options::new().max_size(1024).parse_file(&path).unwrap();
    assert_eq!(codes(&parsed), ["file-too-large"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Run on a small stack: the parsers must not recurse without bound.
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let depth = 100_000;
            let toml = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
            let inline = format!("a = {}1{}\n", "{ b = ".repeat(depth), " }".repeat(depth));
            let json = format!("{{\"wasm\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
            let mut seen = Vec::new();
            for (text, format) in [
                (toml, Format::Wasmer),
                (inline, Format::FlowLike),
                (json, Format::Extism),
            ] {
                let parsed = wasm_manifests::parse(&text, format);
                seen.push(codes(&parsed).contains(&"too-deeply-nested"));
            }
            seen
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), [true, true, true]);
}

/// A tiny deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = XorShift(0x5eed_1234_abcd_0001);
    for _ in 0..2_000 {
        let len = (rng.next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        for format in Format::ALL {
            let parsed = wasm_manifests::parse_bytes(&bytes, format);
            assert!(!parsed.report().is_empty() || parsed.manifest().is_some());
        }
    }
}

/// Every prefix of every fixture and corpus file, and random single-byte
/// edits of them, parse without panicking; any error is a diagnostic.
#[test]
fn truncated_and_mutated_manifests_never_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for format in Format::ALL {
        for dir in [root.join("fixtures").join(format.name()).join("valid")] {
            if let Ok(entries) = std::fs::read_dir(dir) {
                files.extend(entries.filter_map(|e| Some((e.ok()?.path(), format))));
            }
        }
    }
    files.retain(|(p, _)| !p.to_string_lossy().ends_with(".model.json"));
    files.sort();
    let mut rng = XorShift(42);
    const NOISE: &[u8] = b"[]{}\"'=,.:#\n \\x0";
    let mut runs = 0;
    for (path, format) in &files {
        let bytes = std::fs::read(path).unwrap();
        for end in 0..=bytes.len() {
            let _ = wasm_manifests::parse_bytes(&bytes[..end], *format);
            runs += 1;
        }
        for _ in 0..200 {
            let mut mutated = bytes.clone();
            if mutated.is_empty() {
                break;
            }
            let at = (rng.next() as usize) % mutated.len();
            mutated[at] = NOISE[(rng.next() as usize) % NOISE.len()];
            let parsed = wasm_manifests::parse_bytes(&mutated, *format);
            for d in parsed.report() {
                assert!(
                    d.span.start <= d.span.end && d.span.end <= mutated.len(),
                    "{}",
                    path.display()
                );
            }
            runs += 1;
        }
    }
    assert!(runs > 1_000, "only {runs} runs: are the fixtures there?");
}

#[test]
fn warnings_become_errors_in_strict_mode() {
    let text = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n";
    let lenient = wasm_manifests::parse(text, Format::Wasmer);
    assert_eq!(
        lenient.report().diagnostics()[0].severity,
        Severity::Warning
    );
    assert!(!lenient.report().has_errors());
    let strict = Options::new().strict(true).parse(text, Format::Wasmer);
    assert_eq!(strict.report().diagnostics()[0].severity, Severity::Error);
    assert!(strict.clone().into_result().is_err());
}

#[test]
fn broken_lines_hide_the_missing_keys_they_may_hold() {
    // Many tables, each with a broken key line, and many broken values on
    // one long line: the missing keys are dropped, those the broken lines
    // cannot hold are kept. (How the cost scales is measured by
    // `benches/hostile.rs`.)
    let mut text = String::new();
    for i in 0..4_000 {
        text.push_str(&format!(
            "[[module]]\nname = \"m{i}\"\nsource \"m{i}.wasm\"\n\n"
        ));
    }
    text.push_str("[[command]]\nmodule = \"m0\"\nrunner = \"wasi\"");
    for _ in 0..4_000 {
        text.push_str(" x");
    }
    text.push('\n');
    let parsed = wasm_manifests::parse(&text, Format::Wasmer);
    let codes = codes(&parsed);
    assert!(codes.contains(&"syntax-error"));
    // `runner = "wasi" x x ...` holds `runner`, not the command's `name`.
    assert_eq!(
        codes.iter().filter(|c| **c == "missing-key").count(),
        1,
        "{:?}",
        &codes[..10]
    );
}
