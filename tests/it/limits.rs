//! Issue 10, item 7: byline never writes a file it then refuses to open.
//! The title is capped, a claim longer than byline stores is refused with
//! a message, and a save that would pass the reader's limit is refused
//! with the claims kept.

use byline_model::annotation::{AnnotationSet, Claim, Kind, MAX_CLAIM_CHARS};
use byline_model::article::{self, MAX_TITLE_CHARS};
use byline_model::{Loc, Para};
use byline_store as store;
use byline_tui::testing::Harness;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_claim_over_a_sentence_longer_than_byline_stores_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    // One paragraph, one "sentence" of 30,000 characters: no full stop.
    let long = format!("Word {}", "word ".repeat(5_999));
    let art = write(
        dir.path(),
        "long.txt",
        &format!("Short title\n\nShort one. {long}\n"),
    );
    let ann = dir.path().join("ann");
    let mut h = Harness::annotate(&art, &ann, "Alex");
    h.press("}je");
    let app = &h.screen().app;
    assert!(app.set.claims.is_empty());
    let message = app.core.message.clone().unwrap_or_default();
    assert!(
        message.contains(&format!("at most {MAX_CLAIM_CHARS}")),
        "{message}"
    );
    assert!(message.contains("29999 characters"), "{message}");
    // The sentence before it is marked as ever.
    h.press("ke");
    let app = &h.screen().app;
    assert_eq!(
        app.set.claims.len(),
        1,
        "{:?} {:?}",
        app.core.message,
        app.mode
    );
    let set = store::load(&h.screen().app.file).unwrap().unwrap();
    assert_eq!(set.claims.len(), 1);
    assert_eq!(set.claims[0].quote, "Short one.");
    assert_eq!(set.claims[0].kind, Kind::Editorial);
}

#[test]
fn the_title_is_cut_at_a_word_so_a_huge_first_paragraph_is_not_stored_twice() {
    let dir = tempfile::tempdir().unwrap();
    let first = "Harbor ".repeat(2_000);
    let art = write(
        dir.path(),
        "huge.txt",
        &format!("{first}\n\nSecond. Third.\n"),
    );
    let ann = dir.path().join("ann");
    let mut h = Harness::annotate(&art, &ann, "Alex");
    h.press("}e");
    let file = h.screen().app.file.clone();
    let set = store::load(&file).unwrap().unwrap();
    let title = &set.article.title;
    assert!(title.chars().count() <= MAX_TITLE_CHARS, "{}", title.len());
    assert!(title.ends_with("Harbor…"), "{title}");
    assert!(
        std::fs::metadata(&file).unwrap().len() < 2_000,
        "the file holds the title once, cut"
    );
    assert_eq!(article::cap_title("Short title"), "Short title");
}

#[test]
fn a_save_that_byline_could_not_read_back_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let art = write(dir.path(), "a.txt", "One. Two.\n");
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex", None);
    // 900 claims of 20,000 characters: 18 MB of quotes, past the 16 MB
    // the readers accept.
    let p = article::Paragraph::new("x".repeat(MAX_CLAIM_CHARS), false);
    for i in 0..900 {
        let mut c = Claim::new(
            Loc::new(Para::FIRST, 0, MAX_CLAIM_CHARS),
            &p,
            Kind::Editorial,
        );
        c.id = Some(format!("c{i}"));
        c.status = Some("needs-review".into());
        set.claims.push(c);
    }
    let file = dir.path().join("ann/a/alex.toml");
    let err = store::save(&file, &set).unwrap_err().to_string();
    assert!(err.contains("not saved"), "{err}");
    assert!(err.contains("at most 16 MB"), "{err}");
    assert!(!file.exists());
}

/// Item 7: in a long one-line article that is not ASCII (offsets far from
/// the start, the paragraph wrapped only around the cursor), a claim still
/// holds exactly the text at its offsets, word moves included.
#[test]
fn a_claim_deep_in_a_long_non_ascii_paragraph_has_the_right_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "陈美玲 said the crowds surprised her team 🍵. ";
    let mut text = unit.repeat(6_000);
    text.push_str("Zhang Wei MARKER said so. Then more. ");
    text.push_str(&unit.repeat(6_000));
    let art = write(dir.path(), "long-cjk.txt", &text);
    let ann = dir.path().join("ann");
    let mut h = Harness::annotate(&art, &ann, "Alex");
    // The search selects the word; `l` moves the end one word on.
    h.press("/MARKER<Enter>le");
    let screen = h.screen_text();
    assert!(screen.contains("MARKER"), "{screen}");
    let set = store::load(&h.screen().app.file).unwrap().unwrap();
    assert_eq!(set.claims.len(), 1);
    let c = &set.claims[0];
    assert_eq!(c.quote, "MARKER said");
    let para = byline_store::article::load(&art).unwrap().paragraphs[0]
        .text
        .clone();
    let at: String = para.chars().skip(c.at.start).take(c.at.len()).collect();
    assert_eq!(at, c.quote, "paragraph_text[start:end] == quote");
    assert_eq!(
        c.at.start,
        unit.chars().count() * 6_000 + "Zhang Wei ".len()
    );
}
