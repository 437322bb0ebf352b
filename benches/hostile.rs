//! How the cost of hostile input scales: for each kind of input that once
//! cost quadratic time or deep recursion, the time to parse, build the
//! package view and render the report at 1x, 10x and 100x its size, the
//! time per MiB, and the peak memory as a multiple of the input. Then one
//! file of almost 10 MiB mixing them all.
//!
//! ```text
//! cargo bench --bench hostile
//! ```
//!
//! Targets: at most 1 s per MiB at the largest size, and peak memory at most
//! 20 times the input.

use std::hint::black_box;
use std::time::{Duration, Instant};

use peak_alloc::PeakAlloc;
use wasm_manifests::Format;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// A case: its name, its format, the entries at 1x, and its generator
/// (the manifest for `n` entries).
type Case = (&'static str, Format, usize, fn(usize) -> String);

fn unknown_keys_toml(n: usize) -> String {
    let mut text =
        String::from("[package]\nname = \"me/x\"\nversion = \"1.0.0\"\ndescription = \"d\"\n");
    for i in 0..n {
        text.push_str(&format!("unknown_key_{i} = {i}\n"));
    }
    text
}

fn unknown_keys_json(n: usize) -> String {
    let keys: Vec<String> = (0..n).map(|i| format!("\"unknown_{i}\": {i}")).collect();
    format!(
        "{{\"wasm\": [{{\"path\": \"a.wasm\"}}], {}}}",
        keys.join(", ")
    )
}

fn wrong_module_references(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "[[module]]\nname = \"module-{i:07}\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "[[command]]\nname = \"c{i}\"\nmodule = \"modul-{i:07}\"\nrunner = \"wasi\"\n"
        ));
    }
    text
}

fn spin_unknown_variables(n: usize) -> String {
    let mut text = String::from(
        "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[variables]\n",
    );
    for i in 0..n {
        text.push_str(&format!("variable_{i:07} = {{ default = \"x\" }}\n"));
    }
    text.push_str(
        "\n[[component]]\nid = \"web\"\nsource = \"web.wasm\"\nallowed_outbound_hosts = [\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "  \"https://{{{{ variabl_{i:07} }}}}.example.com\",\n"
        ));
    }
    text.push_str("]\n[component.trigger]\nroute = \"/...\"\n");
    text
}

fn flowlike_undeclared_providers(n: usize) -> String {
    let mut text = String::from(
        "manifest_version = 1\nid = \"com.example.nodes\"\nname = \"Nodes\"\nversion = \"1.0.0\"\ndescription = \"d\"\n\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "[[permissions.oauth_scopes]]\nprovider = \"provider-{i:07}\"\nscopes = [\"read\"]\nreason = \"r\"\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "[[nodes]]\nid = \"node_{i}\"\nname = \"Node\"\ndescription = \"d\"\ncategory = \"Data\"\noauth_providers = [\"provder-{i:07}\"]\n"
        ));
    }
    text
}

fn long_reference(n: usize) -> String {
    let name = "m".repeat(n * 1000);
    let reference = format!("{}x", "m".repeat(n * 1000 - 1));
    format!(
        "[[module]]\nname = \"{name}\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n[[command]]\nname = \"c\"\nmodule = \"{reference}\"\nrunner = \"wasi\"\n"
    )
}

fn syntax_errors(n: usize) -> String {
    (0..n).map(|i| format!("key{i} = = [ }} ]\n")).collect()
}

fn duplicate_modules(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        let name = if i % 2 == 0 { "same" } else { "other" };
        text.push_str(&format!(
            "[[module]]\nname = \"{name}\"\nsource = \"m{i}.wasm\"\nabi = \"wasi\"\n"
        ));
    }
    text
}

fn spin_duplicate_ids(n: usize) -> String {
    let mut text = String::from(
        "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[component]]\nid = \"web\"\nsource = \"web.wasm\"\n[component.trigger]\nroute = \"/r{i}\"\n"
        ));
    }
    text
}

fn many_mounts(n: usize) -> String {
    let mut text = String::from("[fs]\n");
    for i in 0..n {
        text.push_str(&format!("\"/data/{i}\" = \"data/{i}\"\n"));
    }
    text.push_str("\n[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n\n[[command]]\nname = \"m\"\nmodule = \"m\"\nrunner = \"wasi\"\n[command.annotations.wasi]\nenv = [");
    for i in 0..n {
        text.push_str(&format!("\"VAR_{i}=value\", "));
    }
    text.push_str("]\n");
    text
}

fn extism_one_line_hosts(n: usize) -> String {
    let hosts: Vec<String> = (0..n).map(|i| format!("\"host{i}.example.com\"")).collect();
    format!(
        "{{\"wasm\": [{{\"path\": \"a.wasm\"}}], \"allowed_hosts\": [{}]}}",
        hosts.join(",")
    )
}

fn cases() -> Vec<Case> {
    vec![
        (
            "unknown keys, TOML",
            Format::Wasmer,
            1_000,
            unknown_keys_toml,
        ),
        (
            "unknown keys, one-line JSON",
            Format::Extism,
            1_000,
            unknown_keys_json,
        ),
        (
            "modules + wrong references",
            Format::Wasmer,
            500,
            wrong_module_references,
        ),
        (
            "Spin unknown template variables",
            Format::Spin,
            1_000,
            spin_unknown_variables,
        ),
        (
            "Flow-Like undeclared providers",
            Format::FlowLike,
            400,
            flowlike_undeclared_providers,
        ),
        (
            "long reference vs long name (K chars)",
            Format::Wasmer,
            1,
            long_reference,
        ),
        (
            "syntax errors, 3 per line",
            Format::FlowLike,
            1_000,
            syntax_errors,
        ),
        (
            "duplicate modules, rendered",
            Format::Wasmer,
            1_000,
            duplicate_modules,
        ),
        (
            "duplicate Spin ids, rendered",
            Format::Spin,
            1_000,
            spin_duplicate_ids,
        ),
        (
            "fs mounts + env entries, package view",
            Format::Wasmer,
            1_000,
            many_mounts,
        ),
        (
            "one-line Extism host list, package view",
            Format::Extism,
            1_000,
            extism_one_line_hosts,
        ),
    ]
}

/// What a registry does with an upload: parse, build the package view,
/// render the report for people.
fn work(text: &str, format: Format) -> usize {
    let parsed = wasm_manifests::parse(text, format);
    let package = parsed.package();
    let rendered = parsed.report().render();
    black_box(&package);
    rendered.len() + parsed.report().diagnostics().len()
}

/// Best of `rounds` runs, and the peak memory of one run above what was in
/// use before it.
fn measure(text: &str, format: Format, rounds: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        black_box(work(black_box(text), format));
        best = best.min(start.elapsed());
    }
    PEAK.reset_peak_usage();
    let before = PEAK.current_usage();
    black_box(work(text, format));
    let peak = PEAK.peak_usage().saturating_sub(before);
    (best, peak)
}

const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    // `cargo bench` passes `--bench`; a name filters the cases.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!(
        "{:<42} {:>6} {:>10} {:>10} {:>10} {:>9} {:>8}",
        "input", "scale", "bytes", "seconds", "s/MiB", "peak/in", "x prev"
    );
    let mut worst_per_mib: f64 = 0.0;
    let mut worst_memory: f64 = 0.0;
    for (name, format, base, generate) in cases() {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let mut previous: Option<Duration> = None;
        for step in [1, 10, 100] {
            let text = generate(base * step);
            let rounds = if text.len() > 2_000_000 { 1 } else { 3 };
            let (time, peak) = measure(&text, format, rounds);
            let per_mib = time.as_secs_f64() / (text.len() as f64 / MIB);
            let memory = peak as f64 / text.len() as f64;
            if step == 100 {
                worst_per_mib = worst_per_mib.max(per_mib);
                worst_memory = worst_memory.max(memory);
            }
            let growth = previous.map_or("-".to_owned(), |p| {
                format!("{:.1}", time.as_secs_f64() / p.as_secs_f64().max(1e-9))
            });
            println!(
                "{:<42} {:>5}x {:>10} {:>10.4} {:>10.3} {:>8.1}x {:>8}",
                name,
                step,
                text.len(),
                time.as_secs_f64(),
                per_mib,
                memory,
                growth
            );
            previous = Some(time);
        }
    }
    if filter.is_none() {
        let mixed = mixed_file();
        let (time, peak) = measure(&mixed, Format::Wasmer, 1);
        println!(
            "{:<42} {:>6} {:>10} {:>10.4} {:>10.3} {:>8.1}x",
            "all of the above in one 10 MiB wasmer.toml",
            "",
            mixed.len(),
            time.as_secs_f64(),
            time.as_secs_f64() / (mixed.len() as f64 / MIB),
            peak as f64 / mixed.len() as f64
        );
    }
    println!(
        "\nworst at 100x: {worst_per_mib:.3} s/MiB (target <= 1), peak memory {worst_memory:.1}x the input (target <= 20x)"
    );
}

/// A wasmer.toml just under 10 MiB mixing unknown keys, wrong references,
/// duplicates, mounts and syntax errors.
fn mixed_file() -> String {
    let limit = 10 * 1024 * 1024 - 4096;
    let mut text = unknown_keys_toml(40_000);
    text.push_str(&wrong_module_references(20_000));
    text.push_str(&duplicate_modules(20_000));
    text.push_str(&many_mounts(40_000));
    let mut i = 0;
    while text.len() < limit {
        text.push_str(&format!("broken{i} = = [ }} ]\n"));
        i += 1;
    }
    text.truncate(limit);
    while !text.is_char_boundary(text.len()) {
        text.pop();
    }
    text
}
