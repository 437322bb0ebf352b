//! The grammars the schemas give as patterns (names, ids, versions,
//! digests, base64) agree with the checks the checker makes in code: for
//! each sample, the schema refuses the manifest exactly when the checker
//! reports the rule's error.

use super::{Validators, document_of_text};
use wasm_manifests::{Format, Severity};

struct Case {
    code: &'static str,
    format: Format,
    /// The manifest, with `@` where the sample goes.
    template: &'static str,
    samples: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        code: "wasmer/invalid-package-name",
        format: Format::Wasmer,
        template: "[package]\nname = \"@\"\nversion = \"1.0.0\"\ndescription = \"x\"\n",
        samples: &[
            "me/tool",
            "tool",
            "A1/b.c-d_e",
            "Me/Tool",
            "1me/tool",
            "me/1tool",
            "my org/tool",
            "me/to/ol",
            "",
            "me/",
            "/tool",
            "me:tool",
        ],
    },
    Case {
        code: "wasmer/invalid-dependency-name",
        format: Format::Wasmer,
        template: "[dependencies]\n\"@\" = \"^1\"\n",
        samples: &[
            "wasmer/python",
            "a_b/C-d",
            "python",
            "a/b/c",
            "a./b",
            "/b",
            "a/",
            "a b/c",
        ],
    },
    Case {
        code: "wasmer/invalid-module-reference",
        format: Format::Wasmer,
        template: "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"wasi\"\n[[command]]\nname = \"c\"\nmodule = \"@\"\nrunner = \"wasi\"\n",
        samples: &["m", "a/b:m", "a:b:c", "::", ":m"],
    },
    Case {
        code: "wasmer/invalid-env",
        format: Format::Wasmer,
        template: "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n[[command]]\nname = \"m\"\nmodule = \"m\"\nrunner = \"wasi\"\n[command.annotations.wasi]\nenv = [\"@\"]\n",
        samples: &["A=1", "A=", "A==b", "A", "=1", ""],
    },
    Case {
        code: "wasmer/unknown-module-kind",
        format: Format::Wasmer,
        template: "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nkind = \"@\"\n",
        samples: &[
            "wasm",
            "tensorflow-SavedModel",
            "https://example.com/kind",
            "urn:kind",
            "webassembly",
            "WASM",
            "",
        ],
    },
    Case {
        code: "spin/invalid-component-id",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"@\"\n[component.\"@\"]\nsource = \"a.wasm\"\n",
        samples: &[
            "hello", "my-app", "API-v1", "MY-WEB", "a1", "my_app", "myApp", "Api-v1", "1abc",
            "a--b", "-a", "a-", "api.v1",
        ],
    },
    Case {
        code: "spin/invalid-component-id",
        format: Format::Spin,
        template: "spin_manifest_version = \"1\"\nname = \"a\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n[[component]]\nid = \"@\"\nsource = \"a.wasm\"\n[component.trigger]\nroute = \"/\"\n",
        samples: &[
            "hello", "rust_me", "MyApp", "MY_COMP", "API-v1", "1abc", "api.v1", "a--b", "a_-b",
            "a_",
        ],
    },
    Case {
        code: "spin/invalid-variable-name",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[variables]\n\"@\" = { default = \"x\" }\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = \"a.wasm\"\n",
        samples: &[
            "api_key", "v2", "a_1b", "HELLO", "hell-o", "my__var", "1var", "Var", "a_",
        ],
    },
    Case {
        code: "spin/invalid-store-label",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = \"a.wasm\"\nkey_value_stores = [\"@\"]\n",
        samples: &[
            "default",
            "my-store",
            "my_store",
            "MY_STORE",
            "MY-STORE",
            "a1",
            "my-st_ore",
            "a.b",
            "1a",
            "MyStore",
            "",
        ],
    },
    Case {
        code: "spin/invalid-dependency-name",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = \"a.wasm\"\n[component.a.dependencies]\n\"@\" = { path = \"dep.wasm\" }\n",
        samples: &[
            "wasi:http",
            "wasi:http/handler@0.2.0",
            "foo:bar@1.0.0-rc.1+b.2",
            "foo:bar/API-v1",
            "my-dep",
            "Foo:bar",
            "foo/bar",
            "foo:bar@1",
            "foo:bar/Api",
            "foo:b_ar",
            "my_dep",
            "foo:bar@01.0.0",
        ],
    },
    Case {
        code: "spin/invalid-digest",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = { url = \"https://example.com/a.wasm\", digest = \"@\" }\n",
        samples: &[
            "sha256:15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8",
            "sha256:15C66D72F683E0225C774134B42BA6E04275A7A56B0A522AF538D029650F15A8",
            "md5:15c66d72f683e0225c774134b42ba6e0",
            "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8",
        ],
    },
    Case {
        code: "spin/invalid-registry-source",
        format: Format::Spin,
        template: "spin_manifest_version = 2\n[application]\nname = \"a\"\n[[trigger.http]]\nroute = \"/\"\ncomponent = \"a\"\n[component.a]\nsource = { package = \"@\", version = \"1.0.0\" }\n",
        samples: &[
            "my-org:hello",
            "a1:b2",
            "hello",
            "My:hello",
            "a:b:c",
            "a_b:c",
            ":c",
        ],
    },
    Case {
        code: "extism/invalid-hash",
        format: Format::Extism,
        template: "{ \"wasm\": [{ \"path\": \"a.wasm\", \"hash\": \"@\" }] }",
        samples: &[
            "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8",
            "15C66D72F683E0225C774134B42BA6E04275A7A56B0A522AF538D029650F15A8",
            "sha256:15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8",
            "15c66d",
        ],
    },
    Case {
        code: "extism/invalid-base64",
        format: Format::Extism,
        template: "{ \"wasm\": [{ \"data\": \"@\" }] }",
        samples: &[
            "AGFzbQEAAAA=",
            "AGFzbQEAAAB=",
            "AGFzbQEAAAA",
            "AG-zbQEAAAA=",
            "AGFz bQEAAAA=",
            "AGFzbQ==",
            "AGFzbR==",
            "=AGFzbQEAAAA",
        ],
    },
    Case {
        code: "extism/invalid-method",
        format: Format::Extism,
        template: "{ \"wasm\": [{ \"url\": \"https://example.com/a.wasm\", \"hash\": \"15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8\", \"method\": \"@\" }] }",
        samples: &["GET", "post", "M-SEARCH", "GET /", "", "G\\tET"],
    },
    Case {
        code: "extism/invalid-header",
        format: Format::Extism,
        template: "{ \"wasm\": [{ \"url\": \"https://example.com/a.wasm\", \"hash\": \"15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8\", \"headers\": { \"@\": \"v\" } }] }",
        samples: &["Authorization", "X-Api-Key", "X API Key", "", "a:b"],
    },
    Case {
        code: "flow-like/unknown-memory-tier",
        format: Format::FlowLike,
        template: "manifest_version = 1\nid = \"com.example.a\"\nname = \"A\"\nversion = \"1.0.0\"\ndescription = \"x\"\n[permissions]\nmemory = \"@\"\n",
        samples: &["standard", "huge", "maximum", "Standard", "giant", ""],
    },
    Case {
        code: "flow-like/unknown-category",
        format: Format::FlowLike,
        template: "manifest_version = 1\nid = \"com.example.a\"\nname = \"A\"\nversion = \"1.0.0\"\ndescription = \"x\"\nprimary_category = \"@\"\n",
        samples: &["AI_ML", "IOT_INDUSTRIAL", "ai_ml", "AI", ""],
    },
];

#[test]
fn patterns_agree_with_the_checker() {
    let validators = Validators::new();
    let mut failures = Vec::new();
    for case in CASES {
        let (mut accepted, mut refused) = (0, 0);
        for sample in case.samples {
            let text = case.template.replace('@', sample);
            let parsed = wasm_manifests::parse(&text, case.format);
            let checker_refuses = parsed
                .report()
                .diagnostics()
                .iter()
                .any(|d| d.code == case.code && d.severity == Severity::Error);
            let Some(document) = document_of_text(&text, case.format == Format::Extism) else {
                failures.push(format!(
                    "{}: the manifest for {sample:?} does not parse",
                    case.code
                ));
                continue;
            };
            let problems = validators.problems(case.format, &document);
            let schema_refuses = !problems.is_empty();
            if checker_refuses != schema_refuses {
                failures.push(format!(
                    "{}: {sample:?}: the checker {}, the schema {}",
                    case.code,
                    if checker_refuses {
                        "refuses it"
                    } else {
                        "accepts it"
                    },
                    if schema_refuses {
                        format!("refuses it:\n    {}", problems.join("\n    "))
                    } else {
                        "accepts it".to_owned()
                    }
                ));
            }
            if checker_refuses {
                refused += 1;
            } else {
                accepted += 1;
            }
        }
        assert!(
            accepted > 0 && refused > 0,
            "{}: the samples must include accepted and refused values",
            case.code
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
