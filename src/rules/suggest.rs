//! "Did you mean" suggestions for misspelt keys and values, and English
//! lists of names.
//!
//! Suggestions compare the word with every candidate, which costs about
//! the product of their lengths. Candidates can come from the document
//! (module names, variable names), so a hostile file could ask for millions
//! of comparisons: the work is bounded per file by a budget that the
//! pipeline resets before each manifest ([`reset_budget`]). Once it is
//! spent, helps fall back to their text without a suggestion.

use std::cell::Cell;

/// Comparison work allowed per manifest, in character pairs.
const BUDGET: u64 = 20_000_000;
/// Words longer than this are only matched up to case and separators.
const MAX_WORD: usize = 64;

thread_local! {
    static LEFT: Cell<u64> = const { Cell::new(BUDGET) };
}

/// Gives the next manifest its full suggestion budget.
pub(crate) fn reset_budget() {
    LEFT.with(|left| left.set(BUDGET));
}

/// Takes `cost` from the budget; `false` once it is spent.
fn spend(cost: usize) -> bool {
    LEFT.with(|left| {
        let cost = cost as u64;
        match left.get().checked_sub(cost) {
            Some(rest) => {
                left.set(rest);
                true
            }
            None => {
                left.set(0);
                false
            }
        }
    })
}

/// Lower-cases and drops `-`/`_`, so `licenseFile`, `license_file` and
/// `License-File` all compare equal.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `key` looks like camelCase (`allowedHosts`, `maxPages`).
pub(crate) fn is_camel_case(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && key.chars().any(|c| c.is_ascii_uppercase())
        && !key.contains(['_', '-'])
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// likely typo: the same word up to case and separators, or within a small
/// edit distance.
pub(crate) fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    if !spend(word.len() + candidates.len()) {
        return None;
    }
    let target = normalise(word);
    let length = target.chars().count();
    let limit = (length / 3).max(1);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if !spend(candidate.len()) {
            break;
        }
        // Lengths alone rule most candidates out, without comparing.
        let other = candidate
            .chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .count();
        if other.abs_diff(length) > limit {
            continue;
        }
        let normal = normalise(candidate);
        if normal == target {
            return Some(candidate);
        }
        if length > MAX_WORD || other > MAX_WORD || !spend(length * other) {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&target, &normal);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether `best`, the [`closest`] of `candidates` to `word`, is certain
/// enough for a safe fix: the same word up to case and separators, or the
/// only candidate close to it (`hots` is as close to `host` as to
/// `hosts`: not certain).
pub(crate) fn is_certain(word: &str, best: &str, candidates: &[&str]) -> bool {
    if normalise(word) == normalise(best) {
        return true;
    }
    let others: Vec<&str> = candidates.iter().copied().filter(|c| *c != best).collect();
    closest(word, &others).is_none()
}

/// How safe the fix from `word` to `best` is ([`is_certain`]).
pub(crate) fn applicability(
    word: &str,
    best: &str,
    candidates: &[&str],
) -> crate::fix::Applicability {
    if is_certain(word, best, candidates) {
        crate::fix::Applicability::Safe
    } else {
        crate::fix::Applicability::NeedsReview
    }
}

/// A help text for an unknown key, when one of `known` is close.
pub(crate) fn did_you_mean(key: &str, known: &[&str]) -> Option<String> {
    let best = closest(key, known)?;
    if is_camel_case(key) && best.contains('_') {
        Some(format!(
            "keys are snake_case in this format: rename `{key}` to `{best}`"
        ))
    } else {
        Some(format!("did you mean `{best}`?"))
    }
}

/// Lists longer than this are cut, with a count of the rest.
const MAX_LISTED: usize = 24;

/// "`a`, `b` or `c`".
pub(crate) fn list(items: &[&str]) -> String {
    join(items, "or")
}

/// "`a`, `b` and `c`".
pub(crate) fn list_all(items: &[&str]) -> String {
    join(items, "and")
}

/// "a, b <word> c" for items already formatted (no quoting, no cap), for
/// short lists of phrases such as "`light` (32 MiB)".
pub(crate) fn join_plain(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

fn join(items: &[&str], word: &str) -> String {
    if items.len() > MAX_LISTED {
        let shown: Vec<String> = items[..MAX_LISTED]
            .iter()
            .map(|i| format!("`{i}`"))
            .collect();
        return format!(
            "{}, {word} {} more",
            shown.join(", "),
            items.len() - MAX_LISTED
        );
    }
    match items {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|i| format!("`{i}`")).collect();
            format!("{} {word} `{last}`", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_case_and_separator_variants() {
        assert_eq!(closest("README", &["readme", "name"]), Some("readme"));
        assert_eq!(
            closest("license_file", &["license", "license-file"]),
            Some("license-file")
        );
        assert_eq!(
            did_you_mean("allowedHosts", &["allowed_hosts", "config"]).as_deref(),
            Some("keys are snake_case in this format: rename `allowedHosts` to `allowed_hosts`")
        );
    }

    #[test]
    fn certainty_needs_one_close_candidate() {
        let keys = ["host", "hosts", "environment", "allowed_http_hosts"];
        assert!(!is_certain("hots", "host", &keys));
        assert!(is_certain("enviroment", "environment", &keys));
        assert!(is_certain("allowedHttpHosts", "allowed_http_hosts", &keys));
    }

    #[test]
    fn suggests_near_typos_only() {
        assert_eq!(closest("verison", &["version", "name"]), Some("version"));
        assert_eq!(closest("entrypont", &["entrypoint"]), Some("entrypoint"));
        assert_eq!(closest("colour", &["name", "version"]), None);
    }

    #[test]
    fn lists_with_or() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(list_all(&["a", "b"]), "`a` and `b`");
        assert_eq!(
            join_plain(&["a (1)", "b (2)", "c"], "or"),
            "a (1), b (2) or c"
        );
        assert_eq!(join_plain(&["a space"], "and"), "a space");
        let many: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(list(&many).ends_with("`23`, or 6 more"));
    }

    #[test]
    fn work_is_bounded_per_manifest() {
        reset_budget();
        let names: Vec<String> = (0..100_000).map(|i| format!("module-{i:06}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let start = std::time::Instant::now();
        let mut found = 0;
        for i in 0..10_000 {
            if closest(&format!("modul-{i:06}"), &names).is_some() {
                found += 1;
            }
        }
        // Some suggestions were made before the budget ran out, and the
        // whole loop stays far from the ten billion comparisons it asked for.
        assert!(found > 0);
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
        reset_budget();
        assert_eq!(closest("verison", &["version"]), Some("version"));
        // Very long words are only matched up to case and separators.
        let long = "x".repeat(10_000);
        assert_eq!(closest(&long, &[long.as_str()]), Some(long.as_str()));
        assert_eq!(closest(&format!("{long}y"), &[long.as_str()]), None);
    }
}
