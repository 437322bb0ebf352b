//! Every code as a constant, so that a misspelt code does not compile:
//! `wasm_manifests::codes::wasmer::DUPLICATE_MODULE`. The list is checked
//! against the rules themselves by a test (`tests/api.rs`).

/// Codes every format shares.
pub mod shared {
    /// `syntax-error`
    pub const SYNTAX_ERROR: &str = "syntax-error";
    /// `too-deeply-nested`
    pub const TOO_DEEPLY_NESTED: &str = "too-deeply-nested";
    /// `invalid-utf8`
    pub const INVALID_UTF8: &str = "invalid-utf8";
    /// `binary-file`
    pub const BINARY_FILE: &str = "binary-file";
    /// `file-too-large`
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    /// `empty-file`
    pub const EMPTY_FILE: &str = "empty-file";
    /// `wrong-type`
    pub const WRONG_TYPE: &str = "wrong-type";
    /// `missing-key`
    pub const MISSING_KEY: &str = "missing-key";
    /// `unknown-key`
    pub const UNKNOWN_KEY: &str = "unknown-key";
    /// `duplicate-key`
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    /// `deprecated-key`
    pub const DEPRECATED_KEY: &str = "deprecated-key";
    /// `invalid-url`
    pub const INVALID_URL: &str = "invalid-url";
    /// `invalid-license`
    pub const INVALID_LICENSE: &str = "invalid-license";
    /// `path-outside-package`
    pub const PATH_OUTSIDE_PACKAGE: &str = "path-outside-package";
    /// `unused-suppression`
    pub const UNUSED_SUPPRESSION: &str = "unused-suppression";
    /// `too-many-problems`
    pub const TOO_MANY_PROBLEMS: &str = "too-many-problems";
    /// `format-not-built`: reported only by builds that leave a format out
    /// (its cargo feature off), so it is not in [`ALL`].
    pub const FORMAT_NOT_BUILT: &str = "format-not-built";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        SYNTAX_ERROR,
        TOO_DEEPLY_NESTED,
        INVALID_UTF8,
        BINARY_FILE,
        FILE_TOO_LARGE,
        EMPTY_FILE,
        WRONG_TYPE,
        MISSING_KEY,
        UNKNOWN_KEY,
        DUPLICATE_KEY,
        DEPRECATED_KEY,
        INVALID_URL,
        INVALID_LICENSE,
        PATH_OUTSIDE_PACKAGE,
        UNUSED_SUPPRESSION,
        TOO_MANY_PROBLEMS,
    ];
}

/// Codes of `wasmer.toml`.
pub mod wasmer {
    /// `wasmer/invalid-dependency-name`
    pub const INVALID_DEPENDENCY_NAME: &str = "wasmer/invalid-dependency-name";
    /// `wasmer/invalid-dependency-version`
    pub const INVALID_DEPENDENCY_VERSION: &str = "wasmer/invalid-dependency-version";
    /// `wasmer/fs-guest-path-not-absolute`
    pub const FS_GUEST_PATH_NOT_ABSOLUTE: &str = "wasmer/fs-guest-path-not-absolute";
    /// `wasmer/invalid-package-name`
    pub const INVALID_PACKAGE_NAME: &str = "wasmer/invalid-package-name";
    /// `wasmer/package-name-without-namespace`
    pub const PACKAGE_NAME_WITHOUT_NAMESPACE: &str = "wasmer/package-name-without-namespace";
    /// `wasmer/invalid-version`
    pub const INVALID_VERSION: &str = "wasmer/invalid-version";
    /// `wasmer/incomplete-package`
    pub const INCOMPLETE_PACKAGE: &str = "wasmer/incomplete-package";
    /// `wasmer/license-and-license-file`
    pub const LICENSE_AND_LICENSE_FILE: &str = "wasmer/license-and-license-file";
    /// `wasmer/unknown-entrypoint`
    pub const UNKNOWN_ENTRYPOINT: &str = "wasmer/unknown-entrypoint";
    /// `wasmer/ambiguous-entrypoint`
    pub const AMBIGUOUS_ENTRYPOINT: &str = "wasmer/ambiguous-entrypoint";
    /// `wasmer/invalid-abi`
    pub const INVALID_ABI: &str = "wasmer/invalid-abi";
    /// `wasmer/unknown-module-kind`
    pub const UNKNOWN_MODULE_KIND: &str = "wasmer/unknown-module-kind";
    /// `wasmer/invalid-bindings`
    pub const INVALID_BINDINGS: &str = "wasmer/invalid-bindings";
    /// `wasmer/duplicate-module`
    pub const DUPLICATE_MODULE: &str = "wasmer/duplicate-module";
    /// `wasmer/duplicate-command`
    pub const DUPLICATE_COMMAND: &str = "wasmer/duplicate-command";
    /// `wasmer/unknown-module`
    pub const UNKNOWN_MODULE: &str = "wasmer/unknown-module";
    /// `wasmer/unknown-dependency`
    pub const UNKNOWN_DEPENDENCY: &str = "wasmer/unknown-dependency";
    /// `wasmer/invalid-module-reference`
    pub const INVALID_MODULE_REFERENCE: &str = "wasmer/invalid-module-reference";
    /// `wasmer/missing-abi`
    pub const MISSING_ABI: &str = "wasmer/missing-abi";
    /// `wasmer/unknown-runner`
    pub const UNKNOWN_RUNNER: &str = "wasmer/unknown-runner";
    /// `wasmer/invalid-annotations-kind`
    pub const INVALID_ANNOTATIONS_KIND: &str = "wasmer/invalid-annotations-kind";
    /// `wasmer/ignored-annotations`
    pub const IGNORED_ANNOTATIONS: &str = "wasmer/ignored-annotations";
    /// `wasmer/invalid-env`
    pub const INVALID_ENV: &str = "wasmer/invalid-env";
    /// `wasmer/unknown-wcgi-dialect`
    pub const UNKNOWN_WCGI_DIALECT: &str = "wasmer/unknown-wcgi-dialect";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        INVALID_DEPENDENCY_NAME,
        INVALID_DEPENDENCY_VERSION,
        FS_GUEST_PATH_NOT_ABSOLUTE,
        INVALID_PACKAGE_NAME,
        PACKAGE_NAME_WITHOUT_NAMESPACE,
        INVALID_VERSION,
        INCOMPLETE_PACKAGE,
        LICENSE_AND_LICENSE_FILE,
        UNKNOWN_ENTRYPOINT,
        AMBIGUOUS_ENTRYPOINT,
        INVALID_ABI,
        UNKNOWN_MODULE_KIND,
        INVALID_BINDINGS,
        DUPLICATE_MODULE,
        DUPLICATE_COMMAND,
        UNKNOWN_MODULE,
        UNKNOWN_DEPENDENCY,
        INVALID_MODULE_REFERENCE,
        MISSING_ABI,
        UNKNOWN_RUNNER,
        INVALID_ANNOTATIONS_KIND,
        IGNORED_ANNOTATIONS,
        INVALID_ENV,
        UNKNOWN_WCGI_DIALECT,
    ];
}

/// Codes of Spin's `spin.toml` (both manifest versions).
pub mod spin {
    /// `spin/invalid-manifest-version`
    pub const INVALID_MANIFEST_VERSION: &str = "spin/invalid-manifest-version";
    /// `spin/duplicate-manifest-version`
    pub const DUPLICATE_MANIFEST_VERSION: &str = "spin/duplicate-manifest-version";
    /// `spin/invalid-app-name`
    pub const INVALID_APP_NAME: &str = "spin/invalid-app-name";
    /// `spin/missing-app-version`
    pub const MISSING_APP_VERSION: &str = "spin/missing-app-version";
    /// `spin/invalid-app-version`
    pub const INVALID_APP_VERSION: &str = "spin/invalid-app-version";
    /// `spin/no-components`
    pub const NO_COMPONENTS: &str = "spin/no-components";
    /// `spin/unknown-trigger-type`
    pub const UNKNOWN_TRIGGER_TYPE: &str = "spin/unknown-trigger-type";
    /// `spin/missing-http-base`
    pub const MISSING_HTTP_BASE: &str = "spin/missing-http-base";
    /// `spin/http-base-not-root`
    pub const HTTP_BASE_NOT_ROOT: &str = "spin/http-base-not-root";
    /// `spin/invalid-redis-address`
    pub const INVALID_REDIS_ADDRESS: &str = "spin/invalid-redis-address";
    /// `spin/non-redis-scheme`
    pub const NON_REDIS_SCHEME: &str = "spin/non-redis-scheme";
    /// `spin/invalid-variable-name`
    pub const INVALID_VARIABLE_NAME: &str = "spin/invalid-variable-name";
    /// `spin/variable-required-and-default`
    pub const VARIABLE_REQUIRED_AND_DEFAULT: &str = "spin/variable-required-and-default";
    /// `spin/variable-without-value`
    pub const VARIABLE_WITHOUT_VALUE: &str = "spin/variable-without-value";
    /// `spin/invalid-component-id`
    pub const INVALID_COMPONENT_ID: &str = "spin/invalid-component-id";
    /// `spin/component-id-repaired`
    pub const COMPONENT_ID_REPAIRED: &str = "spin/component-id-repaired";
    /// `spin/duplicate-component-id`
    pub const DUPLICATE_COMPONENT_ID: &str = "spin/duplicate-component-id";
    /// `spin/invalid-source`
    pub const INVALID_SOURCE: &str = "spin/invalid-source";
    /// `spin/invalid-digest`
    pub const INVALID_DIGEST: &str = "spin/invalid-digest";
    /// `spin/invalid-source-url`
    pub const INVALID_SOURCE_URL: &str = "spin/invalid-source-url";
    /// `spin/insecure-source-url`
    pub const INSECURE_SOURCE_URL: &str = "spin/insecure-source-url";
    /// `spin/invalid-registry-source`
    pub const INVALID_REGISTRY_SOURCE: &str = "spin/invalid-registry-source";
    /// `spin/invalid-glob`
    pub const INVALID_GLOB: &str = "spin/invalid-glob";
    /// `spin/dot-file-pattern`
    pub const DOT_FILE_PATTERN: &str = "spin/dot-file-pattern";
    /// `spin/whole-app-directory`
    pub const WHOLE_APP_DIRECTORY: &str = "spin/whole-app-directory";
    /// `spin/nested-directory-mount`
    pub const NESTED_DIRECTORY_MOUNT: &str = "spin/nested-directory-mount";
    /// `spin/outside-app-directory`
    pub const OUTSIDE_APP_DIRECTORY: &str = "spin/outside-app-directory";
    /// `spin/relative-files-destination`
    pub const RELATIVE_FILES_DESTINATION: &str = "spin/relative-files-destination";
    /// `spin/files-destination-escapes`
    pub const FILES_DESTINATION_ESCAPES: &str = "spin/files-destination-escapes";
    /// `spin/ineffective-exclude`
    pub const INEFFECTIVE_EXCLUDE: &str = "spin/ineffective-exclude";
    /// `spin/invalid-allowed-http-host`
    pub const INVALID_ALLOWED_HTTP_HOST: &str = "spin/invalid-allowed-http-host";
    /// `spin/ignored-allowed-http-host`
    pub const IGNORED_ALLOWED_HTTP_HOST: &str = "spin/ignored-allowed-http-host";
    /// `spin/invalid-allowed-outbound-host`
    pub const INVALID_ALLOWED_OUTBOUND_HOST: &str = "spin/invalid-allowed-outbound-host";
    /// `spin/allows-all-hosts`
    pub const ALLOWS_ALL_HOSTS: &str = "spin/allows-all-hosts";
    /// `spin/empty-port-range`
    pub const EMPTY_PORT_RANGE: &str = "spin/empty-port-range";
    /// `spin/invalid-store-label`
    pub const INVALID_STORE_LABEL: &str = "spin/invalid-store-label";
    /// `spin/template-in-environment`
    pub const TEMPLATE_IN_ENVIRONMENT: &str = "spin/template-in-environment";
    /// `spin/invalid-config-key`
    pub const INVALID_CONFIG_KEY: &str = "spin/invalid-config-key";
    /// `spin/unclosed-template`
    pub const UNCLOSED_TEMPLATE: &str = "spin/unclosed-template";
    /// `spin/unknown-variable`
    pub const UNKNOWN_VARIABLE: &str = "spin/unknown-variable";
    /// `spin/route-without-leading-slash`
    pub const ROUTE_WITHOUT_LEADING_SLASH: &str = "spin/route-without-leading-slash";
    /// `spin/duplicate-route`
    pub const DUPLICATE_ROUTE: &str = "spin/duplicate-route";
    /// `spin/invalid-route`
    pub const INVALID_ROUTE: &str = "spin/invalid-route";
    /// `spin/invalid-route-pattern`
    pub const INVALID_ROUTE_PATTERN: &str = "spin/invalid-route-pattern";
    /// `spin/reserved-route`
    pub const RESERVED_ROUTE: &str = "spin/reserved-route";
    /// `spin/invalid-executor`
    pub const INVALID_EXECUTOR: &str = "spin/invalid-executor";
    /// `spin/wagi-custom-entrypoint`
    pub const WAGI_CUSTOM_ENTRYPOINT: &str = "spin/wagi-custom-entrypoint";
    /// `spin/wagi-executor`
    pub const WAGI_EXECUTOR: &str = "spin/wagi-executor";
    /// `spin/ignored-trigger-key`
    pub const IGNORED_TRIGGER_KEY: &str = "spin/ignored-trigger-key";
    /// `spin/static-response`
    pub const STATIC_RESPONSE: &str = "spin/static-response";
    /// `spin/absolute-build-workdir`
    pub const ABSOLUTE_BUILD_WORKDIR: &str = "spin/absolute-build-workdir";
    /// `spin/build-command-list`
    pub const BUILD_COMMAND_LIST: &str = "spin/build-command-list";
    /// `spin/empty-app-name`
    pub const EMPTY_APP_NAME: &str = "spin/empty-app-name";
    /// `spin/no-triggers`
    pub const NO_TRIGGERS: &str = "spin/no-triggers";
    /// `spin/unused-trigger-settings`
    pub const UNUSED_TRIGGER_SETTINGS: &str = "spin/unused-trigger-settings";
    /// `spin/unused-variable`
    pub const UNUSED_VARIABLE: &str = "spin/unused-variable";
    /// `spin/unknown-component`
    pub const UNKNOWN_COMPONENT: &str = "spin/unknown-component";
    /// `spin/unused-component`
    pub const UNUSED_COMPONENT: &str = "spin/unused-component";
    /// `spin/duplicate-trigger-id`
    pub const DUPLICATE_TRIGGER_ID: &str = "spin/duplicate-trigger-id";
    /// `spin/trigger-components`
    pub const TRIGGER_COMPONENTS: &str = "spin/trigger-components";
    /// `spin/component-or-static-response`
    pub const COMPONENT_OR_STATIC_RESPONSE: &str = "spin/component-or-static-response";
    /// `spin/unreachable-route`
    pub const UNREACHABLE_ROUTE: &str = "spin/unreachable-route";
    /// `spin/invalid-static-response`
    pub const INVALID_STATIC_RESPONSE: &str = "spin/invalid-static-response";
    /// `spin/deprecated-wagi`
    pub const DEPRECATED_WAGI: &str = "spin/deprecated-wagi";
    /// `spin/conflicting-executors`
    pub const CONFLICTING_EXECUTORS: &str = "spin/conflicting-executors";
    /// `spin/unsupported-host-requirement`
    pub const UNSUPPORTED_HOST_REQUIREMENT: &str = "spin/unsupported-host-requirement";
    /// `spin/invalid-file-pattern`
    pub const INVALID_FILE_PATTERN: &str = "spin/invalid-file-pattern";
    /// `spin/destination-outside-mount`
    pub const DESTINATION_OUTSIDE_MOUNT: &str = "spin/destination-outside-mount";
    /// `spin/uppercase-scheme`
    pub const UPPERCASE_SCHEME: &str = "spin/uppercase-scheme";
    /// `spin/unknown-service-chaining-target`
    pub const UNKNOWN_SERVICE_CHAINING_TARGET: &str = "spin/unknown-service-chaining-target";
    /// `spin/absolute-workdir`
    pub const ABSOLUTE_WORKDIR: &str = "spin/absolute-workdir";
    /// `spin/empty-build-command`
    pub const EMPTY_BUILD_COMMAND: &str = "spin/empty-build-command";
    /// `spin/invalid-dependency-name`
    pub const INVALID_DEPENDENCY_NAME: &str = "spin/invalid-dependency-name";
    /// `spin/invalid-dependency`
    pub const INVALID_DEPENDENCY: &str = "spin/invalid-dependency";
    /// `spin/conflicting-dependencies`
    pub const CONFLICTING_DEPENDENCIES: &str = "spin/conflicting-dependencies";
    /// `spin/conflicting-inheritance`
    pub const CONFLICTING_INHERITANCE: &str = "spin/conflicting-inheritance";
    /// `spin/unknown-capability`
    pub const UNKNOWN_CAPABILITY: &str = "spin/unknown-capability";
    /// `spin/dependency-with-resources`
    pub const DEPENDENCY_WITH_RESOURCES: &str = "spin/dependency-with-resources";
    /// `spin/invalid-trigger-dependency`
    pub const INVALID_TRIGGER_DEPENDENCY: &str = "spin/invalid-trigger-dependency";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        INVALID_MANIFEST_VERSION,
        DUPLICATE_MANIFEST_VERSION,
        INVALID_APP_NAME,
        MISSING_APP_VERSION,
        INVALID_APP_VERSION,
        NO_COMPONENTS,
        UNKNOWN_TRIGGER_TYPE,
        MISSING_HTTP_BASE,
        HTTP_BASE_NOT_ROOT,
        INVALID_REDIS_ADDRESS,
        NON_REDIS_SCHEME,
        INVALID_VARIABLE_NAME,
        VARIABLE_REQUIRED_AND_DEFAULT,
        VARIABLE_WITHOUT_VALUE,
        INVALID_COMPONENT_ID,
        COMPONENT_ID_REPAIRED,
        DUPLICATE_COMPONENT_ID,
        INVALID_SOURCE,
        INVALID_DIGEST,
        INVALID_SOURCE_URL,
        INSECURE_SOURCE_URL,
        INVALID_REGISTRY_SOURCE,
        INVALID_GLOB,
        DOT_FILE_PATTERN,
        WHOLE_APP_DIRECTORY,
        NESTED_DIRECTORY_MOUNT,
        OUTSIDE_APP_DIRECTORY,
        RELATIVE_FILES_DESTINATION,
        FILES_DESTINATION_ESCAPES,
        INEFFECTIVE_EXCLUDE,
        INVALID_ALLOWED_HTTP_HOST,
        IGNORED_ALLOWED_HTTP_HOST,
        INVALID_ALLOWED_OUTBOUND_HOST,
        ALLOWS_ALL_HOSTS,
        EMPTY_PORT_RANGE,
        INVALID_STORE_LABEL,
        TEMPLATE_IN_ENVIRONMENT,
        INVALID_CONFIG_KEY,
        UNCLOSED_TEMPLATE,
        UNKNOWN_VARIABLE,
        ROUTE_WITHOUT_LEADING_SLASH,
        DUPLICATE_ROUTE,
        INVALID_ROUTE,
        INVALID_ROUTE_PATTERN,
        RESERVED_ROUTE,
        INVALID_EXECUTOR,
        WAGI_CUSTOM_ENTRYPOINT,
        WAGI_EXECUTOR,
        IGNORED_TRIGGER_KEY,
        STATIC_RESPONSE,
        ABSOLUTE_BUILD_WORKDIR,
        BUILD_COMMAND_LIST,
        EMPTY_APP_NAME,
        NO_TRIGGERS,
        UNUSED_TRIGGER_SETTINGS,
        UNUSED_VARIABLE,
        UNKNOWN_COMPONENT,
        UNUSED_COMPONENT,
        DUPLICATE_TRIGGER_ID,
        TRIGGER_COMPONENTS,
        COMPONENT_OR_STATIC_RESPONSE,
        UNREACHABLE_ROUTE,
        INVALID_STATIC_RESPONSE,
        DEPRECATED_WAGI,
        CONFLICTING_EXECUTORS,
        UNSUPPORTED_HOST_REQUIREMENT,
        INVALID_FILE_PATTERN,
        DESTINATION_OUTSIDE_MOUNT,
        UPPERCASE_SCHEME,
        UNKNOWN_SERVICE_CHAINING_TARGET,
        ABSOLUTE_WORKDIR,
        EMPTY_BUILD_COMMAND,
        INVALID_DEPENDENCY_NAME,
        INVALID_DEPENDENCY,
        CONFLICTING_DEPENDENCIES,
        CONFLICTING_INHERITANCE,
        UNKNOWN_CAPABILITY,
        DEPENDENCY_WITH_RESOURCES,
        INVALID_TRIGGER_DEPENDENCY,
    ];
}

/// Codes of Extism manifests.
pub mod extism {
    /// `extism/no-wasm`
    pub const NO_WASM: &str = "extism/no-wasm";
    /// `extism/invalid-wasm-source`
    pub const INVALID_WASM_SOURCE: &str = "extism/invalid-wasm-source";
    /// `extism/nested-request`
    pub const NESTED_REQUEST: &str = "extism/nested-request";
    /// `extism/data-pointer`
    pub const DATA_POINTER: &str = "extism/data-pointer";
    /// `extism/invalid-base64`
    pub const INVALID_BASE64: &str = "extism/invalid-base64";
    /// `extism/not-wasm`
    pub const NOT_WASM: &str = "extism/not-wasm";
    /// `extism/invalid-url`
    pub const INVALID_URL: &str = "extism/invalid-url";
    /// `extism/insecure-url`
    pub const INSECURE_URL: &str = "extism/insecure-url";
    /// `extism/invalid-method`
    pub const INVALID_METHOD: &str = "extism/invalid-method";
    /// `extism/invalid-header`
    pub const INVALID_HEADER: &str = "extism/invalid-header";
    /// `extism/invalid-hash`
    pub const INVALID_HASH: &str = "extism/invalid-hash";
    /// `extism/missing-hash`
    pub const MISSING_HASH: &str = "extism/missing-hash";
    /// `extism/duplicate-module`
    pub const DUPLICATE_MODULE: &str = "extism/duplicate-module";
    /// `extism/no-main-module`
    pub const NO_MAIN_MODULE: &str = "extism/no-main-module";
    /// `extism/too-many-pages`
    pub const TOO_MANY_PAGES: &str = "extism/too-many-pages";
    /// `extism/out-of-range`
    pub const OUT_OF_RANGE: &str = "extism/out-of-range";
    /// `extism/vars-disabled`
    pub const VARS_DISABLED: &str = "extism/vars-disabled";
    /// `extism/invalid-host-pattern`
    pub const INVALID_HOST_PATTERN: &str = "extism/invalid-host-pattern";
    /// `extism/host-never-matches`
    pub const HOST_NEVER_MATCHES: &str = "extism/host-never-matches";
    /// `extism/allows-all-hosts`
    pub const ALLOWS_ALL_HOSTS: &str = "extism/allows-all-hosts";
    /// `extism/null-allowed-hosts`
    pub const NULL_ALLOWED_HOSTS: &str = "extism/null-allowed-hosts";
    /// `extism/zero-timeout`
    pub const ZERO_TIMEOUT: &str = "extism/zero-timeout";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        NO_WASM,
        INVALID_WASM_SOURCE,
        NESTED_REQUEST,
        DATA_POINTER,
        INVALID_BASE64,
        NOT_WASM,
        INVALID_URL,
        INSECURE_URL,
        INVALID_METHOD,
        INVALID_HEADER,
        INVALID_HASH,
        MISSING_HASH,
        DUPLICATE_MODULE,
        NO_MAIN_MODULE,
        TOO_MANY_PAGES,
        OUT_OF_RANGE,
        VARS_DISABLED,
        INVALID_HOST_PATTERN,
        HOST_NEVER_MATCHES,
        ALLOWS_ALL_HOSTS,
        NULL_ALLOWED_HOSTS,
        ZERO_TIMEOUT,
    ];
}

/// Codes of Flow-Like manifests.
pub mod flow_like {
    /// `flow-like/invalid-manifest-version`
    pub const INVALID_MANIFEST_VERSION: &str = "flow-like/invalid-manifest-version";
    /// `flow-like/unsupported-manifest-version`
    pub const UNSUPPORTED_MANIFEST_VERSION: &str = "flow-like/unsupported-manifest-version";
    /// `flow-like/empty-required-field`
    pub const EMPTY_REQUIRED_FIELD: &str = "flow-like/empty-required-field";
    /// `flow-like/invalid-id-character`
    pub const INVALID_ID_CHARACTER: &str = "flow-like/invalid-id-character";
    /// `flow-like/id-not-reverse-domain`
    pub const ID_NOT_REVERSE_DOMAIN: &str = "flow-like/id-not-reverse-domain";
    /// `flow-like/non-semver-version`
    pub const NON_SEMVER_VERSION: &str = "flow-like/non-semver-version";
    /// `flow-like/empty-description`
    pub const EMPTY_DESCRIPTION: &str = "flow-like/empty-description";
    /// `flow-like/invalid-wasm-hash`
    pub const INVALID_WASM_HASH: &str = "flow-like/invalid-wasm-hash";
    /// `flow-like/invalid-email`
    pub const INVALID_EMAIL: &str = "flow-like/invalid-email";
    /// `flow-like/unknown-memory-tier`
    pub const UNKNOWN_MEMORY_TIER: &str = "flow-like/unknown-memory-tier";
    /// `flow-like/unknown-timeout-tier`
    pub const UNKNOWN_TIMEOUT_TIER: &str = "flow-like/unknown-timeout-tier";
    /// `flow-like/unknown-category`
    pub const UNKNOWN_CATEGORY: &str = "flow-like/unknown-category";
    /// `flow-like/allows-all-hosts`
    pub const ALLOWS_ALL_HOSTS: &str = "flow-like/allows-all-hosts";
    /// `flow-like/allowed-hosts-ignored`
    pub const ALLOWED_HOSTS_IGNORED: &str = "flow-like/allowed-hosts-ignored";
    /// `flow-like/invalid-host-pattern`
    pub const INVALID_HOST_PATTERN: &str = "flow-like/invalid-host-pattern";
    /// `flow-like/empty-oauth-scopes`
    pub const EMPTY_OAUTH_SCOPES: &str = "flow-like/empty-oauth-scopes";
    /// `flow-like/empty-oauth-reason`
    pub const EMPTY_OAUTH_REASON: &str = "flow-like/empty-oauth-reason";
    /// `flow-like/duplicate-oauth-provider`
    pub const DUPLICATE_OAUTH_PROVIDER: &str = "flow-like/duplicate-oauth-provider";
    /// `flow-like/unused-oauth-provider`
    pub const UNUSED_OAUTH_PROVIDER: &str = "flow-like/unused-oauth-provider";
    /// `flow-like/no-nodes`
    pub const NO_NODES: &str = "flow-like/no-nodes";
    /// `flow-like/duplicate-node-id`
    pub const DUPLICATE_NODE_ID: &str = "flow-like/duplicate-node-id";
    /// `flow-like/undeclared-oauth-provider`
    pub const UNDECLARED_OAUTH_PROVIDER: &str = "flow-like/undeclared-oauth-provider";
    /// `flow-like/empty-category-segment`
    pub const EMPTY_CATEGORY_SEGMENT: &str = "flow-like/empty-category-segment";
    /// `flow-like/invalid-icon`
    pub const INVALID_ICON: &str = "flow-like/invalid-icon";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        INVALID_MANIFEST_VERSION,
        UNSUPPORTED_MANIFEST_VERSION,
        EMPTY_REQUIRED_FIELD,
        INVALID_ID_CHARACTER,
        ID_NOT_REVERSE_DOMAIN,
        NON_SEMVER_VERSION,
        EMPTY_DESCRIPTION,
        INVALID_WASM_HASH,
        INVALID_EMAIL,
        UNKNOWN_MEMORY_TIER,
        UNKNOWN_TIMEOUT_TIER,
        UNKNOWN_CATEGORY,
        ALLOWS_ALL_HOSTS,
        ALLOWED_HOSTS_IGNORED,
        INVALID_HOST_PATTERN,
        EMPTY_OAUTH_SCOPES,
        EMPTY_OAUTH_REASON,
        DUPLICATE_OAUTH_PROVIDER,
        UNUSED_OAUTH_PROVIDER,
        NO_NODES,
        DUPLICATE_NODE_ID,
        UNDECLARED_OAUTH_PROVIDER,
        EMPTY_CATEGORY_SEGMENT,
        INVALID_ICON,
    ];
}

/// Codes of the `wasm-manifests.toml` configuration file.
pub mod config {
    /// `config/unknown-code`
    pub const UNKNOWN_CODE: &str = "config/unknown-code";
    /// `config/invalid-glob`
    pub const INVALID_GLOB: &str = "config/invalid-glob";
    /// Every code of this list.
    pub const ALL: &[&str] = &[UNKNOWN_CODE, INVALID_GLOB];
}

/// Codes of verification against the files beside a manifest.
pub mod verify {
    /// `verify/missing-file`
    pub const MISSING_FILE: &str = "verify/missing-file";
    /// `verify/unreadable-file`
    pub const UNREADABLE_FILE: &str = "verify/unreadable-file";
    /// `verify/not-a-file`
    pub const NOT_A_FILE: &str = "verify/not-a-file";
    /// `verify/not-a-directory`
    pub const NOT_A_DIRECTORY: &str = "verify/not-a-directory";
    /// `verify/not-wasm`
    pub const NOT_WASM: &str = "verify/not-wasm";
    /// `verify/digest-mismatch`
    pub const DIGEST_MISMATCH: &str = "verify/digest-mismatch";
    /// `verify/outside-package`
    pub const OUTSIDE_PACKAGE: &str = "verify/outside-package";
    /// `verify/glob-matches-nothing`
    pub const GLOB_MATCHES_NOTHING: &str = "verify/glob-matches-nothing";
    /// `verify/search-limit`
    pub const SEARCH_LIMIT: &str = "verify/search-limit";
    /// Every code of this list.
    pub const ALL: &[&str] = &[
        MISSING_FILE,
        UNREADABLE_FILE,
        NOT_A_FILE,
        NOT_A_DIRECTORY,
        NOT_WASM,
        DIGEST_MISMATCH,
        OUTSIDE_PACKAGE,
        GLOB_MATCHES_NOTHING,
        SEARCH_LIMIT,
    ];
}
