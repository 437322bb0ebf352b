//! Diagnostic codes specific to `wasmer.toml`.

use crate::codes::{Category, Rule};

pub(crate) static INVALID_DEPENDENCY_NAME: Rule = Rule::error("wasmer/invalid-dependency-name")
    .category(Category::Correctness)
    .doc(
        "A `[dependencies]` key that is not of the form `namespace/name`.",
        "The packager refuses dependencies whose key is not `namespace/name`, each part made of ASCII letters, digits, `-` and `_`.",
        "[dependencies]\npython = \"^3.12\"",
        "Write the full registry name: `\"wasmer/python\" = \"^3.12\"`.",
    );

pub(crate) static INVALID_DEPENDENCY_VERSION: Rule = Rule::error("wasmer/invalid-dependency-version")
    .category(Category::Correctness)
    .doc(
        "A dependency version that is not a valid semver requirement.",
        "The official parser reads each value as a semver `VersionReq` and refuses the manifest otherwise.",
        "[dependencies]\n\"wasmer/python\" = \"latest\"",
        "Use a requirement such as `\"^3.12\"`, `\"=1.0.4\"` or `\"*\"`.",
    );

pub(crate) static FS_GUEST_NOT_ABSOLUTE: Rule = Rule::warning("wasmer/fs-guest-path-not-absolute")
    .category(Category::Correctness)
    .doc(
        "An `[fs]` key (the path inside the guest) that is not absolute.",
        "Mounts are made at absolute paths in the guest filesystem; a relative guest path is resolved against the root and is easy to misread.",
        "[fs]\napp = \"app\"",
        "Write the guest path with a leading `/`: `\"/app\" = \"app\"`.",
    );

pub(crate) static INVALID_PACKAGE_NAME: Rule = Rule::error("wasmer/invalid-package-name")
    .category(Category::Correctness)
    .doc(
        "`package.name` does not follow the package identifier grammar `[namespace/]name` (each part starts with a letter, then letters, digits, `_`, `.` or `-`).",
        "A name outside the grammar cannot be referenced from other packages or published to the registry.",
        "[package]\nname = \"my org/1tool\"",
        "Use a name such as `my-org/tool`.",
    );

pub(crate) static NAME_WITHOUT_NAMESPACE: Rule = Rule::warning("wasmer/package-name-without-namespace")
    .category(Category::Correctness)
    .doc(
        "`package.name` has no `namespace/` part.",
        "The registry publishes packages under a namespace; the documentation asks for `namespace/name`.",
        "[package]\nname = \"sha256\"",
        "Prefix the name with your user or organisation: `name = \"me/sha256\"`.",
    );

pub(crate) static INVALID_VERSION: Rule = Rule::error("wasmer/invalid-version")
    .category(Category::Correctness)
    .doc(
        "A version (`package.version`, `wit-bindgen`, `wai-version`) that is not a full semver version `MAJOR.MINOR.PATCH`.",
        "The official parser reads these as strict semver versions: `1.0` fails with \"unexpected end of input while parsing minor version number\".",
        "[package]\nversion = \"1.0\"",
        "Write all three numbers: `version = \"1.0.0\"`.",
    );

pub(crate) static INCOMPLETE_PACKAGE: Rule = Rule::warning("wasmer/incomplete-package")
    .category(Category::Correctness)
    .doc(
        "A `[package]` table without `name`, `version` or `description`.",
        "Parsing accepts partial packages, but publishing needs all three, and the documentation marks them required.",
        "[package]\nname = \"me/tool\"\nversion = \"0.1.0\"",
        "Add the missing keys.",
    );

pub(crate) static LICENSE_AND_LICENSE_FILE: Rule = Rule::warning("wasmer/license-and-license-file")
    .category(Category::Correctness)
    .doc(
        "Both `license` and `license-file` are set.",
        "The documentation describes `license-file` as an override of `license`; having both usually means one of them is stale.",
        "[package]\nlicense = \"MIT\"\nlicense-file = \"LICENSE\"",
        "Keep `license` for SPDX licenses, or `license-file` for a custom license text.",
    );

pub(crate) static UNKNOWN_ENTRYPOINT: Rule = Rule::error("wasmer/unknown-entrypoint")
    .category(Category::Correctness)
    .doc(
        "`package.entrypoint` does not name a command of the manifest.",
        "Validation fails with InvalidEntrypoint, and `wasmer run` cannot start the package.",
        "[package]\nentrypoint = \"serve\"\n\n[[command]]\nname = \"server\"\nmodule = \"server\"\nrunner = \"wasi\"",
        "Set `entrypoint` to one of the command names listed in the help.",
    );

pub(crate) static AMBIGUOUS_ENTRYPOINT: Rule = Rule::warning("wasmer/ambiguous-entrypoint")
    .category(Category::Correctness)
    .doc(
        "Several commands and no `package.entrypoint`.",
        "`wasmer run <package>` cannot choose a command and fails with \"Unable to determine the WEBC file's entrypoint\".",
        "[[command]]\nname = \"a\"\n# ...\n[[command]]\nname = \"b\"\n# ...",
        "Add `entrypoint = \"<command>\"` to `[package]`, or run commands with `--command`.",
    );

pub(crate) static INVALID_ABI: Rule = Rule::error("wasmer/invalid-abi")
    .category(Category::Correctness)
    .doc(
        "A module `abi` other than `none`, `wasi` or `wasm4`.",
        "The parser refuses other values: \"unknown variant\". `emscripten` was removed from Wasmer.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nabi = \"emscripten\"",
        "Use `abi = \"wasi\"` for WASI programs, or remove the key (`none`).",
    );

pub(crate) static UNKNOWN_MODULE_KIND: Rule = Rule::error("wasmer/unknown-module-kind")
    .category(Category::Correctness)
    .doc(
        "A module `kind` other than `wasm`, `tensorflow-SavedModel` or a URL.",
        "The packager fails with UnknownAtomKind.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\nkind = \"webassembly\"",
        "Remove `kind` (WebAssembly is the default) or use one of the accepted values.",
    );

pub(crate) static INVALID_BINDINGS: Rule = Rule::error("wasmer/invalid-bindings")
    .category(Category::Correctness)
    .doc(
        "`[module.bindings]` must have exactly one of `wit-bindgen` (WIT) or `wai-version` (WAI).",
        "The parser decides the bindings kind from these keys and refuses a table with none or both.",
        "[module.bindings]\nexports = \"lib.wai\"",
        "Add `wai-version = \"0.2.0\"` for WAI bindings, or `wit-bindgen` with `wit-exports` for WIT.",
    );

pub(crate) static DUPLICATE_MODULE: Rule = Rule::error("wasmer/duplicate-module")
    .category(Category::Correctness)
    .doc(
        "Two `[[module]]` entries have the same name.",
        "Validation fails with DuplicateModule; commands could not tell the modules apart.",
        "[[module]]\nname = \"m\"\nsource = \"a.wasm\"\n\n[[module]]\nname = \"m\"\nsource = \"b.wasm\"",
        "Rename one of the modules (and the commands using it).",
    );

pub(crate) static DUPLICATE_COMMAND: Rule = Rule::error("wasmer/duplicate-command")
    .category(Category::Correctness)
    .doc(
        "Two `[[command]]` entries have the same name.",
        "Validation fails with DuplicateCommand; `wasmer run --command` could not tell them apart.",
        "[[command]]\nname = \"run\"\n# ...\n[[command]]\nname = \"run\"\n# ...",
        "Rename one of the commands.",
    );

pub(crate) static UNKNOWN_MODULE: Rule = Rule::error("wasmer/unknown-module")
    .category(Category::Correctness)
    .doc(
        "A command's `module` names no `[[module]]` of the manifest.",
        "Validation fails with MissingModuleForCommand.",
        "[[command]]\nname = \"run\"\nmodule = \"mian\"\nrunner = \"wasi\"",
        "Use the name of a declared module, or `namespace/package:module` for a module of a dependency.",
    );

pub(crate) static UNKNOWN_DEPENDENCY: Rule = Rule::error("wasmer/unknown-dependency")
    .category(Category::Correctness)
    .doc(
        "A command uses `dependency:module`, but the dependency is not in `[dependencies]`.",
        "Validation fails with MissingDependency.",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python\"\nrunner = \"wasi\"",
        "Add the dependency: `[dependencies]` `\"wasmer/python\" = \"^3.12\"`.",
    );

pub(crate) static INVALID_MODULE_REFERENCE: Rule = Rule::error("wasmer/invalid-module-reference")
    .category(Category::Correctness)
    .doc(
        "A command's `module` has more than one `:`.",
        "Module references are `module` or `dependency:module`; the parser refuses anything else with \"Invalid format\".",
        "[[command]]\nname = \"run\"\nmodule = \"wasmer/python:python:3\"\nrunner = \"wasi\"",
        "Write `namespace/package:module`.",
    );

pub(crate) static MISSING_ABI: Rule = Rule::error("wasmer/missing-abi")
    .category(Category::Correctness)
    .doc(
        "A command in the deprecated V1 form (no `runner`) uses a module without `abi` or `interfaces`.",
        "V1 commands take their runner from the module's ABI; validation fails with MissingABI (\"an ABI of `wasi` is required\"). V2 commands name their runner, so this check does not apply to them.",
        "[[module]]\nname = \"m\"\nsource = \"m.wasm\"\n\n[[command]]\nname = \"m\"\nmodule = \"m\"",
        "Add `abi = \"wasi\"` to the module, or `runner = \"wasi\"` to the command.",
    );

pub(crate) static UNKNOWN_RUNNER: Rule = Rule::warning("wasmer/unknown-runner")
    .category(Category::Correctness)
    .doc(
        "A command `runner` that is neither a well-known runner (`wasi`, `wcgi`, `wasm4`, `wasi@unstable_`, `generic`) nor a URL, or the removed `emscripten` runner.",
        "The packager turns other words into `https://webc.org/runner/<word>`, which no Wasmer runtime implements, so the command cannot run.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasix\"",
        "Use one of the well-known runners or a runner URL.",
    );

pub(crate) static INVALID_ANNOTATIONS_KIND: Rule = Rule::error("wasmer/invalid-annotations-kind")
    .category(Category::Correctness)
    .doc(
        "`annotations = { file, kind }` with a `kind` other than `yaml` or `json`.",
        "With another kind the official parser silently treats the table as inline annotations, so the file is never read.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = { file = \"run.toml\", kind = \"toml\" }",
        "Convert the file to YAML or JSON and set `kind` accordingly.",
    );

pub(crate) static IGNORED_ANNOTATIONS: Rule = Rule::warning("wasmer/ignored-annotations")
    .category(Category::Correctness)
    .doc(
        "A command's `annotations` that is not a table.",
        "The parser keeps any value, but the packager only copies a table of runner settings into the package and silently drops anything else.",
        "[[command]]\nname = \"run\"\nmodule = \"m\"\nrunner = \"wasi\"\nannotations = \"--verbose\"",
        "Write the settings as tables per runner (`[command.annotations.wasi]`), or point at a file with `{ file, kind }`.",
    );

pub(crate) static INVALID_ENV: Rule = Rule::error("wasmer/invalid-env")
    .category(Category::Correctness)
    .doc(
        "An entry of `[command.annotations.wasi] env` that is not `KEY=VALUE`.",
        "The WASI runner splits each entry at `=`; an entry without one is refused when the package is built.",
        "[command.annotations.wasi]\nenv = [\"DEBUG\"]",
        "Write `\"DEBUG=1\"` (an empty value is `\"DEBUG=\"`).",
    );

pub(crate) static UNKNOWN_WCGI_DIALECT: Rule = Rule::warning("wasmer/unknown-wcgi-dialect")
    .category(Category::Correctness)
    .doc(
        "`[command.annotations.wcgi] dialect` other than `rfc-3875` or `wcgi`.",
        "The WCGI runner knows only these two dialects.",
        "[command.annotations.wcgi]\ndialect = \"cgi\"",
        "Use `rfc-3875` (plain CGI, the default) or `wcgi`.",
    );

/// Every rule of the format, in the order `explain --list` shows them.
pub(crate) static RULES: &[&Rule] = &[
    &INVALID_DEPENDENCY_NAME,
    &INVALID_DEPENDENCY_VERSION,
    &FS_GUEST_NOT_ABSOLUTE,
    &INVALID_PACKAGE_NAME,
    &NAME_WITHOUT_NAMESPACE,
    &INVALID_VERSION,
    &INCOMPLETE_PACKAGE,
    &LICENSE_AND_LICENSE_FILE,
    &UNKNOWN_ENTRYPOINT,
    &AMBIGUOUS_ENTRYPOINT,
    &INVALID_ABI,
    &UNKNOWN_MODULE_KIND,
    &INVALID_BINDINGS,
    &DUPLICATE_MODULE,
    &DUPLICATE_COMMAND,
    &UNKNOWN_MODULE,
    &UNKNOWN_DEPENDENCY,
    &INVALID_MODULE_REFERENCE,
    &MISSING_ABI,
    &UNKNOWN_RUNNER,
    &INVALID_ANNOTATIONS_KIND,
    &IGNORED_ANNOTATIONS,
    &INVALID_ENV,
    &UNKNOWN_WCGI_DIALECT,
];
