//! `flow-like/undeclared-oauth-provider`: a node uses an OAuth provider the package does not declare.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::{Node, Target};

pub(crate) static RULE: Rule = Rule::warning("flow-like/undeclared-oauth-provider")
    .category(Category::Publish)
    .doc(
        "A node lists an OAuth provider in `oauth_providers` that `[[permissions.oauth_scopes]]` does not declare.",
        "Nodes may only use the OAuth providers the package declares, with their scopes and reason: Flow-Like versions that read `[[nodes]]` refuse to publish a package with a node that uses any other. A warning, since current Flow-Like reads the nodes from the WASM module and ignores `[[nodes]]`.",
        "[[nodes]]\nid = \"post\"\noauth_providers = [\"slack\"]\n# no [[permissions.oauth_scopes]] with provider = \"slack\"",
        "Declare the provider with `[[permissions.oauth_scopes]]` (`provider`, `scopes`, `reason`), or correct the name in `oauth_providers`.",
    );

/// Every provider a node lists is declared, when every declaration could
/// be read.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let Some(declared) = super::declared_providers(root) else {
        return;
    };
    let names: Vec<&str> = declared.iter().map(|(name, _)| *name).collect();
    let known: std::collections::HashSet<&str> = names.iter().copied().collect();
    let path = P::ROOT;
    let path = path.key("nodes");
    for (i, node) in super::nodes(root).iter().enumerate() {
        let Some(items) = node.get("oauth_providers").and_then(Node::as_array) else {
            continue;
        };
        let id = node.str_at("id");
        let node_path = path.index(i);
        for (j, provider) in items.iter().enumerate() {
            let Some(provider) = provider.as_str() else {
                continue;
            };
            if !known.contains(provider) {
                report(cx, provider, id, &node_path, j, &names);
            }
        }
    }
}

fn report(
    cx: &mut Cx,
    provider: &str,
    node_id: Option<&str>,
    node: &P<'_>,
    index: usize,
    declared: &[&str],
) {
    let message = match node_id {
        Some(id) => format!(
            "node `{id}` uses OAuth provider `{provider}`, which the package permissions do not declare"
        ),
        None => format!(
            "this node uses OAuth provider `{provider}`, which the package permissions do not declare"
        ),
    };
    let pending = cx.report(&RULE, &node.key("oauth_providers").index(index), message);
    if node_id.is_some() {
        pending.label(&node.key("id"), Target::Value, "in this node");
    }
    if let Some(best) = suggest::closest(provider, declared) {
        pending.help(format!(
            "did you mean `{best}`? Otherwise declare `{provider}` with `[[permissions.oauth_scopes]]` (`provider = {provider:?}`, `scopes`, `reason`)"
        ));
    } else if declared.is_empty() {
        pending.help(format!(
            "declare it: add `[[permissions.oauth_scopes]]` with `provider = {provider:?}`, the `scopes` the node needs and a `reason`"
        ));
    } else {
        pending.help(format!(
            "declare it with `[[permissions.oauth_scopes]]` (`provider = {provider:?}`, `scopes`, `reason`); the declared providers are {}",
            suggest::list_all(declared)
        ));
    }
    pending.note(format!(
        "Flow-Like versions that read `[[nodes]]` refuse to publish a package whose nodes use undeclared OAuth providers; {}",
        super::NODES_ARE_IN_THE_MODULE
    ));
}
