//! The parts of the JSON Schema of a version 2 `spin.toml` that the derives
//! cannot say: triggers by their type (their table mixes the trigger's own
//! keys with the type's settings), components by reference or inline,
//! dependencies by their form, and the grammars of ids and names.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use super::{
    Build, BuildCommand, Component, ComponentDependency, ComponentSpec, Dependency,
    HttpAppSettings, HttpTrigger, InheritConfiguration, LocalDependency, ManifestVersion,
    RedisAppSettings, RedisTrigger, RegistryDependency, RemoteDependency, Trigger, Variable,
};
use crate::schema::patterns;
use crate::spin::schema as shared;

/// The definition of one entry of a trigger's `dependencies.<role>` list.
const TRIGGER_DEPENDENCY: &str = "TriggerDependency";

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/{name}") })
}

/// `[variables]`.
pub(super) fn variables(generator: &mut SchemaGenerator) -> Schema {
    shared::variables(generator.subschema_for::<Variable>())
}

/// `[component.<id>]`: kebab-case ids.
pub(super) fn components(generator: &mut SchemaGenerator) -> Schema {
    let component = generator.subschema_for::<Component>();
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": patterns::SPIN_KEBAB_ID },
        "additionalProperties": component,
    })
}

/// `[application.trigger.<type>]`: the HTTP and Redis settings are typed,
/// a plugin's are its own.
pub(super) fn app_triggers(generator: &mut SchemaGenerator) -> Schema {
    let http = generator.subschema_for::<HttpAppSettings>();
    let redis = generator.subschema_for::<RedisAppSettings>();
    json_schema!({
        "type": "object",
        "properties": { "http": http, "redis": redis },
        "additionalProperties": { "type": "object" },
    })
}

/// `[[trigger.<type>]]`: lists of HTTP, Redis or plugin triggers, at least
/// one trigger in all.
pub(super) fn triggers(generator: &mut SchemaGenerator) -> Schema {
    register_trigger_dependency(generator);
    let http = generator.subschema_for::<HttpTrigger>();
    let redis = generator.subschema_for::<RedisTrigger>();
    let plugin = generator.subschema_for::<Trigger>();
    json_schema!({
        "description": "`[[trigger.<type>]]`: the triggers, by type: `http`, `redis`, or the type of a plugin trigger (`cron`, `sqs`, `mqtt`, ...). Spin refuses an application without any trigger.",
        "type": "object",
        "properties": {
            "http": { "type": "array", "items": http },
            "redis": { "type": "array", "items": redis },
        },
        "additionalProperties": { "type": "array", "items": plugin },
        // Some type has a non-empty list.
        "not": { "additionalProperties": { "maxItems": 0 } },
    })
}

/// An entry of a trigger's `dependencies.<role>` list: like a component
/// dependency, but always a table, without `export`, and with `package`
/// required for a registry package.
fn register_trigger_dependency(generator: &mut SchemaGenerator) {
    let inherit = generator.subschema_for::<InheritConfiguration>();
    let form = |keys: Value, required: &[&str]| {
        let mut properties = keys;
        if let Value::Object(properties) = &mut properties {
            properties.insert("inherit_configuration".into(), inherit.clone().to_value());
        }
        json!({
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    };
    let string = json!({ "type": "string" });
    let forms = [
        (
            &["version", "package", "registry"][..],
            form(
                json!({ "package": string, "version": string, "registry": string }),
                &["package", "version"],
            ),
        ),
        (&["path"][..], form(json!({ "path": string }), &["path"])),
        (
            &["url", "digest"][..],
            form(
                json!({
                    "url": { "type": "string", "pattern": patterns::HTTP_URL },
                    "digest": { "type": "string", "pattern": patterns::SPIN_DIGEST },
                }),
                &["url", "digest"],
            ),
        ),
        (
            &["component"][..],
            form(
                json!({ "component": { "type": "string", "pattern": patterns::SPIN_KEBAB_ID } }),
                &["component"],
            ),
        ),
    ];
    let mut schema = by_key(&forms);
    if let Value::Object(object) = &mut schema {
        object.insert("description".into(), "A component composed with the trigger's component (for HTTP, a `middleware`): `{ component }`, `{ path }`, `{ url, digest }` or `{ package, version, registry? }`.".into());
        object.insert("type".into(), "object".into());
    }
    generator
        .definitions_mut()
        .insert(TRIGGER_DEPENDENCY.into(), schema);
}

/// The form of a dependency table, chosen by its keys as Spin's reader
/// does: the first form with one of its keys present; the last form when
/// none is (its required keys then say what is missing).
fn by_key(forms: &[(&[&str], impl serde::Serialize)]) -> Value {
    let mut schema = Value::Null;
    for (keys, form) in forms.iter().rev() {
        let form = json!(form);
        schema = if schema.is_null() {
            form
        } else {
            let any: Vec<Value> = keys.iter().map(|k| json!({ "required": [k] })).collect();
            json!({ "if": { "anyOf": any }, "then": form, "else": schema })
        };
    }
    schema
}

/// The keys every trigger has besides its type's settings.
fn trigger_keys(component: Value, dependencies: Value) -> [(&'static str, Value); 3] {
    [
        (
            "id",
            json!({
                "description": "The trigger's id; Spin generates one when it is absent or empty.",
                "type": "string",
            }),
        ),
        ("component", component),
        ("dependencies", dependencies),
    ]
}

/// `dependencies` of a trigger of another type than HTTP: lists by role.
fn any_role() -> Value {
    json!({
        "description": "Components composed with this trigger's component, by role.",
        "type": "object",
        "additionalProperties": { "type": "array", "items": reference(TRIGGER_DEPENDENCY) },
    })
}

fn component_key() -> Value {
    json!({
        "description": "The component it runs: the id of a `[component.<id>]`, or a component table defined here.",
        "allOf": [reference("ComponentSpec")],
    })
}

/// A `[[trigger.http]]` entry: `component` or `static_response`, and only
/// the `middleware` role among its dependencies.
pub(super) fn http_trigger(schema: &mut Schema) {
    let dependencies = json!({
        "description": "Components composed with this trigger's component; HTTP triggers have one role, `middleware`, applied in order (the first is the outermost).",
        "type": "object",
        "properties": { "middleware": { "type": "array", "items": reference(TRIGGER_DEPENDENCY) } },
        "additionalProperties": false,
    });
    shared::accept_keys(schema, &trigger_keys(component_key(), dependencies));
    schema.insert(
        "oneOf".into(),
        json!([{ "required": ["component"] }, { "required": ["static_response"] }]),
    );
}

/// A `[[trigger.redis]]` entry: it needs a component.
pub(super) fn redis_trigger(schema: &mut Schema) {
    shared::accept_keys(schema, &trigger_keys(component_key(), any_role()));
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.push("component".into());
    }
}

impl JsonSchema for Trigger {
    fn schema_name() -> Cow<'static, str> {
        "PluginTrigger".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<ComponentSpec>();
        let properties: serde_json::Map<String, Value> = trigger_keys(component_key(), any_role())
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect();
        json_schema!({
            "description": "A trigger of a plugin's type: its own keys are passed to the plugin. Spin drops a `components` map.",
            "type": "object",
            "properties": properties,
            "not": { "required": ["components"] },
        })
    }
}

impl JsonSchema for ManifestVersion {
    fn schema_name() -> Cow<'static, str> {
        "ManifestVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "description": "The integer `2`.", "const": 2 })
    }
}

impl JsonSchema for ComponentSpec {
    fn schema_name() -> Cow<'static, str> {
        "ComponentSpec".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inline = generator.subschema_for::<Component>();
        json_schema!({
            "type": ["string", "object"],
            "if": { "type": "string" },
            "then": { "pattern": patterns::SPIN_KEBAB_ID },
            "else": inline,
        })
    }
}

/// `[component.<id>.build]`, which Spin also reads from a list of its
/// values in order (`build = ["cargo build"]`).
pub(super) fn build(generator: &mut SchemaGenerator) -> Schema {
    let table = generator.subschema_for::<Build>();
    let command = generator.subschema_for::<BuildCommand>();
    let workdir = shared::relative_path(generator);
    json_schema!({
        "type": ["object", "array"],
        "if": { "type": "array" },
        "then": {
            "minItems": 1,
            "maxItems": 3,
            "items": [command, workdir, { "type": "array", "items": { "type": "string" } }],
        },
        "else": table,
    })
}

/// `[component.<id>.dependencies]`: WIT package or plain names.
pub(super) fn dependencies(generator: &mut SchemaGenerator) -> Schema {
    let dependency = generator.subschema_for::<Dependency>();
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": patterns::SPIN_DEPENDENCY_NAME },
        "additionalProperties": dependency,
    })
}

impl JsonSchema for Dependency {
    fn schema_name() -> Cow<'static, str> {
        "Dependency".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let registry = generator.subschema_for::<RegistryDependency>();
        let local = generator.subschema_for::<LocalDependency>();
        let remote = generator.subschema_for::<RemoteDependency>();
        let component = generator.subschema_for::<ComponentDependency>();
        // Chosen by key, as Spin's reader does, so that a mistake is
        // reported where it is.
        json_schema!({
            "description": "A semver version requirement (`>=0.2.0`) for the package the name gives, from the default registry; or a table: `{ version, registry?, package? }`, `{ path }`, `{ url, digest }` or `{ component }`.",
            "type": ["string", "object"],
            "if": { "type": "object" },
            "then": by_key(&[
                (&["version", "package", "registry"], registry),
                (&["path"], local),
                (&["url", "digest"], remote),
                (&["component"], component),
            ]),
        })
    }
}
