//! Every rule of the Extism manifest, one module each: the rule's code,
//! severity and documentation, and its check.
//!
//! Checks of one value are called by the reader (`super::read`) where it
//! meets the value; the checks across entries (the names the runtime gives
//! the modules) are passes over the document, run after reading by
//! [`run`], so that they see every entry, also those that could not be
//! read completely.

use std::collections::HashMap;

use crate::codes::Rule;
use crate::extism::{HOST_MODULE, MAIN_MODULE};
use crate::read::Cx;
use crate::source::{Node, Value};

pub(crate) mod allows_all_hosts;
pub(crate) mod data_pointer;
pub(crate) mod duplicate_module;
pub(crate) mod host_never_matches;
pub(crate) mod insecure_url;
pub(crate) mod invalid_base64;
pub(crate) mod invalid_hash;
pub(crate) mod invalid_header;
pub(crate) mod invalid_host_pattern;
pub(crate) mod invalid_method;
pub(crate) mod invalid_url;
pub(crate) mod invalid_wasm_source;
pub(crate) mod missing_hash;
pub(crate) mod nested_request;
pub(crate) mod no_main_module;
pub(crate) mod no_wasm;
pub(crate) mod not_wasm;
pub(crate) mod null_allowed_hosts;
pub(crate) mod out_of_range;
pub(crate) mod too_many_pages;
pub(crate) mod vars_disabled;
pub(crate) mod zero_timeout;

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &no_wasm::RULE,
    &invalid_wasm_source::RULE,
    &nested_request::RULE,
    &data_pointer::RULE,
    &invalid_base64::RULE,
    &not_wasm::RULE,
    &invalid_url::RULE,
    &insecure_url::RULE,
    &invalid_method::RULE,
    &invalid_header::RULE,
    &invalid_hash::RULE,
    &missing_hash::RULE,
    &duplicate_module::RULE,
    &no_main_module::RULE,
    &too_many_pages::RULE,
    &out_of_range::RULE,
    &vars_disabled::RULE,
    &invalid_host_pattern::RULE,
    &host_never_matches::RULE,
    &allows_all_hosts::RULE,
    &null_allowed_hosts::RULE,
    &zero_timeout::RULE,
];

/// The passes over the whole document.
pub(crate) fn run(root: &Node<'_>, cx: &mut Cx) {
    let modules = root.get("wasm").map_or(&[][..], Node::items);
    if let Some(naming) = Naming::of(modules) {
        duplicate_module::check(cx, &naming);
        no_main_module::check(cx, &naming);
    }
}

/// The name a `wasm` entry is given in the document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Given<'n> {
    /// The entry is not a table, or its `name` is not a string.
    Unknown,
    /// No `name` (or `null`).
    Unnamed,
    Named(&'n str),
}

impl<'n> Given<'n> {
    fn of(entry: &'n Node<'_>) -> Self {
        let Some(table) = entry.as_table() else {
            return Given::Unknown;
        };
        match table.get("name").map(|n| &n.value) {
            None | Some(Value::Null) => Given::Unnamed,
            Some(Value::String(name)) => Given::Named(name),
            Some(_) => Given::Unknown,
        }
    }
}

/// How the runtime names the modules of a plug-in with several: an
/// unnamed module is called `main`, the last one is renamed `main` when no
/// module before it is called so, and two modules with one name are
/// refused (as is a module taking the name of the runtime's own).
pub(crate) struct Naming<'n> {
    /// The number of modules.
    pub count: usize,
    /// Every clash, in document order.
    pub clashes: Vec<Clash<'n>>,
    /// The module that becomes `main` (the first one called so), with the
    /// name it was given.
    pub main: Option<(usize, Option<&'n str>)>,
    /// Whether a module is explicitly named `main`.
    pub explicit_main: bool,
    /// Whether two modules end up called `main`.
    pub main_clash: bool,
}

/// A module whose name is taken.
#[derive(Clone, Copy)]
pub(crate) enum Clash<'n> {
    /// Named like the runtime's own functions.
    Reserved(usize),
    /// Called `name`, like the module at `first` before it.
    Repeat {
        index: usize,
        /// Whether the module was given its name (not called `main` by the
        /// runtime).
        named: bool,
        name: &'n str,
        first: usize,
        first_named: bool,
    },
}

/// Up to this many modules, a name's first use is found by looking at the
/// modules before it, without building a map.
const SCAN_UP_TO: usize = 16;

impl<'n> Naming<'n> {
    /// The naming of `modules`, when there are several (a single module is
    /// always `main`).
    fn of(modules: &'n [Node<'_>]) -> Option<Self> {
        if modules.len() < 2 {
            return None;
        }
        let last = modules.len() - 1;
        let mut naming = Naming {
            count: modules.len(),
            clashes: Vec::new(),
            main: None,
            explicit_main: false,
            main_clash: false,
        };
        // The first module called each name, and whether it was named;
        // only filled for long lists.
        let mut map: HashMap<&'n str, (usize, bool)> = HashMap::new();
        let large = modules.len() > SCAN_UP_TO;
        let first_called = |map: &HashMap<&'n str, (usize, bool)>, name: &str, before: usize| {
            if large {
                return map.get(name).copied();
            }
            modules[..before]
                .iter()
                .enumerate()
                .find_map(|(j, m)| match Given::of(m) {
                    Given::Unknown | Given::Named(HOST_MODULE) => None,
                    Given::Unnamed => (name == MAIN_MODULE).then_some((j, false)),
                    Given::Named(n) => (n == name).then_some((j, true)),
                })
        };
        for (i, module) in modules.iter().enumerate() {
            let given = match Given::of(module) {
                Given::Unknown => continue,
                Given::Unnamed => None,
                Given::Named(name) => Some(name),
            };
            naming.explicit_main |= given == Some(MAIN_MODULE);
            let mut name = given.unwrap_or(MAIN_MODULE);
            if i == last && first_called(&map, MAIN_MODULE, i).is_none() {
                name = MAIN_MODULE;
            }
            if given == Some(HOST_MODULE) {
                naming.clashes.push(Clash::Reserved(i));
                continue;
            }
            match first_called(&map, name, i) {
                None => {
                    if large {
                        map.insert(name, (i, given.is_some()));
                    }
                    if name == MAIN_MODULE {
                        naming.main = Some((i, given));
                    }
                }
                Some((first, first_named)) => {
                    naming.main_clash |= name == MAIN_MODULE;
                    naming.clashes.push(Clash::Repeat {
                        index: i,
                        named: given.is_some(),
                        name,
                        first,
                        first_named,
                    });
                }
            }
        }
        Some(naming)
    }
}

/// Characters allowed in HTTP tokens (methods and header names).
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// A character as messages name it.
fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}
