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
    let mut first: HashMap<&'n str, usize> = HashMap::new();
    for (position, name) in names {
        match first.get(name) {
            Some(&earlier) => {
                cx.report_at(rule, at(position), message(name))
                    .label_path(at(earlier), Target::Value, "first defined here")
                    .help(help);
            }
            None => {
                first.insert(name, position);
            }
        }
    }
    first
}
