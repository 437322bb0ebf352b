//! Glob patterns written in manifests (`*.txt`, `assets/**/*`), checked
//! with the `glob` crate's syntax (the one Rust-based tools compile them
//! with).

use std::ops::Range;

/// Why a glob pattern does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GlobProblem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: &'static str,
    /// The byte range of the faulty part of the pattern.
    pub range: Range<usize>,
}

/// Whether `pattern` could fail to compile: only a character class (`[`)
/// or a run of stars (`**`) can be malformed, so a pattern without them
/// needs no compiling to be known valid.
pub(crate) fn may_fail(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    bytes.contains(&b'[') || bytes.windows(2).any(|pair| pair == b"**")
}

/// Checks the syntax of `pattern`.
pub(crate) fn check(pattern: &str) -> Result<(), GlobProblem> {
    // Only wildcards and classes can be malformed.
    if !pattern.contains(['*', '?', '[']) {
        return Ok(());
    }
    let Err(error) = glob::Pattern::new(pattern) else {
        return Ok(());
    };
    let chars: Vec<(usize, char)> = pattern.char_indices().collect();
    let byte_at = |char_index: usize| chars.get(char_index).map_or(pattern.len(), |(b, _)| *b);
    let char_at = |char_index: usize| chars.get(char_index).map(|(_, c)| *c);
    let pos = error.pos;

    if char_at(pos) == Some('[') {
        return Err(GlobProblem {
            message: "this `[` opens a character class that is never closed".to_owned(),
            help: "close the class with `]` (as in `[abc]`), or write `[[]` to match a literal `[`",
            range: byte_at(pos)..pattern.len(),
        });
    }
    // A run of stars: `***` is not a wildcard, and `**` must be a whole
    // path component. Find the run the error is about.
    let run_start = if char_at(pos) == Some('*') && pos >= 2 {
        // `***`: the error points at the third star.
        pos - 2
    } else if char_at(pos + 1) == Some('*') {
        // `a**`: the error points at the character before the stars.
        pos + 1
    } else {
        // `**a`: the error points at the character after the stars.
        let mut start = pos;
        while start > 0 && char_at(start - 1) == Some('*') {
            start -= 1;
        }
        start
    };
    let mut run_end = run_start;
    while char_at(run_end) == Some('*') {
        run_end += 1;
    }
    let range = byte_at(run_start)..byte_at(run_end);
    if run_end - run_start > 2 {
        Err(GlobProblem {
            message: format!(
                "`{}` is not a wildcard; use `*` or `**`",
                &pattern[range.clone()]
            ),
            help: "`*` matches within one path component, `**` matches any number of directories",
            range,
        })
    } else {
        Err(GlobProblem {
            message: "`**` must be a whole path component".to_owned(),
            help: "write `**` between slashes, as in `src/**/*.rs`; use `*` to match part of a name",
            range,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_classes_and_star_runs_may_fail() {
        for pattern in [
            "*.example.com",
            "a?b*c",
            "*",
            "?",
            "a*b*c*",
            "é*",
            "",
            "[a-z].example.com",
            "[",
            "a**",
            "***",
            "**b",
            "a/**/b",
            "[!a]",
        ] {
            if !may_fail(pattern) {
                assert!(glob::Pattern::new(pattern).is_ok(), "{pattern}");
            }
        }
        assert!(may_fail("[a"));
        assert!(may_fail("a**"));
        assert!(!may_fail("*.example.com"));
    }

    #[test]
    fn valid_patterns() {
        for ok in ["src/**/*.rs", "*.txt", "assets", "[ab]c", "**", "a/**"] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn unclosed_class() {
        let p = check("assets/[abc").unwrap_err();
        assert_eq!(p.range, 7..11);
        assert!(p.message.contains("never closed"));
    }

    #[test]
    fn star_runs() {
        let p = check("src/***/x").unwrap_err();
        assert_eq!(p.range, 4..7);
        assert!(p.message.contains("`***`"));
        let p = check("src/**.rs").unwrap_err();
        assert_eq!(p.range, 4..6);
        let p = check("src**/x").unwrap_err();
        assert_eq!(p.range, 3..5);
        let p = check("é/a**").unwrap_err();
        assert_eq!(&"é/a**"[p.range], "**");
    }
}
