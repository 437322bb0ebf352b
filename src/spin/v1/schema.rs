//! The parts of the JSON Schema of a version 1 `spin.toml` that the derives
//! cannot say: the old name of the version key, the application trigger by
//! its `type`, and the component triggers that follow it.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use super::{
    AppTrigger, ComponentTrigger, HttpAppTrigger, HttpTrigger, RedisAppTrigger, RedisTrigger,
    Variable,
};
use crate::spin::schema as shared;

/// The whole manifest: `spin_version` as the older name of
/// `spin_manifest_version` (one of the two), at least one component, and
/// each component's trigger shaped by the application trigger's type.
pub(super) fn manifest(schema: &mut Schema) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert(
            "spin_version".into(),
            json!({
                "description": "The older name of `spin_manifest_version`: rename it.",
                "const": "1",
                "deprecated": true,
            }),
        );
    }
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.retain(|key| key != "spin_manifest_version");
        required.push("component".into());
    }
    let trigger_of = |kind: &str, definition: &str| {
        json!({
            "if": {
                "properties": {
                    "trigger": {
                        "type": "object",
                        "properties": { "type": { "const": kind } },
                        "required": ["type"],
                    },
                },
                "required": ["trigger"],
            },
            "then": {
                "properties": {
                    "component": {
                        "items": { "properties": { "trigger": { "$ref": format!("#/definitions/{definition}") } } },
                    },
                },
            },
        })
    };
    schema.insert(
        "oneOf".into(),
        json!([{ "required": ["spin_manifest_version"] }, { "required": ["spin_version"] }]),
    );
    schema.insert(
        "allOf".into(),
        json!([
            trigger_of("http", "HttpTrigger"),
            trigger_of("redis", "RedisTrigger")
        ]),
    );
}

/// `[variables]`.
pub(super) fn variables(generator: &mut SchemaGenerator) -> Schema {
    shared::variables(generator.subschema_for::<Variable>())
}

/// `[component.trigger]` of an HTTP application.
pub(super) fn http_trigger(schema: &mut Schema) {
    shared::accept_keys(schema, &[shared::ignored_component_key()]);
}

/// `[component.trigger]` of a Redis application.
pub(super) fn redis_trigger(schema: &mut Schema) {
    shared::accept_keys(schema, &[shared::ignored_component_key()]);
}

/// The schema of a derived table, with `type` added among its keys.
fn with_type(mut schema: Schema, kind: &str) -> Schema {
    shared::accept_keys(&mut schema, &[("type", json!({ "const": kind }))]);
    schema
}

impl JsonSchema for AppTrigger {
    fn schema_name() -> Cow<'static, str> {
        "AppTrigger".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let http = with_type(HttpAppTrigger::json_schema(generator), "http");
        let redis = with_type(RedisAppTrigger::json_schema(generator), "redis");
        json_schema!({
            "description": "What the application responds to: `{ type = \"http\", base = \"/\" }`, `{ type = \"redis\", address = \"redis://...\" }`, or another `type` for a trigger provided by a plugin, whose other keys the plugin reads.",
            "type": "object",
            "properties": {
                "type": {
                    "description": "`http`, `redis`, or the type of a plugin trigger (`timer`, `sqs`, `cron`, ...).",
                    "type": "string",
                    "examples": ["http", "redis"],
                },
            },
            "required": ["type"],
            "allOf": [
                { "if": { "properties": { "type": { "const": "http" } }, "required": ["type"] }, "then": http },
                { "if": { "properties": { "type": { "const": "redis" } }, "required": ["type"] }, "then": redis },
            ],
        })
    }
}

impl JsonSchema for ComponentTrigger {
    fn schema_name() -> Cow<'static, str> {
        "ComponentTrigger".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        // Referenced by the manifest's schema, by the application trigger's type.
        generator.subschema_for::<HttpTrigger>();
        generator.subschema_for::<RedisTrigger>();
        json_schema!({
            "description": "The component's trigger settings, shaped by the application trigger's type: `route` and `executor` for HTTP, `channel` and `address` for Redis, the plugin's own keys otherwise.",
            "type": "object",
        })
    }
}
