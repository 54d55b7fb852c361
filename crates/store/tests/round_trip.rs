//! Every annotator and review file the repository ships (`examples/`,
//! `annotations/`, `tests/fixtures/`) loads and saves again to the same
//! bytes. A file that does not load (the fixtures of bad input) is left out.
//!
//! The few fixtures written by hand with comments are not in the form byline
//! writes (a save is deterministic, FORMAT.md: the same annotations give the
//! same bytes, so comments go): what a save writes for each of them is held
//! in a snapshot, taken with the writer that came before toml_edit.

use byline_store as store;
use std::path::{Path, PathBuf};

fn shipped() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["examples", "annotations", "tests/fixtures"] {
        for e in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let e = e.expect("a readable folder");
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml") {
                files.push(e.into_path());
            }
        }
    }
    files
}

/// What a save writes for the file, or `None` if it does not load.
fn saved(path: &Path, text: &str) -> Option<String> {
    if path.to_string_lossy().ends_with(".review.toml") {
        store::review::parse(path, text)
            .ok()
            .map(|r| store::review::to_string(&r))
    } else {
        store::parse(path, text).ok().map(|s| store::to_string(&s))
    }
}

#[test]
fn every_shipped_file_saves_to_its_own_bytes() {
    let mut read = 0;
    let mut differ = Vec::new();
    for path in shipped() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(out) = saved(&path, &text) else {
            continue;
        };
        read += 1;
        let hand_written = text.lines().any(|l| l.starts_with('#'));
        if hand_written {
            let name = path
                .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
                .unwrap_or(&path)
                .display()
                .to_string()
                .replace('/', "__");
            insta::assert_snapshot!(name.clone(), out);
            // And saving what a save wrote changes nothing.
            assert_eq!(saved(&path, &out).as_deref(), Some(&*out), "{name}");
        } else if out != text {
            differ.push(path.display().to_string());
        }
    }
    assert!(read >= 40, "only {read} files loaded");
    assert!(differ.is_empty(), "saved to other bytes: {differ:#?}");
}

/// Unknown keys of every shape, and strings with every kind of character a
/// basic string escapes, in every place a file has them: what a save writes
/// is held in a snapshot taken with the writer that came before toml_edit.
const EVERY_SHAPE: &str = r#"format = "byline/1"
zeta = "last \"top\" key"
alpha = 1.0
nums = [1, 2.5, -0.0, -inf, 1e300, 100000000000000000.0]
empty_list = []
mixed = [{ a = 1 }, 2]
"odd key" = 'single \ quoted'
'key "q"' = 2
when = 2026-11-26T04:10:00Z
day = 2026-11-26
at = 04:10:00

[article]
id = "a"
title = "T \"q\" \\ tab\t cr\r bell\u0007 del\u007F nel\u0085 bs\u0008 ff\u000C"
sha256 = "abc"
paragraphs = 3
batch = "week 3"
meta = { "x y" = { z = [1, { w = "v" }] }, b = {} }
sub.dotted = true

[article.nested]
deep = "it's"

[annotator]
name = "Alex"
round = 2
list = [[1, 2], ["a", 'b"c']]

[[claims]]
paragraph = 1
start = 0
end = 1
quote = "x\ny"
kind = "sourced"
tags = ["t\"1", "t2"]
confidence = 0.1
from = ["b", "a"]
cue = "said"

[[claims]]
id = "k"
paragraph = 2
start = 3
end = 4
quote = "ü 🚢"
kind = "editorial"
status = "needs-review"
previous_quote = "old"

[[dismissed]]
paragraph = 1
start = 0
end = 2
quote = "xy"
kind = "anonymous"
from = ["c"]

[notes]
seen = true
say = 'He said "no"'
list = [{ a = 1 }, { a = 2 }]

[notes.sub]
x = 1

[only_sub.inner]
y = "z"

[[history]]
at = 2026-11-26T04:10:00Z
what = "made"

[[history]]
what = "changed"

[[history.parts]]
n = 1

[empty]
"#;

#[test]
fn every_shape_of_unknown_key_saves_as_before() {
    let path = Path::new("a/alex.toml");
    let set = store::parse(path, EVERY_SHAPE).expect("parses");
    let out = store::to_string(&set);
    insta::assert_snapshot!(out);
    let back = store::parse(path, &out).expect("parses back");
    assert_eq!(back, set);
    assert_eq!(store::to_string(&back), out);
}

const REVIEW_SHAPES: &str = r#"format = "byline-review/1"
team = "desk \"a\""
score = 3.0

[review]
article = "a"
reviewer = "Sam"
of = "alex"
updated = 2026-11-26T04:10:00Z
round = { n = 2, "k k" = "v" }

[[verdicts]]
claim = "k"
paragraph = 1
start = 0
end = 4
quote = "ab\tcd"
verdict = "dispute"
kind = "editorial"
comment = "the writer's \"inference\""
confidence = 0.5

[notes]
seen = true
"#;

#[test]
fn a_review_with_unknown_keys_saves_as_before() {
    let path = Path::new("a/sam.review.toml");
    let r = store::review::parse(path, REVIEW_SHAPES).expect("parses");
    let out = store::review::to_string(&r);
    insta::assert_snapshot!(out);
    assert_eq!(store::review::parse(path, &out).expect("parses back"), r);
}
