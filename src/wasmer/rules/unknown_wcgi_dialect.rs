//! `wasmer/unknown-wcgi-dialect`: `[command.annotations.wcgi] dialect` other than `rfc-3875` or `wcgi`.

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;

pub(crate) static RULE: Rule = Rule::warning("wasmer/unknown-wcgi-dialect")
    .category(Category::Suspicious)
    .doc(
        "`[command.annotations.wcgi] dialect` other than `rfc-3875` or `wcgi`.",
        "The WCGI runner knows only these two dialects.",
        "[command.annotations.wcgi]\ndialect = \"cgi\"",
        "Use `rfc-3875` (plain CGI, the default) or `wcgi`.",
    );

const DIALECTS: &[&str] = &["rfc-3875", "wcgi"];

/// Checks `[command.annotations.wcgi] dialect`.
pub(crate) fn check(cx: &mut Cx, dialect: &str, path: &P<'_>) {
    if DIALECTS.contains(&dialect) {
        return;
    }
    let best = suggest::closest(dialect, DIALECTS);
    let pending = cx.report(&RULE, path, format!("unknown WCGI dialect `{dialect}`"));
    match best {
        Some(best) => pending.suggest_str(dialect, best, DIALECTS),
        None => pending.help("use `rfc-3875` (plain CGI, the default) or `wcgi`"),
    };
}
