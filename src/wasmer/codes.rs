//! Diagnostic codes specific to `wasmer.toml`.

use crate::codes::CodeDoc;

pub(crate) const INVALID_DEPENDENCY_NAME: &str = "wasmer/invalid-dependency-name";
pub(crate) const INVALID_DEPENDENCY_VERSION: &str = "wasmer/invalid-dependency-version";
pub(crate) const FS_GUEST_NOT_ABSOLUTE: &str = "wasmer/fs-guest-path-not-absolute";
pub(crate) const INVALID_PACKAGE_NAME: &str = "wasmer/invalid-package-name";
pub(crate) const NAME_WITHOUT_NAMESPACE: &str = "wasmer/package-name-without-namespace";
pub(crate) const INVALID_VERSION: &str = "wasmer/invalid-version";
pub(crate) const INCOMPLETE_PACKAGE: &str = "wasmer/incomplete-package";
pub(crate) const LICENSE_AND_LICENSE_FILE: &str = "wasmer/license-and-license-file";
pub(crate) const UNKNOWN_ENTRYPOINT: &str = "wasmer/unknown-entrypoint";
pub(crate) const AMBIGUOUS_ENTRYPOINT: &str = "wasmer/ambiguous-entrypoint";
pub(crate) const INVALID_ABI: &str = "wasmer/invalid-abi";
pub(crate) const UNKNOWN_MODULE_KIND: &str = "wasmer/unknown-module-kind";
pub(crate) const INVALID_BINDINGS: &str = "wasmer/invalid-bindings";
pub(crate) const DUPLICATE_MODULE: &str = "wasmer/duplicate-module";
pub(crate) const DUPLICATE_COMMAND: &str = "wasmer/duplicate-command";
pub(crate) const UNKNOWN_MODULE: &str = "wasmer/unknown-module";
pub(crate) const UNKNOWN_DEPENDENCY: &str = "wasmer/unknown-dependency";
pub(crate) const INVALID_MODULE_REFERENCE: &str = "wasmer/invalid-module-reference";
pub(crate) const MISSING_ABI: &str = "wasmer/missing-abi";
pub(crate) const UNKNOWN_RUNNER: &str = "wasmer/unknown-runner";
pub(crate) const INVALID_ANNOTATIONS_KIND: &str = "wasmer/invalid-annotations-kind";
pub(crate) const IGNORED_ANNOTATIONS: &str = "wasmer/ignored-annotations";
pub(crate) const INVALID_ENV: &str = "wasmer/invalid-env";
pub(crate) const UNKNOWN_WCGI_DIALECT: &str = "wasmer/unknown-wcgi-dialect";

pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc::new(
        INVALID_DEPENDENCY_NAME,
        "error",
        "A `[dependencies]` key that is not of the form `namespace/name`.",
        "The packager refuses dependencies whose key is not `namespace/name`, each part made of ASCII letters, digits, `-` and `_`.",
        "[dependencies]\npython = \"^3.12\"",
        "Write the full registry name: `\"wasmer/python\" = \"^3.12\"`.",
    ),
    CodeDoc::new(
        INVALID_DEPENDENCY_VERSION,
        "error",
        "A dependency version that is not a valid semver requirement.",
        "The official parser reads each value as a semver `VersionReq` and refuses the manifest otherwise.",
        "[dependencies]\n\"wasmer/python\" = \"latest\"",
        "Use a requirement such as `\"^3.12\"`, `\"=1.0.4\"` or `\"*\"`.",
    ),
    CodeDoc::new(
        FS_GUEST_NOT_ABSOLUTE,
        "warning",
        "An `[fs]` key (the path inside the guest) that is not absolute.",
        "Mounts are made at absolute paths in the guest filesystem; a relative guest path is resolved against the root and is easy to misread.",
        "[fs]\napp = \"app\"",
        "Write the guest path with a leading `/`: `\"/app\" = \"app\"`.",
    ),
    CodeDoc::new(
        INVALID_PACKAGE_NAME,
        "error",
        "`package.name` does not follow the package identifier grammar `[namespace/]name` (each part starts with a letter, then letters, digits, `_`, `.` or `-`).",
        "A name outside the grammar cannot be referenced from other packages or published to the registry.",
        "[package]\nname = \"my org/1tool\"",
        "Use a name such as `my-org/tool`.",
    ),
    CodeDoc::new(
        NAME_WITHOUT_NAMESPACE,
        "warning",
        "`package.name` has no `namespace/` part.",
        "The registry publishes packages under a namespace; the documentation asks for `namespace/name`.",
        "[package]\nname = \"sha256\"",
        "Prefix the name with your user or organisation: `name = \"me/sha256\"`.",
    ),
    CodeDoc::new(
        INVALID_VERSION,
        "error",
        "A version (`package.version`, `wit-bindgen`, `wai-version`) that is not a full semver version `MAJOR.MINOR.PATCH`.",
        "The official parser reads these as strict semver versions: `1.0` fails with \"unexpected end of input while parsing minor version number\".",
        "[package]\nversion = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    ),
    CodeDoc::new(
        INCOMPLETE_PACKAGE,
        "warning",
        "A `[package]` table without `name`, `version` or `description`.",
        "Parsing accepts partial packages, but publishing needs all three, and the documentation marks them required.",
        "[package]\nname = \"me/tool\"\nversion = \"0.1.0\"",
        "Add the missing keys.",
    ),
    CodeDoc::new(
        LICENSE_AND_LICENSE_FILE,
        "warning",
        "Both `license` and `license-file` are set.",
        "The documentation describes `license-file` as an override of `license`; having both usually means one of them is stale.",
        "[package]\nlicense = \"MIT\"\nlicense-file = \"LICENSE\"",
        "Keep `license` for SPDX licenses, or `license-file` for a custom license text.",
    ),
    CodeDoc::new(
        UNKNOWN_ENTRYPOINT,
        "error",
        "`package.entrypoint` does not name a command of the manifest.",
        "Validation fails with InvalidEntrypoint, and `wasmer run` cannot start the package.",
        "[package]\nentrypoint = \"serve\"\n\n[[command]]\nname = \"server\"\nmodule = \"server\"\nrunner = \"wasi\"",
        "Set `entrypoint` to one of the command names listed in the help.",
    ),
    CodeDoc::new(
        AMBIGUOUS_ENTRYPOINT,
        "warning",
        "Several commands and no `package.entrypoint`.",
        "`wasmer run <package>` cannot choose a command and fails with \"Unable to determine the WEBC file's entrypoint\".",
        "[[command]]\nname = \"a\"\n# ...\n[[command]]\nname = \"b\"\n# ...",
        "Add `entrypoint = \"<command>\"` to `[package]`, or run commands with `--command`.",
    ),
    CodeDoc::new(
        INVALID_ABI,
        "error",
        "A module `abi` other than `none`, `wasi` or `wasm4`.",
        "The parser refuses other values: \"unknown variant\". `emscripten` was removed from Wasmer.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"emscripten\"",
        "Use `abi = \"wasi\"` for WASI programs, or remove the key (`none`).",
    ),
    CodeDoc::new(
        UNKNOWN_MODULE_KIND,
        "error",
        "A module `kind` other than `wasm`, `tensorflow-SavedModel` or a URL.",
        "The packager fails with UnknownAtomKind.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nkind = \"webassembly\"",
        "Remove `kind` (WebAssembly is the default) or use one of the accepted values.",
    ),
    CodeDoc::new(
        INVALID_BINDINGS,
        "error",
        "`[module.bindings]` must have exactly one of `wit-bindgen` (WIT) or `wai-version` (WAI).",
        "The parser decides the bindings kind from these keys and refuses a table with none or both.",
        "[module.bindings]\nexports = \"lib.wai\"",
        "Add `wai-version = \"0.2.0\"` for WAI bindings, or `wit-bindgen` with `wit-exports` for WIT.",
    ),
    CodeDoc::new(
        DUPLICATE_MODULE,
        "error",
        "Two `[[module]]` entries have the same name.",
        "Validation fails with DuplicateModule; commands could not tell the modules apart.",
        "[[module]]\nname = \"m\"\nsource = \"a.wasm\"\n\n[[module]]\nname = \"m\"\nsource = \"b.wasm\"",
        "Rename one of the modules (and the commands using it).",
    ),
    CodeDoc::new(
        DUPLICATE_COMMAND,
        "error",
        "Two `[[command]]` entries have the same name.",
        "Validation fails with DuplicateCommand; `wasmer run --command` could not tell them apart.",
        "[[command]]\nname = \"run\"\n# ...\n[[command]]\nname = \"run\"\n# ...",
        "Rename one of the commands.",
    ),
    CodeDoc::new(
        UNKNOWN_MODULE,
        "error",
        "A command's `module` names no `[[module]]` of the manifest.",
        "Validation fails with MissingModuleForCommand.",
        "[[command]]\nname = \"run\"\nmodule = \"mian\"\nrunner = \"wasi\"",
        "Use the name of a declared module, or `namespace/package:module` for a module of a dependency.",
    ),
    CodeDoc::new(
        UNKNOWN_DEPENDENCY,
        "error",
        "A command uses `dependency:module`, but the dependency is not in `[dependencies]`.",
        "Validation fails with MissingDependency.",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python\"\nrunner = \"wasi\"",
        "Add the dependency: `[dependencies]` `\"wasmer/python\" = \"^3.12\"`.",
    ),
    CodeDoc::new(
        INVALID_MODULE_REFERENCE,
        "error",
        "A command's `module` has more than one `:`.",
        "Module references are `module` or `dependency:module`; the parser refuses anything else with \"Invalid format\".",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python:3\"\nrunner = \"wasi\"",
        "Write `namespace/package:module`.",
    ),
    CodeDoc::new(
        MISSING_ABI,
        "error",
        "A command in the deprecated V1 form (no `runner`) uses a module without `abi` or `interfaces`.",
        "V1 commands take their runner from the module's ABI; validation fails with MissingABI (\"an ABI of `wasi` is required\"). V2 commands name their runner, so this check does not apply to them.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n\n[[command]]\nname = \"m\"\nmodule = \"m\"",
        "Add `abi = \"wasi\"` to the module, or `runner = \"wasi\"` to the command.",
    ),
    CodeDoc::new(
        UNKNOWN_RUNNER,
        "warning",
        "A command `runner` that is neither a well-known runner (`wasi`, `wcgi`, `wasm4`, `wasi@unstable_`, `generic`) nor a URL, or the removed `emscripten` runner.",
        "The packager turns other words into `https://webc.org/runner/<word>`, which no Wasmer runtime implements, so the command cannot run.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasix\"",
        "Use one of the well-known runners or a runner URL.",
    ),
    CodeDoc::new(
        INVALID_ANNOTATIONS_KIND,
        "error",
        "`annotations = { file, kind }` with a `kind` other than `yaml` or `json`.",
        "With another kind the official parser silently treats the table as inline annotations, so the file is never read.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = { file = \"run.toml\", kind = \"toml\" }",
        "Convert the file to YAML or JSON and set `kind` accordingly.",
    ),
    CodeDoc::new(
        IGNORED_ANNOTATIONS,
        "warning",
        "A command's `annotations` that is not a table.",
        "The parser keeps any value, but the packager only copies a table of runner settings into the package and silently drops anything else.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = \"--verbose\"",
        "Write the settings as tables per runner (`[command.annotations.wasi]`), or point at a file with `{ file, kind }`.",
    ),
    CodeDoc::new(
        INVALID_ENV,
        "error",
        "An entry of `[command.annotations.wasi] env` that is not `KEY=VALUE`.",
        "The WASI runner splits each entry at `=`; an entry without one is refused when the package is built.",
        "[command.annotations.wasi]\nenv = [\"DEBUG\"]",
        "Write `\"DEBUG=1\"` (an empty value is `\"DEBUG=\"`).",
    ),
    CodeDoc::new(
        UNKNOWN_WCGI_DIALECT,
        "warning",
        "`[command.annotations.wcgi] dialect` other than `rfc-3875` or `wcgi`.",
        "The WCGI runner knows only these two dialects.",
        "[command.annotations.wcgi]\ndialect = \"cgi\"",
        "Use `rfc-3875` (plain CGI, the default) or `wcgi`.",
    ),
];
