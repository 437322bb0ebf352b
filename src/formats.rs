//! The list of formats: one [`Descriptor`] per format, with everything the
//! shared layer needs to know about it. Adding a format adds its folder and
//! one line in [`FORMATS`].

use crate::codes::Rule;
use crate::read::Cx;
use crate::source::Node;
use crate::{Format, Manifest};

/// What the shared layer knows of one format.
pub(crate) struct Descriptor {
    pub format: Format,
    /// Every rule of the format, for `explain`, the README and the tests.
    pub rules: &'static [&'static Rule],
    /// Reads the document tree into the typed manifest, reporting every
    /// problem; `None` when the manifest cannot be built.
    pub read: fn(&Node<'_>, &mut Cx) -> Option<Manifest>,
    /// What an empty file should contain, at the least.
    pub empty_help: &'static str,
    /// The format-independent view of one of the format's manifests.
    pub package: fn(&Manifest) -> crate::package::Package,
    /// Checks one of the format's manifests against the files beside it.
    pub verify: fn(&mut crate::verify::Verifier<'_>, &Manifest),
}

/// Every format, in the order of [`Format::ALL`].
/// Formats left out of the build (by their cargo feature) are not listed.
pub(crate) static FORMATS: &[&Descriptor] = &[
    #[cfg(feature = "wasmer")]
    &crate::wasmer::FORMAT,
    #[cfg(feature = "spin")]
    &crate::spin::FORMAT,
    #[cfg(feature = "extism")]
    &crate::extism::FORMAT,
    #[cfg(feature = "flow-like")]
    &crate::flowlike::FORMAT,
];

/// The descriptor of `format`, if this build reads it.
pub(crate) fn find(format: Format) -> Option<&'static Descriptor> {
    FORMATS.iter().find(|d| d.format == format).copied()
}
