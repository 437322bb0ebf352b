//! Turning the paths of the command line into the list of files to check.

use std::path::{Component, Path, PathBuf};

/// Directories never searched, wherever they are.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", ".git"];

/// Where a file's bytes come from.
#[derive(Debug)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// One file to check.
#[derive(Debug)]
pub struct Job {
    /// The path as shown in the output: as typed, joined with the path
    /// found under it, with `/` separators.
    pub display: String,
    /// Where to read it.
    pub input: Input,
    /// Named on the command line (always checked) rather than found by
    /// searching a directory (checked only when it is a manifest).
    pub explicit: bool,
}

/// The files to check, sorted by path, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files to check, sorted and without duplicates.
    pub jobs: Vec<Job>,
    /// Paths that could not be read or searched, as messages.
    pub problems: Vec<String>,
}

/// The name shown for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Collects the files under `paths` with `threads` threads;
/// `respect_ignore` honours .gitignore and .ignore files.
pub fn collect(paths: &[PathBuf], respect_ignore: bool, threads: usize) -> Collected {
    let mut out = Collected::default();
    for root in paths {
        if root.as_os_str() == "-" {
            out.jobs.push(Job {
                display: STDIN_NAME.to_owned(),
                input: Input::Stdin,
                explicit: true,
            });
            continue;
        }
        let shown = display(root);
        match std::fs::metadata(root) {
            Err(e) => out.problems.push(format!("cannot read `{shown}`: {e}")),
            Ok(meta) if meta.is_dir() => walk(root, &shown, respect_ignore, threads, &mut out),
            Ok(_) => out.jobs.push(Job {
                display: shown,
                input: Input::File(root.clone()),
                explicit: true,
            }),
        }
    }
    // Sort by path components (`a/b` before `a-b`), then merge duplicates:
    // a file both named and found is checked once, as named.
    out.jobs.sort_by(|a, b| {
        Path::new(&a.display)
            .cmp(Path::new(&b.display))
            .then(b.explicit.cmp(&a.explicit))
    });
    out.jobs
        .dedup_by(|later, first| later.display == first.display);
    out
}

fn walk(root: &Path, shown: &str, respect_ignore: bool, threads: usize, out: &mut Collected) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .standard_filters(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| {
            let skipped_dir = entry.depth() > 0
                && entry.file_type().is_some_and(|t| t.is_dir())
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| SKIPPED_DIRS.contains(&name));
            !skipped_dir
        });
    if !respect_ignore {
        builder
            .ignore(false)
            .git_ignore(false)
            .git_global(false)
            .git_exclude(false)
            .parents(false);
    }
    let visit = |entry: Result<ignore::DirEntry, ignore::Error>| -> Found {
        match entry {
            Err(e) => Found::Problem(walk_error(root, shown, &e)),
            Ok(entry) => {
                // Symbolic links to files are followed; links to folders
                // are not (they could loop).
                let is_file = entry.file_type().is_some_and(|t| t.is_file())
                    || (entry.path_is_symlink()
                        && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()));
                if !candidate(entry.path()) || !is_file {
                    return Found::Nothing;
                }
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                Found::Job(Job {
                    display: join(shown, relative),
                    input: Input::File(entry.path().to_owned()),
                    explicit: false,
                })
            }
        }
    };
    let mut found = Vec::new();
    if threads <= 1 {
        found.extend(builder.build().map(visit));
    } else {
        // Large trees spend most of their time listing folders: list them
        // on every thread too. The order is restored by sorting.
        let shared = std::sync::Mutex::new(Vec::new());
        builder.threads(threads).build_parallel().run(|| {
            let (shared, visit) = (&shared, &visit);
            Box::new(move |entry| {
                let item = visit(entry);
                if !matches!(item, Found::Nothing)
                    && let Ok(mut all) = shared.lock()
                {
                    all.push(item);
                }
                ignore::WalkState::Continue
            })
        });
        found = shared.into_inner().unwrap_or_default();
    }
    for item in found {
        match item {
            Found::Job(job) => out.jobs.push(job),
            Found::Problem(problem) => out.problems.push(problem),
            Found::Nothing => {}
        }
    }
}

/// What the search made of one entry.
enum Found {
    Job(Job),
    Problem(String),
    Nothing,
}

/// Whether a file found in a directory may be a manifest: a `.toml` or
/// `.json` file. The library decides later, from the name and the content
/// (`wasm_manifests::classify`), and `--list-files` says why a file is not one.
fn candidate(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".toml") || lower.ends_with(".json")
}

/// A path as typed, with `/` separators.
pub fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// `root` joined with a path found under it; a root of `.` is left out.
fn join(root: &str, relative: &Path) -> String {
    let relative: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let relative = relative.join("/");
    match root {
        "." | "./" => relative,
        _ if root.ends_with('/') => format!("{root}{relative}"),
        _ => format!("{root}/{relative}"),
    }
}

/// A message for an error met while searching `root`: the path it concerns
/// (shown like the files found) and what went wrong.
fn walk_error(root: &Path, shown: &str, error: &ignore::Error) -> String {
    fn path_of(error: &ignore::Error) -> Option<&Path> {
        match error {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Partial(errors) if errors.len() == 1 => path_of(&errors[0]),
            _ => None,
        }
    }
    match (path_of(error), error.io_error()) {
        (Some(raw), Some(io)) => {
            let path = match raw.strip_prefix(root) {
                Ok(relative) if relative.as_os_str().is_empty() => shown.to_owned(),
                Ok(relative) => join(shown, relative),
                Err(_) => display(raw),
            };
            // The walker wraps the system's message in its own words.
            let message = io.to_string();
            let wrapper = format!("IO error for operation on {}: ", raw.display());
            let reason = message.strip_prefix(&wrapper).unwrap_or(&message);
            format!("cannot read `{path}`: {reason}")
        }
        _ => format!("cannot search `{shown}`: {}", one_line(error)),
    }
}

/// An error message on one line (the walker's can span several).
fn one_line(error: &impl std::fmt::Display) -> String {
    error
        .to_string()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_as_typed() {
        assert_eq!(join(".", Path::new("a/wasmer.toml")), "a/wasmer.toml");
        assert_eq!(join("./", Path::new("a/wasmer.toml")), "a/wasmer.toml");
        assert_eq!(join("dir", Path::new("wasmer.toml")), "dir/wasmer.toml");
        assert_eq!(join("dir/", Path::new("wasmer.toml")), "dir/wasmer.toml");
        assert_eq!(join("../x", Path::new("b/c.json")), "../x/b/c.json");
    }

    #[test]
    fn candidates() {
        assert!(candidate(Path::new("a/wasmer.toml")));
        assert!(candidate(Path::new("a/plugin.JSON")));
        assert!(candidate(Path::new("a/Cargo.toml")));
        assert!(!candidate(Path::new("a/readme.md")));
        assert!(!candidate(Path::new("a/toml")));
    }
}
