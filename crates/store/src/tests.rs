use super::*;
use byline_model::annotation::Kind;
use std::path::Path;

/// The `[article]` table of the fixtures: the article they annotate.
macro_rules! article_table {
    () => {
        r#"[article]
id = "harbor-council"
title = "Council delays harbor vote"
sha256 = "abc"
paragraphs = 3
"#
    };
}

const MINIMAL: &str = concat!(
    "\n",
    article_table!(),
    r#"
[annotator]
name = "Alex Example"

[[claims]]
paragraph = 2
start = 4
end = 9
quote = "Ruiz "
kind = "editorial"

[[claims]]
paragraph = 1
start = 0
end = 7
quote = "Council"
kind = "sourced"
"#
);

fn p() -> &'static Path {
    Path::new("a/alex.toml")
}

#[test]
fn required_only_file_loads_sorted() {
    let set = parse(p(), MINIMAL).unwrap();
    assert_eq!(set.annotator.name, "Alex Example");
    assert_eq!(set.claims.len(), 2);
    assert_eq!(set.claims[0].at.para.number(), 1);
    assert_eq!(set.claims[1].kind, Kind::Editorial);
    assert_eq!(set.claims[0].id, None);
}

#[test]
fn round_trip_and_stable_bytes() {
    let mut set = parse(p(), MINIMAL).unwrap();
    set.assign_ids();
    let text = to_string(&set);
    let back = parse(p(), &text).unwrap();
    assert_eq!(back, set);
    assert_eq!(to_string(&back), text);
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_keys_survive_a_save() {
    let text = format!(
        "format = \"byline/1\"\nproject = \"gazette-audit\"\n{}\n[meta]\nreviewed = true\nwhen = 2026-11-02\n",
        MINIMAL
            .replace(
                "paragraphs = 3\n",
                "paragraphs = 3\nsection = \"city\"\nextra = { nested = [1, 2] }\n"
            )
            .replace(
                "kind = \"sourced\"\n",
                "kind = \"sourced\"\nconfidence = 0.5\nsince = 2026-11-02T10:00:00Z\n"
            )
    );
    let set = parse(p(), &text).unwrap();
    let out = to_string(&set);
    let again = parse(p(), &out).unwrap();
    assert_eq!(again, set);
    let table: toml::Table = toml::from_str(&out).unwrap();
    assert_eq!(table["project"].as_str(), Some("gazette-audit"));
    assert_eq!(table["meta"]["reviewed"].as_bool(), Some(true));
    assert_eq!(table["article"]["section"].as_str(), Some("city"));
    assert_eq!(
        table["article"]["extra"]["nested"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let claim = &table["claims"].as_array().unwrap()[0];
    assert_eq!(claim["confidence"].as_float(), Some(0.5));
    assert_eq!(
        claim["since"].as_datetime().unwrap().to_string(),
        "2026-11-02T10:00:00Z"
    );
}

#[test]
fn tricky_strings_round_trip() {
    let mut set = parse(p(), MINIMAL).unwrap();
    set.claims[0].note = Some("a \"\"\" b\nline\ttab \\ \u{7f} \u{1} 🍵 ‘q’".into());
    set.claims[0].source = Some(String::new());
    let text = to_string(&set);
    assert_eq!(parse(p(), &text).unwrap(), set);
}

#[test]
fn unknown_kind_names_file_line_and_value() {
    let bad = MINIMAL.replace("kind = \"editorial\"", "kind = \"opinion\"");
    let e = parse(p(), &bad).unwrap_err().to_string();
    assert_eq!(
        e,
        "a/alex.toml:16:8: unknown kind \"opinion\"; a claim's kind is \"sourced\", \"anonymous\" or \"editorial\""
    );
}

#[test]
fn syntax_errors_have_line_and_column() {
    let e = parse(p(), "[article]\nid = \"x\nfoo")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("a/alex.toml:3:4: "), "{e}");
    let e = parse(p(), "[article]\nid = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("a/alex.toml:1:1: missing field"), "{e}");
}

#[test]
fn bad_offsets_and_duplicate_ids_are_refused() {
    let rev = MINIMAL.replace("start = 4\nend = 9", "start = 9\nend = 4");
    let e = parse(p(), &rev).unwrap_err().to_string();
    assert!(e.contains("start 9 is not before end 4"), "{e}");
    let out = MINIMAL.replace("paragraph = 2", "paragraph = 7");
    let e = parse(p(), &out).unwrap_err().to_string();
    assert!(e.contains("outside 1..=3"), "{e}");
    let dup = MINIMAL.replace("[[claims]]\n", "[[claims]]\nid = \"same\"\n");
    let e = parse(p(), &dup).unwrap_err().to_string();
    assert!(e.contains("duplicate claim id \"same\""), "{e}");
}

#[test]
fn atomic_save_refuses_symlinks_and_leaves_their_targets_alone() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    let link = dir.path().join("link.toml");
    let mut set = parse(p(), MINIMAL).unwrap();
    set.assign_ids();
    save(&real, &set).unwrap();
    let before = std::fs::read(&real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    set.claims.pop();
    let e = save(&link, &set).unwrap_err().to_string();
    assert!(e.contains("link.toml: is a symbolic link"), "{e}");
    assert_eq!(std::fs::read(&real).unwrap(), before);
    // A folder on the way that is a link is refused too, and nothing is
    // created where it points.
    let elsewhere = tempfile::tempdir().unwrap();
    let art = dir.path().join("art");
    std::os::unix::fs::symlink(elsewhere.path(), &art).unwrap();
    let e = save(&art.join("t.toml"), &set).unwrap_err().to_string();
    assert!(e.contains("art: is a symbolic link"), "{e}");
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn annotator_paths() {
    assert_eq!(
        annotation_path(Path::new("annotations"), "harbor-council", "Alex Example"),
        Path::new("annotations/harbor-council/alex-example.toml")
    );
    assert_eq!(resolve_annotator(Some("  Sam ")), "Sam");
}

/// A gold file as `byline adjudicate` writes it: `adjudicator` in
/// `[annotator]`, `from` on claims and on rejected versions.
const GOLD_FILE: &str = concat!(
    r#"format = "byline/1"

"#,
    article_table!(),
    r#"
[annotator]
name = "gold"
updated = 2026-12-03T06:00:00Z
adjudicator = "Kim Example"

[[claims]]
id = "k7f3q2"
paragraph = 1
start = 0
end = 7
quote = "Council"
kind = "sourced"
source = "the council"
prefix = ""
suffix = " delays"
cue = "said"
from = ["alex-example", "sam-example"]

[[claims]]
id = "p2x9aa"
paragraph = 2
start = 4
end = 9
quote = "Ruiz "
kind = "editorial"
note = "edited from sam's"
from = ["sam-example"]

[[dismissed]]
paragraph = 3
start = 0
end = 5
quote = "Today"
kind = "anonymous"
from = ["jo-example"]
"#
);

#[test]
fn a_gold_file_loads_and_saves_byte_identically() {
    use byline_model::review::adjudicate::{adjudicator_of, from_of};
    let set = parse(p(), GOLD_FILE).unwrap();
    assert_eq!(adjudicator_of(&set), Some("Kim Example"));
    assert_eq!(
        from_of(&set.claims[0].extra),
        ["alex-example", "sam-example"]
    );
    assert_eq!(from_of(&set.claims[1].extra), ["sam-example"]);
    assert_eq!(from_of(&set.dismissed[0].extra), ["jo-example"]);
    assert_eq!(to_string(&set), GOLD_FILE);
    // Bulk readers (export) read it like any annotator file.
    let lean = parse_claims_only(p(), GOLD_FILE).unwrap();
    assert_eq!(lean.annotator.name, "gold");
    assert_eq!(lean.claims.len(), 2);
}
