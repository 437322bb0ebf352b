//! API-level tests of the Extism manifest: the model's own serde round trip,
//! JSON and TOML giving the same model, several mistakes reported in one
//! run, and hostile input.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use wasm_manifests::extism::{AllowedHosts, AllowedPath, HttpRequest, Manifest, Wasm, WasmSource};
use wasm_manifests::{Format, Options, Severity};

fn fixture(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/extism")
        .join(kind)
        .join(name)
}

fn valid_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/extism/valid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("valid fixtures exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.ends_with(".json") || name.ends_with(".toml")) && !name.ends_with(".model.json")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected several valid fixtures");
    files
}

fn read(path: &Path) -> Manifest {
    let parsed = Options::new()
        .parse_file_as(path, Format::Extism)
        .expect("fixture is readable");
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    match parsed.into_manifest() {
        Some(wasm_manifests::Manifest::Extism(manifest)) => manifest,
        other => panic!(
            "{}: expected an Extism manifest, got {other:?}",
            path.display()
        ),
    }
}

fn parse(text: &str) -> wasm_manifests::Parsed {
    wasm_manifests::parse(text, Format::Extism)
}

fn extism(parsed: &wasm_manifests::Parsed) -> Option<&Manifest> {
    match parsed.manifest() {
        Some(wasm_manifests::Manifest::Extism(manifest)) => Some(manifest),
        _ => None,
    }
}

/// (code, path, line, column) of every diagnostic, in report order.
fn located(parsed: &wasm_manifests::Parsed) -> Vec<(&'static str, String, usize, usize)> {
    parsed
        .report()
        .iter()
        .map(|d| (d.code, d.path.to_string(), d.span.line, d.span.column))
        .collect()
}

#[test]
fn valid_fixtures_round_trip_through_the_models_own_deserialize() {
    for path in valid_fixtures() {
        let manifest = read(&path);
        let json = serde_json::to_string(&manifest).expect("serializes");
        let again: Manifest = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{}: {e}\n{json}", path.display()));
        assert_eq!(again, manifest, "{}", path.display());
    }
}

#[test]
fn the_same_manifest_in_json_and_toml_gives_the_same_model() {
    let json = read(&fixture("valid", "full.json"));
    let toml = read(&fixture("valid", "full-as-toml.toml"));
    assert_eq!(json, toml);
    assert_eq!(json.wasm.len(), 3);
    assert_eq!(
        json.wasm[1].source,
        WasmSource::Data(b"\0asm\x01\0\0\0".to_vec())
    );
    assert_eq!(
        json.allowed_paths,
        [
            AllowedPath::new("data", "/data"),
            AllowedPath::new("assets", "/assets").read_only()
        ]
    );
}

#[test]
fn several_bad_wasm_entries_are_each_reported_at_their_own_position() {
    let text = r#"{
  "wasm": [
    { "data": "AGFzbQEAAAA", "name": "one" },
    { "path": "two.wasm", "data": "AGFzbQEAAAA=", "name": "two" },
    { "url": "two.example.com/three.wasm", "name": "three", "hash": "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8" },
    { "path": "four.wasm", "name": "main", "hash": "NOT-A-HASH" },
    { "data": { "ptr": 4096, "len": 8 }, "name": "five" }
  ]
}"#;
    let parsed = parse(text);
    assert_eq!(
        located(&parsed),
        [
            ("extism/invalid-base64", "wasm[0].data".to_owned(), 3, 26),
            (
                "extism/invalid-wasm-source",
                "wasm[1].data".to_owned(),
                4,
                27
            ),
            ("extism/invalid-url", "wasm[2].url".to_owned(), 5, 14),
            ("extism/invalid-hash", "wasm[3].hash".to_owned(), 6, 53),
            ("extism/data-pointer", "wasm[4].data".to_owned(), 7, 15),
        ]
    );
    assert!(parsed.report().iter().all(|d| d.help.is_some()));
    // Entries that cannot be represented keep the model from being handed out.
    assert!(parsed.manifest().is_none());
}

#[test]
fn all_mistakes_of_a_manifest_are_reported_in_one_run() {
    let text = r#"{
  "wasm": [{ "path": "a.wasm", "hash": "ABC" }, { "path": "b.wasm", "name": "lib" }],
  "memory": { "max_pages": 70000, "max": 4 },
  "allowedHosts": [],
  "allowed_hosts": ["https://api.example.com"],
  "timeout_ms": -1
}"#;
    let parsed = parse(text);
    let codes: Vec<&str> = parsed.report().iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            "extism/no-main-module",
            "extism/invalid-hash",
            "extism/too-many-pages",
            "unknown-key",
            "unknown-key",
            "extism/host-never-matches",
            "extism/out-of-range",
        ]
    );
    assert_eq!(parsed.report().error_count(), 5);
    assert_eq!(parsed.report().warning_count(), 2);
}

#[test]
fn allowed_hosts_keeps_absent_null_and_empty_apart() {
    let absent = parse(r#"{ "wasm": [{ "path": "a.wasm" }] }"#);
    let null = parse(r#"{ "wasm": [{ "path": "a.wasm" }], "allowed_hosts": null }"#);
    let empty = parse(r#"{ "wasm": [{ "path": "a.wasm" }], "allowed_hosts": [] }"#);

    let hosts = |p: &wasm_manifests::Parsed| extism(p).expect("a manifest").allowed_hosts.clone();
    assert_eq!(hosts(&absent), AllowedHosts::Unset);
    assert_eq!(hosts(&null), AllowedHosts::Null);
    assert_eq!(hosts(&empty), AllowedHosts::List(vec![]));

    // `null` is accepted by the runtime (it denies every host), but warned about.
    let codes: Vec<&str> = null.report().iter().map(|d| d.code).collect();
    assert_eq!(codes, ["extism/null-allowed-hosts"]);
    assert!(absent.report().is_empty() && empty.report().is_empty());

    for parsed in [&absent, &null, &empty] {
        let manifest = extism(parsed).expect("a manifest");
        let json = serde_json::to_string(manifest).expect("serializes");
        // Through the model's Deserialize...
        let again: Manifest = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(&again, manifest, "{json}");
        // ...and through the reader.
        let reread = parse(&json);
        assert_eq!(extism(&reread), Some(manifest), "{json}");
    }
    let null_json = serde_json::to_string(extism(&null).expect("a manifest")).unwrap();
    assert!(null_json.contains(r#""allowed_hosts":null"#), "{null_json}");
}

#[test]
fn data_is_decoded_once_and_written_back_as_base64() {
    let module: Vec<u8> = b"\0asm\x01\0\0\0"
        .iter()
        .copied()
        .chain((0..256 * 1024).map(|i| (i % 251) as u8))
        .collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(&module);
    let text = format!(r#"{{ "wasm": [{{ "data": "{encoded}", "name": "main" }}] }}"#);
    let parsed = parse(&text);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    let manifest = extism(&parsed).expect("a manifest");
    assert_eq!(manifest.wasm[0].source, WasmSource::Data(module));
    let json = serde_json::to_string(manifest).expect("serializes");
    assert!(json.contains(&encoded));
}

#[test]
fn the_pointer_form_of_data_is_never_honoured() {
    let text = r#"{ "wasm": [{ "data": { "ptr": 1, "len": 1000000 } }] }"#;
    let parsed = parse(text);
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(diagnostic.code, "extism/data-pointer");
    assert_eq!(diagnostic.severity, Severity::Error);
    assert!(parsed.manifest().is_none());
    // The model's own Deserialize goes through the same rules, and says why.
    let err = serde_json::from_str::<Manifest>(text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("wasm[0].data: `data` is a memory address"),
        "{err}"
    );
}

#[test]
fn the_seed_req_nesting_gets_the_flattened_entry_as_help() {
    let text = r#"{ "wasm": [{ "req": { "url": "https://example.com/m.wasm", "headers": { "X-Key": "k" } }, "name": "main" }] }"#;
    let parsed = parse(text);
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(diagnostic.code, "extism/nested-request");
    assert_eq!(diagnostic.path.to_string(), "wasm[0].req");
    assert_eq!(
        diagnostic.help.as_deref(),
        Some(
            r#"move `url` and `headers` up into the wasm entry: `{ "url": "https://example.com/m.wasm", "headers": { "X-Key": "k" }, "name": "main" }`"#
        )
    );
    // The help is a valid entry.
    let help = diagnostic.help.as_deref().unwrap_or_default();
    let flat = &help[help.find("`{").unwrap() + 1..help.len() - 1];
    let fixed = parse(&format!(r#"{{ "wasm": [{flat}] }}"#));
    assert!(!fixed.report().has_errors(), "{}", fixed.report());
}

#[test]
fn the_main_module_is_the_one_the_runtime_picks() {
    let lib = || Wasm::path("lib.wasm").with_name("lib");
    let only = Manifest::new([Wasm::path("x.wasm").with_name("x")]);
    assert_eq!(only.main_module(), only.wasm.first());
    let renamed_last = Manifest::new([lib(), Wasm::path("app.wasm").with_name("app")]);
    assert_eq!(renamed_last.main_module(), renamed_last.wasm.get(1));
    let unnamed = Manifest::new([Wasm::path("app.wasm"), lib()]);
    assert_eq!(unnamed.main_module(), unnamed.wasm.first());
    let explicit = Manifest::new([lib(), Wasm::path("m.wasm").with_name("main"), lib()]);
    assert_eq!(explicit.main_module(), explicit.wasm.get(1));
    assert_eq!(Manifest::default().main_module(), None);

    // The reader warns and names the module it picks.
    let parsed = parse(
        r#"{ "wasm": [{ "path": "lib.wasm", "name": "lib" }, { "path": "app.wasm", "name": "app" }] }"#,
    );
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(diagnostic.code, "extism/no-main-module");
    assert_eq!(diagnostic.severity, Severity::Warning);
    assert!(
        diagnostic.message.contains("`app`"),
        "{}",
        diagnostic.message
    );
}

#[test]
fn a_model_built_in_code_serializes_to_a_manifest_the_reader_accepts() {
    let manifest = Manifest::new([
        Wasm::path("lib.wasm").with_name("lib"),
        Wasm::http(
            HttpRequest::new("https://example.com/app.wasm")
                .with_header("Authorization", "Bearer x")
                .with_method("GET"),
        )
        .with_name("main")
        .with_hash("15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8"),
    ]);
    let json = serde_json::to_string(&manifest).expect("serializes");
    let parsed = parse(&json);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    assert_eq!(extism(&parsed), Some(&manifest));
}

#[test]
fn from_str_refuses_errors_and_accepts_warnings() {
    let err = r#"{ "wasm": [] }"#.parse::<Manifest>().unwrap_err();
    assert!(err.to_string().contains("extism/no-wasm"), "{err}");
    let ok: Manifest = r#"{ "wasm": [{ "path": "a.wasm" }], "timeout_ms": 0 }"#
        .parse()
        .expect("a warning does not refuse the manifest");
    assert_eq!(ok.timeout_ms, Some(0));
}

#[test]
fn strict_mode_turns_extism_warnings_into_errors() {
    let text = r#"{ "wasm": [{ "path": "a.wasm" }], "allowed_hosts": ["*"] }"#;
    assert!(!parse(text).report().has_errors());
    let strict = Options::new().strict(true).parse(text, Format::Extism);
    assert!(strict.report().has_errors());
    assert_eq!(
        strict.report().diagnostics()[0].code,
        "extism/allows-all-hosts"
    );
}

#[test]
fn truncated_and_mangled_manifests_never_panic() {
    for path in valid_fixtures() {
        let text = std::fs::read_to_string(&path).expect("readable");
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = parse(&text[..end]);
        }
        // Every byte replaced by characters that often break parsers.
        for (i, _) in text.char_indices().step_by(7) {
            for replacement in ["\"", "{", "]", "\\", "\u{0}", "é", "-1", "null"] {
                let mut mangled = text.clone();
                let end = i + text[i..].chars().next().map_or(0, char::len_utf8);
                mangled.replace_range(i..end, replacement);
                let _ = parse(&mangled);
            }
        }
    }
}

#[test]
fn non_ascii_text_in_checked_values_never_panics() {
    let values = [
        "sha256\u{e9}15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8",
        "http:a\u{e9}",
        "http://\u{e9}x.example/\u{e9}",
        "\u{e9}\u{e9}[\u{e9}",
        "[\u{e9}",
        "GET\u{e9}",
        "\u{e9}",
        "AGFz\u{e9}bQ==",
        "",
    ];
    for value in values {
        let value = serde_json::to_string(value).unwrap();
        for template in [
            r#"{ "wasm": [{ "path": "a.wasm", "hash": V }] }"#,
            r#"{ "wasm": [{ "url": V }] }"#,
            r#"{ "wasm": [{ "url": "https://a.example/m.wasm", "method": V, "headers": { V: V } }] }"#,
            r#"{ "wasm": [{ "data": V }] }"#,
            r#"{ "wasm": [{ "req": { "url": V } }], "allowed_hosts": [V], "allowed_paths": { V: V } }"#,
        ] {
            let text = template.replace('V', &value);
            let parsed = parse(&text);
            let _ = parsed.report().render();
        }
    }
    // The insecure-URL help is built from the parsed URL, whatever was written.
    let parsed = parse(
        r#"{ "wasm": [{ "url": "http:aé.example/m.wasm", "hash": "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8" }] }"#,
    );
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(diagnostic.code, "extism/insecure-url");
    assert_eq!(
        diagnostic.help.as_deref(),
        Some("use `https://xn--a-bga.example/m.wasm`")
    );
}

#[test]
fn the_extism_codes_are_documented() {
    let docs: Vec<_> = wasm_manifests::codes::all()
        .filter(|d| d.code.starts_with("extism/"))
        .collect();
    assert!(docs.len() >= 20);
    for doc in docs {
        assert!(
            doc.severity == "error" || doc.severity == "warning",
            "{}",
            doc.code
        );
        for text in [doc.summary, doc.why, doc.example, doc.fix] {
            assert!(!text.trim().is_empty(), "{}", doc.code);
        }
    }
}

#[test]
fn the_model_also_serializes_to_toml_that_reads_back_the_same() {
    let manifest = read(&fixture("valid", "full.json"));
    let toml = toml::to_string(&manifest).expect("serializes to TOML");
    let parsed = parse(&toml);
    assert!(parsed.report().is_empty(), "{toml}\n{}", parsed.report());
    assert_eq!(extism(&parsed), Some(&manifest), "{toml}");
}

#[test]
fn module_names_are_resolved_the_same_in_short_and_long_lists() {
    // `pad` named modules, then an unnamed one (called `main`), a repeat of
    // the first name, and a last module that keeps its name because `main`
    // is taken.
    for pad in [2, 20, 200] {
        let mut entries: Vec<String> = (0..pad)
            .map(|i| format!(r#"{{ "path": "m{i}.wasm", "name": "m{i}" }}"#))
            .collect();
        entries.push(r#"{ "path": "app.wasm" }"#.to_owned());
        entries.push(r#"{ "path": "again.wasm", "name": "m0" }"#.to_owned());
        entries.push(r#"{ "path": "x.wasm", "name": "x" }"#.to_owned());
        let text = format!(r#"{{ "wasm": [{}] }}"#, entries.join(", "));
        let parsed = parse(&text);
        let found: Vec<(&str, String, Vec<String>)> = parsed
            .report()
            .iter()
            .map(|d| {
                let labels = d.labels.iter().map(|l| l.message.clone()).collect();
                (d.code, d.path.to_string(), labels)
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "extism/no-main-module",
                    format!("wasm[{pad}]"),
                    Vec::<String>::new()
                ),
                (
                    "extism/duplicate-module",
                    format!("wasm[{}].name", pad + 1),
                    vec!["`m0` is first given here".to_owned()]
                ),
            ],
            "{pad} modules before"
        );
        let duplicate = &parsed.report().diagnostics()[1];
        let first = text.find(r#""m0""#).expect("the first name");
        assert_eq!(
            duplicate.labels[0].span.start, first,
            "{pad} modules before"
        );
    }
}

#[test]
fn the_insecure_url_help_is_the_same_url_over_https() {
    for (url, secure) in [
        ("http://example.com/m.wasm", "https://example.com/m.wasm"),
        ("HTTP://Example.COM", "https://example.com/"),
        ("http://example.com:80/m.wasm", "https://example.com/m.wasm"),
        (
            "http://example.com:443/m.wasm",
            "https://example.com/m.wasm",
        ),
        (
            "http://example.com:8080/m.wasm",
            "https://example.com:8080/m.wasm",
        ),
        (
            "http://user:pw@example.com/a/../m.wasm?x=1#f",
            "https://user:pw@example.com/m.wasm?x=1#f",
        ),
    ] {
        let text = format!(
            r#"{{ "wasm": [{{ "url": {}, "hash": "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8" }}] }}"#,
            serde_json::to_string(url).unwrap()
        );
        let parsed = parse(&text);
        let diagnostic = &parsed.report().diagnostics()[0];
        assert_eq!(diagnostic.code, "extism/insecure-url", "{url}");
        assert_eq!(
            diagnostic.help.as_deref(),
            Some(format!("use `{secure}`").as_str()),
            "{url}"
        );
    }
}
