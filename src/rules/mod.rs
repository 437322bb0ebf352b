//! Checks shared by several formats, each a small pure function.

pub(crate) mod digest;
pub(crate) mod email;
pub(crate) mod globs;
pub(crate) mod hosts;
pub(crate) mod license;
pub(crate) mod names;
pub(crate) mod paths;
pub(crate) mod suggest;
pub(crate) mod urls;
