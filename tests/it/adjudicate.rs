//! `byline adjudicate`: three annotators of one short invented article,
//! adjudicated through the real loop; the gold file on disk after the
//! keys, the screen, the refusals, the conflict copy, and gold read by
//! export and agree like any annotator file.

use crate::common::{run, texts};
use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::review::adjudicate::{adjudicator_of, from_of};
use byline_model::{Loc, Para};
use byline_store as store;
use byline_tui::adjudicate::{AdjudicateScreen, Options};
use byline_tui::keys::Keymaps;
use byline_tui::runtime::Screen;
use byline_tui::testing::Harness;
use std::path::PathBuf;
use std::sync::Arc;

const ARTICLE: &str = "Harbor board delays dredging vote

The harbor board delayed its vote on dredging the channel, chair Dana Ortiz said on Tuesday.

Officials familiar with the talks said the delay could cost the port its federal grant.

The board's botched handling of the permit has angered fishermen.

Ortiz promised a decision by March.
";

/// A folder with the article and three annotators' files:
/// - ¶2: all three mark the first sentence sourced (agreed);
/// - ¶3: Alex and Jo mark it anonymous (agreed, two of three), Sam marks
///   it sourced (a disagreement);
/// - ¶4: only Alex marks "botched handling" editorial (a disagreement);
/// - ¶5: Jo marks it sourced, Sam editorial (a disagreement).
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("dredging.txt"), ARTICLE).unwrap();
        let f = Fixture { dir };
        let article = store::article::load(&f.article()).unwrap();
        let claim = |p: usize, text: &str, kind: Kind, source: Option<&str>| {
            let para = &article.paragraphs[p - 1];
            let at = para.text.find(text).unwrap();
            let start = para.text[..at].chars().count();
            let mut c = Claim::new(
                Loc::new(
                    Para::from_number(p).unwrap(),
                    start,
                    start + text.chars().count(),
                ),
                para,
                kind,
            );
            c.source = source.map(str::to_owned);
            c
        };
        let s2 = "The harbor board delayed its vote on dredging the channel, chair Dana Ortiz said on Tuesday.";
        let s3 = "Officials familiar with the talks said the delay could cost the port its federal grant.";
        let people: [(&str, Vec<Claim>); 3] = [
            (
                "Alex Example",
                vec![
                    claim(2, s2, Kind::Sourced, Some("Dana Ortiz")),
                    claim(
                        3,
                        s3,
                        Kind::Anonymous,
                        Some("officials familiar with the talks"),
                    ),
                    claim(4, "botched handling", Kind::Editorial, None),
                ],
            ),
            (
                "Jo Example",
                vec![
                    claim(2, s2, Kind::Sourced, Some("Dana Ortiz")),
                    claim(3, s3, Kind::Anonymous, Some("officials")),
                    claim(
                        5,
                        "Ortiz promised a decision by March.",
                        Kind::Sourced,
                        Some("Ortiz"),
                    ),
                ],
            ),
            (
                "Sam Example",
                vec![
                    claim(
                        2,
                        "chair Dana Ortiz said on Tuesday",
                        Kind::Sourced,
                        Some("dana ortiz"),
                    ),
                    claim(3, s3, Kind::Sourced, Some("officials")),
                    claim(5, "promised a decision", Kind::Editorial, None),
                ],
            ),
        ];
        for (name, claims) in people {
            let file = store::annotation_path(&f.ann(), &article.id, name);
            let rel = store::open::relative_article_path(&f.article(), &file);
            let mut set = AnnotationSet::new(&article, name, rel);
            set.claims = claims;
            store::open::stamp(&mut set, &article);
            store::save(&file, &set).unwrap();
        }
        f
    }

    fn article(&self) -> PathBuf {
        self.dir.path().join("dredging.txt")
    }

    fn ann(&self) -> PathBuf {
        self.dir.path().join("annotations")
    }

    fn file(&self, stem: &str) -> PathBuf {
        self.ann().join("dredging").join(format!("{stem}.toml"))
    }

    fn gold(&self) -> AnnotationSet {
        store::load(&self.file("gold")).unwrap().unwrap()
    }

    fn open(&self) -> anyhow::Result<AdjudicateScreen> {
        let o = Options {
            article: &self.article(),
            annotations: &self.ann(),
            files: None,
            adjudicator: Some("Kim Example"),
            min_agree: None,
        };
        AdjudicateScreen::open(&o, Arc::new(Keymaps::default()))
    }

    fn screen(&self) -> Harness<AdjudicateScreen> {
        let screen = self.open().unwrap_or_else(|e| panic!("{e:#}"));
        Harness::new(screen, Arc::new(Keymaps::default()), 80, 24)
    }
}

/// (paragraph, kind, quote, source, from) of each gold claim.
type Row = (usize, Kind, String, Option<String>, Vec<String>);

fn rows(set: &AnnotationSet) -> Vec<Row> {
    set.claims
        .iter()
        .map(|c| {
            (
                c.at.para.number(),
                c.kind,
                c.quote.clone(),
                c.source.clone(),
                from_of(&c.extra),
            )
        })
        .collect()
}

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|s| s.to_string()).collect()
}

#[test]
fn agreed_claims_go_to_gold_at_once_and_the_rest_is_decided_by_key() {
    let f = Fixture::new();
    let mut h = f.screen();
    // The first turn of the loop saves what a majority agrees on.
    h.press("");
    let gold = f.gold();
    assert_eq!(gold.annotator.name, "gold");
    assert_eq!(adjudicator_of(&gold), Some("Kim Example"));
    assert_eq!(
        rows(&gold),
        [
            (
                2,
                Kind::Sourced,
                "The harbor board delayed its vote on dredging the channel, chair Dana Ortiz said on Tuesday.".into(),
                Some("Dana Ortiz".into()),
                v(&["alex-example", "jo-example", "sam-example"])
            ),
            (
                3,
                Kind::Anonymous,
                "Officials familiar with the talks said the delay could cost the port its federal grant.".into(),
                Some("officials familiar with the talks".into()),
                v(&["alex-example", "jo-example"])
            ),
        ]
    );
    let app = &h.screen().app;
    assert_eq!((app.plan.agreed.len(), app.plan.disputes.len()), (2, 3));
    assert_eq!(app.left(), 3);

    // ¶3: Sam's sourced reading is rejected. ¶4: Alex's editorial claim is
    // edited (kind kept, a note added). ¶5: 1 is Alex, who marked nothing
    // there; 2 takes Jo's. Then quit.
    h.press("x");
    h.press("e<Enter>loaded, per the style guide<Enter>");
    h.press("1");
    assert!(
        h.screen()
            .app
            .core
            .message
            .as_deref()
            .unwrap()
            .contains("alex-example marked nothing here"),
        "{:?}",
        h.screen().app.core.message
    );
    h.press("2q");
    assert!(h.quit);

    let gold = f.gold();
    assert_eq!(adjudicator_of(&gold), Some("Kim Example"));
    let got = rows(&gold);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_eq!(
        got[2],
        (
            4,
            Kind::Editorial,
            "botched handling".into(),
            None,
            v(&["alex-example"])
        )
    );
    assert_eq!(
        gold.claims[2].note.as_deref(),
        Some("loaded, per the style guide")
    );
    assert_eq!(
        got[3],
        (
            5,
            Kind::Sourced,
            "Ortiz promised a decision by March.".into(),
            Some("Ortiz".into()),
            v(&["jo-example"])
        )
    );
    // The rejection is kept, so it is not offered again.
    assert_eq!(gold.dismissed.len(), 1);
    let d = &gold.dismissed[0];
    assert_eq!((d.at.para.number(), d.kind), (3, Kind::Sourced));
    assert_eq!(from_of(&d.extra), ["sam-example"]);
    // Every claim has an id and the article's fingerprint is the file's.
    assert!(gold.claims.iter().all(|c| c.id.is_some()));

    // Opening again resumes: everything is decided, nothing changes.
    let before = std::fs::read(f.file("gold")).unwrap();
    let mut h = f.screen();
    assert_eq!(h.screen().app.left(), 0);
    assert!(
        h.screen()
            .app
            .core
            .message
            .as_deref()
            .unwrap()
            .contains("3 decided earlier are kept")
    );
    h.press("q");
    assert_eq!(std::fs::read(f.file("gold")).unwrap(), before);
}

#[test]
fn undo_takes_a_decision_back_and_resume_walks_only_what_is_left() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("x1");
    assert_eq!(h.screen().app.left(), 1);
    h.press("u");
    assert_eq!(h.screen().app.left(), 2);
    assert_eq!(h.screen().app.focus, 1, "back on the undone disagreement");
    h.press("q");
    // One decision on file (the rejection): two are left, and the screen
    // opens on the first of them.
    let h = f.screen();
    assert_eq!(h.screen().app.left(), 2);
    assert_eq!(h.screen().app.focus, 1);
}

#[test]
fn merge_takes_the_union_of_one_kinds_spans() {
    let f = Fixture::new();
    let mut h = f.screen();
    // To ¶5, cursor on Sam's editorial version, merge: Sam's span alone.
    h.press("nnjm");
    let gold = f.gold();
    let merged = gold
        .claims
        .iter()
        .find(|c| c.at.para.number() == 5)
        .unwrap();
    assert_eq!(merged.kind, Kind::Editorial);
    assert_eq!(merged.quote, "promised a decision");
    assert_eq!(from_of(&merged.extra), ["sam-example"]);
}

#[test]
fn the_screen_at_80x24_and_40x12() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("");
    insta::assert_snapshot!("adjudicate_80x24", h.text_at(80, 24));
    insta::assert_snapshot!("adjudicate_40x12", h.text_at(40, 12));
    h.press("nn");
    insta::assert_snapshot!("adjudicate_two_kinds_80x24", h.text_at(80, 24));
    h.press("?");
    let help = h.text_at(80, 24);
    // The nine take-by-number keys are one row.
    assert!(
        help.contains("1 2 3 4 5 6 7 8 9") && help.contains("take annotator 1…9's version"),
        "{help}"
    );
    assert_eq!(help.matches("take annotator").count(), 1, "{help}");
    assert!(help.contains("merge the spans"), "{help}");
}

#[test]
fn a_gold_file_changed_on_disk_meanwhile_gets_a_conflict_copy() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("");
    let gold = f.file("gold");
    let mut text = std::fs::read_to_string(&gold).unwrap();
    text = text.replace("name = \"gold\"", "name = \"gold\"\nchecked = true");
    std::fs::write(&gold, &text).unwrap();
    h.press("x");
    // The file is as the other hand left it; the decision is beside it.
    assert_eq!(std::fs::read_to_string(&gold).unwrap(), text);
    let copies = store::files::conflict_copies_of(&gold);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = store::load(&copies[0]).unwrap().unwrap();
    assert_eq!(copy.dismissed.len(), 1);
    let msg = h.screen().app.core.message.clone().unwrap();
    assert!(msg.contains("changed on disk"), "{msg}");
    assert_eq!(h.screen().farewell().len(), 1);
}

#[test]
fn files_saved_against_another_text_are_refused_by_name() {
    let f = Fixture::new();
    let sam = f.file("sam-example");
    let text = std::fs::read_to_string(&sam).unwrap();
    let set = store::load(&sam).unwrap().unwrap();
    std::fs::write(&sam, text.replace(&set.article.sha256, &"0".repeat(64))).unwrap();
    let r = run(f.dir.path(), &["adjudicate", "dredging.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("sam-example.toml"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("byline check annotations/dredging/sam-example.toml --fix"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("alex-example"), "{}", r.stderr);
    assert!(!f.file("gold").exists(), "nothing is written");
}

#[test]
fn fewer_than_two_annotators_is_a_clear_error() {
    let f = Fixture::new();
    let alex = f.file("alex-example").display().to_string();
    let r = run(
        f.dir.path(),
        &["adjudicate", "dredging.txt", "--files", &alex],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("two or more annotators"), "{}", r.stderr);
    let r = run(
        f.dir.path(),
        &["adjudicate", "dredging.txt", "--min-agree", "4"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--min-agree 4"), "{}", r.stderr);
}

#[test]
fn export_and_agree_read_gold_like_any_annotator_file() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("x1");
    drop(h);
    // A folder's gold file is left out (its claims are the annotators'
    // again) and said; --gold exports the gold files alone; a gold file
    // named is exported like any other.
    let r = run(f.dir.path(), &["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 gold file (adjudicated"),
        "{}",
        r.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let names = texts(&json["articles"], "annotator");
    assert!(!names.contains(&"gold"), "{names:?}");
    assert_eq!(names.len(), 3);
    for args in [
        &["export", "annotations", "--gold", "--format", "json"][..],
        &[
            "export",
            "annotations/dredging/gold.toml",
            "--format",
            "json",
        ][..],
    ] {
        let r = run(f.dir.path(), args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let articles = json["articles"].as_array().unwrap();
        assert_eq!(articles.len(), 1, "{args:?}");
        assert_eq!(articles[0]["annotator"], "gold");
        assert_eq!(articles[0]["claims"], 3);
    }
    let r = run(
        f.dir.path(),
        &[
            "agree",
            "annotations/dredging/gold.toml",
            "annotations/dredging/alex-example.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        json["annotators"],
        serde_json::json!(["gold", "alex-example"])
    );
    // Each annotator scored against it (`agree --against gold`).
    let r = run(
        f.dir.path(),
        &[
            "agree",
            "annotations/dredging",
            "--against",
            "gold",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let scored = texts(&json["annotators"], "annotator");
    assert_eq!(scored, ["alex-example", "jo-example", "sam-example"]);
    // Alex's three claims are all in gold: two agreed, one taken.
    assert_eq!(json["annotators"][0]["precision"], 1.0);
}

#[test]
fn keys_are_the_users_and_narrow_screens_cut_rather_than_break() {
    let f = Fixture::new();
    let keys = Keymaps::from_toml(
        "[keys.adjudicate]\nreject = \"r\"\ntake_2 = \"J\"\n",
        std::path::Path::new("config.toml"),
        Some(&Keymaps::default()),
    )
    .unwrap();
    let keys = Arc::new(keys);
    let screen = AdjudicateScreen::open(
        &Options {
            article: &f.article(),
            annotations: &f.ann(),
            files: None,
            adjudicator: Some("Kim Example"),
            min_agree: None,
        },
        Arc::clone(&keys),
    )
    .unwrap();
    let mut h = Harness::new(screen, keys, 80, 24);
    // The panel names the user's key for rejecting.
    assert!(
        h.text_at(80, 24).contains("r reject"),
        "{}",
        h.text_at(80, 24)
    );
    h.press("x");
    assert_eq!(h.screen().app.left(), 3, "x is not reject any more");
    h.press("r");
    assert_eq!(h.screen().app.left(), 2);
    // The edit prompt at 40x12 and 30x8: drawn, cut, never a panic.
    h.press("e");
    for (w, hh) in [(40, 12), (30, 8), (80, 24)] {
        let text = h.text_at(w, hh);
        assert!(!text.is_empty());
    }
    assert!(h.text_at(80, 24).contains("Kind s/a/e [editorial]"));
    h.press("opinion<Enter>");
    assert!(h.text_at(80, 24).contains("Not a kind; s/a/e [editorial]"));
    h.press("<Esc>");
    assert_eq!(h.screen().app.left(), 2, "Esc leaves the edit");
}

#[test]
fn a_claim_that_needs_review_is_left_out_and_named() {
    let f = Fixture::new();
    let jo = f.file("jo-example");
    let mut set = store::load(&jo).unwrap().unwrap();
    set.claims[0].status = Some("needs-review".into());
    store::save(&jo, &set).unwrap();
    let h = f.screen();
    let msg = h.screen().app.core.message.clone().unwrap();
    assert!(msg.contains("left out"), "{msg}");
    assert!(msg.contains("jo-example"), "{msg}");
    // ¶2 is still agreed by the two others.
    assert_eq!(h.screen().app.plan.agreed.len(), 2);
}

#[test]
fn a_second_adjudication_of_the_article_is_read_only_until_the_first_ends() {
    let f = Fixture::new();
    let mut first = f.screen();
    first.press("");
    let mut second = f.screen();
    assert!(matches!(
        second.screen().app.core.save,
        byline_tui::widgets::status::SaveState::ReadOnly(_)
    ));
    second.press("x");
    assert_eq!(second.screen().app.left(), 3, "nothing decided read-only");
    assert!(
        second
            .screen()
            .app
            .core
            .message
            .as_deref()
            .unwrap()
            .starts_with("read-only")
    );
    first.press("xq");
    drop(first);
    // The first one's decision is on disk; the second takes over with it.
    second.press("");
    assert_eq!(second.screen().app.left(), 2);
    assert_eq!(f.gold().dismissed.len(), 1);
}

#[test]
fn the_version_under_the_cursor_is_highlighted_without_colour_too() {
    use ratatui::style::Modifier;
    let f = Fixture::new();
    let mut h = f.screen();
    // ¶5: Jo's sourced sentence, then Sam's editorial span.
    h.press("nn");
    let t = h.draw_at(80, 24, false);
    let buf = t.backend().buffer();
    let row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
                .contains("Ortiz promised")
        })
        .unwrap();
    let x0 = 6; // after the gutter
    assert!(buf[(x0, row)].modifier.contains(Modifier::REVERSED));
    h.press("j");
    let t = h.draw_at(80, 24, false);
    let buf = t.backend().buffer();
    // "Ortiz " is Jo's alone now; "promised" is Sam's, under the cursor.
    assert!(!buf[(x0, row)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(x0, row)].modifier.contains(Modifier::UNDERLINED));
    assert!(buf[(x0 + 6, row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn with_min_agree_one_everything_goes_to_gold_and_nothing_is_left() {
    let f = Fixture::new();
    let o = Options {
        article: &f.article(),
        annotations: &f.ann(),
        files: None,
        adjudicator: Some("Kim Example"),
        min_agree: Some(1),
    };
    let screen = AdjudicateScreen::open(&o, Arc::new(Keymaps::default())).unwrap();
    let mut h = Harness::new(screen, Arc::new(Keymaps::default()), 80, 24);
    h.press("x");
    assert!(h.text_at(80, 24).contains("agree on every claim"));
    h.press("q");
    assert_eq!(f.gold().claims.len(), 6);
}

/// In a real terminal (tmux): decide two disagreements, edit a third's
/// note, then the terminal hangs up; what was decided is in gold.
#[test]
fn in_a_real_terminal_decisions_survive_a_hang_up() {
    use crate::tmux::Tmux;
    let f = Fixture::new();
    let cmd = format!(
        "cd '{}' && {} adjudicate dredging.txt --annotator 'Kim Example'; echo BYLINE-EXIT-$?; sleep 30",
        f.dir.path().display(),
        env!("CARGO_BIN_EXE_byline"),
    );
    let Some(t) = Tmux::start("adjudicate", &cmd, (80, 24), &[("NO_COLOR", "1")]) else {
        return;
    };
    t.wait_for("2 agreed → gold, 3 of 3 disagreements left");
    t.keys(&["x"]);
    t.wait_for("2 of 3 disagreements left");
    t.keys(&["e", "Enter"]);
    t.wait_for("Note:");
    t.keys(&["loaded", "Enter"]);
    t.wait_for("1 of 3 disagreements left");
    t.tmux(&["resize-window", "-t", "t", "-x", "40", "-y", "12"]);
    t.wait_for("1/3 left");
    t.keys(&["3"]);
    t.wait_for("0/3 left");
    t.tmux(&["kill-server"]);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let gold = f.gold();
    assert_eq!(adjudicator_of(&gold), Some("Kim Example"));
    assert_eq!(gold.claims.len(), 4);
    assert_eq!(gold.dismissed.len(), 1);
    let p5 = gold
        .claims
        .iter()
        .find(|c| c.at.para.number() == 5)
        .unwrap();
    assert_eq!(
        (p5.kind, p5.quote.as_str()),
        (Kind::Editorial, "promised a decision")
    );
    assert_eq!(from_of(&p5.extra), ["sam-example"]);
    assert!(
        gold.claims
            .iter()
            .any(|c| c.at.para.number() == 4 && c.note.as_deref() == Some("loaded"))
    );
}

#[test]
fn another_adjudicator_goes_on_under_their_own_name() {
    let f = Fixture::new();
    f.screen().press("xq");
    let o = Options {
        article: &f.article(),
        annotations: &f.ann(),
        files: None,
        adjudicator: Some("Lee Example"),
        min_agree: None,
    };
    let screen = AdjudicateScreen::open(&o, Arc::new(Keymaps::default())).unwrap();
    let mut h = Harness::new(screen, Arc::new(Keymaps::default()), 80, 24);
    let msg = h.screen().app.core.message.clone().unwrap();
    assert!(
        msg.contains("Kim Example adjudicated this gold file before"),
        "{msg}"
    );
    assert_eq!(adjudicator_of(&f.gold()), Some("Kim Example"), "not yet");
    h.press("1q");
    assert_eq!(adjudicator_of(&f.gold()), Some("Lee Example"));
}

#[test]
fn an_edit_may_change_the_kind_and_keeps_where_it_came_from() {
    let f = Fixture::new();
    let mut h = f.screen();
    // ¶4, Alex's editorial span made anonymous with a source, no note.
    h.press("ne");
    h.press("a<Enter>board insiders<Enter><Enter>q");
    let gold = f.gold();
    let c = gold
        .claims
        .iter()
        .find(|c| c.at.para.number() == 4)
        .unwrap();
    assert_eq!(c.kind, Kind::Anonymous);
    assert_eq!(c.source.as_deref(), Some("board insiders"));
    assert_eq!(c.quote, "botched handling");
    assert_eq!(from_of(&c.extra), ["alex-example"]);
    assert_eq!(c.extra.get("edited"), Some(&toml::Value::Boolean(true)));
    // Reopened, that disagreement is decided: the same span came from Alex.
    let h = f.screen();
    assert_eq!(h.screen().app.left(), 2);
    assert!(h.screen().app.decided[1]);
}

#[test]
fn n_and_p_walk_what_is_left_and_brackets_walk_everything() {
    let f = Fixture::new();
    let mut h = f.screen();
    // Decide the second disagreement (¶4); the screen moves on to ¶5.
    h.press("n1");
    assert_eq!(h.screen().app.focus, 2);
    // p skips the decided ¶4 back to ¶3; ] visits it.
    h.press("p");
    assert_eq!(h.screen().app.focus, 0);
    h.press("]");
    assert_eq!(h.screen().app.focus, 1);
    assert!(h.text_at(80, 24).contains("disagreement 2/3 · decided"));
    h.press("q");
}

#[test]
fn a_quote_off_its_offsets_and_a_review_file_among_files_are_refused() {
    let f = Fixture::new();
    let sam = f.file("sam-example");
    let text = std::fs::read_to_string(&sam).unwrap();
    std::fs::write(
        &sam,
        text.replace(
            "quote = \"promised a decision\"",
            "quote = \"promised a vote\"",
        ),
    )
    .unwrap();
    let r = run(f.dir.path(), &["adjudicate", "dredging.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("sam-example.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("--fix"), "{}", r.stderr);
    std::fs::write(&sam, text).unwrap();

    let review = f.ann().join("dredging/kim.review.alex-example.toml");
    std::fs::write(&review, "format = \"byline-review/1\"\n").unwrap();
    let (a, rv) = (
        f.file("alex-example").display().to_string(),
        review.display().to_string(),
    );
    let r = run(
        f.dir.path(),
        &["adjudicate", "dredging.txt", "--files", &a, &rv],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("is a review file"), "{}", r.stderr);
    // Beside the others, the review file is not an annotator's.
    let h = f.screen();
    assert_eq!(h.screen().app.annotators.len(), 3);
}

/// The edit's source prompt completes from the corpus's sources.toml as
/// the annotation screen's does, and `name; type` adds a new source there.
#[test]
fn the_edit_prompt_completes_sources_from_the_registry() {
    let f = Fixture::new();
    let registry = f.dir.path().join("sources.toml");
    std::fs::write(
        &registry,
        "format = \"byline-sources/1\"\n\n[[source]]\nname = \"Dana Ortiz\"\ntype = \"official\"\naliases = [\"chair Dana Ortiz\"]\n",
    )
    .unwrap();
    let mut h = f.screen();
    // ¶4, Alex's editorial span made sourced: "Da" and Tab completes.
    h.press("ne");
    h.press("s<Enter>");
    h.press("<C-u>Da<Tab>");
    assert!(
        h.text_at(80, 24).contains("Dana Ortiz"),
        "{}",
        h.text_at(80, 24)
    );
    h.press("<Enter><Enter>");
    let gold = f.gold();
    let c = gold
        .claims
        .iter()
        .find(|c| c.at.para.number() == 4)
        .unwrap();
    assert_eq!(c.source.as_deref(), Some("Dana Ortiz"));
    // A new name with its type goes to the registry; the claim gets the name.
    h.press("ne");
    h.press("<Enter><C-u>the harbor board; official<Enter><Enter>q");
    let text = std::fs::read_to_string(&registry).unwrap();
    assert!(text.contains("name = \"the harbor board\""), "{text}");
    let gold = f.gold();
    assert!(
        gold.claims
            .iter()
            .any(|c| c.source.as_deref() == Some("the harbor board")),
        "{:?}",
        gold.claims
    );
}

/// Gold is marked done when nothing is left to decide, and `agree
/// --against gold` says when it scores against a gold half way through.
#[test]
fn agree_against_an_unfinished_gold_says_its_figures_are_provisional() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("x");
    drop(h);
    assert!(f.gold().annotator.done.is_none(), "two left to decide");
    let against = |f: &Fixture| {
        let r = run(
            f.dir.path(),
            &["agree", "annotations/dredging", "--against", "gold"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    assert!(
        against(&f).contains("gold is not finished"),
        "{}",
        against(&f)
    );
    let mut h = f.screen();
    h.press("xx");
    drop(h);
    assert!(f.gold().annotator.done.is_some(), "all decided: done");
    assert!(!against(&f).contains("not finished"), "{}", against(&f));
}

/// A colleague whose file appears after gold was written is named when
/// adjudication is opened again: earlier decisions did not see them.
#[test]
fn an_annotator_new_since_gold_was_written_is_named() {
    let f = Fixture::new();
    let mut h = f.screen();
    h.press("x");
    drop(h);
    let text = std::fs::read_to_string(f.file("alex-example"))
        .unwrap()
        .replace("name = \"Alex Example\"", "name = \"Lee Example\"");
    std::fs::write(f.file("lee-example"), text).unwrap();
    let h = f.screen();
    let message = h.screen().app.core.message.clone().unwrap_or_default();
    assert!(
        message.contains("comparing alex-example, jo-example, lee-example, sam-example"),
        "{message}"
    );
    assert!(
        message.contains("new since gold was last written: lee-example"),
        "{message}"
    );
}

/// Someone who only opened the article (a file with no claim, not done)
/// is no vote: left out, and said.
#[test]
fn a_file_with_no_claim_that_is_not_done_is_left_out_and_named() {
    let f = Fixture::new();
    let mut set = store::load(&f.file("alex-example")).unwrap().unwrap();
    set.annotator.name = "Lee Example".into();
    set.claims.clear();
    store::save(&f.file("lee-example"), &set).unwrap();
    let h = f.screen();
    let message = h.screen().app.core.message.clone().unwrap_or_default();
    assert!(
        message.contains("comparing alex-example, jo-example, sam-example"),
        "{message}"
    );
    assert!(
        message.contains("left out lee-example: no claim yet and not done"),
        "{message}"
    );
    assert_eq!(h.screen().app.k, 2, "a majority of three");
}
