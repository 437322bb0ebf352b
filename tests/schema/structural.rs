//! The fixtures whose reports have structural errors (`wrong-type`,
//! `missing-key`, `unknown-key` at error severity), each with the first of
//! them: the schemas must refuse each fixture at the same places.

/// `(fixture, the first structural error)`, in the order of the fixtures.
pub const FIXTURES: &[(&str, &str)] = &[
    (
        "extism/invalid/allows-all-hosts.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/host-never-matches.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/insecure-url.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/missing-hash.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/no-main-module-unnamed.toml",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/no-main-module.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/null-allowed-hosts.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/path-outside-package.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/unknown-key.json",
        "unknown-key at `/wasm/0/pth`: unknown key `pth` in `wasm[0]` (+5 more)",
    ),
    (
        "extism/invalid/vars-disabled.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "extism/invalid/wrong-type-request.json",
        "wrong-type at `/wasm/0/headers`: expected a map of header names to values, found null (+3 more)",
    ),
    (
        "extism/invalid/wrong-type-wasm-table.toml",
        "wrong-type at `/wasm`: expected a list of modules, found a table",
    ),
    (
        "extism/invalid/wrong-type-wasm.json",
        "wrong-type at `/wasm`: expected a list of modules, found an object (+2 more)",
    ),
    (
        "extism/invalid/wrong-type.json",
        "wrong-type at `/wasm/0`: expected a module entry, found a string (+9 more)",
    ),
    (
        "extism/invalid/zero-timeout.json",
        "wrong-type at `/config/retries`: expected a string, found an integer",
    ),
    (
        "flowlike/invalid/allows-all-hosts-empty-list.toml",
        "missing-key at `/nodes/0/category`: missing required key `category` in `nodes[0]`",
    ),
    (
        "flowlike/invalid/allows-all-hosts.toml",
        "wrong-type at `/permissions/timeout`: expected a tier name, found an integer",
    ),
    (
        "flowlike/invalid/authors-as-strings.toml",
        "wrong-type at `/authors/0`: expected a table, found a string",
    ),
    (
        "flowlike/invalid/authors.toml",
        "missing-key at `/authors/2/name`: missing required key `name` in `authors[2]`",
    ),
    (
        "flowlike/invalid/camel-case-keys.toml",
        "missing-key at `/manifest_version`: missing required key `manifest_version`",
    ),
    (
        "flowlike/invalid/json.json",
        "wrong-type at `/description`: expected a string, found null (+3 more)",
    ),
    (
        "flowlike/invalid/missing-keys.toml",
        "missing-key at `/id`: missing required key `id` (+3 more)",
    ),
    (
        "flowlike/invalid/nodes.toml",
        "missing-key at `/nodes/2/name`: missing required key `name` in `nodes[2]`",
    ),
    (
        "flowlike/invalid/unknown-keys.toml",
        "missing-key at `/description`: missing required key `description`",
    ),
    (
        "flowlike/invalid/wrong-types.toml",
        "wrong-type at `/manifest_version`: expected an integer, found a string (+8 more)",
    ),
    (
        "spin/invalid/component-single-brackets.toml",
        "wrong-type at `/component`: expected an array of tables (`[[component]]`), found a table",
    ),
    (
        "spin/invalid/deprecated-spin-version.toml",
        "unknown-key at `/namespace`: unknown key `namespace` at the top level",
    ),
    (
        "spin/invalid/duplicate-route.toml",
        "missing-key at `/component/4/trigger/route`: missing required key `route` in table `component[4].trigger` (+1 more)",
    ),
    (
        "spin/invalid/http-base-not-root.toml",
        "unknown-key at `/trigger/host`: unknown key `host` in `trigger`",
    ),
    (
        "spin/invalid/ignored-trigger-key.toml",
        "unknown-key at `/component/0/trigger/id`: unknown key `id` in `component[0].trigger`",
    ),
    (
        "spin/invalid/invalid-allowed-http-host.toml",
        "wrong-type at `/component/0/allowed_http_hosts/7`: expected a string, found an integer",
    ),
    (
        "spin/invalid/invalid-app-name.toml",
        "wrong-type at `/authors`: expected an array, found a string",
    ),
    (
        "spin/invalid/invalid-app-version.toml",
        "unknown-key at `/trigger/port`: unknown key `port` in `trigger`",
    ),
    (
        "spin/invalid/invalid-config-key.toml",
        "wrong-type at `/component/0/config/retries`: expected a string, found an integer",
    ),
    (
        "spin/invalid/invalid-executor.toml",
        "wrong-type at `/component/3/trigger/executor`: expected a table, found a string (+1 more)",
    ),
    (
        "spin/invalid/invalid-redis-address.toml",
        "missing-key at `/component/1/trigger/channel`: missing required key `channel` in table `component[1].trigger` (+1 more)",
    ),
    (
        "spin/invalid/invalid-registry-source.toml",
        "unknown-key at `/component/1/source/digest`: unknown key `digest` in `component[1].source` (+2 more)",
    ),
    (
        "spin/invalid/invalid-route.toml",
        "wrong-type at `/component/1/trigger/route`: expected a route string, found an integer (+1 more)",
    ),
    (
        "spin/invalid/invalid-source.toml",
        "wrong-type at `/component/2/source`: expected a path string or a table, found an integer (+2 more)",
    ),
    (
        "spin/invalid/invalid-store-label.toml",
        "wrong-type at `/component/1/key_value_stores`: expected an array, found a string",
    ),
    (
        "spin/invalid/missing-app-version.toml",
        "wrong-type at `/description`: expected a string, found an integer",
    ),
    (
        "spin/invalid/missing-http-base.toml",
        "missing-key at `/component/0/trigger/route`: missing required key `route` in table `component[0].trigger` (+1 more)",
    ),
    (
        "spin/invalid/missing-key.toml",
        "missing-key at `/name`: missing required key `name` (+5 more)",
    ),
    (
        "spin/invalid/missing-manifest-version.toml",
        "missing-key at `/spin_manifest_version`: missing required key `spin_manifest_version`",
    ),
    (
        "spin/invalid/missing-redis-address-with-component-addresses.toml",
        "missing-key at `/trigger/address`: missing required key `address` in table `trigger`",
    ),
    (
        "spin/invalid/missing-redis-address.toml",
        "missing-key at `/trigger/address`: missing required key `address` in table `trigger` (+1 more)",
    ),
    (
        "spin/invalid/mistakes-in-five-components.toml",
        "unknown-key at `/component/4/trigger/executor/timeout`: unknown key `timeout` in `component[4].trigger.executor`",
    ),
    (
        "spin/invalid/no-components.toml",
        "unknown-key at `/trigger/bsae`: unknown key `bsae` in `trigger`",
    ),
    (
        "spin/invalid/relative-files-destination.toml",
        "missing-key at `/component/0/files/1/destination`: missing required key `destination` in table `component[0].files[1]` (+2 more)",
    ),
    (
        "spin/invalid/route-without-leading-slash.toml",
        "missing-key at `/component/1/trigger/route`: missing required key `route` in table `component[1].trigger`",
    ),
    (
        "spin/invalid/unknown-key.toml",
        "unknown-key at `/application`: unknown key `application` at the top level (+7 more)",
    ),
    (
        "spin/invalid/unknown-trigger-type.toml",
        "missing-key at `/component/0/source`: missing required key `source` in table `component[0]`",
    ),
    (
        "spin/invalid/variable-without-value.toml",
        "unknown-key at `/variables/colour/defualt`: unknown key `defualt` in `variables.colour` (+1 more)",
    ),
    (
        "spin/invalid/wagi-custom-entrypoint.toml",
        "missing-key at `/component/1/trigger/executor/type`: missing required key `type` in table `component[1].trigger.executor`",
    ),
    (
        "spin/invalid/wrong-type.toml",
        "wrong-type at `/name`: expected a string, found an integer (+7 more)",
    ),
    (
        "spin-v2/invalid/build.toml",
        "unknown-key at `/component/b/build/env`: unknown key `env` in `component.b.build`",
    ),
    (
        "spin-v2/invalid/dependencies.toml",
        "missing-key at `/component/app/dependencies/my:dl/digest`: missing required key `digest` in table `component.app.dependencies.\"my:dl\"`",
    ),
    (
        "spin-v2/invalid/http-trigger-keys.toml",
        "missing-key at `/trigger/http/0/route`: missing required key `route` in table `trigger.http[0]`",
    ),
    (
        "spin-v2/invalid/missing-manifest-version.toml",
        "missing-key at `/spin_manifest_version`: missing required key `spin_manifest_version`",
    ),
    (
        "spin-v2/invalid/shape.toml",
        "unknown-key at `/name`: unknown key `name` at the top level (+3 more)",
    ),
    (
        "spin-v2/invalid/spin-version-key.toml",
        "unknown-key at `/spin_version`: unknown key `spin_version` at the top level",
    ),
    (
        "spin-v2/invalid/variables.toml",
        "wrong-type at `/variables/port`: expected a table, found an integer",
    ),
    (
        "wasmer/invalid/bindings-incomplete.toml",
        "missing-key at `/module/0/bindings/wit-exports`: missing required key `wit-exports` in table `module[0].bindings` (+1 more)",
    ),
    (
        "wasmer/invalid/fs-wrong-type.toml",
        "wrong-type at `/fs/~1app`: expected a string, found an integer (+1 more)",
    ),
    (
        "wasmer/invalid/invalid-dependency-version.toml",
        "wrong-type at `/dependencies/wasmer~1bash`: expected a string, found a table",
    ),
    (
        "wasmer/invalid/many-problems.toml",
        "wrong-type at `/command/0/runner`: expected a string, found an integer",
    ),
    (
        "wasmer/invalid/module-annotations.toml",
        "missing-key at `/module/0/annotations/suggested_compiler_optimizations`: missing required key `suggested_compiler_optimizations` in table `module[0].annotations` (+1 more)",
    ),
    (
        "wasmer/invalid/module-missing-keys.toml",
        "missing-key at `/module/0/name`: missing required key `name` in table `module[0]` (+1 more)",
    ),
    (
        "wasmer/invalid/module-single-brackets.toml",
        "wrong-type at `/module`: expected an array of tables (`[[module]]`), found a table",
    ),
    (
        "wasmer/invalid/v1-unknown-keys.toml",
        "unknown-key at `/command/0/main-args`: unknown key `main-args` in `command[0]` (+1 more)",
    ),
    (
        "wasmer/invalid/version-wrong-type.toml",
        "wrong-type at `/package/version`: expected a string, found a float",
    ),
    (
        "wasmer/invalid/wasi-annotations-wrong-types.toml",
        "wrong-type at `/command/0/annotations/wasi/main-args`: expected an array, found a string (+2 more)",
    ),
];

/// Fixtures with structural errors that are not TOML or JSON at all: an
/// editor shows the syntax error and no schema applies.
pub const UNPARSED: &[&str] = &["wasmer/invalid/syntax-errors.toml"];
