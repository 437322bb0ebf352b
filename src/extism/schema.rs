//! The parts of the Extism JSON Schema that the derives cannot say: a
//! `wasm` entry by the key of its source, `allowed_hosts` with its `null`,
//! and `allowed_paths` as the map it is written as.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use super::{AllowedHosts, Wasm};
use crate::schema::patterns;

/// `allowed_paths`: host directory (`ro:` for read-only) → guest path;
/// `null` is the same as absent.
pub(super) fn allowed_paths(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["object", "null"],
        "additionalProperties": {
            "type": "string",
            "description": "Where the plug-in sees the directory.",
        },
    })
}

impl JsonSchema for AllowedHosts {
    fn schema_name() -> Cow<'static, str> {
        "AllowedHosts".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Glob patterns (`*.example.com`) matched against the host name of each HTTP request. The runtime denies every request that matches none, so an empty list, `null` (despite older documentation) and no key all deny every host.",
            "type": ["array", "null"],
            "items": { "type": "string" },
        })
    }
}

impl JsonSchema for Wasm {
    fn schema_name() -> Cow<'static, str> {
        "Wasm".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let string_or_null =
            |description: &str| json!({ "description": description, "type": ["string", "null"] });
        // One closed object per source; `name` and `hash` go with each.
        let form = |description: &str, source: Value, required: &str| {
            let mut properties = source;
            if let Value::Object(properties) = &mut properties {
                properties.insert(
                    "name".into(),
                    string_or_null("The module's name; other modules import from it by this name. The runtime calls an unnamed module `main`."),
                );
                properties.insert(
                    "hash".into(),
                    json!({
                        "description": "The SHA-256 digest of the module's bytes as 64 lower-case hex digits; the runtime refuses a module whose digest differs.",
                        "type": ["string", "null"],
                        "pattern": patterns::SHA256_HEX,
                    }),
                );
            }
            json!({
                "description": description,
                "type": "object",
                "properties": properties,
                "required": [required],
                "additionalProperties": false,
            })
        };
        let path = form(
            "A module read from a file.",
            json!({ "path": { "description": "The file, relative to the host process's working directory.", "type": "string" } }),
            "path",
        );
        let data = form(
            "A module embedded in the manifest.",
            json!({
                "data": {
                    "description": "The module's bytes (a WebAssembly binary, or WebAssembly text) as standard, padded base64.",
                    "type": "string",
                    "pattern": patterns::BASE64,
                },
            }),
            "data",
        );
        let url = form(
            "A module downloaded when the plug-in is created.",
            json!({
                "url": { "description": "An `http` or `https` URL.", "type": "string", "pattern": patterns::HTTP_URL },
                "headers": {
                    "description": "Request headers, such as credentials.",
                    "type": "object",
                    "propertyNames": { "pattern": patterns::HTTP_TOKEN },
                    "additionalProperties": { "type": "string", "pattern": patterns::HEADER_VALUE },
                },
                "method": {
                    "description": "The HTTP method; `GET` when absent.",
                    "examples": ["GET", "POST"],
                    "type": ["string", "null"],
                    "pattern": patterns::HTTP_TOKEN,
                },
            }),
            "url",
        );
        // Chosen by key, so that a mistake is reported where it is.
        json_schema!({
            "description": "A module of the plug-in: exactly one of `path`, `data` (base64) or `url` (with `headers` and `method`), next to its optional `name` and `hash`.",
            "type": "object",
            "if": { "required": ["path"] },
            "then": path,
            "else": {
                "if": { "required": ["data"] },
                "then": data,
                "else": url,
            },
        })
    }
}
