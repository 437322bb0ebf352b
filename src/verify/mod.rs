//! Verification of a manifest against the files beside it: referenced files
//! exist and have the right kind, modules are WebAssembly, digests match,
//! globs match something, and nothing resolves outside the package
//! directory, symbolic links included.
//!
//! The package directory may come from anyone, so verification is careful
//! about what it touches:
//!
//! - Only regular files are opened, and only to read as many bytes as their
//!   size says. A named pipe, a device or a socket where a file is expected
//!   is reported (`verify/not-a-file`), never opened: opening a pipe blocks
//!   and a device like `/dev/zero` never ends. The opened file is checked
//!   again, in case it was swapped between the look and the open.
//! - Spin `files` patterns are resolved by a search of our own
//!   ([`Search`]): an explicit stack (no recursion), one component of the
//!   pattern at a time, so only the directories the pattern can reach are
//!   listed. The pattern is matched as a set of positions (like an automaton)
//!   rather than by backtracking, so `**/a/**/a/**/a` costs one pass over
//!   each directory whatever the repetition.
//! - Symbolic links to directories inside the package are followed (Spin
//!   follows them too), but each directory, named by device and inode, is
//!   searched at most once for each position in the pattern: links back to
//!   `.` or to a parent add nothing, and cannot loop. A link that leads
//!   outside the package is reported as `verify/outside-package` and never
//!   entered.
//! - `.` and `..` in a pattern are resolved in its text, and wildcards never
//!   match `.` or `..`, so no search leaves the package directory. Patterns
//!   that climb out or are absolute were reported when the manifest was read
//!   and are not searched at all.
//! - A manifest's searches look at [`SEARCH_LIMIT`] directory entries at
//!   most, together; a pattern cut short by the limit gets a
//!   `verify/search-limit` warning instead of a verdict.

use std::fs::File;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::Manifest;
use crate::codes::CodeDoc;
use crate::path::FieldPath;
use crate::read::Cx;

mod search;

use search::{Found, Search, SearchEnd};

pub(crate) const MISSING_FILE: &str = "verify/missing-file";
pub(crate) const UNREADABLE_FILE: &str = "verify/unreadable-file";
pub(crate) const NOT_A_FILE: &str = "verify/not-a-file";
pub(crate) const NOT_A_DIRECTORY: &str = "verify/not-a-directory";
pub(crate) const NOT_WASM: &str = "verify/not-wasm";
pub(crate) const DIGEST_MISMATCH: &str = "verify/digest-mismatch";
pub(crate) const OUTSIDE_PACKAGE: &str = "verify/outside-package";
pub(crate) const GLOB_MATCHES_NOTHING: &str = "verify/glob-matches-nothing";
pub(crate) const SEARCH_LIMIT_REACHED: &str = "verify/search-limit";

/// How many directory entries the `files` searches of one manifest may look
/// at, together.
pub(crate) const SEARCH_LIMIT: usize = 100_000;

pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc::new(
        MISSING_FILE,
        "error",
        "A file or directory the manifest refers to does not exist (checked only when verifying against a directory).",
        "Packaging, building or loading fails when a module, README, license, mount or binding file is missing.",
        "[[module]]\nname = \"app\"\nsource = \"target/wasm32-wasip1/release/app.wasm\"  # not built yet",
        "Build or add the file, or correct the path (relative to the manifest's directory).",
    ),
    CodeDoc::new(
        UNREADABLE_FILE,
        "error",
        "A referenced file exists but cannot be read.",
        "The tools that package or load it will fail the same way.",
        "(a module file without read permission)",
        "Fix the file's permissions.",
    ),
    CodeDoc::new(
        NOT_A_FILE,
        "error",
        "A path that must name a file names a directory, or something that is not a regular file (a named pipe, a device, a socket).",
        "Modules, READMEs, licenses and binding files are read as files; a named pipe blocks whoever opens it and a device like `/dev/zero` never ends, so verification reports them without opening them.",
        "[package]\nreadme = \"docs\"",
        "Point at the file inside the directory.",
    ),
    CodeDoc::new(
        NOT_A_DIRECTORY,
        "error",
        "A path that must name a directory names a file (Extism `allowed_paths`).",
        "The runtime mounts directories; mounting a file fails when the plug-in is created.",
        "\"allowed_paths\": { \"config.json\": \"/config\" }",
        "Mount the directory that contains the file.",
    ),
    CodeDoc::new(
        NOT_WASM,
        "error",
        "A file named as a module does not start with the WebAssembly magic bytes `\\0asm`.",
        "The runtime refuses anything that is not a WebAssembly binary; a text `.wat` file, a build log or an HTML error page saved as `.wasm` are common culprits.",
        "source = \"app.wasm\"  # actually a text file",
        "Point at the compiled `.wasm` binary.",
    ),
    CodeDoc::new(
        DIGEST_MISMATCH,
        "error",
        "The SHA-256 digest of a module differs from the one the manifest expects.",
        "Runtimes that check digests refuse the module (Extism: \"Hash mismatch\"); a stale digest also means the manifest describes other bytes than the ones shipped.",
        "{ \"path\": \"plugin.wasm\", \"hash\": \"<the digest of an older build>\" }",
        "Update the digest to the one shown, or ship the module the digest was computed from.",
    ),
    CodeDoc::new(
        OUTSIDE_PACKAGE,
        "error",
        "A referenced path resolves outside the manifest's directory, directly (`..`, absolute) or through a symbolic link.",
        "A package must be self-contained: paths outside it depend on the machine, and a symbolic link can smuggle unrelated files (credentials, the home directory) into what is published or mounted.",
        "[fs]\n\"/data\" = \"data\"  # data -> /home/me",
        "Copy the files into the package directory, or remove the link.",
    ),
    CodeDoc::new(
        GLOB_MATCHES_NOTHING,
        "warning",
        "A Spin `files` pattern matches no file (after `exclude_files`).",
        "Spin accepts it silently and the component starts without the files it expects.",
        "files = [\"static/**/*.css\"]  # no CSS files yet",
        "Correct the pattern, add the files, or remove the entry.",
    ),
    CodeDoc::new(
        SEARCH_LIMIT_REACHED,
        "warning",
        "Searching the package directory for Spin `files` patterns stopped at the limit of 100,000 directory entries, so a pattern was not fully checked.",
        "A huge tree in the package directory (a `node_modules`, a build cache) would make verification run for a very long time; the limit keeps it short. The pattern may well be fine: it was only not checked to the end.",
        "files = [\"**/*\"]  # beside 200,000 files of node_modules",
        "Narrow the pattern to the directory that holds the files (`static/**/*.css` rather than `**/*.css`), or move what the component does not need out of the package directory.",
    ),
];

/// What a referenced path must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    File,
    Directory,
    FileOrDirectory,
    /// A WebAssembly module, with the digest the manifest expects.
    Wasm,
}

pub(crate) struct Verifier<'c> {
    dir: PathBuf,
    /// The canonical directory, for the containment checks.
    root: Option<PathBuf>,
    cx: &'c mut Cx,
    /// The search limit, and how many directory entries searches may still
    /// look at.
    limit: usize,
    budget: usize,
}

pub(crate) fn verify(manifest: &Manifest, dir: &Path, cx: &mut Cx) {
    verify_with_limit(manifest, dir, cx, SEARCH_LIMIT);
}

fn verify_with_limit(manifest: &Manifest, dir: &Path, cx: &mut Cx, limit: usize) {
    let mut v = Verifier {
        dir: dir.to_owned(),
        root: std::fs::canonicalize(dir).ok(),
        cx,
        limit,
        budget: limit,
    };
    // A manifest exists only for the formats of the build.
    if let Some(descriptor) = crate::formats::find(manifest.format()) {
        (descriptor.verify)(&mut v, manifest);
    }
}

impl Verifier<'_> {
    /// Checks one referenced path; `digest` is the expected SHA-256 and the
    /// field that gives it.
    pub(crate) fn check(
        &mut self,
        field: FieldPath,
        written: &str,
        expect: Expect,
        digest: Option<(&str, FieldPath)>,
    ) {
        let path = self.dir.join(written);
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let dangling = std::fs::symlink_metadata(&path).is_ok();
                let message = if dangling {
                    format!("`{written}` is a symbolic link to a file that does not exist")
                } else {
                    format!("`{written}` does not exist")
                };
                self.cx.error_at(MISSING_FILE, field, message).help(format!(
                    "looked for {}; paths are relative to the manifest's directory",
                    path.display()
                ));
                return;
            }
            Err(e) => {
                self.cx.error_at(
                    UNREADABLE_FILE,
                    field,
                    format!("cannot read `{written}`: {e}"),
                );
                return;
            }
        };
        if !self.inside(&field, written, &path) {
            return;
        }
        let file_type = metadata.file_type();
        let special = !file_type.is_file() && !file_type.is_dir();
        match expect {
            Expect::Directory if !file_type.is_dir() => {
                let what = if special {
                    special_kind(&file_type)
                } else {
                    "a file"
                };
                self.cx
                    .error_at(
                        NOT_A_DIRECTORY,
                        field,
                        format!("`{written}` is {what}, not a directory"),
                    )
                    .help("mount the directory that contains it");
                return;
            }
            Expect::File | Expect::Wasm if file_type.is_dir() => {
                self.cx
                    .error_at(
                        NOT_A_FILE,
                        field,
                        format!("`{written}` is a directory, not a file"),
                    )
                    .help("point at the file inside it");
                return;
            }
            Expect::File | Expect::Wasm if special => {
                self.not_a_regular_file(field, written, &file_type, "a regular file");
                return;
            }
            Expect::FileOrDirectory if special => {
                self.not_a_regular_file(field, written, &file_type, "a file or a directory");
                return;
            }
            _ => {}
        }
        if expect == Expect::Wasm {
            match file_facts(&path) {
                Ok((magic_ok, actual)) => {
                    if !magic_ok {
                        self.cx
                            .error_at(NOT_WASM, field, format!("`{written}` is not a WebAssembly module"))
                            .help("point at the compiled `.wasm` binary")
                            .note("a WebAssembly binary starts with the bytes `\\0asm`; this file does not");
                    }
                    if let Some((expected, digest_field)) = digest {
                        self.digest_mismatch(
                            digest_field,
                            &format!("`{written}`"),
                            &actual,
                            expected,
                        );
                    }
                }
                Err(e) => {
                    self.cx.error_at(
                        UNREADABLE_FILE,
                        field,
                        format!("cannot read `{written}`: {e}"),
                    );
                }
            }
        }
    }

    /// Reports a named pipe, device or socket where a file is expected.
    pub(crate) fn not_a_regular_file(
        &mut self,
        field: FieldPath,
        written: &str,
        file_type: &std::fs::FileType,
        expected: &str,
    ) {
        self.cx
            .error_at(
                NOT_A_FILE,
                field,
                format!("`{written}` is {}, not {expected}", special_kind(file_type)),
            )
            .help("point at a regular file; verification never opens pipes, devices or sockets")
            .note("packaging or loading the manifest would block or never finish reading it");
    }

    pub(crate) fn digest_mismatch(
        &mut self,
        field: FieldPath,
        what: &str,
        actual: &str,
        expected: &str,
    ) {
        if actual != expected.to_ascii_lowercase() {
            self.cx
                .error_at(
                    DIGEST_MISMATCH,
                    field,
                    format!("the SHA-256 of {what} does not match"),
                )
                .help(format!(
                    "its digest is {actual}; update the manifest if the module changed on purpose"
                ))
                .note(format!("the manifest expects {expected}"));
        }
    }

    /// Reports a path that resolves outside the package directory; returns
    /// whether it is inside.
    pub(crate) fn inside(&mut self, field: &FieldPath, written: &str, path: &Path) -> bool {
        let (Some(root), Ok(resolved)) = (&self.root, std::fs::canonicalize(path)) else {
            return true;
        };
        if resolved.starts_with(root) {
            return true;
        }
        let through_link = crate::rules::paths::escapes(written).is_none();
        let message = if through_link {
            format!("`{written}` leads outside the package directory through a symbolic link")
        } else {
            format!("`{written}` is outside the package directory")
        };
        self.cx
            .error_at(OUTSIDE_PACKAGE, field.clone(), message)
            .help(
                "copy the files into the package directory and refer to them with a relative path",
            )
            .note(format!(
                "it resolves to {}, relative to the package directory",
                relative_to(&resolved, root).display()
            ));
        false
    }

    /// Resolves a Spin `files` pattern with `exclude_files` applied.
    pub(crate) fn glob(&mut self, field: FieldPath, pattern: &str, excludes: &[String]) {
        // Reading the manifest reported the patterns that are absolute or
        // climb out of the package; searching for them would walk the
        // machine.
        if crate::rules::paths::escapes(pattern).is_some() {
            return;
        }
        let Some(search) = Search::new(pattern) else {
            // Bad syntax was reported when the manifest was read.
            return;
        };
        if self.budget == 0 {
            self.search_limit(
                field,
                format!(
                    "`{pattern}` was not checked: the search limit of {} directory entries was reached",
                    self.limit
                ),
            );
            return;
        }
        let excludes: Vec<glob::Pattern> = excludes
            .iter()
            .filter_map(|e| glob::Pattern::new(e).ok())
            .collect();
        let (mut matched, mut excluded) = (0usize, 0usize);
        let mut budget = self.budget;
        let dir = self.dir.clone();
        let root = self.root.clone();
        let end = search.run(&dir, root.as_deref(), &mut budget, |found| {
            let (relative, path) = match &found {
                Found::Match { relative, path } => (relative, path),
                Found::LinkOutside { relative, path } => (relative, path),
            };
            let relative_text = relative.to_string_lossy().replace('\\', "/");
            if let Found::Match { .. } = found {
                if excludes.iter().any(|e| e.matches(&relative_text)) {
                    excluded += 1;
                    return ControlFlow::Continue(());
                }
                matched += 1;
            }
            if self.inside(&field, &relative_text, path) {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        });
        self.budget = budget;
        match end {
            SearchEnd::Stopped => {}
            SearchEnd::LimitReached => {
                let message = format!(
                    "the search for `{pattern}` stopped after {} directory entries",
                    self.limit
                );
                self.search_limit(field, message);
            }
            SearchEnd::Done if matched == 0 => {
                let message = if excluded > 0 {
                    format!("every file `{pattern}` matches is excluded by `exclude_files`")
                } else {
                    format!("`{pattern}` matches no file")
                };
                self.cx
                    .warning_at(GLOB_MATCHES_NOTHING, field, message)
                    .help("correct the pattern (relative to the manifest's directory), add the files, or remove the entry")
                    .note("Spin starts the component anyway, without these files");
            }
            SearchEnd::Done => {}
        }
    }

    pub(crate) fn search_limit(&mut self, field: FieldPath, message: String) {
        self.cx
            .warning_at(SEARCH_LIMIT_REACHED, field, message)
            .help("narrow the pattern to the directory that holds the files (`static/**/*.css` rather than `**/*.css`), or move what the component does not need out of the package directory")
            .note(format!(
                "verification looks at no more than {} directory entries per manifest, so this pattern was not fully checked",
                self.limit
            ));
    }
}

/// What kind of special file this is, with its article.
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    let _ = file_type;
    "a special file"
}

/// `path` relative to `base` (both canonical), with `..` where it climbs
/// out, so messages do not depend on where the package lives.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for component in &path[common..] {
        out.push(component);
    }
    out
}

/// Whether a file starts with the WebAssembly magic bytes, and its
/// SHA-256, reading it once in chunks. Only a regular file is read (the
/// caller checked; the opened file is checked again, in case it was swapped
/// in between), and only as many bytes as its size at opening.
fn file_facts(path: &Path) -> io::Result<(bool, String)> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::other(format!(
            "it is {}, not a regular file",
            special_kind(&metadata.file_type())
        )));
    }
    let mut file = file.take(metadata.len());
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut head = Vec::with_capacity(4);
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        if head.len() < 4 {
            let take = (4 - head.len()).min(n);
            head.extend_from_slice(&buffer[..take]);
        }
        hasher.update(&buffer[..n]);
    }
    Ok((head == b"\0asm", hex::encode(hasher.finalize())))
}

#[cfg(test)]
mod tests {
    use super::search::*;
    use super::*;
    use crate::Format;
    use crate::source::Syntax;

    fn matches(pattern: &str, path: &[(&str, bool)]) -> bool {
        let search = Search::new(pattern).unwrap();
        let mut states = search.start();
        for (name, is_dir) in path {
            states = search.step(&states, Some(name), *is_dir);
        }
        search.accepting(&states)
    }

    #[test]
    fn patterns_match_like_glob() {
        let file = |name| (name, false);
        let dir = |name| (name, true);
        assert!(matches("static/*.css", &[dir("static"), file("site.css")]));
        assert!(!matches(
            "static/*.css",
            &[dir("static"), dir("sub"), file("a.css")]
        ));
        assert!(matches("**/*.css", &[file("a.css")]));
        assert!(matches("**/*.css", &[dir("a"), dir("b"), file("c.css")]));
        assert!(matches("a/**/b", &[dir("a"), file("b")]));
        assert!(matches(
            "a/**/b",
            &[dir("a"), dir("x"), dir("y"), file("b")]
        ));
        // `**` at the end matches directories only.
        assert!(matches("a/**", &[dir("a"), dir("x")]));
        assert!(!matches("a/**", &[dir("a"), file("x")]));
        // Hidden names match wildcards; `.` and `..` are resolved in the text.
        assert!(matches("*", &[file(".env")]));
        assert!(matches("./a/../b/*.txt", &[dir("b"), file("c.txt")]));
        assert!(matches("[ab]?.txt", &[file("bx.txt")]));
        assert!(Search::new("a/**b").is_none());
    }

    #[test]
    fn repeated_double_stars_keep_few_states() {
        let search = Search::new(&"**/a/".repeat(50)).unwrap();
        let mut states = search.start();
        for _ in 0..200 {
            states = search.step(&states, Some("a"), true);
        }
        assert!(search.accepting(&states));
        assert!(states.iter().count() <= search.parts.len() + 1);
    }

    // Its examples come from several formats.

    #[cfg(all(
        feature = "wasmer",
        feature = "spin",
        feature = "extism",
        feature = "flow-like"
    ))]
    #[test]
    fn the_search_limit_is_shared_by_the_patterns_of_a_manifest() {
        let dir = std::env::temp_dir().join(format!("wasm-manifests-limit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("static")).unwrap();
        for i in 0..20 {
            std::fs::write(dir.join("static").join(format!("{i}.txt")), "x").unwrap();
        }
        std::fs::write(dir.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
        let text = "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[[component]]\nid = \"web\"\nsource = \"app.wasm\"\nfiles = [\"static/*.txt\", \"**/*.css\", \"static/*.txt\"]\n[component.trigger]\nroute = \"/...\"\n";
        let parsed = crate::parse(text, Format::Spin);
        let manifest = parsed.manifest().unwrap();
        let run = |limit| {
            let mut cx = Cx::new(Syntax::Toml);
            verify_with_limit(manifest, &dir, &mut cx, limit);
            cx.finish(text, None)
                .into_iter()
                .map(|d| (d.code, d.message))
                .collect::<Vec<_>>()
        };
        // Plenty: the CSS pattern matches nothing.
        assert_eq!(
            run(1000),
            [(
                GLOB_MATCHES_NOTHING,
                "`**/*.css` matches no file".to_owned()
            )]
        );
        // The first pattern looks at 21 entries (`static`, then its 20
        // files); the second runs out; the third is not searched.
        assert_eq!(
            run(30),
            [
                (
                    SEARCH_LIMIT_REACHED,
                    "the search for `**/*.css` stopped after 30 directory entries".to_owned()
                ),
                (
                    SEARCH_LIMIT_REACHED,
                    "`static/*.txt` was not checked: the search limit of 30 directory entries was reached"
                        .to_owned()
                ),
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
