//! Diagnostic codes specific to the Flow-Like format.

use crate::codes::CodeDoc;

pub(crate) const INVALID_MANIFEST_VERSION: &str = "flow-like/invalid-manifest-version";
pub(crate) const UNSUPPORTED_MANIFEST_VERSION: &str = "flow-like/unsupported-manifest-version";
pub(crate) const EMPTY_REQUIRED_FIELD: &str = "flow-like/empty-required-field";
pub(crate) const INVALID_ID_CHARACTER: &str = "flow-like/invalid-id-character";
pub(crate) const ID_NOT_REVERSE_DOMAIN: &str = "flow-like/id-not-reverse-domain";
pub(crate) const NON_SEMVER_VERSION: &str = "flow-like/non-semver-version";
pub(crate) const EMPTY_DESCRIPTION: &str = "flow-like/empty-description";
pub(crate) const INVALID_WASM_HASH: &str = "flow-like/invalid-wasm-hash";
pub(crate) const INVALID_EMAIL: &str = "flow-like/invalid-email";
pub(crate) const UNKNOWN_MEMORY_TIER: &str = "flow-like/unknown-memory-tier";
pub(crate) const UNKNOWN_TIMEOUT_TIER: &str = "flow-like/unknown-timeout-tier";
pub(crate) const ALL_HOSTS_ALLOWED: &str = "flow-like/all-hosts-allowed";
pub(crate) const ALLOWED_HOSTS_IGNORED: &str = "flow-like/allowed-hosts-ignored";
pub(crate) const INVALID_HOST_PATTERN: &str = "flow-like/invalid-host-pattern";
pub(crate) const EMPTY_OAUTH_SCOPES: &str = "flow-like/empty-oauth-scopes";
pub(crate) const EMPTY_OAUTH_REASON: &str = "flow-like/empty-oauth-reason";
pub(crate) const DUPLICATE_OAUTH_PROVIDER: &str = "flow-like/duplicate-oauth-provider";
pub(crate) const UNUSED_OAUTH_PROVIDER: &str = "flow-like/unused-oauth-provider";
pub(crate) const NO_NODES: &str = "flow-like/no-nodes";
pub(crate) const DUPLICATE_NODE_ID: &str = "flow-like/duplicate-node-id";
pub(crate) const UNDECLARED_OAUTH_PROVIDER: &str = "flow-like/undeclared-oauth-provider";
pub(crate) const EMPTY_CATEGORY_SEGMENT: &str = "flow-like/empty-category-segment";
pub(crate) const INVALID_ICON: &str = "flow-like/invalid-icon";

pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc::new(
        INVALID_MANIFEST_VERSION,
        "error",
        "`manifest_version` is negative or larger than 4294967295.",
        "Flow-Like reads `manifest_version` as an unsigned 32-bit integer and refuses the whole manifest when the number does not fit.",
        "manifest_version = -1",
        "Write `manifest_version = 1`.",
    ),
    CodeDoc::new(
        UNSUPPORTED_MANIFEST_VERSION,
        "warning",
        "`manifest_version` is not `1`, the only version Flow-Like defines.",
        "Flow-Like never looks at the number, so the manifest is read as version 1 whatever it says; a different number suggests a manifest written for another tool or a future schema.",
        "manifest_version = 2",
        "Write `manifest_version = 1`.",
    ),
    CodeDoc::new(
        EMPTY_REQUIRED_FIELD,
        "error",
        "The package `id`, `name` or `version` is an empty string.",
        "The key is present, so the manifest loads, but the checks Flow-Like runs before publishing refuse a package whose id, name or version is empty.",
        "id = \"\"",
        "Fill in the value: `id = \"com.example.my-package\"`, a display name, a version such as `\"0.1.0\"`.",
    ),
    CodeDoc::new(
        INVALID_ID_CHARACTER,
        "error",
        "The package `id` has characters other than ASCII letters, digits, `.`, `_` and `-`.",
        "Package ids end up in registry URLs and storage paths; later Flow-Like versions refuse ids with other characters.",
        "id = \"com.example/my package\"",
        "Use only letters, digits, `.`, `_` and `-`: `id = \"com.example.my-package\"`.",
    ),
    CodeDoc::new(
        ID_NOT_REVERSE_DOMAIN,
        "warning",
        "The package `id` is not in reverse-domain style (`com.example.name`).",
        "Flow-Like accepts any id, but its documentation asks for reverse-domain ids so that packages of different authors cannot collide in the registry.",
        "id = \"my-package\"",
        "Prefix the id with a domain you control, reversed: `id = \"com.example.my-package\"` or `io.github.<user>.my-package`.",
    ),
    CodeDoc::new(
        NON_SEMVER_VERSION,
        "warning",
        "`version` or `min_flow_like_version` is not a semantic version (`MAJOR.MINOR.PATCH`).",
        "Flow-Like stores versions as plain text and never checks them, but the registry sorts and compares versions, and its documentation asks for semver; `1.0` or `v1.0.0` compare wrongly.",
        "version = \"1.0\"",
        "Write all three numbers without a prefix: `version = \"1.0.0\"`.",
    ),
    CodeDoc::new(
        EMPTY_DESCRIPTION,
        "warning",
        "The package `description` is empty.",
        "Flow-Like requires the key but accepts an empty value; the registry then lists the package with no description.",
        "description = \"\"",
        "Describe in one sentence what the package's nodes do.",
    ),
    CodeDoc::new(
        INVALID_WASM_HASH,
        "warning",
        "`wasm_hash` is not a SHA-256 digest written as 64 hex digits (optionally prefixed with `sha256:`).",
        "The documentation calls `wasm_hash` a SHA-256 digest for integrity checks; Flow-Like itself does not compare it, so a malformed value goes unnoticed until someone verifies the package.",
        "wasm_hash = \"abc123\"",
        "Write the full digest, e.g. the output of `sha256sum node.wasm`, or remove the key.",
    ),
    CodeDoc::new(
        INVALID_EMAIL,
        "warning",
        "An author's `email` does not look like an email address.",
        "Flow-Like stores the text as it is; the registry shows it as a contact address, which then leads nowhere.",
        "[[authors]]\nname = \"Jane\"\nemail = \"Jane <jane@example.com>\"",
        "Write only the address: `email = \"jane@example.com\"`.",
    ),
    CodeDoc::new(
        UNKNOWN_MEMORY_TIER,
        "error",
        "`permissions.memory` is not one of the memory tiers `minimal`, `light`, `standard`, `heavy`, `intensive`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a different case such as `Standard`, makes it refuse the whole manifest.",
        "[permissions]\nmemory = \"huge\"",
        "Use one of the tier names, in lower case: `minimal` (16 MiB), `light` (32 MiB), `standard` (64 MiB), `heavy` (128 MiB) or `intensive` (256 MiB).",
    ),
    CodeDoc::new(
        UNKNOWN_TIMEOUT_TIER,
        "error",
        "`permissions.timeout` is not one of the timeout tiers `quick`, `standard`, `extended`, `long_running`.",
        "The tiers are an enumeration in Flow-Like's parser: any other value, including a number of seconds or a different case, makes it refuse the whole manifest.",
        "[permissions]\ntimeout = \"5min\"",
        "Use one of the tier names: `quick` (5 s), `standard` (30 s), `extended` (60 s) or `long_running` (5 min).",
    ),
    CodeDoc::new(
        ALL_HOSTS_ALLOWED,
        "warning",
        "`http_enabled` is true and `allowed_hosts` is empty or absent, which allows requests to every host.",
        "An empty host list does not mean \"no hosts\": Flow-Like then applies no host restriction at all, so the package can reach any server, internal ones included.",
        "[permissions.network]\nhttp_enabled = true\nallowed_hosts = []",
        "List the hosts the package needs: `allowed_hosts = [\"api.example.com\", \"*.googleapis.com\"]`.",
    ),
    CodeDoc::new(
        ALLOWED_HOSTS_IGNORED,
        "warning",
        "`allowed_hosts` lists hosts, but neither `http_enabled` nor `websocket_enabled` is true.",
        "Without a network capability the host list is never used; the package has no network access, which is rarely what listing hosts meant.",
        "[permissions.network]\nallowed_hosts = [\"api.example.com\"]",
        "Set `http_enabled = true` (or `websocket_enabled = true`) if the package connects to these hosts, or remove `allowed_hosts`.",
    ),
    CodeDoc::new(
        INVALID_HOST_PATTERN,
        "error",
        "An `allowed_hosts` entry is not a host pattern: it has a URL scheme, a path, user information, spaces, or is empty.",
        "Allowed hosts are host names (with optional `*` wildcards) compared with the host of each request; an entry such as `https://api.example.com/v1` does not match as intended, so requests to that host are refused.",
        "allowed_hosts = [\"https://api.example.com/v1\"]",
        "Write the host alone, optionally with `*` wildcards: `allowed_hosts = [\"api.example.com\"]`.",
    ),
    CodeDoc::new(
        EMPTY_OAUTH_SCOPES,
        "warning",
        "A `[[permissions.oauth_scopes]]` entry lists no scopes.",
        "Flow-Like accepts an empty list, but an OAuth token without scopes grants little or nothing, so the nodes relying on the provider are unlikely to work.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = []\nreason = \"Read your files\"",
        "List the scopes the nodes need, e.g. `scopes = [\"https://www.googleapis.com/auth/drive.readonly\"]`.",
    ),
    CodeDoc::new(
        EMPTY_OAUTH_REASON,
        "warning",
        "A `[[permissions.oauth_scopes]]` entry has an empty `reason`.",
        "The reason is shown to users when they grant access; Flow-Like accepts an empty one, and users are then asked for access without an explanation.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\nscopes = [\"openid\"]\nreason = \"\"",
        "Say what the access is for: `reason = \"Read your calendar events to schedule flows\"`.",
    ),
    CodeDoc::new(
        DUPLICATE_OAUTH_PROVIDER,
        "warning",
        "Two `[[permissions.oauth_scopes]]` entries name the same provider.",
        "Flow-Like keeps both entries, so the provider appears twice among the package's permissions; the scopes were most likely meant to be one list.",
        "[[permissions.oauth_scopes]]\nprovider = \"google\"\n# ...\n[[permissions.oauth_scopes]]\nprovider = \"google\"",
        "Merge the entries: one per provider, with all the scopes in its `scopes` list.",
    ),
    CodeDoc::new(
        UNUSED_OAUTH_PROVIDER,
        "warning",
        "An OAuth provider is declared in `[[permissions.oauth_scopes]]` but no node lists it in `oauth_providers`.",
        "The package asks for access that none of its nodes is set up to use: either the declaration is left over, or a node forgot to list the provider.",
        "[[permissions.oauth_scopes]]\nprovider = \"github\"\n# ... no node has oauth_providers = [\"github\"]",
        "Add the provider to the `oauth_providers` of the nodes that need it, or remove the declaration.",
    ),
    CodeDoc::new(
        NO_NODES,
        "error",
        "The manifest declares no `[[nodes]]`.",
        "A package exists to provide nodes: the manifest loads, but Flow-Like refuses to publish a package without at least one node.",
        "manifest_version = 1\nid = \"com.example.empty\"\n# no [[nodes]]",
        "Add a `[[nodes]]` entry with `id`, `name`, `description` and `category` for each node the module provides.",
    ),
    CodeDoc::new(
        DUPLICATE_NODE_ID,
        "warning",
        "Two `[[nodes]]` entries have the same `id`.",
        "Node ids must be unique within a package (the documentation says so, and flows refer to nodes by id); Flow-Like does not check it, and its lookups by id find only the first node.",
        "[[nodes]]\nid = \"add\"\n# ...\n[[nodes]]\nid = \"add\"",
        "Rename one of the nodes (and the code that registers it).",
    ),
    CodeDoc::new(
        UNDECLARED_OAUTH_PROVIDER,
        "error",
        "A node lists an OAuth provider in `oauth_providers` that `[[permissions.oauth_scopes]]` does not declare.",
        "Nodes may only use the OAuth providers the package declares, with their scopes and reason; Flow-Like refuses to publish a package with a node that uses any other.",
        "[[nodes]]\nid = \"post\"\noauth_providers = [\"slack\"]\n# no [[permissions.oauth_scopes]] with provider = \"slack\"",
        "Declare the provider with `[[permissions.oauth_scopes]]` (`provider`, `scopes`, `reason`), or correct the name in `oauth_providers`.",
    ),
    CodeDoc::new(
        EMPTY_CATEGORY_SEGMENT,
        "warning",
        "A node's `category` is empty or has an empty segment (`Cloud//Storage`, `/Cloud`, `Cloud/`).",
        "The category is a `/`-separated path in the node catalog; Flow-Like accepts empty segments without a word, but they are almost always a doubled or stray `/`.",
        "[[nodes]]\ncategory = \"Cloud//Storage\"",
        "Remove the extra `/`: `category = \"Cloud/Storage\"`.",
    ),
    CodeDoc::new(
        INVALID_ICON,
        "warning",
        "A node's `icon` is neither a data URI nor an absolute http(s) URL.",
        "Flow-Like stores the text as it is; its documentation defines the icon as a base64 data URI or a URL, so a file path or a bare name is not an icon it can show.",
        "[[nodes]]\nicon = \"icons/drive.svg\"",
        "Embed the image as a data URI (`data:image/svg+xml;base64,...`) or link it with an `https://` URL.",
    ),
];
