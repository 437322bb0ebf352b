//! Conversion of Spin manifests from version 1 to version 2.
