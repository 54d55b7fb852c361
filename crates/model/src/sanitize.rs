//! The one layer between untrusted text and a terminal.
//!
//! Every article, annotation file and file name byline reads may come from
//! someone else's repository (docs/security.md). A terminal obeys control
//! characters in what it is given: `ESC ] 0 ; … BEL` retitles the window,
//! OSC 52 writes the clipboard, U+202E reverses what the reader sees. So
//! every human-readable output and every error message goes through here,
//! and the characters a terminal acts on are shown escaped (`\u{1b}`)
//! instead: C0 controls (but newline and tab where the output allows them),
//! DEL, C1 controls and the bidirectional overrides and isolates.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Whether a terminal may act on `c` rather than show it.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// How an escaped character is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `\u{1b}`: text for people (terminal output, Markdown, CSV, messages).
    Text,
    /// `\u001b`: inside a JSON string, where it decodes to the same
    /// character, so tools read exactly the data.
    Json,
}

fn escape_into(out: &mut String, c: char, style: Style) {
    let _ = match style {
        Style::Text => write!(out, "\\u{{{:x}}}", c as u32),
        Style::Json => write!(out, "\\u{:04x}", c as u32),
    };
}

fn escaped(s: &str, keep: impl Fn(char) -> bool, style: Style) -> Cow<'_, str> {
    // A CR is kept only as half of a CRLF line end (CSV writes them); alone
    // it moves the cursor back over what was shown.
    let crlf = |i: usize| style == Style::Text && keep('\n') && s[i..].starts_with("\r\n");
    let bad = |i: usize, c: char| is_unsafe(c) && !keep(c) && !(c == '\r' && crlf(i));
    if !s.char_indices().any(|(i, c)| bad(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, c) in s.char_indices() {
        if bad(i, c) {
            escape_into(&mut out, c, style);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal or a text file: newlines (LF or CRLF) and tabs
/// kept, every other unsafe character escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    escaped(s, |c| c == '\n' || c == '\t', Style::Text)
}

/// One line for a terminal (an error message, a field shown in a list):
/// newlines and tabs escaped too, so a file name cannot start a fake line.
pub fn line(s: &str) -> Cow<'_, str> {
    escaped(s, |_| false, Style::Text)
}

/// JSON text with the characters serde_json leaves raw (DEL, C1, bidi
/// controls) written as `\uXXXX`. They can only occur inside strings, where
/// the escape means the same character.
pub fn json(s: &str) -> Cow<'_, str> {
    escaped(s, |c| c == '\n' || c == '\t' || c == '\r', Style::Json)
}

/// A writer that sanitises everything written through it, in the given
/// style. Writes may split a character; its first bytes wait for the rest.
/// Bytes that are not UTF-8 at all are shown as `\xNN`.
pub struct Guard<W: Write> {
    inner: W,
    style: Style,
    pending: Vec<u8>,
}

impl<W: Write> Guard<W> {
    pub fn new(inner: W, style: Style) -> Guard<W> {
        Guard {
            inner,
            style,
            pending: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// The inner writer, after any incomplete character is written escaped.
    pub fn into_inner(mut self) -> io::Result<W> {
        let rest = std::mem::take(&mut self.pending);
        self.write_invalid(&rest)?;
        Ok(self.inner)
    }

    fn write_str(&mut self, s: &str) -> io::Result<()> {
        let clean = match self.style {
            Style::Text => text(s),
            Style::Json => json(s),
        };
        self.inner.write_all(clean.as_bytes())
    }

    fn write_invalid(&mut self, bytes: &[u8]) -> io::Result<()> {
        for b in bytes {
            write!(self.inner, "\\x{b:02x}")?;
        }
        Ok(())
    }
}

impl<W: Write> Write for Guard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The common case, plain ASCII text, goes through untouched.
        if self.pending.is_empty()
            && buf
                .iter()
                .all(|&b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
        {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut at = 0;
        while at < bytes.len() {
            match std::str::from_utf8(&bytes[at..]) {
                Ok(s) => {
                    // A CR that ends the write may be the first half of a
                    // CRLF: it waits for the next write.
                    let (now, later) = match s.strip_suffix('\r') {
                        Some(head) if self.style == Style::Text => (head, "\r"),
                        _ => (s, ""),
                    };
                    self.write_str(now)?;
                    self.pending = later.as_bytes().to_vec();
                    at = bytes.len();
                }
                Err(e) => {
                    let good = at + e.valid_up_to();
                    // Checked by from_utf8 just above.
                    let s = std::str::from_utf8(&bytes[at..good]).unwrap_or_default();
                    self.write_str(s)?;
                    match e.error_len() {
                        Some(n) => {
                            self.write_invalid(&bytes[good..good + n])?;
                            at = good + n;
                        }
                        None => {
                            // A character cut by the write: keep its start.
                            self.pending = bytes[good..].to_vec();
                            at = bytes.len();
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_obeys() {
        assert_eq!(
            text("a\u{1b}]0;x\u{7}b\tc\nd\u{9b}e\u{202e}f\u{7f}"),
            "a\\u{1b}]0;x\\u{7}b\tc\nd\\u{9b}e\\u{202e}f\\u{7f}"
        );
        assert_eq!(line("a\nb\tc\rd"), "a\\u{a}b\\u{9}c\\u{d}d");
        assert_eq!(json("\"a\u{9b}\u{2067}\"\n"), "\"a\\u009b\\u2067\"\n");
        assert!(matches!(text("plain — café"), Cow::Borrowed(_)));
        assert_eq!(text("a\r\nb\rc"), "a\r\nb\\u{d}c");
        assert_eq!(line("a\r\n"), "a\\u{d}\\u{a}");
    }

    #[test]
    fn the_writer_handles_characters_split_across_writes() {
        let mut g = Guard::new(Vec::new(), Style::Text);
        let s = "é\u{9b}x\u{202e}";
        for b in s.as_bytes() {
            g.write_all(&[*b]).unwrap();
        }
        g.write_all(b"\xff!").unwrap();
        g.write_all(b"\r").unwrap();
        g.write_all(b"\n\r").unwrap();
        g.write_all(b"\xe2\x80").unwrap();
        let out = String::from_utf8(g.into_inner().unwrap()).unwrap();
        assert_eq!(out, "é\\u{9b}x\\u{202e}\\xff!\r\n\\u{d}\\xe2\\x80");
    }
}
