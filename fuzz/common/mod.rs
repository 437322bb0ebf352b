//! What every fuzz target checks on each input: reading never panics, and
//! every position of the report and of the package view is true to the
//! text (the checker is the one the stable tests use).

#[path = "../../tests/support/spans.rs"]
pub mod spans;

use wasm_manifests::Format;

/// Reads `data` as `format` and checks the report, its renderings and the
/// package view; panics (a finding) on any false position.
pub fn run(data: &[u8], format: Format) {
    let parsed = wasm_manifests::parse_bytes(data, format);
    let text = std::str::from_utf8(data).ok();
    if let Err(problem) = spans::check(&parsed, text) {
        panic!("{problem}");
    }
}
