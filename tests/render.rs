//! How reports look for awkward files: CRLF line ends, a label far from
//! its diagnostic, one very long line; and that rendering costs what is
//! shown, not the size of the file.

use std::time::{Duration, Instant};

use wasm_manifests::Format;

fn rendered(text: &str, format: Format) -> String {
    wasm_manifests::parse(text, format).report().render()
}

#[test]
fn crlf_line_ends_are_not_shown() {
    let text = "[package]\r\nname = \"acme/app\"\r\nversion = \"1.0\"\r\ndescription = \"An app\"\r\n\r\n[[module]]\r\nname = \"app\"\r\nsource = \"app.wasm\"\r\nabi = \"emscripten\"\r\n";
    assert_eq!(
        rendered(text, Format::Wasmer),
        r#"error[wasmer/invalid-version]: `1.0` is not a semver version: unexpected end of input while parsing minor version number
 --> <input>:3:11
  |
3 | version = "1.0"
  |           ^^^^^
  |
  = help: write all three numbers: `"1.0.0"`

error[wasmer/invalid-abi]: unknown ABI `emscripten`
 --> <input>:9:7
  |
9 | abi = "emscripten"
  |       ^^^^^^^^^^^^
  |
  = help: emscripten support was removed from Wasmer: build the module for WASI and use `abi = "wasi"`

"#
    );
    // The same report as with plain line ends.
    assert_eq!(
        rendered(text, Format::Wasmer),
        rendered(&text.replace("\r\n", "\n"), Format::Wasmer)
    );
}

/// A wasmer.toml whose module `tool` is defined twice, `modules_between`
/// modules (4 lines each) apart.
fn duplicate_far_apart(modules_between: usize) -> String {
    let mut text = String::from(
        "[package]\nname = \"acme/app\"\nversion = \"1.0.0\"\ndescription = \"An app\"\n\n[[module]]\nname = \"tool\"\nsource = \"tool.wasm\"\nabi = \"wasi\"\n",
    );
    for i in 0..modules_between {
        text.push_str(&format!(
            "\n[[module]]\nname = \"m{i}\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n"
        ));
    }
    text.push_str("\n[[module]]\nname = \"tool\"\nsource = \"other.wasm\"\nabi = \"wasi\"\n");
    text
}

#[test]
fn a_far_label_gets_its_own_excerpt() {
    // 15,005 lines apart: the lines between are neither shown nor handed to
    // the renderer.
    assert_eq!(
        rendered(&duplicate_far_apart(3000), Format::Wasmer),
        r#"error[wasmer/duplicate-module]: duplicate module `tool`
     --> <input>:15012:8
      |
15012 | name = "tool"
      |        ^^^^^^
      |
     ::: <input>:7:8
      |
    7 | name = "tool"
      |        ------ first defined here
      |
      = help: module names must be unique: rename one of them (and the commands using it)

"#
    );
}

#[test]
fn a_near_label_shares_the_excerpt() {
    // 10 lines apart: one excerpt, the lines between folded.
    assert_eq!(
        rendered(&duplicate_far_apart(1), Format::Wasmer),
        r#"error[wasmer/duplicate-module]: duplicate module `tool`
  --> <input>:17:8
   |
 7 | name = "tool"
   |        ------ first defined here
...
17 | name = "tool"
   |        ^^^^^^
   |
   = help: module names must be unique: rename one of them (and the commands using it)

"#
    );
}

/// A one-line Extism manifest with a string of `pad` bytes before two
/// mistakes.
fn one_long_line(pad: usize) -> String {
    format!(
        "{{\"wasm\": [{{\"path\": \"app.wasm\"}}], \"config\": {{\"pad\": \"{}\"}}, \"memory\": {{\"max_pages\": \"lots\"}}, \"allowed_host\": [\"example.com\"]}}",
        "x".repeat(pad)
    )
}

#[test]
fn a_long_line_is_shown_around_its_annotations_with_the_real_columns() {
    let text = one_long_line(1 << 20);
    // The columns count from the start of the line, 1 MiB earlier.
    let lots = text.find("\"lots\"").unwrap() + 1;
    let key = text.find("\"allowed_host\"").unwrap() + 1;
    assert_eq!((lots, key), (1_048_657, 1_048_666));
    let expected = format!(
        r#"error[wrong-type]: expected a whole number, found a string
 --> <input>:1:1048657
  |
1 | ...{}"}}, "memory": {{"max_pages": "lots"}}, "allowed_host": ["example.com"]}}
  |                                                                  ^^^^^^

error[unknown-key]: unknown key `allowed_host` at the top level
 --> <input>:1:1048666
  |
1 | ...{}"}}, "memory": {{"max_pages": "lots"}}, "allowed_host": ["example.com"]}}
  |                                                              ^^^^^^^^^^^^^^
  |
  = help: did you mean `allowed_hosts`?

"#,
        "x".repeat(34),
        "x".repeat(21)
    );
    assert_eq!(rendered(&text, Format::Extism), expected);
}

#[test]
fn many_diagnostics_on_one_long_line_render_quickly() {
    // 2,000 unknown keys after 10 MiB on one line: each diagnostic looks at
    // a few hundred bytes, not at the line. (Handing the whole line to the
    // renderer took a third of a second per diagnostic in a release build.)
    let mut text = one_long_line(10 << 20);
    text.pop();
    for i in 0..2_000 {
        text.push_str(&format!(", \"unknown{i}\": 1"));
    }
    text.push('}');
    let report = wasm_manifests::Options::new()
        .max_size(64 << 20)
        .parse(&text, Format::Extism)
        .into_report();
    assert_eq!(report.diagnostics().len(), 2_002);
    let started = Instant::now();
    let rendered = report.render();
    let elapsed = started.elapsed();
    assert!(rendered.len() < 2_002 * 1_000, "{}", rendered.len());
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn control_characters_in_the_file_name_are_escaped() {
    let text = "[package]\nname = \"acme/app\"\nversion = \"1.0\"\ndescription = \"An app\"\n";
    let mut report = wasm_manifests::parse(text, Format::Wasmer).into_report();
    report.set_origin("dir/\u{1b}[2J\nwasmer.toml");
    let rendered = report.render();
    assert!(
        rendered.contains("\n --> \"dir/\\u{1b}[2J\\nwasmer.toml\":3:11\n"),
        "{rendered}"
    );
    assert!(!rendered.contains('\u{1b}'), "{rendered}");
    assert!(!report.render_styled().contains("\u{1b}[2J"));
    // JSON keeps the name as it is.
    assert_eq!(report.to_json()["file"], "dir/\u{1b}[2J\nwasmer.toml");
    // Ordinary names, spaces and non-ASCII included, are shown as they are.
    report.set_origin("my app/café.toml");
    assert!(report.render().contains(" --> my app/café.toml:3:11\n"));
}
