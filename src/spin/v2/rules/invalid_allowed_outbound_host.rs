//! `spin/invalid-allowed-outbound-host`: an `allowed_outbound_hosts` entry
//! Spin refuses, as written or once its template is resolved with the
//! variables' defaults.

use crate::FieldPath;
use crate::path::P;
use crate::read::Cx;
use crate::spin::hosts::{self, Outbound, OutboundProblem};
pub(crate) use crate::spin::v1::rules::invalid_allowed_outbound_host::RULE;

use super::{allows_all_hosts, empty_port_range, uppercase_scheme};

/// Checks a literal entry; templates are checked by the template pass.
pub(crate) fn check_literal(cx: &mut Cx, entry: &str, path: &P<'_>) {
    match hosts::check_outbound_host_v2(entry) {
        Ok(Outbound::Template(_)) | Err(OutboundProblem::Unclosed(_)) => {}
        Ok(Outbound::Literal(literal)) => {
            uppercase_scheme::check(cx, entry, path);
            allows_all_hosts::check_outbound(cx, entry, &literal, path);
            empty_port_range::check(cx, &literal, path);
        }
        Err(OutboundProblem::Invalid(problem)) => {
            problem.report(cx, &RULE, path);
        }
    }
}

/// Checks what a template entry becomes with the variables' defaults.
pub(crate) fn check_resolved_at(cx: &mut Cx, entry: &str, resolved: &str, path: FieldPath) {
    if matches!(resolved.trim(), "" | "http://" | "https://") {
        // An optional endpoint left empty: Spin skips it.
        return;
    }
    if let Err(OutboundProblem::Invalid(problem)) = hosts::check_outbound_host_v2(resolved) {
        cx.report_at(
            &RULE,
            path,
            format!("with the variables' defaults, `{entry}` becomes `{resolved}`, which is not a valid entry"),
        )
        .help(format!("{}; correct the defaults or the template", problem.message))
        .note("Spin resolves the template with the defaults when it loads the application, and refuses the result");
    }
}
