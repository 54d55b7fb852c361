//! What the integration tests share: the repository root, running the
//! real binary in a folder, and the check that output holds nothing a
//! terminal would obey.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// A finished run of `byline`: exit code (-1 for a signal) and its output.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `byline ARGS…` in `dir`, without colour, as a fixed annotator.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("byline")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BYLINE_ANNOTATOR", "Test Importer")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// No byte a terminal would obey: nothing below 0x20 but tab and newline
/// (CR only in a CRLF), no DEL, no C1, no bidi override or isolate, and
/// valid UTF-8 (so no stray C1 byte either).
#[track_caller]
pub fn assert_clean(bytes: &[u8], what: &str) {
    let text =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e}): {bytes:?}"));
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let ok = match c {
            '\n' | '\t' => true,
            '\r' => chars.get(i + 1) == Some(&'\n'),
            c => !byline_model::sanitize::is_unsafe(c),
        };
        assert!(
            ok,
            "{what}: raw U+{:04X} at char {i}: {:?}",
            c as u32,
            &text[text.char_indices().nth(i.saturating_sub(40)).unwrap().0..]
        );
    }
}
