//! `spin/ineffective-exclude`: an `exclude_files` pattern that can never leave a file out.

use crate::FieldPath;
use crate::codes::{Category, Rule};
use crate::read::Cx;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::warning("spin/ineffective-exclude")
    .category(Category::Suspicious)
    .doc(
        "An `exclude_files` pattern that cannot leave out any file: the component has no `files`, the pattern is written as a path in the component (`/secret.txt`), or it names a `files` entry that is a single path.",
        "Spin matches excludes against the paths of the files it copies, relative to the application directory (`assets/secret.txt`), and only for glob and directory entries: a single path in `files` is copied even when an exclude names it, and a pattern starting with `/` never matches.",
        "files = [\"secret.txt\", \"static/**/*\"]\nexclude_files = [\"secret.txt\", \"/static/drafts/**\"]",
        "Remove the single path from `files` instead, and write excludes relative to the application directory (`static/drafts/**`).",
    );

/// Each component's excludes can apply to one of its `files` entries.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let components = root.get("component").map_or(&[][..], Node::items);
    for (i, component) in components.iter().enumerate() {
        let Some(excludes) = component.get("exclude_files").and_then(Node::as_array) else {
            continue;
        };
        let files = component.get("files");
        // A `files` value of the wrong type is reported as such.
        if files.is_some_and(|f| f.as_array().is_none()) {
            continue;
        }
        let entries = files.map_or(&[][..], Node::items);
        // Plain paths (no wildcard): single files are copied whatever the
        // excludes say, and a directory's files never match its own path.
        let plain: Vec<&str> = entries
            .iter()
            .filter_map(|e| match e.as_str() {
                Some(pattern) => (!is_glob(pattern)).then_some(pattern),
                None => e.str_at("source"),
            })
            .map(|p| p.trim_start_matches("./").trim_end_matches('/'))
            .collect();
        for (j, exclude) in excludes.iter().enumerate() {
            let Some(pattern) = exclude.as_str() else {
                continue;
            };
            let path = || {
                FieldPath::root()
                    .key("component")
                    .index(i)
                    .key("exclude_files")
                    .index(j)
            };
            if entries.is_empty() {
                cx.report_at(
                    &RULE,
                    path(),
                    format!("`{pattern}` excludes nothing: the component has no `files`"),
                )
                .help("remove it, or add the `files` it should filter");
            } else if let Some(inside) = pattern.strip_prefix('/') {
                cx.report_at(
                    &RULE,
                    path(),
                    format!("`{pattern}` is written as a path in the component and never matches"),
                )
                .help(format!(
                    "write it relative to the application directory, as the files' sources are: `\"{inside}\"`"
                ))
                .note("Spin matches excludes against the copied files' paths relative to the application directory");
            } else if !is_glob(pattern)
                && plain.contains(&pattern.trim_start_matches("./").trim_end_matches('/'))
            {
                cx.report_at(
                    &RULE,
                    path(),
                    format!("`{pattern}` names a `files` entry that is a single path; the exclude does not apply to it"),
                )
                .help(single_path_help(pattern))
                .note("Spin matches excludes against the files found in directories and by globs (`dir/name`), never against a single-file entry, which is always copied");
            }
        }
    }
}

/// How to leave out what a single-path entry names: the entry itself for
/// a file, the directory's contents for a directory.
fn single_path_help(pattern: &str) -> String {
    let entry = pattern.trim_end_matches('/');
    let file_like = entry
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'));
    if file_like {
        format!("to leave `{entry}` out, remove it from `files`")
    } else {
        format!(
            "to leave out the files of the directory `{entry}`, exclude `\"{entry}/**\"`; to leave out a single file, remove it from `files`"
        )
    }
}

fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '['])
}
