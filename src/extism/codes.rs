//! Diagnostic codes specific to the Extism format.

use crate::codes::CodeDoc;

pub(crate) const DOCS: &[CodeDoc] = &[];
