//! Names that must be unique: each repeat is reported at the repeat, with
//! a label at the first use.

use std::collections::HashMap;

use crate::FieldPath;
use crate::codes::Rule;
use crate::read::Cx;
use crate::source::Target;

/// Reports every name of `names` (position, name) already seen, pointing at
/// the name's first place with "first defined here". `at` gives the field
/// of the name at a position; `message` the message for a repeated name.
/// Returns each name with the position of its first use.
pub(crate) fn report_duplicates<'n>(
    cx: &mut Cx,
    rule: &'static Rule,
    names: impl IntoIterator<Item = (usize, &'n str)>,
    at: impl Fn(usize) -> FieldPath,
    message: impl Fn(&str) -> String,
    help: &str,
) -> Map<&'n str, usize> {
    report_repeats(
        cx,
        rule,
        names,
        at,
        message,
        Texts {
            first: "first defined here",
            help,
            note: None,
        },
    )
}

/// The fixed texts of a repeat's report.
pub(crate) struct Texts<'t> {
    /// The label at the first use ("first defined here").
    pub first: &'t str,
    /// The help of every repeat.
    pub help: &'t str,
    /// A note on every repeat, saying what the tool does with it.
    pub note: Option<&'t str>,
}

/// [`report_duplicates`] with the label of the first use and a note of the
/// caller's choosing.
pub(crate) fn report_repeats<'n>(
    cx: &mut Cx,
    rule: &'static Rule,
    names: impl IntoIterator<Item = (usize, &'n str)>,
    at: impl Fn(usize) -> FieldPath,
    message: impl Fn(&str) -> String,
    texts: Texts<'_>,
) -> Map<&'n str, usize> {
    let mut first: Map<&'n str, usize> = Map::default();
    for (position, name) in names {
        match first.get(name) {
            Some(&earlier) => {
                let pending = cx
                    .report_at(rule, at(position), message(name))
                    .label_path(at(earlier), Target::Value, texts.first)
                    .help(texts.help);
                if let Some(note) = texts.note {
                    pending.note(note);
                }
            }
            None => {
                first.insert(name, position);
            }
        }
    }
    first
}

/// A map keyed by names from the document, with a fast hasher seeded per
/// process (so crafted names cannot force collisions).
pub(crate) type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Each name once, in the order of first appearance. Small lists are
/// compared pairwise, without hashing.
pub(crate) fn unique<'n>(names: impl Iterator<Item = &'n str>) -> Vec<&'n str> {
    let mut out: Vec<&'n str> = Vec::new();
    let mut seen: Option<std::collections::HashSet<&'n str, foldhash::fast::RandomState>> = None;
    for name in names {
        match &mut seen {
            Some(set) => {
                if set.insert(name) {
                    out.push(name);
                }
            }
            None if out.contains(&name) => {}
            None => {
                out.push(name);
                if out.len() > 16 {
                    seen = Some(out.iter().copied().collect());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn unique_keeps_the_first_order() {
        let names = ["a", "b", "a", "c", "b"];
        assert_eq!(super::unique(names.into_iter()), ["a", "b", "c"]);
        let many: Vec<String> = (0..100).map(|i| format!("n{}", i % 40)).collect();
        let unique = super::unique(many.iter().map(String::as_str));
        assert_eq!(unique.len(), 40);
        assert_eq!(unique[39], "n39");
    }
}
