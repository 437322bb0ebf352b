//! Generated manifests of any size, for the benchmarks: every entry
//! distinct and valid, so that the whole validation runs.

/// A wasmer.toml with `n` modules and `n` commands.
pub fn wasmer(n: usize) -> String {
    let mut text = String::from(
        "[package]\nname = \"acme/tools\"\nversion = \"1.0.0\"\ndescription = \"Many tools\"\nentrypoint = \"tool-0\"\n\n[dependencies]\n\"wasmer/python\" = \"^3.12\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[module]]\nname = \"tool-{i}\"\nsource = \"target/wasm32-wasip1/release/tool_{i}.wasm\"\nabi = \"wasi\"\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "\n[[command]]\nname = \"tool-{i}\"\nmodule = \"tool-{i}\"\nrunner = \"wasi\"\n\n[command.annotations.wasi]\nmain-args = [\"--verbose\"]\nenv = [\"RUST_LOG=info\"]\n"
        ));
    }
    text
}

/// A spin.toml with `n` HTTP components.
pub fn spin(n: usize) -> String {
    let mut text = String::from(
        "spin_manifest_version = \"1\"\nname = \"many\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }\n\n[variables]\ntoken = { required = true, secret = true }\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[component]]\nid = \"api-n{i}\"\nsource = \"target/wasm32-wasip1/release/api_{i}.wasm\"\nallowed_outbound_hosts = [\"https://api-{i}.example.com\", \"redis://cache.example.com:6379\"]\nfiles = [{{ source = \"static/{i}\", destination = \"/static\" }}]\nkey_value_stores = [\"default\"]\n[component.config]\ntoken = \"Bearer {{{{ token }}}}\"\n[component.trigger]\nroute = \"/api/{i}/...\"\n"
        ));
    }
    text
}

/// An Extism manifest with `n` modules (the last named `main`).
pub fn extism(n: usize) -> String {
    let entries: Vec<String> = (0..n)
        .map(|i| {
            let name = if i + 1 == n { "main".to_owned() } else { format!("lib{i}") };
            format!(
                "    {{ \"path\": \"plugins/m{i}.wasm\", \"name\": \"{name}\", \"hash\": \"15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8\" }}"
            )
        })
        .collect();
    format!(
        "{{\n  \"wasm\": [\n{}\n  ],\n  \"memory\": {{ \"max_pages\": 256 }},\n  \"allowed_hosts\": [\"api.example.com\"],\n  \"timeout_ms\": 5000\n}}\n",
        entries.join(",\n")
    )
}

/// A Flow-Like manifest with `n` nodes.
pub fn flowlike(n: usize) -> String {
    let mut text = String::from(
        "manifest_version = 1\nid = \"com.example.many\"\nname = \"Many\"\nversion = \"1.0.0\"\ndescription = \"Many nodes\"\n\n[permissions.network]\nhttp_enabled = true\nallowed_hosts = [\"api.example.com\"]\n\n[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = [\"https://www.googleapis.com/auth/drive.readonly\"]\nreason = \"Reads your files\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[nodes]]\nid = \"node_{i}\"\nname = \"Node {i}\"\ndescription = \"Does step {i}\"\ncategory = \"Tools/Batch\"\noauth_providers = [\"google\"]\n"
        ));
    }
    text
}
