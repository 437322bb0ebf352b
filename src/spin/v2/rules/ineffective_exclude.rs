//! `spin/ineffective-exclude`: an `exclude_files` pattern that cannot
//! exclude anything.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::spin::v2::FileMount;

pub(crate) static RULE: Rule = Rule::warning("spin/ineffective-exclude")
    .category(Category::Suspicious)
    .doc(
        "An `exclude_files` pattern that can match nothing: written as a guest path (`/...`), or naming a single-file `files` entry.",
        "Spin matches excludes against paths relative to the application directory, and only for glob and directory entries; a single-file entry is copied even when excluded.",
        "files = [\"config.json\"]\nexclude_files = [\"config.json\"]",
        "Write the exclude relative to the application directory, and remove single files from `files` instead of excluding them.",
    );

/// Each exclude can apply to some entry.
pub(crate) fn check(cx: &mut Cx, files: &[FileMount], excludes: &[String], path: &P<'_>) {
    let exclude_path = path.key("exclude_files");
    for (i, exclude) in excludes.iter().enumerate() {
        let reason = if exclude.starts_with('/') {
            Some((
                "is written as a path inside the component".to_owned(),
                format!(
                    "write it relative to the application directory: `\"{}\"`",
                    exclude.trim_start_matches('/')
                ),
            ))
        } else if files.iter().any(
            |f| matches!(f, FileMount::Pattern(p) if p == exclude && !p.contains(['*', '?', '['])),
        ) && !exclude.contains(['*', '?', '['])
        {
            Some((
                "names a single-file entry of `files`, which Spin copies even when excluded"
                    .to_owned(),
                format!("remove `\"{exclude}\"` from `files` instead"),
            ))
        } else {
            None
        };
        if let Some((why, help)) = reason {
            cx.report(&RULE, &exclude_path.index(i), format!("the exclude `{exclude}` {why}"))
                .help(help)
                .note("excludes are matched against paths relative to the application directory, for glob and directory entries only");
        }
    }
}
