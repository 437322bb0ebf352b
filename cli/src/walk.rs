//! Turning the paths of the command line into the list of files to check.

use std::ffi::{OsStr, OsString};
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
    /// The path as typed, joined with the path found under it, with `/`
    /// separators: the order of the output.
    pub name: PathBuf,
    /// `name` for machines (JSON, SARIF, GitHub), lossily decoded where it
    /// is not UTF-8.
    pub display: String,
    /// `name` for people, quoted with escapes when it has control
    /// characters or is not UTF-8 (see [`crate::escape`]).
    pub shown: String,
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
            out.jobs
                .push(Job::new(STDIN_NAME.into(), Input::Stdin, true));
            continue;
        }
        match std::fs::metadata(root) {
            Err(e) => out
                .problems
                .push(format!("cannot read `{}`: {e}", shown(root))),
            Ok(meta) if meta.is_dir() => walk(root, respect_ignore, threads, &mut out),
            Ok(_) => out.jobs.push(Job::new(
                separators(root.as_os_str()).into(),
                Input::File(root.clone()),
                true,
            )),
        }
    }
    // Sort by path components (`a/b` before `a-b`), then merge duplicates:
    // a file both named and found is checked once, as named. The real
    // names decide, so that two names that only differ where they are not
    // UTF-8 are both kept.
    out.jobs
        .sort_by(|a, b| a.name.cmp(&b.name).then(b.explicit.cmp(&a.explicit)));
    out.jobs.dedup_by(|later, first| later.name == first.name);
    out
}

impl Job {
    fn new(name: PathBuf, input: Input, explicit: bool) -> Self {
        Self {
            display: display(&name),
            shown: crate::escape::name(name.as_os_str()),
            name,
            input,
            explicit,
        }
    }
}

fn walk(root: &Path, respect_ignore: bool, threads: usize, out: &mut Collected) {
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
            Err(e) => Found::Problem(walk_error(root, &e)),
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
                Found::Job(Job::new(
                    join(root, relative),
                    Input::File(entry.path().to_owned()),
                    false,
                ))
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
/// `.json` file (the name need not be UTF-8). The library decides later,
/// from the name and the content (`wasm_manifests::classify`), and
/// `--list-files` says why a file is not one.
fn candidate(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let lower = name.as_encoded_bytes().to_ascii_lowercase();
    lower.ends_with(b".toml") || lower.ends_with(b".json")
}

/// A path as typed, with `/` separators.
fn separators(path: &OsStr) -> OsString {
    // (A Windows name that is not valid Unicode keeps its separators.)
    match path.to_str() {
        Some(text) if std::path::MAIN_SEPARATOR == '\\' => text.replace('\\', "/").into(),
        _ => path.to_owned(),
    }
}

/// A path as typed for machines: lossily decoded, with `/` separators.
pub fn display(path: &Path) -> String {
    separators(path.as_os_str()).to_string_lossy().into_owned()
}

/// A path as typed for people: with `/` separators, quoted with escapes
/// when it has control characters or is not UTF-8.
pub fn shown(path: &Path) -> String {
    crate::escape::name(&separators(path.as_os_str()))
}

/// `root` joined with a path found under it, with `/` separators; a root
/// of `.` is left out.
fn join(root: &Path, relative: &Path) -> PathBuf {
    let root = separators(root.as_os_str());
    let mut out = OsString::new();
    if root != "." && root != "./" {
        out.push(&root);
        if !root.as_encoded_bytes().ends_with(b"/") {
            out.push("/");
        }
    }
    let mut first = true;
    for component in relative.components() {
        if let Component::Normal(part) = component {
            if !first {
                out.push("/");
            }
            out.push(part);
            first = false;
        }
    }
    out.into()
}

/// A message for an error met while searching `root`: the path it concerns
/// (shown like the files found) and what went wrong.
fn walk_error(root: &Path, error: &ignore::Error) -> String {
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
                Ok(relative) if relative.as_os_str().is_empty() => shown(root),
                Ok(relative) => shown(&join(root, relative)),
                Err(_) => shown(raw),
            };
            // The walker wraps the system's message in its own words.
            let message = io.to_string();
            let wrapper = format!("IO error for operation on {}: ", raw.display());
            let reason = message.strip_prefix(&wrapper).unwrap_or(&message);
            format!("cannot read `{path}`: {reason}")
        }
        _ => format!("cannot search `{}`: {}", shown(root), one_line(error)),
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
        let join =
            |root: &str, relative: &str| display(&join(Path::new(root), Path::new(relative)));
        assert_eq!(join(".", "a/wasmer.toml"), "a/wasmer.toml");
        assert_eq!(join("./", "a/wasmer.toml"), "a/wasmer.toml");
        assert_eq!(join("dir", "wasmer.toml"), "dir/wasmer.toml");
        assert_eq!(join("dir/", "wasmer.toml"), "dir/wasmer.toml");
        assert_eq!(join("../x", "b/c.json"), "../x/b/c.json");
    }

    #[test]
    fn candidates() {
        assert!(candidate(Path::new("a/wasmer.toml")));
        assert!(candidate(Path::new("a/plugin.JSON")));
        assert!(candidate(Path::new("a/Cargo.toml")));
        assert!(!candidate(Path::new("a/readme.md")));
        assert!(!candidate(Path::new("a/toml")));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_candidates() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(OsStr::from_bytes(b"a/caf\xe9.toml"));
        assert!(candidate(path));
        assert_eq!(shown(path), r#""a/caf\xe9.toml""#);
        assert_eq!(display(path), "a/caf\u{fffd}.toml");
    }
}
