//! What the JSON Schema of a format says about a field: its description,
//! for hover, and the keys of a table, for completion. The schemas are the
//! library's (`wasm_manifests::schema`), made once per format.

use std::collections::HashMap;

use serde_json::Value;
use wasm_manifests::schema::{self, Schema};
use wasm_manifests::{FieldPath, Format, Manifest, Parsed, Segment};

/// How deep `$ref`, `allOf` and the like are followed from one node: the
/// library's schemas need a few levels; the bound keeps a cycle finite.
const MAX_INDIRECTION: usize = 16;

/// The schemas made so far, by schema.
#[derive(Default)]
pub struct Schemas {
    made: HashMap<Schema, Value>,
}

/// A key a table may have.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyDoc {
    pub name: String,
    pub description: Option<String>,
    pub deprecated: bool,
    /// Written as a `[table]` or `[[array of tables]]` rather than `key = value`.
    pub shape: Shape,
}

/// How a key is written in TOML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `key = value`.
    Value,
    /// `[key]`.
    Table,
    /// `[[key]]`.
    ArrayOfTables,
}

impl Schemas {
    /// The schema of a document: Spin's by manifest version.
    pub fn get(&mut self, which: Schema) -> &Value {
        self.made
            .entry(which)
            .or_insert_with(|| schema::json_schema(which))
    }
}

/// Which schema describes a document of `format`: for Spin, the one of its
/// manifest version, read from the manifest when it could be built, or
/// else from the text.
pub fn schema_of(format: Format, parsed: Option<&Parsed>, text: &str) -> Schema {
    if format != Format::Spin {
        return Schema::for_format(format);
    }
    match parsed.and_then(Parsed::manifest) {
        Some(Manifest::SpinV2(_)) => Schema::SpinV2,
        Some(Manifest::Spin(_)) => Schema::SpinV1,
        _ => {
            let v2 = text.lines().any(|line| {
                let mut parts = line.splitn(2, '=');
                parts.next().map(str::trim) == Some("spin_manifest_version")
                    && parts
                        .next()
                        .map(|v| v.split('#').next().unwrap_or("").trim())
                        == Some("2")
            });
            if v2 { Schema::SpinV2 } else { Schema::SpinV1 }
        }
    }
}

/// `node` and every schema it stands for: what `$ref` points to, the
/// members of `allOf`, `anyOf` and `oneOf`, the branches of `if`.
fn flatten<'s>(root: &'s Value, node: &'s Value, depth: usize, out: &mut Vec<&'s Value>) {
    if depth > MAX_INDIRECTION || out.len() > 256 || !node.is_object() {
        return;
    }
    out.push(node);
    if let Some(target) = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|pointer| root.pointer(pointer))
    {
        flatten(root, target, depth + 1, out);
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for member in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            flatten(root, member, depth + 1, out);
        }
    }
    for key in ["then", "else"] {
        if let Some(branch) = node.get(key) {
            flatten(root, branch, depth + 1, out);
        }
    }
}

/// The schemas of the field at `path`, each flattened: empty when the
/// schema does not know the field.
fn field<'s>(root: &'s Value, path: &FieldPath) -> Vec<&'s Value> {
    let mut nodes = Vec::new();
    flatten(root, root, 0, &mut nodes);
    for segment in path.segments() {
        let mut next = Vec::new();
        for node in &nodes {
            let child = match segment {
                Segment::Key(key) => node
                    .get("properties")
                    .and_then(|p| p.get(key.as_str()))
                    .or_else(|| node.get("additionalProperties").filter(|a| a.is_object())),
                Segment::Index(_) => node.get("items").filter(|i| i.is_object()),
            };
            if let Some(child) = child {
                flatten(root, child, 0, &mut next);
            } else if let (Segment::Key(key), Some(items)) =
                (segment, node.get("items").filter(|i| i.is_object()))
            {
                // A key of an array of tables, as a TOML header names it
                // (`[component.build]` after `[[component]]`): the key of
                // its last entry.
                let mut entries = Vec::new();
                flatten(root, items, 0, &mut entries);
                for entry in entries {
                    if let Some(child) = entry.get("properties").and_then(|p| p.get(key.as_str())) {
                        flatten(root, child, 0, &mut next);
                    }
                }
            }
        }
        if next.is_empty() {
            return next;
        }
        nodes = next;
    }
    nodes
}

fn description(nodes: &[&Value]) -> Option<String> {
    nodes
        .iter()
        .find_map(|n| n.get("description").and_then(Value::as_str))
        .map(str::to_owned)
}

fn has_type(nodes: &[&Value], wanted: &str) -> bool {
    nodes.iter().any(|n| match n.get("type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t == wanted),
        _ => false,
    })
}

fn shape(root: &Value, nodes: &[&Value]) -> Shape {
    let is_table = |nodes: &[&Value]| {
        has_type(nodes, "object")
            || nodes
                .iter()
                .any(|n| n.get("properties").is_some() || n.get("additionalProperties").is_some())
    };
    if is_table(nodes) {
        return Shape::Table;
    }
    if has_type(nodes, "array") {
        let mut items = Vec::new();
        for node in nodes {
            if let Some(item) = node.get("items").filter(|i| i.is_object()) {
                flatten(root, item, 0, &mut items);
            }
        }
        if !items.is_empty() && is_table(&items) && !has_type(&items, "string") {
            return Shape::ArrayOfTables;
        }
    }
    Shape::Value
}

/// The description of the field at `path`, with its deprecation.
pub fn describe(root: &Value, path: &FieldPath) -> Option<(String, bool)> {
    let nodes = field(root, path);
    let text = description(&nodes)?;
    let deprecated = nodes
        .iter()
        .any(|n| n.get("deprecated").and_then(Value::as_bool) == Some(true));
    Some((text, deprecated))
}

/// The keys the schema names for the table at `path`, in the schema's
/// order, each once.
pub fn keys(root: &Value, path: &FieldPath) -> Vec<KeyDoc> {
    let mut out: Vec<KeyDoc> = Vec::new();
    let mut nodes = field(root, path);
    // An array of tables named in a header: the keys of its entries.
    for node in nodes.clone() {
        if let Some(items) = node.get("items").filter(|i| i.is_object()) {
            flatten(root, items, 0, &mut nodes);
        }
    }
    for node in nodes {
        let Some(properties) = node.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (name, child) in properties {
            if out.iter().any(|k| &k.name == name) {
                continue;
            }
            let mut nodes = Vec::new();
            flatten(root, child, 0, &mut nodes);
            out.push(KeyDoc {
                name: name.clone(),
                description: description(&nodes),
                deprecated: nodes
                    .iter()
                    .any(|n| n.get("deprecated").and_then(Value::as_bool) == Some(true)),
                shape: shape(root, &nodes),
            });
        }
    }
    out
}

/// A value the schema allows for a field: one of its `enum` or `const`
/// values, or `true` / `false` for a boolean.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueDoc {
    pub value: Value,
    pub description: Option<String>,
}

/// The values the schema lists for the field at `path`, in the schema's
/// order, each once. Empty for a field that takes any string.
pub fn values(root: &Value, path: &FieldPath) -> Vec<ValueDoc> {
    let mut out: Vec<ValueDoc> = Vec::new();
    let mut push = |value: &Value, description: Option<String>| {
        if !out.iter().any(|v| &v.value == value) {
            out.push(ValueDoc {
                value: value.clone(),
                description,
            });
        }
    };
    for node in field(root, path) {
        let own = node
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if let Some(value) = node.get("const") {
            push(value, own.clone());
        }
        for value in node
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            push(value, own.clone());
        }
        if has_type(&[node], "boolean") {
            push(&Value::Bool(true), None);
            push(&Value::Bool(false), None);
        }
    }
    out.retain(|v| v.value.is_string() || v.value.is_boolean() || v.value.is_number());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_through_refs_items_and_maps() {
        let mut schemas = Schemas::default();
        let wasmer = schemas.get(Schema::Wasmer).clone();
        let license = FieldPath::root().key("package").key("license");
        assert!(describe(&wasmer, &license).unwrap().0.contains("SPDX"));
        let abi = FieldPath::root().key("module").index(0).key("abi");
        assert!(describe(&wasmer, &abi).is_some());
        assert_eq!(describe(&wasmer, &FieldPath::root().key("nothing")), None);
        let package = keys(&wasmer, &FieldPath::root().key("package"));
        assert!(package.iter().any(|k| k.name == "license" && !k.deprecated));
        assert!(
            package
                .iter()
                .any(|k| k.name == "wasmer-extra-flags" && k.deprecated)
        );
        let top = keys(&wasmer, &FieldPath::root());
        let shape_of = |name: &str| top.iter().find(|k| k.name == name).map(|k| k.shape);
        assert_eq!(shape_of("package"), Some(Shape::Table));
        assert_eq!(shape_of("module"), Some(Shape::ArrayOfTables));

        let spin = schemas.get(Schema::SpinV2).clone();
        let source = FieldPath::root()
            .key("component")
            .key("hello")
            .key("source");
        assert!(describe(&spin, &source).is_some());
        let http = FieldPath::root().key("trigger").key("http").index(0);
        assert!(keys(&spin, &http).iter().any(|k| k.name == "route"));
    }

    #[test]
    fn the_spin_version_comes_from_the_text_when_there_is_no_manifest() {
        assert_eq!(
            schema_of(Format::Spin, None, "spin_manifest_version = 2 # now\n"),
            Schema::SpinV2
        );
        assert_eq!(
            schema_of(Format::Spin, None, "spin_manifest_version = \"1\"\n"),
            Schema::SpinV1
        );
        assert_eq!(schema_of(Format::Wasmer, None, ""), Schema::Wasmer);
    }
}
