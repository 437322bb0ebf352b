//! Verification against the files beside a manifest. Each case under
//! `fixtures/verify/<case>/` is a small package directory: its manifest is
//! read, verified against the directory, and the rendered report compared
//! with `expected.stderr` (empty for the clean packages). `BLESS=1`
//! rewrites the expected files.

use std::path::{Path, PathBuf};

const MANIFEST_NAMES: [&str; 4] = ["wasmer.toml", "spin.toml", "plugin.json", "flow-like.toml"];

/// The case directories, relative to the crate root (the working directory
/// of tests), so that reports show relative paths.
fn cases() -> Vec<PathBuf> {
    let root = Path::new("fixtures/verify");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn report_for(case: &Path) -> wasm_manifests::Report {
    let manifest = MANIFEST_NAMES
        .iter()
        .map(|name| case.join(name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{} has no manifest", case.display()));
    let mut parsed = wasm_manifests::parse_file(&manifest).unwrap();
    assert!(!parsed.report().has_errors(), "{}", parsed.report());
    parsed.verify(case);
    parsed.into_report()
}

#[test]
fn verify_cases_match_their_expected_reports() {
    let mut failures = Vec::new();
    for case in cases() {
        let rendered = report_for(&case).render();
        let expected_path = case.join("expected.stderr");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &rendered).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != rendered {
            failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{rendered}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_packages_pass() {
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with("-clean") {
            let report = report_for(&case);
            assert!(report.is_empty(), "{name}:\n{report}");
        }
    }
}

#[test]
fn each_planted_problem_is_found() {
    let expect = [
        ("missing-files", vec!["verify/missing-file"; 3]),
        ("digest-mismatch", vec!["verify/digest-mismatch"; 2]),
        (
            "flowlike-not-wasm",
            vec!["verify/not-wasm", "verify/digest-mismatch"],
        ),
        (
            "spin-files",
            vec![
                "verify/not-wasm",
                "verify/glob-matches-nothing",
                "verify/glob-matches-nothing",
            ],
        ),
        (
            "wrong-kinds",
            vec![
                "verify/not-a-file",
                "verify/not-a-directory",
                "verify/outside-package",
            ],
        ),
        ("symlink-escape", vec!["verify/outside-package"; 2]),
    ];
    let root = Path::new("fixtures/verify");
    for (case, codes) in expect {
        let report = report_for(&root.join(case));
        let mut found: Vec<&str> = report
            .iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("verify/"))
            .collect();
        let mut wanted = codes.clone();
        found.sort();
        wanted.sort();
        assert_eq!(found, wanted, "{case}:\n{report}");
    }
}

#[test]
fn a_symlink_created_at_run_time_is_caught() {
    let dir = std::env::temp_dir().join(format!("wasm-manifests-verify-{}", std::process::id()));
    let outside = dir.join("outside");
    let package = dir.join("package");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(package.join("static")).unwrap();
    std::fs::write(outside.join("secret.txt"), "token").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), package.join("static/leak.txt"))
        .unwrap();
    std::fs::write(package.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(
        package.join("spin.toml"),
        "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[[component]]\nid = \"web\"\nsource = \"app.wasm\"\nfiles = [\"static/*.txt\"]\n[component.trigger]\nroute = \"/...\"\n",
    )
    .unwrap();
    let mut parsed = wasm_manifests::parse_file(package.join("spin.toml")).unwrap();
    parsed.verify(&package);
    let diagnostic = &parsed.report().diagnostics()[0];
    assert_eq!(diagnostic.code, "verify/outside-package");
    assert_eq!(diagnostic.path.to_string(), "component[0].files[0]");
    assert!(
        diagnostic.message.contains("symbolic link"),
        "{}",
        diagnostic.message
    );
    assert_eq!(diagnostic.span.line, 9);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn large_modules_are_hashed_in_chunks() {
    // 20 MiB: larger than the parse size limit, which verification does not
    // apply to module files; the digest is computed while streaming.
    let dir =
        std::env::temp_dir().join(format!("wasm-manifests-big-module-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    module.resize(20 * 1024 * 1024, 7);
    std::fs::write(dir.join("big.wasm"), &module).unwrap();
    use sha2::Digest;
    let digest = hex::encode(sha2::Sha256::digest(&module));
    let manifest = format!("{{\"wasm\": [{{\"path\": \"big.wasm\", \"hash\": \"{digest}\"}}]}}");
    std::fs::write(dir.join("plugin.json"), manifest).unwrap();
    let mut parsed = wasm_manifests::parse_file(dir.join("plugin.json")).unwrap();
    parsed.verify(&dir);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    std::fs::remove_dir_all(&dir).unwrap();
}
