//! The grammars the schemas give as `pattern`s, each the regular-expression
//! form of a check the readers make in code. Written for the ECMA-262
//! dialect JSON Schema uses, without look-around, so that every editor's
//! validator understands them.

/// A number of a semantic version: `0`, or digits without a leading zero.
macro_rules! number {
    () => {
        "(?:0|[1-9][0-9]*)"
    };
}

/// A pre-release identifier: a number without a leading zero, or digits,
/// letters and `-` with at least one letter or `-`.
macro_rules! pre_release_id {
    () => {
        "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
    };
}

/// A full semantic version, `MAJOR.MINOR.PATCH[-pre][+build]`, unanchored.
macro_rules! semver {
    () => {
        concat!(
            number!(),
            "\\.",
            number!(),
            "\\.",
            number!(),
            "(?:-",
            pre_release_id!(),
            "(?:\\.",
            pre_release_id!(),
            ")*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?"
        )
    };
}

/// One word of a Spin kebab-case id: an ASCII letter, then letters and
/// digits, all letters of the case of the first.
macro_rules! spin_word {
    () => {
        "(?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]*)"
    };
}

/// A Spin kebab-case id (`KebabId`), unanchored.
macro_rules! spin_kebab {
    () => {
        concat!(spin_word!(), "(?:-", spin_word!(), ")*")
    };
}

/// A lower-case kebab label of a WIT package (`wasi`, `my-org`), unanchored.
macro_rules! wit_label {
    () => {
        "[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*"
    };
}

/// A Wasmer package name, `[namespace/]name`: each part an ASCII letter,
/// then letters, digits, `_`, `.` or `-`.
pub(crate) const WASMER_PACKAGE_NAME: &str =
    "^(?:[A-Za-z][A-Za-z0-9_.-]*/)?[A-Za-z][A-Za-z0-9_.-]*$";

/// A key of wasmer.toml `[dependencies]`: `namespace/name`, each part ASCII
/// letters, digits, `-` and `_`.
pub(crate) const WASMER_DEPENDENCY_NAME: &str = "^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+$";

/// A command's `module`: `module` or `dependency:module`, at most one `:`.
pub(crate) const WASMER_MODULE_REFERENCE: &str = "^[^:]*(?::[^:]*)?$";

/// A module `kind`: `wasm`, `tensorflow-SavedModel`, or something with a
/// URL scheme (`https:`, `urn:`); spaces and control characters before the
/// scheme are ignored, as the URL parser does.
pub(crate) const WASMER_MODULE_KIND: &str =
    "^(?:wasm$|tensorflow-SavedModel$|[\\u0000-\\u0020]*[A-Za-z][A-Za-z0-9+.\\t\\n\\r-]*:)";

/// A WASI `env` entry: `KEY=VALUE` with a non-empty key.
pub(crate) const WASI_ENV: &str = "^[^=]+=";

/// A Spin kebab-case id: component ids and the components triggers name.
pub(crate) const SPIN_KEBAB_ID: &str = concat!("^", spin_kebab!(), "$");

/// A Spin version 1 component id that Spin accepts, possibly after its
/// repair (`_` becomes `-`, then everything is lower-cased): words of an
/// ASCII letter followed by letters and digits, joined by single `-` or `_`.
pub(crate) const SPIN_V1_COMPONENT_ID: &str = "^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z][A-Za-z0-9]*)*$";

/// A Spin lower snake case name: variables and component config keys.
pub(crate) const SPIN_LOWER_SNAKE_ID: &str = "^[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*$";

/// A version 2 store label: kebab case or snake case (each word all lower
/// or all upper case).
pub(crate) const SPIN_LABEL: &str = concat!(
    "^(?:",
    spin_kebab!(),
    "|",
    spin_word!(),
    "(?:_",
    spin_word!(),
    ")*)$"
);

/// A registry package, `namespace:name`, both lower-case kebab labels.
pub(crate) const SPIN_PACKAGE: &str = concat!("^", wit_label!(), ":", wit_label!(), "$");

/// A component dependency name: a plain kebab-case name, or a WIT package
/// `namespace:name[/interface][@version]`.
pub(crate) const SPIN_DEPENDENCY_NAME: &str = concat!(
    "^(?:",
    spin_kebab!(),
    "|",
    wit_label!(),
    ":",
    wit_label!(),
    "(?:/",
    spin_kebab!(),
    ")?(?:@",
    semver!(),
    ")?)$"
);

/// A digest Spin compares downloads with: `sha256:` and 64 lower-case hex
/// digits.
pub(crate) const SPIN_DIGEST: &str = "^sha256:[0-9a-f]{64}$";

/// Text with the `http` or `https` scheme (in any case; spaces and control
/// characters before it are ignored, as the URL parser does, which also
/// reads `https:host` as `https://host`).
pub(crate) const HTTP_URL: &str = "^[\\u0000-\\u0020]*[Hh][Tt][Tt][Pp][Ss]?:";

/// 64 lower-case hex digits: a SHA-256 digest as Extism compares it.
pub(crate) const SHA256_HEX: &str = "^[0-9a-f]{64}$";

/// Standard, padded base64 whose last symbol encodes no stray bits, as the
/// `base64` crate's standard engine decodes it.
pub(crate) const BASE64: &str =
    "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$";

/// An HTTP token (a method or a header name).
pub(crate) const HTTP_TOKEN: &str = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

/// Text without control characters other than tab (an HTTP header value).
pub(crate) const HEADER_VALUE: &str = "^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]*$";
