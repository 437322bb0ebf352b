//! `spin/invalid-dependency`: a dependency value Spin refuses: no form or
//! several, a bad version requirement or package, a plain name without a
//! package, an `export` on a whole package.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::{Cx, Table};

use super::invalid_dependency_name::DependencyName;
use super::invalid_registry_source::is_label;

pub(crate) static RULE: Rule = Rule::error("spin/invalid-dependency")
    .category(Category::Correctness)
    .doc(
        "A component or trigger dependency that is none of Spin's forms, or whose version, package or export Spin refuses.",
        "Spin accepts a version requirement string, `{ version, registry?, package? }`, `{ path }`, `{ url, digest }` or `{ component }`, and refuses other shapes, invalid requirements, a plain name without `package`, and an `export` for a whole package.",
        "[component.app.dependencies]\nhelper = \"1.0.0\"",
        "Use a package name as the key (`\"my-org:helper\" = \"1.0.0\"`), or say where the dependency comes from: `helper = { path = \"helper.wasm\" }`.",
    );

/// The shape of the dependency not being one of the forms: the model
/// cannot hold it.
static NO_FORM: Rule = RULE.shape();

/// The forms of a dependency table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Registry,
    Local,
    Remote,
    Component,
}

impl Form {
    /// The keys of the form (besides `export` and `inherit_configuration`).
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            Form::Registry => &["version", "registry", "package"],
            Form::Local => &["path"],
            Form::Remote => &["url", "digest"],
            Form::Component => &["component"],
        }
    }
}

/// Which form the table is written in.
pub(crate) fn form(cx: &mut Cx, t: &Table<'_, '_, '_>, path: &P<'_>) -> Option<Form> {
    let mut found = Vec::new();
    if t.has("version") || t.has("package") || t.has("registry") {
        found.push((Form::Registry, "version"));
    }
    if t.has("path") {
        found.push((Form::Local, "path"));
    }
    if t.has("url") || t.has("digest") {
        found.push((Form::Remote, "url"));
    }
    if t.has("component") {
        found.push((Form::Component, "component"));
    }
    match found.as_slice() {
        [(form, _)] => Some(*form),
        [] => {
            let pending = cx.report(
                &NO_FORM,
                path,
                "the dependency does not say where it comes from",
            );
            if t.has("sha256") {
                pending.help("a download is `{ url = \"...\", digest = \"sha256:...\" }`: the key is `digest`");
            } else {
                pending.help("write `{ version = \"1.0.0\" }` (a registry), `{ path = \"dep.wasm\" }`, `{ url, digest }` or `{ component = \"<id>\" }`");
            }
            None
        }
        several => {
            let keys: Vec<&str> = several.iter().map(|(_, k)| *k).collect();
            cx.report(
                &NO_FORM,
                path,
                format!("the dependency mixes several forms ({})", crate::rules::suggest::list_all(&keys)),
            )
            .help("keep one: a registry version, a `path`, a `url` with its `digest`, or a `component`");
            None
        }
    }
}

/// A version requirement (`">=0.1.0"`, `"1.2"`).
pub(crate) fn version_requirement(
    cx: &mut Cx,
    text: &str,
    path: &P<'_>,
) -> Option<semver::VersionReq> {
    match semver::VersionReq::parse(text) {
        Ok(req) => Some(req),
        Err(e) => {
            cx.report(&NO_FORM, path, format!("`{text}` is not a version requirement ({e})"))
                .help("write a semantic version requirement such as `\"^1.0\"`, `\">=0.2.0\"` or `\"1.2.3\"`")
                .note("Spin refuses it when it loads the application");
            None
        }
    }
}

/// The string form needs a package name as the key.
pub(crate) fn string_form(cx: &mut Cx, name: Option<&DependencyName<'_>>, path: &P<'_>) {
    if let Some(DependencyName::Plain(plain)) = name {
        cx.report(&RULE, path, format!("`{plain}` is a plain name, so a version alone does not say which package to fetch"))
            .help(format!("name the package: `{plain} = {{ package = \"namespace:{plain}\", version = \"...\" }}`, or use the package name as the key"))
            .note("Spin refuses it: the dependency must specify a package name");
    }
}

/// A registry dependency under a plain name needs `package`.
pub(crate) fn package_needed(cx: &mut Cx, name: Option<&DependencyName<'_>>, path: &P<'_>) {
    if let Some(DependencyName::Plain(plain)) = name {
        cx.report(
            &RULE,
            path,
            format!("the registry dependency `{plain}` does not name its package"),
        )
        .help(format!(
            "add `package = \"namespace:{plain}\"`, or use the package name as the key"
        ))
        .note("Spin refuses it: the dependency must specify a package name");
    }
}

/// `package = "namespace:name"`.
pub(crate) fn check_package(cx: &mut Cx, package: &str, path: &P<'_>) {
    let valid = package
        .split_once(':')
        .is_some_and(|(namespace, name)| is_label(namespace) && is_label(name));
    if !valid {
        cx.report(
            &RULE,
            path,
            format!("the package `{package}` is not of the form `namespace:name`"),
        )
        .help("write the package as `namespace:name`, both lower-case kebab case");
    }
}

/// `export` only for a dependency on one interface (or a plain name).
pub(crate) fn check_export(cx: &mut Cx, name: Option<&DependencyName<'_>>, path: &P<'_>) {
    if name.is_some_and(DependencyName::is_whole_package) {
        cx.report(
            &RULE,
            path,
            "`export` cannot satisfy a dependency on a whole package",
        )
        .on_key()
        .help("name one interface in the key (`\"ns:pkg/interface\"`), or remove `export`")
        .note("Spin refuses it: using an export to satisfy a package dependency is not permitted");
    }
}
