//! The first command of the README, `check examples`, prints what the
//! README shows: the block between its `examples:start` and `examples:end`
//! markers (the time of the summary line aside). `BLESS=1` rewrites the
//! block; read the diff before committing.

mod support;

use support::*;

const START: &str = "<!-- examples:start -->\n";
const END: &str = "<!-- examples:end -->";

#[test]
fn the_readme_shows_what_check_examples_prints() {
    let run = run(&["check", "--color", "never", "examples"]);
    // Every example has something to say, and some of it is an error.
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    for example in [
        "examples/wasmer/wasmer.toml",
        "examples/spin/spin.toml",
        "examples/extism/plugin.json",
        "examples/flow-like/manifest.toml",
    ] {
        assert!(
            run.stdout.contains(&format!("--> {example}:")),
            "{example}: {run:?}"
        );
    }
    // It fits on a screen, and ends with what to do next.
    assert!(run.stdout.lines().count() <= 50, "{}", run.stdout);
    assert!(
        run.stdout.ends_with(
            "Run `wasm-manifests explain CODE` for what a code means and how to fix it.\n"
        ),
        "{}",
        run.stdout
    );

    let path = workspace_root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("the examples:start marker") + START.len();
    let end = readme.find(END).expect("the examples:end marker");
    let block = format!("```text\n{}```\n", run.stdout);
    if std::env::var_os("BLESS").is_some_and(|v| v != "0") {
        let updated = format!("{}{block}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    let shown = &readme[start..end];
    if normalize(shown) != normalize(&block) {
        let diff =
            similar::TextDiff::from_lines(normalize(shown).as_str(), normalize(&block).as_str())
                .unified_diff()
                .header("README.md", "check examples")
                .to_string();
        panic!(
            "the README's output of `check examples` is out of date (BLESS=1 rewrites it):\n{diff}"
        );
    }
}
