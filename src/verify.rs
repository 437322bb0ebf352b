//! Verification of a manifest against the files beside it: referenced files
//! exist and have the right kind, modules are WebAssembly, digests match,
//! globs match something, and nothing resolves outside the package
//! directory, symbolic links included.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::Manifest;
use crate::codes::CodeDoc;
use crate::path::FieldPath;
use crate::read::Cx;
use crate::rules::digest;

mod spin_v2;

pub(crate) const MISSING_FILE: &str = "verify/missing-file";
pub(crate) const UNREADABLE_FILE: &str = "verify/unreadable-file";
pub(crate) const NOT_A_FILE: &str = "verify/not-a-file";
pub(crate) const NOT_A_DIRECTORY: &str = "verify/not-a-directory";
pub(crate) const NOT_WASM: &str = "verify/not-wasm";
pub(crate) const DIGEST_MISMATCH: &str = "verify/digest-mismatch";
pub(crate) const OUTSIDE_PACKAGE: &str = "verify/outside-package";
pub(crate) const GLOB_MATCHES_NOTHING: &str = "verify/glob-matches-nothing";

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
        "A path that must name a file names a directory.",
        "Modules, READMEs, licenses and binding files are read as files.",
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
];

/// What a referenced path must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    File,
    Directory,
    FileOrDirectory,
    /// A WebAssembly module, with the digest the manifest expects.
    Wasm,
}

struct Verifier<'c> {
    dir: PathBuf,
    /// The canonical directory, for the containment checks.
    root: Option<PathBuf>,
    cx: &'c mut Cx,
}

pub(crate) fn verify(manifest: &Manifest, dir: &Path, cx: &mut Cx) {
    let mut v = Verifier {
        dir: dir.to_owned(),
        root: std::fs::canonicalize(dir).ok(),
        cx,
    };
    match manifest {
        Manifest::Wasmer(m) => wasmer(&mut v, m),
        Manifest::Spin(m) => spin(&mut v, m),
        Manifest::SpinV2(m) => spin_v2::verify(&mut v, m),
        Manifest::Extism(m) => extism(&mut v, m),
        Manifest::FlowLike(m) => flowlike(&mut v, m),
    }
}

fn fp(parts: &[&dyn PathPart]) -> FieldPath {
    parts.iter().fold(FieldPath::root(), |p, part| part.push(p))
}

trait PathPart {
    fn push(&self, path: FieldPath) -> FieldPath;
}

impl PathPart for &str {
    fn push(&self, path: FieldPath) -> FieldPath {
        path.key(*self)
    }
}

impl PathPart for String {
    fn push(&self, path: FieldPath) -> FieldPath {
        path.key(self.as_str())
    }
}

impl PathPart for usize {
    fn push(&self, path: FieldPath) -> FieldPath {
        path.index(*self)
    }
}

fn wasmer(v: &mut Verifier<'_>, m: &crate::wasmer::Manifest) {
    if let Some(package) = &m.package {
        if let Some(readme) = &package.readme {
            v.check(
                fp(&[&"package", &"readme"]),
                &readme.to_string_lossy(),
                Expect::File,
                None,
            );
        }
        if let Some(license) = &package.license_file {
            v.check(
                fp(&[&"package", &"license-file"]),
                &license.to_string_lossy(),
                Expect::File,
                None,
            );
        }
    }
    for (guest, host) in &m.fs {
        v.check(
            fp(&[&"fs", guest]),
            &host.to_string_lossy(),
            Expect::FileOrDirectory,
            None,
        );
    }
    for (i, module) in m.modules.iter().enumerate() {
        let expect = match module.kind.as_deref() {
            None | Some("wasm") => Expect::Wasm,
            _ => Expect::FileOrDirectory,
        };
        v.check(
            fp(&[&"module", &i, &"source"]),
            &module.source.to_string_lossy(),
            expect,
            None,
        );
        match &module.bindings {
            Some(crate::wasmer::Bindings::Wit(wit)) => {
                let path = fp(&[&"module", &i, &"bindings", &"wit-exports"]);
                v.check(path, &wit.wit_exports.to_string_lossy(), Expect::File, None);
            }
            Some(crate::wasmer::Bindings::Wai(wai)) => {
                if let Some(exports) = &wai.exports {
                    let path = fp(&[&"module", &i, &"bindings", &"exports"]);
                    v.check(path, &exports.to_string_lossy(), Expect::File, None);
                }
                for (j, import) in wai.imports.iter().enumerate() {
                    let path = fp(&[&"module", &i, &"bindings", &"imports", &j]);
                    v.check(path, &import.to_string_lossy(), Expect::File, None);
                }
            }
            None => {}
        }
    }
    for (i, command) in m.commands.iter().enumerate() {
        if let crate::wasmer::Command::V2(c) = command
            && let Some(crate::wasmer::CommandAnnotations::File(file)) = &c.annotations
        {
            let path = fp(&[&"command", &i, &"annotations", &"file"]);
            v.check(path, &file.file.to_string_lossy(), Expect::File, None);
        }
    }
}

fn spin(v: &mut Verifier<'_>, m: &crate::spin::Manifest) {
    use crate::spin::{ComponentSource, FileMount};
    for (i, component) in m.components.iter().enumerate() {
        if let ComponentSource::Local(path) = &component.source {
            v.check(
                fp(&[&"component", &i, &"source"]),
                &path.to_string_lossy(),
                Expect::Wasm,
                None,
            );
        }
        for (j, mount) in component.files.iter().enumerate() {
            match mount {
                FileMount::Pattern(pattern) => {
                    v.glob(
                        fp(&[&"component", &i, &"files", &j]),
                        pattern,
                        &component.exclude_files,
                    );
                }
                FileMount::Placement(placement) => {
                    let path = fp(&[&"component", &i, &"files", &j, &"source"]);
                    v.check(
                        path,
                        &placement.source.to_string_lossy(),
                        Expect::FileOrDirectory,
                        None,
                    );
                }
            }
        }
    }
}

fn extism(v: &mut Verifier<'_>, m: &crate::extism::Manifest) {
    use crate::extism::WasmSource;
    for (i, wasm) in m.wasm.iter().enumerate() {
        let expected = wasm.hash.as_deref().filter(|h| digest::is_sha256_hex(h));
        match &wasm.source {
            WasmSource::Path(path) => {
                v.check(
                    fp(&[&"wasm", &i, &"path"]),
                    &path.to_string_lossy(),
                    Expect::Wasm,
                    expected.map(|h| (h, fp(&[&"wasm", &i, &"hash"]))),
                );
            }
            WasmSource::Data(bytes) => {
                if let Some(expected) = expected {
                    let actual = hex::encode(Sha256::digest(bytes));
                    v.digest_mismatch(
                        fp(&[&"wasm", &i, &"hash"]),
                        "the embedded module",
                        &actual,
                        expected,
                    );
                }
            }
            // Downloads are not fetched: verification stays offline.
            WasmSource::Url(_) => {}
        }
    }
    for mount in &m.allowed_paths {
        v.check(
            fp(&[&"allowed_paths", &mount.key()]),
            &mount.host.to_string_lossy(),
            Expect::Directory,
            None,
        );
    }
}

fn flowlike(v: &mut Verifier<'_>, m: &crate::flowlike::Manifest) {
    if let Some(path) = &m.wasm_path {
        let expected = m.wasm_hash.as_deref().and_then(|hash| {
            let hex = hash.strip_prefix("sha256:").unwrap_or(hash);
            digest::is_sha256_hex(hex).then_some(hex)
        });
        v.check(
            fp(&[&"wasm_path"]),
            path,
            Expect::Wasm,
            expected.map(|h| (h, fp(&[&"wasm_hash"]))),
        );
    }
}

impl Verifier<'_> {
    /// Checks one referenced path; `digest` is the expected SHA-256 and the
    /// field that gives it.
    fn check(
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
        match expect {
            Expect::Directory if !metadata.is_dir() => {
                self.cx
                    .error_at(
                        NOT_A_DIRECTORY,
                        field,
                        format!("`{written}` is a file, not a directory"),
                    )
                    .help("mount the directory that contains it");
                return;
            }
            Expect::File | Expect::Wasm if metadata.is_dir() => {
                self.cx
                    .error_at(
                        NOT_A_FILE,
                        field,
                        format!("`{written}` is a directory, not a file"),
                    )
                    .help("point at the file inside it");
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

    fn digest_mismatch(&mut self, field: FieldPath, what: &str, actual: &str, expected: &str) {
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
    fn inside(&mut self, field: &FieldPath, written: &str, path: &Path) -> bool {
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
    fn glob(&mut self, field: FieldPath, pattern: &str, excludes: &[String]) {
        let Some(base) = self.dir.to_str() else {
            return;
        };
        let escaped = glob::Pattern::escape(base);
        let Ok(paths) = glob::glob(&format!("{escaped}/{pattern}")) else {
            // Bad syntax was reported when the manifest was read.
            return;
        };
        let excludes: Vec<glob::Pattern> = excludes
            .iter()
            .filter_map(|e| glob::Pattern::new(e).ok())
            .collect();
        let (mut matched, mut excluded) = (0usize, 0usize);
        for path in paths.flatten() {
            let relative = path.strip_prefix(&self.dir).unwrap_or(&path);
            let relative_text = relative.to_string_lossy().replace('\\', "/");
            if excludes.iter().any(|e| e.matches(&relative_text)) {
                excluded += 1;
                continue;
            }
            matched += 1;
            if !self.inside(&field, &relative_text, &path) {
                return;
            }
        }
        if matched == 0 {
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
    }
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
/// SHA-256, reading it once in chunks.
fn file_facts(path: &Path) -> io::Result<(bool, String)> {
    let mut file = File::open(path)?;
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
