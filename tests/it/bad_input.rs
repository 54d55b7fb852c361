//! Every bad input gets one clear message naming the file (and line and
//! column for TOML), exit code 1, never a panic, and no file that failed to
//! load is ever written. docs/bad-input.md lists these tests by name.

use crate::common::LossyRun;
use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::{Loc, Para};
use byline_store as store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn byline(args: &[&std::ffi::OsStr]) -> LossyRun {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("BYLINE_ANNOTATOR", "Alex Example")
        .output()
        .unwrap();
    LossyRun::from(&out)
}

/// Exit 1 and one readable line on stderr that names `file` and says `what`.
fn assert_one_clear_error(r: &LossyRun, file: &str, what: &str) {
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {:?}", r.stderr);
    let line = lines[0];
    assert!(line.starts_with("byline: "), "{line}");
    assert!(line.contains(file), "names {file}: {line}");
    assert!(line.contains(what), "says {what:?}: {line}");
    for dump in ["panicked", "Os {", "Error {", "kind:", "RUST_BACKTRACE"] {
        assert!(!line.contains(dump), "no Debug dump or panic: {line}");
    }
}

fn annotate(article: &Path, dir: &Path) -> LossyRun {
    byline(&[
        "annotate".as_ref(),
        article.as_os_str(),
        "--annotations".as_ref(),
        dir.as_os_str(),
    ])
}

fn check(file: &Path, article: &Path, fix: bool) -> LossyRun {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "check".as_ref(),
        file.as_os_str(),
        "--article".as_ref(),
        article.as_os_str(),
    ];
    if fix {
        args.push("--fix".as_ref());
    }
    byline(&args)
}

// ---- articles ---------------------------------------------------------------

#[test]
fn article_missing() {
    let dir = tempfile::tempdir().unwrap();
    let r = annotate(&dir.path().join("nope.txt"), dir.path());
    assert_one_clear_error(&r, "nope.txt", "no such article file");
}

#[test]
fn article_is_a_folder() {
    // A folder is a corpus (the article list); one with no articles in it
    // says so.
    let dir = tempfile::tempdir().unwrap();
    let r = annotate(dir.path(), dir.path());
    assert_one_clear_error(&r, &dir.path().display().to_string(), "no articles here");
}

#[test]
fn article_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_one_clear_error(
        &annotate(&fixture("empty.txt"), dir.path()),
        "empty.txt",
        "the article is empty",
    );
    assert_one_clear_error(
        &annotate(&fixture("blank.txt"), dir.path()),
        "blank.txt",
        "the article is empty",
    );
}

#[test]
fn article_binary() {
    let dir = tempfile::tempdir().unwrap();
    let r = annotate(&fixture("binary.txt"), dir.path());
    assert_one_clear_error(&r, "binary.txt", "binary file");
}

#[test]
fn article_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let r = annotate(&fixture("latin1.txt"), dir.path());
    assert_one_clear_error(
        &r,
        "latin1.txt",
        "not UTF-8 text (invalid byte at offset 3)",
    );
}

#[test]
fn article_over_64_mb() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // Sparse: the size is refused before a byte is read.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    let r = annotate(&big, dir.path());
    assert_one_clear_error(&r, "huge.txt", "refuses articles over 64 MB");
}

#[test]
fn article_missing_for_check() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = valid_file(dir.path());
    let r = check(&file, &dir.path().join("gone.txt"), false);
    assert_one_clear_error(&r, "gone.txt", "no such article file");
}

#[test]
fn article_path_unknown_for_check() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = valid_file(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("path = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    let r = byline(&["check".as_ref(), file.as_os_str()]);
    assert_one_clear_error(&r, "alex-example.toml", "no article.path");
}

// ---- annotation files ---------------------------------------------------------

/// A valid annotator file for fixtures/bad/article.txt, placed where
/// `byline annotate` looks for it; returns it and the article's copy.
fn valid_file(dir: &Path) -> (PathBuf, PathBuf) {
    let art = dir.join("article.txt");
    std::fs::copy(fixture("article.txt"), &art).unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let file = store::annotation_path(dir, &a.id, "Alex Example");
    let mut set = AnnotationSet::new(&a, "Alex Example", Some("../../article.txt".into()));
    let p = &a.paragraphs[1];
    set.claims.push(Claim::new(
        Loc::new(Para::from_index(1), 0, 48),
        p,
        Kind::Sourced,
    ));
    set.claims.push(Claim::new(
        Loc::new(Para::from_index(1), 49, 78),
        p,
        Kind::Editorial,
    ));
    set.assign_ids();
    set.sort();
    store::save(&file, &set).unwrap();
    (file, art)
}

/// Rewrites the valid file through `edit`, runs `annotate` and `check
/// --fix` on it, and checks both refuse with the same clear message and
/// leave the file's bytes alone.
fn refused(edit: impl Fn(&str) -> String, what: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (file, art) = valid_file(dir.path());
    let bad = edit(&std::fs::read_to_string(&file).unwrap());
    std::fs::write(&file, &bad).unwrap();
    let r = annotate(&art, dir.path());
    assert_one_clear_error(&r, "alex-example.toml", what);
    let fixed = check(&file, &art, true);
    assert_eq!(fixed.code, Some(1));
    assert!(fixed.stderr.contains(what), "{}", fixed.stderr);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        bad,
        "never written"
    );
    r.stderr
}

#[test]
fn toml_malformed() {
    let e = refused(|t| t.replace("[annotator]", "[annotator"), "expected");
    assert!(e.contains("alex-example.toml:"), "{e}");
    // A static fixture too, checked directly.
    let dir = tempfile::tempdir().unwrap();
    let r = check(&fixture("malformed.toml"), &fixture("article.txt"), false);
    assert_one_clear_error(&r, "malformed.toml:3:", "");
    drop(dir);
}

#[test]
fn toml_line_and_column_are_given() {
    let e = refused(
        |t| t.replacen("kind = \"sourced\"", "kind = \"sourced\" oops", 1),
        "alex-example.toml:",
    );
    // path:line:column: message
    let rest = e.split("alex-example.toml:").nth(1).unwrap();
    let mut parts = rest.splitn(3, ':');
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{e}");
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{e}");
}

#[test]
fn toml_empty_file() {
    let r = check(&fixture("empty.toml"), &fixture("article.txt"), false);
    assert_one_clear_error(&r, "empty.toml:1:1", "missing field `article`");
}

#[test]
fn toml_not_utf8() {
    let r = check(&fixture("not-utf8.toml"), &fixture("article.txt"), false);
    assert_one_clear_error(&r, "not-utf8.toml", "not UTF-8 text");
}

#[test]
fn toml_future_format() {
    let r = check(
        &fixture("future-format.toml"),
        &fixture("article.txt"),
        false,
    );
    assert_one_clear_error(&r, "future-format.toml:1:10", "byline/9");
}

#[test]
fn toml_missing_required_field() {
    refused(
        |t| {
            t.lines()
                .filter(|l| !l.starts_with("sha256 = "))
                .map(|l| format!("{l}\n"))
                .collect()
        },
        "missing field `sha256`",
    );
}

#[test]
fn toml_wrong_type() {
    refused(
        |t| t.replacen("paragraph = 2", "paragraph = \"two\"", 1),
        "invalid type",
    );
}

#[test]
fn annotation_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let r = check(dir.path(), &fixture("article.txt"), false);
    assert_one_clear_error(&r, &dir.path().display().to_string(), "is a folder");
}

#[test]
fn annotation_over_16_mb() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(16 * 1024 * 1024 + 1).unwrap();
    let r = check(&big, &fixture("article.txt"), false);
    assert_one_clear_error(&r, "big.toml", "refuses files over 16 MB");
}

#[test]
fn annotation_missing_for_check() {
    let dir = tempfile::tempdir().unwrap();
    let r = check(
        &dir.path().join("none.toml"),
        &fixture("article.txt"),
        false,
    );
    assert_one_clear_error(&r, "none.toml", "no such annotation file");
}

#[test]
fn unknown_kind() {
    let e = refused(
        |t| t.replacen("kind = \"editorial\"", "kind = \"opinion\"", 1),
        "unknown kind \"opinion\"",
    );
    assert!(e.contains("alex-example.toml:"), "{e}");
}

#[test]
fn offsets_reversed() {
    refused(
        |t| t.replacen("start = 0\nend = 48", "start = 48\nend = 0", 1),
        "start 48 is not before end 0",
    );
}

#[test]
fn offsets_negative() {
    refused(
        |t| t.replacen("start = 0", "start = -1", 1),
        "alex-example.toml:",
    );
}

#[test]
fn paragraph_out_of_range() {
    refused(
        |t| t.replacen("paragraph = 2", "paragraph = 9", 1),
        "outside 1..=3",
    );
    refused(
        |t| t.replacen("paragraph = 2", "paragraph = 0", 1),
        "outside 1..=3",
    );
}

#[test]
fn duplicate_ids() {
    refused(
        |t| {
            let ids: Vec<String> = t
                .lines()
                .filter(|l| l.starts_with("id = ") && !l.contains("article"))
                .map(str::to_owned)
                .collect();
            // The second claim takes the first one's id.
            t.replacen(&ids[1], &ids[0], 1)
        },
        "duplicate claim id",
    );
}

#[test]
fn quote_does_not_match_offsets_in_unchanged_article() {
    let dir = tempfile::tempdir().unwrap();
    let (file, art) = valid_file(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let bad = text.replacen("quote = \"The mayor", "quote = \"A mayor", 1);
    assert_ne!(bad, text);
    std::fs::write(&file, &bad).unwrap();
    let r = annotate(&art, dir.path());
    assert_one_clear_error(
        &r,
        "alex-example.toml",
        "does not match the article text at its offsets, though the article is unchanged",
    );
    assert!(r.stderr.contains("byline check"), "says what to do");
    // `check` reports it (re-anchored or needs review) instead of failing.
    let c = check(&file, &art, false);
    assert!(
        c.stdout.contains("needs-review") || c.stdout.contains("moved"),
        "{}",
        c.stdout
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bad);
}

#[test]
fn offsets_beyond_the_paragraph_in_unchanged_article() {
    let dir = tempfile::tempdir().unwrap();
    let (file, art) = valid_file(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let bad = text.replacen("end = 78", "end = 500", 1);
    assert_ne!(bad, text);
    std::fs::write(&file, &bad).unwrap();
    let r = annotate(&art, dir.path());
    assert_one_clear_error(&r, "alex-example.toml", "does not match the article text");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bad);
}

#[test]
fn annotation_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let r = check(&a, &fixture("article.txt"), true);
    assert_one_clear_error(&r, "a.toml", "symbolic links");
}

#[test]
fn a_valid_file_is_accepted() {
    // The baseline every bad variant above starts from.
    let dir = tempfile::tempdir().unwrap();
    let (file, art) = valid_file(dir.path());
    let r = check(&file, &art, false);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("2 ok, 0 moved, 0 need review"),
        "{}",
        r.stdout
    );
}
