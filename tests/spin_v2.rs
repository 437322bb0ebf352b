//! Spin manifest version 2: the real manifests, and the conversion from
//! version 1 (every v1 corpus manifest and valid v1 fixture converts to a
//! version 2 manifest with no errors and the same package).

use std::path::{Path, PathBuf};

use wasm_manifests::package::Package;
use wasm_manifests::spin::convert::{self, ConvertError};
use wasm_manifests::{Format, Manifest};

/// The files of the first folder that exists, or `None` (with a notice).
fn files_in(folders: &[&str]) -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        return Some(files);
    }
    println!("notice: none of {folders:?} exists; skipping");
    None
}

#[test]
fn the_version_2_corpus_has_no_errors() {
    let Some(files) = files_in(&[
        "../shared/corpus/spin-v2",
        "../shared/corpus-pending/spin-v2",
    ]) else {
        return;
    };
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for file in &files {
        let parsed = wasm_manifests::Options::new()
            .parse_file_as(file, Format::Spin)
            .expect("readable");
        print!("{}", parsed.report());
        if parsed.report().has_errors() || !matches!(parsed.manifest(), Some(Manifest::SpinV2(_))) {
            failures.push(format!("{}:\n{}", file.display(), parsed.report()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} version 2 corpus files: no errors", files.len());
}

/// What a package view says, without the positions (which differ between
/// the two texts) and with version 1 ids as Spin repairs them.
fn facts(package: &Package, repair: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut out = vec![format!("{:?}", package.identity)];
    let scope = |s: &Option<String>| s.as_deref().map(repair);
    for m in &package.modules {
        out.push(format!(
            "module {} {:?} {:?}",
            repair(&m.name),
            m.source,
            m.sha256
        ));
    }
    for e in &package.entry_points {
        out.push(format!(
            "entry {} {:?} {:?}",
            repair(&e.name),
            e.module.as_deref().map(repair),
            e.kind
        ));
    }
    let c = &package.capabilities;
    out.push(format!("network {:?}", c.network));
    for h in &c.outbound {
        out.push(format!(
            "host {} {} {:?} {:?}",
            h.scheme,
            h.host,
            h.port,
            scope(&h.scope)
        ));
    }
    for f in &c.files {
        out.push(format!("file {} {} {:?}", f.host, f.guest, scope(&f.scope)));
    }
    for e in &c.env {
        out.push(format!("env {}={} {:?}", e.name, e.value, scope(&e.scope)));
    }
    for (what, list) in [
        ("kv", &c.key_value_stores),
        ("sqlite", &c.sqlite_databases),
        ("ai", &c.ai_models),
    ] {
        for n in list {
            out.push(format!("{what} {} {:?}", n.name, scope(&n.scope)));
        }
    }
    for v in &c.variables {
        out.push(format!(
            "variable {} {} {} {:?}",
            v.name,
            v.secret,
            v.required,
            scope(&v.scope)
        ));
    }
    out.sort();
    out
}

fn repair(id: &str) -> String {
    if id.contains('_')
        || id.chars().any(|c| c.is_ascii_uppercase())
            && !id.chars().all(|c| !c.is_ascii_lowercase())
    {
        id.replace('_', "-").to_lowercase()
    } else {
        id.to_owned()
    }
}

#[test]
fn version_1_manifests_convert_to_the_same_package() {
    let mut files = files_in(&["../shared/corpus/spin"]).unwrap_or_default();
    files.extend(files_in(&["fixtures/spin/valid"]).unwrap_or_default());
    assert!(!files.is_empty(), "the valid version 1 fixtures are there");
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let original = wasm_manifests::parse(&text, Format::Spin);
        let conversion = match convert::convert(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: not converted: {e}", file.display()));
                continue;
            }
        };
        let converted = wasm_manifests::parse(conversion.text(), Format::Spin);
        // The model conversion gives the same application as the text.
        let Some(Manifest::Spin(v1)) = original.manifest() else {
            unreachable!("a valid version 1 manifest")
        };
        assert_eq!(
            &v1.to_v2().expect("converts"),
            conversion.manifest(),
            "{}",
            file.display()
        );
        if converted.report().has_errors() {
            failures.push(format!(
                "{}: the result has errors:\n{}",
                file.display(),
                converted.report()
            ));
            continue;
        }
        let mut before = facts(&original.package().expect("view"), &repair);
        // The version 1 view keeps templates as written and lists `self`
        // over https too; Spin resolves hosts with the variables' defaults
        // and converts `self` to `http://self` only.
        before.retain(|f| !(f.starts_with("host https self ")));
        for fact in &mut before {
            for (name, variable) in &v1.variables {
                if let Some(default) = &variable.default {
                    *fact = fact.replace(&format!("{{{{ {name} }}}}"), default);
                }
            }
        }
        before.sort();
        let after = facts(&converted.package().expect("view"), &|s: &str| s.to_owned());
        if before != after {
            let diff = similar::TextDiff::from_lines(&before.join("\n"), &after.join("\n"))
                .unified_diff()
                .to_string();
            failures.push(format!("{}: the package differs:\n{diff}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("{} version 1 manifests converted", files.len());
}

#[test]
fn comments_and_order_are_kept() {
    let text = r#"# My app.
spin_manifest_version = "1"
name = "app"  # the name
version = "1.0.0"
trigger = { type = "http", base = "/api" }

# The one component.
[[component]]
id = "my_api"
source = "api.wasm"
allowed_outbound_hosts = ["http://my_api.spin.internal"]
[component.trigger]
route = "/users"  # all users
[component.config]
# The key.
key = "value"
"#;
    let conversion = convert::convert(text).unwrap();
    let out = conversion.text();
    assert!(
        out.starts_with(
            "# My app.\nspin_manifest_version = 2\n\n[application]\nname = \"app\"  # the name\n"
        ),
        "{out}"
    );
    assert!(out.contains("# The one component.\n[[trigger.http]]\nid = \"trigger-my-api\"\ncomponent = \"my-api\"\nroute = \"/api/users\""), "{out}");
    assert!(
        out.contains("[component.my-api.variables]\n# The key.\nkey = \"value\""),
        "{out}"
    );
    assert!(out.contains("\"http://my-api.spin.internal\""), "{out}");
    assert!(!out.contains("base"), "{out}");
    assert_eq!(conversion.changes().len(), 3, "{:?}", conversion.changes());
}

#[test]
fn a_conversion_that_would_lose_a_component_is_refused() {
    let text = r#"spin_manifest_version = "1"
name = "app"
version = "1.0.0"
trigger = { type = "http", base = "/" }
[[component]]
id = "my_api"
source = "a.wasm"
[component.trigger]
route = "/a"
[[component]]
id = "my-api"
source = "b.wasm"
[component.trigger]
route = "/b"
"#;
    match convert::convert(text) {
        Err(ConvertError::Invalid(report)) => {
            assert!(
                report
                    .iter()
                    .any(|d| d.code == "spin/duplicate-component-id"),
                "{report}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_conversion_version_2_would_refuse_is_refused() {
    let text = r#"spin_manifest_version = "1"
name = "app"
version = "1.0.0"
trigger = { type = "http", base = "/" }
[[component]]
id = "api"
source = "a.wasm"
key_value_stores = ["My Store"]
[component.trigger]
route = "/a"
"#;
    match convert::convert(text) {
        Err(ConvertError::Unconvertible(report)) => {
            assert!(
                report.iter().any(|d| d.code == "spin/invalid-store-label"),
                "{report}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let v2 = "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = \"a.wasm\"\n";
    assert!(matches!(
        convert::convert(v2),
        Err(ConvertError::AlreadyVersion2)
    ));
}

#[test]
fn the_typed_model_reads_and_normalises() {
    let text = "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = { source = \"x.wasm\" }\n";
    let manifest: wasm_manifests::spin::v2::Manifest = text.parse().unwrap();
    let app = manifest.normalized();
    assert_eq!(app.trigger["http"][0].id.as_deref(), Some("http-trigger1"));
    assert!(app.component("http-trigger1-component").is_some());
    // Deserialize goes through the same rules: an unknown component is refused.
    let bad = "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"nope\"\n";
    let err = toml::from_str::<wasm_manifests::spin::v2::Manifest>(bad).unwrap_err();
    assert!(err.to_string().contains("`nope` is not defined"), "{err}");
}
