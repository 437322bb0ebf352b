//! `wasmer/invalid-annotations-kind`: `annotations = { file, kind }` with a `kind` other than `yaml` or `json`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::wasmer::AnnotationsFileKind;

pub(crate) static RULE: Rule = Rule::error("wasmer/invalid-annotations-kind")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`annotations = { file, kind }` with a `kind` other than `yaml` or `json`.",
        "With another kind the official parser silently treats the table as inline annotations, so the file is never read.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = { file = \"run.toml\", kind = \"toml\" }",
        "Convert the file to YAML or JSON and set `kind` accordingly.",
    );

/// Reads the `kind` of an annotations file.
pub(crate) fn parse(cx: &mut Cx, kind: &str, path: &P<'_>) -> Option<AnnotationsFileKind> {
    match kind {
        "yaml" => Some(AnnotationsFileKind::Yaml),
        "json" => Some(AnnotationsFileKind::Json),
        _ => {
            cx.report(&RULE, path, format!("annotations file kind `{kind}` is not supported"))
                .help("use `kind = \"yaml\"` or `kind = \"json\"`")
                .note("with any other kind Wasmer treats this table as inline annotations and never reads the file");
            None
        }
    }
}
