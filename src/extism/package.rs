//! Extism manifest → [`Package`].

use crate::Format;
use crate::extism::{MAIN_MODULE, Manifest, WasmSource};
use crate::package::{
    Capabilities, EntryKind, EntryPoint, FileGrant, HostGrant, Identity, LimitGrant, Module,
    ModuleSource, NetworkAccess, Origin, Package, VariableGrant,
};
use crate::path::fp;

/// One WebAssembly page.
const PAGE: u64 = 65_536;

pub(crate) fn package(m: &Manifest) -> Package {
    let modules = m
        .wasm
        .iter()
        .enumerate()
        .map(|(i, wasm)| Module {
            // The runtime calls unnamed modules `main`.
            name: wasm.name.clone().unwrap_or_else(|| MAIN_MODULE.to_owned()),
            source: match &wasm.source {
                WasmSource::Path(path) => ModuleSource::Path {
                    path: path.to_string_lossy().into_owned(),
                },
                WasmSource::Data(bytes) => ModuleSource::Inline { bytes: bytes.len() },
                WasmSource::Url(request) => ModuleSource::Url {
                    url: request.url.clone(),
                },
            },
            sha256: wasm.hash.as_ref().map(|h| h.to_ascii_lowercase()),
            origin: Origin::at(fp!["wasm", i]),
        })
        .collect();

    let mut entry_points = Vec::new();
    if let Some(main) = m.main_module()
        && let Some(index) = m.wasm.iter().position(|w| std::ptr::eq(w, main))
    {
        entry_points.push(EntryPoint {
            name: MAIN_MODULE.to_owned(),
            module: Some(main.name.clone().unwrap_or_else(|| MAIN_MODULE.to_owned())),
            kind: EntryKind::MainModule,
            origin: Origin::at(fp!["wasm", index]),
        });
    }

    let mut capabilities = Capabilities::new(NetworkAccess::None);
    // The runtime checks only the host name of each HTTP request against
    // the patterns: any port, http or https. `null`, `[]` and an absent key
    // all deny every host.
    for (i, pattern) in m.allowed_hosts.patterns().iter().enumerate() {
        for scheme in ["http", "https"] {
            capabilities.outbound.push(HostGrant {
                scheme: scheme.to_owned(),
                host: pattern.clone(),
                port: Some("*".to_owned()),
                scope: None,
                origin: Origin::at(fp!["allowed_hosts", i]),
            });
        }
    }
    capabilities.summarise_network();

    for mount in &m.allowed_paths {
        capabilities.files.push(FileGrant {
            host: mount.host.to_string_lossy().into_owned(),
            guest: mount.guest.to_string_lossy().into_owned(),
            read_only: mount.read_only,
            glob: false,
            scope: None,
            origin: Origin::at(fp!["allowed_paths", mount.key().as_str()]),
        });
    }
    capabilities.memory_limit_bytes = m.memory.max_pages.map(|pages| LimitGrant {
        value: u64::from(pages) * PAGE,
        scope: None,
        origin: Origin::at(fp!["memory", "max_pages"]),
    });
    capabilities.timeout_ms = m.timeout_ms.map(|ms| LimitGrant {
        value: ms,
        scope: None,
        origin: Origin::at(fp!["timeout_ms"]),
    });
    for key in m.config.keys() {
        capabilities.variables.push(VariableGrant {
            name: key.clone(),
            secret: false,
            required: false,
            scope: None,
            origin: Origin::at(fp!["config", key.as_str()]),
        });
    }

    Package {
        format: Format::Extism,
        identity: Identity::default(),
        modules,
        entry_points,
        capabilities,
    }
}
