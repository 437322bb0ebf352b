//! Which configuration file applies to each file checked: the one named by
//! `--config`, none with `--no-config`, or else the nearest
//! `wasm-manifests.toml` above the file (above the current directory for
//! standard input). Each directory is looked at once, and each file read
//! once, however many manifests share it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use wasm_manifests::config::{Config, ConfigError, Finder};

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
                Source::Discover => match &job.input {
                    Input::Stdin => finder.for_dir(&cwd),
                    Input::File(path) => finder.for_file(cwd.join(path)),
                }
                .map(|found| shown(&found, &cwd)),
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

/// A configuration file as people are shown it: relative to the current
/// directory when it is inside it.
fn shown(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_owned(),
        _ => path.to_owned(),
    }
}
