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

/// The files of a corpus folder, or of the valid fixtures when the corpus
/// is absent (the crate benchmarked on its own).
fn inputs(corpus: &str, fixtures: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus_dir = root.join("../shared/corpus").join(corpus);
    let dir = if corpus_dir.is_dir() {
        corpus_dir
    } else {
        root.join("fixtures").join(fixtures).join("valid")
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.to_string_lossy();
        (name.ends_with(".toml") || name.ends_with(".json")) && !name.ends_with(".model.json")
    });
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
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
        &inputs("wasmer", "wasmer"),
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
        &inputs("spin", "spin"),
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

/// A realistic Extism manifest of about 1 KB.
const EXTISM_REALISTIC: &str = r#"{
  "wasm": [
    { "path": "plugins/transform.wasm", "name": "main", "hash": "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8" },
    { "url": "https://cdn.example.com/plugins/lib-1.4.2.wasm", "name": "lib", "hash": "93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476", "headers": { "Authorization": "Bearer abc123" } }
  ],
  "memory": { "max_pages": 256, "max_http_response_bytes": 1048576, "max_var_bytes": 4096 },
  "config": { "region": "eu-west-1", "mode": "strict", "retries": "3", "endpoint": "https://api.example.com/v2", "log_level": "info" },
  "allowed_hosts": ["api.example.com", "*.cdn.example.com", "auth.example.org"],
  "allowed_paths": { "ro:data": "/data", "cache": "/cache" },
  "timeout_ms": 5000
}"#;

const EXTISM_MINIMAL: &str = r#"{"wasm":[{"path":"plugin.wasm"}]}"#;

/// A manifest embedding a 256 KiB module as base64.
fn extism_with_data() -> String {
    use base64::Engine;
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    module.extend((0..256 * 1024 - 8).map(|i| (i * 31 % 251) as u8));
    let data = base64::engine::general_purpose::STANDARD.encode(&module);
    format!(
        "{{\"wasm\": [{{\"data\": \"{data}\", \"name\": \"main\"}}], \"memory\": {{\"max_pages\": 16}}}}"
    )
}

fn extism(c: &mut Criterion) {
    let mut group = c.benchmark_group("extism");
    for (name, text) in [
        ("realistic-1kb", EXTISM_REALISTIC.to_owned()),
        ("minimal", EXTISM_MINIMAL.to_owned()),
        ("data-256kib", extism_with_data()),
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
        &inputs("extism", "extism"),
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
        &inputs("flowlike", "flowlike"),
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

criterion_group! {
    name = benches;
    config = config();
    targets = wasmer, spin, extism, flowlike
}
criterion_main!(benches);
