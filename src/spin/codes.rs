//! Diagnostic codes specific to the Spin format.

use crate::codes::CodeDoc;

pub(crate) const DOCS: &[CodeDoc] = &[];
