//! The search for Spin `files` patterns: an explicit stack (no
//! recursion), one component of the pattern at a time, the pattern matched
//! as a set of positions (like an automaton) rather than by backtracking,
//! each directory entered once per position, and a bound on the entries
//! looked at (see the module documentation of `verify`).

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// One component of a search pattern.
pub(super) enum Part {
    /// `**`: any number of directories, none included.
    AnyDirs,
    /// A name without wildcards, compared as it is.
    Name(String),
    /// A name with wildcards (`*.css`, `[ab]?`).
    Wild(glob::Pattern),
}

/// A `files` pattern, split into components, searched for in a directory.
///
/// The semantics are those of `glob::glob` (which Spin uses): components are
/// separated by `/`, `*`, `?` and `[...]` stay within one component and
/// match hidden names too, `**` stands for any number of directories, a
/// pattern ending with `/` matches directories only, and what matches may be
/// a file or a directory. The differences are deliberate: `.` and `..` are
/// resolved in the text, wildcards never match `.` or `..`, links that lead
/// outside the package are reported rather than entered, each directory is
/// searched once per pattern position, and the number of entries looked at
/// is bounded.
pub(super) struct Search {
    pub(super) parts: Vec<Part>,
    /// The pattern ends with a separator: only directories match.
    dirs_only: bool,
}

/// Something the search found.
pub(super) enum Found {
    /// A path the pattern matches.
    Match { relative: PathBuf, path: PathBuf },
    /// A symbolic link to a directory outside the package, on the way of
    /// the pattern; not entered.
    LinkOutside { relative: PathBuf, path: PathBuf },
}

/// How a search ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum SearchEnd {
    /// Every directory the pattern can reach was searched.
    Done,
    /// The caller asked to stop.
    Stopped,
    /// The budget of directory entries ran out first.
    LimitReached,
}

/// Which positions of the pattern a path can be at: bit `i` means "the
/// first `i` parts are matched"; bit `parts.len()` means "matched".
#[derive(Clone, Default, PartialEq, Eq)]
pub(super) struct States(Vec<u64>);

impl States {
    pub(super) fn with_capacity(bits: usize) -> Self {
        States(vec![0; bits.div_ceil(64)])
    }

    pub(super) fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(super) fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// The states of `self` that `other` does not have.
    pub(super) fn minus(&self, other: &States) -> States {
        States(
            self.0
                .iter()
                .enumerate()
                .map(|(i, w)| w & !other.0.get(i).copied().unwrap_or(0))
                .collect(),
        )
    }

    pub(super) fn union_with(&mut self, other: &States) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }
}

/// A directory's identity, so that links cannot make a search enter it
/// again.
#[cfg(unix)]
pub(super) type DirKey = (u64, u64);
#[cfg(not(unix))]
pub(super) type DirKey = PathBuf;

#[cfg(unix)]
pub(super) fn dir_key(path: &Path) -> Option<DirKey> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
pub(super) fn dir_key(path: &Path) -> Option<DirKey> {
    std::fs::canonicalize(path).ok()
}

/// One directory waiting to be searched.
pub(super) struct Pending {
    relative: PathBuf,
    path: PathBuf,
    states: States,
}

/// One entry of a directory.
pub(super) struct Entry {
    name: std::ffi::OsString,
    file_type: std::fs::FileType,
}

impl Search {
    /// `None` when the pattern does not compile.
    pub(super) fn new(pattern: &str) -> Option<Search> {
        glob::Pattern::new(pattern).ok()?;
        let mut parts = Vec::new();
        let mut dirs_only = false;
        let mut components = pattern.split(std::path::is_separator).peekable();
        while let Some(component) = components.next() {
            let last = components.peek().is_none();
            match component {
                "" | "." => dirs_only = last && !parts.is_empty(),
                ".." => {
                    parts.pop();
                    dirs_only = last && !parts.is_empty();
                }
                "**" => {
                    if !matches!(parts.last(), Some(Part::AnyDirs)) {
                        parts.push(Part::AnyDirs);
                    }
                }
                name if name.contains(['*', '?', '[']) => {
                    parts.push(Part::Wild(glob::Pattern::new(name).ok()?));
                }
                name => parts.push(Part::Name(name.to_owned())),
            }
        }
        Some(Search { parts, dirs_only })
    }

    pub(super) fn accepting(&self, states: &States) -> bool {
        states.contains(self.parts.len())
    }

    /// Whether some position still needs more components.
    pub(super) fn live(&self, states: &States) -> bool {
        states.iter().any(|i| i < self.parts.len())
    }

    /// Adds the positions reached by letting each `**` match nothing.
    pub(super) fn close(&self, states: &mut States) {
        for i in 0..self.parts.len() {
            if states.contains(i) && matches!(self.parts[i], Part::AnyDirs) {
                states.insert(i + 1);
            }
        }
    }

    pub(super) fn start(&self) -> States {
        let mut states = States::with_capacity(self.parts.len() + 1);
        states.insert(0);
        self.close(&mut states);
        states
    }

    /// The positions after one more component, `name` (`None` when it is not
    /// UTF-8: only `**` can pass over it, as with `glob`).
    pub(super) fn step(&self, states: &States, name: Option<&str>, is_dir: bool) -> States {
        let options = glob::MatchOptions::new();
        let mut next = States::with_capacity(self.parts.len() + 1);
        for i in states.iter() {
            match self.parts.get(i) {
                Some(Part::AnyDirs) if is_dir => next.insert(i),
                Some(Part::Name(literal)) if name == Some(literal.as_str()) => next.insert(i + 1),
                Some(Part::Wild(pattern))
                    if name.is_some_and(|name| pattern.matches_with(name, options)) =>
                {
                    next.insert(i + 1);
                }
                _ => {}
            }
        }
        self.close(&mut next);
        next
    }

    /// The names to look up when every live position wants a literal name,
    /// so that the directory need not be listed; `None` otherwise.
    pub(super) fn literals(&self, states: &States) -> Option<Vec<&str>> {
        let mut names = Vec::new();
        for i in states.iter() {
            match self.parts.get(i) {
                Some(Part::Name(name)) => names.push(name.as_str()),
                Some(_) => return None,
                None => {}
            }
        }
        names.sort_unstable();
        names.dedup();
        Some(names)
    }

    /// Searches `dir` (whose canonical form is `root`) and hands what it
    /// finds to `found`, in alphabetical order, depth first. Every entry
    /// looked at takes one from `budget`.
    pub(super) fn run(
        &self,
        dir: &Path,
        root: Option<&Path>,
        budget: &mut usize,
        mut found: impl FnMut(Found) -> ControlFlow<()>,
    ) -> SearchEnd {
        let start = self.start();
        if self.accepting(&start)
            && found(Found::Match {
                relative: PathBuf::new(),
                path: dir.to_owned(),
            })
            .is_break()
        {
            return SearchEnd::Stopped;
        }
        let mut seen: HashMap<DirKey, States> = HashMap::new();
        if let Some(key) = dir_key(dir) {
            seen.insert(key, start.clone());
        }
        let mut stack = vec![Pending {
            relative: PathBuf::new(),
            path: dir.to_owned(),
            states: start,
        }];
        while let Some(current) = stack.pop() {
            let entries = match self.entries(&current, budget) {
                Ok(entries) => entries,
                Err(end) => return end,
            };
            let mut children = Vec::new();
            for entry in entries {
                let path = current.path.join(&entry.name);
                let is_link = entry.file_type.is_symlink();
                let is_dir = entry.file_type.is_dir()
                    || (is_link && std::fs::metadata(&path).is_ok_and(|m| m.is_dir()));
                let states = self.step(&current.states, entry.name.to_str(), is_dir);
                if states.is_empty() {
                    continue;
                }
                let relative = current.relative.join(&entry.name);
                if self.accepting(&states)
                    && (is_dir || !self.dirs_only)
                    && found(Found::Match {
                        relative: relative.clone(),
                        path: path.clone(),
                    })
                    .is_break()
                {
                    return SearchEnd::Stopped;
                }
                if !is_dir || !self.live(&states) {
                    continue;
                }
                // A link is entered through its target, so that chains of
                // links never build paths the system refuses to resolve.
                let path = if is_link {
                    let Ok(target) = std::fs::canonicalize(&path) else {
                        continue;
                    };
                    if root.is_some_and(|root| !target.starts_with(root)) {
                        if found(Found::LinkOutside { relative, path }).is_break() {
                            return SearchEnd::Stopped;
                        }
                        continue;
                    }
                    target
                } else {
                    path
                };
                let Some(key) = dir_key(&path) else {
                    continue;
                };
                let known = seen.entry(key).or_default();
                let new = states.minus(known);
                if new.is_empty() {
                    continue;
                }
                known.union_with(&new);
                children.push(Pending {
                    relative,
                    path,
                    states: new,
                });
            }
            // Depth first, in alphabetical order.
            stack.extend(children.into_iter().rev());
        }
        SearchEnd::Done
    }

    /// The entries of one directory the pattern may go through, sorted by
    /// name; unreadable directories have none (as with `glob`).
    pub(super) fn entries(
        &self,
        current: &Pending,
        budget: &mut usize,
    ) -> Result<Vec<Entry>, SearchEnd> {
        let mut take = || {
            if *budget == 0 {
                return Err(SearchEnd::LimitReached);
            }
            *budget -= 1;
            Ok(())
        };
        let mut entries = Vec::new();
        if let Some(names) = self.literals(&current.states) {
            for name in names {
                take()?;
                if let Ok(metadata) = std::fs::symlink_metadata(current.path.join(name)) {
                    entries.push(Entry {
                        name: name.into(),
                        file_type: metadata.file_type(),
                    });
                }
            }
            return Ok(entries);
        }
        let Ok(listing) = std::fs::read_dir(&current.path) else {
            return Ok(entries);
        };
        for entry in listing {
            take()?;
            let Ok(entry) = entry else {
                continue;
            };
            if let Ok(file_type) = entry.file_type() {
                entries.push(Entry {
                    name: entry.file_name(),
                    file_type,
                });
            }
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }
}
