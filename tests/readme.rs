//! The README's table of diagnostic codes is generated from
//! `wasm_manifests::codes::all()`; this test keeps the two in sync. Run with
//! `BLESS=1` to rewrite the table.

const START: &str = "<!-- codes:start -->\n";
const END: &str = "<!-- codes:end -->";

fn table() -> String {
    let mut out = String::from("| code | severity | what it checks |\n|---|---|---|\n");
    for doc in wasm_manifests::codes::all() {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            doc.code,
            doc.severity,
            doc.summary.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn readme_code_table_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(START)
        .expect("README has the codes:start marker")
        + START.len();
    let end = readme.find(END).expect("README has the codes:end marker");
    let current = &readme[start..end];
    let wanted = table();
    if current != wanted {
        if std::env::var_os("BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..start], wanted, &readme[end..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "the README's code table is out of date; run `BLESS=1 cargo test --test readme`"
            );
        }
    }
}

/// `docs/codes.md`: every code with its documentation, each under an anchor
/// that `CodeDoc::url` points at.
fn codes_page() -> String {
    let mut out = String::from(
        "# Diagnostic codes\n\nEvery code wasm-manifests reports, with what it checks, why it matters, an example and the fix. This page is generated from the rules (`cargo test --test readme` keeps it current); `wasm-manifests explain CODE` prints the same text.\n",
    );
    let mut category = None;
    for doc in wasm_manifests::codes::all() {
        let prefix = doc.code.split_once('/').map_or("shared", |(p, _)| p);
        if category != Some(prefix) {
            category = Some(prefix);
            out.push_str(&format!("\n## {prefix}\n"));
        }
        out.push_str(&format!(
            "\n<a id=\"{}\"></a>\n\n### `{}`\n\n**{}** · {}",
            doc.anchor(),
            doc.code,
            doc.severity,
            doc.category.name()
        ));
        if !doc.aliases.is_empty() {
            let aliases: Vec<String> = doc.aliases.iter().map(|a| format!("`{a}`")).collect();
            out.push_str(&format!(" · formerly {}", aliases.join(", ")));
        }
        out.push_str(&format!(
            "\n\n{}\n\n{}\n\n```\n{}\n```\n\n**Fix:** {}\n",
            doc.summary,
            doc.why,
            doc.example.trim_end(),
            doc.fix
        ));
    }
    out
}

#[test]
fn the_codes_page_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md");
    let wanted = codes_page();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != wanted {
        if std::env::var_os("BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, wanted).unwrap();
        } else {
            panic!("docs/codes.md is out of date; run `BLESS=1 cargo test --test readme`");
        }
    }
    // Every documentation URL points at an anchor of the page.
    let page = std::fs::read_to_string(&path).unwrap();
    for doc in wasm_manifests::codes::all() {
        let anchor = doc
            .url()
            .rsplit_once('#')
            .map(|(_, a)| a.to_owned())
            .unwrap();
        assert!(
            page.contains(&format!("<a id=\"{anchor}\"></a>")),
            "{}",
            doc.code
        );
    }
}
