//! The JSON Schemas: the files in `schemas/` are what the library
//! generates (`BLESS=1` rewrites them), they are valid draft 7 schemas, the
//! catalog lists each of them, and they agree with the checker: every real
//! manifest and every fixture the checker finds no error in validates, and
//! the fixtures with structural errors (wrong types, unknown keys the tools
//! refuse, missing keys) fail at the same place.
//!
//! The corpus lives outside the crate; when `../shared` is absent, those
//! parts print a notice and pass.

#![cfg(feature = "json-schema")]

use std::path::{Path, PathBuf};

use serde_json::Value;
use wasm_manifests::schema::{self, Schema};
use wasm_manifests::{Format, Segment, Severity};

#[path = "schema/grammars.rs"]
mod grammars;
#[path = "schema/structural.rs"]
mod structural;

fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v != "0")
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a schema serializes");
    text.push('\n');
    text
}

/// Compares `schemas/<file>` with `wanted`, or rewrites it under `BLESS=1`.
fn check_file(file: &str, wanted: &str) -> Result<(), String> {
    let path = crate_root().join("schemas").join(file);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == wanted {
        return Ok(());
    }
    if bless() {
        std::fs::create_dir_all(crate_root().join("schemas")).expect("schemas/ can be created");
        std::fs::write(&path, wanted).expect("the schema can be written");
        return Ok(());
    }
    Err(format!(
        "schemas/{file} is out of date; run `BLESS=1 cargo test --test schema`"
    ))
}

#[test]
fn committed_schemas_are_current() {
    let failures: Vec<String> = Schema::ALL
        .into_iter()
        .filter_map(|s| check_file(&s.file_name(), &pretty(&schema::json_schema(s))).err())
        .chain(check_file("catalog.json", &pretty(&schema::catalog())).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn schemas_are_valid_draft_07_with_their_address_as_id() {
    for schema in Schema::ALL {
        let value = schema::json_schema(schema);
        if let Err(e) = jsonschema::draft7::meta::validate(&value) {
            panic!("{schema}: not a valid draft 7 schema: {e}");
        }
        assert_eq!(value["$id"], schema.url(), "{schema}");
        assert!(
            schema
                .url()
                .ends_with(&format!("/schemas/{}", schema.file_name())),
            "{schema}"
        );
        jsonschema::draft7::new(&value)
            .unwrap_or_else(|e| panic!("{schema} does not compile: {e}"));
    }
}

#[test]
fn catalog_lists_every_schema_file() {
    let catalog = schema::catalog();
    let mut listed = Vec::new();
    for entry in catalog["schemas"].as_array().expect("a list of schemas") {
        for key in ["name", "description", "url"] {
            assert!(
                entry[key].is_string(),
                "catalog entry without `{key}`: {entry}"
            );
        }
        assert!(
            entry["fileMatch"].as_array().is_some_and(|m| !m.is_empty()),
            "catalog entry without file names: {entry}"
        );
        listed.push(entry["url"].as_str().unwrap_or_default().to_owned());
        if let Some(versions) = entry["versions"].as_object() {
            listed.extend(
                versions
                    .values()
                    .filter_map(|v| v.as_str().map(str::to_owned)),
            );
        }
    }
    let mut files: Vec<String> = std::fs::read_dir(crate_root().join("schemas"))
        .expect("schemas/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".schema.json"))
        .map(|name| format!("{}{name}", schema::BASE_URL))
        .collect();
    files.sort();
    listed.sort();
    assert_eq!(
        listed, files,
        "the catalog and the files in schemas/ differ"
    );
    let all: Vec<String> = Schema::ALL.iter().map(|s| s.url()).collect();
    assert_eq!(listed.len(), all.len());
    assert!(all.iter().all(|url| listed.contains(url)));
}

// ---------------------------------------------------------------------------
// Documents as JSON values

/// A TOML value as the JSON value an editor's validator sees (dates become
/// their text).
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// A document as JSON; `None` when it is not valid TOML (or JSON).
fn document_of_text(text: &str, is_json: bool) -> Option<Value> {
    if is_json {
        serde_json::from_str(text).ok()
    } else {
        toml::from_str::<toml::Value>(text).ok().map(toml_to_json)
    }
}

/// The document at `path` as JSON; `None` when it is not valid TOML or JSON.
fn document(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    document_of_text(&text, path.extension().is_some_and(|e| e == "json"))
}

/// The schemas a document of `format` must satisfy: the format's, and for
/// Spin also the one of its manifest version.
fn schemas_of(format: Format, document: &Value) -> Vec<Schema> {
    let mut out = vec![Schema::for_format(format)];
    if format == Format::Spin {
        out.push(if document["spin_manifest_version"] == 2 {
            Schema::SpinV2
        } else {
            Schema::SpinV1
        });
    }
    out
}

struct Validators(Vec<(Schema, jsonschema::Validator)>);

impl Validators {
    fn new() -> Self {
        Self(
            Schema::ALL
                .into_iter()
                .map(|s| {
                    let validator = jsonschema::draft7::new(&schema::json_schema(s))
                        .unwrap_or_else(|e| panic!("{s} does not compile: {e}"));
                    (s, validator)
                })
                .collect(),
        )
    }

    /// The schema errors, as `(instance path, message)`.
    fn errors(&self, schema: Schema, document: &Value) -> Vec<(String, String)> {
        let (_, validator) = self
            .0
            .iter()
            .find(|(s, _)| *s == schema)
            .expect("every schema has a validator");
        validator
            .iter_errors(document)
            .map(|e| (e.instance_path().to_string(), e.to_string()))
            .collect()
    }

    /// Every problem of `document` against the schemas of `format`.
    fn problems(&self, format: Format, document: &Value) -> Vec<String> {
        schemas_of(format, document)
            .into_iter()
            .flat_map(|s| {
                self.errors(s, document)
                    .into_iter()
                    .map(move |(at, message)| format!("{s}: {message} at `{at}`"))
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Real manifests

fn shared_dir(dir: &str) -> Option<PathBuf> {
    let path = crate_root().join("../shared").join(dir);
    if path.is_dir() {
        Some(path)
    } else {
        println!("notice: {} is absent; skipping it", path.display());
        None
    }
}

fn manifests_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_manifest_validates() {
    let validators = Validators::new();
    let spin_v2 = ["corpus/spin-v2", "corpus-pending/spin-v2"]
        .into_iter()
        .find(|dir| crate_root().join("../shared").join(dir).is_dir())
        .unwrap_or("corpus-pending/spin-v2");
    let dirs = [
        ("corpus/wasmer", Format::Wasmer),
        ("corpus/spin", Format::Spin),
        (spin_v2, Format::Spin),
        ("corpus/extism", Format::Extism),
        ("corpus/flowlike", Format::FlowLike),
    ];
    let mut failures = Vec::new();
    let mut count = 0;
    for (dir, format) in dirs {
        let Some(path) = shared_dir(dir) else {
            continue;
        };
        let files = manifests_in(&path);
        assert!(!files.is_empty(), "{dir} has no manifests");
        for file in files {
            let Some(document) = document(&file) else {
                failures.push(format!("{}: not TOML or JSON", file.display()));
                continue;
            };
            count += 1;
            let problems = validators.problems(format, &document);
            if !problems.is_empty() {
                failures.push(format!("{}:\n  {}", file.display(), problems.join("\n  ")));
            }
        }
        println!("{dir}: validated");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{count} corpus manifests validate against their schemas");
}

// ---------------------------------------------------------------------------
// Fixtures

struct Fixture {
    /// `wasmer/invalid/x.toml`.
    name: String,
    format: Format,
    document: Option<Value>,
    diagnostics: Vec<wasm_manifests::Diagnostic>,
}

/// Every format fixture, with the checker's report.
fn fixtures(kind: &str) -> Vec<Fixture> {
    let root = crate_root().join("fixtures");
    let mut out = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name != "verify" && name != "config")
        .collect();
    folders.sort();
    for folder in folders {
        let base = folder.split('-').next().unwrap_or(&folder);
        let format = Format::ALL
            .into_iter()
            .find(|f| f.name().replace('-', "") == base)
            .unwrap_or_else(|| panic!("fixtures/{folder} matches no format"));
        for file in manifests_in(&root.join(&folder).join(kind)) {
            let name = format!(
                "{folder}/{kind}/{}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            if name.ends_with(".model.json") {
                continue;
            }
            let parsed = wasm_manifests::Options::new()
                .parse_file_as(&file, format)
                .expect("a fixture is readable");
            out.push(Fixture {
                name,
                format,
                document: document(&file),
                diagnostics: parsed.report().diagnostics().to_vec(),
            });
        }
    }
    assert!(!out.is_empty(), "no {kind} fixtures");
    out
}

#[test]
fn valid_fixtures_validate() {
    let validators = Validators::new();
    let fixtures = fixtures("valid");
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let document = fixture.document.as_ref().expect("a valid fixture parses");
        let problems = validators.problems(fixture.format, document);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", fixture.name, problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} valid fixtures validate", fixtures.len());
}

/// What the tools accept, the schemas accept: an invalid fixture with
/// warnings only is valid for the schema too.
#[test]
fn fixtures_with_only_warnings_validate() {
    let validators = Validators::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for fixture in fixtures("invalid") {
        let has_errors = fixture
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        let Some(document) = &fixture.document else {
            continue;
        };
        if has_errors {
            continue;
        }
        count += 1;
        let problems = validators.problems(fixture.format, document);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", fixture.name, problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count > 40, "only {count} warning-only fixtures");
    println!("{count} fixtures with warnings only validate");
}

/// A field path as a JSON pointer.
fn pointer(path: &wasm_manifests::FieldPath) -> String {
    path.segments()
        .iter()
        .map(|segment| match segment {
            Segment::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
            Segment::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The codes of the diagnostics an editor can show from the schema alone.
const STRUCTURAL_CODES: [&str; 3] = ["wrong-type", "missing-key", "unknown-key"];

fn structural_errors(fixture: &Fixture) -> Vec<&wasm_manifests::Diagnostic> {
    fixture
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && STRUCTURAL_CODES.contains(&d.code))
        .collect()
}

/// Every fixture in [`structural::FIXTURES`] fails its schema, and for each
/// of its structural errors the schema reports a problem at the same field
/// or at the table holding it (where a missing or unknown key is reported).
#[test]
fn structural_fixtures_fail_at_the_same_place() {
    let validators = Validators::new();
    let fixtures = fixtures("invalid");
    let mut failures = Vec::new();
    for (name, reason) in structural::FIXTURES {
        let fixture = fixtures
            .iter()
            .find(|f| f.name == *name)
            .unwrap_or_else(|| panic!("no fixture {name}"));
        let document = fixture.document.as_ref().expect("the fixture parses");
        let errors: Vec<(String, String)> = schemas_of(fixture.format, document)
            .into_iter()
            .flat_map(|s| validators.errors(s, document))
            .collect();
        if errors.is_empty() {
            failures.push(format!("{name} passes its schema, but: {reason}"));
            continue;
        }
        for diagnostic in structural_errors(fixture) {
            let at = pointer(&diagnostic.path);
            let parent = pointer(&diagnostic.path.parent());
            if !errors
                .iter()
                .any(|(path, _)| *path == at || *path == parent)
            {
                failures.push(format!(
                    "{name}: the schema reports nothing at `{at}` ({}: {}); it reports:\n  {}",
                    diagnostic.code,
                    diagnostic.message,
                    errors
                        .iter()
                        .map(|(p, m)| format!("`{p}`: {m}"))
                        .collect::<Vec<_>>()
                        .join("\n  ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!(
        "{} fixtures with structural errors fail their schemas at the same places",
        structural::FIXTURES.len()
    );
}

/// [`structural::FIXTURES`] lists exactly the fixtures with structural
/// errors (except those that are not TOML or JSON at all).
#[test]
fn structural_list_is_complete() {
    let mut wanted: Vec<String> = Vec::new();
    for fixture in fixtures("invalid") {
        if structural_errors(&fixture).is_empty() {
            continue;
        }
        if fixture.document.is_none() {
            assert!(
                structural::UNPARSED.contains(&fixture.name.as_str()),
                "{} has structural errors but does not parse; list it in structural::UNPARSED",
                fixture.name
            );
            continue;
        }
        wanted.push(fixture.name);
    }
    let listed: Vec<String> = structural::FIXTURES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        listed, wanted,
        "structural::FIXTURES must list every fixture with wrong-type, missing-key or unknown-key errors, in order"
    );
}

/// `#:schema <url>` (taplo, Even Better TOML) is a comment: neither the
/// tools nor the checker see it.
#[test]
fn schema_directive_is_only_a_comment() {
    let manifests = [
        (
            Schema::Wasmer,
            "[package]\nname = \"me/tool\"\nversion = \"1.0.0\"\ndescription = \"A tool\"\n",
        ),
        (
            Schema::SpinV2,
            "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = \"a.wasm\"\n",
        ),
        (
            Schema::FlowLike,
            "manifest_version = 1\nid = \"com.example.a\"\nname = \"A\"\nversion = \"1.0.0\"\ndescription = \"x\"\n[[nodes]]\nid = \"n\"\nname = \"N\"\ndescription = \"d\"\ncategory = \"C\"\n",
        ),
    ];
    for (schema, text) in manifests {
        let with_directive = format!("#:schema {}\n\n{text}", schema.url());
        let plain = wasm_manifests::parse(text, schema.format());
        let directed = wasm_manifests::parse(&with_directive, schema.format());
        assert!(plain.report().is_empty(), "{schema}: {}", plain.report());
        assert!(
            directed.report().is_empty(),
            "{schema}: {}",
            directed.report()
        );
        assert_eq!(plain.manifest(), directed.manifest(), "{schema}");
    }
}

/// The official `extism-manifest` crate refuses unknown keys, `"$schema"`
/// included (see the conformance tests), so the checker reports it and the
/// schema refuses it too: for Extism JSON, editors get the schema from
/// their settings (`json.schemas` in VS Code), not from the file.
#[test]
fn dollar_schema_in_extism_json_is_an_unknown_key() {
    let text = format!(
        "{{ \"$schema\": \"{}\", \"wasm\": [{{ \"path\": \"plugin.wasm\" }}] }}",
        Schema::Extism.url()
    );
    let parsed = wasm_manifests::parse(&text, Format::Extism);
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(
        (
            diagnostic.code,
            diagnostic.severity,
            diagnostic.path.to_string()
        ),
        ("unknown-key", Severity::Error, "\"$schema\"".to_owned())
    );
    let document: Value = serde_json::from_str(&text).expect("JSON");
    let problems = Validators::new().problems(Format::Extism, &document);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("$schema"), "{problems:?}");
}

/// Where the schemas refuse a fixture, the checker reports an error too:
/// in the same value, inside it, or in a table holding it. (Fixtures whose
/// manifest version is itself wrong are left out: the schema cannot know
/// which version's rules to apply.)
#[test]
fn schema_errors_in_fixtures_are_checker_errors() {
    let validators = Validators::new();
    let mut failures = Vec::new();
    for fixture in fixtures("invalid") {
        let Some(document) = &fixture.document else {
            continue;
        };
        let ours: Vec<String> = fixture
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| pointer(&d.path))
            .collect();
        let version_in_doubt = fixture.diagnostics.iter().any(|d| {
            d.severity == Severity::Error
                && (d.code.ends_with("manifest-version")
                    || ["/spin_manifest_version", "/spin_version"]
                        .contains(&pointer(&d.path).as_str()))
        });
        if version_in_doubt {
            continue;
        }
        for schema in schemas_of(fixture.format, document) {
            for (at, message) in validators.errors(schema, document) {
                let explained = ours
                    .iter()
                    .any(|p| p.starts_with(&at) || (!p.is_empty() && at.starts_with(p.as_str())));
                if !explained {
                    failures.push(format!("{}: {schema}: `{at}`: {message}", fixture.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
