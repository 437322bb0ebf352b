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
) -> HashMap<&'n str, usize> {
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
) -> HashMap<&'n str, usize> {
    let mut first: HashMap<&'n str, usize> = HashMap::new();
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
