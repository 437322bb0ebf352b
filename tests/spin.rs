//! API-level tests for Spin's `spin.toml` (manifest version 1).

use std::path::{Path, PathBuf};

use wasm_manifests::spin::{
    AppTrigger, BuildCommand, ComponentSource, ComponentTrigger, FileMount, HttpExecutor,
    HttpRoute, Manifest,
};
use wasm_manifests::{Format, Options, Severity};

fn valid_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/spin/valid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("valid fixtures exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "expected several valid fixtures");
    files
}

fn spin_manifest(text: &str) -> Manifest {
    match wasm_manifests::parse(text, Format::Spin).into_result() {
        Ok(wasm_manifests::Manifest::Spin(manifest)) => manifest,
        Ok(other) => panic!("not a Spin manifest: {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

/// (code, path) of every diagnostic.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    wasm_manifests::parse(text, Format::Spin)
        .report()
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.path.to_string()))
        .collect()
}

const HEADER: &str = r#"spin_manifest_version = "1"
name = "app"
version = "0.1.0"
trigger = { type = "http", base = "/" }
"#;

#[test]
fn five_mistakes_in_five_components_are_reported_in_one_run() {
    let text = format!(
        r#"{HEADER}
[variables]
api_host = {{ default = "api.example.com" }}

[[component]]
id = "first.one"
source = "first.wasm"
[component.trigger]
route = "/first"

[[component]]
id = "second"
source = {{ url = "https://example.com/second.wasm", digest = "sha256:1234" }}
[component.trigger]
route = "/second"

[[component]]
id = "third"
source = "third.wasm"
allowed_outbound_hosts = ["api.example.com"]
[component.trigger]
route = "/third"

[[component]]
id = "fourth"
source = "fourth.wasm"
[component.trigger]
route = "/fourth"
[component.config]
url = "https://{{{{ api_hots }}}}"

[[component]]
id = "fifth"
source = "fifth.wasm"
[component.trigger]
route = "/fifth"
executor = {{ type = "wagi", timeout = 30 }}
"#
    );
    let parsed = wasm_manifests::parse(&text, Format::Spin);
    let report = parsed.report();
    let errors: Vec<(&str, String)> = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.path.to_string()))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("spin/invalid-component-id", "component[0].id".to_owned()),
            (
                "spin/invalid-digest",
                "component[1].source.digest".to_owned()
            ),
            (
                "spin/invalid-allowed-outbound-host",
                "component[2].allowed_outbound_hosts[0]".to_owned()
            ),
            (
                "spin/unknown-variable",
                "component[3].config.url".to_owned()
            ),
            (
                "unknown-key",
                "component[4].trigger.executor.timeout".to_owned()
            ),
        ]
    );
    assert_eq!(report.error_count(), 5);
    // Every one of them says how to fix it.
    assert!(report.diagnostics().iter().all(|d| d.help.is_some()));
}

#[test]
fn the_corpus_shapes_read_into_the_model() {
    let manifest = spin_manifest(
        r#"spin_version = "1"
name = "goodbye"
version = "0.1.0"
trigger = { type = "sqs" }

[[component]]
id = "itowlsontest"
source = "target/wasm32-wasi/release/guest.wasm"
[component.trigger]
queue_url = "https://sqs.us-west-2.amazonaws.com/177456779558/itowlsontest"
max_messages = 1
[component.build]
command = "cargo build --target wasm32-wasi --release"
"#,
    );
    let AppTrigger::Plugin(plugin) = &manifest.trigger else {
        panic!("expected a plugin trigger: {:?}", manifest.trigger);
    };
    assert_eq!(plugin.trigger_type, "sqs");
    let component = manifest.component("itowlsontest").expect("component");
    let ComponentTrigger::Plugin(table) = &component.trigger else {
        panic!("expected an opaque trigger table");
    };
    assert_eq!(table.get("max_messages"), Some(&toml::Value::Integer(1)));
    let build = component.build.as_ref().expect("build");
    assert_eq!(
        build.command.commands(),
        ["cargo build --target wasm32-wasi --release"]
    );
}

#[test]
fn http_components_read_into_typed_triggers_and_sources() {
    let manifest = spin_manifest(&format!(
        r#"{HEADER}
[[component]]
id = "fs"
source = {{ url = "https://example.com/fs.wasm", digest = "sha256:650376c33a0756b1a52cad7ca670f1126391b79050df0321407da9c741d32375" }}
files = ["static/*", {{ source = "assets", destination = "/assets" }}]
[component.trigger]
route = "/static/..."
executor = {{ type = "wagi", argv = "${{SCRIPT_NAME}}" }}

[[component]]
id = "internal"
source = {{ package = "acme:internal", version = "1.2.3" }}
[component.trigger]
route = {{ private = true }}
[component.build]
command = ["make deps", "make"]
"#
    ));
    let fs = manifest.component("fs").expect("fs");
    let ComponentSource::Remote(remote) = &fs.source else {
        panic!("expected a remote source");
    };
    assert_eq!(remote.url.host_str(), Some("example.com"));
    assert!(matches!(&fs.files[0], FileMount::Pattern(p) if p == "static/*"));
    assert!(matches!(&fs.files[1], FileMount::Placement(p) if p.destination == "/assets"));
    let ComponentTrigger::Http(trigger) = &fs.trigger else {
        panic!("expected an HTTP trigger");
    };
    assert_eq!(trigger.route, HttpRoute::Path("/static/...".into()));
    let Some(HttpExecutor::Wagi(wagi)) = &trigger.executor else {
        panic!("expected the Wagi executor");
    };
    assert_eq!(wagi.argv.as_deref(), Some("${SCRIPT_NAME}"));

    let internal = manifest.component("internal").expect("internal");
    let ComponentSource::Registry(registry) = &internal.source else {
        panic!("expected a registry source");
    };
    assert_eq!(registry.version, semver::Version::new(1, 2, 3));
    let ComponentTrigger::Http(trigger) = &internal.trigger else {
        panic!("expected an HTTP trigger");
    };
    assert_eq!(trigger.route, HttpRoute::Private);
    let build = internal.build.as_ref().expect("build");
    assert!(matches!(&build.command, BuildCommand::Multiple(c) if c.len() == 2));
}

/// The model's own `Deserialize` reads back what its `Serialize` wrote, in
/// TOML and in JSON, for every valid fixture.
#[test]
fn every_valid_fixture_round_trips_through_serde() {
    for path in valid_fixtures() {
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let manifest = spin_manifest(&text);

        let toml_text = toml::to_string(&manifest).expect("serialize to TOML");
        let from_toml: Manifest = toml::from_str(&toml_text)
            .unwrap_or_else(|e| panic!("{}: {e}\n{toml_text}", path.display()));
        assert_eq!(from_toml, manifest, "{} via TOML", path.display());

        let json = serde_json::to_string(&manifest).expect("serialize to JSON");
        let from_json: Manifest = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{}: {e}\n{json}", path.display()));
        assert_eq!(from_json, manifest, "{} via JSON", path.display());
    }
}

#[test]
fn deserialize_chooses_component_triggers_by_the_app_trigger_type() {
    // A plugin's component trigger may use a key called `route`; it stays
    // an opaque table.
    let manifest: Manifest = toml::from_str(
        r#"spin_manifest_version = "1"
name = "t"
trigger = { type = "cron" }
[[component]]
id = "c"
source = "c.wasm"
[component.trigger]
route = "not http"
cron_expression = "0 * * * * *"
"#,
    )
    .expect("deserialize");
    assert!(
        matches!(&manifest.components[0].trigger, ComponentTrigger::Plugin(t) if t.contains_key("route"))
    );

    // An HTTP application's component trigger without a route is refused,
    // with the field named as `parse` names it.
    let error = toml::from_str::<Manifest>(
        r#"spin_manifest_version = "1"
name = "t"
trigger = { type = "http" }
[[component]]
id = "c"
source = "c.wasm"
[component.trigger]
channel = "x"
"#,
    )
    .expect_err("an HTTP trigger needs a route");
    let message = error.to_string();
    assert!(message.contains("component[0].trigger"), "{message}");
    assert!(message.contains("`route`"), "{message}");
}

/// What `parse` reports as an error, `Deserialize` refuses; warnings do not
/// stop it.
#[test]
fn deserialize_refuses_what_parse_reports_as_an_error() {
    let valid = format!(
        "{HEADER}\n[[component]]\nid = \"a\"\nsource = \"a.wasm\"\n[component.trigger]\nroute = \"/a\"\n"
    );
    let from_serde: Manifest = toml::from_str(&valid).expect("a valid manifest deserializes");
    assert_eq!(from_serde, spin_manifest(&valid));

    for (broken, expected) in [
        (
            valid.replace("base = \"/\"", "base = \"/api\""),
            "trigger.base",
        ),
        (
            valid.replace("route = \"/a\"", "route = \"/a/*rest\""),
            "component[0].trigger.route",
        ),
        (
            format!("{HEADER}\n[variables]\nHOST = {{ default = \"x\" }}\n"),
            "variables.HOST",
        ),
    ] {
        assert!(
            wasm_manifests::parse(&broken, Format::Spin)
                .report()
                .has_errors(),
            "{broken}"
        );
        let error = toml::from_str::<Manifest>(&broken).expect_err("an error of parse");
        assert!(error.to_string().contains(expected), "{error}");
    }
    // Without components, Spin has nothing to run.
    let error = toml::from_str::<Manifest>(HEADER).expect_err("no components");
    assert!(error.to_string().contains("no components"), "{error}");

    // A deprecated Wagi executor is only a warning.
    let warned = valid.replace(
        "route = \"/a\"",
        "route = \"/a\"\nexecutor = { type = \"wagi\" }",
    );
    assert!(
        !wasm_manifests::parse(&warned, Format::Spin)
            .report()
            .is_empty()
    );
    assert!(toml::from_str::<Manifest>(&warned).is_ok());
}

/// Manifests that only have warnings round-trip too, with the forms the
/// valid fixtures do not use (the Wagi executor, a list of build commands).
#[test]
fn manifests_with_warnings_round_trip_through_serde() {
    let manifest = spin_manifest(&format!(
        r#"{HEADER}
[[component]]
id = "cgi"
source = "cgi.wasm"
[component.trigger]
route = "/cgi"
executor = {{ type = "wagi", argv = "${{SCRIPT_NAME}} ${{ARGS}}", entrypoint = "_start" }}
[component.build]
command = ["make deps", "make"]
"#
    ));
    let text = toml::to_string(&manifest).expect("serialize to TOML");
    let again: Manifest = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(again, manifest);
    let ComponentTrigger::Http(trigger) = &again.components[0].trigger else {
        panic!("expected an HTTP trigger");
    };
    assert!(
        matches!(&trigger.executor, Some(HttpExecutor::Wagi(w)) if w.entrypoint.as_deref() == Some("_start"))
    );
}

#[test]
fn from_str_refuses_errors_and_accepts_warnings() {
    let with_warning = format!(
        r#"{HEADER}
[[component]]
id = "rust_hello"
source = "hello.wasm"
[component.trigger]
route = "/hello"
"#
    );
    let manifest: Manifest = with_warning.parse().expect("warnings are accepted");
    assert_eq!(manifest.components[0].normalized_id(), "rust-hello");

    let error = with_warning
        .replace("rust_hello", "1hello")
        .parse::<Manifest>()
        .expect_err("an invalid id is refused");
    assert_eq!(error.report().error_count(), 1);
    assert!(error.to_string().contains("spin/invalid-component-id"));
}

#[test]
fn strict_mode_turns_spin_warnings_into_errors() {
    let text = format!(
        "{}\n[[component]]\nid = \"a\"\nsource = \"a.wasm\"\n[component.trigger]\nroute = \"/a\"\n",
        HEADER.replace("spin_manifest_version", "spin_version")
    );
    let relaxed = Options::new().parse(&text, Format::Spin);
    assert!(!relaxed.report().has_errors());
    assert_eq!(relaxed.report().diagnostics()[0].code, "deprecated-key");
    let strict = Options::new().strict(true).parse(&text, Format::Spin);
    assert!(strict.report().has_errors());
    assert!(strict.manifest().is_some());
}

#[test]
fn a_version_2_manifest_is_read_as_version_2() {
    let text = r#"spin_manifest_version = 2
[application]
name = "hello"
[[trigger.http]]
route = "/..."
component = "hello"
[component.hello]
source = "hello.wasm"
"#;
    let parsed = wasm_manifests::parse(text, Format::Spin);
    assert!(findings(text).is_empty(), "{}", parsed.report());
    assert!(matches!(
        parsed.manifest(),
        Some(wasm_manifests::Manifest::SpinV2(_))
    ));
    // The version 1 model refuses it with one clear error.
    let err = text.parse::<Manifest>().unwrap_err();
    assert_eq!(
        err.report().diagnostics()[0].code,
        "spin/invalid-manifest-version"
    );
    assert!(err.to_string().contains("version 2"), "{err}");
}

#[test]
fn template_problems_point_inside_the_string() {
    let text = format!(
        r#"{HEADER}
[variables]
host = {{ default = "example.com" }}

[[component]]
id = "a"
source = "a.wasm"
[component.trigger]
route = "/a"
[component.config]
url = "https://{{{{ hots }}}}/v1"
open = "x{{{{ host"
"#
    );
    let report = wasm_manifests::parse(&text, Format::Spin).into_report();
    let diagnostics = report.diagnostics();
    assert_eq!(diagnostics.len(), 2, "{report}");
    let unknown = &diagnostics[0];
    assert_eq!(unknown.code, "spin/unknown-variable");
    assert_eq!(&text[unknown.span.range()], "hots");
    assert_eq!(unknown.help.as_deref(), Some("did you mean `host`?"));
    let unclosed = &diagnostics[1];
    assert_eq!(unclosed.code, "spin/unclosed-template");
    assert_eq!(&text[unclosed.span.range()], "{{");
}

#[test]
fn duplicates_are_found_among_thousands_of_components() {
    let count = 5_000;
    let mut text = String::from(HEADER);
    for i in 0..count {
        text.push_str(&format!(
            "\n[[component]]\nid = \"component-n{i}\"\nsource = \"c{i}.wasm\"\nallowed_outbound_hosts = [\"https://api{i}.example.com\"]\n[component.trigger]\nroute = \"/c{i}/...\"\n"
        ));
    }
    // One id and one route used a second time, at the end.
    text.push_str("\n[[component]]\nid = \"component_n17\"\nsource = \"x.wasm\"\n[component.trigger]\nroute = \"/c42/...\"\n");
    let found = findings(&text);
    assert_eq!(
        found,
        vec![
            (
                "spin/duplicate-component-id",
                format!("component[{count}].id")
            ),
            (
                "spin/component-id-repaired",
                format!("component[{count}].id")
            ),
            (
                "spin/duplicate-route",
                format!("component[{count}].trigger.route")
            ),
        ]
    );
}

#[test]
fn odd_values_never_panic_and_strings_for_lists_are_refused() {
    let odd_values = [
        "\"\"",
        "\"{{\"",
        "\"}}{{\"",
        "\"{{}}\"",
        "\"://\"",
        "\"*://*\"",
        "\"[\"",
        "\"***\"",
        "\"é:é\"",
        "\"a:b:c\"",
        "\"sha256:\"",
        "\"\\u0000\"",
        "[\"\", \"[\", \"{{\", \"*://*:0..0\", \"http://[\"]",
        "[1, [], {}]",
        "{}",
        "{ url = \"\", digest = \"\" }",
        "{ route = \"\" }",
        "1e400",
        "-0",
    ];
    let list_keys = [
        "files",
        "exclude_files",
        "allowed_http_hosts",
        "allowed_outbound_hosts",
        "key_value_stores",
        "sqlite_databases",
        "ai_models",
    ];
    let other_keys = ["id", "source", "environment", "config", "trigger", "build"];
    let mut checked = 0;
    for key in list_keys.iter().chain(&other_keys) {
        for value in odd_values {
            let mut lines = vec![
                ("id", "\"a\""),
                ("source", "\"a.wasm\""),
                ("trigger", "{ route = \"/a\" }"),
            ];
            match lines.iter_mut().find(|(k, _)| k == key) {
                Some(line) => line.1 = value,
                None => lines.push((key, value)),
            }
            let component: String = lines.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            let text = format!("{HEADER}\n[[component]]\n{component}");
            let parsed = wasm_manifests::parse(&text, Format::Spin);
            let rendered = parsed.report().render();
            if value.starts_with('"') && list_keys.contains(key) {
                assert!(
                    rendered.contains("error[wrong-type]: expected an array, found a string"),
                    "a string where a list is expected must be refused:\n{text}\n{rendered}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 13 * odd_values.len());
}

#[test]
fn every_spin_code_is_documented_with_an_example_and_a_fix() {
    let spin: Vec<_> = wasm_manifests::codes::all()
        .filter(|d| d.code.starts_with("spin/"))
        .collect();
    assert!(spin.len() >= 30);
    for doc in spin {
        // Rules whose severity depends on the place say which places use which.
        assert!(
            doc.severity == "error"
                || doc.severity == "warning"
                || doc.severity.contains("error") && doc.severity.contains("warning"),
            "{}",
            doc.code
        );
        assert!(
            !doc.summary.is_empty() && !doc.why.is_empty(),
            "{}",
            doc.code
        );
        assert!(
            !doc.example.is_empty() && !doc.fix.is_empty(),
            "{}",
            doc.code
        );
        assert!(doc.to_markdown().starts_with(&format!("# {}", doc.code)));
    }
}
