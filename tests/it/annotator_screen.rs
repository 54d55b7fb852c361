//! Issue 21: the annotator's screen after a newcomer's full article. One
//! way to shape a span, nothing dropped without a word, a list of every
//! claim, messages that say what was done, narrow terminals. Each through
//! the real loop, checked on disk and on screen.

use crate::session::Session;
use byline_model::Para;
use byline_model::annotation::Kind;
use byline_store as store;
use byline_tui::annotate::state::{App, Mode};

impl Session {
    fn message(&self) -> &str {
        self.app().core.message.as_deref().unwrap_or("")
    }

    fn quotes(&self) -> Vec<(usize, Kind, String)> {
        self.saved()
            .claims
            .iter()
            .map(|c| (c.at.para.number(), c.kind, c.quote.clone()))
            .collect()
    }
}

/// The words of the paragraph from `start` (chars).
fn text_of(app: &App, para: Para, start: usize, end: usize) -> String {
    app.paragraph(para)
        .text
        .chars()
        .skip(start)
        .take(end - start)
        .collect()
}

#[test]
fn word_keys_adjust_a_suggestion_at_once_and_esc_returns_to_the_sentence() {
    let mut s = Session::suggesting("border-talks.txt");
    s.press("}]");
    let sug = s.app().cursor;
    assert!(s.app().suggestion_at(sug).is_some(), "on a suggestion");
    // `H` moves its start a word back at once: no `v` first.
    s.press("H");
    let Mode::Select { start, end } = s.app().mode else {
        panic!("H selects: {:?}", s.app().mode)
    };
    assert!(
        start < sug.start && end == sug.end,
        "{start}..{end} from {sug:?}"
    );
    let grown = text_of(s.app(), sug.para, start, end);
    s.press("e");
    assert!(
        s.quotes()
            .iter()
            .any(|(_, k, q)| *k == Kind::Editorial && *q == grown),
        "{:?} marked: {:?}",
        grown,
        s.quotes()
    );
    // `Esc` on a suggestion goes back to the sentence; `e` then marks it.
    let mut s = Session::suggesting("border-talks.txt");
    s.press("}]<Esc>");
    let c = s.app().cursor;
    let sentence = s
        .app()
        .sentences(c.para)
        .into_iter()
        .find(|r| r.end > sug.start)
        .unwrap();
    assert_eq!((c.start, c.end), (sentence.start, sentence.end));
    assert_eq!(s.app().mode, Mode::Normal);
}

#[test]
fn v_after_a_search_keeps_the_match_and_grows_from_it() {
    let mut s = Session::new("border-talks.txt");
    // The newcomer's repro: / word Enter v L — v keeps the match, L moves
    // its start at once.
    s.press("/diplomatic disaster<Enter>vLe");
    assert_eq!(
        s.quotes(),
        [(3, Kind::Editorial, "disaster".to_owned())],
        "{}",
        s.message()
    );
    // The search's message went with the mark: it described the match.
    assert!(!s.message().contains("match 1 of"), "{}", s.message());
}

#[test]
fn changing_a_kind_says_so_and_names_the_source_it_removes() {
    let mut s = Session::new("border-talks.txt");
    s.press("}aregional analysts<Enter>");
    assert_eq!(
        s.saved().claims[0].source.as_deref(),
        Some("regional analysts")
    );
    // The newcomer's repro: Tab to it, v H (nothing before it), e.
    s.press("gj<Tab>vHe");
    assert_eq!(
        s.message(),
        "changed the claim in ¶ 2: anonymous → editorial; source “regional analysts” removed — u undoes"
    );
    let c = &s.saved().claims[0];
    assert_eq!((c.kind, c.source.as_deref()), (Kind::Editorial, None));
    s.press("u");
    assert_eq!(
        s.message(),
        "undone: anonymous → editorial of the claim in ¶ 2 (its source “regional analysts”)"
    );
    let c = &s.saved().claims[0];
    assert_eq!(
        (c.kind, c.source.as_deref()),
        (Kind::Anonymous, Some("regional analysts"))
    );
}

#[test]
fn undo_says_what_it_undid() {
    let mut s = Session::new("border-talks.txt");
    s.press("Ge").press("nthe writer's verdict<Enter>");
    s.press("u");
    assert_eq!(
        s.message(),
        "undone: the note of the editorial claim in ¶ 13"
    );
    assert_eq!(s.saved().claims[0].note, None);
    s.press("<C-r>");
    assert_eq!(
        s.message(),
        "redone: the note of the editorial claim in ¶ 13"
    );
    s.press("uu");
    assert_eq!(s.message(), "undone: marking the editorial claim in ¶ 13");
    assert!(s.saved().claims.is_empty());
    s.press("<C-r>x");
    s.press("u");
    assert_eq!(s.message(), "undone: deleting the editorial claim in ¶ 13");
}

#[test]
fn marking_done_an_article_with_no_claims_asks_first() {
    let mut s = Session::new("border-talks.txt");
    s.press("D");
    assert_eq!(
        s.message(),
        "no claims are marked in this article: D again marks it done anyway"
    );
    assert!(s.app().set.annotator.done.is_none());
    // Another key in between: it asks again.
    s.press("jD");
    assert!(s.app().set.annotator.done.is_none());
    s.press("D");
    assert!(s.saved().annotator.done.is_some(), "{}", s.message());
    // With a claim it does not ask.
    let mut s = Session::new("border-talks.txt");
    s.press("eD");
    assert!(s.saved().annotator.done.is_some(), "{}", s.message());
}

#[test]
fn a_count_before_g_goes_to_that_paragraph() {
    let mut s = Session::new("border-talks.txt");
    s.press("7G");
    assert_eq!(s.app().cursor.para.index(), 6);
    s.press("99G");
    assert_eq!(s.app().cursor.para.index(), s.app().article.len() - 1);
    s.press("G");
    assert_eq!(s.app().cursor.para.index(), s.app().article.len() - 1);
    s.press("1G");
    assert_eq!(s.app().cursor.para.index(), 0);
}

/// Five claims over border-talks, one with a long note.
fn with_claims() -> Session {
    let mut s = Session::new("border-talks.txt");
    s.press("}adiplomatic sources<Enter>");
    s.press("}e");
    s.press("nthe ministry's own words are not quoted, so the disaster is the writer's verdict and the reader cannot check it<Enter>");
    s.press("}}sOsmark delegation<Enter>");
    s.press("}aanalysts<Enter>");
    s.press("Ge");
    s
}

#[test]
fn the_claims_list_shows_every_claim_and_filters_as_you_type() {
    let mut s = with_claims();
    s.press("gc");
    assert_eq!(s.app().mode, Mode::Claims);
    insta::assert_snapshot!("claims_list_80x24", s.screen(80, 24));
    insta::assert_snapshot!("claims_list_40x12", s.screen(40, 12));
    // Only anonymous ones: two.
    s.press("a");
    assert_eq!(s.app().listed().len(), 2);
    s.press("a");
    assert_eq!(s.app().listed().len(), 5);
    // Text as typed: the source, the note or the quote.
    s.press("/delegation");
    assert_eq!(s.app().listed().len(), 1);
    assert!(s.screen(80, 24).contains("filter: delegation"));
    s.press("<Enter>");
    // Enter goes to it, in the text.
    s.press("<Enter>");
    assert_eq!(s.app().mode, Mode::Normal);
    assert_eq!(s.app().cursor.para.index(), 4);
    assert_eq!(s.message(), "¶ 5 · the sourced claim");
}

#[test]
fn the_claims_list_deletes_and_edits_notes() {
    let mut s = with_claims();
    s.press("c");
    // The last claim (¶ 13, where the cursor is) is chosen; its note.
    s.press("nfrom the list<Enter>");
    assert_eq!(
        s.app().mode,
        Mode::Claims,
        "back in the list after the note"
    );
    assert_eq!(
        s.saved().claims.last().unwrap().note.as_deref(),
        Some("from the list")
    );
    // x deletes the chosen claim (the first one, after k k k k).
    s.press("kkkkx");
    assert_eq!(s.saved().claims.len(), 4);
    assert_eq!(s.message(), "deleted the anonymous claim in ¶ 2 (u undoes)");
    assert!(s.saved().claims.iter().all(|c| c.at.para.number() != 2));
    s.press("<Esc>u");
    assert_eq!(s.saved().claims.len(), 5);
}

#[test]
fn a_long_note_is_read_whole_in_the_list() {
    let mut s = with_claims();
    s.press("g}}c");
    let screen = s.screen(80, 24);
    assert!(screen.contains("reader cannot check it"), "{screen}");
}

#[test]
fn the_footer_is_compact_on_a_narrow_screen() {
    let mut s = Session::new("border-talks.txt");
    let normal = s.screen(40, 12);
    let footer = normal.lines().last().unwrap();
    assert_eq!(footer, "\"s a e mark  v grow  c claims  ? help    \"");
    s.press("}h");
    assert!(matches!(s.app().mode, Mode::Select { .. }));
    insta::assert_snapshot!("compact_select_40x12", s.screen(40, 12));
    let wide = s.screen(80, 24);
    let footer = wide.lines().last().unwrap();
    assert!(!footer.contains('…'), "{footer}");
}

#[test]
fn the_source_prompt_keeps_its_keys_on_a_narrow_screen() {
    let mut s = Session::new("border-talks.txt");
    s.press("}}}}}}}a");
    let screen = s.screen(40, 12);
    let prompt = screen.lines().last().unwrap();
    assert!(prompt.contains("Enter/Esc"), "{prompt}");
}

#[test]
fn the_source_hint_comes_from_the_claims_own_reporting_clause() {
    let mut s = Session::new("border-talks.txt");
    // ¶8: "A senior diplomat, speaking on condition of anonymity, said the
    // mood …". The claim is the words reported, not the clause naming who:
    // the reading of the whole sentence gives its source.
    s.press("7G/the mood<Enter>");
    let Mode::Select { start, .. } = s.app().mode else {
        panic!()
    };
    let end = s.app().sentences(Para::from_index(7))[0].end;
    let words = s.app().paragraph(Para::from_index(7)).word_ends_near(end);
    assert!(words.contains(&end));
    s.press("lllllla");
    let Mode::Prompt(p) = &s.app().mode else {
        panic!("{:?}", s.app().mode)
    };
    let c = &s.app().set.claims[0];
    assert!(c.at.start == start && c.at.start > 0, "{c:?}");
    assert_eq!(p.line.hint.as_deref(), Some("senior diplomat"), "{c:?}");
}

#[test]
fn the_minimap_gives_every_row_the_same_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let text: Vec<String> = (1..=27)
        .map(|i| format!("Paragraph {i} says one short thing."))
        .collect();
    std::fs::write(&path, text.join("\n\n")).unwrap();
    let mut s = Session::at(&path, dir);
    // A claim in ¶ 27, the cursor in ¶ 3.
    s.press("Ge3G");
    let screen = s.screen(80, 24);
    let rows: Vec<&str> = screen.lines().skip(1).take(18).collect();
    let map: Vec<String> = rows
        .iter()
        .map(|r| {
            r.trim_matches('"')
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect()
        })
        .collect();
    // 18 rows for 27 paragraphs: two a row, so 14 rows; ¶ 3 on row 1,
    // ¶ 27 on row 13.
    assert_eq!(map[1], "▶···", "{map:?}");
    assert_eq!(map[13], "│··E", "{map:?}");
    assert_eq!(map[14].trim(), "", "{map:?}");
}

// ---- the headline of a saved page (point 4) --------------------------------

const PAGE: &str = "<html><head><title>Harbour plan stalls again | The Example Wire</title><meta name='author' content='By Rowan Example'><meta property='og:site_name' content='The Example Wire'></head><body><header><h1>Harbour Plan Stalls As Council Resorts To Delay</h1></header><article><p>The council postponed its vote on the harbour plan for the third time on Tuesday, officials said, after members asked for more figures on flooding.</p><p>Residents who packed the public gallery said they had waited two years for a decision and were tired of being told to wait again.</p><p>A spokesman for the mayor said the delay would give members time to read a report that arrived on Friday evening.</p></article></body></html>";

/// A file written before the headline was ¶ 1: its claim in the first
/// body paragraph says ¶ 1.
const OLD_FILE: &str = r#"format = "byline/1"

[article]
id = "harbour"
title = "Harbour plan stalls again"
path = "../../harbour.html"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"
paragraphs = 3

[annotator]
name = "Alex Example"

[[claims]]
id = "old001"
paragraph = 2
start = 0
end = 129
quote = "Residents who packed the public gallery said they had waited two years for a decision and were tired of being told to wait again."
kind = "anonymous"
source = "residents"
"#;

#[test]
fn a_pages_headline_is_paragraph_one_and_check_fix_reanchors_old_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.html"), PAGE).unwrap();
    let text = crate::common::run(dir.path(), &["text", "harbour.html"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout
            .contains("1  # Harbour Plan Stalls As Council Resorts To Delay"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("author     Rowan Example"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("paragraphs 4"), "{}", text.stdout);
    let folder = dir.path().join("annotations/harbour");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("alex-example.toml");
    std::fs::write(&file, OLD_FILE).unwrap();
    let checked = crate::common::run(
        dir.path(),
        &["check", "--fix", "annotations/harbour/alex-example.toml"],
    );
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
    assert!(
        checked.stdout.contains("¶2 0..129 → ¶3 0..129"),
        "{}",
        checked.stdout
    );
    let set = store::load(&file).unwrap().unwrap();
    assert_eq!(set.claims[0].at.para.number(), 3);
    assert_eq!(set.article.paragraphs, 4);
    assert_eq!(set.claims[0].source.as_deref(), Some("residents"));
}

#[test]
fn the_headline_can_be_marked_and_headings_are_bold_not_dim() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.html");
    std::fs::write(&page, PAGE).unwrap();
    let mut s = Session::at(&page, dir);
    // The headline's judgement is a claim like any other.
    s.press("5Le");
    assert_eq!(
        s.quotes(),
        [(1, Kind::Editorial, "Resorts To Delay".to_owned())],
        "{}",
        s.message()
    );
    // The author goes to the file.
    assert_eq!(s.saved().article.author.as_deref(), Some("Rowan Example"));
    s.press("}");
    insta::assert_snapshot!("headline_80x24", s.screen(80, 24));
    // Off the cursor, the heading is bold, not dimmed as context.
    let t = s.h.draw_at(80, 24, true);
    let buf = t.backend().buffer();
    let row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("Harbour Plan")
        })
        .expect("the headline is on screen");
    let cell = (0..80)
        .map(|x| &buf[(x, row)])
        .find(|c| c.symbol() == "H")
        .unwrap();
    assert!(cell.modifier.contains(ratatui::style::Modifier::BOLD));
    assert!(!cell.modifier.contains(ratatui::style::Modifier::DIM));
}

// ---- the summary's lead (point 9) ------------------------------------------

#[test]
fn the_summary_says_what_the_lead_is_and_skips_plain_subheadings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lead.txt");
    std::fs::write(
        &path,
        "Harbour vote delayed again\n\nThe council delayed the vote on Tuesday, officials said.\n\nWhat happens next\n\nMembers will meet again in March.\n\nResidents said they were tired of waiting.\n\nThe mayor declined to comment.",
    )
    .unwrap();
    let mut s = Session::at(&path, dir);
    s.press("jje%");
    let screen = s.screen(80, 24);
    // ¶ 3 is a subheading: the lead is the headline and ¶ 2 4 5.
    assert!(
        screen.contains("in the lead (¶ 1 headline, ¶ 2 4 5)"),
        "{screen}"
    );
}

// ---- the HTML report (point 10) --------------------------------------------

#[test]
fn the_report_shows_sources_beside_badges_and_no_doubled_quote_marks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("grid.txt"),
        "Grid upgrade stalls\n\nThe operator said the delay left it with “no control”\n\nCritics called the plan reckless.",
    )
    .unwrap();
    let text = crate::common::run(dir.path(), &["text", "grid.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&text.stdout).unwrap();
    let sha = v["sha256"].as_str().unwrap();
    let folder = dir.path().join("annotations/grid");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("alex-example.toml"),
        format!("format = \"byline/1\"\n\n[article]\nid = \"grid\"\ntitle = \"Grid upgrade stalls\"\npath = \"../../grid.txt\"\nsha256 = \"{sha}\"\nparagraphs = 3\n\n[annotator]\nname = \"Alex Example\"\n\n[[claims]]\nparagraph = 2\nstart = 0\nend = 53\nquote = \"The operator said the delay left it with “no control”\"\nkind = \"sourced\"\nsource = \"the operator\"\n"),
    )
    .unwrap();
    let page = crate::common::html_report(
        dir.path(),
        "annotations",
        &[],
        &dir.path().join("report.html"),
    );
    let doc = scraper::Html::parse_document(&page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let mark = doc
        .select(&sel("mark.claim"))
        .next()
        .expect("the claim is marked");
    assert_eq!(mark.value().attr("data-source"), Some("the operator"));
    assert_eq!(mark.value().attr("data-badge"), Some("S1"));
    // The stylesheet draws the source in the badge, in print too (no
    // @media rule hides it).
    assert!(page.contains(
        "mark.claim[data-source]::before{content:attr(data-badge) \" · \" attr(data-source)"
    ));
    let q = doc.select(&sel("ol.claims q")).next().unwrap();
    assert_eq!(q.value().attr("class"), Some("own"));
    assert!(page.contains("ol.claims q.own{quotes:none}"));
}

// ---- the article list and a text's own metadata (point 6) ------------------

#[test]
fn a_texts_header_block_or_front_matter_gives_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plain.txt"),
        "Outlet: The Example Wire\nURL: https://wire.example/harbour\nDate: 2026-11-02\nAuthor: Rowan Example\n\nHarbour plan stalls\n\nThe council postponed its vote, officials said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("marked.md"),
        "---\ntitle: \"Harbour plan stalls\"\noutlet: The Example Wire\nauthor: Rowan Example\ntags: [harbour]\n---\n# Harbour plan stalls\n\nThe council postponed its vote, officials said.",
    )
    .unwrap();
    for file in ["plain.txt", "marked.md"] {
        let r = crate::common::run(dir.path(), &["text", file, "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["outlet"], "The Example Wire", "{file}");
        assert_eq!(v["author"], "Rowan Example", "{file}");
        assert_eq!(v["title"], "Harbour plan stalls", "{file}");
        // The header is not text: ¶ 1 is the headline.
        assert_eq!(v["paragraphs"][0]["text"], "Harbour plan stalls", "{file}");
        assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2, "{file}");
    }
    let r = crate::common::run(dir.path(), &["text", "plain.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["url"], "https://wire.example/harbour");
    assert_eq!(v["published"], "2026-11-02");
    // A first paragraph that merely has a colon is text.
    std::fs::write(
        dir.path().join("colon.txt"),
        "Verdict: the plan is late\n\nThe council met.",
    )
    .unwrap();
    let r = crate::common::run(dir.path(), &["text", "colon.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["paragraphs"][0]["text"], "Verdict: the plan is late");
    assert!(v["outlet"].is_null());
}

#[test]
fn the_list_names_the_file_of_two_copies_with_one_title() {
    let dir = tempfile::tempdir().unwrap();
    let arts = dir.path().join("articles");
    std::fs::create_dir_all(&arts).unwrap();
    std::fs::write(arts.join("harbour.html"), PAGE).unwrap();
    std::fs::write(
        arts.join("harbour.txt"),
        "Title: Harbour plan stalls again\nOutlet: The Example Wire\n\nHarbour Plan Stalls As Council Resorts To Delay\n\nThe council postponed its vote.",
    )
    .unwrap();
    std::fs::write(arts.join("other.txt"), "Something else\n\nA paragraph.").unwrap();
    let mut c = byline_tui::testing::Corpus::open(
        std::slice::from_ref(&arts),
        &dir.path().join("annotations"),
        "Alex Example",
    );
    c.press("");
    let list = c.list_at(80, 24);
    assert!(list.contains("harbour.html · Harbour plan sta"), "{list}");
    assert!(list.contains("harbour.txt · Harbour plan stal"), "{list}");
    let wide = c.list_at(120, 24);
    assert!(
        wide.contains("harbour.txt · Harbour plan stalls again"),
        "{wide}"
    );
    assert!(
        list.contains("▶ Something else") || list.contains("  Something else"),
        "{list}"
    );
    // The text copy's outlet comes from its header block.
    let row = list.lines().find(|l| l.contains("harbour.txt")).unwrap();
    assert!(row.contains("The Example Wi"), "{row}");
}
