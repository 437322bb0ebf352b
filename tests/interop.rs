//! What other programs do with the library's output: reports and packages
//! read back from JSON, field paths read back from their printed form, and
//! diagnostics of one's own added to a report.

use std::path::{Path, PathBuf};

use wasm_manifests::{
    Diagnostic, FieldPath, Format, Label, Options, Report, Severity, Span, package::Package,
};

/// Every manifest the tests know: the fixtures, and the corpus when present.
fn manifests() -> Vec<(PathBuf, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (dir, format) in [
        ("fixtures/wasmer", Format::Wasmer),
        ("fixtures/spin", Format::Spin),
        ("fixtures/spin-v2", Format::Spin),
        ("fixtures/extism", Format::Extism),
        ("fixtures/flowlike", Format::FlowLike),
        ("../shared/corpus/wasmer", Format::Wasmer),
        ("../shared/corpus/spin", Format::Spin),
        ("../shared/corpus/spin-v2", Format::Spin),
        ("../shared/corpus/extism", Format::Extism),
        ("../shared/corpus/flowlike", Format::FlowLike),
    ] {
        let dir = root.join(dir);
        if !dir.is_dir() {
            println!("notice: {} is absent; skipping it", dir.display());
            continue;
        }
        for sub in ["", "valid", "invalid"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                // `.model.json` files are the expected models of fixtures.
                let is_manifest = (name.ends_with(".toml") || name.ends_with(".json"))
                    && !name.ends_with(".model.json");
                if is_manifest && path.is_file() {
                    out.push((path, format));
                }
            }
        }
    }
    out.sort();
    assert!(
        out.len() > 100,
        "expected the fixtures, found {}",
        out.len()
    );
    out
}

#[test]
fn every_report_reads_back_from_its_json() {
    let mut diagnostics = 0;
    for (path, format) in manifests() {
        let report = Options::new()
            .parse_file_as(&path, format)
            .unwrap()
            .into_report();
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{}: {e}\n{json}", path.display()));
        assert_eq!(
            back.diagnostics(),
            report.diagnostics(),
            "{}",
            path.display()
        );
        assert_eq!(back.origin(), report.origin());
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        diagnostics += report.diagnostics().len();
    }
    assert!(diagnostics > 200, "only {diagnostics} diagnostics compared");
}

#[test]
fn every_package_reads_back_from_its_json() {
    let mut packages = 0;
    for (path, format) in manifests() {
        let parsed = Options::new().parse_file_as(&path, format).unwrap();
        let Some(package) = parsed.package() else {
            continue;
        };
        let json = serde_json::to_value(&package).unwrap();
        let back: Package = serde_json::from_value(json.clone())
            .unwrap_or_else(|e| panic!("{}: {e}\n{json:#}", path.display()));
        assert_eq!(back, package, "{}", path.display());
        packages += 1;
    }
    assert!(packages > 100, "only {packages} packages compared");
}

#[test]
fn a_report_of_another_version_is_refused_with_both_versions() {
    let json = serde_json::json!({ "version": 999, "file": "x", "diagnostics": [] });
    let error = serde_json::from_value::<Report>(json)
        .unwrap_err()
        .to_string();
    assert!(error.contains("999"), "{error}");
    assert!(error.contains(&Report::JSON_VERSION.to_string()), "{error}");
}

#[test]
fn codes_read_back_are_the_library_codes_or_kept_as_given() {
    let json = serde_json::json!({
        "version": Report::JSON_VERSION,
        "file": "wasmer.toml",
        "diagnostics": [
            {
                "code": "wasmer/unknown-module", "severity": "error", "message": "m",
                "path": "command[0].module",
                "span": { "start": 0, "end": 1, "line": 1, "column": 1, "end_line": 1, "end_column": 2 },
                "labels": [{
                    "span": { "start": 5, "end": 6, "line": 2, "column": 4, "end_line": 2, "end_column": 5 },
                    "message": "modules are declared here",
                }],
            },
            {
                "code": "acme/own-check", "severity": "warning", "message": "n",
                "span": { "start": 2, "end": 3, "line": 1, "column": 3, "end_line": 1, "end_column": 4 },
            },
        ],
    });
    let report: Report = serde_json::from_value(json).unwrap();
    let [known, own] = report.diagnostics() else {
        panic!("two diagnostics expected");
    };
    assert_eq!(known.code, wasm_manifests::codes::wasmer::UNKNOWN_MODULE);
    assert!(known.url().is_some());
    assert_eq!(known.path.to_string(), "command[0].module");
    assert_eq!(own.code, "acme/own-check");
    assert_eq!(own.url(), None);
    assert!(own.path.is_root());
    // Without the text, a report still renders every position.
    let rendered = report.render();
    assert!(rendered.contains("wasmer.toml:1:1"), "{rendered}");
    assert!(rendered.contains("wasmer.toml:1:3"), "{rendered}");
    assert!(
        rendered.contains("modules are declared here (at 2:4)"),
        "{rendered}"
    );
}

#[test]
fn field_paths_read_back_from_their_printed_form() {
    let keys = [
        "plain",
        "with-dash_and_9",
        "wasmer/python",
        "",
        "a.b",
        "say \"hi\"",
        "back\\slash",
        "line\nbreak\ttab\r",
        "nul\0",
        "del\u{7f}",
        "\u{301}combining first",
        "é and 中文",
        "[0]",
        "'single'",
    ];
    for key in keys {
        for path in [
            FieldPath::root().key(key),
            FieldPath::root().key("outer").index(3).key(key).index(0),
            FieldPath::root().index(12).key(key).key(key),
        ] {
            let printed = path.to_string();
            let back: FieldPath = printed
                .parse()
                .unwrap_or_else(|e| panic!("{key:?} printed as {printed}: {e}"));
            assert_eq!(back, path, "{key:?} printed as {printed}");
        }
    }
    assert_eq!("".parse::<FieldPath>().unwrap(), FieldPath::root());
}

#[test]
fn malformed_field_paths_are_refused_with_the_place() {
    for (text, at) in [
        ("a..b", 2),
        ("a[", 1),
        ("a[x]", 2),
        ("a[]", 2),
        ("a[99999999999999999999999]", 2),
        ("\"open", 0),
        ("a.\"bad\\q\"", 6),
        ("a b", 1),
        ("a.", 2),
        (".a", 0),
    ] {
        let error = text.parse::<FieldPath>().unwrap_err().to_string();
        assert!(error.contains(&format!("at byte {at}")), "{text}: {error}");
    }
}

#[test]
fn diagnostics_of_ones_own_render_with_the_manifest_text() {
    let text = "[package]\nname = \"acme/tool\"\nversion = \"1.0.0\"\ndescription = \"x\"\n";
    let mut report = Options::new()
        .origin("uploads/wasmer.toml")
        .parse(text, Format::Wasmer)
        .into_report();
    assert!(report.is_empty());
    let at = text.find("\"acme/tool\"").unwrap();
    let span = Span::in_text(text, at..at + 11);
    assert_eq!((span.line, span.column, span.end_column), (2, 8, 19));
    report.push(
        Diagnostic::new("registry/reserved", Severity::Error, "`acme` is reserved")
            .with_span(span)
            .with_path(FieldPath::root().key("package").key("name"))
            .with_label(Label::new(Span::in_text(text, 0..9), "in this package"))
            .with_help("publish under your own namespace")
            .with_note("see the registry's rules"),
    );
    // A warning earlier in the file goes before it.
    report.push(
        Diagnostic::new("registry/style", Severity::Warning, "first line")
            .with_span(Span::in_text(text, 1..8)),
    );
    let codes: Vec<_> = report.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["registry/style", "registry/reserved"]);
    assert_eq!((report.error_count(), report.warning_count()), (1, 1));
    let rendered = report.render();
    for expected in [
        "error[registry/reserved]: `acme` is reserved",
        "--> uploads/wasmer.toml:2:8",
        "name = \"acme/tool\"",
        "in this package",
        "help: publish under your own namespace",
        "note: see the registry's rules",
    ] {
        assert!(
            rendered.contains(expected),
            "missing {expected:?} in\n{rendered}"
        );
    }
}

#[test]
fn merged_reports_keep_source_order_and_errors_first() {
    let text = "[[module]]\nname = 1\n[[command]]\nname = \"c\"\nmodule = \"m\"\n";
    let mut report = wasm_manifests::parse(text, Format::Wasmer).into_report();
    let before = report.diagnostics().len();
    assert!(before > 0);
    let first = report.diagnostics()[0].span;
    let mut own = Report::from_diagnostics(
        report.origin().to_owned(),
        text,
        vec![
            Diagnostic::new("acme/late", Severity::Warning, "last")
                .with_span(Span::in_text(text, text.len() - 1..text.len())),
            Diagnostic::new("acme/same-place", Severity::Warning, "same place").with_span(first),
        ],
    );
    own.push(Diagnostic::new("acme/top", Severity::Warning, "top"));
    report.merge(own);
    let codes: Vec<_> = report.iter().map(|d| d.code).collect();
    assert_eq!(codes.len(), before + 3);
    assert_eq!(codes[0], "acme/top");
    assert_eq!(codes.last(), Some(&"acme/late"));
    let same = codes.iter().position(|c| *c == "acme/same-place").unwrap();
    assert!(
        report.diagnostics()[same - 1].severity == Severity::Error,
        "an error at the same place comes first: {codes:?}"
    );
}

#[test]
fn the_format_reads_back_by_its_name() {
    for format in Format::ALL {
        let json = serde_json::to_string(&format).unwrap();
        assert_eq!(json, format!("\"{format}\""));
        assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), format);
    }
}
