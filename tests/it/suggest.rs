//! Marking the exact words fast and confirming suggestions: search that
//! selects, counts, word stops, suggestions in the session (accept, mark
//! another way, dismiss for good), `[[dismissed]]` on disk, and
//! `byline suggest`.

use crate::session::{Session, article};
use assert_cmd::Command;
use byline_model::Para;
use byline_model::annotation::Kind;
use byline_store as store;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::annotate::state::Mode;
use byline_tui::testing::Harness;
use std::path::Path;

impl Session {
    /// The words under the cursor.
    fn selected(&self) -> String {
        let c = self.app().cursor;
        self.app().current().slice(c.start, c.end).to_owned()
    }

    fn quote_kinds(&self) -> Vec<(String, Kind)> {
        self.saved()
            .claims
            .iter()
            .map(|c| (c.quote.clone(), c.kind))
            .collect()
    }
}

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

// ---- search selects --------------------------------------------------------

#[test]
fn search_then_e_marks_exactly_the_typed_phrase() {
    let mut s = Session::new("harbor-council.txt");
    s.press("/slow and opaque<Enter>e");
    assert_eq!(
        s.quote_kinds(),
        [("slow and opaque".to_owned(), Kind::Editorial)]
    );
}

#[test]
fn a_partial_word_is_widened_and_l_takes_the_next_word() {
    let mut s = Session::new("harbor-council.txt");
    s.press("/revis<Enter>");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("search selects: {:?}", s.app().mode)
    };
    assert_eq!(s.app().current().slice(start, end), "revised");
    s.press("le");
    assert_eq!(
        s.quote_kinds(),
        [("revised flood".to_owned(), Kind::Editorial)]
    );
}

#[test]
fn matches_are_counted_while_typing_and_enter_repeats_to_the_next() {
    let mut s = Session::new("harbor-council.txt");
    s.press("/revised");
    let screen = s.screen(80, 24);
    assert!(screen.contains("selects match 1 of 2"), "{screen}");
    s.press("<Enter><Esc>/<Enter>");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("search selects")
    };
    assert_eq!(s.app().cursor.para.index(), 5, "the second match is in ¶6");
    assert_eq!(s.app().current().slice(start, end), "revised");
    s.press("<Esc>/nothing like this<Enter>");
    assert!(
        s.screen(80, 24)
            .contains("no match for “nothing like this”")
    );
}

#[test]
fn case_and_typographic_apostrophes_do_not_matter() {
    let mut s = Session::new("tea-festival.txt");
    s.press("/THE FESTIVAL'S DIRECTOR<Enter>e");
    assert_eq!(
        s.quote_kinds(),
        [("The festival’s director".to_owned(), Kind::Editorial)]
    );
}

// ---- word stops and counts --------------------------------------------------

#[test]
fn word_moves_stop_on_both_sides_of_quote_marks() {
    let mut s = Session::new("tea-festival.txt");
    // The search selects the words; H takes in the opening quote mark.
    s.press("/we planned<Enter>");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("search selects")
    };
    assert_eq!(s.app().current().slice(start, end), "We planned");
    s.press("H");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("still selecting")
    };
    assert_eq!(s.app().current().slice(start, end), "“We planned");
    // To the end of the quotation: "thousand" and then "thousand,”".
    s.press("lll");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("still selecting")
    };
    assert_eq!(
        s.app().current().slice(start, end),
        "“We planned for twenty thousand"
    );
    s.press("l");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("still selecting")
    };
    assert_eq!(
        s.app().current().slice(start, end),
        "“We planned for twenty thousand,”"
    );
    s.press("e");
    assert_eq!(s.quote_kinds()[0].0, "“We planned for twenty thousand,”");
}

#[test]
fn a_count_repeats_a_motion_and_shows_while_typed() {
    let mut a = Session::new("harbor-council.txt");
    let mut b = Session::new("harbor-council.txt");
    a.press("3j");
    b.press("jjj");
    assert_eq!(a.app().cursor, b.app().cursor);
    a.press("2}");
    b.press("}}");
    assert_eq!(a.app().cursor, b.app().cursor);
    a.press("v12h");
    b.press("v");
    for _ in 0..12 {
        b.press("h");
    }
    assert_eq!(a.app().mode, b.app().mode);
    a.press("<Esc>1");
    a.press("5");
    assert!(a.screen(80, 24).contains("15…"), "{}", a.screen(80, 24));
    // A key that is not a motion drops the count; marking runs once.
    a.press("<Esc>3e");
    assert_eq!(a.saved().claims.len(), 1);
}

// ---- suggestions in the session -------------------------------------------

#[test]
fn next_suggestion_then_enter_marks_it_with_kind_and_source() {
    let mut s = Session::suggesting("harbor-council.txt");
    let screen = s.screen(80, 24);
    assert!(
        screen.contains("? 25"),
        "the status line counts them:\n{screen}"
    );
    s.press("]");
    let screen = s.screen(80, 24);
    assert!(screen.contains("source: Lucia Ruiz"), "{screen}");
    s.press("<Enter>");
    let set = s.saved();
    assert_eq!(set.claims.len(), 1);
    let c = &set.claims[0];
    assert_eq!(c.kind, Kind::Sourced);
    assert_eq!(c.source.as_deref(), Some("Lucia Ruiz"));
    assert!(c.quote.starts_with("Mayor Lucia Ruiz told reporters"));
    // Accepted, it is a claim, no longer a suggestion.
    assert!(s.screen(80, 24).contains("? 24"));
    // The next one is the next sentence: two keys a claim.
    s.press("]<Enter>");
    assert_eq!(s.saved().claims.len(), 2);
    assert_eq!(s.saved().claims[1].source.as_deref(), Some("Lucia Ruiz"));
}

#[test]
fn accepting_a_nested_suggestion_leaves_the_one_around_it_offered() {
    // ¶7: the aide's claim, and nested in it what the members signalled.
    let mut s = Session::suggesting("harbor-council.txt");
    for _ in 0..40 {
        s.press("]");
        if s.selected()
            .starts_with("at least four of the nine members")
        {
            break;
        }
    }
    assert!(
        s.selected().starts_with("at least four"),
        "{}",
        s.selected()
    );
    s.press("<Enter>");
    let c = &s.saved().claims[0];
    assert_eq!(
        c.source.as_deref(),
        Some("at least four of the nine members")
    );
    assert!(s.screen(80, 24).contains("? 24"), "{}", s.screen(80, 24));
    // The aide's claim is still offered, one key back, and taken.
    s.press("[");
    assert!(
        s.selected().starts_with("A council aide"),
        "{}",
        s.selected()
    );
    s.press("<Enter>");
    let set = s.saved();
    assert_eq!(set.claims.len(), 2);
    assert!(
        set.claims
            .iter()
            .any(|c| c.source.as_deref() == Some("council aide"))
    );
    // Accepting the outer one first hides the nested one of its kind.
    let mut s = Session::suggesting("harbor-council.txt");
    for _ in 0..40 {
        s.press("]");
        if s.selected().starts_with("A council aide") {
            break;
        }
    }
    s.press("<Enter>");
    assert!(s.screen(80, 24).contains("? 23"), "{}", s.screen(80, 24));
}

#[test]
fn next_suggestion_visits_a_claim_before_the_one_nested_at_its_start() {
    // "Citing the audit" opens the sentence and is nested in its claim:
    // both start at the same word. `]` goes outer, nested, next sentence;
    // `[` comes back the same way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.txt");
    std::fs::write(
        &path,
        "Harbour notes\n\nCiting the harbour audit, Councillor Okafor said the ferry would run again.\n\nMarr said the levy was unfair.\n",
    )
    .unwrap();
    let mut s = Session::suggesting_at(&path);
    let mut seen = Vec::new();
    for _ in 0..4 {
        s.press("]");
        seen.push(s.selected());
    }
    assert_eq!(
        seen,
        [
            "Citing the harbour audit, Councillor Okafor said the ferry would run again.",
            "Citing the harbour audit",
            "Marr said the levy was unfair.",
            "Citing the harbour audit, Councillor Okafor said the ferry would run again.",
        ]
    );
    s.press("[");
    assert_eq!(s.selected(), "Marr said the levy was unfair.");
    s.press("[");
    assert_eq!(s.selected(), "Citing the harbour audit");
    s.press("[");
    assert_eq!(
        s.selected(),
        "Citing the harbour audit, Councillor Okafor said the ferry would run again."
    );
}

#[test]
fn marking_a_suggestion_another_way_offers_its_source_as_the_hint() {
    let mut s = Session::suggesting("harbor-council.txt");
    s.press("]]]a");
    let Mode::Prompt(p) = &s.app().mode else {
        panic!("a prompt for the source")
    };
    assert_eq!(p.line.text, "");
    assert_eq!(p.line.hint.as_deref(), Some("supporters"));
    s.press("<Tab><Enter>");
    let c = &s.saved().claims[0];
    assert_eq!(
        (c.kind, c.source.as_deref()),
        (Kind::Anonymous, Some("supporters"))
    );
    // A loaded word inside a claimed sentence: e on the suggestion marks
    // the word, and the sentence claim stays as it was.
    let mut s = Session::suggesting("harbor-council.txt");
    s.press("G{{s<Esc>");
    s.press("]");
    let c = s.app().cursor;
    assert_eq!(s.app().current().slice(c.start, c.end), "opaque");
    s.press("e");
    let kinds: Vec<(Kind, String)> = s
        .saved()
        .claims
        .iter()
        .map(|c| (c.kind, c.quote.clone()))
        .collect();
    assert_eq!(kinds[1], (Kind::Editorial, "opaque".to_owned()));
    assert_eq!(kinds[0].0, Kind::Sourced);
    assert!(kinds[0].1.starts_with("Critics have long called"));
}

#[test]
fn a_dismissed_suggestion_is_saved_and_stays_gone_after_reopening() {
    let mut s = Session::suggesting("harbor-council.txt");
    s.press("]x");
    let set = s.saved();
    assert!(set.claims.is_empty(), "x on a suggestion deletes no claim");
    assert_eq!(set.dismissed.len(), 1);
    assert_eq!(set.dismissed[0].at.para.number(), 3);
    assert_eq!(set.dismissed[0].kind, Kind::Sourced);
    let text = std::fs::read_to_string(&s.app().file).unwrap();
    assert!(text.contains("[[dismissed]]"), "{text}");
    assert!(s.screen(80, 24).contains("? 24"));
    // Undo brings it back; redo dismisses it again.
    s.press("u");
    assert!(s.saved().dismissed.is_empty());
    s.press("<C-r>");
    assert_eq!(s.saved().dismissed.len(), 1);

    let keys = std::sync::Arc::new(byline_tui::keys::Keymaps::default());
    let mut again = AnnotateScreen::open(
        &article("harbor-council.txt"),
        s.dir.path(),
        Some("Alex Example"),
        keys,
    )
    .unwrap();
    again
        .app
        .suggest_with(std::sync::Arc::new(byline_suggest::Suggester::builtin()));
    let shown = again.app.suggestions_of(Para::from_index(2));
    assert_eq!(shown.len(), 1, "only the second sentence of ¶3 is left");
    assert!(shown[0].quote.starts_with("She said"));
}

#[test]
fn suggestions_are_dim_with_a_question_mark_in_the_gutter() {
    let mut s = Session::suggesting("harbor-council.txt");
    s.press("}");
    let t = s.h.draw_at(80, 24, false);
    let buf = t.backend().buffer();
    // ¶3 starts on the first body row after the context.
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("Mayor Lucia Ruiz told")
        })
        .expect("¶3 on screen");
    assert_eq!(buf[(4, row)].symbol(), "?");
    // Not underlined (claims are), dim.
    let cell = &buf[(10, row)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::DIM)
            || cell.modifier.contains(ratatui::style::Modifier::REVERSED)
    );
    assert!(!cell.modifier.contains(ratatui::style::Modifier::UNDERLINED));
}

// ---- the file ----------------------------------------------------------------

const FILE: &str = r#"format = "byline/1"

[article]
id = "x"
title = "X"
sha256 = "abc"
paragraphs = 3

[annotator]
name = "Alex Example"

[[claims]]
paragraph = 1
start = 0
end = 4
quote = "Four"
kind = "editorial"

[[dismissed]]
paragraph = 2
start = 118
end = 137
quote = "diplomatic disaster"
kind = "editorial"
reason = "not loaded here"

[[dismissed]]
paragraph = 1
start = 5
end = 9
quote = "word"
kind = "anonymous"
"#;

#[test]
fn dismissed_entries_round_trip_sorted_with_their_unknown_keys() {
    let set = store::parse(Path::new("x.toml"), FILE).unwrap();
    assert_eq!(set.dismissed.len(), 2);
    assert_eq!(set.dismissed[0].at.para.number(), 1, "sorted like claims");
    let out = store::to_string(&set);
    assert!(out.contains("reason = \"not loaded here\""), "{out}");
    let again = store::parse(Path::new("x.toml"), &out).unwrap();
    assert_eq!(again, set);
    assert_eq!(store::to_string(&again), out, "stable bytes");
}

#[test]
fn a_malformed_dismissed_entry_names_the_file_and_line() {
    let bad = FILE.replace("kind = \"anonymous\"", "kind = \"opinion\"");
    let e = store::parse(Path::new("x.toml"), &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("x.toml:32"), "{e}");
    assert!(e.contains("opinion"), "{e}");
    let bad = FILE.replace("start = 118", "start = 140");
    let e = store::parse(Path::new("x.toml"), &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("x.toml:19"), "{e}");
    // Claims are not lost: the session refuses to open and writes nothing.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbor-council").join("alex-example.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, &bad).unwrap();
    let keys = std::sync::Arc::new(byline_tui::keys::Keymaps::default());
    let opened = AnnotateScreen::open(
        &article("harbor-council.txt"),
        dir.path(),
        Some("Alex Example"),
        keys,
    );
    assert!(opened.is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bad);
}

// ---- byline suggest ----------------------------------------------------------

#[test]
fn byline_suggest_prints_the_json_of_product_md() {
    let out = byline()
        .args(["suggest", "--format", "json"])
        .arg(article("harbor-council.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article"], "harbor-council");
    let all = v["suggestions"].as_array().unwrap();
    assert_eq!(all.len(), 25);
    let first = &all[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for k in [
        "paragraph",
        "start",
        "end",
        "quote",
        "kind",
        "source",
        "cue",
    ] {
        assert!(keys.contains(&k), "{k} in {first}");
    }
    assert_eq!(first["paragraph"], 3);
    assert_eq!(first["kind"], "sourced");
    assert_eq!(first["source"], "Lucia Ruiz");
    assert_eq!(first["cue"], "told");
    let anon = all.iter().find(|s| s["cue"] == "according to").unwrap();
    assert_eq!(anon["paragraph"], 12);
}

#[test]
fn a_users_lexicon_adds_cues_and_a_bad_one_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[suggest]\nextra_lexicon = \"mine.toml\"\n").unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[editorial]\nnouns = [\"public gallery\"]\n",
    )
    .unwrap();
    let out = byline()
        .arg("--config")
        .arg(&config)
        .arg("suggest")
        .arg(article("harbor-council.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[public gallery]"), "{text}");

    std::fs::write(
        dir.path().join("mine.toml"),
        "[editorial]\n\nnoun = [\"x\"]\n",
    )
    .unwrap();
    for cmd in [
        &["suggest"][..],
        &["annotate", "--annotations", "/nonexistent"][..],
    ] {
        let out = byline()
            .arg("--config")
            .arg(&config)
            .args(cmd)
            .arg(article("harbor-council.txt"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("mine.toml:3: "), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn screen_with_suggestions_80x24() {
    let mut s = Session::suggesting("harbor-council.txt");
    s.press("}]");
    insta::assert_snapshot!(s.screen(80, 24));
}

#[test]
fn no_suggest_is_an_annotate_flag() {
    let dir = tempfile::tempdir().unwrap();
    // Without a terminal the session cannot start, but the flag is known.
    byline()
        .args([
            "annotate",
            "--no-suggest",
            "--annotator",
            "T",
            "--annotations",
        ])
        .arg(dir.path())
        .arg(article("harbor-council.txt"))
        .assert()
        .code(1);
    let out = byline().args(["annotate", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--no-suggest"));
}

#[test]
fn a_long_articles_suggestions_arrive_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let para = "Tom Becker said the wall holds through the winter storms that batter the quay. \
                It was a fiasco from the start, and the harbour board knew it well before the \
                council met in the old town hall on the hill above the river mouth that spring.";
    let n = (2 << 20) / para.len() + 100;
    let text: String = (0..n).map(|i| format!("{para} ({i})\n\n")).collect();
    std::fs::write(&path, text).unwrap();
    let h = Harness::annotate_suggesting(&path, dir.path(), "Alex Example");
    let app = &h.screen().app;
    // The first screen's paragraphs have theirs at once: Becker's claim,
    // what the board knew, and "fiasco", the writer's word (what the board
    // knew is its stance, not words it said).
    assert_eq!(app.suggestions_of(Para::from_index(0)).len(), 3);
    let t0 = std::time::Instant::now();
    while !app.suggestions_complete() {
        assert!(
            t0.elapsed().as_secs() < 60,
            "the background thread never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(app.suggestion_count(), 3 * n);
}

#[test]
fn suggestion_keys_are_configuration() {
    let keys = byline_tui::keys::Keymaps::from_toml(
        "[keys.annotate]\nnext_suggestion = \"N\"\naccept_suggestion = \"A\"\ndelete = \"X\"\n",
        Path::new("config.toml"),
        Some(&byline_tui::keys::Keymaps::default()),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::annotate_with(
        &article("harbor-council.txt"),
        dir.path(),
        "Alex Example",
        keys,
    );
    h.screen_mut()
        .app
        .suggest_with(std::sync::Arc::new(byline_suggest::Suggester::builtin()));
    h.press("]");
    assert_eq!(
        h.screen().app.cursor.para.index(),
        0,
        "] is no longer bound"
    );
    h.press("N");
    let screen = h.text_at(80, 24);
    assert!(
        screen.contains("— A accept · X dismiss · s a e other kind"),
        "{screen}"
    );
    h.press("A");
    assert_eq!(h.screen().app.set.claims.len(), 1);

    let out = byline()
        .args(["keys", "--format", "json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let find = |name: &str| {
        rows["keys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["screen"] == "annotate" && r["action"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} in byline keys"))
    };
    assert_eq!(find("next_suggestion")["keys"], serde_json::json!(["]"]));
    assert_eq!(find("prev_suggestion")["keys"], serde_json::json!(["["]));
    assert_eq!(
        find("accept_suggestion")["keys"],
        serde_json::json!(["enter"])
    );
}

#[test]
fn enter_on_a_suggestion_with_no_source_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pronoun.txt");
    std::fs::write(&file, "Pronoun\n\nHe said the bridge would close in May.\n").unwrap();
    let mut h = Harness::annotate_suggesting(&file, &dir.path().join("ann"), "Alex Example");
    h.press("]");
    h.press("<Enter>");
    let Mode::Prompt(_) = &h.screen().app.mode else {
        panic!("Enter asks who said it: {}", h.screen_text())
    };
    h.press("Tom Becker<Enter>");
    let c = &h.screen().app.set.claims[0];
    assert_eq!(
        (c.kind, c.source.as_deref()),
        (Kind::Sourced, Some("Tom Becker"))
    );
}

#[test]
fn byline_suggest_reads_a_folder_as_json_lines_one_object_an_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(article("harbor-council.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::copy(article("ferry-strike.html"), dir.path().join("more/b.html")).unwrap();
    let r = crate::common::run(dir.path(), &["suggest", "--format", "json", "."]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|v| v["article"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    // Each line is what the article alone gives.
    let alone = crate::common::run(dir.path(), &["suggest", "--format", "json", "a.txt"]);
    assert_eq!(r.stdout.lines().next(), alone.stdout.lines().next());
    assert_eq!(lines[0]["suggestions"][0]["rule"], "verb-subject");
    // Text says which article each block is.
    let t = crate::common::run(dir.path(), &["suggest", "a.txt", "more"]);
    assert!(t.stdout.starts_with("== a.txt\n"), "{}", t.stdout);
    assert!(t.stdout.contains("\n== more/b.html\n"), "{}", t.stdout);
}

#[test]
fn byline_suggest_goes_on_past_an_unreadable_article_and_refuses_an_unknown_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(article("harbor-council.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let r = crate::common::run(dir.path(), &["suggest", "--format", "json", "."]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("bad.txt"), "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "a.txt still suggested");
    let r = crate::common::run(dir.path(), &["suggest", "--lang", "xx", "a.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "byline: --lang xx: byline has no language pack for it (it has: en, de)"
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn the_german_example_is_read_with_the_german_pack_from_its_html_lang() {
    let root = crate::common::root();
    let r = crate::common::run(
        &root,
        &[
            "suggest",
            "--format",
            "json",
            "examples/de/hallenbad-streit.html",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.is_empty(),
        "no warning for a page whose language byline has: {}",
        r.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let sourced: Vec<(String, String)> = v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "sourced")
        .map(|s| {
            (
                s["quote"].as_str().unwrap().to_owned(),
                s["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // Its „…“ and »…« quotations are sourced, to the person named.
    assert!(
        sourced.contains(&(
            "„Wir brauchen mehr Zeit“, sagte Bürgermeisterin Helena Ruiz nach der Sitzung.".into(),
            "Helena Ruiz".into()
        )),
        "{sourced:?}"
    );
    assert!(
        sourced
            .iter()
            .any(|(q, s)| q.starts_with("»Jede Woche") && s == "Brandt"),
        "{sourced:?}"
    );
    // "Brandt" is the source's words in that sentence; who they are is
    // the full name the article gave before.
    let brandt = v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["quote"].as_str().unwrap().starts_with("»Jede Woche"))
        .unwrap();
    assert_eq!(brandt["refers_to"], "Jonas Brandt", "{brandt}");
    assert!(
        sourced
            .iter()
            .any(|(q, s)| q.ends_with("so Fraktionschef Lukas Meier.") && s == "Lukas Meier"),
        "{sourced:?}"
    );
    // Read as English it gets none of them.
    let en = crate::common::run(
        &root,
        &[
            "suggest",
            "--lang",
            "en",
            "examples/de/hallenbad-streit.html",
        ],
    );
    assert!(!en.stdout.contains("Helena Ruiz"), "{}", en.stdout);
}

#[test]
fn the_annotation_screen_reads_a_german_page_with_the_german_pack() {
    // `byline annotate examples/de/hallenbad-streit.html` showed "? 0":
    // the screen read every page as English.
    let dir = tempfile::tempdir().unwrap();
    let page = crate::common::root().join("examples/de/hallenbad-streit.html");
    let h = Harness::annotate_suggesting(&page, dir.path(), "Alex Example");
    let app = &h.screen().app;
    let sourced: Vec<(String, String)> = Para::all(app.article.paragraphs.len())
        .flat_map(|p| app.suggestions_of(p))
        .filter(|s| s.kind == Kind::Sourced)
        .map(|s| (s.quote.clone(), s.source.clone().unwrap_or_default()))
        .collect();
    assert!(
        sourced
            .iter()
            .any(|(q, s)| q.starts_with("„Wir brauchen mehr Zeit“") && s == "Helena Ruiz"),
        "{sourced:?}"
    );
    // And the footer counts them.
    let screen = h.draw_at(80, 24, false);
    let text: String = {
        let buf = screen.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!text.contains("? 0"), "{text}");
}
