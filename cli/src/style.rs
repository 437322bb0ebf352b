//! Colour: whether to use it, and the few styles the tool prints itself
//! (the reports are styled by the library).

use anstyle::{AnsiColor, Style};

use crate::ColorWhen;

/// Whether to colour what is written to a stream. `auto` follows the
/// conventions anstream implements: colour a terminal, unless `NO_COLOR`
/// is set (or `TERM=dumb`); `CLICOLOR_FORCE` forces it.
pub fn enabled<S: anstream::stream::RawStream>(when: ColorWhen, stream: &S) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
    }
}

/// Text painted with `style` when `on`.
pub fn paint(on: bool, style: Style, text: &str) -> String {
    if on {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_owned()
    }
}

/// The style of `error` in the tool's own messages.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// The style of `warning` in the tool's own messages.
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// The style of `help` in the tool's own messages.
pub const HELP: Style = AnsiColor::Cyan.on_default().bold();
/// The style of the summary line.
pub const BOLD: Style = Style::new().bold();

/// Prints `error: message` to standard error.
pub fn error(color: bool, message: &str) {
    to_stderr(&format!("{}: {message}", paint(color, ERROR, "error")));
}

/// Prints `warning: message` to standard error.
pub fn warning(color: bool, message: &str) {
    to_stderr(&format!("{}: {message}", paint(color, WARNING, "warning")));
}

/// Prints `  help: message` to standard error.
pub fn help(color: bool, message: &str) {
    to_stderr(&format!("  {}: {message}", paint(color, HELP, "help")));
}

/// Writes a line to standard error; a closed standard error is ignored
/// (where `eprintln!` would panic).
fn to_stderr(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
