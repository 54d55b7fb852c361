//! The annotation session driven by key sequences, on the real example
//! articles, checked on disk and on screen.

use crate::session::{Session, article};
use byline_model::annotation::Kind;
use byline_store as store;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::annotate::state::{App, Mode};
use byline_tui::testing::Harness;
use ratatui::style::{Color, Modifier};
use std::path::Path;

impl Session {
    fn reopen(&self, name: &str) -> App {
        let keys = std::sync::Arc::new(byline_tui::keys::Keymaps::default());
        AnnotateScreen::open(&article(name), self.dir(), Some("Alex Example"), keys)
            .unwrap()
            .app
    }
}

#[test]
fn three_kinds_with_source_and_note_survive_reopening() {
    let mut s = Session::new("harbor-council.txt");
    // ¶3 first sentence: sourced, with a source.
    s.press("}js").press("Mayor Lucia Ruiz<Enter>");
    // ¶7 (one sentence): anonymous, with a descriptor and a note.
    s.press("}}}}a").press("a council aide<Enter>");
    s.press("nreason for anonymity given<Enter>");
    // ¶13 first sentence: editorial, no prompt.
    s.press("G{{e");
    let set = s.saved();
    let got: Vec<(usize, Kind, Option<&str>, Option<&str>)> = set
        .claims
        .iter()
        .map(|c| {
            (
                c.at.para.number(),
                c.kind,
                c.source.as_deref(),
                c.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, Kind::Sourced, Some("Mayor Lucia Ruiz"), None),
            (
                7,
                Kind::Anonymous,
                Some("a council aide"),
                Some("reason for anonymity given")
            ),
            (13, Kind::Editorial, None, None),
        ]
    );
    assert_eq!(
        set.claims[2].quote,
        "Critics have long called the process slow and opaque, and they have a point."
    );
    assert!(set.claims.iter().all(|c| c.id.is_some()));
    let again = s.reopen("harbor-council.txt");
    assert_eq!(again.set.claims, set.claims);
}

#[test]
fn selection_grows_and_shrinks_by_sentence_and_word() {
    let mut s = Session::new("harbor-council.txt");
    // ¶3 has two sentences; grow to both, shrink back, then word by word.
    s.press("}}vj");
    let p = s.app().current().clone();
    let target = s.app().target();
    assert_eq!(target.start, 0);
    assert_eq!(target.end, p.char_len());
    s.press("k");
    assert_eq!(
        p.slice(0, s.app().target().end),
        "Mayor Lucia Ruiz told reporters after the session that the delay was \"a pause, not a retreat.\""
    );
    s.press("ll");
    assert!(p.slice(0, s.app().target().end).ends_with("She said"));
    s.press("h");
    assert!(p.slice(0, s.app().target().end).ends_with("She"));
    s.press("<Esc>");
    assert_eq!(s.app().mode, Mode::Normal);
    s.press("vjjlle<Esc>");
    let set = s.saved();
    assert_eq!(set.claims.len(), 1);
    assert_eq!(set.claims[0].kind, Kind::Editorial);
    assert!(set.claims[0].quote.starts_with("Mayor Lucia Ruiz"));
    assert!(!set.claims[0].quote.ends_with(' '));
}

#[test]
fn kind_change_delete_undo_redo() {
    let mut s = Session::new("border-talks.txt");
    s.press("}a<Esc>");
    assert_eq!(s.saved().claims[0].kind, Kind::Anonymous);
    s.press("e");
    assert_eq!(s.saved().claims[0].kind, Kind::Editorial);
    assert_eq!(s.saved().claims.len(), 1);
    s.press("x");
    assert!(s.saved().claims.is_empty());
    s.press("u");
    assert_eq!(s.saved().claims[0].kind, Kind::Editorial);
    s.press("u");
    assert_eq!(s.saved().claims[0].kind, Kind::Anonymous);
    s.press("<C-r>");
    assert_eq!(s.saved().claims[0].kind, Kind::Editorial);
}

#[test]
fn source_prompt_starts_empty_and_tab_takes_the_hint() {
    let mut s = Session::new("harbor-council.txt");
    s.press("}}s").press("Mayor Lucia Ruiz<Enter>");
    // The second sentence of ¶3 ("She said…"): its own reporting clause,
    // read as the suggestions read it, says who "she" is; typing never
    // appends to the hint.
    s.press("js");
    let Mode::Prompt(p) = &s.app().mode else {
        panic!("no prompt")
    };
    assert_eq!(p.line.text, "");
    assert_eq!(p.line.hint.as_deref(), Some("Lucia Ruiz"));
    s.press("Ruiz");
    let Mode::Prompt(p) = &s.app().mode else {
        panic!("no prompt")
    };
    assert_eq!(p.line.text, "Ruiz");
    s.press("<Enter>");
    // ¶4's second sentence names its source itself: "Supporters say…".
    s.press("}js");
    let Mode::Prompt(p) = &s.app().mode else {
        panic!("no prompt")
    };
    assert_eq!(p.line.text, "");
    assert_eq!(p.line.hint.as_deref(), Some("supporters"));
    s.press("<Tab><Enter>");
    assert_eq!(s.saved().claims[2].source.as_deref(), Some("supporters"));
    s.press("u");
    // Escape leaves a new claim's source empty.
    s.press("}}a<Esc>");
    let set = s.saved();
    let sources: Vec<_> = set.claims.iter().map(|c| c.source.as_deref()).collect();
    assert_eq!(sources, [Some("Mayor Lucia Ruiz"), Some("Ruiz"), None]);
}

#[test]
fn movement_crosses_paragraphs_and_tab_visits_claims() {
    let mut s = Session::new("harbor-council.txt");
    s.press("j");
    assert_eq!(s.app().cursor.para.index(), 1);
    s.press("k");
    assert_eq!(s.app().cursor.para.index(), 0);
    s.press("k");
    assert_eq!(s.app().cursor.para.index(), 0);
    s.press("G");
    assert_eq!(s.app().cursor.para.index(), 14);
    s.press("jjjj");
    assert_eq!(s.app().cursor.para.index(), 14);
    s.press("g}}}e}}}}}}e");
    s.press("g<Tab>");
    assert_eq!(s.app().cursor.para.index(), 3);
    s.press("<Tab>");
    assert_eq!(s.app().cursor.para.index(), 9);
    s.press("<Tab>");
    assert_eq!(s.app().cursor.para.index(), 3);
    s.press("<S-Tab>");
    assert_eq!(s.app().cursor.para.index(), 9);
}

#[test]
fn search_finds_case_insensitive_and_wraps() {
    let mut s = Session::new("tea-festival.txt");
    s.press("/HADDAD<Enter>");
    assert_eq!(s.app().cursor.para.index(), 5);
    s.press("/<Enter>");
    assert_eq!(
        s.app().cursor.para.index(),
        5,
        "second Haddad in the same paragraph"
    );
    s.press("/<Enter>/<Enter>");
    assert_eq!(s.app().cursor.para.index(), 5);
    s.press("/佐藤健<Enter>");
    assert_eq!(s.app().cursor.para.index(), 3);
    s.press("/no such words<Enter>");
    assert_eq!(s.app().cursor.para.index(), 3);
    assert!(
        s.app()
            .core
            .message
            .as_deref()
            .unwrap()
            .starts_with("no match")
    );
}

#[test]
fn non_ascii_offsets_are_python_indices() {
    let mut s = Session::new("tea-festival.txt");
    // ¶4, third sentence is the second Japanese sentence.
    s.press("}}}jjs佐藤健<Enter>");
    // ¶7: the decomposed "Cafe\u{301}" was normalised to one char.
    s.press("}}}e");
    let set = s.saved();
    let c = &set.claims[0];
    assert_eq!(c.quote, "急がずに、ゆっくり味わってください。」");
    let p = &s.app().article.paragraphs[3].text;
    let expected_start = p.chars().position(|ch| ch == '急').unwrap();
    assert_eq!(
        (c.at.start, c.at.end),
        (expected_start, expected_start + 19)
    );
    assert!(set.claims[1].quote.contains("Café Lantern"));
    assert_eq!(
        set.claims[1]
            .quote
            .chars()
            .filter(|c| *c == '\u{301}')
            .count(),
        0
    );
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut s = Session::new("harbor-council.txt");
    s.press("?");
    let screen = s.screen(80, 40);
    for (keys, what) in
        s.h.keys
            .annotate
            .help_rows(byline_tui::annotate::action::NORMAL)
    {
        assert!(screen.contains(what), "help lacks {keys}: {what}\n{screen}");
    }
    s.press("q");
    assert!(!s.h.quit, "a key closes help without quitting");
    assert_eq!(s.app().mode, Mode::Normal);
    s.press("q");
    assert!(s.h.quit);
}

#[test]
fn claim_cells_carry_colour_and_a_non_colour_marker() {
    let mut s = Session::new("harbor-council.txt");
    s.press("}}e}");
    let draw = |color: bool| s.h.draw_at(80, 24, color).backend().buffer().clone();
    let screen = s.screen(80, 24);
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Mayor Lucia Ruiz"))
        .unwrap();
    let x = line.chars().position(|c| c == 'M').unwrap() as u16;
    let y = y as u16;
    let colour = draw(true);
    assert_eq!(colour[(x, y)].fg, Color::Magenta);
    assert!(
        colour[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    let plain = draw(false);
    assert_eq!(plain[(x, y)].fg, Color::Reset);
    assert!(
        plain[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    // The gutter letter says which kind is on the line.
    assert_eq!(plain[(3, y)].symbol(), "E");
}

#[test]
fn tiny_and_huge_terminals_do_not_panic() {
    let mut s = Session::new("tea-festival.txt");
    s.press("}}}vjja");
    for (w, h) in [
        (1, 1),
        (20, 6),
        (29, 8),
        (30, 8),
        (40, 12),
        (80, 24),
        (200, 60),
        (300, 100),
    ] {
        let screen = s.screen(w, h);
        if w < 30 || h < 8 {
            assert!(screen.contains("too") || w < 10, "{w}x{h}: {screen}");
        }
    }
}

#[test]
fn a_phrase_inside_a_sentence_can_be_marked() {
    let mut s = Session::new("border-talks.txt");
    // ¶3: "The collapse is a diplomatic disaster for the Veltrian …"
    s.press("}}v");
    s.press("LLL");
    s.press("hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh");
    // Shrinking stops at the first word, "a"; two words more.
    s.press("ll");
    let t = s.app().target();
    assert_eq!(
        s.app().current().slice(t.start, t.end),
        "a diplomatic disaster"
    );
    s.press("H");
    s.press("e");
    assert_eq!(s.saved().claims[0].quote, "is a diplomatic disaster");
}

/// A session on `before` (its file in `dir`) where `keys` make a claim;
/// then the article is rewritten as `after` and reopened, the claim
/// needing review.
fn needing_review(dir: &Path, before: &str, keys: &str, after: &str) -> Harness<AnnotateScreen> {
    let art = dir.join("notes.txt");
    std::fs::write(&art, before).unwrap();
    let ann = dir.join("ann");
    let mut h = Harness::annotate(&art, &ann, "Alex Example");
    h.press(keys);
    drop(h);
    std::fs::write(&art, after).unwrap();
    let h = Harness::annotate(&art, &ann, "Alex Example");
    assert!(h.screen().app.set.claims[0].needs_review());
    h
}

#[test]
fn a_claim_that_needs_review_is_found_placed_again_or_deleted() {
    // The sentence is rewritten: the quote is gone, the claim must not move
    // silently.
    let dir = tempfile::tempdir().unwrap();
    let mut h = needing_review(
        dir.path(),
        "A title.\n\nThe minister resigned, aides said.\n",
        "}aaides<Enter>",
        "A title.\n\nOfficials said the minister quit.\n",
    );
    let screen = h.text_at(100, 20);
    assert!(screen.contains("⚠ 1 to review (R)"), "{screen}");
    h.press("R");
    let app = &h.screen().app;
    assert_eq!(app.cursor.para.index(), 1);
    assert!(
        app.core
            .message
            .as_deref()
            .unwrap()
            .contains("The minister resigned")
    );
    h.press("p");
    let set = store::load(&h.screen().app.file).unwrap().unwrap();
    assert_eq!(set.claims[0].quote, "Officials said the minister quit.");
    assert_eq!(set.claims[0].kind, Kind::Anonymous);
    assert_eq!(set.claims[0].source.as_deref(), Some("aides"));
    assert!(!set.claims[0].needs_review());

    // Undo brings the review back; R then x deletes it.
    h.press("u");
    assert!(h.screen().app.set.claims[0].needs_review());
    h.press("gRx");
    assert!(h.screen().app.set.claims.is_empty());
}

#[test]
fn repeating_a_search_moves_to_the_next_hit_in_the_same_sentence() {
    let mut s = Session::new("harbor-council.txt");
    s.press("/council<Enter>");
    let first = s.app().search_hit.unwrap();
    s.press("/<Enter>");
    let second = s.app().search_hit.unwrap();
    assert!(
        (second.para, second.start) > (first.para, first.start),
        "{first:?} {second:?}"
    );
    for _ in 0..30 {
        s.press("/<Enter>");
    }
    assert!(
        s.app()
            .core
            .message
            .as_deref()
            .unwrap()
            .contains("“council”")
    );
}

#[test]
fn the_source_prompt_of_an_existing_claim_holds_its_source() {
    let mut s = Session::new("harbor-council.txt");
    s.press("}}sMayor Lucia Ruiz<Enter>");
    // Enter on the prefilled prompt keeps the source; Esc leaves it too.
    s.press("a<Enter>");
    assert_eq!(
        s.saved().claims[0].source.as_deref(),
        Some("Mayor Lucia Ruiz")
    );
    assert_eq!(s.app().set.claims[0].kind, Kind::Anonymous);
    s.press("s<Esc>");
    assert_eq!(
        s.saved().claims[0].source.as_deref(),
        Some("Mayor Lucia Ruiz")
    );
    assert_eq!(
        s.app().core.message.as_deref(),
        Some("changed the claim in ¶ 3: anonymous → sourced — u undoes; source unchanged")
    );
    // Editorial cites no one.
    s.press("e");
    assert_eq!(s.saved().claims[0].source, None);
}

#[test]
fn marking_a_sentence_leaves_a_smaller_claim_inside_it_alone() {
    let mut s = Session::new("harbor-council.txt");
    // ¶13: mark "they have a point" alone, then the whole sentence.
    s.press("G{{vLLLLLLLLLLe");
    let inner = s.saved().claims[0].clone();
    assert_eq!(inner.kind, Kind::Editorial);
    s.press("G{{a<Esc>");
    let set = s.saved();
    assert_eq!(set.claims.len(), 2);
    assert!(set.claims.contains(&inner), "the inner claim is unchanged");
}

#[test]
fn python_reads_the_file_and_every_quote_matches_its_offsets() {
    if std::process::Command::new("python3")
        .arg("-V")
        .output()
        .is_err()
    {
        assert!(std::env::var_os("CI").is_none(), "python3 is missing on CI");
        return;
    }
    let mut s = Session::new("tea-festival.txt");
    s.press("}}}jjs佐藤健<Enter>}}}e}vjjlla<Esc>");
    s.saved();
    let out = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/check_offsets.py"
        ))
        .arg(&s.app().file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.trim(), "3 claims checked, 0 mismatches");
}

#[test]
fn a_claim_that_needs_review_is_placed_on_exactly_the_selection() {
    // The sentence is reworded at its start: the claim's offsets no longer
    // hold its words.
    let dir = tempfile::tempdir().unwrap();
    let mut h = needing_review(
        dir.path(),
        "A title.\n\nAnother person familiar with the talks said the mayor asked for the delay. Officials denied it.\n",
        "}aa person familiar<Enter>",
        "A title.\n\nSomeone close to the negotiations insisted that City Hall wanted more time. Officials denied it.\n",
    );
    // R puts the cursor on the whole sentence where the claim was: p puts
    // the claim on exactly that sentence.
    h.press("Rp");
    let set = store::load(&h.screen().app.file).unwrap().unwrap();
    assert_eq!(
        set.claims[0].quote,
        "Someone close to the negotiations insisted that City Hall wanted more time."
    );
    // Undone, R again, a selection grown and shrunk: exactly the selection.
    h.press("uRvhhhp");
    let set = store::load(&h.screen().app.file).unwrap().unwrap();
    let q = &set.claims[0].quote;
    assert!(
        q.starts_with("Someone close") && q.len() < 70 && !q.ends_with(' '),
        "{q}"
    );
    assert!(!set.claims[0].needs_review());
    assert_eq!(set.claims[0].source.as_deref(), Some("a person familiar"));
}

#[test]
fn placing_onto_the_words_of_another_claim_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = needing_review(
        dir.path(),
        "A title.\n\nThe minister resigned, aides said.\n",
        "}aaides<Enter>",
        "A title.\n\nOfficials said the minister quit.\n",
    );
    // A new claim on the sentence, then R and p onto the same words.
    h.press("}e");
    h.press("Rp");
    let app = &h.screen().app;
    assert_eq!(app.set.claims.len(), 2);
    assert!(app.set.claims.iter().any(|c| c.needs_review()));
    assert!(
        app.core
            .message
            .as_deref()
            .unwrap()
            .contains("already has exactly these words")
    );
    // x right after R deletes the claim that needs review, not the other.
    h.press("Rx");
    let kinds: Vec<_> = h.screen().app.set.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::Editorial]);
}
