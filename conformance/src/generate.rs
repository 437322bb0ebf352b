//! Inputs for the benchmarks: generated manifests of any size (every entry
//! distinct and valid, so that the whole validation runs), fixed Extism
//! manifests, and the real manifests of the corpus.

use std::path::Path;

/// The texts of the manifests of `../shared/corpus/<dir>` (or of
/// `fixtures/<dir>/valid` when the corpus is absent), sorted by file name.
/// `workspace` is the root of this repository.
pub fn corpus(workspace: &Path, dir: &str) -> Vec<String> {
    let corpus = workspace.join("../shared/corpus").join(dir);
    let folder = if corpus.is_dir() {
        corpus
    } else {
        workspace.join("fixtures").join(dir).join("valid")
    };
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| {
        let name = p.to_string_lossy();
        (name.ends_with(".toml") || name.ends_with(".json")) && !name.ends_with(".model.json")
    });
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A realistic Extism manifest (751 bytes): two modules, limits, config,
/// hosts and paths.
pub const EXTISM_REALISTIC: &str = r#"{
  "wasm": [
    { "path": "plugins/transform.wasm", "name": "main", "hash": "15c66d72f683e0225c774134b42ba6e04275a7a56b0a522af538d029650f15a8" },
    { "url": "https://cdn.example.com/plugins/lib-1.4.2.wasm", "name": "lib", "hash": "93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476", "headers": { "Authorization": "Bearer abc123" } }
  ],
  "memory": { "max_pages": 256, "max_http_response_bytes": 1048576, "max_var_bytes": 4096 },
  "config": { "region": "eu-west-1", "mode": "strict", "retries": "3", "endpoint": "https://api.example.com/v2", "log_level": "info" },
  "allowed_hosts": ["api.example.com", "*.cdn.example.com", "auth.example.org"],
  "allowed_paths": { "ro:data": "/data", "cache": "/cache" },
  "timeout_ms": 5000
}"#;

/// [`EXTISM_REALISTIC`] with three warnings and no error: the library is
/// downloaded over plain `http` (`extism/insecure-url`) without a `hash`
/// (`extism/missing-hash`), and `*` is among the allowed hosts
/// (`extism/allows-all-hosts`).
pub fn extism_realistic_with_warnings() -> String {
    EXTISM_REALISTIC
        .replace(
            r#""url": "https://cdn.example.com/plugins/lib-1.4.2.wasm", "name": "lib", "hash": "93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476","#,
            r#""url": "http://cdn.example.com/plugins/lib-1.4.2.wasm", "name": "lib","#,
        )
        .replace(r#""auth.example.org"]"#, r#""auth.example.org", "*"]"#)
}

/// The smallest useful Extism manifest.
pub const EXTISM_MINIMAL: &str = r#"{"wasm":[{"path":"plugin.wasm"}]}"#;

/// An Extism manifest embedding a 256 KiB module as base64.
pub fn extism_with_data() -> String {
    use base64::Engine;
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    module.extend((0..256 * 1024 - 8).map(|i| (i * 31 % 251) as u8));
    let data = base64::engine::general_purpose::STANDARD.encode(&module);
    format!(
        "{{\"wasm\": [{{\"data\": \"{data}\", \"name\": \"main\"}}], \"memory\": {{\"max_pages\": 16}}}}"
    )
}

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
