//! `--output sarif` validates against the published SARIF 2.1.0 JSON
//! schema.
//!
//! The schema is not copied into this repository: the `serde-sarif` crate
//! (a dev-dependency) ships it as `src/schema.json` in its package, and
//! these tests read it from there. The package is found through the
//! dependency file cargo writes beside the compiled crate, or else through
//! `cargo metadata`. The output is also read back into serde-sarif's typed
//! model.

mod support;

use std::path::{Path, PathBuf};

use support::*;

/// The folder of the serde-sarif package, from the dependency file
/// (`deps/serde_sarif-<hash>.d`) that lists its sources.
fn package_from_dep_info() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let deps = exe.parent()?;
    for entry in std::fs::read_dir(deps).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("serde_sarif-") && name.ends_with(".d")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).ok()?;
        for line in text.lines() {
            // Lines of the form `/path/to/serde-sarif-x.y.z/src/lib.rs:`.
            let Some(source) = line.strip_suffix(':') else {
                continue;
            };
            let source = source.replace("\\ ", " ");
            if source.ends_with("src/lib.rs") || source.ends_with("src\\lib.rs") {
                let package = Path::new(&source).parent()?.parent()?;
                if package.join("src/schema.json").is_file() {
                    return Some(package.to_owned());
                }
            }
        }
    }
    None
}

/// The folder of the serde-sarif package, from `cargo metadata`.
fn package_from_metadata() -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(workspace_root())
        .output()
        .ok()?;
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let package = metadata["packages"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == "serde-sarif")?;
    Some(
        Path::new(package["manifest_path"].as_str()?)
            .parent()?
            .to_owned(),
    )
}

/// The SARIF 2.1.0 schema, as published by OASIS and shipped by
/// serde-sarif.
fn sarif_schema() -> serde_json::Value {
    let package = package_from_dep_info()
        .or_else(package_from_metadata)
        .expect("the serde-sarif package (a dev-dependency) can be found");
    let path = package.join("src/schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    drop_invalid_patterns(&mut schema);
    schema
}

/// The published schema's `language` properties carry a regular expression
/// with an unbalanced `]`, which a strict validator refuses to compile.
/// Those patterns (about a property this tool never writes) are removed.
fn drop_invalid_patterns(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if map
                .get("pattern")
                .and_then(|p| p.as_str())
                .is_some_and(|p| p.contains("]?$") && p.contains("|^["))
            {
                map.remove("pattern");
            }
            map.values_mut().for_each(drop_invalid_patterns);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_invalid_patterns),
        _ => {}
    }
}

fn validate(sarif: &serde_json::Value) {
    let schema = sarif_schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF output does not match the schema:\n{}",
        errors.join("\n")
    );
    let typed: Result<serde_sarif::sarif::Sarif, _> = serde_json::from_value(sarif.clone());
    assert!(typed.is_ok(), "serde-sarif cannot read it: {typed:?}");
}

fn sarif_of(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:?}"))
}

#[test]
fn sarif_output_matches_the_schema() {
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--output", "sarif"], None);
    assert_eq!(run.code, 1, "{run:?}");
    let sarif = sarif_of(&run);
    validate(&sarif);
    // The snapshot leaves out the rules (every documented code, checked
    // below) so that it does not change whenever a code is added.
    let mut shown = sarif.clone();
    shown["runs"][0]["tool"]["driver"]["rules"] = serde_json::json!("(every code)");
    if let Some(results) = shown["runs"][0]["results"].as_array_mut() {
        for result in results {
            result["ruleIndex"] = serde_json::json!("(index of ruleId)");
        }
    }
    shown["runs"][0]["tool"]["driver"]["version"] = serde_json::json!("(version)");
    let shown = Run {
        stdout: serde_json::to_string_pretty(&shown).expect("serializes") + "\n",
        ..run
    };
    snapshot("check-sarif", &shown);

    let sarif_run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif_run["tool"]["driver"]["name"], "wasm-manifests");
    let rules = sarif_run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), wasm_manifests::codes::all().count());
    for (rule, doc) in rules.iter().zip(wasm_manifests::codes::all()) {
        assert_eq!(rule["id"], doc.code);
        assert_eq!(rule["helpUri"], doc.url());
    }
    for result in sarif_run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn sarif_of_every_fixture_matches_the_schema() {
    let run = run(&["check", "--output", "sarif", "fixtures"]);
    assert_eq!(run.code, 1, "{run:?}");
    let sarif = sarif_of(&run);
    validate(&sarif);
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .is_some_and(|r| r.len() > 10)
    );
}

#[test]
fn sarif_lists_paths_that_could_not_be_checked() {
    let project = wasmer_project();
    let run = run_in(
        project.path(),
        &["check", "--output", "sarif", "c", "missing.toml"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    let sarif = sarif_of(&run);
    validate(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let text = invocation["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap_or("");
    assert!(text.contains("missing.toml"), "{text}");
}

/// The validation is real: logs that break the schema are refused.
#[test]
fn the_schema_refuses_broken_logs() {
    let schema = sarif_schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let project = wasmer_project();
    let run = run_in(project.path(), &["check", "--output", "sarif"], None);
    let good = sarif_of(&run);
    assert!(validator.is_valid(&good));
    let mut wrong_level = good.clone();
    wrong_level["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&wrong_level));
    let mut zero_line = good.clone();
    zero_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    assert!(!validator.is_valid(&zero_line));
    let mut no_version = good;
    no_version.as_object_mut().map(|o| o.remove("version"));
    assert!(!validator.is_valid(&no_version));
}
