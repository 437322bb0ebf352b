//! Diagnostic codes specific to Spin's `spin.toml` (manifest version 1).

use crate::codes::{Category, Rule};

pub(crate) static INVALID_MANIFEST_VERSION: Rule = Rule::error("spin/invalid-manifest-version")
    .category(Category::Correctness)
    .doc(
        "`spin_manifest_version` (or `spin_version`) is not the string `\"1\"`.",
        "Spin reads the version before anything else and refuses every other value, including the integer `1` and strings such as `\"01\"`.",
        "spin_manifest_version = 1",
        "Write `spin_manifest_version = \"1\"`, with quotes.",
    );

pub(crate) static DUPLICATE_MANIFEST_VERSION: Rule = Rule::error("spin/duplicate-manifest-version")
    .category(Category::Correctness)
    .doc(
        "Both `spin_manifest_version` and its older name `spin_version` are set.",
        "Spin treats the two as one key and refuses the manifest because that key appears twice.",
        "spin_manifest_version = \"1\"\nspin_version = \"1\"",
        "Remove `spin_version`.",
    );

pub(crate) static INVALID_APP_NAME: Rule = Rule::warning("spin/invalid-app-name")
    .category(Category::Correctness)
    .doc(
        "The application `name` has characters other than letters, digits, `-` and `_`.",
        "Spin accepts any string, but the manifest reference allows only these characters, and platforms that deploy Spin applications derive host names and resource names from it.",
        "name = \"my app!\"",
        "Use letters, digits, `-` and `_` only, e.g. `name = \"my-app\"`.",
    );

pub(crate) static MISSING_APP_VERSION: Rule = Rule::warning("spin/missing-app-version")
    .category(Category::Correctness)
    .doc(
        "The application has no `version`.",
        "Spin 1.x required it and the manifest reference marks it required; later versions default it to an empty string, which then shows up in registries and deployments.",
        "spin_manifest_version = \"1\"\nname = \"hello\"\ntrigger = { type = \"http\", base = \"/\" }",
        "Add `version = \"0.1.0\"`.",
    );

pub(crate) static INVALID_APP_VERSION: Rule = Rule::warning("spin/invalid-app-version")
    .category(Category::Correctness)
    .doc(
        "The application `version` is not of the form `major.minor.patch`.",
        "Spin stores the version as text, but the manifest reference prescribes `major.minor.patch`, and registries (`spin registry push`) and deployment tools expect a semantic version.",
        "version = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    );

pub(crate) static NO_COMPONENTS: Rule = Rule::warning("spin/no-components")
    .category(Category::Correctness)
    .doc(
        "The manifest has no `[[component]]`.",
        "Spin 1.x refused such a manifest and the reference requires at least one component; later versions load it, but the application then does nothing.",
        "spin_manifest_version = \"1\"\nname = \"hello\"\nversion = \"1.0.0\"\ntrigger = { type = \"http\", base = \"/\" }",
        "Add a `[[component]]` with an `id`, a `source` and a `[component.trigger]`.",
    );

pub(crate) static UNKNOWN_TRIGGER_TYPE: Rule = Rule::warning("spin/unknown-trigger-type")
    .category(Category::Correctness)
    .doc(
        "The application trigger's `type` is close to, but not, `http` or `redis`.",
        "Any other type names a trigger plugin; Spin looks for a plugin called `trigger-<type>` and fails when `spin up` cannot find one. A misspelt built-in type is also read as a plugin trigger, so its component triggers are not checked either.",
        "trigger = { type = \"htpp\", base = \"/\" }",
        "Correct the type, e.g. `type = \"http\"`.",
    );

pub(crate) static MISSING_HTTP_BASE: Rule = Rule::warning("spin/missing-http-base")
    .category(Category::Correctness)
    .doc(
        "An HTTP application trigger without `base`.",
        "Spin 1.x and the manifest reference require `base`; Spin 2 and later default it to `/`.",
        "trigger = { type = \"http\" }",
        "Add `base = \"/\"`: `trigger = { type = \"http\", base = \"/\" }`.",
    );

pub(crate) static HTTP_BASE_NOT_ROOT: Rule = Rule::warning("spin/http-base-not-root")
    .category(Category::Correctness)
    .doc(
        "An HTTP application trigger whose `base` is not `/`.",
        "Spin 1.x and 2.x prefix every route with the base, but Spin 3 and later refuse to run an application whose base is anything other than `/`: the base has to be written into every route instead.",
        "trigger = { type = \"http\", base = \"/api\" }\n\n[[component]]\n# ...\n[component.trigger]\nroute = \"/users\"",
        "Set `base = \"/\"` and prepend the old base to every route (`route = \"/api/users\"`).",
    );

pub(crate) static INVALID_REDIS_ADDRESS: Rule = Rule::error("spin/invalid-redis-address")
    .category(Category::Correctness)
    .doc(
        "A Redis trigger `address` that Spin's Redis client cannot open: not a `{{ variable }}` template nor a URL, a scheme it does not know, `redis:` without `//`, no host, a path that is not a database number, or a Unix socket URL without an absolute path.",
        "The Redis trigger connects to this address when the application starts, and `spin up` fails when the address cannot be read (`Redis URL did not parse`).",
        "trigger = { type = \"redis\", address = \"redis:/localhost:6379\" }",
        "Write a Redis URL: `address = \"redis://localhost:6379\"` (`rediss://` for TLS, `unix:///run/redis.sock` for a socket).",
    );

pub(crate) static NON_REDIS_SCHEME: Rule = Rule::warning("spin/non-redis-scheme")
    .category(Category::Style)
    .doc(
        "A Redis trigger `address` with a scheme Spin accepts but the format document does not name: `valkey`, `valkeys`, `unix`, `redis+unix` or `valkey+unix`.",
        "Spin's Redis client opens these addresses, but the format document asks for `redis:` URLs, so other tools that read the manifest may refuse them.",
        "trigger = { type = \"redis\", address = \"valkey://localhost:6379\" }",
        "Write `redis://` (`rediss://` for TLS) for a server reached over TCP; keep a Unix socket address if your tools accept it.",
    );

pub(crate) static INVALID_VARIABLE_NAME: Rule = Rule::error("spin/invalid-variable-name")
    .category(Category::Correctness)
    .doc(
        "A `[variables]` name that is not lower snake case: words of lower-case ASCII letters and digits, each starting with a letter, joined by single `_`.",
        "Spin refuses the manifest: variable names are turned into environment variable names and file names, so `HELLO`, `hell-o`, `my__var` and `1var` are all rejected.",
        "[variables]\nAPI_KEY = { required = true }",
        "Rename the variable in lower snake case (`api_key`), and every `{{ }}` that uses it.",
    );

pub(crate) static VARIABLE_REQUIRED_AND_DEFAULT: Rule = Rule::error("spin/variable-required-and-default")
    .category(Category::Correctness)
    .doc(
        "A variable has both `required = true` and a `default`.",
        "Spin refuses to load the application: a variable must be required or have a default, not both.",
        "[variables]\ntoken = { required = true, default = \"x\" }",
        "Remove `required = true` to use the default, or remove `default` so that a value must be supplied.",
    );

pub(crate) static VARIABLE_WITHOUT_VALUE: Rule = Rule::error("spin/variable-without-value")
    .category(Category::Correctness)
    .doc(
        "A variable has neither `required = true` nor a `default`.",
        "Spin refuses to load the application: a variable that is not required must have a default.",
        "[variables]\ntoken = { secret = true }",
        "Add `default = \"...\"`, or `required = true` if a value must be supplied when the application runs.",
    );

pub(crate) static INVALID_COMPONENT_ID: Rule = Rule::error("spin/invalid-component-id")
    .category(Category::Correctness)
    .doc(
        "A component `id` that is not kebab case (words of ASCII letters and digits, each starting with a letter and all lower or all upper case, joined by single `-`), even after Spin's repair.",
        "Spin repairs ids by turning `_` into `-` and lower-casing them; when the result is still invalid (`1abc`, `api.v1`) it refuses the manifest.",
        "[[component]]\nid = \"api.v1\"",
        "Rename the component, e.g. `id = \"api-v1\"`.",
    );

pub(crate) static COMPONENT_ID_REPAIRED: Rule = Rule::warning("spin/component-id-repaired")
    .category(Category::Correctness)
    .doc(
        "A component `id` with `_` or mixed case, which Spin renames.",
        "Spin turns `_` into `-` and lower-cases an id that is not kebab case, so the component is known by another id than the one written (in logs, in `spin up --component-id`, in version 2 form).",
        "[[component]]\nid = \"rust_hello\"",
        "Write the id Spin uses: `id = \"rust-hello\"`.",
    );

pub(crate) static DUPLICATE_COMPONENT_ID: Rule = Rule::error("spin/duplicate-component-id")
    .category(Category::Correctness)
    .doc(
        "Two components have the same id, or ids that become the same once Spin repairs them (`api_v1` and `api-v1`).",
        "Spin 1.x refused duplicate ids; Spin 2 and later keep only the last component with that id and silently drop the others.",
        "[[component]]\nid = \"api\"\n# ...\n[[component]]\nid = \"api\"\n# ...",
        "Give every component its own id.",
    );

pub(crate) static INVALID_SOURCE: Rule = Rule::error("spin/invalid-source")
    .category(Category::Correctness)
    .doc(
        "A `source` table that is neither `{ url, digest }` nor `{ package, version }`.",
        "Spin accepts a path string, a download `{ url, digest }` or a registry package `{ registry?, package, version }`, and refuses anything else without saying which form was meant.",
        "[[component]]\nid = \"hello\"\nsource = { path = \"hello.wasm\" }",
        "Write a path string (`source = \"hello.wasm\"`), `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"ns:name\", version = \"1.0.0\" }`.",
    );

pub(crate) static INVALID_DIGEST: Rule = Rule::error("spin/invalid-digest")
    .category(Category::Correctness)
    .doc(
        "A `source.digest` that is not `sha256:` followed by 64 lower-case hex digits.",
        "Spin refuses a digest without the `sha256:` prefix, and compares the downloaded module's SHA-256 with the rest as text: any other spelling fails the download.",
        "source = { url = \"https://example.com/app.wasm\", digest = \"6503...2375\" }",
        "Write `digest = \"sha256:<64 lower-case hex digits>\"` (the output of `sha256sum app.wasm`).",
    );

pub(crate) static INVALID_SOURCE_URL: Rule = Rule::error("spin/invalid-source-url")
    .category(Category::Correctness)
    .doc(
        "A `source.url` that is not a valid http(s) URL.",
        "Spin downloads the module from this URL when the application is loaded, and fails when it is not an HTTP(S) URL.",
        "source = { url = \"example.com/app.wasm\", digest = \"sha256:...\" }",
        "Write the full URL, including `https://`.",
    );

pub(crate) static INSECURE_SOURCE_URL: Rule = Rule::warning("spin/insecure-source-url")
    .category(Category::Correctness)
    .doc(
        "A `source.url` using plain `http://`.",
        "Spin 1.x required https; later versions download over plain HTTP too. The digest still guards the content, but the request and its failures are visible to anyone on the network.",
        "source = { url = \"http://example.com/app.wasm\", digest = \"sha256:...\" }",
        "Use an `https://` URL.",
    );

pub(crate) static INVALID_REGISTRY_SOURCE: Rule = Rule::error("spin/invalid-registry-source")
    .category(Category::Correctness)
    .doc(
        "A registry `source` whose `package` is not `namespace:name`, whose `version` is not an exact semantic version, or whose `registry` is not a host name.",
        "Spin resolves registry packages by name and exact version when the application is loaded, and fails on a malformed name or version.",
        "source = { package = \"hello\", version = \"^1.0\" }",
        "Write `package = \"namespace:name\"` and an exact `version = \"1.0.0\"`.",
    );

pub(crate) static INVALID_GLOB: Rule = Rule::error("spin/invalid-glob")
    .category(Category::Correctness)
    .doc(
        "A glob pattern in `files`, `exclude_files` or `build.watch` that does not compile (`***`, `**` inside a name, an unclosed `[`).",
        "Spin compiles these patterns when it loads the application (or when `spin watch` starts) and fails on invalid syntax.",
        "files = [\"static/**.html\"]",
        "Use `*` within a name and `**` only as a whole path component: `static/**/*.html`.",
    );

pub(crate) static OUTSIDE_APP_DIRECTORY: Rule = Rule::warning("spin/outside-app-directory")
    .category(Category::Correctness)
    .doc(
        "A `files` directory (`{ source = \"../x\", ... }`) or a `build.workdir` outside the application directory.",
        "Spin accepts these, but the application then depends on files next to it rather than in it: they are missing when the directory is shared, copied or published on its own.",
        "files = [{ source = \"../assets\", destination = \"/\" }]",
        "Move the files into the application directory and use a relative path without `..`.",
    );

pub(crate) static RELATIVE_FILES_DESTINATION: Rule = Rule::warning("spin/relative-files-destination")
    .category(Category::Correctness)
    .doc(
        "A `files` table whose `destination` is not an absolute path.",
        "The manifest reference asks for an absolute path; Spin quietly treats a relative one as relative to `/`, which is easy to misread.",
        "files = [{ source = \"assets\", destination = \"static\" }]",
        "Write the destination with a leading `/`: `destination = \"/static\"`.",
    );

pub(crate) static INVALID_ALLOWED_HTTP_HOST: Rule = Rule::error("spin/invalid-allowed-http-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_http_hosts` entry that is not `host`, `host:port`, `http(s)://host[:port]` or `self`.",
        "Spin refuses the manifest and lists every invalid entry (a path, another scheme, a malformed host or port).",
        "allowed_http_hosts = [\"example.com/api\"]",
        "Keep only the host and optional port: `\"example.com\"`.",
    );

pub(crate) static IGNORED_ALLOWED_HTTP_HOST: Rule = Rule::warning("spin/ignored-allowed-http-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_http_hosts` entry next to `insecure:allow-all`.",
        "When the list contains `insecure:allow-all`, Spin ignores every other entry (it does not even check them).",
        "allowed_http_hosts = [\"insecure:allow-all\", \"example.com\"]",
        "Remove `insecure:allow-all` to restrict the component to the listed hosts, or remove the other entries.",
    );

pub(crate) static INVALID_ALLOWED_OUTBOUND_HOST: Rule = Rule::error("spin/invalid-allowed-outbound-host")
    .category(Category::Correctness)
    .doc(
        "An `allowed_outbound_hosts` entry that is not `scheme://host[:port]`: no scheme, a path, a wildcard inside a name, a bad port or range, a scheme without a default port and no port, or `insecure:allow-all`.",
        "Spin refuses the component when it loads the application, and its message names only the first bad entry.",
        "allowed_outbound_hosts = [\"example.com\", \"https://api.example.com/v1\"]",
        "Write `scheme://host[:port]`: `\"https://example.com\"`, `\"https://api.example.com\"`. Use `*` for any scheme, host or port, and `a..b` for a port range.",
    );

pub(crate) static ALLOWS_ALL_HOSTS: Rule = Rule::warning("spin/allows-all-hosts")
    .category(Category::Correctness)
    .doc(
        "A network allow-list entry that allows every host: `insecure:allow-all` in `allowed_http_hosts`, or host `*` (as in `*://*:*`) in `allowed_outbound_hosts`.",
        "The component can then reach any server, which defeats the allow-list; `insecure:allow-all` is meant for development and some platforms refuse it.",
        "allowed_outbound_hosts = [\"*://*:*\"]",
        "List the hosts the component needs.",
    );

pub(crate) static EMPTY_PORT_RANGE: Rule = Rule::warning("spin/empty-port-range")
    .category(Category::Correctness)
    .doc(
        "A port range `a..b` in `allowed_outbound_hosts` that contains no port.",
        "The end of a range is excluded, so `8080..8080` or `90..80` allows nothing; Spin accepts it without a word.",
        "allowed_outbound_hosts = [\"http://localhost:8080..8080\"]",
        "Make the end one past the last port: `8080..8081`, or write the single port `8080`.",
    );

pub(crate) static INVALID_STORE_LABEL: Rule = Rule::warning("spin/invalid-store-label")
    .category(Category::Correctness)
    .doc(
        "A `key_value_stores` or `sqlite_databases` label that is neither kebab case nor snake case.",
        "Spin accepts any label in a version 1 manifest, but its version 2 form (the one `spin` converts to) requires kebab or snake case, and runtime configuration files name stores the same way.",
        "key_value_stores = [\"My Store\"]",
        "Use a label such as `my-store` or `my_store`.",
    );

pub(crate) static INVALID_AI_MODEL: Rule = Rule::error("spin/invalid-ai-model")
    .category(Category::Correctness)
    .doc(
        "An `ai_models` entry that is not a kebab-case name.",
        "Spin converts a version 1 manifest before running it and refuses model names that are not kebab case.",
        "ai_models = [\"llama2_chat\"]",
        "Use the model's kebab-case name, e.g. `llama2-chat`.",
    );

pub(crate) static INVALID_CONFIG_KEY: Rule = Rule::error("spin/invalid-config-key")
    .category(Category::Correctness)
    .doc(
        "A `[component.config]` key that is not lower snake case.",
        "Config keys become the component's variables; Spin refuses names that are not lower snake case.",
        "[component.config]\napiKey = \"{{ api_key }}\"",
        "Rename the key in lower snake case: `api_key`.",
    );

pub(crate) static UNCLOSED_TEMPLATE: Rule = Rule::error("spin/unclosed-template")
    .category(Category::Correctness)
    .doc(
        "A `{{` without a closing `}}` in a config value, a Redis address or an `allowed_outbound_hosts` entry.",
        "Spin parses these values as templates and refuses an expression that is never closed.",
        "[component.config]\nurl = \"https://{{ host/v1\"",
        "Close the expression: `\"https://{{ host }}/v1\"`.",
    );

pub(crate) static UNKNOWN_VARIABLE: Rule = Rule::error("spin/unknown-variable")
    .category(Category::Correctness)
    .doc(
        "A `{{ name }}` template that names no variable of `[variables]`.",
        "For config values `spin up` refuses to load the application; in a Redis address or an allowed host, the value cannot be resolved when the trigger starts.",
        "[component.config]\nurl = \"{{ api_host }}\"\n# but [variables] has no api_host",
        "Declare the variable in `[variables]` (with a `default` or `required = true`), or correct the name.",
    );

pub(crate) static ROUTE_WITHOUT_LEADING_SLASH: Rule = Rule::warning("spin/route-without-leading-slash")
    .category(Category::Correctness)
    .doc(
        "An HTTP route that does not start with `/`.",
        "Spin adds the missing `/` itself, so `hello` behaves like `/hello`; the manifest then says something other than what runs.",
        "[component.trigger]\nroute = \"hello\"",
        "Start the route with `/`: `route = \"/hello\"`.",
    );

pub(crate) static DUPLICATE_ROUTE: Rule = Rule::warning("spin/duplicate-route")
    .category(Category::Correctness)
    .doc(
        "Two components of an HTTP application have the same route.",
        "Spin sends every request for the route to the last component that declares it and logs a warning that the other components are unreachable.",
        "[[component]]\nid = \"a\"\n# ...\nroute = \"/api/...\"\n[[component]]\nid = \"b\"\n# ...\nroute = \"/api/...\"",
        "Give each component its own route, or remove the unused component.",
    );

pub(crate) static INVALID_ROUTE: Rule = Rule::error("spin/invalid-route")
    .category(Category::Correctness)
    .doc(
        "A `route` table other than `{ private = true }`.",
        "Spin accepts a route string or `{ private = true }` (a component reachable only from other components) and refuses `{ private = false }`.",
        "[component.trigger]\nroute = { private = false }",
        "Give a route string such as `\"/hello\"`, or `{ private = true }`.",
    );

pub(crate) static INVALID_EXECUTOR: Rule = Rule::error("spin/invalid-executor")
    .category(Category::Correctness)
    .doc(
        "An HTTP `executor` whose `type` is not `spin`, `http` or `wagi`.",
        "Spin refuses the trigger configuration when the application starts.",
        "[component.trigger]\nroute = \"/\"\nexecutor = { type = \"cgi\" }",
        "Use `{ type = \"spin\" }` for components built with a Spin SDK, or `{ type = \"wagi\" }` for modules that read CGI-style requests on stdin.",
    );

pub(crate) static WAGI_CUSTOM_ENTRYPOINT: Rule = Rule::warning("spin/wagi-custom-entrypoint")
    .category(Category::Correctness)
    .doc(
        "A Wagi executor with an `entrypoint` other than `_start`.",
        "Spin 1.x and 2.x call the named function, but Spin 3 and later refuse to run a Wagi component with a custom entrypoint.",
        "executor = { type = \"wagi\", entrypoint = \"serve\" }",
        "Export the handler as the module's `_start` (its `main`) and remove `entrypoint`.",
    );

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &INVALID_MANIFEST_VERSION,
    &DUPLICATE_MANIFEST_VERSION,
    &INVALID_APP_NAME,
    &MISSING_APP_VERSION,
    &INVALID_APP_VERSION,
    &NO_COMPONENTS,
    &UNKNOWN_TRIGGER_TYPE,
    &MISSING_HTTP_BASE,
    &HTTP_BASE_NOT_ROOT,
    &INVALID_REDIS_ADDRESS,
    &NON_REDIS_SCHEME,
    &INVALID_VARIABLE_NAME,
    &VARIABLE_REQUIRED_AND_DEFAULT,
    &VARIABLE_WITHOUT_VALUE,
    &INVALID_COMPONENT_ID,
    &COMPONENT_ID_REPAIRED,
    &DUPLICATE_COMPONENT_ID,
    &INVALID_SOURCE,
    &INVALID_DIGEST,
    &INVALID_SOURCE_URL,
    &INSECURE_SOURCE_URL,
    &INVALID_REGISTRY_SOURCE,
    &INVALID_GLOB,
    &OUTSIDE_APP_DIRECTORY,
    &RELATIVE_FILES_DESTINATION,
    &INVALID_ALLOWED_HTTP_HOST,
    &IGNORED_ALLOWED_HTTP_HOST,
    &INVALID_ALLOWED_OUTBOUND_HOST,
    &ALLOWS_ALL_HOSTS,
    &EMPTY_PORT_RANGE,
    &INVALID_STORE_LABEL,
    &INVALID_AI_MODEL,
    &INVALID_CONFIG_KEY,
    &UNCLOSED_TEMPLATE,
    &UNKNOWN_VARIABLE,
    &ROUTE_WITHOUT_LEADING_SLASH,
    &DUPLICATE_ROUTE,
    &INVALID_ROUTE,
    &INVALID_EXECUTOR,
    &WAGI_CUSTOM_ENTRYPOINT,
];
