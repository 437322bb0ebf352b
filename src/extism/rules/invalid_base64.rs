//! `extism/invalid-base64`: `data` is not standard, padded base64.

use std::ops::Range;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::codes::{Category, Rule};
use crate::path::P;
use crate::read::Cx;

pub(crate) static RULE: Rule = Rule::error("extism/invalid-base64")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`data` is not standard, padded base64.",
        "The official crate decodes `data` with the standard alphabet and required padding; any mistake is swallowed into \"data did not match any variant of untagged enum Wasm\", without saying where.",
        "{ \"wasm\": [{ \"data\": \"AGFzbQEAAAA\" }] }",
        "Encode the module again with standard base64 (`A-Z a-z 0-9 + /`, padded with `=`), e.g. `base64 -w0 plugin.wasm`.",
    );

const GENERAL: &str = "encode the module again with standard base64 (`A-Z a-z 0-9 + /`, padded with `=`), e.g. `base64 -w0 plugin.wasm`";

/// Decodes `data`, once; a mistake is reported at its character.
pub(crate) fn decode(cx: &mut Cx, text: &str, path: &P<'_>) -> Option<Vec<u8>> {
    let error = match STANDARD.decode(text) {
        Ok(bytes) => return Some(bytes),
        Err(error) => error,
    };
    let (message, within, help) = explain(text, error);
    let pending = cx.report(&RULE, path, message);
    if let Some(range) = within {
        pending.within(range);
    }
    pending.help(help).note(
        "the official crate reports any base64 mistake as \"data did not match any variant of untagged enum Wasm\", without a position",
    );
    None
}

/// The message, the culprit's range in the text and the help for a
/// decoding error.
fn explain(text: &str, error: base64::DecodeError) -> (String, Option<Range<usize>>, String) {
    use base64::DecodeError;
    match error {
        DecodeError::InvalidByte(at, byte) => {
            let ch = text
                .get(at..)
                .and_then(|s| s.chars().next())
                .unwrap_or(char::from(byte));
            let what = match ch {
                '\n' | '\r' => "a line break".to_owned(),
                ' ' => "a space".to_owned(),
                '\t' => "a tab".to_owned(),
                '=' => "padding `=`".to_owned(),
                c if c.is_control() => format!("the control character U+{:04X}", c as u32),
                c => format!("`{c}`"),
            };
            let help = match ch {
                '-' | '_' => "this is the URL-safe alphabet: replace `-` with `+` and `_` with `/`".to_owned(),
                '\n' | '\r' | ' ' | '\t' => {
                    "remove the whitespace: the module must be one unbroken base64 string (e.g. `base64 -w0 plugin.wasm`)".to_owned()
                }
                '=' => "`=` may only pad the end of the text; several base64 strings seem to be joined together".to_owned(),
                _ => GENERAL.to_owned(),
            };
            (
                format!("`data` is not valid base64: {what} at offset {at}"),
                Some(at..at + ch.len_utf8()),
                help,
            )
        }
        DecodeError::InvalidLength(symbols) => (
            format!(
                "`data` is not valid base64: {symbols} symbols cannot be a whole encoding (one is missing or extra)"
            ),
            None,
            format!("the text looks truncated: {GENERAL}"),
        ),
        DecodeError::InvalidLastSymbol { offset, symbol, .. } => (
            format!(
                "`data` is not valid base64: its last symbol `{}` (offset {offset}) has bits that encode nothing",
                char::from(symbol)
            ),
            Some(offset..offset + 1),
            format!("the text is truncated or corrupted: {GENERAL}"),
        ),
        DecodeError::InvalidPadding => {
            let body = text.trim_end_matches('=');
            let needed = (4 - body.len() % 4) % 4;
            let end = text.len();
            if text.len() == body.len() && needed > 0 {
                (
                    "`data` is not valid base64: the `=` padding is missing".to_owned(),
                    Some(end.saturating_sub(1)..end),
                    format!(
                        "standard base64 is padded to a multiple of 4 characters: add `{}` at the end",
                        "=".repeat(needed)
                    ),
                )
            } else {
                (
                    "`data` is not valid base64: the `=` padding is wrong".to_owned(),
                    Some(body.len()..end),
                    if needed == 0 {
                        "remove the `=` at the end: the text is already a multiple of 4 characters"
                            .to_owned()
                    } else {
                        format!(
                            "end the text with exactly `{}` so that it is a multiple of 4 characters",
                            "=".repeat(needed)
                        )
                    },
                )
            }
        }
    }
}
