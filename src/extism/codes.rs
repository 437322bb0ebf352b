//! Diagnostic codes specific to the Extism manifest.

use crate::codes::{Category, Rule};

pub(crate) static NO_WASM: Rule = Rule::error("extism/no-wasm")
    .category(Category::Correctness)
    .doc(
        "`wasm` is absent or an empty list.",
        "The official crate reads a missing `wasm` as an empty list, and the runtime then refuses to create the plug-in: \"No wasm files specified in Extism manifest\".",
        "{ \"memory\": { \"max_pages\": 4 } }",
        "Add the module: `\"wasm\": [{ \"path\": \"plugin.wasm\" }]`.",
    );

pub(crate) static INVALID_WASM_SOURCE: Rule = Rule::error("extism/invalid-wasm-source")
    .category(Category::Correctness)
    .doc(
        "A `wasm` entry with none, or more than one, of `path`, `data` and `url`.",
        "The official crate tries each kind of source in turn and, when none fits, fails with the opaque \"data did not match any variant of untagged enum Wasm\". The report names the keys it found.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\", \"url\": \"https://example.com/plugin.wasm\" }] }",
        "Give each entry exactly one source: `path` for a file, `data` for the module as base64, or `url` to download it.",
    );

pub(crate) static NESTED_REQUEST: Rule = Rule::error("extism/nested-request")
    .category(Category::Correctness)
    .doc(
        "A `wasm` entry that nests its download as `{ \"req\": { \"url\", \"headers\", \"method\" } }`.",
        "An old version of the manifest documentation shows this nesting, but no Extism release ever accepted it: `url`, `headers` and `method` sit directly in the wasm entry. The help shows the entry rewritten.",
        "{ \"wasm\": [{ \"req\": { \"url\": \"https://example.com/plugin.wasm\" }, \"name\": \"main\" }] }",
        "Move `url`, `headers` and `method` up into the entry: `{ \"url\": \"https://example.com/plugin.wasm\", \"name\": \"main\" }`.",
    );

pub(crate) static DATA_POINTER: Rule = Rule::error("extism/data-pointer")
    .category(Category::Correctness)
    .doc(
        "`data` written as `{ \"ptr\": .., \"len\": .. }` instead of base64 text.",
        "This form exists for hosts that pass a manifest to the runtime inside one process: the official crate copies `len` bytes from the raw memory address `ptr`. In a manifest file it reads arbitrary process memory, so it is never honoured here.",
        "{ \"wasm\": [{ \"data\": { \"ptr\": 4096, \"len\": 1024 } }] }",
        "Embed the module as base64 text (`\"data\": \"AGFzbQEAAAA...\"`), or refer to it with `path` or `url`.",
    );

pub(crate) static INVALID_BASE64: Rule = Rule::error("extism/invalid-base64")
    .category(Category::Correctness)
    .doc(
        "`data` is not standard, padded base64.",
        "The official crate decodes `data` with the standard alphabet and required padding; any mistake is swallowed into \"data did not match any variant of untagged enum Wasm\", without saying where.",
        "{ \"wasm\": [{ \"data\": \"AGFzbQEAAAA\" }] }",
        "Encode the module again with standard base64 (`A-Z a-z 0-9 + /`, padded with `=`), e.g. `base64 -w0 plugin.wasm`.",
    );

pub(crate) static NOT_WASM: Rule = Rule::error("extism/not-wasm")
    .category(Category::Correctness)
    .doc(
        "`data` decodes to bytes that are neither a WebAssembly binary nor WebAssembly text.",
        "The runtime compiles the decoded bytes as a module and fails. A common cause is base64 applied twice, or the base64 of a file path instead of the file.",
        "{ \"wasm\": [{ \"data\": \"aGVsbG8=\" }] }",
        "Encode the `.wasm` file itself, once.",
    );

pub(crate) static INVALID_URL: Rule = Rule::error("extism/invalid-url")
    .category(Category::Correctness)
    .doc(
        "A wasm `url` that is not an absolute `http` or `https` URL.",
        "The runtime downloads the module with an HTTP client, which refuses relative URLs and other schemes.",
        "{ \"wasm\": [{ \"url\": \"example.com/plugin.wasm\" }] }",
        "Write the full URL, with `https://`; use `path` for a local file.",
    );

pub(crate) static INSECURE_URL: Rule = Rule::warning("extism/insecure-url")
    .category(Category::Correctness)
    .doc(
        "A wasm `url` that uses plain `http`.",
        "The runtime downloads and runs whatever the server (or anyone on the way) sends; without TLS, and without a `hash`, the code can be replaced in transit.",
        "{ \"wasm\": [{ \"url\": \"http://example.com/plugin.wasm\" }] }",
        "Use `https://`, and pin the module with `hash`.",
    );

pub(crate) static INVALID_METHOD: Rule = Rule::error("extism/invalid-method")
    .category(Category::Correctness)
    .doc(
        "A wasm download `method` that is not an HTTP method token.",
        "The runtime upper-cases the method and builds the request with it; a method with spaces or other separators makes the request fail.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\", \"method\": \"GET /\" }] }",
        "Use a method such as `GET` (the default) or `POST`, or remove `method`.",
    );

pub(crate) static INVALID_HEADER: Rule = Rule::error("extism/invalid-header")
    .category(Category::Correctness)
    .doc(
        "A wasm download header whose name is not an HTTP token, or whose value contains control characters.",
        "The runtime adds each header to the download request; an invalid name or value makes the request fail before it is sent.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\", \"headers\": { \"X API Key\": \"secret\" } }] }",
        "Use a header name made of letters, digits and `-` (e.g. `X-Api-Key`), and a value on one line.",
    );

pub(crate) static INVALID_HASH: Rule = Rule::error("extism/invalid-hash")
    .category(Category::Correctness)
    .doc(
        "A wasm `hash` that is not 64 lower-case hex digits.",
        "The runtime computes the SHA-256 of the module as lower-case hex and compares it with `hash` as text, so any other spelling (upper case, a `sha256:` prefix, another digest) never matches: \"Hash mismatch, found X but expected Y\".",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\", \"hash\": \"sha256:15c66d72...\" }] }",
        "Write the lower-case hex SHA-256 of the module, e.g. the first word of `sha256sum plugin.wasm`.",
    );

pub(crate) static MISSING_HASH: Rule = Rule::warning("extism/missing-hash")
    .category(Category::Correctness)
    .doc(
        "A module downloaded from a `url` without a `hash`.",
        "The runtime runs whatever the server returns; without a digest, a changed or compromised file is loaded silently.",
        "{ \"wasm\": [{ \"url\": \"https://example.com/plugin.wasm\" }] }",
        "Add `\"hash\": \"<sha256 of the module>\"`.",
    );

pub(crate) static DUPLICATE_MODULE_NAME: Rule = Rule::error("extism/duplicate-module-name")
    .category(Category::Correctness)
    .doc(
        "Two modules end up with the same name, counting the names the runtime gives: an unnamed module is called `main`, and `extism:host/env` is taken by the runtime's own functions.",
        "The runtime refuses the plug-in: \"Duplicate module name found in Extism manifest\". Two unnamed modules are such a duplicate, since both are called `main`.",
        "{ \"wasm\": [{ \"path\": \"a.wasm\" }, { \"path\": \"b.wasm\" }] }",
        "Give every module its own `name`; call the one the host calls into `main`.",
    );

pub(crate) static NO_MAIN_MODULE: Rule = Rule::warning("extism/no-main-module")
    .category(Category::Correctness)
    .doc(
        "Several modules, and none is explicitly named `main`.",
        "The runtime then picks the main module itself: the first unnamed module, or else the last one, which it renames `main` (so other modules can no longer import from it by its name). The warning says which module it picks.",
        "{ \"wasm\": [{ \"path\": \"lib.wasm\", \"name\": \"lib\" }, { \"path\": \"app.wasm\", \"name\": \"app\" }] }",
        "Name the module whose functions the host calls `\"name\": \"main\"`.",
    );

pub(crate) static TOO_MANY_PAGES: Rule = Rule::error("extism/too-many-pages")
    .category(Category::Correctness)
    .doc(
        "`memory.max_pages` above 65536.",
        "A page is 64 KiB and a 32-bit WebAssembly memory holds at most 65536 of them (4 GiB); a larger limit cannot be reached and usually means the value was written in bytes or KiB.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"memory\": { \"max_pages\": 1048576 } }",
        "Write the limit in 64 KiB pages: 16 pages are 1 MiB, 65536 are 4 GiB.",
    );

pub(crate) static OUT_OF_RANGE: Rule = Rule::error("extism/out-of-range")
    .category(Category::Correctness)
    .doc(
        "A number that is negative or too large for its field (`timeout_ms`, `memory.*`).",
        "The official crate reads these as unsigned integers (`max_pages` as 32 bits, the others as 64 bits) and refuses the manifest otherwise.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"timeout_ms\": -1 }",
        "Use a non-negative whole number, or remove the key.",
    );

pub(crate) static VARS_DISABLED: Rule = Rule::warning("extism/vars-disabled")
    .category(Category::Correctness)
    .doc(
        "`memory.max_var_bytes` is 0, which turns plug-in variables off.",
        "With 0 the runtime fails every `var_set` call of the plug-in with \"Vars are disabled by this host\"; plug-ins that keep state in variables stop working.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"memory\": { \"max_var_bytes\": 0 } }",
        "Keep it if the plug-in must not use variables; otherwise remove the key (1 MiB by default) or give a size in bytes.",
    );

pub(crate) static INVALID_HOST_PATTERN: Rule = Rule::error("extism/invalid-host-pattern")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry that is not a valid glob pattern.",
        "The runtime matches each entry as a glob pattern against the request's host name; when the pattern does not parse it silently falls back to comparing the text as is, so wildcards in it match nothing.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"[a-z.example.com\"] }",
        "Fix the pattern: `*` matches any text, `?` one character, `[abc]` one of a set (close every `[`).",
    );

pub(crate) static HOST_NEVER_MATCHES: Rule = Rule::warning("extism/host-never-matches")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry that no request can match: it has a scheme, a port, a path, upper-case or non-ASCII letters, or surrounding spaces.",
        "The runtime compares the entry with the request URL's host name only, which is lower-case ASCII without scheme, port or path; such an entry silently allows nothing.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"https://api.example.com\"] }",
        "Write the host name only, in lower case: `api.example.com` (or `*.example.com`).",
    );

pub(crate) static ALLOW_ALL_HOSTS: Rule = Rule::warning("extism/allow-all-hosts")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry such as `*` that matches every host.",
        "The plug-in may then send HTTP requests anywhere, including to internal services of the host's network.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": [\"*\"] }",
        "List the hosts the plug-in needs, e.g. `[\"api.example.com\"]`.",
    );

pub(crate) static NULL_ALLOWED_HOSTS: Rule = Rule::warning("extism/null-allowed-hosts")
    .category(Category::Correctness)
    .doc(
        "`allowed_hosts` is `null`.",
        "The manifest documentation once said `null` allows every host, but since Extism 0.4 the runtime denies every host for `null`, exactly as for `[]` or an absent key. Writers of `null` usually expect the opposite of what happens.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"allowed_hosts\": null }",
        "Write `[]` (or remove the key) to deny every host, or list the hosts the plug-in may contact.",
    );

pub(crate) static ZERO_TIMEOUT: Rule = Rule::warning("extism/zero-timeout")
    .category(Category::Correctness)
    .doc(
        "`timeout_ms` is 0.",
        "The runtime interrupts every call once `timeout_ms` milliseconds have passed, so with 0 calls are cancelled as soon as they start.",
        "{ \"wasm\": [{ \"path\": \"plugin.wasm\" }], \"timeout_ms\": 0 }",
        "Give a real limit in milliseconds, or remove the key for no limit.",
    );

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &NO_WASM,
    &INVALID_WASM_SOURCE,
    &NESTED_REQUEST,
    &DATA_POINTER,
    &INVALID_BASE64,
    &NOT_WASM,
    &INVALID_URL,
    &INSECURE_URL,
    &INVALID_METHOD,
    &INVALID_HEADER,
    &INVALID_HASH,
    &MISSING_HASH,
    &DUPLICATE_MODULE_NAME,
    &NO_MAIN_MODULE,
    &TOO_MANY_PAGES,
    &OUT_OF_RANGE,
    &VARS_DISABLED,
    &INVALID_HOST_PATTERN,
    &HOST_NEVER_MATCHES,
    &ALLOW_ALL_HOSTS,
    &NULL_ALLOWED_HOSTS,
    &ZERO_TIMEOUT,
];
