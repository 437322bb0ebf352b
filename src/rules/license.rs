//! SPDX license expressions.

/// Checks that `text` is a valid SPDX license expression (`MIT`,
/// `MIT OR Apache-2.0`, `LicenseRef-Custom`); the error says why not.
pub(crate) fn check_spdx(text: &str) -> Result<(), String> {
    spdx::Expression::parse(text)
        .map(|_| ())
        .map_err(|e| e.reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spdx_expressions() {
        assert!(check_spdx("MIT").is_ok());
        assert!(check_spdx("MIT OR Apache-2.0").is_ok());
        assert!(check_spdx("LicenseRef-Proprietary").is_ok());
        assert!(check_spdx("MIT/Apache-2.0").is_err());
        assert!(check_spdx("the MIT license").is_err());
    }
}
