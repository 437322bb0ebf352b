//! The README's table of deliberate differences is generated from
//! `deliberate.toml`; this test keeps them in sync (`BLESS=1` rewrites it).

const START: &str = "<!-- conformance:start -->\n";
const END: &str = "<!-- conformance:end -->";

fn table() -> String {
    let mut out = String::from(
        "| format | difference | who refuses | why | spec rule |\n|---|---|---|---|---|\n",
    );
    for d in wasm_manifests_conformance::deliberate() {
        let who = match d.direction {
            wasm_manifests_conformance::Direction::WeReject => {
                let codes: Vec<String> = d.codes.iter().map(|c| format!("`{c}`")).collect();
                let mut who = format!("we ({})", codes.join(", "));
                if !d.paths.is_empty() {
                    let paths: Vec<String> = d.paths.iter().map(|p| format!("`{p}`")).collect();
                    who.push_str(&format!(" at {}", paths.join(", ")));
                }
                who
            }
            wasm_manifests_conformance::Direction::OfficialRejects => format!(
                "the official crate (\"{}\")",
                d.official_message.as_deref().unwrap_or("")
            ),
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            d.format,
            d.id,
            who.replace('|', "\\|"),
            d.reason.replace('|', "\\|"),
            d.spec.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn readme_conformance_table_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(START)
        .expect("README has the conformance:start marker")
        + START.len();
    let end = readme
        .find(END)
        .expect("README has the conformance:end marker");
    let wanted = table();
    if readme[start..end] != wanted {
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(
                &path,
                format!("{}{}{}", &readme[..start], wanted, &readme[end..]),
            )
            .unwrap();
        } else {
            panic!(
                "the README's conformance table is out of date; run `BLESS=1 cargo test -p wasm-manifests-conformance --test readme`"
            );
        }
    }
}
