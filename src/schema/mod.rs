//! JSON Schemas of every format, for editors: generated from the typed
//! models, so the keys, types and descriptions are those the readers use.
//!
//! Each [`Schema`] describes the input its format's own tool accepts: the
//! keys it knows, their types and allowed values, the keys it requires,
//! the grammars of names, ids and versions, and closed objects
//! (`additionalProperties: false`) exactly where the tool refuses unknown
//! keys (where it only ignores them, they stay allowed: the checker warns
//! about them, an editor does not). What needs more than the shape of one
//! document (references between entries, duplicate names, files on disk,
//! templates naming variables) is left to [`crate::parse`].
//!
//! The schemas are JSON Schema draft 7, the version every editor
//! understands, and are published in the repository's `schemas/` folder
//! with the [`Schema::url`] of each as its `$id`.
//!
//! ```
//! use wasm_manifests::schema::{self, Schema};
//!
//! let schema = schema::json_schema(Schema::Wasmer);
//! assert_eq!(schema["$id"], Schema::Wasmer.url());
//! assert_eq!(schema["properties"]["module"]["type"], "array");
//!
//! // Which schema a manifest of a format uses: Spin's covers both
//! // manifest versions, told apart by `spin_manifest_version`.
//! assert_eq!(Schema::for_format(wasm_manifests::Format::Spin), Schema::Spin);
//! assert_eq!(Schema::Spin.file_name(), "spin.schema.json");
//! ```
//!
//! [`catalog`] gives the entries of every schema in the format of the
//! SchemaStore catalog, with the file names each applies to.

pub(crate) mod patterns;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::Format;

/// Where the published schemas live: the `schemas/` folder of the
/// repository's main branch.
pub const BASE_URL: &str =
    "https://raw.githubusercontent.com/wasm-manifests/wasm-manifests/main/schemas/";

/// One of the published schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Schema {
    /// `wasmer.toml`.
    Wasmer,
    /// `spin.toml` of either manifest version: version 2 when
    /// `spin_manifest_version = 2`, version 1 otherwise.
    Spin,
    /// `spin.toml` of manifest version 1 (`spin_manifest_version = "1"`).
    SpinV1,
    /// `spin.toml` of manifest version 2 (`spin_manifest_version = 2`).
    SpinV2,
    /// The Extism manifest (JSON, or the same keys in TOML).
    Extism,
    /// The Flow-Like WASM package manifest (TOML or JSON).
    FlowLike,
}

impl Schema {
    /// Every schema, in a fixed order.
    pub const ALL: [Schema; 6] = [
        Schema::Wasmer,
        Schema::Spin,
        Schema::SpinV1,
        Schema::SpinV2,
        Schema::Extism,
        Schema::FlowLike,
    ];

    /// The schema for manifests of `format`.
    pub fn for_format(format: Format) -> Schema {
        match format {
            Format::Wasmer => Schema::Wasmer,
            Format::Spin => Schema::Spin,
            Format::Extism => Schema::Extism,
            Format::FlowLike => Schema::FlowLike,
        }
    }

    /// The short name: `wasmer`, `spin`, `spin-v1`, `spin-v2`, `extism` or
    /// `flow-like`.
    pub fn name(self) -> &'static str {
        match self {
            Schema::Wasmer => "wasmer",
            Schema::Spin => "spin",
            Schema::SpinV1 => "spin-v1",
            Schema::SpinV2 => "spin-v2",
            Schema::Extism => "extism",
            Schema::FlowLike => "flow-like",
        }
    }

    /// The format whose manifests it describes.
    pub fn format(self) -> Format {
        match self {
            Schema::Wasmer => Format::Wasmer,
            Schema::Spin | Schema::SpinV1 | Schema::SpinV2 => Format::Spin,
            Schema::Extism => Format::Extism,
            Schema::FlowLike => Format::FlowLike,
        }
    }

    /// The file it is published as: `<name>.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// Its stable address, also its `$id`.
    pub fn url(self) -> String {
        format!("{BASE_URL}{}", self.file_name())
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Schema::Wasmer => "wasmer.toml",
            Schema::Spin => "Spin spin.toml",
            Schema::SpinV1 => "Spin spin.toml (manifest version 1)",
            Schema::SpinV2 => "Spin spin.toml (manifest version 2)",
            Schema::Extism => "Extism manifest",
            Schema::FlowLike => "Flow-Like WASM package manifest",
        }
    }

    /// One sentence on what it describes.
    pub fn description(self) -> &'static str {
        match self {
            Schema::Wasmer => {
                "Wasmer package manifest: package metadata, modules, commands, dependencies and bundled files"
            }
            Schema::Spin => {
                "Spin application manifest, version 1 or 2 (chosen by spin_manifest_version)"
            }
            Schema::SpinV1 => "Spin application manifest with spin_manifest_version = \"1\"",
            Schema::SpinV2 => "Spin application manifest with spin_manifest_version = 2",
            Schema::Extism => {
                "Extism plug-in manifest: modules, memory limits, config and the hosts and paths a plug-in may use"
            }
            Schema::FlowLike => {
                "Flow-Like WASM package manifest: identity, permissions and nodes of a package"
            }
        }
    }

    /// The file names editors should use it for, as glob patterns. Empty
    /// for the two single-version Spin schemas, which a manifest names
    /// itself (`spin.toml` gets [`Schema::Spin`]). Extism manifests have no
    /// fixed name: these are the names a project can choose to get the
    /// schema without settings. Flow-Like's `manifest.toml` is too common
    /// a name to claim; such files name the schema themselves.
    pub fn file_match(self) -> &'static [&'static str] {
        match self {
            Schema::Wasmer => &["wasmer.toml"],
            Schema::Spin => &["spin.toml"],
            Schema::SpinV1 | Schema::SpinV2 => &[],
            Schema::Extism => &[
                "extism.json",
                "*.extism.json",
                "extism.toml",
                "*.extism.toml",
            ],
            Schema::FlowLike => &["flow-like.toml"],
        }
    }
}

impl std::fmt::Display for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The JSON Schema (draft 7) of `schema`, with its `$id` and title.
///
/// ```
/// use wasm_manifests::schema::{self, Schema};
///
/// let schema = schema::json_schema(Schema::Extism);
/// // The Extism crate refuses unknown keys, so the schema does too.
/// assert_eq!(schema["additionalProperties"], false);
/// assert_eq!(schema["required"], serde_json::json!(["wasm"]));
/// ```
pub fn json_schema(schema: Schema) -> Value {
    let mut value = match schema {
        Schema::Wasmer => generate::<crate::wasmer::Manifest>(),
        Schema::Spin => both_spin_versions(),
        Schema::SpinV1 => generate::<crate::spin::v1::Manifest>(),
        Schema::SpinV2 => generate::<crate::spin::v2::Manifest>(),
        Schema::Extism => generate::<crate::extism::Manifest>(),
        Schema::FlowLike => generate::<crate::flowlike::Manifest>(),
    };
    tidy_descriptions(&mut value);
    if !matches!(schema, Schema::Extism | Schema::FlowLike) {
        // TOML has no null: the `null` that optional fields accept in JSON
        // would only mislead.
        remove_null(&mut value);
    }
    finish(&mut value, schema);
    value
}

/// The entries of every schema in the format of the SchemaStore catalog
/// (`https://json.schemastore.org/schema-catalog.json`): name,
/// description, address and the file names each applies to. The Spin
/// entry lists the two single-version schemas as its `versions`.
///
/// ```
/// let catalog = wasm_manifests::schema::catalog();
/// let spin = &catalog["schemas"][1];
/// assert_eq!(spin["fileMatch"], serde_json::json!(["spin.toml"]));
/// assert!(spin["versions"]["2"].as_str().unwrap().ends_with("/spin-v2.schema.json"));
/// ```
pub fn catalog() -> Value {
    let entry = |schema: Schema| {
        let mut entry = Map::new();
        entry.insert("name".into(), schema.title().into());
        entry.insert("description".into(), schema.description().into());
        entry.insert("fileMatch".into(), json!(schema.file_match()));
        entry.insert("url".into(), schema.url().into());
        if schema == Schema::Spin {
            entry.insert(
                "versions".into(),
                json!({ "1": Schema::SpinV1.url(), "2": Schema::SpinV2.url() }),
            );
        }
        Value::Object(entry)
    };
    json!({
        "$schema": "https://json.schemastore.org/schema-catalog.json",
        "version": 1.0,
        "schemas": [
            entry(Schema::Wasmer),
            entry(Schema::Spin),
            entry(Schema::Extism),
            entry(Schema::FlowLike),
        ],
    })
}

/// The meta-schema of every schema here.
const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

fn generator() -> SchemaGenerator {
    SchemaSettings::draft07().into_generator()
}

fn generate<T: JsonSchema>() -> Value {
    generator().into_root_schema_for::<T>().to_value()
}

/// One schema for `spin.toml` of both versions: each version's schema
/// becomes a definition (with its own definitions renamed `v1.X` and
/// `v2.X`), chosen by `spin_manifest_version`.
fn both_spin_versions() -> Value {
    let mut definitions = Map::new();
    let mut version = |prefix: &str, mut root: Value| {
        rename_definitions(&mut root, prefix);
        if let Some(object) = root.as_object_mut() {
            object.remove("$schema");
            object.remove("title");
            if let Some(Value::Object(own)) = object.remove("definitions") {
                definitions.extend(own);
            }
        }
        definitions.insert(prefix.to_owned(), root);
    };
    version("v1", generate::<crate::spin::v1::Manifest>());
    version("v2", generate::<crate::spin::v2::Manifest>());
    json!({
        "description": "A Spin application manifest. `spin_manifest_version = 2` is version 2 (what `spin new` writes since Spin 2.0); `spin_manifest_version = \"1\"` is the older version 1 layout.",
        "type": "object",
        "if": {
            "properties": { "spin_manifest_version": { "const": 2 } },
            "required": ["spin_manifest_version"],
        },
        "then": { "$ref": "#/definitions/v2" },
        "else": { "$ref": "#/definitions/v1" },
        "definitions": definitions,
    })
}

/// Renames every definition `X` of a root schema to `<prefix>.X`, in the
/// definitions and in every `$ref` to them.
fn rename_definitions(root: &mut Value, prefix: &str) {
    fn walk(value: &mut Value, prefix: &str) {
        match value {
            Value::Object(object) => {
                for (key, value) in object.iter_mut() {
                    match (key.as_str(), value) {
                        ("$ref", Value::String(reference)) => {
                            if let Some(name) = reference.strip_prefix("#/definitions/") {
                                *reference = format!("#/definitions/{prefix}.{name}");
                            }
                        }
                        (_, value) => walk(value, prefix),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, prefix)),
            _ => {}
        }
    }
    walk(root, prefix);
    if let Some(Value::Object(definitions)) = root.get_mut("definitions") {
        *definitions = std::mem::take(definitions)
            .into_iter()
            .map(|(name, schema)| (format!("{prefix}.{name}"), schema))
            .collect();
    }
}

/// Removes the `null` alternatives of optional values: `"type": ["string",
/// "null"]` becomes `"type": "string"`, and an `anyOf` with a `null` branch
/// loses it (and becomes its other branch when only one is left).
fn remove_null(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(branches)) = object.get_mut("anyOf") {
                branches.retain(|b| b != &json!({ "type": "null" }));
                if let [only] = branches.as_slice() {
                    let only = only.clone();
                    object.remove("anyOf");
                    match only {
                        // Draft 7 ignores the siblings of `$ref` (such as
                        // the description): keep the reference apart.
                        Value::Object(only) if only.contains_key("$ref") => {
                            object.insert("allOf".into(), json!([only]));
                        }
                        Value::Object(only) => {
                            for (key, value) in only {
                                object.entry(key).or_insert(value);
                            }
                        }
                        _ => {}
                    }
                }
            }
            object.values_mut().for_each(remove_null);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_null),
        _ => {}
    }
}

/// Makes the doc comments that became descriptions read as text: lines
/// wrapped in the source are joined (paragraphs stay apart), examples are
/// dropped, and rustdoc links (`` [`Name`] ``) lose their brackets. Also
/// drops the integer formats.
fn tidy_descriptions(value: &mut Value) {
    match value {
        Value::Object(object) => {
            // The sizes of Rust integers (`uint32`) are no formats editors
            // know; the ranges that matter are given as bounds.
            if object
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| f.starts_with("int") || f.starts_with("uint"))
            {
                object.remove("format");
            }
            for (key, value) in object.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => *text = tidy(text),
                    _ => tidy_descriptions(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

fn tidy(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("```") {
            // Examples are for the crate's users, not the manifest's.
            in_code = !in_code;
        } else if in_code {
            continue;
        } else if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
        .join("\n\n")
        .replace("[`", "`")
        .replace("`]", "`")
}

/// Sets the meta-schema, `$id` and title of a generated root schema.
fn finish(value: &mut Value, schema: Schema) {
    if let Value::Object(object) = value {
        object.insert("$schema".into(), DRAFT_07.into());
        object.insert("$id".into(), schema.url().into());
        object.insert("title".into(), schema.title().into());
    }
}
