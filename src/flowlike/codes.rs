//! Diagnostic codes specific to the Flow-Like format.

use crate::codes::{Category, Rule};

pub(crate) static INVALID_MANIFEST_VERSION: Rule = Rule::error("flow-like/invalid-manifest-version")
    .category(Category::Correctness)
    .doc(
        "`manifest_version` is negative or larger than 4294967295.",
        "Flow-Like reads `manifest_version` as an unsigned 32-bit integer and refuses the whole manifest when the number does not fit.",
        "manifest_version = -1",
        "Write `manifest_version = 1`.",
    );

pub(crate) static UNSUPPORTED_MANIFEST_VERSION: Rule = Rule::warning("flow-like/unsupported-manifest-version")
    .category(Category::Correctness)
    .doc(
        "`manifest_version` is not `1`, the only version Flow-Like defines.",
        "Flow-Like never looks at the number, so the manifest is read as version 1 whatever it says; a different number suggests a manifest written for another tool or a future schema.",
        "manifest_version = 2",
        "Write `manifest_version = 1`.",
    );

pub(crate) static EMPTY_REQUIRED_FIELD: Rule = Rule::error("flow-like/empty-required-field")
    .category(Category::Correctness)
    .doc(
        "The package `id`, `name` or `version` is an empty string.",
        "The key is present, so the manifest loads, but the checks Flow-Like runs before publishing refuse a package whose id, name or version is empty.",
        "id = \"\"",
        "Fill in the value: `id = \"com.example.my-package\"`, a display name, a version such as `\"0.1.0\"`.",
    );

pub(crate) static INVALID_ID_CHARACTER: Rule = Rule::error("flow-like/invalid-id-character")
    .category(Category::Correctness)
    .doc(
        "The package `id` has characters other than ASCII letters, digits, `.`, `_` and `-`.",
        "Package ids end up in registry URLs and storage paths; later Flow-Like versions refuse ids with other characters.",
        "id = \"com.example/my package\"",
        "Use only letters, digits, `.`, `_` and `-`: `id = \"com.example.my-package\"`.",
    );

pub(crate) static ID_NOT_REVERSE_DOMAIN: Rule = Rule::warning("flow-like/id-not-reverse-domain")
    .category(Category::Correctness)
    .doc(
        "The package `id` is not in reverse-domain style (`com.example.name`).",
        "Flow-Like accepts any id, but its documentation asks for reverse-domain ids so that packages of different authors cannot collide in the registry.",
        "id = \"my-package\"",
        "Prefix the id with a domain you control, reversed: `id = \"com.example.my-package\"` or `io.github.<user>.my-package`.",
    );

pub(crate) static NON_SEMVER_VERSION: Rule = Rule::warning("flow-like/non-semver-version")
    .category(Category::Correctness)
    .doc(
        "`version` or `min_flow_like_version` is not a semantic version (`MAJOR.MINOR.PATCH`).",
        "Flow-Like stores versions as plain text and never checks them, but the registry sorts and compares versions, and its documentation asks for semver; `1.0` or `v1.0.0` compare wrongly.",
        "version = \"1.0\"",
        "Write all three numbers without a prefix: `version = \"1.0.0\"`.",
    );

pub(crate) static EMPTY_DESCRIPTION: Rule = Rule::warning("flow-like/empty-description")
    .category(Category::Correctness)
    .doc(
        "The package `description` is empty.",
        "Flow-Like requires the key but accepts an empty value; the registry then lists the package with no description.",
        "description = \"\"",
        "Describe in one sentence what the package's nodes do.",
    );

pub(crate) static INVALID_WASM_HASH: Rule = Rule::warning("flow-like/invalid-wasm-hash")
    .category(Category::Correctness)
    .doc(
        "`wasm_hash` is not a SHA-256 digest written as 64 hex digits (optionally prefixed with `sha256:`).",
        "The documentation calls `wasm_hash` a SHA-256 digest for integrity checks; Flow-Like itself does not compare it, so a malformed value goes unnoticed until someone verifies the package.",
        "wasm_hash = \"abc123\"",
        "Write the full digest, e.g. the output of `sha256sum node.wasm`, or remove the key.",
    );

pub(crate) static INVALID_EMAIL: Rule = Rule::warning("flow-like/invalid-email")
    .category(Category::Correctness)
    .doc(
        "An author's `email` does not look like an email address.",
        "Flow-Like stores the text as it is; the registry shows it as a contact address, which then leads nowhere.",
        "[[authors]]\nname = \"Jane\"\nemail = \"Jane <jane@example.com>\"",
        "Write only the address: `email = \"jane@example.com\"`.",
    );

pub(crate) static UNKNOWN_MEMORY_TIER: Rule = Rule::error("flow-like/unknown-memory-tier")
    .category(Category::Correctness)
    .doc(
        "`permissions.memory` is not one of the memory tiers `minimal`, `light`, `standard`, `heavy`, `intensive`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a different case such as `Standard`, makes it refuse the whole manifest.",
        "[permissions]\nmemory = \"huge\"",
        "Use one of the tier names, in lower case: `minimal` (16 MiB), `light` (32 MiB), `standard` (64 MiB), `heavy` (128 MiB) or `intensive` (256 MiB).",
    );

pub(crate) static UNKNOWN_TIMEOUT_TIER: Rule = Rule::error("flow-like/unknown-timeout-tier")
    .category(Category::Correctness)
    .doc(
        "`permissions.timeout` is not one of the timeout tiers `quick`, `standard`, `extended`, `long_running`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a number of seconds or a different case, makes it refuse the whole manifest.",
        "[permissions]\ntimeout = \"5min\"",
        "Use one of the tier names: `quick` (5 s), `standard` (30 s), `extended` (60 s) or `long_running` (5 min).",
    );

pub(crate) static ALL_HOSTS_ALLOWED: Rule = Rule::warning("flow-like/all-hosts-allowed")
    .category(Category::Correctness)
    .doc(
        "`http_enabled` is true and `allowed_hosts` is empty or absent, which allows requests to every host.",
        "An empty host list does not mean \"no hosts\": Flow-Like then applies no host restriction at all, so the package can reach any server, internal ones included.",
        "[permissions.network]\nhttp_enabled = true\nallowed_hosts = []",
        "List the hosts the package needs: `allowed_hosts = [\"api.example.com\", \"*.googleapis.com\"]`.",
    );

pub(crate) static ALLOWED_HOSTS_IGNORED: Rule = Rule::warning("flow-like/allowed-hosts-ignored")
    .category(Category::Correctness)
    .doc(
        "`allowed_hosts` lists hosts, but neither `http_enabled` nor `websocket_enabled` is true.",
        "Without a network capability the host list is never used; the package has no network access, which is rarely what listing hosts meant.",
        "[permissions.network]\nallowed_hosts = [\"api.example.com\"]",
        "Set `http_enabled = true` (or `websocket_enabled = true`) if the package connects to these hosts, or remove `allowed_hosts`.",
    );

pub(crate) static INVALID_HOST_PATTERN: Rule = Rule::error("flow-like/invalid-host-pattern")
    .category(Category::Correctness)
    .doc(
        "An `allowed_hosts` entry is not a host pattern: it has a URL scheme, a path, user information, spaces, or is empty.",
        "Allowed hosts are host names (with optional `*` wildcards) compared with the host of each request; an entry such as `https://api.example.com/v1` does not match as intended, so requests to that host are refused.",
        "allowed_hosts = [\"https://api.example.com/v1\"]",
        "Write the host alone, optionally with `*` wildcards: `allowed_hosts = [\"api.example.com\"]`.",
    );

pub(crate) static EMPTY_OAUTH_SCOPES: Rule = Rule::warning("flow-like/empty-oauth-scopes")
    .category(Category::Correctness)
    .doc(
        "A `[[permissions.oauth_scopes]]` entry lists no scopes.",
        "Flow-Like accepts an empty list, but an OAuth token without scopes grants little or nothing, so the nodes relying on the provider are unlikely to work.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = []\nreason = \"Read your files\"",
        "List the scopes the nodes need, e.g. `scopes = [\"https://www.googleapis.com/auth/drive.readonly\"]`.",
    );

pub(crate) static EMPTY_OAUTH_REASON: Rule = Rule::warning("flow-like/empty-oauth-reason")
    .category(Category::Correctness)
    .doc(
        "A `[[permissions.oauth_scopes]]` entry has an empty `reason`.",
        "The reason is shown to users when they grant access; Flow-Like accepts an empty one, and users are then asked for access without an explanation.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = [\"openid\"]\nreason = \"\"",
        "Say what the access is for: `reason = \"Read your calendar events to schedule flows\"`.",
    );

pub(crate) static DUPLICATE_OAUTH_PROVIDER: Rule = Rule::warning("flow-like/duplicate-oauth-provider")
    .category(Category::Correctness)
    .doc(
        "Two `[[permissions.oauth_scopes]]` entries name the same provider.",
        "Flow-Like keeps both entries, so the provider appears twice among the package's permissions; the scopes were most likely meant to be one list.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\n# ...\n[[permissions.oauth_scopes]]\nprovider = \"google\"",
        "Merge the entries: one per provider, with all the scopes in its `scopes` list.",
    );

pub(crate) static UNUSED_OAUTH_PROVIDER: Rule = Rule::warning("flow-like/unused-oauth-provider")
    .category(Category::Correctness)
    .doc(
        "An OAuth provider is declared in `[[permissions.oauth_scopes]]` but no node lists it in `oauth_providers`.",
        "The package asks for access that none of its nodes is set up to use: either the declaration is left over, or a node forgot to list the provider.",
        "[[permissions.oauth_scopes]]\nprovider = \"github\"\n# ... no node has oauth_providers = [\"github\"]",
        "Add the provider to the `oauth_providers` of the nodes that need it, or remove the declaration.",
    );

pub(crate) static NO_NODES: Rule = Rule::error("flow-like/no-nodes")
    .category(Category::Correctness)
    .doc(
        "The manifest declares no `[[nodes]]`.",
        "A package exists to provide nodes: the manifest loads, but Flow-Like refuses to publish a package without at least one node.",
        "manifest_version = 1\nid = \"com.example.empty\"\n# no [[nodes]]",
        "Add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides.",
    );

pub(crate) static DUPLICATE_NODE_ID: Rule = Rule::warning("flow-like/duplicate-node-id")
    .category(Category::Correctness)
    .doc(
        "Two `[[nodes]]` entries have the same `id`.",
        "Node ids must be unique within a package (the documentation says so, and flows refer to nodes by id); Flow-Like does not check it, and its lookups by id find only the first node.",
        "[[nodes]]\nid = \"add\"\n# ...\n[[nodes]]\nid = \"add\"",
        "Rename one of the nodes (and the code that registers it).",
    );

pub(crate) static UNDECLARED_OAUTH_PROVIDER: Rule = Rule::error("flow-like/undeclared-oauth-provider")
    .category(Category::Correctness)
    .doc(
        "A node lists an OAuth provider in `oauth_providers` that `[[permissions.oauth_scopes]]` does not declare.",
        "Nodes may only use the OAuth providers the package declares, with their scopes and reason; Flow-Like refuses to publish a package with a node that uses any other.",
        "[[nodes]]\nid = \"post\"\noauth_providers = [\"slack\"]\n# no [[permissions.oauth_scopes]] with provider = \"slack\"",
        "Declare the provider with `[[permissions.oauth_scopes]]` (`provider`, `scopes`, `reason`), or correct the name in `oauth_providers`.",
    );

pub(crate) static EMPTY_CATEGORY_SEGMENT: Rule = Rule::warning("flow-like/empty-category-segment")
    .category(Category::Correctness)
    .doc(
        "A node's `category` is empty or has an empty segment (`Cloud//Storage`, `/Cloud`, `Cloud/`).",
        "The category is a `/`-separated path in the node catalog; Flow-Like accepts empty segments without a word, but they are almost always a doubled or stray `/`.",
        "[[nodes]]\ncategory = \"Cloud//Storage\"",
        "Remove the extra `/`: `category = \"Cloud/Storage\"`.",
    );

pub(crate) static INVALID_ICON: Rule = Rule::warning("flow-like/invalid-icon")
    .category(Category::Correctness)
    .doc(
        "A node's `icon` is neither a data URI nor an absolute http(s) URL.",
        "Flow-Like stores the text as it is; its documentation defines the icon as a base64 data URI or a URL, so a file path or a bare name is not an icon it can show.",
        "[[nodes]]\nicon = \"icons/drive.svg\"",
        "Embed the image as a data URI (`data:image/svg+xml;base64,...`) or link it with an `https://` URL.",
    );

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &INVALID_MANIFEST_VERSION,
    &UNSUPPORTED_MANIFEST_VERSION,
    &EMPTY_REQUIRED_FIELD,
    &INVALID_ID_CHARACTER,
    &ID_NOT_REVERSE_DOMAIN,
    &NON_SEMVER_VERSION,
    &EMPTY_DESCRIPTION,
    &INVALID_WASM_HASH,
    &INVALID_EMAIL,
    &UNKNOWN_MEMORY_TIER,
    &UNKNOWN_TIMEOUT_TIER,
    &ALL_HOSTS_ALLOWED,
    &ALLOWED_HOSTS_IGNORED,
    &INVALID_HOST_PATTERN,
    &EMPTY_OAUTH_SCOPES,
    &EMPTY_OAUTH_REASON,
    &DUPLICATE_OAUTH_PROVIDER,
    &UNUSED_OAUTH_PROVIDER,
    &NO_NODES,
    &DUPLICATE_NODE_ID,
    &UNDECLARED_OAUTH_PROVIDER,
    &EMPTY_CATEGORY_SEGMENT,
    &INVALID_ICON,
];
