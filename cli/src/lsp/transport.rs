//! Reading JSON-RPC messages framed by `Content-Length` headers, with
//! bounds: a header line or a body larger than the limits is skipped, not
//! loaded, and a message that is not JSON-RPC is reported and passed over,
//! so no input stops or crashes the server.

use std::io::{self, BufRead, Read, Write};

use lsp_server::{Message, RequestId};

/// The largest message body read: the library refuses documents over
/// 10 MiB, and JSON escaping can double a text's size, with room to spare.
const MAX_BODY: usize = 64 * 1024 * 1024;

/// The longest header line.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// What came from the client.
pub enum Incoming {
    /// A message.
    Message(Message),
    /// Something that is not a message: why, and the id of the request it
    /// seems to be, to answer it with an error.
    Invalid {
        reason: String,
        id: Option<RequestId>,
    },
    /// The end of the input.
    End,
}

/// Reads the next message.
pub fn read(input: &mut impl BufRead) -> Incoming {
    let mut length = None;
    let mut seen_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        match input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => return Incoming::End,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Incoming::End,
        }
        if !line.ends_with(b"\n") {
            return invalid("a header line is too long or unterminated");
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if seen_header {
                break;
            }
            continue; // blank lines between messages
        }
        seen_header = true;
        let Some((name, value)) = text.split_once(':') else {
            return invalid(&format!("malformed header `{}`", text.escape_debug()));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => return invalid("the Content-Length header is not a number"),
            }
        }
    }
    let Some(length) = length else {
        return invalid("a message without a Content-Length header");
    };
    if length > MAX_BODY {
        let skipped = io::copy(&mut input.by_ref().take(length as u64), &mut io::sink());
        if !matches!(skipped, Ok(n) if n == length as u64) {
            return Incoming::End;
        }
        return invalid(&format!(
            "a message of {length} bytes, over the {MAX_BODY}-byte limit, was skipped"
        ));
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Incoming::End;
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => return invalid(&format!("a message that is not JSON: {e}")),
    };
    let id = request_id(&value);
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => Incoming::Invalid {
            reason: format!("a message that is not JSON-RPC: {e}"),
            id,
        },
    }
}

fn invalid(reason: &str) -> Incoming {
    Incoming::Invalid {
        reason: reason.to_owned(),
        id: None,
    }
}

/// The `id` of a request-looking object, if it is a number or a string.
fn request_id(value: &serde_json::Value) -> Option<RequestId> {
    value.get("method")?;
    match value.get("id")? {
        serde_json::Value::Number(n) => Some(RequestId::from(i32::try_from(n.as_i64()?).ok()?)),
        serde_json::Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

/// Writes one message; an error means the client is gone.
pub fn write(output: &mut impl Write, message: Message) -> io::Result<()> {
    message.write(output)?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_messages_and_passes_over_garbage() {
        let input = format!(
            "{}garbage\r\n\r\n{}Content-Length: 99999999999999\r\n\r\n{}",
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            frame("{"),
        );
        let mut input = io::Cursor::new(input.into_bytes());
        assert!(matches!(
            read(&mut input),
            Incoming::Message(Message::Notification(_))
        ));
        assert!(matches!(
            read(&mut input),
            Incoming::Invalid { id: None, .. }
        ));
        match read(&mut input) {
            Incoming::Invalid { id: Some(id), .. } => assert_eq!(id, RequestId::from(7)),
            _ => panic!("expected an invalid request with its id"),
        }
        // The huge length swallows the rest: the input ends.
        assert!(matches!(read(&mut input), Incoming::End));
    }
}
