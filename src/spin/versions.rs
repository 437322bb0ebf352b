//! One format, two versions: which reader a `spin.toml` goes to, and the
//! rules of both versions as one list.

use crate::codes::Rule;
use crate::read::Cx;
use crate::source::{Node, Value};

/// Whether the document is read as version 2: `spin_manifest_version = 2`,
/// or a version 2 layout (`[application]`, `[component.<id>]` tables)
/// with any version other than `"1"` (also none), so that its mistakes are
/// reported in version 2 terms.
pub(crate) fn is_v2(root: &Node<'_>) -> bool {
    let version = root
        .get("spin_manifest_version")
        .or_else(|| root.get("spin_version"));
    match version.map(|v| &v.value) {
        Some(Value::Integer(2)) => true,
        Some(Value::String(s)) if s == "1" => false,
        _ => {
            root.get("application").is_some()
                || root
                    .get("component")
                    .is_some_and(|c| c.as_table().is_some())
        }
    }
}

/// The package view of either version.
pub(crate) fn package(manifest: &crate::Manifest) -> crate::package::Package {
    match manifest {
        crate::Manifest::Spin(m) => super::v1::package::package(m),
        crate::Manifest::SpinV2(m) => super::v2::package::package(m),
        _ => crate::package::Package::empty(crate::Format::Spin),
    }
}

/// Verifies either version against the files beside it.
pub(crate) fn verify(v: &mut crate::verify::Verifier<'_>, manifest: &crate::Manifest) {
    match manifest {
        crate::Manifest::Spin(m) => super::v1::verify::verify(v, m),
        crate::Manifest::SpinV2(m) => super::v2::verify::verify(v, m),
        _ => {}
    }
}

/// Reads either version.
pub(crate) fn read(root: &Node<'_>, cx: &mut Cx) -> Option<crate::Manifest> {
    if is_v2(root) {
        let manifest = super::v2::read(root, cx);
        super::v2::rules::run(root, cx);
        manifest.map(crate::Manifest::SpinV2)
    } else {
        super::v1::read(root, cx).map(crate::Manifest::Spin)
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn position(list: &[&Rule], code: &str) -> Option<usize> {
    let mut i = 0;
    while i < list.len() {
        if same(list[i].code, code) {
            return Some(i);
        }
        i += 1;
    }
    None
}

const fn union_len(a: &[&Rule], b: &[&Rule]) -> usize {
    let mut n = a.len();
    let mut i = 0;
    while i < b.len() {
        if position(a, b[i].code).is_none() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// `a`, with each rule that `b` also has (by code) replaced by `b`'s, then
/// `b`'s other rules: version 1's rules first, version 2's where a code is
/// documented again for version 2.
const fn union<const N: usize>(a: &[&'static Rule], b: &[&'static Rule]) -> [&'static Rule; N] {
    let mut out = [a[0]; N];
    let mut n = 0;
    while n < a.len() {
        out[n] = match position(b, a[n].code) {
            Some(j) => b[j],
            None => a[n],
        };
        n += 1;
    }
    let mut i = 0;
    while i < b.len() {
        if position(a, b[i].code).is_none() {
            out[n] = b[i];
            n += 1;
        }
        i += 1;
    }
    out
}

const COUNT: usize = union_len(super::v1::rules::RULES, super::v2::rules::RULES);

/// Every rule of the format, both versions.
pub(crate) static RULES: [&Rule; COUNT] = union(super::v1::rules::RULES, super::v2::rules::RULES);
