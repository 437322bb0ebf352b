//! Builds that leave formats out (`default-features = false`): the formats
//! that are in work as always, the others are refused with a diagnostic
//! that names the feature. Run with
//! `cargo test --no-default-features --features wasmer --test features`;
//! in the default build every format is in, and only the last test runs.

#[cfg(all(feature = "wasmer", not(feature = "spin")))]
#[test]
fn a_format_left_out_is_refused_with_its_feature() {
    use wasm_manifests::{Format, codes};

    let spin = "spin_manifest_version = 2\n\n[application]\nname = \"x\"\n";
    let parsed = wasm_manifests::parse(spin, Format::Spin);
    assert!(parsed.manifest().is_none());
    let [diagnostic] = parsed.report().diagnostics() else {
        panic!("one diagnostic expected:\n{}", parsed.report());
    };
    assert_eq!(diagnostic.code, codes::shared::FORMAT_NOT_BUILT);
    assert_eq!(
        diagnostic.message,
        "this build of wasm-manifests does not read spin manifests"
    );
    assert!(
        diagnostic
            .help
            .as_deref()
            .unwrap()
            .contains("`spin` feature")
    );
    // The code is documented, so `explain` and the URL work for it.
    assert!(codes::find(codes::shared::FORMAT_NOT_BUILT).is_some());
    assert!(codes::all().all(|doc| !doc.code.starts_with("spin/")));

    // The format that is in works as in the full build.
    let wasmer = "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n";
    let parsed = wasm_manifests::parse(wasmer, Format::Wasmer);
    assert!(parsed.report().is_empty(), "{}", parsed.report());
    assert!(matches!(
        parsed.manifest(),
        Some(wasm_manifests::Manifest::Wasmer(_))
    ));
    assert_eq!(parsed.package().unwrap().modules.len(), 1);
}

#[cfg(not(all(
    feature = "wasmer",
    feature = "spin",
    feature = "extism",
    feature = "flow-like"
)))]
#[test]
fn each_format_is_read_or_refused_as_the_build_says() {
    use wasm_manifests::{Format, codes::shared};

    let built = [
        (Format::Wasmer, cfg!(feature = "wasmer")),
        (Format::Spin, cfg!(feature = "spin")),
        (Format::Extism, cfg!(feature = "extism")),
        (Format::FlowLike, cfg!(feature = "flow-like")),
    ];
    for (format, is_built) in built {
        let parsed = wasm_manifests::parse("", format);
        let code = parsed.report().diagnostics()[0].code;
        let expected = if is_built {
            shared::EMPTY_FILE
        } else {
            shared::FORMAT_NOT_BUILT
        };
        assert_eq!(code, expected, "{format}");
        // Also from a file: detection knows every format.
        let bytes = wasm_manifests::Options::new().parse_bytes(b"\xff", format);
        assert_eq!(
            bytes.report().diagnostics()[0].code == shared::FORMAT_NOT_BUILT,
            !is_built,
            "{format}"
        );
    }
}

#[cfg(not(feature = "extism"))]
#[test]
fn a_build_without_json_formats_still_detects_an_extism_file() {
    // Detection knows every format; reading says the format is left out.
    let text = r#"{"wasm": [{"path": "plugin.wasm"}]}"#;
    let format = wasm_manifests::Format::detect("plugin.json".as_ref(), text).unwrap();
    assert_eq!(format, wasm_manifests::Format::Extism);
    let parsed = wasm_manifests::parse(text, format);
    assert_eq!(
        parsed.report().diagnostics()[0].code,
        wasm_manifests::codes::shared::FORMAT_NOT_BUILT
    );
}

#[cfg(all(
    feature = "wasmer",
    feature = "spin",
    feature = "extism",
    feature = "flow-like"
))]
#[test]
fn the_full_build_reads_every_format_and_has_no_such_code() {
    for format in wasm_manifests::Format::ALL {
        let parsed = wasm_manifests::parse("", format);
        assert_eq!(
            parsed.report().diagnostics()[0].code,
            wasm_manifests::codes::shared::EMPTY_FILE,
            "{format}"
        );
    }
    assert!(wasm_manifests::codes::find(wasm_manifests::codes::shared::FORMAT_NOT_BUILT).is_none());
}
