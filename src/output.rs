//! Standard output and standard error for every command, through
//! [`byline_model::sanitize`].
//!
//! `println!` panics when stdout is a closed pipe (`byline check | head -1`)
//! or a full disk; these return the error instead. A closed pipe then ends
//! the command quietly, as ripgrep does ([`is_broken_pipe`] at the top of
//! `lib.rs`); any other write error is one line and exit 1. Messages on
//! stderr are best effort: there is nowhere left to report their failure.

use byline_model::sanitize;
use std::fmt::Display;
use std::io::{self, Write};

/// Why stdout could not be written, with the OS error: a full disk, a
/// closed pipe.
#[derive(Debug, thiserror::Error)]
// Not `#[source]`: the message holds the OS error, and `{:#}` would print
// it twice.
#[error("cannot write to standard output: {0}")]
pub struct StdoutError(pub io::Error);

fn stdout_bytes(bytes: &[u8]) -> Result<(), StdoutError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(StdoutError)
}

/// Writes human-readable text to stdout, unsafe characters escaped
/// (newlines and tabs kept).
pub fn print(s: &str) -> Result<(), StdoutError> {
    stdout_bytes(sanitize::text(s).as_bytes())
}

/// Writes JSON text to stdout, with the characters serde_json leaves raw
/// escaped inside their strings.
pub fn print_json(s: &str) -> Result<(), StdoutError> {
    stdout_bytes(sanitize::json(s).as_bytes())
}

/// `byline: <message>` on stderr, as one line whatever the message holds.
pub fn error(message: impl Display) {
    let line = format!("byline: {}\n", sanitize::line(&message.to_string()));
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// `byline: warning: <message>` on stderr, as one line.
pub fn warning(message: impl Display) {
    error(format_args!("warning: {message}"));
}

/// `skipped 2 file(s) that are not annotator files (WHAT): a, b`, for
/// commands given files that hold no claims; `None` when none were skipped.
pub fn skipped(files: &[std::path::PathBuf], what: &str) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    Some(format!(
        "skipped {} file(s) that are not annotator files ({what}): {}",
        files.len(),
        names.join(", ")
    ))
}

/// Text of several lines on stderr (a usage hint), unsafe characters
/// escaped but newlines kept.
pub fn error_text(text: &str) {
    let _ = io::stderr()
        .lock()
        .write_all(sanitize::text(text).as_bytes());
}

/// Whether the error, or one it was caused by, is a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<StdoutError>()
                .is_some_and(|s| s.0.kind() == io::ErrorKind::BrokenPipe)
    })
}
