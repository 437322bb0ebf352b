//! Hostile input: every position stays true to the text, deep input never
//! overflows a small stack, and the inputs that used to crash or cost
//! quadratic time are handled. (How the cost scales is measured by
//! `benches/hostile.rs`, not timed here.)

mod support;

use std::path::{Path, PathBuf};

use wasm_manifests::{Format, Parsed};

/// Runs `f` on a thread with a 2 MiB stack, the size of the command line's
/// worker threads before they got an explicit one.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow and no panic")
}

fn codes(parsed: &Parsed) -> Vec<&'static str> {
    parsed.report().iter().map(|d| d.code).collect()
}

/// Fixture and corpus files, with the format they belong to.
fn seeds() -> Vec<(PathBuf, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs: Vec<(PathBuf, Format)> = Vec::new();
    for format in Format::ALL {
        let name = format.name().replace('-', "");
        for kind in ["valid", "invalid"] {
            dirs.push((root.join("fixtures").join(&name).join(kind), format));
        }
        dirs.push((root.join("../shared/corpus").join(&name), format));
    }
    for (dir, format) in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "toml" || ext == "json" {
                out.push((path, format));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn positions_are_true_for_every_seed_and_its_mutations() {
    let seeds = seeds();
    assert!(seeds.len() > 50, "fixtures missing: {} seeds", seeds.len());
    if !Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .exists()
    {
        println!("note: ../shared/corpus is absent; only the fixtures are used as seeds");
    }
    let failures = on_small_stack(move || {
        let mut failures = Vec::new();
        let mut checked = 0;
        for (path, format) in &seeds {
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let mut variants = vec![bytes.clone()];
            // Cut at every 23rd byte, and with one byte changed at every 29th.
            for at in (0..bytes.len()).step_by(23) {
                variants.push(bytes[..at].to_vec());
            }
            for at in (0..bytes.len()).step_by(29) {
                let mut changed = bytes.clone();
                const BYTES: &[u8] = b"\"[]{}=,.\n#\\x\xc3";
                changed[at] = BYTES[at % BYTES.len()];
                variants.push(changed);
            }
            for variant in variants {
                checked += 1;
                let text = std::str::from_utf8(&variant).ok();
                for target in [*format, Format::Extism] {
                    let parsed = wasm_manifests::parse_bytes(&variant, target);
                    if let Err(e) = support::spans::check(&parsed, text) {
                        failures.push(format!(
                            "{} as {target} ({} bytes): {e}",
                            path.display(),
                            variant.len()
                        ));
                    }
                }
            }
        }
        assert!(checked > 1000);
        failures
    });
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn dotted_keys_inside_nested_inline_tables_do_not_overflow_the_stack() {
    // 60 inline tables, each keyed by a 79-part dotted key: thousands of
    // levels of tables from 9.6 KB of text.
    let key = vec!["a"; 79].join(".");
    let mut text = String::from("x = ");
    for _ in 0..60 {
        text.push_str(&format!("{{{key} = "));
    }
    text.push('1');
    text.push_str(&"}".repeat(60));
    assert!(text.len() < 10_000);
    let report = on_small_stack(move || {
        let parsed = wasm_manifests::parse(&text, Format::Wasmer);
        support::spans::check(&parsed, Some(&text)).expect("true positions");
        codes(&parsed)
    });
    assert!(report.contains(&"too-deeply-nested"), "{report:?}");
}

#[test]
fn deep_headers_and_arrays_are_bounded_too() {
    let headers = format!("[{}]\nx = 1\n", vec!["t"; 79].join("."));
    let nested_headers = format!(
        "{headers}[{}.u.{}]\n",
        vec!["t"; 79].join("."),
        vec!["v"; 60].join(".")
    );
    let arrays = format!("x = {}1{}\n", "[".repeat(200), "]".repeat(200));
    let json = format!("{{\"wasm\": {}{}}}", "[".repeat(125), "]".repeat(125));
    for (text, format, code) in [
        (nested_headers, Format::Spin, "too-deeply-nested"),
        (arrays, Format::FlowLike, "too-deeply-nested"),
        (json, Format::Extism, "wrong-type"),
    ] {
        let found = on_small_stack(move || {
            let parsed = wasm_manifests::parse(&text, format);
            support::spans::check(&parsed, Some(&text)).expect("true positions");
            codes(&parsed)
        });
        assert!(found.contains(&code), "{format}: {found:?}");
    }
}

#[test]
fn unquoted_and_missing_values_get_the_right_help() {
    let parsed = wasm_manifests::parse(
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = wasi\n",
        Format::Wasmer,
    );
    let d = &parsed.report().diagnostics()[0];
    assert_eq!(d.code, "syntax-error");
    assert_eq!(
        d.help.as_deref(),
        Some("strings must be quoted: `abi = \"wasi\"`")
    );

    let parsed = wasm_manifests::parse("[[module]]\nname = \"m\"\nabi =\n", Format::Wasmer);
    let d = parsed
        .report()
        .iter()
        .find(|d| d.code == "syntax-error")
        .expect("reported");
    assert_eq!(
        d.help.as_deref(),
        Some("give `abi` a value, such as `abi = \"...\"`")
    );

    // An unclosed string still gets the help about quotes.
    let parsed = wasm_manifests::parse("[package]\nname = \"a/b\n", Format::Wasmer);
    let d = parsed
        .report()
        .iter()
        .find(|d| d.code == "syntax-error")
        .expect("reported");
    let help = d.help.as_deref().unwrap_or("");
    assert!(help.starts_with("close the string"), "{help}");
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let text = "\u{feff}[package]\nname = 1\n";
    let parsed = wasm_manifests::parse(text, Format::Wasmer);
    support::spans::check(&parsed, Some(text)).expect("true positions");
    let d = parsed
        .report()
        .iter()
        .find(|d| d.code == "wrong-type")
        .expect("reported");
    assert_eq!((d.span.line, d.span.column), (2, 8));
    let header = wasm_manifests::parse(
        "\u{feff}[package]\nname = \"n\"\nversion = \"1\"\n",
        Format::Wasmer,
    );
    let d = header
        .report()
        .iter()
        .find(|d| d.code == "wasmer/invalid-version")
        .expect("reported");
    assert_eq!((d.span.line, d.span.column), (3, 11));
    let first = wasm_manifests::parse("\u{feff}colour = 1\n", Format::Wasmer);
    let d = &first.report().diagnostics()[0];
    assert_eq!((d.span.line, d.span.column), (1, 1), "{}", first.report());
}

#[test]
fn many_problems_are_all_reported_at_true_positions() {
    // Unknown keys, wrong references and syntax errors by the thousand:
    // every one is reported, each where it is.
    let mut text =
        String::from("[package]\nname = \"me/x\"\nversion = \"1.0.0\"\ndescription = \"d\"\n");
    for i in 0..5_000 {
        text.push_str(&format!("unknown{i} = 1\n"));
    }
    for i in 0..2_000 {
        text.push_str(&format!("[[module]]\nname = \"m{i}\"\nsource = \"m.wasm\"\n[[command]]\nname = \"c{i}\"\nmodule = \"n{i}\"\nrunner = \"wasi\"\n"));
    }
    let parsed = on_small_stack({
        let text = text.clone();
        move || wasm_manifests::parse(&text, Format::Wasmer)
    });
    let count = |code: &str| parsed.report().iter().filter(|d| d.code == code).count();
    assert_eq!(count("unknown-key"), 5_000);
    assert_eq!(count("wasmer/unknown-module"), 2_000);
    support::spans::check(&parsed, Some(&text)).expect("true positions");

    let broken: String = (0..3_000).map(|i| format!("a{i} = [ = = \n")).collect();
    let parsed = wasm_manifests::parse(&broken, Format::FlowLike);
    let errors = parsed
        .report()
        .iter()
        .filter(|d| d.code == "syntax-error")
        .count();
    assert!(errors >= 300, "{errors} syntax errors");
    support::spans::check(&parsed, Some(&broken)).expect("true positions");
}

#[test]
fn a_file_with_more_problems_than_a_report_lists_says_how_many_more() {
    let mut text =
        String::from("[package]\nname = \"me/x\"\nversion = \"1.0.0\"\ndescription = \"d\"\n");
    for i in 0..12_000 {
        text.push_str(&format!("unknown{i} = 1\n"));
    }
    let parsed = wasm_manifests::parse(&text, Format::Wasmer);
    let report = parsed.report();
    assert_eq!(report.diagnostics().len(), 10_001);
    let last = report.diagnostics().last().unwrap();
    assert_eq!(last.code, "too-many-problems");
    assert_eq!(last.severity, wasm_manifests::Severity::Warning);
    assert!(
        last.message
            .starts_with("2000 more problems not listed (2000 warnings)"),
        "{}",
        last.message
    );
    support::spans::check(&parsed, Some(&text)).expect("true positions");

    // Syntax errors beyond the bound are counted too, as errors.
    let broken: String = (0..30_000).map(|i| format!("k{i} = = = =\n")).collect();
    let parsed = wasm_manifests::parse(&broken, Format::FlowLike);
    let last = parsed.report().diagnostics().last().unwrap();
    assert_eq!(last.code, "too-many-problems");
    assert_eq!(last.severity, wasm_manifests::Severity::Error);
    assert!(parsed.report().diagnostics().len() <= 10_001);
}
