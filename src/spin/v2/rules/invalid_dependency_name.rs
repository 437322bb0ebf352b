//! `spin/invalid-dependency-name`: a `[component.<id>.dependencies]` key
//! that is neither a package name (`namespace:name[/interface][@version]`)
//! nor a plain kebab-case name.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::path::P;
use crate::read::Cx;
use crate::spin::ids::{self, Case};

use super::invalid_registry_source::is_label;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-dependency-name")
    .category(Category::Correctness)
    .doc(
        "A component dependency name that is neither `namespace:name[/interface][@version]` nor a plain kebab-case name.",
        "Spin parses dependency names with the manifest and refuses the manifest at the first bad one; the namespace and name are lower-case kebab labels, the interface kebab case, the version a full semantic version.",
        "[component.app.dependencies]\n\"Foo:bar@1\" = \"1.0.0\"",
        "Write the WIT package as `namespace:name` (optionally `/interface` and `@1.2.3`), e.g. `\"wasi:http/handler@0.2.0\"`.",
    );

/// A dependency name, split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DependencyName<'n> {
    /// `namespace:name[/interface][@version]`.
    Package {
        package: &'n str,
        interface: Option<&'n str>,
        version: Option<semver::Version>,
    },
    /// A plain name (a KebabId).
    Plain(&'n str),
}

impl DependencyName<'_> {
    /// Whether it names a package without an interface.
    pub(crate) fn is_whole_package(&self) -> bool {
        matches!(
            self,
            DependencyName::Package {
                interface: None,
                ..
            }
        )
    }
}

/// Parses a dependency name; reports it when it is malformed. A plain
/// name that is not kebab case is offered a rename to its kebab-case
/// spelling when `renamable(new)` says that is one edit and leaves no two
/// keys of one name; the rename needs review, as the name must be the one
/// the component imports.
pub(crate) fn parse<'n>(
    cx: &mut Cx,
    name: &'n str,
    path: &P<'_>,
    renamable: impl FnOnce(&str) -> bool,
) -> Option<DependencyName<'n>> {
    match split(name) {
        Ok(parsed) => Some(parsed),
        Err((reason, help)) => {
            let pending = cx.report(
                &RULE,
                path,
                format!("invalid dependency name `{name}`: {reason}"),
            );
            pending
                .on_key()
                .help(help)
                .note("Spin refuses the manifest when it reads the name");
            if !name.contains([':', '/'])
                && let Some(better) = ids::suggest(name, Case::Kebab)
                && renamable(&better)
            {
                pending.fix_key(Applicability::NeedsReview, name, &better);
            }
            None
        }
    }
}

/// Splits a name the way Spin does: at the first `@`, then the first `/`.
pub(crate) fn split(name: &str) -> Result<DependencyName<'_>, (String, String)> {
    if !name.contains([':', '/']) {
        return match ids::problem(name, Case::Kebab) {
            None => Ok(DependencyName::Plain(name)),
            Some(reason) => Err((
                reason,
                ids::suggest(name, Case::Kebab).map_or_else(
                    || "use a kebab-case name, or a package name `namespace:name`".to_owned(),
                    |s| format!("did you mean `{s}`?"),
                ),
            )),
        };
    }
    let (rest, version) = match name.split_once('@') {
        Some((rest, version)) => (rest, Some(version)),
        None => (name, None),
    };
    let (package, interface) = match rest.split_once('/') {
        Some((package, interface)) => (package, Some(interface)),
        None => (rest, None),
    };
    let Some((namespace, short)) = package.split_once(':') else {
        return Err((
            "a package name needs a namespace and a `:`".to_owned(),
            format!("write `namespace:{package}`"),
        ));
    };
    for (part, what) in [(namespace, "namespace"), (short, "package name")] {
        if !is_label(part) {
            return Err((
                format!("the {what} `{part}` is not a lower-case kebab-case label"),
                "namespace and name are lower-case words joined by `-`, each starting with a letter".to_owned(),
            ));
        }
    }
    if let Some(interface) = interface
        && let Some(reason) = ids::problem(interface, Case::Kebab)
    {
        return Err((
            format!("the interface `{interface}` is not kebab case: {reason}"),
            "interface names are kebab case, e.g. `/handler`".to_owned(),
        ));
    }
    let version = match version {
        None => None,
        Some(text) => match semver::Version::parse(text) {
            Ok(v) => Some(v),
            Err(e) => {
                return Err((
                    format!("`{text}` is not a full semantic version ({e})"),
                    "write all three numbers after `@`, e.g. `@0.2.0`".to_owned(),
                ));
            }
        },
    };
    Ok(DependencyName::Package {
        package,
        interface,
        version,
    })
}
