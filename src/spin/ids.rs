//! The identifier grammars of Spin: kebab-case component ids and AI model
//! names, lower snake case variable names and config keys, and store labels
//! in kebab or snake case.
//!
//! An identifier is one or more words joined by a delimiter; each word
//! starts with an ASCII letter, continues with ASCII letters and digits, and
//! is all lower case or all upper case.

/// Which identifier grammar to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Words joined by `-`, each all lower or all upper case.
    Kebab,
    /// Words joined by `_`, each all lower or all upper case.
    Snake,
    /// Words joined by `_`, all lower case.
    LowerSnake,
}

impl Case {
    fn delimiter(self) -> char {
        match self {
            Case::Kebab => '-',
            Case::Snake | Case::LowerSnake => '_',
        }
    }

    fn other_delimiter(self) -> char {
        match self {
            Case::Kebab => '_',
            Case::Snake | Case::LowerSnake => '-',
        }
    }
}

/// Why `id` does not follow `case`, or `None` when it does.
pub(crate) fn problem(id: &str, case: Case) -> Option<String> {
    let delimiter = case.delimiter();
    if id.is_empty() {
        return Some("it is empty".to_owned());
    }
    let other = case.other_delimiter();
    if id.contains(other) {
        return Some(format!(
            "words are joined with `{other}` instead of `{delimiter}`"
        ));
    }
    for word in id.split(delimiter) {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Some(format!(
                "it has an empty word (a leading, trailing or doubled `{delimiter}`)"
            ));
        };
        if !first.is_ascii_alphabetic() {
            return Some(format!(
                "the word `{word}` starts with `{first}`; words start with an ASCII letter"
            ));
        }
        if let Some(bad) = word.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Some(format!(
                "it contains `{bad}`; only ASCII letters, digits and `{delimiter}` are allowed"
            ));
        }
        let upper = first.is_ascii_uppercase();
        if word
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c.is_ascii_uppercase() != upper)
        {
            return Some(format!(
                "the word `{word}` mixes upper and lower case letters"
            ));
        }
        if case == Case::LowerSnake && upper {
            return Some("it contains upper-case letters".to_owned());
        }
    }
    None
}

/// Whether `id` follows `case`.
pub(crate) fn is_valid(id: &str, case: Case) -> bool {
    problem(id, case).is_none()
}

/// The id Spin uses for a component: the id itself when it is kebab case,
/// otherwise the id with `_` turned into `-`, lower-cased.
pub(crate) fn normalize_component_id(id: &str) -> String {
    if is_valid(id, Case::Kebab) {
        id.to_owned()
    } else {
        repair_component_id(id)
    }
}

/// Spin's repair of a component id that is not kebab case.
pub(crate) fn repair_component_id(id: &str) -> String {
    id.replace('_', "-").to_lowercase()
}

/// A best-effort spelling of `text` in `case`, if one can be made: other
/// characters become delimiters, runs of delimiters collapse, and the
/// result is lower-cased.
pub(crate) fn suggest(text: &str, case: Case) -> Option<String> {
    let delimiter = case.delimiter();
    let mut out = String::with_capacity(text.len());
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            // `camelCase` becomes `camel-case`.
            if c.is_ascii_uppercase() && previous_lower {
                out.push(delimiter);
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            out.push(c.to_ascii_lowercase());
        } else {
            previous_lower = false;
            if !out.is_empty() && !out.ends_with(delimiter) {
                out.push(delimiter);
            }
        }
    }
    let out = out.trim_end_matches(delimiter).to_owned();
    (is_valid(&out, case) && out != text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert!(is_valid("hello", Case::Kebab));
        assert!(is_valid("rust-hello2", Case::Kebab));
        assert!(is_valid("API-v1", Case::Kebab));
        assert!(problem("rust_me", Case::Kebab).unwrap().contains("`_`"));
        assert!(
            problem("1abc", Case::Kebab)
                .unwrap()
                .contains("starts with `1`")
        );
        assert!(problem("api.v1", Case::Kebab).unwrap().contains("`.`"));
        assert!(problem("myApp", Case::Kebab).unwrap().contains("mixes"));
        assert!(problem("a--b", Case::Kebab).unwrap().contains("empty word"));
        assert!(problem("", Case::Kebab).unwrap().contains("empty"));
    }

    #[test]
    fn snake_names() {
        assert!(is_valid("db_url", Case::LowerSnake));
        assert!(is_valid("v2", Case::LowerSnake));
        assert!(!is_valid("HELLO", Case::LowerSnake));
        assert!(is_valid("HELLO", Case::Snake));
        assert!(!is_valid("hell-o", Case::LowerSnake));
        assert!(!is_valid("my__var", Case::LowerSnake));
        assert!(!is_valid("1var", Case::LowerSnake));
        assert!(!is_valid("a_1b", Case::LowerSnake));
    }

    #[test]
    fn component_id_repair() {
        assert_eq!(normalize_component_id("rust_me_daddy"), "rust-me-daddy");
        assert_eq!(normalize_component_id("MyApp"), "myapp");
        assert_eq!(normalize_component_id("API"), "API");
        assert!(!is_valid(&normalize_component_id("1abc"), Case::Kebab));
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("api.v1", Case::Kebab).as_deref(), Some("api-v1"));
        assert_eq!(suggest("HELLO", Case::LowerSnake).as_deref(), Some("hello"));
        assert_eq!(
            suggest("myVar", Case::LowerSnake).as_deref(),
            Some("my_var")
        );
        assert_eq!(
            suggest("hell-o", Case::LowerSnake).as_deref(),
            Some("hell_o")
        );
        assert_eq!(suggest("1abc", Case::Kebab), None);
    }
}
