//! `wasm-manifests`: checks the manifests of WebAssembly packages
//! (`wasmer.toml`, Spin `spin.toml` v1 and v2, Extism, Flow-Like) from the command
//! line, and explains every diagnostic code.
//!
//! The binary is a thin layer over the `wasm-manifests` library: the library
//! reads and validates one manifest; this crate finds the manifests, checks
//! them on every core, and prints the reports for people or for machines.

#![forbid(unsafe_code)]

mod check;
mod configs;
mod convert;
mod escape;
mod explain;
mod fixing;
mod inspect;
mod lsp;
mod output;
mod sarif;
mod style;
mod walk;

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use wasm_manifests::{Format, Level, Selector};

/// Shown at the end of `--help`: what the exit status means.
const EXIT_STATUS: &str = "\
Exit status:
  0  no errors found (warnings do not count, unless --strict)
  1  at least one manifest has errors
  2  usage error, or a file could not be read or identified";

/// Check WebAssembly package manifests (wasmer.toml, Spin v1 and v2, Extism,
/// Flow-Like) and explain their diagnostics.
#[derive(Debug, Parser)]
#[command(name = "wasm-manifests", version, after_help = EXIT_STATUS)]
#[command(propagate_version = true, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// When to colour the output: `auto` colours a terminal unless the
    /// NO_COLOR environment variable is set.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, value_name = "WHEN")]
    color: ColorWhen,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check manifests and report every problem found.
    ///
    /// Each PATH is a manifest or a directory. Directories are searched
    /// recursively, honouring .gitignore and .ignore files and skipping
    /// hidden entries, `target/`, `node_modules/` and `.git/`. A file found
    /// there is checked when its name is a manifest name (`wasmer.toml`,
    /// `spin.toml`, `manifest.toml`, `flow-like.toml`), or when it is a
    /// `.toml` or `.json` file whose content shows which format it is (and
    /// that content agrees with what the name implies, if anything).
    /// `Cargo.toml` files are never picked up by the search: their
    /// `[package]` and `[dependencies]` tables look like a wasmer.toml's.
    /// Files named on the command line are always checked. `-` reads
    /// standard input.
    ///
    /// Which codes are reported, and how, comes from `wasm-manifests.toml`
    /// (the nearest one above each file: `allow`, `warn`, `deny`, `strict`,
    /// and `[[overrides]]` for some paths), then from `--allow`, `--warn`,
    /// `--deny` and `--strict`.
    #[command(after_help = EXIT_STATUS)]
    Check(CheckArgs),
    /// Print the documentation of a diagnostic code: what it checks, why,
    /// an example and the fix; or list the codes, with their category and
    /// severity.
    #[command(
        after_help = "Exit status:\n  0  codes were found (explained or listed)\n  2  no code found, or usage error"
    )]
    Explain(ExplainArgs),
    /// Show what packages are and what they can touch, whatever their
    /// manifest format: identity, modules, entry points and capabilities
    /// (network, files, environment, limits, stores, variables, OAuth
    /// scopes), each capability with the manifest field that grants it.
    ///
    /// Each PATH is a manifest or a directory, searched as `check` does.
    /// Grants a runtime gives by default are counted on one line per
    /// component; `--verbose` lists them.
    #[command(
        after_help = "Exit status:\n  0  every package was read (warnings do not count)\n  1  a manifest has errors (its view is still shown when it could be built)\n  2  usage error, or a path could not be read or identified"
    )]
    Inspect(InspectArgs),
    /// Convert a Spin `spin.toml` from manifest version 1 to version 2, the
    /// way Spin converts it, keeping comments and order.
    #[command(after_help = convert::AFTER_HELP)]
    Convert(convert::ConvertArgs),
    /// Run a language server on standard input and output, for editors:
    /// diagnostics as you type (with the settings of the nearest
    /// `wasm-manifests.toml`), documentation of keys on hover, completion
    /// of keys, and quick fixes.
    #[command(
        after_help = "Exit status:\n  0  the editor asked the server to shut down, then to exit\n  1  the input ended, or `exit` came without `shutdown`"
    )]
    Lsp,
}

/// Options of `inspect`.
#[derive(Debug, Args)]
struct InspectArgs {
    /// Manifests or directories (searched like `check` does).
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,

    /// Show every grant in full, also those a runtime gives by default,
    /// which are otherwise counted on one line per component.
    #[arg(short, long)]
    verbose: bool,

    /// Also inspect files that .gitignore or .ignore files exclude.
    #[arg(long)]
    no_ignore: bool,

    /// `human` for a readable summary, `json` for the package views as JSON.
    #[arg(long, value_enum, default_value_t = InspectOutput::Human, value_name = "FORMAT")]
    output: InspectOutput,

    /// The format of the files named on the command line, instead of
    /// detecting it from the name and content. Files found by searching
    /// directories are always detected.
    #[arg(long, value_name = "FORMAT", value_parser = format_parser())]
    format_hint: Option<Format>,
}

/// The `inspect --output` formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InspectOutput {
    /// A readable summary.
    Human,
    /// The package views as JSON: `{"version": 1, "packages": [{"file", "package"}]}`.
    Json,
}

/// Options of `check`.
#[derive(Debug, Args)]
struct CheckArgs {
    /// Manifests or directories to check; `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,

    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human, value_name = "FORMAT")]
    output: OutputFormat,

    /// Treat warnings as errors ("deny all warnings"), after every other
    /// setting.
    #[arg(long)]
    strict: bool,

    /// Do not report these codes. A code (`wasmer/unknown-module`, or a
    /// former name of one), a format prefix (`spin/`), a category
    /// (`correctness`, `suspicious`, `security`, `deprecated`, `publish`,
    /// `style`, `verify`, `syntax`) or `all`; repeat the option or separate
    /// them with commas. `--allow`, `--warn` and `--deny` apply in the
    /// order given, after the configuration file: a later one wins for the
    /// codes both name. Unreadable input (`syntax`) is always an error.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = parse_selector)]
    allow: Vec<Selector>,

    /// Report these codes as warnings (see `--allow`).
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = parse_selector)]
    warn: Vec<Selector>,

    /// Report these codes as errors (see `--allow`).
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = parse_selector)]
    deny: Vec<Selector>,

    /// Read the settings from this configuration file, for every file
    /// checked, instead of looking for the nearest `wasm-manifests.toml`
    /// above each one. Its `[[overrides]]` paths are relative to its
    /// directory.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,

    /// Do not read any configuration file.
    #[arg(long)]
    no_config: bool,

    /// `--allow`, `--warn` and `--deny` in the order of the command line.
    #[arg(skip)]
    settings: Vec<(Level, Selector)>,

    /// Print the diagnostics only: no summary line and no notices.
    /// Problems reading files are still reported on standard error.
    #[arg(short, long)]
    quiet: bool,

    /// Files larger than this are reported as `file-too-large` without
    /// being read in full. A number of bytes, optionally followed by K, M or
    /// G (powers of 1024; `KiB`, `MB` and the like are accepted too).
    #[arg(long, value_name = "SIZE", default_value = "10MiB", value_parser = parse_size)]
    max_file_size: u64,

    /// How many files to check at once [default: the number of cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<NonZeroUsize>,

    /// The format of standard input and of the files named on the command
    /// line, instead of detecting it from the name and content. Files found
    /// by searching directories are always detected.
    #[arg(long, value_name = "FORMAT", value_parser = format_parser())]
    format_hint: Option<Format>,

    /// Print the files that would be checked, each with the format it
    /// would be read as (`path<TAB>format`), and check nothing.
    #[arg(long)]
    list_files: bool,

    /// Also check the files each manifest refers to, in the manifest's
    /// directory: modules exist, are WebAssembly and match their SHA-256
    /// digests; READMEs, licenses, mounts and bindings exist; Spin `files`
    /// globs match something; nothing resolves outside the directory, also
    /// through symbolic links.
    #[arg(long)]
    verify: bool,

    /// Check files even where .gitignore or .ignore files exclude them
    /// (hidden entries, `target/`, `node_modules/` and `.git/` are still
    /// skipped).
    #[arg(long)]
    no_ignore: bool,

    /// Apply the safe fixes in place, keeping comments and layout, then
    /// report what is left. Safe fixes do what their diagnostic's help says
    /// and nothing else (a misspelt key or reference renamed, `[module]`
    /// written `[[module]]`, a digest's prefix removed).
    #[arg(long, conflicts_with = "diff")]
    fix: bool,

    /// With `--fix` or `--diff`, also apply the fixes that need review
    /// (a likely but not certain correction).
    #[arg(long)]
    unsafe_fixes: bool,

    /// Print the fixes as a unified diff on standard output instead of the
    /// report, and write nothing. Exits with 1 when there is something to
    /// fix.
    #[arg(long, conflicts_with_all = ["output", "list_files"])]
    diff: bool,

    /// With `--fix` or `--diff`, also rewrite Spin version 1 manifests as
    /// version 2, as `convert` does (after the other fixes).
    #[arg(long)]
    convert_spin_v1: bool,
}

/// Options of `explain`.
#[derive(Debug, Args)]
struct ExplainArgs {
    /// The code, e.g. `wasmer/unknown-module` or `syntax-error`, a former
    /// name of one, or part of a name (`duplicate-route`): one code found
    /// is explained, several are listed.
    #[arg(value_name = "CODE", required_unless_present = "list")]
    code: Option<String>,

    /// List every code with its category, severity and summary instead;
    /// with a category (`security`), a format prefix (`spin/`) or a code,
    /// only the codes it names.
    #[arg(long, value_name = "CATEGORY", num_args = 0..=1, conflicts_with = "code")]
    list: Option<Option<String>>,
}

/// The `--output` formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// rustc-style reports and a summary line.
    Human,
    /// One line per diagnostic: `path:line:column: severity[code] message`.
    Concise,
    /// One JSON document: `{"version": 1, "files": [...], "unchecked": [...],
    /// "summary": {...}}`.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

/// The `--color` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    /// Colour when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The exit status of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    /// No errors.
    Clean = 0,
    /// Errors in the manifests.
    Errors = 1,
    /// Usage or I/O problems.
    Trouble = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status as u8)
    }
}

/// Accepts every format name the library knows, so that a new format needs
/// no change here.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(Format::name)).try_map(|name| name.parse::<Format>())
}

/// Parses a selector of `--allow`, `--warn` or `--deny`; the error has the
/// closest code, prefix or category.
fn parse_selector(text: &str) -> Result<Selector, String> {
    text.parse::<Selector>().map_err(|e| e.to_string())
}

/// The `--allow`, `--warn` and `--deny` of `check`, in the order of the
/// command line (clap keeps each option's values apart).
fn ordered_settings(matches: &ArgMatches) -> Vec<(Level, Selector)> {
    let mut out: Vec<(usize, Level, Selector)> = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        let (Some(indices), Some(values)) =
            (matches.indices_of(id), matches.get_many::<Selector>(id))
        else {
            continue;
        };
        out.extend(
            indices
                .zip(values)
                .map(|(index, selector)| (index, level, selector.clone())),
        );
    }
    out.sort_by_key(|(index, ..)| *index);
    out.into_iter().map(|(_, level, s)| (level, s)).collect()
}

/// Parses `1048576`, `512K`, `10MiB`, `1 GB` (all multiples of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size: write a number of bytes, e.g. 10MiB"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit `{other}`; use K, M or G")),
    };
    number
        .checked_mul(multiplier)
        .ok_or_else(|| format!("`{text}` is too large"))
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let (Command::Check(args), Some(("check", sub))) = (&mut cli.command, matches.subcommand()) {
        args.settings = ordered_settings(sub);
    }
    let status = match cli.command {
        Command::Check(args) => check::run(args, cli.color),
        Command::Explain(args) => explain::run(&args, cli.color),
        Command::Inspect(args) => inspect::run(&args, cli.color),
        Command::Convert(args) => convert::run(&args, cli.color),
        Command::Lsp => lsp::run(),
    };
    status.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("2K"), Ok(2048));
        assert_eq!(parse_size("10MiB"), Ok(10 << 20));
        assert_eq!(parse_size("1 gb"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn settings_keep_the_order_of_the_command_line() {
        let matches = Cli::command()
            .try_get_matches_from([
                "wasm-manifests",
                "check",
                "--deny",
                "all",
                "--allow",
                "style,spin/",
                "--warn",
                "security",
                "--deny",
                "spin/duplicate-route",
            ])
            .unwrap();
        let (_, sub) = matches.subcommand().unwrap();
        let settings: Vec<String> = ordered_settings(sub)
            .iter()
            .map(|(level, selector)| format!("{level:?} {selector}"))
            .collect();
        assert_eq!(
            settings,
            [
                "Deny all",
                "Allow style",
                "Allow spin/",
                "Warn security",
                "Deny spin/duplicate-route"
            ]
        );
    }
}
