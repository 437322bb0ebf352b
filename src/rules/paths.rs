//! Paths written in manifests: do they stay inside the package directory?

/// How a relative path written in a manifest leaves its directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Escape {
    /// `/abs`, `\abs` or `C:\abs`: not relative at all.
    Absolute,
    /// Enough `..` components to climb above the directory.
    Parent,
}

/// Whether `path` (relative to the manifest's directory) points outside it.
/// Both `/` and `\` count as separators, since manifests are shared between
/// systems.
pub(crate) fn escapes(path: &str) -> Option<Escape> {
    let bytes = path.as_bytes();
    if path.starts_with(['/', '\\'])
        || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
    {
        return Some(Escape::Absolute);
    }
    let mut depth: i64 = 0;
    for component in path.split(['/', '\\']) {
        match component {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return Some(Escape::Parent);
                }
            }
            _ => depth += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_inside() {
        assert_eq!(escapes("src"), None);
        assert_eq!(escapes("./a/../b"), None);
        assert_eq!(escapes(r"target\wasm32\x.wasm"), None);
    }

    #[test]
    fn parent_and_absolute_paths_escape() {
        assert_eq!(escapes("../x"), Some(Escape::Parent));
        assert_eq!(escapes("a/../../x"), Some(Escape::Parent));
        assert_eq!(escapes("/etc"), Some(Escape::Absolute));
        assert_eq!(escapes(r"C:\x"), Some(Escape::Absolute));
    }
}
