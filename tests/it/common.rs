//! What the CLI tests of the export formats and of `import` share: the
//! repository root and running the real binary in a folder.

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
