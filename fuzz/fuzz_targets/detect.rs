#![no_main]

#[path = "../common/mod.rs"]
mod common;

// Detection by content, then reading as the detected format, as the
// command line does for files with no manifest name.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let candidate = wasm_manifests::classify("", data);
    if let Some(format) = candidate.format() {
        common::run(data, format);
    }
});
