//! "Did you mean" suggestions for misspelt keys and values.

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
    let target = normalise(word);
    if let Some(exact) = candidates.iter().find(|c| normalise(c) == target) {
        return Some(exact);
    }
    let limit = (target.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&target, &normalise(c)), *c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
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

/// "`a`, `b` or `c`".
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|i| format!("`{i}`")).collect();
            format!("{} or `{last}`", init.join(", "))
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
    fn suggests_near_typos_only() {
        assert_eq!(closest("verison", &["version", "name"]), Some("version"));
        assert_eq!(closest("entrypont", &["entrypoint"]), Some("entrypoint"));
        assert_eq!(closest("colour", &["name", "version"]), None);
    }

    #[test]
    fn lists_with_or() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
