//! `wasm-manifests lsp`: a language server on standard input and output.
//!
//! One thread reads a message, answers it and reads the next: checking a
//! manifest takes milliseconds, so nothing needs to run in the background.
//!
//! - [`transport`] reads the `Content-Length` framed messages, within bounds;
//! - [`document`] keeps each open document and what the library found in it;
//! - [`features`] answers hover, completion and code action requests;
//! - [`schema`] walks the JSON Schemas for descriptions and keys;
//! - [`text`] converts byte offsets to positions and back.

mod document;
mod features;
mod schema;
mod text;
mod transport;

use std::collections::HashMap;
use std::io::Write;

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, LogMessage,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Completion, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, InitializeResult, LogMessageParams, MessageType,
    PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;

use crate::Status;
use document::Document;
use schema::Schemas;
use text::Encoding;

/// Where the server is in the life of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Waiting for `initialize`.
    Starting,
    /// Answering requests.
    Running,
    /// `shutdown` received: waiting for `exit`.
    ShuttingDown,
}

struct Server<W: Write> {
    output: W,
    phase: Phase,
    encoding: Encoding,
    documents: HashMap<Uri, Document>,
    schemas: Schemas,
}

/// A failed request: the error code and message to answer with.
struct Failure(ErrorCode, String);

/// Runs the server until `exit` or the end of the input. The status is 0
/// after `shutdown` then `exit`, 1 otherwise, as the protocol asks.
pub fn run() -> Status {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut server = Server {
        output: std::io::stdout().lock(),
        phase: Phase::Starting,
        encoding: Encoding::Utf16,
        documents: HashMap::new(),
        schemas: Schemas::default(),
    };
    loop {
        let message = match transport::read(&mut input) {
            transport::Incoming::Message(message) => message,
            transport::Incoming::Invalid { reason, id } => {
                eprintln!("wasm-manifests lsp: {reason}");
                if let Some(id) = id {
                    let reply = Response::new_err(id, ErrorCode::InvalidRequest as i32, reason);
                    if server.send(reply.into()).is_err() {
                        return Status::Errors;
                    }
                }
                continue;
            }
            transport::Incoming::End => return Status::Errors,
        };
        match server.handle(message) {
            Ok(None) => {}
            Ok(Some(status)) => return status,
            // The client is gone.
            Err(_) => return Status::Errors,
        }
    }
}

impl<W: Write> Server<W> {
    fn send(&mut self, message: Message) -> std::io::Result<()> {
        transport::write(&mut self.output, message)
    }

    /// Handles one message; `Some` status to stop with.
    fn handle(&mut self, message: Message) -> std::io::Result<Option<Status>> {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                let reply = match guarded(|| self.request(request)) {
                    Some(Ok(result)) => Response::new_ok(id, result),
                    Some(Err(Failure(code, message))) => {
                        Response::new_err(id, code as i32, message)
                    }
                    None => Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        INTERNAL_ERROR.to_owned(),
                    ),
                };
                self.send(reply.into())?;
            }
            Message::Notification(notification) if notification.method == "exit" => {
                return Ok(Some(if self.phase == Phase::ShuttingDown {
                    Status::Clean
                } else {
                    Status::Errors
                }));
            }
            Message::Notification(notification) if self.phase == Phase::Running => {
                if let Some(sent) = guarded(|| self.notification(notification)) {
                    sent?;
                }
            }
            // Before `initialize` and after `shutdown`, notifications are
            // dropped; responses answer nothing the server asked.
            Message::Notification(_) | Message::Response(_) => {}
        }
        Ok(None)
    }

    fn request(&mut self, request: Request) -> Result<serde_json::Value, Failure> {
        match (self.phase, request.method.as_str()) {
            (Phase::Starting, "initialize") => {
                let params: InitializeParams = params(request.params)?;
                self.phase = Phase::Running;
                return to_value(self.initialize(&params));
            }
            (Phase::Starting, _) => {
                return Err(Failure(
                    ErrorCode::ServerNotInitialized,
                    "the server is not initialized: send `initialize` first".to_owned(),
                ));
            }
            (Phase::ShuttingDown, _) => {
                return Err(Failure(
                    ErrorCode::InvalidRequest,
                    "the server is shutting down: only `exit` is expected".to_owned(),
                ));
            }
            (Phase::Running, "initialize") => {
                return Err(Failure(
                    ErrorCode::InvalidRequest,
                    "the server is already initialized".to_owned(),
                ));
            }
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShuttingDown;
                return Ok(serde_json::Value::Null);
            }
            (Phase::Running, _) => {}
        }
        let encoding = self.encoding;
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let params: lsp_types::HoverParams = params(request.params)?;
                let uri = &params.text_document_position_params.text_document.uri;
                let hover = self.documents.get(uri).and_then(|document| {
                    features::hover(document, &params, encoding, &mut self.schemas)
                });
                to_value(hover)
            }
            Completion::METHOD => {
                let params: lsp_types::CompletionParams = params(request.params)?;
                let uri = &params.text_document_position.text_document.uri;
                let items = self.documents.get(uri).and_then(|document| {
                    features::completion(document, &params, encoding, &mut self.schemas)
                });
                to_value(items)
            }
            CodeActionRequest::METHOD => {
                let params: lsp_types::CodeActionParams = params(request.params)?;
                let actions = self
                    .documents
                    .get(&params.text_document.uri)
                    .map(|document| features::code_actions(document, &params, encoding))
                    .unwrap_or_default();
                to_value(actions)
            }
            method => Err(Failure(
                ErrorCode::MethodNotFound,
                format!("unknown method `{method}`"),
            )),
        }
    }

    /// The capabilities, with the position encoding: UTF-8 when the client
    /// offers it, otherwise UTF-16, which every client understands.
    fn initialize(&mut self, params: &InitializeParams) -> InitializeResult {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref())
            .unwrap_or_default();
        let (encoding, kind) = if offered.contains(&PositionEncodingKind::UTF8) {
            (Encoding::Utf8, PositionEncodingKind::UTF8)
        } else {
            (Encoding::Utf16, PositionEncodingKind::UTF16)
        };
        self.encoding = encoding;
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(kind),
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::FULL,
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["[".to_owned()]),
                    ..CompletionOptions::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::from(features::FIX_ALL),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "wasm-manifests".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        }
    }

    fn notification(&mut self, notification: Notification) -> std::io::Result<()> {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(params) =
                    params::<lsp_types::DidOpenTextDocumentParams>(notification.params)
                else {
                    return Ok(());
                };
                let item = params.text_document;
                let document = Document::new(item.uri.clone(), item.version, item.text);
                self.documents.insert(item.uri.clone(), document);
                self.check(&item.uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let Ok(params) =
                    params::<lsp_types::DidChangeTextDocumentParams>(notification.params)
                else {
                    return Ok(());
                };
                let encoding = self.encoding;
                let uri = params.text_document.uri;
                let Some(document) = self.documents.get_mut(&uri) else {
                    return Ok(());
                };
                let mut text = std::mem::take(&mut document.text);
                for change in params.content_changes {
                    match change.range {
                        // The server asks for whole texts, but a ranged
                        // change is applied all the same.
                        Some(range) => {
                            let lines = text::Lines::new(&text);
                            let start = lines.offset(&text, range.start, encoding);
                            let end = lines.offset(&text, range.end, encoding).max(start);
                            text.replace_range(start..end, &change.text);
                        }
                        None => text = change.text,
                    }
                }
                document.set_text(params.text_document.version, text);
                self.check(&uri)?;
            }
            DidCloseTextDocument::METHOD => {
                let Ok(params) =
                    params::<lsp_types::DidCloseTextDocumentParams>(notification.params)
                else {
                    return Ok(());
                };
                let uri = params.text_document.uri;
                if self.documents.remove(&uri).is_some() {
                    self.publish(uri, Vec::new(), None)?;
                }
            }
            // `initialized`, `$/cancelRequest`, settings and the like need
            // nothing from this server.
            _ => {}
        }
        Ok(())
    }

    /// Reads a document again and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) -> std::io::Result<()> {
        let encoding = self.encoding;
        let Some(document) = self.documents.get_mut(uri) else {
            return Ok(());
        };
        let problem = document.analyse();
        let diagnostics = document
            .diagnostics
            .iter()
            .map(|d| document.to_lsp(d, encoding))
            .collect();
        let version = document.version;
        if let Some(problem) = problem {
            let log = Notification::new(
                LogMessage::METHOD.to_owned(),
                LogMessageParams {
                    typ: MessageType::WARNING,
                    message: problem,
                },
            );
            self.send(log.into())?;
        }
        self.publish(uri.clone(), diagnostics, Some(version))
    }

    fn publish(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> std::io::Result<()> {
        let notification = Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
        self.send(notification.into())
    }
}

const INTERNAL_ERROR: &str = "internal error in wasm-manifests: this is a bug, please report it";

/// Runs `work`; `None` if it panicked (the panic is printed on standard
/// error), so that one bad request does not end the session.
fn guarded<T>(work: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).ok()
}

/// The parameters of a message, or an `InvalidParams` failure.
fn params<P: DeserializeOwned>(value: serde_json::Value) -> Result<P, Failure> {
    serde_json::from_value(value)
        .map_err(|e| Failure(ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
}

fn to_value(result: impl serde::Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(result).map_err(|e| {
        Failure(
            ErrorCode::InternalError,
            format!("cannot write the answer: {e}"),
        )
    })
}
