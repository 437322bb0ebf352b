//! Side by side, in one run: wasm-manifests (parse + validate) against the
//! official crates (`wasmer-config`: parse + `validate()`;
//! `extism-manifest`: serde parse) and against the floors: the syntax
//! parser alone, building its spanned tree (`toml::de::DeTable::parse`,
//! `serde_json::Value`) and, as a second floor, `toml::from_str` into
//! `toml::Table` and serde_json into `serde::de::IgnoredAny` (which builds
//! nothing). Then the cost per entry for manifests of 10 to 10,000 entries.
//! Prints the ratios at the end.
//!
//! ```text
//! cargo bench -p wasm-manifests-conformance --bench official
//! ```

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use wasm_manifests::Format;
use wasm_manifests_conformance::generate;

/// Where criterion writes its estimates, read back for the ratio table.
fn output_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion-official")
}

fn corpus(dir: &str) -> Vec<String> {
    generate::corpus(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."), dir)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Parser {
    Ours(Format),
    WasmerConfig,
    ExtismManifest,
    TomlFloor,
    JsonFloor,
    TomlTable,
    JsonIgnored,
}

impl Parser {
    fn name(self) -> &'static str {
        match self {
            Parser::Ours(_) => "ours",
            Parser::WasmerConfig | Parser::ExtismManifest => "official",
            Parser::TomlFloor | Parser::JsonFloor => "floor",
            Parser::TomlTable | Parser::JsonIgnored => "floor2",
        }
    }

    fn run(self, text: &str) -> bool {
        match self {
            Parser::Ours(format) => wasm_manifests::parse(text, format).report().has_errors(),
            Parser::WasmerConfig => {
                wasmer_config::package::Manifest::parse(text).is_ok_and(|m| m.validate().is_ok())
            }
            Parser::ExtismManifest => {
                serde_json::from_str::<extism_manifest::Manifest>(text).is_ok()
            }
            Parser::TomlFloor => toml::de::DeTable::parse(text).is_ok(),
            Parser::JsonFloor => serde_json::from_str::<serde_json::Value>(text).is_ok(),
            Parser::TomlTable => toml::from_str::<toml::Table>(text).is_ok(),
            Parser::JsonIgnored => serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok(),
        }
    }
}

struct Input {
    group: &'static str,
    name: &'static str,
    texts: Vec<String>,
    parsers: Vec<Parser>,
}

fn inputs() -> Vec<Input> {
    use Parser::*;
    let wasmer = vec![Ours(Format::Wasmer), WasmerConfig, TomlFloor, TomlTable];
    let extism = vec![Ours(Format::Extism), ExtismManifest, JsonFloor, JsonIgnored];
    vec![
        Input {
            group: "wasmer",
            name: "corpus",
            texts: corpus("wasmer"),
            parsers: wasmer.clone(),
        },
        Input {
            group: "wasmer",
            name: "generated-500",
            texts: vec![generate::wasmer(500)],
            parsers: wasmer,
        },
        Input {
            group: "extism",
            name: "realistic-1kb",
            texts: vec![generate::EXTISM_REALISTIC.to_owned()],
            parsers: extism.clone(),
        },
        Input {
            group: "extism",
            name: "realistic-warnings",
            texts: vec![generate::extism_realistic_with_warnings()],
            parsers: extism.clone(),
        },
        Input {
            group: "extism",
            name: "minimal",
            texts: vec![generate::EXTISM_MINIMAL.to_owned()],
            parsers: extism.clone(),
        },
        Input {
            group: "extism",
            name: "data-256kib",
            texts: vec![generate::extism_with_data()],
            parsers: extism.clone(),
        },
        Input {
            group: "extism",
            name: "corpus",
            texts: corpus("extism"),
            parsers: extism,
        },
        Input {
            group: "spin",
            name: "corpus",
            texts: corpus("spin"),
            parsers: vec![Ours(Format::Spin), TomlFloor, TomlTable],
        },
        Input {
            group: "flow-like",
            name: "corpus",
            texts: corpus("flowlike"),
            parsers: vec![Ours(Format::FlowLike), TomlFloor, TomlTable],
        },
    ]
}

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

/// A generated manifest: its name, its format, and its generator.
type Scaled = (&'static str, Format, fn(usize) -> String);

fn scaling_inputs() -> Vec<Scaled> {
    vec![
        ("wasmer-commands", Format::Wasmer, generate::wasmer),
        ("spin-components", Format::Spin, generate::spin),
        ("extism-modules", Format::Extism, generate::extism),
        ("flow-like-nodes", Format::FlowLike, generate::flowlike),
    ]
}

fn side_by_side(c: &mut Criterion) {
    for input in inputs() {
        let mut group = c.benchmark_group(format!("{}/{}", input.group, input.name));
        let bytes: usize = input.texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        for parser in &input.parsers {
            let texts = &input.texts;
            group.bench_function(parser.name(), |b| {
                b.iter(|| {
                    for text in texts {
                        black_box(parser.run(black_box(text)));
                    }
                })
            });
        }
        group.finish();
    }
}

/// The floor for a format's syntax.
fn floor_of(format: Format) -> Parser {
    match format {
        Format::Extism => Parser::JsonFloor,
        _ => Parser::TomlFloor,
    }
}

fn scaling(c: &mut Criterion) {
    for (name, format, generate) in scaling_inputs() {
        let mut group = c.benchmark_group(format!("scaling/{name}"));
        for n in SIZES {
            let text = generate(n);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new("ours", n), &text, |b, text| {
                b.iter(|| black_box(wasm_manifests::parse(black_box(text), format)))
            });
            let floor = floor_of(format);
            group.bench_with_input(BenchmarkId::new("floor", n), &text, |b, text| {
                b.iter(|| black_box(floor.run(black_box(text))))
            });
        }
        group.finish();
    }
}

/// Mean time in nanoseconds of every benchmark, by its full id.
fn estimates() -> BTreeMap<String, f64> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, f64>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "new") {
                    let read = |file: &str| -> Option<serde_json::Value> {
                        serde_json::from_str(&std::fs::read_to_string(path.join(file)).ok()?).ok()
                    };
                    if let (Some(benchmark), Some(estimates)) =
                        (read("benchmark.json"), read("estimates.json"))
                        && let (Some(id), Some(mean)) = (
                            benchmark["full_id"].as_str(),
                            estimates["mean"]["point_estimate"].as_f64(),
                        )
                    {
                        out.insert(id.to_owned(), mean);
                    }
                } else {
                    walk(&path, out);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&output_dir(), &mut out);
    out
}

fn print_ratios() {
    let times = estimates();
    println!("\n== Throughput (MiB/s) and ratios ==");
    println!(
        "{:<26} {:>9} {:>9} {:>9} {:>9} {:>14} {:>11} {:>12}",
        "input",
        "ours",
        "official",
        "floor",
        "floor2",
        "official/ours",
        "ours/floor",
        "ours/floor2"
    );
    for input in inputs() {
        let bytes: usize = input.texts.iter().map(String::len).sum();
        let id = |parser: &str| format!("{}/{}/{parser}", input.group, input.name);
        let mibs = |ns: f64| bytes as f64 / (ns / 1e9) / (1024.0 * 1024.0);
        let get = |parser: &str| times.get(&id(parser)).copied();
        let (ours, official, floor, floor2) =
            (get("ours"), get("official"), get("floor"), get("floor2"));
        let show = |t: Option<f64>| t.map_or_else(|| "-".to_owned(), |t| format!("{:.1}", mibs(t)));
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => format!("{:.2}x", a / b),
            _ => "-".to_owned(),
        };
        println!(
            "{:<26} {:>9} {:>9} {:>9} {:>9} {:>14} {:>11} {:>12}",
            format!("{}/{}", input.group, input.name),
            show(ours),
            show(official),
            show(floor),
            show(floor2),
            ratio(official, ours),
            ratio(ours, floor),
            ratio(ours, floor2)
        );
    }
    println!(
        "(floor: toml::de::DeTable::parse / serde_json::Value; floor2: toml::Table / IgnoredAny)"
    );
    println!("(targets: official/ours >= 2x wasmer, >= 1.5x Extism; ours/floor <= 1.00x)");

    println!("\n== Cost per entry (ns), ours and the floor ==");
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "manifest", "10", "100", "1000", "10000", "max/min"
    );
    for (name, _, _) in scaling_inputs() {
        for who in ["ours", "floor"] {
            let per_entry: Vec<Option<f64>> = SIZES
                .iter()
                .map(|n| {
                    times
                        .get(&format!("scaling/{name}/{who}/{n}"))
                        .map(|t| t / *n as f64)
                })
                .collect();
            let known: Vec<f64> = per_entry.iter().flatten().copied().collect();
            let spread = match (
                known.iter().copied().reduce(f64::max),
                known.iter().copied().reduce(f64::min),
            ) {
                (Some(max), Some(min)) if min > 0.0 => format!("{:.2}x", max / min),
                _ => "-".to_owned(),
            };
            let cells: Vec<String> = per_entry
                .iter()
                .map(|v| v.map_or("-".to_owned(), |v| format!("{v:.0}")))
                .collect();
            let label = format!("{name} ({who})");
            println!(
                "{:<24} {:>10} {:>10} {:>10} {:>10} {:>10}",
                label, cells[0], cells[1], cells[2], cells[3], spread
            );
        }
    }
    println!("(target: max/min <= 1.30x for ours)");
}

fn main() {
    let mut criterion = Criterion::default()
        .output_directory(&output_dir())
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    side_by_side(&mut criterion);
    scaling(&mut criterion);
    criterion.final_summary();
    print_ratios();
}
