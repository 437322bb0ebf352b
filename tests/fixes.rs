//! Automatic fixes, over every fixture of every format.
//!
//! For each manifest under `fixtures/<folder>/{valid,invalid}/` whose report
//! offers safe fixes:
//!
//! - applying them removes each fixed diagnostic and brings no diagnostic
//!   the original report did not have (counted by code, since positions
//!   and quoted text move);
//! - applying fixes again, on the new text, ends after a few rounds, and a
//!   last round changes nothing;
//! - the final text is compared with `x.fixed` beside the fixture
//!   (`BLESS=1` rewrites it; read the diff before committing).
//!
//! A `x.fixed` file whose fixture offers no fix fails the run, so the
//! expected files cannot go stale in silence.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use wasm_manifests::fix::{self, Applicability};
use wasm_manifests::{Diagnostic, Format};

/// More rounds than this means the fixes do not settle.
const MAX_ROUNDS: usize = 8;

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every fixture input with its format (`spin-v2` → Spin).
fn fixtures() -> Vec<(PathBuf, Format)> {
    let mut out = Vec::new();
    for folder in std::fs::read_dir(fixtures_root()).expect("fixtures folder") {
        let folder = folder.expect("entry").path();
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let base = name.split('-').next().unwrap_or(&name).to_owned();
        let Some(format) = Format::ALL
            .into_iter()
            .find(|f| f.name().replace('-', "") == base)
        else {
            continue; // config and verify fixtures are not manifests
        };
        for kind in ["valid", "invalid"] {
            let Ok(entries) = std::fs::read_dir(folder.join(kind)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("entry").path();
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                if (file.ends_with(".toml") || file.ends_with(".json"))
                    && !file.ends_with(".model.json")
                {
                    out.push((path, format));
                }
            }
        }
    }
    out.sort();
    assert!(out.len() > 100, "only {} fixtures found", out.len());
    out
}

fn diagnostics(text: &str, format: Format) -> Vec<Diagnostic> {
    wasm_manifests::parse(text, format)
        .into_report()
        .diagnostics()
        .to_vec()
}

/// How many diagnostics there are of each code. Messages may quote the
/// text a fix changed (`route \`about\`` becomes `route \`/about\``), so
/// diagnostics are compared by code.
fn counts(diagnostics: &[Diagnostic]) -> HashMap<&'static str, usize> {
    let mut out = HashMap::new();
    for d in diagnostics {
        *out.entry(d.code).or_default() += 1;
    }
    out
}

fn check(path: &Path, format: Format) -> Result<bool, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(false);
    };
    let expected = path.with_extension("fixed");
    let before = diagnostics(&text, format);
    let first = fix::apply(&text, &before, Applicability::Safe);
    if first.applied.is_empty() {
        if expected.exists() {
            return Err(format!(
                "{} exists, but the fixture offers no safe fix",
                expected.display()
            ));
        }
        return Ok(false);
    }
    let after = diagnostics(&first.text, format);
    let (old, new) = (counts(&before), counts(&after));
    let mut fixed: HashMap<&'static str, usize> = HashMap::new();
    for &i in &first.applied {
        *fixed.entry(before[i].code).or_default() += 1;
    }
    for (code, n) in &new {
        let had = old.get(code).copied().unwrap_or(0);
        if *n > had - fixed.get(code).copied().unwrap_or(0) {
            let what = if had == 0 {
                "brought a new diagnostic"
            } else {
                "did not remove what they fixed, or brought another"
            };
            return Err(format!(
                "the fixes {what}: [{code}] {n} after, {had} before\n--- fixed text ---\n{}",
                first.text
            ));
        }
    }
    // Further rounds settle, and the last one changes nothing.
    let mut current = first.text;
    let mut rounds = 1;
    loop {
        let found = diagnostics(&current, format);
        let next = fix::apply(&current, &found, Applicability::Safe);
        if next.applied.is_empty() {
            if next.text != current {
                return Err("a round without fixes changed the text".into());
            }
            break;
        }
        rounds += 1;
        if rounds > MAX_ROUNDS {
            return Err(format!("the fixes do not settle in {MAX_ROUNDS} rounds"));
        }
        current = next.text;
    }
    if std::env::var_os("BLESS").is_some_and(|v| v != "0") {
        std::fs::write(&expected, &current).map_err(|e| e.to_string())?;
        return Ok(true);
    }
    let wanted = std::fs::read_to_string(&expected).map_err(|_| {
        format!(
            "{} is missing; run with BLESS=1 to create it, then read it\n--- fixed text ---\n{current}",
            expected.display()
        )
    })?;
    if wanted != current {
        let diff = similar::TextDiff::from_lines(wanted.as_str(), current.as_str())
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        return Err(format!("{} differs:\n{diff}", expected.display()));
    }
    Ok(true)
}

#[test]
fn safe_fixes_remove_their_diagnostic_add_none_and_settle() {
    let mut failures = Vec::new();
    let mut fixed = 0;
    for (path, format) in fixtures() {
        match check(&path, format) {
            Ok(true) => fixed += 1,
            Ok(false) => {}
            Err(why) => failures.push(format!("{}: {why}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Fixes exist for misspelt keys and references, headers, digests and
    // tiers in every format: far more than a handful of fixtures.
    assert!(fixed >= 20, "only {fixed} fixtures offer a safe fix");
}

/// Valid fixtures stay as they are: nothing to fix there.
#[test]
fn valid_fixtures_offer_no_fix() {
    for (path, format) in fixtures() {
        if !path.parent().is_some_and(|p| p.ends_with("valid")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let found = diagnostics(&text, format);
        assert!(
            found.iter().all(|d| d.fix.is_none()),
            "{} offers a fix",
            path.display()
        );
    }
}

/// A fix is offered only when the text it replaces is what the diagnostic
/// speaks of: a key written with an escape is left alone.
#[test]
fn escaped_keys_are_not_rewritten() {
    let text = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\"lic\\u0065nce\" = \"MIT\"\n";
    let found = diagnostics(text, Format::Wasmer);
    let unknown = found
        .iter()
        .find(|d| d.code == "unknown-key")
        .expect("unknown key");
    assert_eq!(unknown.help.as_deref(), Some("did you mean `license`?"));
    assert!(unknown.fix.is_none(), "{unknown:?}");

    let quoted = text.replace("lic\\u0065nce", "licence");
    let found = diagnostics(&quoted, Format::Wasmer);
    let fixed = fix::apply(&quoted, &found, Applicability::Safe);
    assert!(fixed.text.contains("\nlicense = \"MIT\""), "{}", fixed.text);
}

/// A key written in several headers is not renamed in one of them only.
#[test]
fn keys_of_several_headers_are_not_renamed() {
    let text = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[[modul]]\nname = \"a\"\n\n[[modul]]\nname = \"b\"\n";
    let found = diagnostics(text, Format::Wasmer);
    let unknown = found
        .iter()
        .find(|d| d.code == "unknown-key")
        .expect("unknown key");
    assert!(unknown.fix.is_none(), "{unknown:?}");
    // One header is one edit.
    let one = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\n\n[[modul]]\nname = \"a\"\nsource = \"a.wasm\"\n";
    let found = diagnostics(one, Format::Wasmer);
    let fixed = fix::apply(one, &found, Applicability::Safe);
    assert!(fixed.text.contains("\n[[module]]\n"), "{}", fixed.text);
}

/// JSON keys and values are rewritten as JSON strings.
#[test]
fn json_fixes_write_json() {
    let hash = "A".repeat(64);
    let text = format!(
        "{{\"wasm\": [{{\"path\": \"a.wasm\", \"hash\": \"{hash}\"}}], \"allowedHosts\": [\"x.com\"]}}"
    );
    let found = diagnostics(&text, Format::Extism);
    let fixed = fix::apply(&text, &found, Applicability::Safe);
    let value: serde_json::Value = serde_json::from_str(&fixed.text).expect("still JSON");
    assert_eq!(value["wasm"][0]["hash"], "a".repeat(64));
    assert_eq!(value["allowed_hosts"][0], "x.com", "{}", fixed.text);
    assert!(diagnostics(&fixed.text, Format::Extism).is_empty());
}
