//! `check --fix` and `check --diff`: the library's fixes applied to a
//! file, and what changed as a unified diff.

use wasm_manifests::fix::Applicability;
use wasm_manifests::{Format, Manifest, Options, Parsed};

/// What `--fix`, `--unsafe-fixes`, `--diff` and `--convert-spin-v1` ask.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FixMode {
    /// Write the fixed text back (`--fix`), or only show it (`--diff`).
    pub write: bool,
    /// The fixes to apply: safe ones, or also those that need review.
    pub applicability: Applicability,
    /// Also rewrite Spin version 1 manifests as version 2.
    pub convert_spin_v1: bool,
}

/// One file, fixed.
pub(crate) struct Fixed {
    /// The text after every fix.
    pub text: String,
    /// How many fixes were made (a conversion counts as one).
    pub count: usize,
    /// The final text, read again with the same options.
    pub parsed: Parsed,
    /// Why a Spin version 1 manifest was not converted, when asked to.
    pub not_converted: Option<String>,
}

/// Applies the fixes `mode` asks for to `text`.
pub(crate) fn fix(options: &Options, text: &str, format: Format, mode: FixMode) -> Fixed {
    let (fixes, parsed) = options.fix(text, format, mode.applicability);
    let mut fixed = Fixed {
        count: fixes.fixes.len(),
        text: fixes.text,
        parsed,
        not_converted: None,
    };
    if mode.convert_spin_v1 && matches!(fixed.parsed.manifest(), Some(Manifest::Spin(_))) {
        match wasm_manifests::spin::convert::convert(&fixed.text) {
            Ok(conversion) => {
                fixed.text = conversion.into_text();
                fixed.count += 1;
                fixed.parsed = options.parse(&fixed.text, format);
            }
            Err(e) => fixed.not_converted = Some(e.to_string()),
        }
    }
    fixed
}

/// The change from `old` to `new` as a unified diff of the file `name`.
pub(crate) fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&side("a", name), &side("b", name))
        .to_string()
}

/// `a/src/spin.toml`, as git names the sides of a diff; an absolute path
/// stays as it is.
fn side(prefix: &str, name: &str) -> String {
    if name.starts_with('/') {
        name.to_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\nlicence = \"MIT\"\n";

    #[test]
    fn fixes_and_reads_again() {
        let mode = FixMode {
            write: false,
            applicability: Applicability::Safe,
            convert_spin_v1: false,
        };
        let fixed = fix(&Options::new(), MANIFEST, Format::Wasmer, mode);
        assert_eq!(fixed.count, 1);
        assert!(fixed.parsed.report().is_empty());
        let diff = diff("wasmer.toml", MANIFEST, &fixed.text);
        assert!(
            diff.starts_with("--- a/wasmer.toml\n+++ b/wasmer.toml\n"),
            "{diff}"
        );
        assert!(
            diff.contains("\n-licence = \"MIT\"\n+license = \"MIT\"\n"),
            "{diff}"
        );
    }

    #[test]
    fn converts_spin_v1_when_asked() {
        let v1 = "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[[component]]\nid = \"hello\"\nsource = \"hello.wasm\"\n[component.trigger]\nroute = \"/hello\"\n";
        let mode = FixMode {
            write: true,
            applicability: Applicability::Safe,
            convert_spin_v1: true,
        };
        let fixed = fix(&Options::new(), v1, Format::Spin, mode);
        assert_eq!(fixed.count, 1, "{}", fixed.text);
        assert!(
            fixed.text.contains("spin_manifest_version = 2"),
            "{}",
            fixed.text
        );
        assert!(matches!(fixed.parsed.manifest(), Some(Manifest::SpinV2(_))));
        assert!(fixed.not_converted.is_none());
    }
}
