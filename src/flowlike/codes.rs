//! Diagnostic codes specific to the Flow-Like format.

use crate::codes::CodeDoc;

pub(crate) const DOCS: &[CodeDoc] = &[];
