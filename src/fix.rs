//! Automatic fixes: the text edits a [`Diagnostic`] may
//! carry, and [`apply`], which makes them.
//!
//! A fix is a list of [`Edit`]s, each replacing a byte range of the
//! manifest's text, with an [`Applicability`] that says whether it can be
//! applied without a human reading it. Edits only touch the bytes they name,
//! so comments, blank lines and the order of the file stay as they were.
//!
//! ```
//! use wasm_manifests::{Format, fix::Applicability};
//!
//! let text = "[package]\nname = \"me/app\"\nversion = \"1.0.0\"\ndescription = \"x\"\nlicence = \"MIT\"\n";
//! let report = wasm_manifests::parse(text, Format::Wasmer).into_report();
//! let fixed = wasm_manifests::fix::apply(text, report.diagnostics(), Applicability::Safe);
//! assert!(fixed.text.contains("\nlicense = \"MIT\"\n"));
//! assert_eq!(fixed.applied, [0]);
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Diagnostic;

/// Whether a fix may be applied without review.
///
/// The order matters: `Safe < NeedsReview`, and asking [`apply`] for
/// `NeedsReview` applies both kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// The fix does what the diagnostic's help says and nothing else; the
    /// manifest means what its author evidently meant (`check --fix`).
    Safe,
    /// The fix is likely right but changes meaning or layout in ways the
    /// author should look at (`check --fix --unsafe-fixes`).
    NeedsReview,
}

/// One replacement of a byte range of the manifest's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edit {
    /// Byte offset of the first byte replaced (0-based).
    pub start: usize,
    /// Byte offset one past the last byte replaced; `start == end` inserts.
    pub end: usize,
    /// The text put in place of the range.
    pub replacement: String,
}

impl Edit {
    /// Replaces `range` with `replacement`.
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            start: range.start,
            end: range.end,
            replacement: replacement.into(),
        }
    }

    /// The byte range replaced.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The edits that fix one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fix {
    /// What the fix does, in a few words (`rename to \`license\``).
    pub message: String,
    /// Whether it can be applied without review.
    pub applicability: Applicability,
    /// The edits, none overlapping another.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of `edits`.
    pub fn new(message: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Fix {
        Fix {
            message: message.into(),
            applicability,
            edits,
        }
    }

    /// A fix replacing one range.
    pub fn replace(
        message: impl Into<String>,
        applicability: Applicability,
        range: Range<usize>,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix::new(message, applicability, vec![Edit::new(range, replacement)])
    }

    /// Whether the edits lie inside `text`, on character boundaries, and do
    /// not overlap each other.
    pub fn fits(&self, text: &str) -> bool {
        let mut ranges: Vec<Range<usize>> = self.edits.iter().map(Edit::range).collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        ranges.iter().all(|r| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        }) && ranges.windows(2).all(|w| w[0].end <= w[1].start)
    }
}

/// The result of [`apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixed {
    /// The text with the fixes made.
    pub text: String,
    /// The positions, in the slice given to [`apply`], of the diagnostics
    /// whose fixes were applied.
    pub applied: Vec<usize>,
    /// How many fixes of the asked applicability were left out because
    /// their edits overlapped an applied fix or did not fit the text; a
    /// second run (after parsing the new text) may apply them.
    pub skipped: usize,
}

/// How many rounds [`crate::Options::fix`] makes at most: a fix may reveal
/// another (a header fixed, then a key inside it), but never this many.
pub const MAX_ROUNDS: usize = 8;

/// The result of [`crate::Options::fix`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixes {
    /// The text with every fix made.
    pub text: String,
    /// The fixes made, in the order they were made.
    pub fixes: Vec<Fix>,
}

/// Applies the fixes of `diagnostics` up to `applicability` to `text`.
///
/// Fixes are taken in the order of the diagnostics; one whose edits
/// overlap an edit already taken, or do not fit the text, is skipped and
/// counted. Every edit of a fix is made, or none. `text` must be the text
/// the diagnostics were found in.
pub fn apply(text: &str, diagnostics: &[Diagnostic], applicability: Applicability) -> Fixed {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = Vec::new();
    let mut skipped = 0;
    for (index, fix) in diagnostics
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d.fix.as_ref()?)))
    {
        if fix.applicability > applicability {
            continue;
        }
        let clashes = fix.edits.iter().any(|edit| {
            taken
                .iter()
                .any(|t| overlaps(&t.range(), &edit.range()) || t.start == edit.start)
        });
        if clashes || !fix.fits(text) || fix.edits.is_empty() {
            skipped += 1;
            continue;
        }
        taken.extend(fix.edits.iter());
        applied.push(index);
    }
    taken.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.replacement);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        applied,
        skipped,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Quotes `value` as a TOML basic string.
pub(crate) fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}

/// Quotes `value` as a JSON string.
pub(crate) fn json_string(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

/// Writes `key` as a TOML key: bare when it can be, quoted otherwise.
pub(crate) fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        key.to_owned()
    } else {
        toml_string(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn with_fix(fix: Fix) -> Diagnostic {
        Diagnostic::new("test", Severity::Warning, "m").with_fix(fix)
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "abcdef";
        let diagnostics = [
            with_fix(Fix::replace("x", Applicability::Safe, 1..3, "XY")),
            with_fix(Fix::replace("overlap", Applicability::Safe, 2..4, "Q")),
            with_fix(Fix::replace(
                "review",
                Applicability::NeedsReview,
                4..5,
                "R",
            )),
            with_fix(Fix::new(
                "two",
                Applicability::Safe,
                vec![Edit::new(5..6, "!"), Edit::new(0..0, ">")],
            )),
        ];
        let fixed = apply(text, &diagnostics, Applicability::Safe);
        assert_eq!(fixed.text, ">aXYde!");
        assert_eq!((fixed.applied, fixed.skipped), (vec![0, 3], 1));
        let all = apply(text, &diagnostics, Applicability::NeedsReview);
        assert_eq!(all.text, ">aXYdR!");
        assert_eq!((all.applied, all.skipped), (vec![0, 2, 3], 1));
    }

    #[test]
    fn refuses_edits_outside_the_text_or_inside_a_character() {
        let text = "é";
        let out = apply(
            text,
            &[
                with_fix(Fix::replace("mid", Applicability::Safe, 1..2, "x")),
                with_fix(Fix::replace("far", Applicability::Safe, 0..9, "x")),
            ],
            Applicability::Safe,
        );
        assert_eq!(
            (out.text.as_str(), out.applied.len(), out.skipped),
            ("é", 0, 2)
        );
    }

    #[test]
    fn two_insertions_at_one_place_are_not_both_made() {
        let out = apply(
            "ab",
            &[
                with_fix(Fix::replace("1", Applicability::Safe, 1..1, "x")),
                with_fix(Fix::replace("2", Applicability::Safe, 1..1, "y")),
            ],
            Applicability::Safe,
        );
        assert_eq!((out.text.as_str(), out.skipped), ("axb", 1));
    }

    #[test]
    fn quoting() {
        assert_eq!(toml_key("license"), "license");
        assert_eq!(toml_key("a.b"), "\"a.b\"");
        // The toml crate picks a literal string when that needs no escape.
        assert_eq!(toml_string("a\"b"), "'a\"b'");
        assert_eq!(toml_string("it's"), "\"it's\"");
        assert_eq!(json_string("a\"b"), "\"a\\\"b\"");
    }
}
