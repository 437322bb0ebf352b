//! The application as Spin loads it: generated trigger ids and hoisted
//! inline components, named the way Spin names them. The naming works on
//! plain facts (type, id, component reference) so that the rule passes can
//! use it on the document tree too.

use std::collections::HashSet;

use super::{ComponentSpec, Manifest};
use crate::spin::ids::{self, Case};

/// What naming needs from one trigger.
pub(crate) struct TriggerFacts<'t> {
    pub kind: &'t str,
    /// The id as written.
    pub id: Option<&'t str>,
    /// The component it names by reference.
    pub component: Option<&'t str>,
    /// Whether its `component` is an inline table.
    pub inline: bool,
}

/// Spin's id for each trigger, in the order given (type by type, in file
/// order): the id as written, or the generated one.
pub(crate) fn trigger_ids(triggers: &[TriggerFacts<'_>]) -> Vec<String> {
    let mut taken: HashSet<String> = triggers
        .iter()
        .filter_map(|t| t.id.filter(|id| !id.is_empty()).map(str::to_owned))
        .collect();
    let mut out = Vec::with_capacity(triggers.len());
    for trigger in triggers {
        if let Some(id) = trigger.id.filter(|id| !id.is_empty()) {
            out.push(id.to_owned());
            continue;
        }
        let kind = trigger.kind;
        let preferred = trigger
            .component
            .map(|component| format!("{component}-{kind}-trigger"))
            .filter(|id| !taken.contains(id));
        let id = preferred.unwrap_or_else(|| first_free(&taken, &format!("{kind}-trigger")));
        taken.insert(id.clone());
        out.push(id);
    }
    out
}

/// The ids Spin gives inline components: for each trigger with an inline
/// component, `(trigger position, id)`.
pub(crate) fn inline_ids<'k>(
    triggers: &[TriggerFacts<'_>],
    trigger_ids: &[String],
    components: impl IntoIterator<Item = &'k str>,
) -> Vec<(usize, String)> {
    let mut taken: HashSet<String> = components.into_iter().map(str::to_owned).collect();
    let mut out = Vec::new();
    for (i, trigger) in triggers.iter().enumerate() {
        if !trigger.inline {
            continue;
        }
        let preferred = format!(
            "{}-component",
            trigger_ids.get(i).map_or("", String::as_str)
        );
        let id = if ids::is_valid(&preferred, Case::Kebab) && !taken.contains(&preferred) {
            preferred
        } else {
            first_free(&taken, "inline-component")
        };
        taken.insert(id.clone());
        out.push((i, id));
    }
    out
}

/// The first `<prefix><N>` (N from 1) not in `taken`.
fn first_free(taken: &HashSet<String>, prefix: &str) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

fn facts(manifest: &Manifest) -> Vec<TriggerFacts<'_>> {
    manifest
        .triggers()
        .map(|(kind, t)| TriggerFacts {
            kind,
            id: t.id.as_deref(),
            component: t.component_id(),
            inline: matches!(t.component, Some(ComponentSpec::Inline(_))),
        })
        .collect()
}

pub(super) fn normalized(manifest: &Manifest) -> Manifest {
    let facts = facts(manifest);
    let ids = trigger_ids(&facts);
    let inline = inline_ids(&facts, &ids, manifest.components.keys().map(String::as_str));
    drop(facts);
    let mut out = manifest.clone();
    let mut position = 0;
    let mut inline = inline.into_iter().peekable();
    for triggers in out.trigger.values_mut() {
        for trigger in triggers.iter_mut() {
            if inline.peek().is_some_and(|(i, _)| *i == position)
                && let Some((_, name)) = inline.next()
                && let Some(ComponentSpec::Inline(component)) = trigger.component.take()
            {
                out.components.insert(name.clone(), *component);
                trigger.component = Some(ComponentSpec::Reference(name));
            }
            trigger.id = ids.get(position).cloned();
            position += 1;
        }
    }
    out
}
