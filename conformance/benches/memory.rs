//! Peak heap memory of one parse, for wasm-manifests, the official crates
//! and the floor, measured with a counting global allocator.
//!
//! ```text
//! cargo bench -p wasm-manifests-conformance --bench memory
//! ```

use std::hint::black_box;

use peak_alloc::PeakAlloc;
use wasm_manifests::Format;
use wasm_manifests_conformance::generate;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The peak of heap memory while `f` runs, above what was in use before.
fn peak(f: impl FnOnce()) -> usize {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    f();
    ALLOCATOR.peak_usage().saturating_sub(before)
}

fn kib(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1024.0)
}

fn main() {
    let corpus = |dir: &str| -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/corpus")
            .join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(root)
            .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    };
    let largest = |texts: Vec<String>| {
        texts
            .into_iter()
            .max_by_key(String::len)
            .unwrap_or_default()
    };

    let cases: Vec<(&str, Format, String)> = vec![
        (
            "wasmer: largest corpus file",
            Format::Wasmer,
            largest(corpus("wasmer")),
        ),
        (
            "wasmer: 1,000 commands",
            Format::Wasmer,
            generate::wasmer(1_000),
        ),
        (
            "spin: largest corpus file",
            Format::Spin,
            largest(corpus("spin")),
        ),
        (
            "spin: 1,000 components",
            Format::Spin,
            generate::spin(1_000),
        ),
        ("extism: 100 modules", Format::Extism, generate::extism(100)),
        (
            "flow-like: 1,000 nodes",
            Format::FlowLike,
            generate::flowlike(1_000),
        ),
    ];

    println!("Peak heap memory of one parse (KiB), above the input text");
    println!(
        "{:<30} {:>10} {:>10} {:>10} {:>10}",
        "input", "size", "ours", "official", "floor"
    );
    for (name, format, text) in &cases {
        let ours = peak(|| {
            black_box(wasm_manifests::parse(black_box(text), *format));
        });
        let official = match format {
            Format::Wasmer => Some(peak(|| {
                black_box(
                    wasmer_config::package::Manifest::parse(black_box(text))
                        .map(|m| m.validate().is_ok())
                        .is_ok(),
                );
            })),
            Format::Extism => Some(peak(|| {
                black_box(
                    serde_json::from_str::<extism_manifest::Manifest>(black_box(text)).is_ok(),
                );
            })),
            _ => None,
        };
        let floor = match format {
            Format::Extism => peak(|| {
                black_box(serde_json::from_str::<serde_json::Value>(black_box(text)).is_ok());
            }),
            _ => peak(|| {
                black_box(toml::from_str::<toml::Table>(black_box(text)).is_ok());
            }),
        };
        println!(
            "{:<30} {:>10} {:>10} {:>10} {:>10}",
            name,
            kib(text.len()),
            kib(ours),
            official.map_or_else(|| "-".to_owned(), kib),
            kib(floor)
        );
    }
    println!("(floor: toml::Table for TOML, serde_json::Value for JSON)");
}
