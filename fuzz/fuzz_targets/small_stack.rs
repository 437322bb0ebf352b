#![no_main]

#[path = "../common/mod.rs"]
mod common;

// Every format on a 2 MiB stack, the default of spawned threads: deep
// input must be refused with a diagnostic, never overflow the stack.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let data = data.to_vec();
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            for format in wasm_manifests::Format::ALL {
                common::run(&data, format);
            }
        })
        .expect("spawn")
        .join()
        .expect("no overflow and no panic");
});
