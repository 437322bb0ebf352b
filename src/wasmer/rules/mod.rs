//! Every rule of `wasmer.toml`, one module each: the rule's code, severity
//! and documentation, and its check.
//!
//! Checks of one value are called by the reader (`super::read`) where it
//! meets the value; checks across entries (names, references) are passes
//! over the document, run after reading by [`run`], so that they see every
//! entry, also those that could not be read completely.

use crate::codes::Rule;
use crate::read::Cx;
use crate::rules::names;
use crate::source::Node;
use crate::wasmer::ModuleReference;

pub(crate) mod ambiguous_entrypoint;
pub(crate) mod duplicate_command;
pub(crate) mod duplicate_module;
pub(crate) mod fs_guest_path_not_absolute;
pub(crate) mod ignored_annotations;
pub(crate) mod incomplete_package;
pub(crate) mod invalid_abi;
pub(crate) mod invalid_annotations_kind;
pub(crate) mod invalid_bindings;
pub(crate) mod invalid_dependency_name;
pub(crate) mod invalid_dependency_version;
pub(crate) mod invalid_env;
pub(crate) mod invalid_module_reference;
pub(crate) mod invalid_package_name;
pub(crate) mod invalid_version;
pub(crate) mod license_and_license_file;
pub(crate) mod missing_abi;
pub(crate) mod package_name_without_namespace;
pub(crate) mod unknown_dependency;
pub(crate) mod unknown_entrypoint;
pub(crate) mod unknown_module;
pub(crate) mod unknown_module_kind;
pub(crate) mod unknown_runner;
pub(crate) mod unknown_wcgi_dialect;

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &invalid_dependency_name::RULE,
    &invalid_dependency_version::RULE,
    &fs_guest_path_not_absolute::RULE,
    &invalid_package_name::RULE,
    &package_name_without_namespace::RULE,
    &invalid_version::RULE,
    &incomplete_package::RULE,
    &license_and_license_file::RULE,
    &unknown_entrypoint::RULE,
    &ambiguous_entrypoint::RULE,
    &invalid_abi::RULE,
    &unknown_module_kind::RULE,
    &invalid_bindings::RULE,
    &duplicate_module::RULE,
    &duplicate_command::RULE,
    &unknown_module::RULE,
    &unknown_dependency::RULE,
    &invalid_module_reference::RULE,
    &missing_abi::RULE,
    &unknown_runner::RULE,
    &invalid_annotations_kind::RULE,
    &ignored_annotations::RULE,
    &invalid_env::RULE,
    &unknown_wcgi_dialect::RULE,
];

/// The passes over the whole document.
pub(crate) fn run(root: &Node<'_>, cx: &mut Cx) {
    duplicate_module::check(root, cx);
    duplicate_command::check(root, cx);
    unknown_module::check(root, cx);
    unknown_dependency::check(root, cx);
    missing_abi::check(root, cx);
    unknown_entrypoint::check(root, cx);
    ambiguous_entrypoint::check(root, cx);
    license_and_license_file::check(root, cx);
}

/// The names of the `[[module]]` entries, each once, in document order.
fn module_names<'n>(root: &'n Node<'_>) -> Vec<&'n str> {
    names::unique(
        root.get("module")
            .map_or(&[][..], Node::items)
            .iter()
            .filter_map(|m| m.str_at("name")),
    )
}

/// The names of the `[[command]]` entries, each once, in document order.
fn command_names<'n>(root: &'n Node<'_>) -> Vec<&'n str> {
    names::unique(
        root.get("command")
            .map_or(&[][..], Node::items)
            .iter()
            .filter_map(|c| c.str_at("name")),
    )
}

/// Each command's `module`, where it is a valid reference, with the
/// command's position: `(position, dependency, module)`.
fn command_modules<'n>(
    root: &'n Node<'_>,
) -> impl Iterator<Item = (usize, Option<&'n str>, &'n str)> {
    root.get("command")
        .map_or(&[][..], Node::items)
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let (dependency, module) = ModuleReference::split(c.str_at("module")?)?;
            Some((i, dependency, module))
        })
}
