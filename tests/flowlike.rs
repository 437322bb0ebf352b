//! API-level tests of the Flow-Like format: detection, the typed model and
//! its serde round trip, one-run reporting, and the seed document's example.

use std::path::{Path, PathBuf};
use std::time::Duration;

use wasm_manifests::flowlike::{Manifest, MemoryTier, PackageCategory, TimeoutTier};
use wasm_manifests::{Format, Options, Severity};

const HEADER: &str = r#"manifest_version = 1
id = "com.example.tests"
name = "Tests"
version = "1.0.0"
description = "A manifest built by a test"
"#;

const NODE: &str = r#"
[[nodes]]
id = "node"
name = "Node"
description = "Does something"
category = "Custom"
"#;

fn codes(text: &str) -> Vec<&'static str> {
    wasm_manifests::parse(text, Format::FlowLike)
        .report()
        .iter()
        .map(|d| d.code)
        .collect()
}

/// A fresh directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let unique = format!(
            "wasm-manifests-flowlike-{name}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos()
        );
        let dir = std::env::temp_dir().join(unique);
        std::fs::create_dir_all(&dir).expect("create temporary directory");
        Self(dir)
    }

    fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write temporary file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn detects_all_three_file_names() {
    let dir = TempDir::new("detect");
    let text = format!("{HEADER}{NODE}");
    for name in ["manifest.toml", "flow-like.toml"] {
        let path = dir.write(name, text.as_bytes());
        let parsed = wasm_manifests::parse_file(&path).expect("readable and detected");
        assert_eq!(parsed.format(), Format::FlowLike, "{name}");
        assert!(parsed.report().is_empty(), "{name}: {}", parsed.report());
    }

    // A local package: `<module>.toml` beside `<module>.wasm`; the content decides.
    dir.write("my_node.wasm", b"\0asm\x01\0\0\0");
    let path = dir.write("my_node.toml", text.as_bytes());
    let parsed = wasm_manifests::parse_file(&path).expect("readable and detected");
    assert_eq!(parsed.format(), Format::FlowLike);
    let Some(wasm_manifests::Manifest::FlowLike(manifest)) = parsed.manifest() else {
        panic!("expected a Flow-Like manifest");
    };
    assert_eq!(manifest.nodes[0].id, "node");

    // Only `[[nodes]]` besides the version is enough for the content to decide.
    let path = dir.write(
        "other.toml",
        format!("manifest_version = 1\n{NODE}").as_bytes(),
    );
    assert_eq!(
        wasm_manifests::parse_file(&path)
            .expect("detected")
            .format(),
        Format::FlowLike
    );

    // Some other TOML beside a module is not mistaken for a manifest.
    dir.write("tool.wasm", b"\0asm\x01\0\0\0");
    let path = dir.write("tool.toml", b"title = \"not a manifest\"\n");
    assert!(matches!(
        wasm_manifests::parse_file(&path),
        Err(wasm_manifests::Error::UnknownFormat(_))
    ));
}

#[test]
fn model_round_trips_through_its_own_serde() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/flowlike/valid/full.toml"),
    )
    .expect("fixture");
    let manifest: Manifest = text.parse().expect("valid manifest");

    let toml_text = toml::to_string(&manifest).expect("serialize to TOML");
    let from_toml: Manifest = toml::from_str(&toml_text).expect("deserialize from TOML");
    assert_eq!(from_toml, manifest);

    let json = serde_json::to_string(&manifest).expect("serialize to JSON");
    let from_json: Manifest = serde_json::from_str(&json).expect("deserialize from JSON");
    assert_eq!(from_json.permissions, manifest.permissions);
    assert_eq!(from_json.nodes.len(), manifest.nodes.len());

    // The serialized text is itself a clean manifest that reads back the same.
    let again: Manifest = toml_text.parse().expect("re-read");
    assert_eq!(again, manifest);
}

#[test]
fn serde_defaults_match_the_format() {
    let manifest: Manifest = toml::from_str(&format!("{HEADER}{NODE}")).expect("deserialize");
    assert_eq!(manifest.permissions.memory, MemoryTier::Standard);
    assert_eq!(manifest.permissions.timeout, TimeoutTier::Standard);
    assert!(!manifest.permissions.network.http_enabled);
    assert!(manifest.permissions.oauth_scopes.is_empty());
    assert!(manifest.authors.is_empty());
    // Required keys stay required for serde too.
    assert!(toml::from_str::<Manifest>("manifest_version = 1\nid = \"a.b\"\n").is_err());
}

#[test]
fn tiers_know_their_sizes_and_durations() {
    const MIB: u64 = 1024 * 1024;
    let sizes: Vec<u64> = MemoryTier::ALL.iter().map(|t| t.bytes() / MIB).collect();
    assert_eq!(sizes, [16, 32, 64, 128, 256, 512, 1024, 2048, 4096]);
    let seconds: Vec<u64> = TimeoutTier::ALL
        .iter()
        .map(|t| t.duration().as_secs())
        .collect();
    assert_eq!(seconds, [5, 30, 60, 300, 600, 1800]);
    // The tiers the current revision added are told apart.
    let extended: Vec<&str> = MemoryTier::ALL
        .iter()
        .filter(|t| t.is_extended())
        .map(|t| t.as_str())
        .collect();
    assert_eq!(extended, ["large", "huge", "extreme", "maximum"]);
    let extended: Vec<&str> = TimeoutTier::ALL
        .iter()
        .filter(|t| t.is_extended())
        .map(|t| t.as_str())
        .collect();
    assert_eq!(extended, ["very_long", "maximum"]);
    assert_eq!(MemoryTier::default(), MemoryTier::Standard);
    assert_eq!(TimeoutTier::default().duration(), Duration::from_secs(30));
    for tier in MemoryTier::ALL {
        assert_eq!(tier.as_str().parse::<MemoryTier>(), Ok(tier));
    }
    for tier in TimeoutTier::ALL {
        assert_eq!(tier.to_string().parse::<TimeoutTier>(), Ok(tier));
    }
    let err = "LongRunning"
        .parse::<TimeoutTier>()
        .unwrap_err()
        .to_string();
    assert!(err.contains("`long_running`"), "{err}");
}

#[test]
fn a_capitalised_tier_is_an_error_naming_the_lower_case_one() {
    let text = format!("{HEADER}\n[permissions]\nmemory = \"Standard\"\n{NODE}");
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let d = &parsed.report().diagnostics()[0];
    assert_eq!(d.code, "flow-like/unknown-memory-tier");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path.to_string(), "permissions.memory");
    assert_eq!((d.span.line, d.span.column), (8, 10));
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("write `standard`"), "{help}");
    assert!(help.contains("`intensive` (256 MiB)"), "{help}");
    // Flow-Like's parser refuses the manifest, so no model is handed out.
    assert!(parsed.manifest().is_none());
}

#[test]
fn every_bad_node_is_reported_in_one_run() {
    let count = 7;
    let mut text = HEADER.to_owned();
    for i in 0..count {
        text.push_str(&format!(
            "\n[[nodes]]\nid = \"n{i}\"\nname = \"N\"\ndescription = \"d\"\ncategory = \"C\"\noauth_providers = [\"provider{i}\"]\n"
        ));
    }
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let report = parsed.report();
    // Warnings: only Flow-Like versions that read `[[nodes]]` refuse them.
    assert_eq!(report.error_count(), 0, "{report}");
    assert_eq!(report.warning_count(), count, "{report}");
    for (i, d) in report.iter().enumerate() {
        assert_eq!(d.code, "flow-like/undeclared-oauth-provider");
        assert_eq!(d.severity, Severity::Warning);
        let note = d.note.as_deref().unwrap_or_default();
        assert!(note.contains("versions that read `[[nodes]]`"), "{note}");
        assert_eq!(d.path.to_string(), format!("nodes[{i}].oauth_providers[0]"));
        assert!(d.message.contains(&format!("node `n{i}`")), "{}", d.message);
        assert!(
            d.message.contains(&format!("`provider{i}`")),
            "{}",
            d.message
        );
        assert_eq!(d.labels.len(), 1, "the node's id is pointed at");
    }
    // These are publish-time errors: the document itself was read.
    assert!(parsed.manifest().is_some());
}

#[test]
fn different_mistakes_in_different_entries_do_not_hide_each_other() {
    let text = format!(
        r#"{HEADER}
[[authors]]
email = "nobody"

[[permissions.oauth_scopes]]
provider = "google"
scopes = []
reason = "Identify you"

[[nodes]]
id = "a"
name = "A"
description = "first"

[[nodes]]
id = "a"
name = "A again"
description = "second"
category = "X//Y"
oauth_providers = ["google", 3]
"#
    );
    let mut found = codes(&text);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "flow-like/duplicate-node-id",
            "flow-like/empty-category-segment",
            "flow-like/empty-oauth-scopes",
            "flow-like/invalid-email",
            "missing-key",
            "missing-key",
            "wrong-type",
        ]
    );
}

#[test]
fn many_nodes_are_checked_in_one_pass() {
    // Duplicates are found with a map, not by comparing every pair.
    let mut text = HEADER.to_owned();
    let nodes = 3000;
    for i in 0..nodes {
        let id = i % 1000;
        text.push_str(&format!(
            "[[nodes]]\nid = \"n{id}\"\nname = \"N\"\ndescription = \"d\"\ncategory = \"C\"\n"
        ));
    }
    let report = wasm_manifests::parse(&text, Format::FlowLike).into_report();
    assert_eq!(report.warning_count(), nodes - 1000);
    assert!(
        report
            .iter()
            .all(|d| d.code == "flow-like/duplicate-node-id")
    );
    let first = &report.diagnostics()[0];
    assert_eq!(first.path.to_string(), "nodes[1000].id");
    assert_eq!(first.labels[0].message, "first defined here");
}

#[test]
fn camel_case_keys_get_the_snake_case_name() {
    let text = format!(
        "{HEADER}minFlowLikeVersion = \"0.5.0\"\n\n[permissions.network]\nhttpEnabled = true\n{NODE}oauthProviders = []\n"
    );
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let helps: Vec<(String, Severity, String)> = parsed
        .report()
        .iter()
        .map(|d| {
            (
                d.path.to_string(),
                d.severity,
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expect = [
        ("minFlowLikeVersion", "min_flow_like_version"),
        ("permissions.network.httpEnabled", "http_enabled"),
        ("nodes[0].oauthProviders", "oauth_providers"),
    ];
    assert_eq!(helps.len(), expect.len(), "{helps:?}");
    for ((path, severity, help), (want_path, snake)) in helps.iter().zip(expect) {
        assert_eq!(path, want_path);
        assert_eq!(*severity, Severity::Warning);
        assert!(
            help.contains("snake_case") && help.contains(&format!("`{snake}`")),
            "{help}"
        );
    }
    // Unknown keys are only warnings: the manifest is still usable.
    assert!(parsed.into_result().is_ok());
}

#[test]
fn http_without_hosts_is_a_warning_that_strict_mode_refuses() {
    let text = format!("{HEADER}\n[permissions.network]\nhttp_enabled = true\n{NODE}");
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let d = &parsed.report().diagnostics()[0];
    assert_eq!(d.code, "flow-like/allows-all-hosts");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("every host"), "{}", d.message);
    let Some(wasm_manifests::Manifest::FlowLike(manifest)) = parsed.manifest() else {
        panic!("a warning keeps the manifest");
    };
    assert!(manifest.permissions.network.allows_all_hosts());

    let strict = Options::new().strict(true).parse(&text, Format::FlowLike);
    assert!(strict.report().has_errors());
}

#[test]
fn a_package_without_nodes_is_accepted_with_a_warning() {
    // Current Flow-Like reads the nodes from the module: no error.
    let manifest: Manifest = HEADER.parse().expect("accepted");
    assert!(manifest.nodes.is_empty());
    let report = wasm_manifests::parse(HEADER, Format::FlowLike).into_report();
    let d = &report.diagnostics()[0];
    assert_eq!(d.code, "flow-like/no-nodes");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.note
            .as_deref()
            .is_some_and(|n| n.contains("refuse to publish") && n.contains("WASM module")),
        "{d:?}"
    );
    // Strict mode keeps the older versions' refusal.
    let strict = Options::new().strict(true).parse(HEADER, Format::FlowLike);
    assert!(strict.report().has_errors());
}

#[test]
fn publish_time_checks_refuse_the_manifest() {
    let empty_id = HEADER.replace("com.example.tests", "");
    let err = format!("{empty_id}{NODE}").parse::<Manifest>().unwrap_err();
    let d = &err.report().diagnostics()[0];
    assert_eq!(d.code, "flow-like/empty-required-field");
    assert_eq!(d.path.to_string(), "id");
}

#[test]
fn node_oauth_scopes_come_from_the_package_declarations() {
    let text = format!(
        r#"{HEADER}
[[permissions.oauth_scopes]]
provider = "google"
scopes = ["openid"]
reason = "Identify you"

[[permissions.oauth_scopes]]
provider = "github"
scopes = ["repo"]
reason = "Read your repositories"

[[nodes]]
id = "both"
name = "Both"
description = "Uses both"
category = "X"
oauth_providers = ["github", "google"]

[[nodes]]
id = "none"
name = "None"
description = "Uses none"
category = "X"
"#
    );
    let manifest: Manifest = text.parse().expect("valid");
    let providers: Vec<&str> = manifest
        .oauth_scopes_of("both")
        .iter()
        .map(|s| s.provider.as_str())
        .collect();
    assert_eq!(providers, ["google", "github"]);
    assert!(manifest.oauth_scopes_of("none").is_empty());
    assert!(manifest.oauth_scopes_of("missing").is_empty());
    let categories: Vec<&str> = manifest.nodes[0].category_path().collect();
    assert_eq!(categories, ["X"]);
}

#[test]
fn codes_are_documented() {
    let docs: Vec<_> = wasm_manifests::codes::all()
        .filter(|d| d.code.starts_with("flow-like/"))
        .collect();
    assert!(docs.len() >= 20, "{} Flow-Like codes", docs.len());
    for doc in docs {
        assert!(
            doc.severity == "error" || doc.severity == "warning",
            "{}",
            doc.code
        );
        for text in [doc.summary, doc.why, doc.example, doc.fix] {
            assert!(!text.trim().is_empty(), "{} has an empty section", doc.code);
        }
        let markdown = doc.to_markdown();
        assert!(markdown.starts_with(&format!("# {}", doc.code)));
    }
}

#[test]
fn never_panics_on_truncated_input() {
    for fixture in ["full.toml", "json.json"] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/flowlike/valid")
                .join(fixture),
        )
        .expect("fixture");
        for end in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
            let parsed = wasm_manifests::parse(&text[..end], Format::FlowLike);
            // Every diagnostic points inside the text.
            for d in parsed.report() {
                assert!(d.span.end <= end, "{fixture}: {} at {end}", d.code);
            }
        }
    }
}

/// The "Full Example" of the format's documentation, taken from the seed
/// document at test time.
fn seed_full_example() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/flow-like-manifest.txt");
    let Ok(seed) = std::fs::read_to_string(&path) else {
        println!(
            "notice: {} is absent; skipping the seed example test",
            path.display()
        );
        return None;
    };
    let mut lines = seed.lines().skip_while(|l| l.trim() != "## Full Example");
    lines.next()?;
    let block: Vec<&str> = lines
        .skip_while(|l| !l.trim_start().starts_with("```toml"))
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with("```"))
        .collect();
    Some(block.join("\n") + "\n")
}

#[test]
fn the_seed_full_example_has_no_errors() {
    let Some(example) = seed_full_example() else {
        return;
    };
    assert!(
        example.contains("[[nodes]]"),
        "the extracted block is the example"
    );
    let parsed = wasm_manifests::parse(&example, Format::FlowLike);
    assert!(!parsed.report().has_errors(), "{}", parsed.report());
    let Some(wasm_manifests::Manifest::FlowLike(manifest)) = parsed.manifest() else {
        panic!("no manifest built from the seed example");
    };
    assert_eq!(manifest.id, "com.example.google-drive");
    assert_eq!(manifest.nodes.len(), 3);
    assert_eq!(manifest.permissions.timeout, TimeoutTier::Extended);
    assert_eq!(manifest.permissions.oauth_scopes[0].provider, "google");
    assert_eq!(manifest.oauth_scopes_of("upload_file").len(), 1);
}

#[test]
fn unreadable_oauth_declarations_do_not_cascade_into_node_errors() {
    // `[permissions.oauth_scopes]` with single brackets: one wrong-type
    // error, and the nodes are not blamed for providers it may declare.
    let single = format!(
        r#"{HEADER}
[permissions.oauth_scopes]
provider = "google"
scopes = ["openid"]
reason = "Identify you"
{NODE}oauth_providers = ["google"]
"#
    );
    let report = wasm_manifests::parse(&single, Format::FlowLike).into_report();
    let found: Vec<_> = report.iter().map(|d| (d.code, d.help.clone())).collect();
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0].0, "wrong-type");
    assert!(
        found[0]
            .1
            .as_deref()
            .is_some_and(|h| h.contains("`[[permissions.oauth_scopes]]`")),
        "{found:?}"
    );

    // A declaration without `provider`: only the missing key is reported.
    let no_provider = format!(
        r#"{HEADER}
[[permissions.oauth_scopes]]
scopes = ["openid"]
reason = "Identify you"
{NODE}oauth_providers = ["google"]
"#
    );
    assert_eq!(codes(&no_provider), ["missing-key"]);
}

#[test]
fn a_category_of_slashes_only_gets_no_empty_suggestion() {
    let text = format!("{HEADER}{}", NODE.replace("\"Custom\"", "\"//\""));
    let report = wasm_manifests::parse(&text, Format::FlowLike).into_report();
    let d = &report.diagnostics()[0];
    assert_eq!(d.code, "flow-like/empty-category-segment");
    assert!(d.message.contains("no name"), "{}", d.message);
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("Custom/Examples"))
    );
}

#[test]
fn the_current_revision_reads_categories_tiers_and_network_switches() {
    let text = format!(
        "{HEADER}primary_category = \"AI_ML\"\nsecondary_category = \"OTHER\"\n\n[permissions]\nmemory = \"huge\"\ntimeout = \"very_long\"\n\n[permissions.network]\ntcp_enabled = true\nudp_enabled = true\ndns_enabled = true\n{NODE}"
    );
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    let Some(wasm_manifests::Manifest::FlowLike(manifest)) = parsed.manifest() else {
        panic!("no manifest");
    };
    assert_eq!(manifest.primary_category, Some(PackageCategory::AiMl));
    assert_eq!(manifest.secondary_category, Some(PackageCategory::Other));
    assert_eq!(manifest.permissions.memory.bytes(), 1024 * 1024 * 1024);
    assert_eq!(
        manifest.permissions.timeout.duration(),
        Duration::from_secs(600)
    );
    let network = &manifest.permissions.network;
    assert!(network.tcp_enabled && network.udp_enabled && network.dns_enabled);
    assert!(!network.http_enabled);
}

#[test]
fn a_category_in_another_case_is_an_error_naming_the_right_spelling() {
    let text = format!("{HEADER}primary_category = \"ai_ml\"\n{NODE}");
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let d = &parsed.report().diagnostics()[0];
    assert_eq!(d.code, "flow-like/unknown-category");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path.to_string(), "primary_category");
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("`primary_category = \"AI_ML\"`"), "{help}");
    // The current revision refuses the manifest: no model.
    assert!(parsed.manifest().is_none());

    let typed = format!("{HEADER}secondary_category = 7\n{NODE}");
    let report = wasm_manifests::parse(&typed, Format::FlowLike).into_report();
    let d = &report.diagnostics()[0];
    assert_eq!(d.code, "wrong-type");
    assert!(d.message.contains("a category name"), "{}", d.message);
}

#[test]
fn unusual_id_characters_and_url_hosts_are_warnings() {
    let text = format!(
        "{}\n[permissions.network]\nhttp_enabled = true\nallowed_hosts = [\"https://api.example.com/v1\"]\n{NODE}",
        HEADER.replace("com.example.tests", "com.example/tests")
    );
    let parsed = wasm_manifests::parse(&text, Format::FlowLike);
    let found: Vec<(&str, Severity)> = parsed
        .report()
        .iter()
        .map(|d| (d.code, d.severity))
        .collect();
    assert_eq!(
        found,
        [
            ("flow-like/invalid-id-character", Severity::Warning),
            ("flow-like/invalid-host-pattern", Severity::Warning),
        ]
    );
    assert!(parsed.into_result().is_ok());
}

#[test]
fn hosts_listed_for_tcp_are_not_ignored() {
    let listed = format!("{HEADER}\n[permissions.network]\nallowed_hosts = [\"10.0.0.5\"]\n{NODE}");
    assert_eq!(codes(&listed), ["flow-like/allowed-hosts-ignored"]);
    let tcp = listed.replace("allowed_hosts", "tcp_enabled = true\nallowed_hosts");
    assert_eq!(codes(&tcp), Vec::<&str>::new());
}

#[test]
fn the_current_revision_templates_are_clean() {
    // The project templates of the current revision use `tcp_enabled`,
    // `udp_enabled` and `dns_enabled`: not a single diagnostic.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/flowlike");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("notice: {} is absent; skipping", dir.display());
        return;
    };
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("Rheosoph__") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(text.contains("tcp_enabled"), "{name}");
        let parsed = wasm_manifests::parse(&text, Format::FlowLike);
        assert!(parsed.report().is_empty(), "{name}: {}", parsed.report());
        checked += 1;
    }
    assert!(checked >= 2, "{checked} current-revision templates");
}
