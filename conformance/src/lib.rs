//! Conformance of wasm-manifests with the official parsers.
//!
//! For a manifest, [`official`] asks the official crate for its verdict
//! (`wasmer-config`: parse, then `validate()`; `extism-manifest`: parse),
//! [`ours`] asks wasm-manifests (any error or not), and [`classify`] decides
//! whether a disagreement is one of the deliberate differences listed in
//! `deliberate.toml`, each of which cites the rule of the format's spec
//! that makes it deliberate. An unlisted disagreement is a bug on one side.
//!
//! [`mutate`] derives variants of a valid manifest (a dropped key, a changed
//! type, a renamed key, a duplicated entry, a corrupted version) for the
//! generated differential tests.

#![forbid(unsafe_code)]

pub mod generate;

use serde::Deserialize;
use wasm_manifests::{Format, Severity};

/// What a parser thinks of a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No error.
    Accepts,
    /// Refused, with the parser's message.
    Rejects(String),
    /// The official parser was not run: the input would make it read
    /// process memory (Extism `data: { ptr, len }`).
    NotRun(&'static str),
}

impl Verdict {
    /// Whether it refused the manifest.
    pub fn rejects(&self) -> bool {
        matches!(self, Verdict::Rejects(_))
    }
}

/// Which syntax a manifest text is in.
fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// The official crate's verdict on `text`.
pub fn official(format: Format, text: &str) -> Verdict {
    match format {
        Format::Wasmer => match wasmer_config::package::Manifest::parse(text) {
            Ok(manifest) => match manifest.validate() {
                Ok(()) => Verdict::Accepts,
                Err(e) => Verdict::Rejects(format!("validate: {e}")),
            },
            Err(e) => Verdict::Rejects(format!("parse: {}", e.message())),
        },
        Format::Extism => {
            if is_json(text) && mentions_data_pointer(text) {
                return Verdict::NotRun("the official crate would read process memory at `ptr`");
            }
            let parsed = if is_json(text) {
                serde_json::from_str::<extism_manifest::Manifest>(text).map_err(|e| e.to_string())
            } else {
                toml::from_str::<extism_manifest::Manifest>(text)
                    .map_err(|e| e.message().to_owned())
            };
            match parsed {
                Ok(_) => Verdict::Accepts,
                Err(e) => Verdict::Rejects(format!("parse: {e}")),
            }
        }
        _ => Verdict::NotRun("no official crate on crates.io"),
    }
}

/// Whether any object in the JSON document has a `ptr` key: the official
/// crate turns `data: { ptr, len }` into a raw memory read, so such input
/// must never reach it.
fn mentions_data_pointer(text: &str) -> bool {
    fn walk(value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::Object(map) => map.contains_key("ptr") || map.values().any(walk),
            serde_json::Value::Array(items) => items.iter().any(walk),
            _ => false,
        }
    }
    // Text that is not JSON never reaches the pointer form either; be
    // conservative and look for the key in the raw text as well.
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => walk(&value),
        Err(_) => text.contains("\"ptr\""),
    }
}

/// One error wasm-manifests reported: its code and field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OurError {
    /// The diagnostic code.
    pub code: &'static str,
    /// The field path.
    pub path: String,
}

/// wasm-manifests' errors on `bytes` (warnings do not count).
pub fn ours(format: Format, bytes: &[u8]) -> Vec<OurError> {
    ours_with_severity(format, bytes, Severity::Error)
}

/// wasm-manifests' warnings on `bytes`.
pub fn our_warnings(format: Format, bytes: &[u8]) -> Vec<OurError> {
    ours_with_severity(format, bytes, Severity::Warning)
}

fn ours_with_severity(format: Format, bytes: &[u8], severity: Severity) -> Vec<OurError> {
    wasm_manifests::parse_bytes(bytes, format)
        .report()
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| OurError {
            code: d.code,
            path: d.path.to_string(),
        })
        .collect()
}

/// Which side refuses what the other accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// wasm-manifests reports an error; the official crate accepts.
    WeReject,
    /// The official crate refuses; wasm-manifests reports no error.
    OfficialRejects,
}

/// A deliberate difference, as listed in `deliberate.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliberate {
    /// A short stable name.
    pub id: String,
    /// `wasmer` or `extism`.
    pub format: String,
    /// Which side refuses.
    pub direction: Direction,
    /// For `we-reject`: our codes this entry explains.
    #[serde(default)]
    pub codes: Vec<String>,
    /// For `we-reject`: the field paths it applies to (`*` matches any
    /// text); every path when empty.
    #[serde(default)]
    pub paths: Vec<String>,
    /// For `official-rejects`: text the official message contains.
    #[serde(default)]
    pub official_message: Option<String>,
    /// For `official-rejects`: the entry applies only when we report this
    /// warning (the difference is one of severity, not of silence).
    #[serde(default)]
    pub our_warning: Option<String>,
    /// Why the difference is deliberate.
    pub reason: String,
    /// The rule of `../shared/spec` that decides it.
    pub spec: String,
}

/// Every deliberate difference.
pub fn deliberate() -> Vec<Deliberate> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        difference: Vec<Deliberate>,
    }
    let file: File =
        toml::from_str(include_str!("../deliberate.toml")).expect("deliberate.toml is valid");
    file.difference
}

/// The verdicts on one manifest, compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Both accept, or both reject.
    Agree,
    /// The official crate was not run on this input.
    NotCompared(&'static str),
    /// A listed deliberate difference (the ids that explain it).
    Deliberate(Vec<String>),
    /// A difference nobody listed: a bug on one side.
    Unexplained(String),
}

/// `*` in `pattern` matches any run of characters.
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Compares the two verdicts and explains a disagreement with the table.
pub fn classify(
    format: Format,
    ours: &[OurError],
    warnings: &[OurError],
    official: &Verdict,
    table: &[Deliberate],
) -> Outcome {
    let entries = table.iter().filter(|d| d.format == format.name());
    match official {
        Verdict::NotRun(why) => Outcome::NotCompared(why),
        Verdict::Accepts if ours.is_empty() => Outcome::Agree,
        Verdict::Rejects(_) if !ours.is_empty() => Outcome::Agree,
        Verdict::Accepts => {
            // Every error we report must be a deliberate extra check.
            let mut ids = Vec::new();
            for error in ours {
                let explained = entries.clone().find(|d| {
                    d.direction == Direction::WeReject
                        && d.codes.iter().any(|c| c == error.code)
                        && (d.paths.is_empty()
                            || d.paths.iter().any(|p| matches_pattern(p, &error.path)))
                });
                match explained {
                    Some(d) => {
                        if !ids.contains(&d.id) {
                            ids.push(d.id.clone());
                        }
                    }
                    None => {
                        return Outcome::Unexplained(format!(
                            "we report `{}` at `{}`; the official crate accepts",
                            error.code, error.path
                        ));
                    }
                }
            }
            Outcome::Deliberate(ids)
        }
        Verdict::Rejects(message) => {
            let explained = entries.clone().find(|d| {
                d.direction == Direction::OfficialRejects
                    && d.official_message
                        .as_deref()
                        .is_some_and(|m| message.contains(m))
                    && d.our_warning
                        .as_deref()
                        .is_none_or(|code| warnings.iter().any(|w| w.code == code))
            });
            match explained {
                Some(d) => Outcome::Deliberate(vec![d.id.clone()]),
                None => Outcome::Unexplained(format!(
                    "the official crate refuses ({message}); we report no error"
                )),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Generated variants

/// A small deterministic generator (xorshift), so failures reproduce.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The mutation applied to a manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mutation {
    /// Remove one key, at any depth.
    DropKey,
    /// Replace one value with a value of another type.
    ChangeType,
    /// Rename one key (a typo, another case, another separator).
    RenameKey,
    /// Append a copy of an array element (duplicate modules, commands, ...).
    DuplicateEntry,
    /// Replace a version-like string with a broken version.
    CorruptVersion,
}

/// Every mutation, in a fixed order.
pub const MUTATIONS: [Mutation; 5] = [
    Mutation::DropKey,
    Mutation::ChangeType,
    Mutation::RenameKey,
    Mutation::DuplicateEntry,
    Mutation::CorruptVersion,
];

/// A JSON-like tree both TOML and JSON documents convert to.
type Tree = serde_json::Value;

/// Applies `mutation` to the manifest `text` (TOML or JSON, kept in the
/// same syntax). `None` when the mutation does not apply (nothing to
/// duplicate, no version) or the result cannot be written back.
pub fn mutate(text: &str, mutation: Mutation, rng: &mut Rng) -> Option<String> {
    let json = is_json(text);
    let mut tree: Tree = if json {
        serde_json::from_str(text).ok()?
    } else {
        let table: toml::Table = toml::from_str(text).ok()?;
        serde_json::to_value(table).ok()?
    };
    let changed = match mutation {
        Mutation::DropKey => pick_key(&mut tree, rng, |map, key| {
            map.remove(key);
        }),
        Mutation::RenameKey => pick_key(&mut tree, rng, |map, key| {
            if let Some(value) = map.remove(key) {
                map.insert(typo(key), value);
            }
        }),
        Mutation::ChangeType => pick_value(&mut tree, rng, |value| *value = other_type(value)),
        Mutation::DuplicateEntry => pick_array(&mut tree, rng),
        Mutation::CorruptVersion => {
            const BROKEN: [&str; 6] = ["1.0", "v1.0.0", "latest", "1.0.0.0", "", "^x"];
            let choice = BROKEN[rng.below(BROKEN.len())];
            pick_string(&mut tree, rng, looks_like_version, |s| {
                *s = choice.to_owned()
            })
        }
    };
    if !changed {
        return None;
    }
    if json {
        serde_json::to_string_pretty(&tree).ok()
    } else {
        let table: toml::Table = serde_json::from_value(strip_nulls(tree)).ok()?;
        toml::to_string(&table).ok()
    }
}

fn strip_nulls(tree: Tree) -> Tree {
    match tree {
        Tree::Object(map) => Tree::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Tree::Array(items) => Tree::Array(
            items
                .into_iter()
                .filter(|v| !v.is_null())
                .map(strip_nulls)
                .collect(),
        ),
        other => other,
    }
}

fn looks_like_version(s: &str) -> bool {
    s.contains('.') && s.bytes().any(|b| b.is_ascii_digit()) && s.len() < 24 && !s.contains('/')
}

fn typo(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if key.contains('_') {
        key.replace('_', "-")
    } else if key.contains('-') {
        key.replace('-', "_")
    } else if chars.len() > 2 {
        let mut swapped = chars.clone();
        swapped.swap(1, 2);
        swapped.into_iter().collect()
    } else {
        key.to_uppercase()
    }
}

fn other_type(value: &Tree) -> Tree {
    match value {
        Tree::String(s) => Tree::from(s.len() as i64 + 42),
        Tree::Number(n) => Tree::String(n.to_string()),
        Tree::Bool(b) => Tree::String(b.to_string()),
        Tree::Array(_) => Tree::String("item".into()),
        Tree::Object(_) => Tree::String("table".into()),
        Tree::Null => Tree::Bool(true),
    }
}

/// All paths (as index lists into objects/arrays) in pre-order.
fn count_nodes(tree: &Tree) -> usize {
    1 + match tree {
        Tree::Object(map) => map.values().map(count_nodes).sum(),
        Tree::Array(items) => items.iter().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Visits nodes in pre-order until `f` returns true for the `target`-th one.
fn nth_node(tree: &mut Tree, target: &mut usize, f: &mut dyn FnMut(&mut Tree) -> bool) -> bool {
    if *target == 0 {
        return f(tree);
    }
    *target -= 1;
    match tree {
        Tree::Object(map) => {
            for value in map.values_mut() {
                if nth_node(value, target, f) {
                    return true;
                }
            }
            false
        }
        Tree::Array(items) => {
            for value in items {
                if nth_node(value, target, f) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// Tries random nodes until `f` applies to one (a few attempts).
fn try_nodes(
    tree: &mut Tree,
    rng: &mut Rng,
    mut f: impl FnMut(&mut Tree, &mut Rng) -> bool,
) -> bool {
    let total = count_nodes(tree);
    let mut scratch = Rng::new(rng.next_u64());
    for _ in 0..32 {
        let mut target = rng.below(total);
        if nth_node(tree, &mut target, &mut |node| f(node, &mut scratch)) {
            return true;
        }
    }
    false
}

fn pick_key(
    tree: &mut Tree,
    rng: &mut Rng,
    apply: impl Fn(&mut serde_json::Map<String, Tree>, &str),
) -> bool {
    try_nodes(tree, rng, |node, rng| match node {
        Tree::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            apply(map, &key);
            true
        }
        _ => false,
    })
}

fn pick_value(tree: &mut Tree, rng: &mut Rng, apply: impl Fn(&mut Tree)) -> bool {
    try_nodes(tree, rng, |node, rng| match node {
        Tree::Object(map) if !map.is_empty() => {
            let index = rng.below(map.len());
            if let Some(value) = map.values_mut().nth(index) {
                apply(value);
            }
            true
        }
        _ => false,
    })
}

fn pick_array(tree: &mut Tree, rng: &mut Rng) -> bool {
    try_nodes(tree, rng, |node, rng| match node {
        Tree::Array(items) if !items.is_empty() => {
            let copy = items[rng.below(items.len())].clone();
            items.push(copy);
            true
        }
        _ => false,
    })
}

fn pick_string(
    tree: &mut Tree,
    rng: &mut Rng,
    wanted: fn(&str) -> bool,
    apply: impl Fn(&mut String),
) -> bool {
    try_nodes(tree, rng, |node, _| match node {
        Tree::String(s) if wanted(s) => {
            apply(s);
            true
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_paths() {
        assert!(matches_pattern(
            "command[*].annotations*",
            "command[3].annotations.wasi.env[0]"
        ));
        assert!(matches_pattern("", ""));
        assert!(!matches_pattern("module[*].kind", "command[0].kind"));
    }

    #[test]
    fn mutations_change_the_text() {
        let text = "[package]\nname = \"a/b\"\nversion = \"1.0.0\"\n\n[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n";
        let mut rng = Rng::new(7);
        for mutation in MUTATIONS {
            let out = mutate(text, mutation, &mut rng).unwrap();
            assert_ne!(out.trim(), text.trim(), "{mutation:?}");
        }
    }

    #[test]
    fn generated_manifests_are_valid() {
        for n in [1, 10, 100] {
            for (text, format) in [
                (generate::wasmer(n), Format::Wasmer),
                (generate::spin(n), Format::Spin),
                (generate::extism(n), Format::Extism),
                (generate::flowlike(n), Format::FlowLike),
            ] {
                let parsed = wasm_manifests::parse(&text, format);
                assert!(
                    !parsed.report().has_errors(),
                    "{format} {n}:\n{}",
                    parsed.report()
                );
            }
        }
    }

    #[test]
    fn the_pointer_form_never_reaches_the_official_crate() {
        let text = r#"{"wasm": [{"data": {"ptr": 1, "len": 1000000}}]}"#;
        assert!(matches!(official(Format::Extism, text), Verdict::NotRun(_)));
    }
}
