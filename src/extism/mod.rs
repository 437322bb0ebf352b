//! The Extism manifest.
//!
//! Not validated yet: reading reports `unsupported-format`.

pub(crate) mod codes;

use serde::{Deserialize, Serialize};

use crate::codes::UNSUPPORTED_FORMAT;
use crate::diagnostic::Severity;
use crate::read::Cx;
use crate::source::Node;

/// A Extism manifest (not modelled yet).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Manifest {}

/// Reads a Extism document, reporting every problem into `cx`.
pub(crate) fn read(_root: &Node<'_>, cx: &mut Cx) -> Option<Manifest> {
    cx.at_range(
        Severity::Error,
        UNSUPPORTED_FORMAT,
        0..0,
        "Extism manifests are recognised but not validated by this version",
    );
    None
}
