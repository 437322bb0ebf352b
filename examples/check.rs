//! Checks every manifest under the given files or directories and prints
//! the reports. Exits with 1 when any manifest has errors.
//!
//! ```text
//! cargo run --example check -- fixtures
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wasm_manifests::Format;

fn collect(path: &Path, out: &mut Vec<(PathBuf, Format)>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            collect(&entry, out)?;
        }
    } else if let Some(format) = format_hint(path) {
        out.push((path.to_owned(), format));
    }
    Ok(())
}

/// The format a file name implies; inside `fixtures/<format>/`, the folder
/// says it.
fn format_hint(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?;
    if ext != "toml" && ext != "json" {
        return None;
    }
    Format::from_file_name(path).or_else(|| {
        path.ancestors()
            .filter_map(|a| a.file_name()?.to_str()?.parse::<Format>().ok())
            .next()
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let roots = if args.is_empty() {
        vec![".".to_owned()]
    } else {
        args
    };
    let mut files = Vec::new();
    for root in &roots {
        if let Err(e) = collect(Path::new(root), &mut files) {
            eprintln!("error: cannot read `{root}`: {e}");
            return ExitCode::from(2);
        }
    }
    let (mut errors, mut warnings) = (0, 0);
    for (path, format) in &files {
        match wasm_manifests::Options::new().parse_file_as(path, *format) {
            Ok(parsed) => {
                let report = parsed.report();
                errors += report.error_count();
                warnings += report.warning_count();
                print!("{report}");
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "checked {} files: {errors} errors, {warnings} warnings",
        files.len()
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
