//! The parts of the JSON Schemas of `spin.toml` that both manifest versions
//! share and the derives cannot say: sources and file entries by their
//! shape, routes, build commands, the rule between `required` and
//! `default` of a variable, and the grammars of names.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::schema::patterns;

/// A path written relative to the manifest: not absolute (`/x`, `\x`,
/// `C:x`), which `spin build` refuses for a `workdir`.
pub(crate) fn relative_path(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "not": { "pattern": "^(?:[/\\\\]|[A-Za-z]:)" },
    })
}

/// A map from lower snake case names to strings: component `config`
/// (version 1) and `variables` (version 2), whose values are templates.
pub(crate) fn lower_snake_templates(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": patterns::SPIN_LOWER_SNAKE_ID },
        "additionalProperties": {
            "type": "string",
            "description": "Text with `{{ variable }}` templates over the application's variables.",
        },
    })
}

/// `[variables]`: lower snake case names, each a variable table.
pub(crate) fn variables(variable: Schema) -> Schema {
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": patterns::SPIN_LOWER_SNAKE_ID },
        "additionalProperties": variable,
    })
}

/// A variable has exactly one of `required = true` and a `default`.
pub(crate) fn variable_rule(schema: &mut Schema) {
    schema.insert("if".into(), json!({ "required": ["default"] }));
    schema.insert(
        "then".into(),
        json!({ "properties": { "required": { "const": false } } }),
    );
    schema.insert(
        "else".into(),
        json!({ "required": ["required"], "properties": { "required": { "const": true } } }),
    );
}

/// A component `source`: a non-empty path, `{ url, digest }`, or a registry
/// package `{ registry?, package, version }`.
pub(crate) fn source(remote: Schema, registry: Schema) -> Schema {
    json_schema!({
        "description": "The Wasm file: a path relative to the manifest, `{ url, digest }` to download it, or a registry package `{ registry?, package, version }`.",
        "type": ["string", "object"],
        "if": { "type": "string" },
        "then": { "minLength": 1 },
        "else": {
            "if": { "anyOf": [{ "required": ["url"] }, { "required": ["digest"] }] },
            "then": remote,
            "else": registry,
        },
    })
}

/// A `files` entry: a path or glob, or a `{ source, destination }` table.
pub(crate) fn file_mount(placement: Schema) -> Schema {
    json_schema!({
        "description": "A file, directory or glob pattern relative to the manifest, or `{ source, destination }` to place a file or directory at another path.",
        "type": ["string", "object"],
        "if": { "type": "object" },
        "then": placement,
    })
}

/// A build `command`: one command, or a list run in order.
pub(crate) fn build_command() -> Schema {
    json_schema!({
        "description": "The command `spin build` runs, or a list of commands run in order (Spin 3.0 and later).",
        "type": ["string", "array"],
        "items": { "type": "string" },
    })
}

/// An HTTP `route`: a route string, or `{ private = true }`.
pub(crate) fn route() -> Schema {
    json_schema!({
        "description": "The route: exact (`/hello`), a trailing wildcard (`/hello/...`), with `:name` parameters, or `{ private = true }` for a component reachable only from other components.",
        "type": ["string", "object"],
        "if": { "type": "object" },
        "then": {
            "properties": { "private": { "const": true } },
            "required": ["private"],
            "additionalProperties": false,
        },
    })
}

/// Adds keys a closed table also accepts (Spin ignores them, the checker
/// warns) to a derived schema.
pub(crate) fn accept_keys(schema: &mut Schema, keys: &[(&str, Value)]) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (key, value) in keys {
            properties.insert((*key).to_owned(), value.clone());
        }
    }
}

/// The `component` key of a version 1 `[component.trigger]`, which Spin
/// replaces by the component's own id.
pub(crate) fn ignored_component_key() -> (&'static str, Value) {
    (
        "component",
        json!({
            "description": "Ignored: Spin always replaces it by the component's own id.",
            "type": "string",
        }),
    )
}

// The shared model types whose schema the derive cannot say: each is one of
// several shapes, told apart by the value's type.

impl JsonSchema for super::model::ComponentSource {
    fn schema_name() -> Cow<'static, str> {
        "ComponentSource".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        source(
            generator.subschema_for::<super::model::RemoteSource>(),
            generator.subschema_for::<super::model::RegistrySource>(),
        )
    }
}

impl JsonSchema for super::model::FileMount {
    fn schema_name() -> Cow<'static, str> {
        "FileMount".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        file_mount(generator.subschema_for::<super::model::FilePlacement>())
    }
}

impl JsonSchema for super::model::BuildCommand {
    fn schema_name() -> Cow<'static, str> {
        "BuildCommand".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        build_command()
    }
}

impl JsonSchema for super::model::HttpRoute {
    fn schema_name() -> Cow<'static, str> {
        "HttpRoute".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        route()
    }
}
