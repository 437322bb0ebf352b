//! `wasm-manifests check`: finds the manifests, checks them on every core,
//! and prints the reports in the order of their paths.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use wasm_manifests::config::{Config, ConfigError};
use wasm_manifests::fix::Applicability;
use wasm_manifests::{Candidate, Format, Level, Options, Selector};

use crate::configs::{Configs, Source};
use crate::fixing::{self, FixMode};
use crate::output::{self, Printer, Rendered, Summary};
use crate::walk::{self, Input, Job};
use crate::{CheckArgs, ColorWhen, OutputFormat, Status, style};

/// What became of one file.
enum Outcome {
    /// The file was read as a manifest: its counts and its output.
    Checked {
        errors: usize,
        warnings: usize,
        rendered: Rendered,
        /// Fixes made (`--fix`) or shown (`--diff`).
        fixed: usize,
        /// Fixes left to make: safe ones, and those needing review.
        fixable: (usize, usize),
        /// What to say on standard error about the fixes.
        notes: Vec<String>,
    },
    /// With `--list-files`: the file would be read as this format.
    Listed { display: String, format: Format },
    /// Found by searching a directory, but not a manifest.
    Skipped { display: String, reason: String },
    /// The file could not be read, or its format could not be told.
    Failed {
        message: String,
        help: Option<String>,
    },
}

/// Everything needed to check one file, shared by the worker threads.
struct Checker {
    /// The options before any setting: the size limit.
    options: Options,
    /// `--allow`, `--warn` and `--deny`, in order, after the configuration.
    settings: Vec<(Level, Selector)>,
    max_size: u64,
    format_hint: Option<Format>,
    /// The output format, rendered by the workers.
    output: OutputFormat,
    /// Colour the human output.
    color: bool,
    /// Only tell the format of each file (`--list-files`).
    list_only: bool,
    /// Standard input, read once before the workers start.
    stdin: Option<Result<Vec<u8>, String>>,
    /// Check the files each manifest refers to (`--verify`).
    verify: bool,
    /// Warnings count as errors (`--strict`), also for verification.
    strict: bool,
    /// `--fix` or `--diff`.
    fix: Option<FixMode>,
}

impl Checker {
    fn check(&self, job: &Job, config: Option<&Config>) -> Outcome {
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.check_inner(job, config)
        }));
        unwound.unwrap_or_else(|_| Outcome::Failed {
            message: format!("internal error while checking `{}`", job.shown),
            help: Some(
                "this is a bug in wasm-manifests: please report it with the file".to_owned(),
            ),
        })
    }

    /// The options for one file: the configuration's settings for its
    /// path, then the command line's.
    fn options(&self, job: &Job, config: Option<&Config>) -> Options {
        let mut options = match (config, &job.input) {
            (None, _) => self.options.clone(),
            (Some(config), Input::File(path)) => config.apply(self.options.clone(), path),
            (Some(config), Input::Stdin) => config.apply_top(self.options.clone()),
        };
        for (level, selector) in &self.settings {
            options = options.setting(*level, selector.clone());
        }
        if self.strict {
            options = options.strict(true);
        }
        options
    }

    fn check_inner(&self, job: &Job, config: Option<&Config>) -> Outcome {
        let bytes: Cow<'_, [u8]> = match &job.input {
            Input::Stdin => match &self.stdin {
                Some(Ok(bytes)) => Cow::Borrowed(bytes),
                Some(Err(message)) => return failed(message.clone()),
                None => return failed("standard input was not read".to_owned()),
            },
            Input::File(path) => match read_limited(path, self.max_size) {
                Ok(bytes) => Cow::Owned(bytes),
                Err(e) => return failed(format!("cannot read `{}`: {e}", job.shown)),
            },
        };
        // Larger than the limit: read only up to it, so the content cannot
        // tell the format. The library reports the size whatever the format.
        let too_large = bytes.len() as u64 > self.max_size;
        let format = match self.format_of(job, &bytes) {
            Err(_) if too_large && job.explicit && self.list_only => {
                return Outcome::Failed {
                    message: format!(
                        "cannot tell which manifest format `{}` is: it is larger than the {}-byte limit",
                        job.shown, self.max_size
                    ),
                    help: Some("raise the limit with `--max-file-size`, or name the format with `--format-hint`".to_owned()),
                };
            }
            // The library reports the size, whatever the format.
            Err(_) if too_large && job.explicit => Format::ALL[0],
            Ok(format) => format,
            Err(outcome) => return outcome,
        };
        if self.list_only {
            return Outcome::Listed {
                display: job.shown.clone(),
                format,
            };
        }
        let options = self.options(job, config);
        let mut parsed = options.parse_bytes(&bytes, format);
        let mut fixed = 0;
        let mut diff = None;
        let mut notes = Vec::new();
        if let Some(mode) = self.fix
            && !too_large
            && let Ok(text) = std::str::from_utf8(&bytes)
        {
            let result = fixing::fix(&options, text, format, mode);
            if let Some(why) = result.not_converted {
                notes.push(format!(
                    "`{}` was not converted to version 2: {why}",
                    job.shown
                ));
            }
            if result.text != text {
                fixed = result.count;
                if mode.write {
                    if let Input::File(path) = &job.input
                        && let Err(e) = std::fs::write(path, &result.text)
                    {
                        return failed(format!("cannot write the fixes to `{}`: {e}", job.shown));
                    }
                    parsed = result.parsed;
                } else {
                    diff = Some(fixing::diff(&job.display, text, &result.text));
                }
            }
        }
        if self.verify
            && let Input::File(path) = &job.input
        {
            parsed.verify(manifest_dir(path));
        }
        let mut report = parsed.into_report();
        // People get the name with its control characters escaped; machines
        // get it as it is (JSON-escaped, or with GitHub's escapes).
        report.set_origin(
            if matches!(self.output, OutputFormat::Human | OutputFormat::Concise) {
                job.shown.clone()
            } else {
                job.display.clone()
            },
        );
        let fixable =
            report
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .fold((0, 0), |(safe, review), fix| match fix.applicability {
                    Applicability::Safe => (safe + 1, review),
                    _ => (safe, review + 1),
                });
        let rendered = match (self.fix, diff) {
            (Some(mode), diff) if !mode.write => Rendered::Text(diff.unwrap_or_default()),
            _ => output::render(self.output, self.color, &report),
        };
        Outcome::Checked {
            errors: report.error_count(),
            warnings: report.warning_count(),
            rendered,
            fixed,
            fixable,
            notes,
        }
    }

    /// The format to read a file as, as the library decides it. A file
    /// found in a directory that is not a manifest is skipped; one named on
    /// the command line is a problem.
    fn format_of(&self, job: &Job, bytes: &[u8]) -> Result<Format, Outcome> {
        if job.explicit
            && let Some(format) = self.format_hint
        {
            return Ok(format);
        }
        let path = match &job.input {
            Input::File(path) => path.as_path(),
            Input::Stdin => Path::new(""),
        };
        match wasm_manifests::classify(path, bytes) {
            Candidate::NotAManifest { reason } if !job.explicit => {
                // Only the start of a file over the limit was read.
                let reason = if bytes.len() as u64 > self.max_size {
                    format!(
                        "{reason} (in its first {} bytes: the file is larger than the limit)",
                        bytes.len()
                    )
                } else {
                    reason
                };
                Err(Outcome::Skipped {
                    display: job.shown.clone(),
                    reason,
                })
            }
            candidate => candidate
                .into_format(&job.display)
                .map_err(|e| Outcome::Failed {
                    // The message names the file as people see it.
                    message: e.to_string().replacen(
                        &format!("`{}`", job.display),
                        &format!("`{}`", job.shown),
                        1,
                    ),
                    help: Some(format!(
                        "{}; to read it anyway, name its format with `--format-hint <{}>`",
                        e.help(),
                        Format::ALL.map(Format::name).join("|")
                    )),
                }),
        }
    }
}

/// Prints why a configuration file cannot be used: its report, or why it
/// could not be read.
fn config_problem(color: bool, problem: &ConfigError) {
    match problem.report() {
        Some(report) => {
            let rendered = if color {
                report.render_styled()
            } else {
                report.render()
            };
            let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), rendered.as_bytes());
            let errors = report.error_count();
            style::error(
                color,
                &format!(
                    "the configuration file `{}` has {errors} error{}: fix {} and run again",
                    crate::escape::name(std::ffi::OsStr::new(report.origin())),
                    if errors == 1 { "" } else { "s" },
                    if errors == 1 { "it" } else { "them" },
                ),
            );
        }
        None => style::error(color, &problem.to_string()),
    }
}

/// The directory a manifest's relative paths start from.
pub(crate) fn manifest_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn failed(message: String) -> Outcome {
    Outcome::Failed {
        message,
        help: None,
    }
}

/// Reads at most one byte more than the limit, so a huge file is never
/// loaded whole (the library reports it as too large).
fn read_limited(path: &Path, max_size: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_stdin(max_size: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(bytes)
}

/// The stack of each worker thread. Parsing and checking deeply nested
/// input needs a deep stack, and a spawned thread gets only 2 MiB by
/// default where the main thread (which does the work with `--jobs 1`) has
/// 8 MiB on Linux: the workers get the same 8 MiB, so the number of threads
/// never decides whether a file can be checked. The directory search
/// threads only list folders and keep the default.
const WORKER_STACK_SIZE: usize = 8 * 1024 * 1024;

/// Runs `work` on every item with `threads` threads and hands the results
/// to `sink` in the order of `items`, as soon as each one and all before it
/// are done. Threads take the next few items from a shared index, so a slow
/// file never holds up the others, and send their results in small batches,
/// so the printing thread wakes up rarely.
fn run_parallel<T, R>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R),
) where
    T: Sync,
    R: Send,
{
    if threads <= 1 || items.len() <= 1 {
        items.iter().for_each(|item| sink(work(item)));
        return;
    }
    let batch = (items.len() / (threads * 16)).clamp(1, 64);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, Vec<R>)>();
    let worker = |sender: mpsc::Sender<(usize, Vec<R>)>| {
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            let Some(chunk) = items.get(start..items.len().min(start + batch)) else {
                break;
            };
            if chunk.is_empty() {
                break;
            }
            let results = chunk.iter().map(&work).collect();
            if sender.send((start, results)).is_err() {
                break;
            }
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for n in 0..threads.min(items.len()) {
            let sender = sender.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("check-{n}"))
                .stack_size(WORKER_STACK_SIZE)
                .spawn_scoped(scope, move || worker(sender));
            if spawned.is_err() {
                break;
            }
            started += 1;
        }
        if started == 0 {
            // No thread could be started: do the work here.
            worker(sender.clone());
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (start, results) in receiver {
            waiting.insert(start, results);
            while let Some(results) = waiting.remove(&expected) {
                expected += results.len();
                results.into_iter().for_each(&mut sink);
            }
        }
    });
}

/// Runs `check`.
pub fn run(args: CheckArgs, color: ColorWhen) -> Status {
    let started = Instant::now();
    let stdout_color = style::enabled(color, &std::io::stdout());
    let stderr_color = style::enabled(color, &std::io::stderr());

    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let collected = walk::collect(&args.paths, !args.no_ignore, threads);
    let mut printer = Printer::new(args.output, stdout_color, args.list_files);
    let mut summary = Summary::default();
    for problem in &collected.problems {
        style::error(stderr_color, problem);
        printer.problem(problem);
        summary.problems += 1;
    }

    // The configuration files: only settings depend on them, so a list of
    // the files needs none.
    let source = match (&args.config, args.no_config || args.list_files) {
        (_, true) => Source::Nothing,
        (Some(path), false) => Source::File(path),
        (None, false) => Source::Discover,
    };
    let configs = match Configs::resolve(&collected.jobs, source) {
        Ok(configs) => configs,
        Err(problems) => {
            printer.flush();
            for problem in &problems {
                config_problem(stderr_color, problem);
            }
            return Status::Trouble;
        }
    };

    let reads_stdin = collected
        .jobs
        .iter()
        .any(|job| matches!(job.input, Input::Stdin));
    if args.fix && reads_stdin {
        printer.flush();
        style::error(
            stderr_color,
            "`--fix` writes the files it fixes, and standard input is not a file",
        );
        style::help(
            stderr_color,
            "use `--diff` to see the fixes of standard input, or name the file",
        );
        return Status::Trouble;
    }
    let fix = (args.fix || args.diff).then_some(FixMode {
        write: args.fix,
        applicability: if args.unsafe_fixes {
            Applicability::NeedsReview
        } else {
            Applicability::Safe
        },
        convert_spin_v1: args.convert_spin_v1,
    });
    let checker = Checker {
        options: Options::new().max_size(args.max_file_size),
        settings: args.settings.clone(),
        max_size: args.max_file_size,
        format_hint: args.format_hint,
        output: args.output,
        color: stdout_color,
        list_only: args.list_files,
        stdin: reads_stdin.then(|| read_stdin(args.max_file_size)),
        verify: args.verify,
        strict: args.strict,
        fix,
    };

    let mut skipped = 0usize;
    let items: Vec<(&Job, Option<&Config>)> = collected
        .jobs
        .iter()
        .enumerate()
        .map(|(i, job)| (job, configs.of(i)))
        .collect();
    run_parallel(
        &items,
        threads,
        |(job, config)| checker.check(job, *config),
        |outcome| match outcome {
            Outcome::Checked {
                errors,
                warnings,
                rendered,
                fixed,
                fixable,
                notes,
            } => {
                summary.files += 1;
                summary.errors += errors;
                summary.warnings += warnings;
                summary.fixed += fixed;
                summary.fixed_files += usize::from(fixed > 0);
                summary.fixable.0 += fixable.0;
                summary.fixable.1 += fixable.1;
                printer.report(rendered);
                if !notes.is_empty() {
                    printer.flush();
                    for note in &notes {
                        style::warning(stderr_color, note);
                    }
                }
            }
            Outcome::Listed { display, format } => {
                summary.files += 1;
                printer.listed(&display, format);
            }
            Outcome::Skipped { display, reason } => {
                skipped += 1;
                if args.list_files {
                    // Beside the files to check, so that none disappears
                    // without a word: `path<TAB>skipped<TAB>reason`.
                    printer.report(Rendered::Text(format!("{display}\tskipped\t{reason}\n")));
                }
            }
            Outcome::Failed { message, help } => {
                summary.problems += 1;
                printer.flush();
                style::error(stderr_color, &message);
                if let Some(help) = help {
                    style::help(stderr_color, &help);
                }
                printer.problem(&message);
            }
        },
    );

    summary.elapsed = started.elapsed();
    summary.fix = fix.map(|mode| mode.write);
    summary.unsafe_fixes = args.unsafe_fixes;
    // The file list has no summary line, and a diff is printed alone.
    let quiet = args.quiet || args.list_files || args.diff;
    if args.diff && !args.quiet {
        printer.flush();
        let line = match summary.fixed {
            0 => "nothing to fix".to_owned(),
            n => format!(
                "{n} {} would be made in {}; `--fix` makes {}",
                if n == 1 { "fix" } else { "fixes" },
                output::plural(summary.fixed_files, "file"),
                if n == 1 { "it" } else { "them" }
            ),
        };
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    if let Err(e) = printer.finish(&summary, quiet) {
        style::error(stderr_color, &format!("cannot write the output: {e}"));
        return Status::Trouble;
    }
    if summary.files == 0 && summary.problems == 0 && !quiet {
        let paths: Vec<String> = args
            .paths
            .iter()
            .map(|p| format!("`{}`", walk::shown(p)))
            .collect();
        let mut message = format!("no manifest found in {}", paths.join(", "));
        if skipped > 0 {
            let files = if skipped == 1 { "file is" } else { "files are" };
            message.push_str(&format!(
                " ({skipped} .toml or .json {files} not a manifest: `--list-files` says why)"
            ));
        }
        style::warning(stderr_color, &message);
    }
    if summary.problems > 0 {
        Status::Trouble
    } else if args.diff {
        // Like `cargo fmt --check`: something to change is a failure.
        if summary.fixed > 0 {
            Status::Errors
        } else {
            Status::Clean
        }
    } else if summary.errors > 0 {
        Status::Errors
    } else {
        Status::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_keep_their_order() {
        let items: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            run_parallel(
                &items,
                threads,
                |n| {
                    // Uneven work, so threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 50));
                    n * 2
                },
                |r| seen.push(r),
            );
            assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    /// Recurses `frames` times with 1 KiB in each frame; returns the
    /// address of the deepest one.
    fn deep(frames: usize) -> usize {
        let frame = std::hint::black_box([1u8; 1024]);
        let deepest = if frames <= 1 {
            std::ptr::from_ref(&frame) as usize
        } else {
            deep(frames - 1)
        };
        std::hint::black_box(&frame);
        deepest
    }

    #[test]
    fn workers_have_the_stack_of_the_main_thread() {
        // Deeply nested input needs a deep stack: here 5 MiB, more than the
        // 2 MiB a spawned thread gets by default, less than the main
        // thread's 8 MiB. What a frame takes depends on the build, so
        // measure it.
        let frame = (deep(1) - deep(65)) / 64;
        let frames = 5 * 1024 * 1024 / frame.max(1);
        let items = [frames, frames, frames];
        let mut seen = 0;
        run_parallel(&items, 2, |n| deep(*n), |_| seen += 1);
        assert_eq!(seen, 3);
    }
}
