//! Every rule of the Flow-Like manifest, one module each: the rule's code,
//! severity and documentation, and its check.
//!
//! Checks of one value are called by the reader (`super::read`) where it
//! meets the value; checks across entries (node ids, OAuth providers and
//! the nodes that use them) are passes over the document, run after
//! reading by [`run`], so that they see every entry, also those that could
//! not be read completely.

use crate::codes::Rule;
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;

pub(crate) mod allowed_hosts_ignored;
pub(crate) mod allows_all_hosts;
pub(crate) mod duplicate_node_id;
pub(crate) mod duplicate_oauth_provider;
pub(crate) mod empty_category_segment;
pub(crate) mod empty_description;
pub(crate) mod empty_oauth_reason;
pub(crate) mod empty_oauth_scopes;
pub(crate) mod empty_required_field;
pub(crate) mod id_not_reverse_domain;
pub(crate) mod invalid_email;
pub(crate) mod invalid_host_pattern;
pub(crate) mod invalid_icon;
pub(crate) mod invalid_id_character;
pub(crate) mod invalid_manifest_version;
pub(crate) mod invalid_wasm_hash;
pub(crate) mod no_nodes;
pub(crate) mod non_semver_version;
pub(crate) mod undeclared_oauth_provider;
pub(crate) mod unknown_category;
pub(crate) mod unknown_memory_tier;
pub(crate) mod unknown_timeout_tier;
pub(crate) mod unsupported_manifest_version;
pub(crate) mod unused_oauth_provider;

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &invalid_manifest_version::RULE,
    &unsupported_manifest_version::RULE,
    &empty_required_field::RULE,
    &invalid_id_character::RULE,
    &id_not_reverse_domain::RULE,
    &non_semver_version::RULE,
    &empty_description::RULE,
    &invalid_wasm_hash::RULE,
    &invalid_email::RULE,
    &unknown_memory_tier::RULE,
    &unknown_timeout_tier::RULE,
    &unknown_category::RULE,
    &allows_all_hosts::RULE,
    &allowed_hosts_ignored::RULE,
    &invalid_host_pattern::RULE,
    &empty_oauth_scopes::RULE,
    &empty_oauth_reason::RULE,
    &duplicate_oauth_provider::RULE,
    &unused_oauth_provider::RULE,
    &no_nodes::RULE,
    &duplicate_node_id::RULE,
    &undeclared_oauth_provider::RULE,
    &empty_category_segment::RULE,
    &invalid_icon::RULE,
];

/// The passes over the whole document (a table with at least one key).
pub(crate) fn run(root: &Node<'_>, cx: &mut Cx) {
    no_nodes::check(root, cx);
    duplicate_node_id::check(root, cx);
    duplicate_oauth_provider::check(root, cx);
    undeclared_oauth_provider::check(root, cx);
    unused_oauth_provider::check(root, cx);
}

/// Why the seed revision's refusals are only warnings: said by the notes of
/// the rules about `[[nodes]]`.
const NODES_ARE_IN_THE_MODULE: &str =
    "current versions read the nodes from the WASM module and ignore `[[nodes]]`";

/// What the reader found for one key, for checks that combine keys.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Found<T> {
    /// The key is not there.
    Absent,
    /// The key is there, but its value could not be read (already
    /// reported).
    Unreadable,
    /// The value.
    Value(T),
}

impl<T> Found<T> {
    /// `Absent` without a value, `Value` with one, `Unreadable` when the
    /// key is there but gave no value.
    pub(crate) fn of(present: bool, value: Option<T>) -> Self {
        match (present, value) {
            (_, Some(value)) => Found::Value(value),
            (false, None) => Found::Absent,
            (true, None) => Found::Unreadable,
        }
    }
}

/// The `[[nodes]]` entries (none when `nodes` is not an array).
fn nodes<'n, 'a>(root: &'n Node<'a>) -> &'n [Node<'a>] {
    root.get("nodes").map_or(&[], Node::items)
}

/// The `[[permissions.oauth_scopes]]` entries (none when they are not an
/// array).
fn declarations<'n, 'a>(root: &'n Node<'a>) -> &'n [Node<'a>] {
    root.get("permissions")
        .and_then(|p| p.get("oauth_scopes"))
        .map_or(&[], Node::items)
}

/// The declared OAuth providers, each once with the position of its first
/// declaration; `None` when some declaration cannot be read (a wrong type,
/// no `provider`), so the list is not known for sure and nodes are not
/// checked against it.
fn declared_providers<'n>(root: &'n Node<'_>) -> Option<Vec<(&'n str, usize)>> {
    let Some(permissions) = root.get("permissions") else {
        return Some(Vec::new());
    };
    permissions.as_table()?;
    let Some(scopes) = permissions.get("oauth_scopes") else {
        return Some(Vec::new());
    };
    let mut declared: Vec<(&str, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, scope) in scopes.as_array()?.iter().enumerate() {
        let provider = scope.str_at("provider")?;
        if seen.insert(provider) {
            declared.push((provider, i));
        }
    }
    Some(declared)
}

/// An unknown tier: case slips, near misses, or the list of tiers.
fn report_unknown_tier(
    cx: &mut Cx,
    rule: &'static Rule,
    path: &P<'_>,
    (kind, text): (&str, &str),
    names: &[&str],
    list: &str,
    note: &str,
) {
    let pending = cx.report(rule, path, format!("unknown {kind} tier `{text}`"));
    let lower = text.to_ascii_lowercase();
    if let Some(exact) = names.iter().find(|n| **n == lower) {
        pending
            .help(format!(
                "tier names are case-sensitive: write `{exact}` in lower case; the tiers are {list}"
            ))
            .fix_str(crate::fix::Applicability::Safe, text, exact);
    } else if let Some(best) = suggest::closest(text, names) {
        pending
            .help(format!("did you mean `{best}`? The tiers are {list}"))
            .fix_str(crate::fix::Applicability::Safe, text, best);
    } else {
        pending.help(format!("use one of {list}"));
    }
    pending.note(note);
}
