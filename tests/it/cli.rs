//! The command line without a terminal: help, usage errors, and a clear
//! refusal instead of a panic when there is no screen to draw on.

use assert_cmd::Command;
use predicates::prelude::*;

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

#[test]
fn annotate_without_a_terminal_says_so_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/articles/harbor-council.txt"
    );
    byline()
        .args(["annotate", article, "--annotator", "T", "--annotations"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr("byline: this screen needs a terminal (standard input and output are not one)\n");
}

#[test]
fn help_and_usage_errors() {
    byline()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("annotate"));
    byline()
        .args(["annotate", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--annotations <DIR>"));
    byline().arg("annotate").assert().code(2);
    byline().arg("frobnicate").assert().code(2);
}
