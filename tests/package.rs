//! The format-independent package view: the same app written in each
//! format gives the same shape and, where the format can express it, the
//! same capabilities; each runtime's special cases are mapped as the
//! runtime behaves.

use std::collections::BTreeSet;
use std::path::Path;

use wasm_manifests::package::{EntryKind, ModuleSource, NetworkAccess, Package};
use wasm_manifests::{Format, parse_file};

fn same_app(name: &str) -> Package {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/same-app")
        .join(name);
    let parsed = parse_file(&path).unwrap();
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    parsed.package().unwrap()
}

fn all_four() -> [(Format, Package); 4] {
    [
        (Format::Wasmer, same_app("wasmer.toml")),
        (Format::Spin, same_app("spin.toml")),
        (Format::Extism, same_app("plugin.json")),
        (Format::FlowLike, same_app("flow-like.toml")),
    ]
}

#[test]
fn the_four_formats_give_the_same_shape() {
    let shapes: Vec<BTreeSet<String>> = all_four()
        .iter()
        .map(|(_, package)| {
            let json = serde_json::to_value(package).unwrap();
            let mut keys = BTreeSet::new();
            for (section, value) in json.as_object().unwrap() {
                keys.insert(section.clone());
                if let Some(object) = value.as_object() {
                    keys.extend(object.keys().map(|k| format!("{section}.{k}")));
                }
            }
            keys
        })
        .collect();
    for shape in &shapes[1..] {
        assert_eq!(shape, &shapes[0]);
    }
    assert!(shapes[0].contains("capabilities.outbound"));
}

#[test]
fn capabilities_compare_field_by_field() {
    for (format, package) in all_four() {
        assert_eq!(package.format, format);
        let caps = &package.capabilities;

        // Network: Wasmer has no network settings (the host decides at run
        // time); the others allow exactly the weather API over https.
        if format == Format::Wasmer {
            assert_eq!(caps.network, NetworkAccess::HostDecides);
            assert!(caps.outbound.is_empty());
        } else {
            assert_eq!(caps.network, NetworkAccess::Hosts, "{format}");
            let hosts: BTreeSet<&str> = caps.outbound.iter().map(|h| h.host.as_str()).collect();
            assert_eq!(hosts, BTreeSet::from(["api.weather.example"]), "{format}");
            assert!(
                caps.outbound.iter().any(|h| h.scheme == "https"),
                "{format}"
            );
            // Extism and Flow-Like match host names only: any port, http
            // or https. Spin checks the scheme and the default port.
            let expected_port = if format == Format::Spin {
                None
            } else {
                Some("*")
            };
            assert!(
                caps.outbound
                    .iter()
                    .all(|h| h.port.as_deref() == expected_port),
                "{format}"
            );
        }

        // Files: the assets directory, read-only, at /assets (Flow-Like
        // has no host mounts).
        if format == Format::FlowLike {
            assert!(caps.files.is_empty());
        } else {
            assert_eq!(caps.files.len(), 1, "{format}");
            let mount = &caps.files[0];
            assert_eq!(
                (
                    mount.host.as_str(),
                    mount.guest.as_str(),
                    mount.read_only,
                    mount.glob
                ),
                ("assets", "/assets", true, false)
            );
        }

        // Environment: Wasmer and Spin set UNITS; Extism passes it as config.
        match format {
            Format::Wasmer | Format::Spin => {
                assert_eq!(caps.env.len(), 1, "{format}");
                assert_eq!(
                    (caps.env[0].name.as_str(), caps.env[0].value.as_str()),
                    ("UNITS", "metric")
                );
                assert_eq!(caps.env[0].scope.as_deref(), Some("weather"));
            }
            Format::Extism => assert_eq!(caps.variables[0].name, "units"),
            _ => assert!(caps.env.is_empty()),
        }

        // Limits: 64 MiB and 30 s where the format has them.
        let memory = caps.memory_limit_bytes.as_ref().map(|l| l.value);
        let timeout = caps.timeout_ms.as_ref().map(|l| l.value);
        match format {
            Format::Extism | Format::FlowLike => {
                assert_eq!(memory, Some(64 * 1024 * 1024), "{format}");
                assert_eq!(timeout, Some(30_000), "{format}");
            }
            _ => assert_eq!((memory, timeout), (None, None), "{format}"),
        }

        // Every explicit grant points at its field in the text.
        let origins = caps
            .outbound
            .iter()
            .map(|g| &g.origin)
            .chain(caps.files.iter().map(|g| &g.origin))
            .chain(caps.env.iter().map(|g| &g.origin))
            .chain(caps.memory_limit_bytes.iter().map(|g| &g.origin));
        for origin in origins {
            assert!(!origin.implied);
            let span = origin
                .span
                .unwrap_or_else(|| panic!("{format}: {} has no span", origin.path));
            assert!(
                span.line > 1 && span.end > span.start,
                "{format}: {}",
                origin.path
            );
        }

        // One module, weather.wasm.
        assert_eq!(package.modules.len(), 1, "{format}");
        assert_eq!(
            package.modules[0].source,
            ModuleSource::Path {
                path: "weather.wasm".into()
            }
        );
        assert_eq!(package.entry_points.len(), 1, "{format}");
    }
}

#[test]
fn identity_and_entry_points() {
    let [(_, wasmer), (_, spin), (_, extism), (_, flowlike)] = all_four();
    assert_eq!(wasmer.identity.name.as_deref(), Some("acme/weather"));
    assert_eq!(wasmer.identity.semver, Some(semver::Version::new(1, 2, 0)));
    assert_eq!(spin.identity.authors, ["Acme <dev@acme.example>"]);
    assert_eq!(flowlike.identity.name.as_deref(), Some("com.acme.weather"));
    assert_eq!(flowlike.identity.title.as_deref(), Some("Weather"));
    assert_eq!(extism.identity.name, None);

    assert_eq!(
        wasmer.entry_points[0].kind,
        EntryKind::Command {
            runner: "wasi".into(),
            args: vec![]
        }
    );
    assert_eq!(
        spin.entry_points[0].kind,
        EntryKind::HttpRoute {
            route: "/weather/...".into(),
            executor: "spin".into()
        }
    );
    assert_eq!(extism.entry_points[0].kind, EntryKind::MainModule);
    assert_eq!(
        flowlike.entry_points[0].kind,
        EntryKind::Node {
            title: "Weather".into(),
            category: "Data/Weather".into()
        }
    );
}

fn view(text: &str, format: Format) -> Package {
    let parsed = wasm_manifests::parse(text, format);
    assert!(!parsed.report().has_errors(), "{}", parsed.report());
    parsed.package().unwrap()
}

const SPIN_HEAD: &str = "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n";

#[test]
fn spin_v1_without_outbound_key_may_reach_databases_anywhere() {
    let text = format!(
        "{SPIN_HEAD}\n[[component]]\nid = \"api\"\nsource = \"api.wasm\"\n[component.trigger]\nroute = \"/...\"\n"
    );
    let package = view(&text, Format::Spin);
    let caps = &package.capabilities;
    assert_eq!(caps.network, NetworkAccess::Any);
    let schemes: Vec<&str> = caps.outbound.iter().map(|h| h.scheme.as_str()).collect();
    assert_eq!(schemes, ["redis", "mysql", "postgres"]);
    for grant in &caps.outbound {
        assert_eq!(
            (grant.host.as_str(), grant.port.as_deref()),
            ("*", Some("*"))
        );
        assert!(grant.origin.implied);
        assert_eq!(
            grant.origin.path.to_string(),
            "component[0].allowed_outbound_hosts"
        );
        assert_eq!(grant.origin.span, None);
    }

    // An empty list means no outbound access at all.
    let text = text.replace(
        "source = \"api.wasm\"",
        "source = \"api.wasm\"\nallowed_outbound_hosts = []",
    );
    assert_eq!(
        view(&text, Format::Spin).capabilities.network,
        NetworkAccess::None
    );
}

#[test]
fn spin_allow_all_and_legacy_http_hosts() {
    let text = format!(
        "{SPIN_HEAD}\n[[component]]\nid = \"api\"\nsource = \"api.wasm\"\nallowed_outbound_hosts = []\nallowed_http_hosts = [\"insecure:allow-all\"]\n[component.trigger]\nroute = \"/...\"\n"
    );
    let caps = view(&text, Format::Spin).capabilities;
    assert_eq!(caps.network, NetworkAccess::Any);
    let rules: Vec<(&str, &str)> = caps
        .outbound
        .iter()
        .map(|h| (h.scheme.as_str(), h.host.as_str()))
        .collect();
    assert_eq!(rules, [("http", "*"), ("https", "*"), ("http", "self")]);

    let text = text.replace("insecure:allow-all", "http://localhost:3000");
    let caps = view(&text, Format::Spin).capabilities;
    let rules: Vec<(&str, &str, Option<&str>)> = caps
        .outbound
        .iter()
        .map(|h| (h.scheme.as_str(), h.host.as_str(), h.port.as_deref()))
        .collect();
    assert_eq!(
        rules,
        [
            ("http", "localhost", Some("3000")),
            ("https", "localhost", Some("3000"))
        ]
    );
    assert_eq!(
        caps.outbound[0].origin.path.to_string(),
        "component[0].allowed_http_hosts[0]"
    );
}

#[test]
fn extism_null_and_empty_allowed_hosts_deny_everything() {
    for hosts in ["null", "[]"] {
        let text = format!("{{\"wasm\": [{{\"path\": \"a.wasm\"}}], \"allowed_hosts\": {hosts}}}");
        let parsed = wasm_manifests::parse(&text, Format::Extism);
        assert!(!parsed.report().has_errors());
        assert_eq!(
            parsed.package().unwrap().capabilities.network,
            NetworkAccess::None,
            "{hosts}"
        );
    }
    let parsed = wasm_manifests::parse("{\"wasm\": [{\"path\": \"a.wasm\"}]}", Format::Extism);
    assert_eq!(
        parsed.package().unwrap().capabilities.network,
        NetworkAccess::None
    );
}

#[test]
fn flowlike_http_without_hosts_allows_any_host() {
    let text = "manifest_version = 1\nid = \"com.a.b\"\nname = \"B\"\nversion = \"1.0.0\"\ndescription = \"d\"\n\n[permissions.network]\nhttp_enabled = true\n\n[[nodes]]\nid = \"n\"\nname = \"N\"\ndescription = \"d\"\ncategory = \"C\"\n";
    let package = view(text, Format::FlowLike);
    let caps = &package.capabilities;
    assert_eq!(caps.network, NetworkAccess::Any);
    assert_eq!(
        caps.outbound[0].origin.path.to_string(),
        "permissions.network.http_enabled"
    );
    // Tiers not written are the defaults, marked as implied.
    let memory = caps.memory_limit_bytes.as_ref().unwrap();
    assert_eq!(memory.value, 64 * 1024 * 1024);
    assert!(memory.origin.implied);
    assert_eq!(caps.timeout_ms.as_ref().unwrap().value, 30_000);
}

#[test]
fn flowlike_sockets_and_name_lookups_are_capabilities() {
    let head = "manifest_version = 1\nid = \"com.a.b\"\nname = \"B\"\nversion = \"1.0.0\"\ndescription = \"d\"\n\n[permissions.network]\n";
    let node = "\n[[nodes]]\nid = \"n\"\nname = \"N\"\ndescription = \"d\"\ncategory = \"C\"\n";

    // TCP and UDP peers are compared with `allowed_hosts`, like HTTP.
    let listed = format!(
        "{head}tcp_enabled = true\nudp_enabled = true\ndns_enabled = true\nallowed_hosts = [\"10.0.0.5\"]\n{node}"
    );
    let package = view(&listed, Format::FlowLike);
    let caps = &package.capabilities;
    let rules: Vec<(&str, &str, Option<&str>)> = caps
        .outbound
        .iter()
        .map(|h| (h.scheme.as_str(), h.host.as_str(), h.port.as_deref()))
        .collect();
    assert_eq!(
        rules,
        [
            ("tcp", "10.0.0.5", Some("*")),
            ("udp", "10.0.0.5", Some("*"))
        ]
    );
    assert_eq!(caps.network, NetworkAccess::Hosts);
    assert!(caps.outbound.iter().all(|h| {
        h.origin.path.to_string() == "permissions.network.allowed_hosts[0]"
            && h.origin.span.is_some_and(|s| s.line == 11)
    }));
    // DNS is no connection: the package may resolve any name itself.
    assert_eq!(caps.name_lookups.len(), 1);
    let lookup = &caps.name_lookups[0];
    assert_eq!(lookup.name, "*");
    assert_eq!(
        lookup.origin.path.to_string(),
        "permissions.network.dns_enabled"
    );
    assert_eq!(lookup.origin.span.map(|s| s.line), Some(10));
    // Neither is a Flow-Like flag.
    assert!(caps.flags.is_empty());

    // Without a host list, a socket switch reaches any host.
    let any = format!("{head}udp_enabled = true\n{node}");
    let package = view(&any, Format::FlowLike);
    let caps = &package.capabilities;
    assert_eq!(caps.network, NetworkAccess::Any);
    assert_eq!(caps.outbound.len(), 1);
    assert_eq!(
        (
            caps.outbound[0].scheme.as_str(),
            caps.outbound[0].host.as_str()
        ),
        ("udp", "*")
    );
    assert_eq!(
        caps.outbound[0].origin.path.to_string(),
        "permissions.network.udp_enabled"
    );
    assert!(caps.name_lookups.is_empty());

    // Switches that are off grant nothing.
    let off = format!("{head}tcp_enabled = false\ndns_enabled = false\n{node}");
    let caps = view(&off, Format::FlowLike).capabilities;
    assert_eq!(caps.network, NetworkAccess::None);
    assert!(caps.outbound.is_empty() && caps.name_lookups.is_empty());
}

#[test]
fn every_corpus_manifest_has_a_package_view() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        println!("notice: {} is absent; skipping", root.display());
        return;
    }
    let mut count = 0;
    for (dir, format) in [
        ("wasmer", Format::Wasmer),
        ("spin", Format::Spin),
        ("extism", Format::Extism),
        ("flowlike", Format::FlowLike),
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == "SOURCES.md") {
                continue;
            }
            let parsed = wasm_manifests::Options::new()
                .parse_file_as(&path, format)
                .unwrap();
            let package = parsed
                .package()
                .unwrap_or_else(|| panic!("{}", path.display()));
            let json = serde_json::to_value(&package).unwrap();
            assert_eq!(json["format"], format.name());
            let lines = parsed.text().lines().count();
            for module in &package.modules {
                let span = module.origin.span.unwrap();
                assert!(span.line >= 1 && span.line <= lines, "{}", path.display());
            }
            count += 1;
        }
    }
    assert_eq!(count, 51);
}
