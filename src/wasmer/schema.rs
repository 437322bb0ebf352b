//! The parts of the wasmer.toml JSON Schema that the derives cannot say:
//! the two command forms told apart by `runner`, the two binding forms,
//! annotations in a file or inline, and the grammars of keys.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{
    Annotations, Bindings, Command, CommandAnnotations, CommandV1, CommandV2, FileAnnotations,
    ModuleReference, WaiBindings, WitBindings,
};
use crate::schema::patterns;

/// `[dependencies]`: `"namespace/name" = "<semver requirement>"`.
pub(super) fn dependencies(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": patterns::WASMER_DEPENDENCY_NAME },
        "additionalProperties": {
            "type": "string",
            "description": "A semver version requirement, such as `^1.2` or `=0.4.1`.",
        },
    })
}

/// `[module.annotations]`: when present, the parser wants its
/// `suggested_compiler_optimizations` table.
pub(super) fn module_annotations(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "required": ["suggested_compiler_optimizations"],
        "properties": {
            "suggested_compiler_optimizations": {
                "type": "object",
                "properties": { "pass_params": { "type": "boolean" } },
            },
        },
    })
}

impl JsonSchema for ModuleReference {
    fn schema_name() -> Cow<'static, str> {
        "ModuleReference".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A module of this manifest (`module`), or of a dependency (`namespace/package:module`).",
            "type": "string",
            "pattern": patterns::WASMER_MODULE_REFERENCE,
        })
    }
}

impl JsonSchema for Bindings {
    fn schema_name() -> Cow<'static, str> {
        "Bindings".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let wit = generator.subschema_for::<WitBindings>();
        let wai = generator.subschema_for::<WaiBindings>();
        json_schema!({
            "description": "Interface definitions for generating bindings: WIT (`wit-bindgen`, `wit-exports`) or WAI (`wai-version`, `exports`, `imports`), exactly one of the two.",
            "type": "object",
            "if": { "required": ["wit-bindgen"] },
            "then": { "allOf": [wit], "not": { "required": ["wai-version"] } },
            "else": wai,
        })
    }
}

impl JsonSchema for Command {
    fn schema_name() -> Cow<'static, str> {
        "Command".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let v1 = generator.subschema_for::<CommandV1>();
        let v2 = generator.subschema_for::<CommandV2>();
        json_schema!({
            "description": "A `[[command]]`. With `runner` it is the current form; without, the deprecated form, whose runner comes from the module's `abi` and in which Wasmer refuses unknown keys.",
            "type": "object",
            "if": { "required": ["runner"] },
            "then": v2,
            "else": v1,
        })
    }
}

impl JsonSchema for CommandAnnotations {
    fn schema_name() -> Cow<'static, str> {
        "CommandAnnotations".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let file = generator.subschema_for::<FileAnnotations>();
        let inline = generator.subschema_for::<Annotations>();
        json_schema!({
            "description": "Settings passed to the runner: one table per runner (`[command.annotations.wasi]`), or `{ file, kind }` naming a YAML or JSON file that holds them. Anything but a table is ignored by Wasmer.",
            "if": { "type": "object" },
            "then": {
                "if": { "required": ["file", "kind"] },
                "then": file,
                "else": inline,
            },
        })
    }
}
