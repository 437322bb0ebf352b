//! Throughput of parse + validate, in bytes per second, side by side with
//! the floor: the syntax parser alone on the same bytes (`toml::from_str`
//! into `toml::Table` for TOML formats, serde_json into
//! `serde::de::IgnoredAny` for JSON).
//!
//! ```text
//! cargo bench --bench throughput
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime,
};
use wasm_manifests::Format;

/// The manifest generators shared with the conformance benchmarks.
#[path = "../conformance/src/generate.rs"]
mod generate;

/// The corpus manifests of one format (the valid fixtures when the corpus
/// is absent).
fn corpus(dir: &str) -> Vec<String> {
    generate::corpus(Path::new(env!("CARGO_MANIFEST_DIR")), dir)
}

#[derive(Clone, Copy)]
enum Floor {
    TomlTable,
    JsonIgnoredAny,
}

fn floor(kind: Floor, text: &str) -> bool {
    match kind {
        Floor::TomlTable => toml::from_str::<toml::Table>(text).is_ok(),
        Floor::JsonIgnoredAny => serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok(),
    }
}

/// Registers `ours` and `floor` over the same texts, with their total size
/// as the throughput.
fn pair(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    texts: &[String],
    format: Format,
    kind: Floor,
) {
    let bytes: usize = texts.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{name}/ours"), |b| {
        b.iter(|| {
            for text in texts {
                black_box(wasm_manifests::parse(black_box(text), format));
            }
        })
    });
    group.bench_function(format!("{name}/floor"), |b| {
        b.iter(|| {
            for text in texts {
                black_box(floor(kind, black_box(text)));
            }
        })
    });
}

fn wasmer(c: &mut Criterion) {
    let mut group = c.benchmark_group("wasmer");
    pair(
        &mut group,
        "corpus",
        &corpus("wasmer"),
        Format::Wasmer,
        Floor::TomlTable,
    );
    let large = generate::wasmer(500);
    assert!(
        wasm_manifests::parse(&large, Format::Wasmer)
            .report()
            .is_empty()
    );
    pair(
        &mut group,
        "generated-500-commands",
        &[large],
        Format::Wasmer,
        Floor::TomlTable,
    );
    group.finish();
}

fn spin(c: &mut Criterion) {
    let mut group = c.benchmark_group("spin");
    pair(
        &mut group,
        "corpus",
        &corpus("spin"),
        Format::Spin,
        Floor::TomlTable,
    );
    let large = generate::spin(2_000);
    assert!(
        !wasm_manifests::parse(&large, Format::Spin)
            .report()
            .has_errors()
    );
    pair(
        &mut group,
        "generated-2000-components",
        &[large],
        Format::Spin,
        Floor::TomlTable,
    );
    group.finish();
}

fn extism(c: &mut Criterion) {
    let mut group = c.benchmark_group("extism");
    for (name, text) in [
        ("realistic-1kb", generate::EXTISM_REALISTIC.to_owned()),
        (
            "realistic-warnings",
            generate::extism_realistic_with_warnings(),
        ),
        ("minimal", generate::EXTISM_MINIMAL.to_owned()),
        ("data-256kib", generate::extism_with_data()),
    ] {
        assert!(
            !wasm_manifests::parse(&text, Format::Extism)
                .report()
                .has_errors(),
            "{name}"
        );
        pair(
            &mut group,
            name,
            &[text],
            Format::Extism,
            Floor::JsonIgnoredAny,
        );
    }
    pair(
        &mut group,
        "corpus",
        &corpus("extism"),
        Format::Extism,
        Floor::JsonIgnoredAny,
    );
    let large = generate::extism(500);
    pair(
        &mut group,
        "generated-500-modules",
        &[large],
        Format::Extism,
        Floor::JsonIgnoredAny,
    );
    group.finish();
}

fn flowlike(c: &mut Criterion) {
    let mut group = c.benchmark_group("flow-like");
    pair(
        &mut group,
        "corpus",
        &corpus("flowlike"),
        Format::FlowLike,
        Floor::TomlTable,
    );
    let large = generate::flowlike(2_000);
    pair(
        &mut group,
        "generated-2000-nodes",
        &[large],
        Format::FlowLike,
        Floor::TomlTable,
    );
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

/// Spin manifest version 2: the real v2 manifests (wherever the corpus
/// keeps them; the v2 fixtures otherwise), and 2,000 generated components,
/// next to the floor.
fn spin_v2(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = [
        "../shared/corpus/spin-v2",
        "../shared/corpus-pending/spin-v2",
        "fixtures/spin-v2/valid",
    ];
    let texts: Vec<String> = folders
        .iter()
        .find_map(|folder| std::fs::read_dir(root.join(folder)).ok())
        .map(|entries| {
            let mut paths: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    let mut group = c.benchmark_group("spin-v2");
    pair(&mut group, "corpus", &texts, Format::Spin, Floor::TomlTable);
    let mut large = String::from(
        "spin_manifest_version = 2\n\n[application]\nname = \"big\"\nversion = \"1.0.0\"\n\n[variables]\napi_host = { default = \"api.example.com\" }\n",
    );
    for i in 0..2_000 {
        large.push_str(&format!(
            "\n[[trigger.http]]\nroute = \"/c{i}/...\"\ncomponent = \"c{i}\"\n\n[component.c{i}]\nsource = \"target/c{i}.wasm\"\nallowed_outbound_hosts = [\"https://{{{{ api_host }}}}\"]\nfiles = [\"static/c{i}/**/*\"]\nkey_value_stores = [\"default\"]\n[component.c{i}.build]\ncommand = \"cargo build\"\nwatch = [\"src/**/*.rs\"]\n"
        ));
    }
    assert!(
        !wasm_manifests::parse(&large, Format::Spin)
            .report()
            .has_errors()
    );
    pair(
        &mut group,
        "generated-2000-components",
        &[large],
        Format::Spin,
        Floor::TomlTable,
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = wasmer, spin, spin_v2, extism, flowlike
}
criterion_main!(benches);
