//! `spin/conflicting-dependencies`: two dependency names for the same
//! package that are not disjoint.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::source::{Entry, Target};

use super::invalid_dependency_name::{DependencyName, split};

pub(crate) static RULE: Rule = Rule::error("spin/conflicting-dependencies")
    .category(Category::Correctness)
    .doc(
        "Two dependency names for the same package that overlap: `foo:bar` with `foo:bar/baz`, or versions that are semver-compatible.",
        "Spin refuses the component (\"dependency conflicts with\"): each import must be satisfied by exactly one dependency, so names of one package must name different interfaces or incompatible versions.",
        "[component.app.dependencies]\n\"foo:bar\" = \"1.0.0\"\n\"foo:bar/baz\" = \"1.0.0\"",
        "Keep one of the two, or name different interfaces of the package.",
    );

fn compatible(a: &semver::Version, b: &semver::Version) -> bool {
    match (a.major, b.major) {
        (0, 0) if a.minor == 0 && b.minor == 0 => a.patch == b.patch,
        (0, 0) => a.minor == b.minor,
        (x, y) => x == y,
    }
}

fn disjoint(a: &DependencyName<'_>, b: &DependencyName<'_>) -> bool {
    let (
        DependencyName::Package {
            package: pa,
            interface: ia,
            version: va,
        },
        DependencyName::Package {
            package: pb,
            interface: ib,
            version: vb,
        },
    ) = (a, b)
    else {
        return true;
    };
    if pa != pb {
        return true;
    }
    if let (Some(ia), Some(ib)) = (ia, ib)
        && ia != ib
    {
        return true;
    }
    matches!((va, vb), (Some(va), Some(vb)) if !compatible(va, vb))
}

/// Names of one package are pairwise disjoint.
pub(crate) fn check(cx: &mut Cx, entries: &[Entry<'_>], path: &P<'_>) {
    let names: Vec<(usize, DependencyName<'_>)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, split(&e.key).ok()?)))
        .filter(|(_, n)| !matches!(n, DependencyName::Plain(_)))
        .collect();
    for (j, (i, name)) in names.iter().enumerate() {
        let Some((first, _)) = names[..j]
            .iter()
            .find(|(_, earlier)| !disjoint(earlier, name))
        else {
            continue;
        };
        let key = &entries[*i].key;
        let earlier = &entries[*first].key;
        cx.report(&RULE, &path.key(key), format!("dependency `{key}` overlaps `{earlier}`"))
            .on_key()
            .label(&path.key(earlier), Target::Key, "overlapping dependency")
            .help("keep one of the two, or make them name different interfaces (or incompatible versions) of the package")
            .note("Spin refuses the component: each import must be satisfied by exactly one dependency");
    }
}
