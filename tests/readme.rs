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
