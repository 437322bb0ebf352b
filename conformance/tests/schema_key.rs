//! How the official parsers treat the editor directives that point at a
//! JSON Schema: the `#:schema` comment of TOML manifests and the
//! `"$schema"` key of JSON ones. `wasm-manifests` must agree.

use wasm_manifests::Format;

const SCHEMA_URL: &str = "https://raw.githubusercontent.com/wasm-manifests/wasm-manifests/main/schemas/extism.schema.json";

/// `extism-manifest` refuses unknown keys, and `$schema` is one: an Extism
/// manifest cannot name its schema itself.
#[test]
fn extism_manifest_refuses_a_dollar_schema_key() {
    let text = format!(r#"{{ "$schema": "{SCHEMA_URL}", "wasm": [{{ "path": "plugin.wasm" }}] }}"#);
    let error = serde_json::from_str::<extism_manifest::Manifest>(&text)
        .expect_err("the official crate refuses `$schema`");
    assert!(
        error.to_string().contains("unknown field `$schema`"),
        "{error}"
    );
    let ours = wasm_manifests::parse(&text, Format::Extism);
    assert!(ours.report().has_errors(), "{}", ours.report());
    assert_eq!(ours.report().diagnostics()[0].code, "unknown-key");
}

/// `#:schema` is a TOML comment: both official parsers read the manifest
/// as if it were not there, and so does `wasm-manifests`.
#[test]
fn a_schema_comment_changes_nothing_for_the_official_parsers() {
    let extism = format!("#:schema {SCHEMA_URL}\n[[wasm]]\npath = \"plugin.wasm\"\n");
    let manifest =
        toml::from_str::<extism_manifest::Manifest>(&extism).expect("extism-manifest reads it");
    assert_eq!(manifest.wasm.len(), 1);
    assert!(
        wasm_manifests::parse(&extism, Format::Extism)
            .report()
            .is_empty()
    );

    let wasmer = "#:schema https://raw.githubusercontent.com/wasm-manifests/wasm-manifests/main/schemas/wasmer.schema.json\n[package]\nname = \"me/tool\"\nversion = \"1.0.0\"\ndescription = \"A tool\"\n";
    let manifest = wasmer_config::package::Manifest::parse(wasmer).expect("wasmer-config reads it");
    assert_eq!(
        manifest.package.and_then(|p| p.name).as_deref(),
        Some("me/tool")
    );
    assert!(
        wasm_manifests::parse(wasmer, Format::Wasmer)
            .report()
            .is_empty()
    );
}
