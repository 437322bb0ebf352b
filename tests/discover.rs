//! Telling manifests from other files: `classify`, `Format::detect`,
//! `Format::from_content` and `parse_file` decide the same way, by name and
//! then by content, and never let a broken manifest pass for something else.

use std::path::{Path, PathBuf};

use wasm_manifests::{Candidate, Format, classify};

fn not_a_manifest(name: &str, text: &str) -> String {
    match classify(name, text.as_bytes()) {
        Candidate::NotAManifest { reason } => reason,
        other => panic!("{name} should not be a manifest: {other:?}\n{text}"),
    }
}

/// A temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("wasm-manifests-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create folder");
        Self(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn wasmer_toml_without_namespace_is_recognised_by_its_content() {
    let package = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\n";
    for rest in [
        "\n[[module]]\nname = \"tool\"\nsource = \"tool.wasm\"\n",
        "\n[[command]]\nname = \"tool\"\nmodule = \"tool\"\nrunner = \"wasi\"\n",
        "\n[fs]\n\"/data\" = \"data\"\n",
        "entrypoint = \"tool\"\n",
        "private = true\n",
        "wasmer-extra-flags = \"--net\"\n",
        "\n[dependencies]\n\"python/python\" = \"^3.12\"\n",
    ] {
        let text = format!("{package}{rest}");
        assert_eq!(
            classify("tool.toml", text.as_bytes()),
            Candidate::Manifest(Format::Wasmer),
            "{text}"
        );
        assert_eq!(Format::from_content(&text), Some(Format::Wasmer), "{text}");
        assert_eq!(
            Format::detect(Path::new("tool.toml"), &text),
            Ok(Format::Wasmer)
        );
    }
    // A namespaced dependency given as a table is still Wasmer's.
    let text = "[package]\nname = \"a/b\"\nversion = \"1.0.0\"\n[dependencies]\n\"wasmer/bash\" = { version = \"1\" }\n";
    assert_eq!(Format::from_content(text), Some(Format::Wasmer));
}

#[test]
fn cargo_manifests_are_not_manifests() {
    let cases = [
        (
            "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n",
            "it looks like a Rust package's `Cargo.toml` (`edition` in `[package]`)",
        ),
        (
            "[package]\nname = \"tool\"\nversion = \"0.1.0\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[[bin]]\nname = \"tool\"\n",
            "it looks like a Rust package's `Cargo.toml` (`[lib]` and `[[bin]]`)",
        ),
        (
            "[workspace]\nmembers = [\"a\", \"b\"]\n",
            "it looks like a Rust package's `Cargo.toml` (`[workspace]`)",
        ),
        (
            "[package]\nname = \"tool\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n",
            "it looks like a Rust package's `Cargo.toml` (the dependency table `serde`)",
        ),
        // Something Wasmer-like in a Cargo manifest does not make it a wasmer.toml.
        (
            "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[[module]]\nname = \"x\"\n",
            "it looks like a Rust package's `Cargo.toml` (`edition` in `[package]`), although `[[module]]` would suit a wasmer.toml",
        ),
    ];
    for (text, reason) in cases {
        assert_eq!(not_a_manifest("tool.toml", text), reason, "{text}");
        assert_eq!(Format::from_content(text), None);
    }
    // The name alone says so, whatever the content.
    assert_eq!(
        not_a_manifest("Cargo.toml", "[[module]]\nname = \"m\"\n"),
        "a file named `Cargo.toml` describes a Rust package"
    );
    // This project's own manifests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in ["Cargo.toml", "cli/Cargo.toml", "conformance/Cargo.toml"] {
        let text = std::fs::read_to_string(root.join(path)).expect("read");
        let reason = not_a_manifest("copy.toml", &text);
        assert!(
            reason.starts_with("it looks like a Rust package's `Cargo.toml`"),
            "{path}: {reason}"
        );
    }
}

#[test]
fn the_configuration_file_is_not_a_manifest() {
    // Whatever it holds, even the keys of a manifest.
    for text in [
        "deny = [\"security\"]\n",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n",
    ] {
        assert_eq!(
            not_a_manifest("app/wasm-manifests.toml", text),
            "a file named `wasm-manifests.toml` is the configuration of wasm-manifests"
        );
    }
}

#[test]
fn an_ambiguous_package_says_what_it_has_and_what_is_missing() {
    let text = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[dependencies]\nfoo = \"1\"\n";
    let err = Format::detect(Path::new("tool.toml"), text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`tool.toml` is not a manifest: `[package]` (with `name`, `version` and `description`) \
         and `[dependencies]` could belong to a wasmer.toml or to a Rust package's `Cargo.toml`, \
         and nothing in it is Wasmer's own (`[[module]]`, `[[command]]`, `[fs]`, a \
         `namespace/name` package or dependency, `entrypoint`)"
    );
    assert_eq!(err.path(), "tool.toml");
    assert!(err.reason().starts_with("`[package]`"));
}

#[test]
fn json_without_extism_keys_is_not_a_manifest() {
    let dir = TempDir::new("discover-json");
    let package = dir.write(
        "package.json",
        br#"{"name": "app", "version": "1.0.0", "scripts": {"build": "tsc"}, "dependencies": {}}"#,
    );
    let err = wasm_manifests::parse_file(&package).unwrap_err();
    assert!(
        matches!(err, wasm_manifests::Error::UnknownFormat(_)),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "`{}` is not a manifest: it is JSON without the `wasm` key of an Extism manifest \
             (its keys: `name`, `version`, `scripts` and `dependencies`)",
            package.display()
        )
    );
    let tsconfig = dir.write("tsconfig.json", br#"{"compilerOptions": {"strict": true}}"#);
    assert!(matches!(
        wasm_manifests::parse_file(&tsconfig),
        Err(wasm_manifests::Error::UnknownFormat(_))
    ));
    // A JSON document shaped like a wasmer.toml: only Extism is JSON.
    assert_eq!(
        not_a_manifest(
            "model.json",
            r#"{"package": {"name": "a/b"}, "module": []}"#
        ),
        "it is JSON without the `wasm` key of an Extism manifest (its keys: `package` and `module`)"
    );
    assert_eq!(Format::from_content(r#"{"module": []}"#), None);
    assert_eq!(
        not_a_manifest("list.json", "[1, 2, 3]"),
        "it is a JSON array, while an Extism manifest is an object"
    );
    // An Extism manifest is read whatever its file is called.
    let plugin = dir.write("anything.json", br#"{"wasm": [{"path": "p.wasm"}]}"#);
    let parsed = wasm_manifests::parse_file(&plugin).expect("an Extism manifest");
    assert_eq!(parsed.format(), Format::Extism);
}

#[test]
fn manifest_names_decide_whatever_the_content() {
    let dir = TempDir::new("discover-names");
    for (name, format) in [
        ("wasmer.toml", Format::Wasmer),
        ("spin.toml", Format::Spin),
        ("manifest.toml", Format::FlowLike),
        ("flow-like.toml", Format::FlowLike),
    ] {
        for content in [&b""[..], b"title = \"x\"\n", b"{\"name\": 1}", b"\0asm"] {
            assert_eq!(
                classify(name, content),
                Candidate::Manifest(format),
                "{name}"
            );
        }
        // Read as that format: its problems are diagnostics, not a refusal.
        let path = dir.write(name, b"title = \"x\"\n");
        let parsed = wasm_manifests::parse_file(&path).expect("read as its format");
        assert_eq!(parsed.format(), format);
        assert!(parsed.report().has_errors() || !parsed.report().is_empty());
    }
}

#[test]
fn broken_manifests_are_broken_not_skipped() {
    let cases: [(&str, &str, Format); 7] = [
        (
            "plugin.json",
            r#"{"wasm": [{"path": "a.wasm"},]}"#,
            Format::Extism,
        ),
        (
            "plugin.json",
            "{\n  // the plug-in\n  \"wasm\": [{\"path\": \"a.wasm\"}]\n}",
            Format::Extism,
        ),
        (
            "cut.json",
            r#"{"memory": {"max_pages": 4}, "wasm": [{"pa"#,
            Format::Extism,
        ),
        (
            "app.toml",
            "spin_manifest_version = \"1\"\nname = \"app\nversion = \"1.0.0\"\n",
            Format::Spin,
        ),
        (
            "node.toml",
            "manifest_version = 1\nid = com.example.node\n",
            Format::FlowLike,
        ),
        (
            "tool.toml",
            "[package\nname = \"tool\"\n\n[[module]]\nname = \"tool\"\nsource = \"tool.wasm\"\n",
            Format::Wasmer,
        ),
        (
            "tool.toml",
            "[[command]\nname = \"tool\"\nmodule = \"tool\"\n",
            Format::Wasmer,
        ),
    ];
    for (name, text, format) in cases {
        let candidate = classify(name, text.as_bytes());
        let Candidate::Broken {
            format: found,
            reason,
        } = &candidate
        else {
            panic!("{name}: {candidate:?}\n{text}");
        };
        assert_eq!(*found, format, "{text}");
        assert!(
            reason.starts_with("invalid JSON: ") || reason.starts_with("invalid TOML: "),
            "{reason}"
        );
        assert_eq!(Format::from_content(text), Some(format), "{text}");
    }

    // Reading one reports the syntax error, with its position.
    let dir = TempDir::new("discover-broken");
    let path = dir.write("plugin.json", br#"{"wasm": [{"path": "a.wasm"},]}"#);
    let parsed = wasm_manifests::parse_file(&path).expect("read as Extism");
    let codes: Vec<&str> = parsed.report().iter().map(|d| d.code).collect();
    assert_eq!(codes, ["syntax-error"]);

    // Text that is not UTF-8 but is plainly a wasmer.toml.
    let latin1 = b"[package]\nname = \"acme/caf\xe9\"\nversion = \"1.0.0\"\n";
    assert_eq!(
        classify("tool.toml", latin1),
        Candidate::Broken {
            format: Format::Wasmer,
            reason: "it is not valid UTF-8 (byte 26)".to_owned()
        }
    );
}

#[test]
fn broken_text_without_telltales_is_not_a_manifest() {
    assert_eq!(
        not_a_manifest("settings.json", r#"{"name": "wasm", "debug": true,}"#),
        "it is not valid JSON (trailing comma at line 1 column 32), and has no `wasm` key, \
         which an Extism manifest has"
    );
    assert_eq!(
        not_a_manifest("pyproject.toml", "[project]\nname = \"x\nversion = \"1\"\n"),
        "it is not valid TOML (line 2: invalid basic string, expected `\"`), and its only \
         top-level key (`[project]`) belongs to no manifest format"
    );
    assert_eq!(
        not_a_manifest("notes.toml", "title = \"caf\u{e9}\"\n").len(),
        not_a_manifest("notes.toml", "title = \"cafe\"\n").len()
    );
    assert_eq!(
        not_a_manifest("notes.toml", "\u{feff}  \n\t"),
        "the file is empty"
    );
}

#[test]
fn standard_input_is_read_by_content() {
    // No name: the content decides, JSON or TOML.
    assert_eq!(
        classify("", br#"{"wasm": []}"#),
        Candidate::Manifest(Format::Extism)
    );
    assert_eq!(
        classify("", b"[[wasm]]\npath = \"a.wasm\"\n"),
        Candidate::Manifest(Format::Extism)
    );
    assert_eq!(
        classify("", b"spin_manifest_version = \"1\"\n"),
        Candidate::Manifest(Format::Spin)
    );
}

#[test]
fn nothing_panics_on_odd_input() {
    let deep_json = "[".repeat(100_000);
    let deep_toml = format!("a = {}", "[".repeat(100_000));
    let inputs: Vec<Vec<u8>> = vec![
        deep_json.into_bytes(),
        deep_toml.into_bytes(),
        b"\"".to_vec(),
        b"{\"\\".to_vec(),
        b"{/*".to_vec(),
        b"{\"wasm\"".to_vec(),
        b"[[".to_vec(),
        b"[\"\xff\"]".to_vec(),
        vec![0xef, 0xbb, 0xbf],
        "\u{feff}{".into(),
    ];
    for input in inputs {
        for name in ["a.json", "a.toml", ""] {
            let _ = classify(name, &input);
        }
    }
}

/// Every real manifest of `../shared/corpus` is recognised as its format
/// from its content alone (the corpus names are not manifest names), and
/// the pending Spin v2 manifests as Spin.
#[test]
fn corpus_manifests_are_recognised_by_content() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let folders = [
        ("corpus/wasmer", Format::Wasmer),
        ("corpus/spin", Format::Spin),
        ("corpus/extism", Format::Extism),
        ("corpus/flowlike", Format::FlowLike),
        ("corpus-pending/spin-v2", Format::Spin),
    ];
    for (folder, format) in folders {
        let dir = shared.join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("notice: {} is absent; skipping it", dir.display());
            continue;
        };
        let mut seen = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !(name.ends_with(".toml") || name.ends_with(".json")) {
                continue;
            }
            let bytes = std::fs::read(&path).expect("read");
            // The content alone, under a name that says nothing.
            let anonymous = if name.ends_with(".json") {
                "x.json"
            } else {
                "x.toml"
            };
            assert_eq!(
                classify(anonymous, &bytes),
                Candidate::Manifest(format),
                "{}",
                path.display()
            );
            seen += 1;
        }
        assert!(seen > 0, "no manifest in {}", dir.display());
    }
}
