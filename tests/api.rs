//! The public API as a library user meets it.

use std::str::FromStr;

use wasm_manifests::{Format, Manifest, Severity, wasmer};

const VALID: &str = r#"[package]
name = "acme/tool"
version = "1.2.3"
description = "A tool"

[dependencies]
"wasmer/python" = "^3.12"

[[module]]
name = "tool"
source = "tool.wasm"
abi = "wasi"

[[command]]
name = "tool"
module = "tool"
runner = "wasi"

[command.annotations.wasi]
env = ["A=1"]
"#;

#[test]
fn typed_manifest_from_str() {
    let manifest = wasmer::Manifest::from_str(VALID).unwrap();
    let package = manifest.package.as_ref().unwrap();
    assert_eq!(package.version, Some(semver::Version::new(1, 2, 3)));
    assert_eq!(manifest.dependencies["wasmer/python"].to_string(), "^3.12");
    assert_eq!(manifest.module("tool").unwrap().abi, wasmer::Abi::Wasi);
    let wasmer::Command::V2(command) = manifest.command("tool").unwrap() else {
        panic!("a command with a runner is a V2 command");
    };
    let Some(wasmer::CommandAnnotations::Inline(annotations)) = &command.annotations else {
        panic!("inline annotations expected");
    };
    assert_eq!(
        annotations.wasi.as_ref().unwrap().env.as_deref(),
        Some(&["A=1".to_owned()][..])
    );
}

#[test]
fn from_str_refuses_errors_and_displays_the_report() {
    let text = VALID.replace("module = \"tool\"", "module = \"tol\"");
    let err = wasmer::Manifest::from_str(&text).unwrap_err();
    let shown = err.to_string();
    assert!(shown.starts_with("<input> has 1 error:"), "{shown}");
    assert!(shown.contains("error[wasmer/unknown-module]"), "{shown}");
    assert!(shown.contains("did you mean `tool`?"), "{shown}");
}

#[test]
fn the_model_deserializes_with_serde_too() {
    // The model's own serde impls read the same manifest (choosing command
    // and bindings forms by their keys).
    let ours = wasmer::Manifest::from_str(VALID).unwrap();
    let via_serde: wasmer::Manifest = toml::from_str(VALID).unwrap();
    assert_eq!(ours, via_serde);
    let written = toml::to_string(&ours).unwrap();
    assert_eq!(wasmer::Manifest::from_str(&written).unwrap(), ours);
}

#[test]
fn a_bad_command_does_not_hide_a_duplicate_module() {
    let text = r#"
[[module]]
name = "m"
source = "a.wasm"
abi = "wasi"

[[module]]
name = "m"
source = "b.wasm"
abi = "wasi"

[[command]]
name = "c"
module = "m"
runner = ["wasi"]
"#;
    let parsed = wasm_manifests::parse(text, Format::Wasmer);
    let codes: Vec<_> = parsed.report().iter().map(|d| d.code).collect();
    assert_eq!(codes, ["wasmer/duplicate-module", "wrong-type"]);
    let dup = &parsed.report().diagnostics()[0];
    assert_eq!(dup.path.to_string(), "module[1].name");
    assert_eq!((dup.span.line, dup.span.column), (8, 8));
    assert_eq!(dup.labels[0].message, "first defined here");
    assert_eq!(dup.labels[0].span.line, 3);
    // The wrong type means the manifest cannot be built.
    assert!(parsed.manifest().is_none());
}

#[test]
fn semantic_errors_still_give_a_manifest() {
    let text = VALID.replace(
        "version = \"1.2.3\"",
        "version = \"1.2.3\"\nentrypoint = \"nope\"",
    );
    let parsed = wasm_manifests::parse(&text, Format::Wasmer);
    assert!(parsed.report().has_errors());
    assert!(matches!(parsed.manifest(), Some(Manifest::Wasmer(_))));
    assert!(parsed.into_result().is_err());
}

#[test]
fn report_serializes_to_json() {
    let parsed = wasm_manifests::parse(
        "[package]\nname = \"tool\"\nversion = \"1.0\"\n",
        Format::Wasmer,
    );
    let json = parsed.report().to_json();
    assert_eq!(json, serde_json::to_value(parsed.report()).unwrap());
    assert_eq!(json["version"], wasm_manifests::Report::JSON_VERSION);
    assert_eq!(json["file"], "<input>");
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let version = diagnostics
        .iter()
        .find(|d| d["code"] == "wasmer/invalid-version")
        .unwrap();
    assert_eq!(version["severity"], "error");
    assert_eq!(version["path"], "package.version");
    assert_eq!(version["span"]["line"], 3);
    assert_eq!(version["span"]["column"], 11);
    assert_eq!(version["span"]["start"], 34);
    assert_eq!(version["span"]["end"], 39);
    assert_eq!(version["help"], "write all three numbers: `\"1.0.0\"`");
    assert!(version.get("labels").is_none(), "empty labels are omitted");
    assert!(version.get("note").is_none(), "absent notes are omitted");
    assert_eq!(
        version["url"],
        "https://github.com/wasm-manifests/wasm-manifests/blob/main/docs/codes.md#wasmer-invalid-version"
    );
}

#[test]
fn diagnostics_are_sorted_by_position() {
    let text = "[[command]]\nname = \"b\"\nmodule = \"x\"\nrunner = \"wasi\"\n\n[package]\nname = \"bad name\"\n";
    let parsed = wasm_manifests::parse(text, Format::Wasmer);
    let starts: Vec<usize> = parsed.report().iter().map(|d| d.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    assert!(starts.len() >= 2);
}

#[test]
fn rendering_points_at_the_value() {
    let parsed = wasm_manifests::parse(
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"emscripten\"\n",
        Format::Wasmer,
    );
    let text = parsed.report().render();
    let expected = "error[wasmer/invalid-abi]: unknown ABI `emscripten`
 --> <input>:4:7
  |
4 | abi = \"emscripten\"
  |       ^^^^^^^^^^^^
  |
  = help: emscripten support was removed from Wasmer: build the module for WASI and use `abi = \"wasi\"`

";
    assert_eq!(text, expected);
    assert!(
        parsed.report().render_styled().contains("\u{1b}["),
        "styled output has colours"
    );
}

#[test]
fn parse_file_detects_the_format_and_names_the_file() {
    let dir = std::env::temp_dir().join(format!("wasm-manifests-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let path = dir.join("wasmer.toml");
    std::fs::write(
        &path,
        "[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n",
    )
    .unwrap();
    let parsed = wasm_manifests::parse_file(&path).unwrap();
    assert_eq!(parsed.format(), Format::Wasmer);
    assert_eq!(parsed.report().origin(), path.display().to_string());
    assert!(
        parsed
            .report()
            .render()
            .contains(&format!("--> {}:2:8", path.display()))
    );

    // A name that says nothing: the content decides.
    let other = dir.join("package.toml");
    std::fs::write(
        &other,
        "[[command]]\nname = \"a\"\nmodule = \"dep/x:y\"\nrunner = \"wasi\"\n",
    )
    .unwrap();
    assert_eq!(
        wasm_manifests::parse_file(&other).unwrap().format(),
        Format::Wasmer
    );

    // Neither name nor content: an error that says what was found, and a
    // help listing what was looked for.
    let unknown = dir.join("notes.toml");
    std::fs::write(&unknown, "title = \"not a manifest\"\n").unwrap();
    let err = wasm_manifests::parse_file(&unknown).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "`{}` is not a manifest: its only top-level key (`title`) belongs to no manifest format",
            unknown.display()
        )
    );
    let wasm_manifests::Error::UnknownFormat(detect) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(detect.path(), unknown.display().to_string());
    for expected in [
        "wasmer.toml",
        "spin.toml",
        "manifest.toml",
        "flow-like.toml",
        "[[module]]",
        "spin_manifest_version",
        "`wasm`",
        "manifest_version",
    ] {
        assert!(
            detect.help().contains(expected),
            "{} lacks {expected}",
            detect.help()
        );
    }

    let missing = wasm_manifests::parse_file(dir.join("absent.toml")).unwrap_err();
    assert!(matches!(missing, wasm_manifests::Error::Io { .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn detection_knows_all_four_formats() {
    use std::path::Path;
    let by_name = [
        ("wasmer.toml", Format::Wasmer),
        ("a/b/spin.toml", Format::Spin),
        ("manifest.toml", Format::FlowLike),
        ("flow-like.toml", Format::FlowLike),
        ("plugin.json", Format::Extism),
        ("PLUGIN.JSON", Format::Extism),
    ];
    for (name, format) in by_name {
        assert_eq!(
            Format::from_file_name(Path::new(name)),
            Some(format),
            "{name}"
        );
    }
    let by_content = [
        ("[package]\nname = \"a/b\"", Format::Wasmer),
        ("[[module]]\nname = \"m\"", Format::Wasmer),
        ("spin_manifest_version = \"1\"", Format::Spin),
        ("spin_version = \"1\"", Format::Spin),
        ("{\"wasm\": []}", Format::Extism),
        ("[[wasm]]\npath = \"a.wasm\"", Format::Extism),
        (
            "manifest_version = 1\n[[nodes]]\nid = \"n\"",
            Format::FlowLike,
        ),
    ];
    for (text, format) in by_content {
        assert_eq!(Format::from_content(text), Some(format), "{text}");
    }
    assert_eq!(Format::from_content("[server]\nport = 80"), None);
    // A Cargo.toml also has [package] and [dependencies], but no
    // `namespace/name` and no Wasmer-only key.
    let cargo = "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n";
    assert_eq!(Format::from_content(cargo), None);
    assert_eq!(
        Format::from_content("[dependencies]\n\"wasmer/python\" = \"^3\""),
        Some(Format::Wasmer)
    );
    assert_eq!("flow-like".parse::<Format>(), Ok(Format::FlowLike));
    assert!("cargo".parse::<Format>().is_err());
}

#[test]
fn every_code_is_documented_once() {
    let mut seen = std::collections::HashSet::new();
    for doc in wasm_manifests::codes::all() {
        assert!(seen.insert(doc.code), "{} documented twice", doc.code);
        assert!(
            doc.code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/'),
            "{}",
            doc.code
        );
        for field in [doc.summary, doc.why, doc.example, doc.fix] {
            assert!(!field.trim().is_empty(), "{} has an empty field", doc.code);
        }
        assert!(
            doc.severity.starts_with("error") || doc.severity.starts_with("warning"),
            "{}",
            doc.code
        );
        assert!(doc.to_markdown().contains("## Fix"));
    }
    assert!(wasm_manifests::codes::find("unknown-key").is_some());
    assert!(wasm_manifests::codes::find("no-such-code").is_none());
    let _ = Severity::Error;
}

#[test]
fn deserialize_refuses_what_parse_reports_as_an_error() {
    use wasm_manifests::wasmer;
    let valid = "[package]\nname = \"me/tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n\n[[command]]\nname = \"m\"\nmodule = \"m\"\nrunner = \"wasi\"\n";
    let from_serde: wasmer::Manifest =
        toml::from_str(valid).expect("a valid manifest deserializes");
    let from_parse: wasmer::Manifest = valid.parse().expect("and parses");
    assert_eq!(from_serde, from_parse);

    for (broken, expected) in [
        (valid.replace("me/tool", "me/1 tool"), "package.name"),
        (
            valid.replace("module = \"m\"", "module = \"nope\""),
            "command[0].module",
        ),
        (
            valid.replace("abi = \"wasi\"", "abi = \"emscripten\""),
            "module[0].abi",
        ),
    ] {
        let error = toml::from_str::<wasmer::Manifest>(&broken)
            .expect_err("an error of parse is an error of Deserialize");
        assert!(error.to_string().contains(expected), "{error}");
        assert!(
            wasm_manifests::parse(&broken, wasm_manifests::Format::Wasmer)
                .report()
                .has_errors()
        );
    }
    // A warning (an unknown key, which Wasmer ignores) does not refuse it.
    let warned = valid.replace("[package]\n", "[package]\ncolour = \"red\"\n");
    assert!(toml::from_str::<wasmer::Manifest>(&warned).is_ok());
}

#[test]
fn inline_suppressions_silence_their_line_or_the_whole_file() {
    let text = "# Allowed for the whole file: the comment is above the first table.\n# wasm-manifests: allow(wasmer/package-name-without-namespace)\n\n[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"A tool\"\nrepository = \"internal\"  # wasm-manifests: allow(invalid-url)\ncolour = \"red\"  # wasm-manifests: allow(unknown-key, suspicious)\n";
    let parsed = wasm_manifests::parse(text, Format::Wasmer);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    // Without the comments, the same manifest has three warnings.
    let bare: String = text
        .lines()
        .map(|l| l.split("  #").next().unwrap_or(l))
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let codes: Vec<&str> = wasm_manifests::parse(&bare, Format::Wasmer)
        .report()
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(
        codes,
        [
            "wasmer/package-name-without-namespace",
            "invalid-url",
            "unknown-key"
        ]
    );
    // A suppression on another line does not apply.
    let moved = text.replace(
        "\"internal\"  # wasm-manifests: allow(invalid-url)",
        "\"internal\"\n# wasm-manifests: allow(invalid-url)",
    );
    let codes: Vec<&str> = wasm_manifests::parse(&moved, Format::Wasmer)
        .report()
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["invalid-url", "unused-suppression"]);
}

#[test]
fn severity_settings_apply_in_order_and_to_verification() {
    use wasm_manifests::{Options, Selector};
    let text = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\ncolour = 1\n\n[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n";
    let codes = |options: &Options| -> Vec<(String, &'static str)> {
        options
            .parse(text, Format::Wasmer)
            .report()
            .iter()
            .map(|d| (d.severity.to_string(), d.code))
            .collect()
    };
    let default = codes(&Options::new());
    assert_eq!(
        default,
        [
            (
                "warning".to_owned(),
                "wasmer/package-name-without-namespace"
            ),
            ("warning".to_owned(), "unknown-key")
        ]
    );
    let sel = |s: &str| s.parse::<Selector>().unwrap();
    // A format prefix, then a code: the later setting wins for that code.
    let options = Options::new()
        .allow(sel("wasmer/"))
        .deny(sel("wasmer/package-name-without-namespace"));
    assert_eq!(
        codes(&options),
        [
            ("error".to_owned(), "wasmer/package-name-without-namespace"),
            ("warning".to_owned(), "unknown-key")
        ]
    );
    // A category; strict turns what is left into errors.
    let options = Options::new().allow(sel("suspicious")).strict(true);
    assert_eq!(
        codes(&options),
        [("error".to_owned(), "wasmer/package-name-without-namespace")]
    );
    // Unreadable input stays an error whatever the settings.
    let broken = Options::new()
        .allow(sel("all"))
        .parse("[package\n", Format::Wasmer);
    assert!(broken.report().has_errors());

    // Verification diagnostics follow the same settings.
    let dir = std::env::temp_dir().join(format!("wasm-manifests-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("wasmer.toml"), text).unwrap();
    let mut parsed = Options::new()
        .allow(sel("suspicious"))
        .deny(sel("verify/"))
        .parse_file(dir.join("wasmer.toml"))
        .unwrap();
    parsed.verify(&dir);
    let verify: Vec<_> = parsed
        .report()
        .iter()
        .filter(|d| d.code.starts_with("verify/"))
        .collect();
    assert!(
        !verify.is_empty()
            && verify
                .iter()
                .all(|d| d.severity == wasm_manifests::Severity::Error)
    );
    let mut parsed = Options::new()
        .allow(sel("verify"))
        .parse_file(dir.join("wasmer.toml"))
        .unwrap();
    parsed.verify(&dir);
    assert!(
        parsed
            .report()
            .iter()
            .all(|d| !d.code.starts_with("verify/"))
    );
    std::fs::remove_dir_all(&dir).ok();
    assert!("no-such-code".parse::<Selector>().is_err());
}

#[test]
fn renamed_codes_keep_their_former_names() {
    let doc =
        wasm_manifests::codes::find("flow-like/all-hosts-allowed").expect("the old name is found");
    assert_eq!(doc.code, "flow-like/allows-all-hosts");
    let selector: wasm_manifests::Selector = "flow-like/all-hosts-allowed".parse().unwrap();
    assert!(selector.matches("flow-like/allows-all-hosts"));
    // One name for one idea across formats; the old names still work.
    for (old, new) in [
        ("extism/allow-all-hosts", "extism/allows-all-hosts"),
        ("extism/duplicate-module-name", "extism/duplicate-module"),
    ] {
        assert_eq!(wasm_manifests::codes::find(old).map(|d| d.code), Some(new));
    }
}

#[test]
fn every_code_has_a_constant_and_every_constant_a_rule() {
    use wasm_manifests::codes;
    let constants: Vec<&str> = [
        codes::shared::ALL,
        codes::wasmer::ALL,
        codes::spin::ALL,
        codes::extism::ALL,
        codes::flow_like::ALL,
        codes::verify::ALL,
        codes::config::ALL,
    ]
    .concat();
    let documented: Vec<&str> = codes::all().map(|d| d.code).collect();
    let mut a = constants.clone();
    let mut b = documented.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b, "src/code_names.rs and the rules disagree");
}
