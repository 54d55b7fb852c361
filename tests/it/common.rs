//! What the integration tests share: the repository root, running the
//! real binary in a folder, a small random generator, and the check that
//! output holds nothing a terminal would obey.

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
    out.into()
}

/// `byline export FOLDER --format html EXTRA… -o OUT` in `dir`: the page
/// it wrote, once it exited 0.
#[track_caller]
pub fn html_report(dir: &Path, folder: &str, extra: &[&str], out: &Path) -> String {
    let mut args = vec!["export", folder, "--format", "html"];
    args.extend_from_slice(extra);
    args.extend(["-o", out.to_str().unwrap()]);
    let r = run(dir, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read_to_string(out).unwrap()
}

/// Output that must be UTF-8; a signal is code -1.
impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

/// A finished run whose output may be any bytes (read lossily): exit
/// code (`None` for a signal) and its output.
pub struct LossyRun {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<&std::process::Output> for LossyRun {
    fn from(out: &std::process::Output) -> LossyRun {
        LossyRun {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A small deterministic generator (xorshift; no extra crate): the seed
/// is printed, or given, so a failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    /// Seeded from the clock, the seed printed.
    pub fn seeded() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        eprintln!("seed {seed}");
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// A finished run kept as bytes, to check them as they are: exit code
/// (`C`: `i32`, or `Option<i32>` where a signal must show) and output.
pub struct RawRun<C = i32> {
    pub code: C,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl<C> RawRun<C> {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Every file under `dir`, in the folders' order (not sorted).
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The text of `field` in each object of the JSON list `list`.
#[track_caller]
pub fn texts<'a>(list: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_str().unwrap())
        .collect()
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
