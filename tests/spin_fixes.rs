//! The fixes Spin's rules offer: each one, applied, gives the manifest
//! the diagnostic asked for, and the diagnostic is gone; fixes that need
//! review are left out of a safe run; no fix is offered where it would be
//! wrong (a key written twice, a name already taken, a digest of the wrong
//! length).

use std::path::Path;

use wasm_manifests::fix::{self, Applicability};
use wasm_manifests::{Diagnostic, Format};

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    wasm_manifests::parse(text, Format::Spin)
        .into_report()
        .diagnostics()
        .to_vec()
}

/// The text with the fixes up to `applicability` made.
fn apply(text: &str, applicability: Applicability) -> String {
    fix::apply(text, &diagnostics(text), applicability).text
}

fn codes(text: &str) -> Vec<&'static str> {
    diagnostics(text).iter().map(|d| d.code).collect()
}

/// The fix of the one diagnostic of `code`.
fn fix_of(text: &str, code: &str) -> Option<fix::Fix> {
    let found: Vec<Diagnostic> = diagnostics(text)
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(found.len(), 1, "one `{code}` expected in:\n{text}");
    found[0].fix.clone()
}

/// Applies the safe fixes, checks that the result is `expected`, that the
/// diagnostic of `code` is gone and that a second run changes nothing.
fn assert_fixed(text: &str, code: &str, expected: &str) {
    assert!(codes(text).contains(&code), "no `{code}` in:\n{text}");
    let fixed = apply(text, Applicability::Safe);
    assert_eq!(fixed, expected);
    assert!(
        !codes(&fixed).contains(&code),
        "`{code}` is still there: {:?}",
        diagnostics(&fixed)
    );
    assert_eq!(apply(&fixed, Applicability::Safe), fixed, "not idempotent");
}

const V1_HEAD: &str = "spin_manifest_version = \"1\"\nname = \"app\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n";

fn v1(component: &str) -> String {
    format!("{V1_HEAD}[[component]]\nid = \"app\"\n{component}")
}

const V2_HEAD: &str =
    "spin_manifest_version = 2\n\n[application]\nname = \"app\"\nversion = \"1.0.0\"\n\n";

fn v2(rest: &str) -> String {
    format!("{V2_HEAD}{rest}")
}

fn v2_app(component: &str) -> String {
    v2(&format!(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\n\n[component.app]\n{component}"
    ))
}

const DIGEST: &str = "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8";

#[test]
fn the_starting_manifests_are_clean() {
    assert_eq!(
        codes(&v1(
            "source = \"app.wasm\"\n[component.trigger]\nroute = \"/\"\n"
        )),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes(&v2_app("source = \"app.wasm\"\n")),
        Vec::<&str>::new()
    );
}

#[test]
fn a_route_gets_its_leading_slash() {
    let text = v1("source = \"app.wasm\"\n[component.trigger]\nroute = \"hello\"\n");
    let expected = v1("source = \"app.wasm\"\n[component.trigger]\nroute = \"/hello\"\n");
    assert_fixed(&text, "spin/route-without-leading-slash", &expected);

    let text = v2(
        "[[trigger.http]]\nroute = 'api/...'\ncomponent = \"app\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    let expected = v2(
        "[[trigger.http]]\nroute = \"/api/...\"\ncomponent = \"app\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    assert_fixed(&text, "spin/route-without-leading-slash", &expected);
}

#[test]
fn a_bare_digest_gets_its_algorithm() {
    let source = |digest: &str| {
        format!("source = {{ url = \"https://example.com/app.wasm\", digest = \"{digest}\" }}\n")
    };
    let text = v2_app(&source(DIGEST));
    assert_fixed(
        &text,
        "spin/invalid-digest",
        &v2_app(&source(&format!("sha256:{DIGEST}"))),
    );
    // Upper case too, written in lower case at the same time.
    let text = v2_app(&source(&DIGEST.to_ascii_uppercase()));
    assert_fixed(
        &text,
        "spin/invalid-digest",
        &v2_app(&source(&format!("sha256:{DIGEST}"))),
    );
    // Version 1, with a trigger to satisfy.
    let trigger = "[component.trigger]\nroute = \"/\"\n";
    let text = v1(&format!("{}{trigger}", source(DIGEST)));
    let expected = v1(&format!("{}{trigger}", source(&format!("sha256:{DIGEST}"))));
    assert_fixed(&text, "spin/invalid-digest", &expected);
}

#[test]
fn an_upper_case_digest_is_written_in_lower_case() {
    let source = |digest: &str| {
        format!(
            "source = {{ url = \"https://example.com/app.wasm\", digest = \"sha256:{digest}\" }}\n"
        )
    };
    let mixed = format!("{}{}", &DIGEST[..32].to_ascii_uppercase(), &DIGEST[32..]);
    let text = v2_app(&source(&mixed));
    assert_fixed(&text, "spin/invalid-digest", &v2_app(&source(DIGEST)));
    // Only the hex digits are replaced, not the prefix.
    let fix = fix_of(&text, "spin/invalid-digest").expect("a fix");
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].replacement, DIGEST);
    assert_eq!(fix.applicability, Applicability::Safe);
}

#[test]
fn a_digest_that_is_not_certain_gets_no_fix() {
    let source = |digest: &str| {
        v2_app(&format!(
            "source = {{ url = \"https://example.com/app.wasm\", digest = \"{digest}\" }}\n"
        ))
    };
    for digest in [
        &DIGEST[1..],                                    // 63 digits, bare
        &format!("sha256:{}", &DIGEST[1..]),             // 63 digits
        &format!("md5:{DIGEST}"),                        // another algorithm
        &format!("sha256:{}g", &DIGEST[1..]),            // not hex
        &format!("sha256:{}", DIGEST.replace('1', "Z")), // not hex either
    ] {
        let text = source(digest);
        assert_eq!(fix_of(&text, "spin/invalid-digest"), None, "{digest}");
    }
}

#[test]
fn a_relative_destination_is_made_absolute() {
    let files = |destination: &str| {
        format!(
            "source = \"app.wasm\"\nfiles = [{{ source = \"assets\", destination = \"{destination}\" }}]\n"
        )
    };
    assert_fixed(
        &v2_app(&files("static")),
        "spin/relative-files-destination",
        &v2_app(&files("/static")),
    );
    let trigger = "[component.trigger]\nroute = \"/\"\n";
    assert_fixed(
        &v1(&format!("{}{trigger}", files("static"))),
        "spin/relative-files-destination",
        &v1(&format!("{}{trigger}", files("/static"))),
    );
}

#[test]
fn a_misspelt_version_1_trigger_type_is_corrected() {
    let text = V1_HEAD.replace("type = \"http\"", "type = \"htpp\"")
        + "[[component]]\nid = \"app\"\nsource = \"app.wasm\"\n[component.trigger]\nroute = \"/\"\n";
    let fixed = apply(&text, Applicability::Safe);
    assert!(fixed.contains("trigger = { type = \"http\", base = \"/\" }"));
    assert_eq!(codes(&fixed), Vec::<&str>::new());
}

#[test]
fn a_misspelt_version_2_trigger_type_is_renamed() {
    let text = v2(
        "[[trigger.htpp]]\nroute = \"/\"\ncomponent = \"app\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    let fixed = apply(&text, Applicability::Safe);
    assert_eq!(fixed, v2_app("source = \"app.wasm\"\n"));
    assert_eq!(codes(&fixed), Vec::<&str>::new());
}

#[test]
fn a_trigger_type_is_not_renamed_where_that_takes_more_than_one_edit() {
    // Two headers name the type: renaming one would split the triggers.
    let twice = v2(
        "[[trigger.htpp]]\nroute = \"/\"\ncomponent = \"app\"\n\n[[trigger.htpp]]\nroute = \"/b\"\ncomponent = \"app\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    assert_eq!(fix_of(&twice, "spin/unknown-trigger-type"), None);
    // A sub-table header repeats it.
    let nested = v2(
        "[[trigger.htpp]]\nroute = \"/\"\ncomponent = \"app\"\n[trigger.htpp.executor]\ntype = \"spin\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    assert_eq!(fix_of(&nested, "spin/unknown-trigger-type"), None);
    // `http` is taken: renaming would write the key twice.
    let taken = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\n\n[[trigger.htpp]]\nroute = \"/b\"\ncomponent = \"app\"\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    assert_eq!(fix_of(&taken, "spin/unknown-trigger-type"), None);
    // One inline array is one key.
    let inline = v2(
        "[trigger]\nhtpp = [{ route = \"/\", component = \"app\" }]\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    let fixed = apply(&inline, Applicability::Safe);
    assert!(fixed.contains("\nhttp = [{ route"), "{fixed}");
    assert_eq!(codes(&fixed), Vec::<&str>::new());
}

#[test]
fn a_misspelt_executor_is_corrected() {
    let text = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\nexecutor = { type = \"spn\" }\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    let expected = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\nexecutor = { type = \"spin\" }\n\n[component.app]\nsource = \"app.wasm\"\n",
    );
    assert_fixed(&text, "spin/invalid-executor", &expected);
}

#[test]
fn the_old_version_key_is_renamed() {
    let text = V1_HEAD.replace("spin_manifest_version", "spin_version")
        + "[[component]]\nid = \"app\"\nsource = \"app.wasm\"\n[component.trigger]\nroute = \"/\"\n";
    let fixed = apply(&text, Applicability::Safe);
    assert!(
        fixed.starts_with("spin_manifest_version = \"1\"\n"),
        "{fixed}"
    );
    assert_eq!(codes(&fixed), Vec::<&str>::new());

    let text = v2_app("source = \"app.wasm\"\n").replace("spin_manifest_version", "spin_version");
    assert_fixed(&text, "unknown-key", &v2_app("source = \"app.wasm\"\n"));
}

#[test]
fn both_version_keys_get_no_rename() {
    let text = format!(
        "spin_version = \"1\"\n{V1_HEAD}[[component]]\nid = \"app\"\nsource = \"app.wasm\"\n[component.trigger]\nroute = \"/\"\n"
    );
    assert_eq!(fix_of(&text, "spin/duplicate-manifest-version"), None);
    assert_eq!(apply(&text, Applicability::NeedsReview), text);
}

#[test]
fn a_version_2_component_config_becomes_variables() {
    let text = v2_app("source = \"app.wasm\"\n\n[component.app.config]\nmessage = \"hello\"\n");
    let expected =
        v2_app("source = \"app.wasm\"\n\n[component.app.variables]\nmessage = \"hello\"\n");
    assert_fixed(&text, "unknown-key", &expected);
    // Not when `variables` is there already.
    let both = v2_app(
        "source = \"app.wasm\"\nvariables = { a = \"1\" }\n\n[component.app.config]\nmessage = \"hello\"\n",
    );
    assert_eq!(fix_of(&both, "unknown-key"), None);
}

#[test]
fn a_misspelt_middleware_role_is_renamed() {
    let text = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\ndependencies.midleware = [{ component = \"auth\" }]\n\n[component.app]\nsource = \"app.wasm\"\n\n[component.auth]\nsource = \"auth.wasm\"\n",
    );
    let fixed = apply(&text, Applicability::Safe);
    assert!(
        fixed.contains("\ndependencies.middleware = [{ component = \"auth\" }]\n"),
        "{fixed}"
    );
    assert!(!codes(&fixed).contains(&"spin/invalid-trigger-dependency"));
    // With a `middleware` role there already, the other role is not renamed.
    let both = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"app\"\ndependencies.middleware = [{ component = \"auth\" }]\ndependencies.midleware = [{ component = \"auth\" }]\n\n[component.app]\nsource = \"app.wasm\"\n\n[component.auth]\nsource = \"auth.wasm\"\n",
    );
    assert_eq!(fix_of(&both, "spin/invalid-trigger-dependency"), None);
}

#[test]
fn grants_and_names_are_fixed_only_after_review() {
    let cases = [
        (
            v2_app(
                "source = \"app.wasm\"\nallowed_outbound_hosts = [\"http://ap.spin.internal\"]\n",
            ),
            "spin/unknown-service-chaining-target",
            "\"http://app.spin.internal\"",
        ),
        (
            v2_app(
                "source = \"app.wasm\"\ndependencies = { \"foo:bar\" = { version = \"1.0.0\", inherit_configuration = [\"ai_model\"] } }\n",
            ),
            "spin/unknown-capability",
            "[\"ai_models\"]",
        ),
        (
            v2_app("source = \"app.wasm\"\ndependencies = { My_Dep = { path = \"dep.wasm\" } }\n"),
            "spin/invalid-dependency-name",
            "{ my-dep = {",
        ),
    ];
    for (text, code, expected) in cases {
        let fix = fix_of(&text, code).unwrap_or_else(|| panic!("no fix for {code}"));
        assert_eq!(fix.applicability, Applicability::NeedsReview, "{code}");
        assert_eq!(apply(&text, Applicability::Safe), text, "{code}");
        let fixed = apply(&text, Applicability::NeedsReview);
        assert!(fixed.contains(expected), "{code}: {fixed}");
        assert!(!codes(&fixed).contains(&code), "{code}: {fixed}");
    }
}

#[test]
fn the_service_chaining_fix_edits_the_host_only() {
    // The id `http` is also the scheme's text: the host is edited.
    let text = v2(
        "[[trigger.http]]\nroute = \"/\"\ncomponent = \"https\"\n\n[component.https]\nsource = \"app.wasm\"\nallowed_outbound_hosts = [\"http://http.spin.internal\"]\n",
    );
    let fixed = apply(&text, Applicability::NeedsReview);
    assert!(
        fixed.contains("[\"http://https.spin.internal\"]"),
        "{fixed}"
    );
}

/// Every safe fix offered on a Spin fixture removes its diagnostic, adds
/// no diagnostic of another code, and a second run has nothing left to do.
#[test]
fn safe_fixes_on_the_fixtures_round_trip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut seen = 0;
    for folder in ["spin", "spin-v2"] {
        let dir = root.join(folder).join("invalid");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixture folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            // Fixtures of bytes that are not UTF-8 have nothing to fix.
            let Ok(text) = String::from_utf8(std::fs::read(&path).expect("fixture")) else {
                continue;
            };
            let before = diagnostics(&text);
            let fixed = fix::apply(&text, &before, Applicability::Safe);
            if fixed.applied.is_empty() {
                continue;
            }
            seen += fixed.applied.len();
            assert_eq!(fixed.skipped, 0, "{}: fixes overlap", path.display());
            let after = diagnostics(&fixed.text);
            let count = |list: &[Diagnostic], code: &str, safe: bool| {
                list.iter()
                    .filter(|d| d.code == code)
                    .filter(|d| {
                        !safe
                            || d.fix
                                .as_ref()
                                .is_some_and(|f| f.applicability == Applicability::Safe)
                    })
                    .count()
            };
            // Per code: each safe fix removed one diagnostic, and none came.
            for d in &after {
                let left = count(&before, d.code, false) - count(&before, d.code, true);
                assert!(
                    count(&after, d.code, false) <= left,
                    "{}: after the fixes, `{}` is new or still there: {}\n{}",
                    path.display(),
                    d.code,
                    d.message,
                    fixed.text
                );
            }
            assert_eq!(
                apply(&fixed.text, Applicability::Safe),
                fixed.text,
                "{}: a second run changes the text",
                path.display()
            );
        }
    }
    assert!(seen > 0, "no fixture has a safe fix");
}
