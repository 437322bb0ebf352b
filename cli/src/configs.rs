//! Which configuration file applies to each file checked: the one named by
//! `--config`, none with `--no-config`, or else the nearest
//! `wasm-manifests.toml` above the file (above the current directory for
//! standard input). Each directory is looked at once, and each file read
//! once, however many manifests share it.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use wasm_manifests::config::{Config, ConfigError, FILE_NAME};

use crate::walk::{Input, Job};

/// Where the settings come from.
pub enum Source<'a> {
    /// The nearest configuration file above each file.
    Discover,
    /// This file, for every file.
    File(&'a Path),
    /// No configuration file.
    Nothing,
}

/// The configuration of every job.
#[derive(Default)]
pub struct Configs {
    loaded: Vec<Config>,
    /// For each job, in order: the index of its configuration.
    by_job: Vec<Option<usize>>,
}

impl Configs {
    /// Finds and reads the configuration of every job; the files that
    /// cannot be used, each once, when there are any.
    pub fn resolve(jobs: &[Job], source: Source<'_>) -> Result<Configs, Vec<ConfigError>> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut finder = Finder::default();
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut indices: HashMap<PathBuf, usize> = HashMap::new();
        let mut by_job = Vec::with_capacity(jobs.len());
        for job in jobs {
            let found = match &source {
                Source::Nothing => None,
                Source::File(path) => Some(path.to_path_buf()),
                Source::Discover => {
                    let dir = match &job.input {
                        Input::Stdin => cwd.clone(),
                        Input::File(path) => {
                            let mut dir = normalize(&cwd.join(path));
                            dir.pop();
                            dir
                        }
                    };
                    finder.find(&dir).map(|found| shown(&found, &cwd))
                }
            };
            by_job.push(found.map(|path| {
                *indices.entry(path).or_insert_with_key(|path| {
                    paths.push(path.clone());
                    paths.len() - 1
                })
            }));
        }
        let mut loaded = Vec::with_capacity(paths.len());
        let mut problems = Vec::new();
        for path in &paths {
            match Config::load(path) {
                Ok(config) => loaded.push(config),
                Err(e) => problems.push(e),
            }
        }
        if problems.is_empty() {
            Ok(Configs { loaded, by_job })
        } else {
            Err(problems)
        }
    }

    /// The configuration of the job at `index`, if any.
    pub fn of(&self, index: usize) -> Option<&Config> {
        self.loaded.get((*self.by_job.get(index)?)?)
    }
}

/// The nearest configuration file of directories, each looked at once.
#[derive(Default)]
struct Finder {
    known: HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    /// The nearest configuration file in `dir` (absolute, normalized) or
    /// its parents.
    fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut unknown = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.known.get(ancestor) {
                found = known.clone();
                break;
            }
            unknown.push(ancestor);
            let candidate = ancestor.join(FILE_NAME);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        for dir in unknown {
            self.known.insert(dir.to_owned(), found.clone());
        }
        found
    }
}

/// A configuration file as people are shown it: relative to the current
/// directory when it is inside it.
fn shown(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_owned(),
        _ => path.to_owned(),
    }
}

/// `.` and `..` resolved in the text of a path.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized_in_their_text() {
        assert_eq!(normalize(Path::new("/a/b/../c/./d")), Path::new("/a/c/d"));
        assert_eq!(normalize(Path::new("/a/../../b")), Path::new("/b"));
    }

    #[test]
    fn each_directory_is_looked_at_once() {
        let temp = std::env::temp_dir().join(format!("wm-finder-{}", std::process::id()));
        let deep = temp.join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(temp.join("a").join(FILE_NAME), "").unwrap();
        let mut finder = Finder::default();
        let expected = Some(temp.join("a").join(FILE_NAME));
        assert_eq!(finder.find(&deep), expected);
        assert!(finder.known.contains_key(&temp.join("a/b")));
        // Found again from the cache, even once the file is gone.
        std::fs::remove_file(temp.join("a").join(FILE_NAME)).unwrap();
        assert_eq!(finder.find(&temp.join("a/b")), expected);
        std::fs::remove_dir_all(&temp).unwrap();
    }
}
