//! The document tree as the rule passes see it: every trigger with Spin's
//! id for it, every component (inline ones under their generated ids), and
//! the declared variables, each with its field path.

use super::normalize::{self, TriggerFacts};
use crate::FieldPath;
use crate::source::{Node, Value};

/// One `[[trigger.<type>]]` entry.
pub(crate) struct TriggerNode<'n, 'a> {
    pub kind: &'n str,
    pub index: usize,
    pub node: &'n Node<'a>,
    /// Spin's id: as written, or generated.
    pub id: String,
    /// The id as written, when not empty.
    pub explicit_id: Option<&'n str>,
    /// The component it runs: the reference, or the inline component's
    /// generated id.
    pub component: Option<String>,
}

impl TriggerNode<'_, '_> {
    pub(crate) fn path(&self) -> FieldPath {
        FieldPath::root()
            .key("trigger")
            .key(self.kind)
            .index(self.index)
    }

    /// `route`, when it is a string.
    pub(crate) fn route(&self) -> Option<&str> {
        self.node.str_at("route")
    }

    /// Whether `route = { private = true }`.
    pub(crate) fn is_private(&self) -> bool {
        self.node
            .get("route")
            .and_then(|r| r.get("private"))
            .is_some_and(|p| matches!(p.value, Value::Bool(true)))
    }
}

/// One component: `[component.<id>]` or a trigger's inline component.
pub(crate) struct ComponentNode<'n, 'a> {
    pub id: String,
    pub node: &'n Node<'a>,
    pub path: FieldPath,
    pub inline: bool,
}

/// The application, as far as the passes need it.
pub(crate) struct App<'n, 'a> {
    pub triggers: Vec<TriggerNode<'n, 'a>>,
    pub components: Vec<ComponentNode<'n, 'a>>,
    /// `[variables]` names, in order.
    pub variables: Vec<&'n str>,
    /// Whether `[variables]` could be read as a table (template names are
    /// not checked otherwise).
    pub variables_known: bool,
    /// Component id → position in `components` (the first one).
    index: std::collections::HashMap<String, usize>,
}

impl<'n, 'a> App<'n, 'a> {
    pub(crate) fn new(root: &'n Node<'a>) -> Self {
        let mut triggers = Vec::new();
        for entry in root.get("trigger").map_or(&[][..], Node::entries) {
            for (index, node) in entry.value.items().iter().enumerate() {
                if node.as_table().is_none() {
                    continue;
                }
                triggers.push((entry.key.as_ref(), index, node));
            }
        }
        let facts: Vec<TriggerFacts<'_>> = triggers
            .iter()
            .map(|(kind, _, node)| TriggerFacts {
                kind,
                id: node.str_at("id"),
                component: node.str_at("component"),
                inline: node
                    .get("component")
                    .is_some_and(|c| c.as_table().is_some()),
            })
            .collect();
        let ids = normalize::trigger_ids(&facts);
        let named = root.get("component").map_or(&[][..], Node::entries);
        let inline = normalize::inline_ids(&facts, &ids, named.iter().map(|e| e.key.as_ref()));
        let mut components: Vec<ComponentNode<'n, 'a>> = named
            .iter()
            .map(|e| ComponentNode {
                id: e.key.to_string(),
                node: &e.value,
                path: FieldPath::root().key("component").key(e.key.as_ref()),
                inline: false,
            })
            .collect();
        let mut trigger_nodes: Vec<TriggerNode<'n, 'a>> = triggers
            .iter()
            .zip(&facts)
            .zip(ids)
            .map(|(((kind, index, node), fact), id)| TriggerNode {
                kind,
                index: *index,
                node,
                id,
                explicit_id: fact.id.filter(|id| !id.is_empty()),
                component: fact.component.map(str::to_owned),
            })
            .collect();
        for (position, id) in inline {
            let Some(trigger) = trigger_nodes.get_mut(position) else {
                continue;
            };
            if let Some(node) = trigger.node.get("component") {
                components.push(ComponentNode {
                    id: id.clone(),
                    node,
                    path: trigger.path().key("component"),
                    inline: true,
                });
            }
            trigger.component = Some(id);
        }
        let variables_node = root.get("variables");
        let variables = variables_node
            .map_or(&[][..], Node::entries)
            .iter()
            .map(|e| e.key.as_ref())
            .collect();
        let mut index = std::collections::HashMap::with_capacity(components.len());
        for (i, c) in components.iter().enumerate() {
            index.entry(c.id.clone()).or_insert(i);
        }
        App {
            index,
            triggers: trigger_nodes,
            components,
            variables,
            variables_known: variables_node.is_none_or(|v| v.as_table().is_some()),
        }
    }

    /// The component with this id.
    pub(crate) fn component(&self, id: &str) -> Option<&ComponentNode<'n, 'a>> {
        self.index.get(id).and_then(|&i| self.components.get(i))
    }

    /// The ids of the components defined under `[component]`.
    pub(crate) fn component_ids(&self) -> Vec<&str> {
        self.components
            .iter()
            .filter(|c| !c.inline)
            .map(|c| c.id.as_str())
            .collect()
    }

    /// The default of a variable, when it has one.
    pub(crate) fn default_of(&self, root: &'n Node<'a>, name: &str) -> Option<&'n str> {
        root.get("variables")?.get(name)?.str_at("default")
    }
}
