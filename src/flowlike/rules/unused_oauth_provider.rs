//! `flow-like/unused-oauth-provider`: a declared OAuth provider that no node uses.

use std::collections::HashSet;

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Node, Value};

pub(crate) static RULE: Rule = Rule::warning("flow-like/unused-oauth-provider")
    .category(Category::Security)
    .doc(
        "An OAuth provider is declared in `[[permissions.oauth_scopes]]` but no node lists it in `oauth_providers`.",
        "The package asks for access that none of its nodes is set up to use: either the declaration is left over, or a node forgot to list the provider.",
        "[[permissions.oauth_scopes]]\nprovider = \"github\"\n# ... no node has oauth_providers = [\"github\"]",
        "Add the provider to the `oauth_providers` of the nodes that need it, or remove the declaration.",
    );

/// Every declared provider is used by a node, when the manifest declares
/// nodes and every declaration could be read.
pub(crate) fn check(root: &Node<'_>, cx: &mut Cx) {
    let nodes = super::nodes(root);
    if nodes.is_empty() {
        return;
    }
    let Some(declared) = super::declared_providers(root) else {
        return;
    };
    let mut used: HashSet<&str> = HashSet::new();
    for node in nodes {
        match node.get("oauth_providers").map(|n| &n.value) {
            Some(Value::String(provider)) => {
                used.insert(provider);
            }
            Some(Value::Array(items)) => used.extend(items.iter().filter_map(Node::as_str)),
            _ => {}
        }
    }
    let path = P::ROOT;
    let path = path.key("permissions");
    let path = path.key("oauth_scopes");
    for (provider, index) in declared {
        if used.contains(provider) {
            continue;
        }
        cx.report(
            &RULE,
            &path.index(index).key("provider"),
            format!("OAuth provider `{provider}` is declared but no node uses it"),
        )
        .help(format!(
            "add `{provider:?}` to the `oauth_providers` of the nodes that need it, or remove this declaration"
        ))
        .note("the package asks for this access, but no node is set up to use it");
    }
}
