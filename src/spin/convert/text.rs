//! The text conversion: a new version 2 document assembled from the items
//! of the version 1 document (`toml_edit`), so that comments, formatting
//! and the order of keys carry over where they map.

use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Key, Table, Value};

use super::{Conversion, ConvertError, fold_base, folded_base, outbound_hosts};
use crate::spin::ids;
use crate::{Format, Manifest};

/// Component keys that are copied as they are.
const COPIED: &[&str] = &[
    "description",
    "source",
    "files",
    "exclude_files",
    "key_value_stores",
    "sqlite_databases",
    "ai_models",
    "environment",
    "build",
];

/// Converts a version 1 `spin.toml` to version 2.
///
/// The result keeps the comments and the order of the original where they
/// map; it is checked as version 2 before it is handed out. Refused when
/// the manifest has errors (the version 1 report says which, e.g. ids that
/// collide once Spin repairs them), when it is already of version 2, or
/// when version 2 would refuse the result.
pub fn convert(text: &str) -> Result<Conversion, ConvertError> {
    let parsed = crate::parse(text, Format::Spin);
    // A base other than `/` is refused by current Spin, but the conversion
    // folds it into every route, as Spin 1.x and 2.x served them: that
    // error does not stop it.
    let blocking = parsed.report().iter().any(|d| {
        d.severity == crate::Severity::Error
            && d.code != crate::spin::v1::rules::http_base_not_root::RULE.code
    });
    let manifest = match parsed.manifest() {
        Some(Manifest::Spin(m)) if !blocking => m,
        Some(Manifest::SpinV2(_)) => return Err(ConvertError::AlreadyVersion2),
        _ => return Err(ConvertError::Invalid(parsed.into_report())),
    };
    let v2 = manifest.to_v2()?;
    let doc: DocumentMut = text
        .parse()
        .map_err(|_| ConvertError::Invalid(parsed.report().clone()))?;
    let mut changes = Vec::new();
    let out = assemble(&doc, manifest, &mut changes);
    let mut text = out.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let check = crate::parse(&text, Format::Spin);
    match check.manifest() {
        Some(Manifest::SpinV2(result)) if !check.report().has_errors() => {
            let manifest = result.clone();
            debug_assert_eq!(manifest, v2, "the text and the model conversions agree");
            Ok(Conversion {
                text,
                manifest,
                changes,
            })
        }
        _ => Err(ConvertError::Unconvertible(check.into_report())),
    }
}

/// The position counter for tables, so that they are written in the order
/// they are placed.
struct Order(isize);

impl Order {
    fn next(&mut self) -> isize {
        self.0 += 1;
        self.0
    }

    /// Places `table` and every table inside it, in key order.
    fn place(&mut self, table: &mut Table) {
        table.set_position(Some(self.next()));
        for (_, item) in table.iter_mut() {
            match item {
                Item::Table(t) => self.place(t),
                Item::ArrayOfTables(list) => {
                    for t in list.iter_mut() {
                        self.place(t);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The item as a standard table (inline tables become tables).
fn as_table(item: &Item) -> Option<Table> {
    item.clone().into_table().ok()
}

/// Copies `key` of `from` into `to` with its formatting and comments.
fn copy(from: &Table, to: &mut Table, key: &str, as_key: &str) {
    if let Some((k, item)) = from.get_key_value(key) {
        let k = if key == as_key {
            k.clone()
        } else {
            Key::new(as_key).with_leaf_decor(k.leaf_decor().clone())
        };
        to.insert_formatted(&k, item.clone());
    }
}

fn implicit() -> Table {
    let mut t = Table::new();
    t.set_implicit(true);
    t
}

fn assemble(
    doc: &DocumentMut,
    m: &crate::spin::Manifest,
    changes: &mut Vec<String>,
) -> DocumentMut {
    let root = doc.as_table();
    let mut out = DocumentMut::new();
    let mut order = Order(0);
    let version_key = if root.contains_key("spin_manifest_version") {
        "spin_manifest_version"
    } else {
        changes.push("`spin_version` is now `spin_manifest_version`".to_owned());
        "spin_version"
    };
    let decor = root
        .key(version_key)
        .map(|k| k.leaf_decor().clone())
        .unwrap_or_default();
    out.insert_formatted(
        &Key::new("spin_manifest_version").with_leaf_decor(decor),
        toml_edit::value(2),
    );

    let mut app = Table::new();
    for key in ["name", "version", "description", "authors"] {
        copy(root, &mut app, key, key);
    }
    let kind = m.trigger.trigger_type().to_owned();
    let base = folded_base(m);
    if let Some(base) = base {
        changes.push(format!(
            "`base = \"{base}\"` is folded into every route (Spin 3 and later refuse a base other than `/`)"
        ));
    }
    if let Some(settings) = root.get("trigger").and_then(as_table) {
        let mut global = Table::new();
        for (key, _) in settings.iter() {
            if key != "type" && !(kind == "http" && key == "base") {
                copy(&settings, &mut global, key, key);
            }
        }
        if !global.is_empty() {
            let mut triggers = implicit();
            triggers.insert(&kind, Item::Table(global));
            app.insert("trigger", Item::Table(triggers));
        }
    }
    order.place(&mut app);
    out.insert("application", Item::Table(app));

    if let Some(variables) = root.get("variables") {
        let mut item = variables.clone();
        if let Item::Table(t) = &mut item {
            order.place(t);
        }
        if let Some(k) = root.key("variables") {
            out.insert_formatted(k, item);
        }
    }

    let items: Vec<Table> = match root.get("component") {
        Some(Item::ArrayOfTables(list)) => list.iter().cloned().collect(),
        Some(Item::Value(Value::Array(list))) => list
            .iter()
            .filter_map(|v| v.as_inline_table().map(|t| t.clone().into_table()))
            .collect(),
        _ => Vec::new(),
    };
    let renamed: HashMap<String, String> = m
        .components
        .iter()
        .map(|c| (c.id.clone(), ids::normalize_component_id(&c.id)))
        .filter(|(old, new)| old != new)
        .collect();
    let mut trigger_list = ArrayOfTables::new();
    let mut components = implicit();
    for (table, component) in items.iter().zip(&m.components) {
        let id = ids::normalize_component_id(&component.id);
        if id != component.id {
            changes.push(format!(
                "component `{}` is now `{id}`: version 2 ids must be kebab case, and Spin renames it so",
                component.id
            ));
        }
        let mut trigger = Table::new();
        *trigger.decor_mut() = table.decor().clone();
        trigger.insert("id", toml_edit::value(format!("trigger-{id}")));
        trigger.insert("component", toml_edit::value(id.as_str()));
        if let Some(settings) = table.get("trigger").and_then(as_table) {
            for (key, _) in settings.iter() {
                if key == "component" {
                    changes.push(format!(
                        "the `component` key of `{}`'s trigger is dropped: Spin replaces it with the component's id",
                        component.id
                    ));
                    continue;
                }
                copy(&settings, &mut trigger, key, key);
            }
            if let (Some(base), Some(route)) = (base, settings.get("route").and_then(Item::as_str))
            {
                trigger.insert("route", toml_edit::value(fold_base(base, route)));
            }
        }
        order.place(&mut trigger);
        trigger_list.push(trigger);

        let mut converted = Table::new();
        let mut hosts_written = false;
        for (key, _) in table.iter() {
            match key {
                "id" | "trigger" => {}
                "config" => {
                    changes.push(format!("`config` of `{id}` is now `variables`"));
                    copy(table, &mut converted, "config", "variables");
                }
                "allowed_outbound_hosts" | "allowed_http_hosts" if !hosts_written => {
                    hosts_written = true;
                    write_hosts(table, &mut converted, component, &renamed, key, changes);
                }
                "allowed_outbound_hosts" | "allowed_http_hosts" => {}
                _ if COPIED.contains(&key) => copy(table, &mut converted, key, key),
                _ => {}
            }
        }
        if !hosts_written {
            write_hosts(table, &mut converted, component, &renamed, "", changes);
        }
        order.place(&mut converted);
        components.insert(&id, Item::Table(converted));
    }
    if !trigger_list.is_empty() {
        let mut triggers = implicit();
        triggers.insert(&kind, Item::ArrayOfTables(trigger_list));
        out.insert("trigger", Item::Table(triggers));
    }
    if !components.is_empty() {
        out.insert("component", Item::Table(components));
    }
    out
}

/// Writes `allowed_outbound_hosts` where the original had its first host
/// list (`at`), with the original's comments; the hosts version 1 implied
/// are written out with a comment saying so.
fn write_hosts(
    from: &Table,
    to: &mut Table,
    component: &crate::spin::Component,
    renamed: &HashMap<String, String>,
    at: &str,
    changes: &mut Vec<String>,
) {
    let hosts = outbound_hosts(component, renamed);
    if hosts.is_empty() {
        return;
    }
    let mut decor = from
        .key(at)
        .map(|k| k.leaf_decor().clone())
        .unwrap_or_default();
    if component.allowed_outbound_hosts.is_none() {
        changes.push(format!(
            "`{}` had no `allowed_outbound_hosts`, which in version 1 allows any Redis, MySQL and PostgreSQL host: written out, narrow it to what the component uses",
            component.id
        ));
        let prefix = decor
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_owned();
        decor.set_prefix(format!(
            "{prefix}# Version 1 let this component reach any Redis, MySQL and PostgreSQL host;\n# narrow these to the hosts it uses.\n"
        ));
    }
    if !component.allowed_http_hosts.is_empty() {
        changes.push(format!(
            "`allowed_http_hosts` of `{}` is merged into `allowed_outbound_hosts`",
            component.id
        ));
    }
    let array: toml_edit::Array = hosts.iter().map(String::as_str).collect();
    to.insert_formatted(
        &Key::new("allowed_outbound_hosts").with_leaf_decor(decor),
        toml_edit::value(array),
    );
}
