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
}

fn floor(kind: Floor, text: &str) -> bool {
    match kind {
        Floor::TomlTable => toml::from_str::<toml::Table>(text).is_ok(),
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

/// A wasmer.toml with `n` modules and `n` commands.
pub fn generated_wasmer(n: usize) -> String {
    let mut text = String::from(
        "[package]\nname = \"acme/tools\"\nversion = \"1.0.0\"\ndescription = \"Many tools\"\nentrypoint = \"tool-0\"\n\n[dependencies]\n\"wasmer/python\" = \"^3.12\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[module]]\nname = \"tool-{i}\"\nsource = \"target/wasm32-wasip1/release/tool_{i}.wasm\"\nabi = \"wasi\"\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "\n[[command]]\nname = \"tool-{i}\"\nmodule = \"tool-{i}\"\nrunner = \"wasi\"\n\n[command.annotations.wasi]\nmain-args = [\"--verbose\"]\nenv = [\"RUST_LOG=info\"]\n"
        ));
    }
    text
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
    let large = generated_wasmer(500);
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

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = wasmer
}
criterion_main!(benches);
