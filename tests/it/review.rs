//! The review session: key sequences on the real state, the files on disk
//! after them, the screens, and the command line's bad inputs.

use assert_cmd::Command;
use byline_model::review::compare::State;
use byline_model::review::verdict::Verdict;
use byline_store as store;
use byline_store::review_open::open;
use byline_tui::review::ReviewScreen;
use byline_tui::testing::Harness;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};

const ARTICLE: &str = "examples/articles/harbor-council.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary annotations folder holding copies of the two sample
/// annotators of harbor-council.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(ann.join("harbor-council")).unwrap();
    for name in ["alex-example.toml", "sam-example.toml"] {
        std::fs::copy(
            root().join("annotations/harbor-council").join(name),
            ann.join("harbor-council").join(name),
        )
        .unwrap();
    }
    (dir, ann)
}

fn theirs(ann: &Path) -> PathBuf {
    ann.join("harbor-council/alex-example.toml")
}

fn mine(ann: &Path) -> PathBuf {
    ann.join("harbor-council/sam-example.toml")
}

/// The review screen run through the real loop; it reads as the screen.
struct Session {
    h: Harness<ReviewScreen>,
}

impl std::ops::Deref for Session {
    type Target = ReviewScreen;
    fn deref(&self) -> &ReviewScreen {
        self.h.screen()
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut ReviewScreen {
        self.h.screen_mut()
    }
}

fn session(ann: &Path, side_by_side: bool) -> Session {
    let mine = mine(ann);
    let screen = open(
        &root().join(ARTICLE),
        &theirs(ann),
        side_by_side.then_some(mine.as_path()),
        ann,
        Some("Sam Example"),
    )
    .map(ReviewScreen::new)
    .unwrap();
    Session {
        h: Harness::review(screen),
    }
}

/// Runs keys through the loop, which saves at their end as at quit.
fn press(s: &mut Session, k: &str) {
    s.h.press(k);
}

fn review_file(ann: &Path) -> PathBuf {
    ann.join("harbor-council/sam-example.review.alex-example.toml")
}

#[test]
fn agree_and_dispute_with_kind_and_comment() {
    let (_dir, ann) = workspace();
    let before = std::fs::read(theirs(&ann)).unwrap();
    let mut s = session(&ann, false);
    let first = s.app.parts.theirs.claims[0].clone();
    let second = s.app.parts.theirs.claims[1].clone();
    assert_eq!(
        s.app.focused_claim(),
        Some(0),
        "starts on their first claim"
    );

    // y agrees and moves on; e disputes proposing editorial, then asks why.
    press(&mut s, "yeparaphrase, not a quote<Enter>");
    let p = s.app.progress();
    assert_eq!((p.reviewed, p.agreed, p.disputed), (2, 1, 1));
    assert_eq!(s.app.focused_claim(), Some(2));

    let text = std::fs::read_to_string(review_file(&ann)).unwrap();
    let r = store::review::parse(&review_file(&ann), &text).unwrap();
    assert_eq!(r.meta.reviewer, "Sam Example");
    assert_eq!(r.meta.of, "alex-example");
    assert_eq!(r.verdicts.len(), 2);
    let (a, d) = (&r.verdicts[0], &r.verdicts[1]);
    assert_eq!(a.verdict, Verdict::Agree);
    assert_eq!(
        (a.claim.as_ref(), a.at, &a.quote),
        (first.id.as_ref(), first.at, &first.quote)
    );
    assert_eq!(d.verdict, Verdict::Dispute);
    assert_eq!(d.kind, Some(byline_model::annotation::Kind::Editorial));
    assert_eq!(d.comment.as_deref(), Some("paraphrase, not a quote"));
    assert_eq!(d.at, second.at);
    assert_eq!(d.quote, second.quote);

    // The colleague's file is byte for byte what it was.
    assert_eq!(std::fs::read(theirs(&ann)).unwrap(), before);
}

#[test]
fn reopening_shows_earlier_verdicts_and_lets_them_change() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, false);
    press(&mut s, "ydwhy not<Enter>");
    drop(s);

    let mut s = session(&ann, false);
    let p = s.app.progress();
    assert_eq!((p.reviewed, p.agreed, p.disputed), (2, 1, 1));
    assert_eq!(
        s.app.verdict(1).unwrap().comment.as_deref(),
        Some("why not")
    );
    // Reopened on the first claim not reviewed yet.
    assert_eq!(s.app.focused_claim(), Some(2));
    // Dispute the first claim instead; Esc leaves the comment empty.
    press(&mut s, "kkd<Esc>");
    let p = s.app.progress();
    assert_eq!((p.reviewed, p.agreed, p.disputed), (2, 0, 2));
    // n edits the second claim's comment.
    press(&mut s, "jn<C-u>on second thought<Enter>");
    let r = store::review::load(&review_file(&ann)).unwrap().unwrap();
    assert_eq!(r.verdicts.len(), 2);
    assert_eq!(r.verdicts[0].verdict, Verdict::Dispute);
    assert_eq!(r.verdicts[0].comment, None);
    assert_eq!(r.verdicts[1].comment.as_deref(), Some("on second thought"));
    // u undoes the comment, then the changed verdict.
    press(&mut s, "uu");
    let r = store::review::load(&review_file(&ann)).unwrap().unwrap();
    assert_eq!(r.verdicts[0].verdict, Verdict::Agree);
    assert_eq!(r.verdicts[1].comment.as_deref(), Some("why not"));
}

#[test]
fn verdicts_find_their_claims_when_the_colleague_drops_ids_and_adds_claims() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, false);
    press(&mut s, "yy");
    drop(s);
    // The colleague's file changes: ids gone, a claim added before.
    let text = std::fs::read_to_string(theirs(&ann)).unwrap();
    // The first `id = ` is the article's; the rest are the claims'.
    let mut seen = 0;
    let no_ids: String = text
        .lines()
        .filter(|l| {
            let is_id = l.starts_with("id = ");
            seen += usize::from(is_id);
            !is_id || seen == 1
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let extra = "\n[[claims]]\nparagraph = 2\nstart = 0\nend = 10\nquote = \"BRENNAMOOR\"\nkind = \"sourced\"\n";
    std::fs::write(theirs(&ann), no_ids + extra).unwrap();
    let s = session(&ann, false);
    assert_eq!(s.app.parts.theirs.claims[0].quote, "BRENNAMOOR");
    let p = s.app.progress();
    assert_eq!((p.claims, p.reviewed, p.agreed, p.orphaned), (11, 2, 2, 0));
    assert!(s.app.verdict(0).is_none());
    assert!(s.app.verdict(1).is_some() && s.app.verdict(2).is_some());
}

#[test]
fn copy_goes_into_my_file_and_undo_takes_it_out() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, false);
    let me = ann.join("harbor-council/kim-example.toml");
    // Reviewer Kim has no file yet: the copy creates it.
    let mut s2 = Session {
        h: Harness::review(
            open(
                &root().join(ARTICLE),
                &theirs(&ann),
                None,
                &ann,
                Some("Kim Example"),
            )
            .map(ReviewScreen::new)
            .unwrap(),
        ),
    };
    press(&mut s2, "c");
    let set = store::load(&me).unwrap().unwrap();
    assert_eq!(set.annotator.name, "Kim Example");
    assert_eq!(set.claims.len(), 1);
    let theirs_claim = &s2.app.parts.theirs.claims[0];
    assert_eq!(set.claims[0].quote, theirs_claim.quote);
    assert_eq!(set.claims[0].kind, theirs_claim.kind);
    assert!(set.claims[0].id.is_some());
    assert!(
        set.article.path.as_deref().unwrap().ends_with(ARTICLE),
        "{:?}",
        set.article.path
    );
    press(&mut s2, "c");
    assert_eq!(
        s2.app.core.message.as_deref(),
        Some("your file already has this claim")
    );
    press(&mut s2, "u");
    assert_eq!(store::load(&me).unwrap().unwrap().claims.len(), 0);
    press(&mut s2, "<C-r>");
    assert_eq!(store::load(&me).unwrap().unwrap().claims.len(), 1);

    // The reviewer's own sample file: their second claim is not in it.
    press(&mut s, "j");
    let n = store::load(&mine(&ann)).unwrap().unwrap().claims.len();
    press(&mut s, "c");
    assert_eq!(
        store::load(&mine(&ann)).unwrap().unwrap().claims.len(),
        n + 1
    );
}

#[test]
fn side_by_side_jumps_between_disagreements() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, true);
    let disagreements: Vec<usize> = s
        .app
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.state != State::Agreed)
        .map(|(n, _)| n)
        .collect();
    assert!(disagreements.len() >= 3);
    let states: std::collections::HashSet<State> = s.app.items.iter().map(|i| i.state).collect();
    assert!(states.contains(&State::Agreed) && states.contains(&State::KindConflict));
    assert!(states.contains(&State::OnlyTheirs) && states.contains(&State::OnlyMine));
    for want in &disagreements {
        press(&mut s, "]");
        assert_eq!(s.app.focus, *want);
    }
    press(&mut s, "]");
    assert_eq!(s.app.focus, disagreements[0], "wraps round");
    press(&mut s, "[");
    assert_eq!(s.app.focus, *disagreements.last().unwrap());
    // On a claim only in my file there is nothing of theirs to judge.
    let only_mine = s
        .app
        .items
        .iter()
        .position(|i| i.state == State::OnlyMine)
        .unwrap();
    s.app.focus = only_mine;
    press(&mut s, "y");
    assert!(
        s.app
            .core
            .message
            .as_deref()
            .unwrap()
            .contains("only in your file")
    );
    assert_eq!(s.app.progress().reviewed, 0);
}

fn screen(s: &Session, color: bool, w: u16, h: u16) -> TestBackend {
    s.h.draw_at(w, h, color).backend().clone()
}

#[test]
fn screens() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, false);
    press(&mut s, "yewriter's inference<Enter>");
    insta::assert_snapshot!("review_80x24", screen(&s, false, 80, 24).to_string());
    press(&mut s, "d");
    insta::assert_snapshot!(
        "review_comment_80x24",
        screen(&s, false, 80, 24).to_string()
    );
    // The first review session ends before the next opens the file.
    drop(s);
    let mut s = session(&ann, true);
    press(&mut s, "]");
    insta::assert_snapshot!(
        "review_side_by_side_80x24",
        screen(&s, false, 80, 24).to_string()
    );
    insta::assert_snapshot!(
        "review_side_by_side_40x12",
        screen(&s, false, 40, 12).to_string()
    );
    press(&mut s, "?");
    insta::assert_snapshot!("review_help_80x24", screen(&s, false, 80, 24).to_string());
}

#[test]
fn states_differ_by_colour_and_by_marker() {
    let (_dir, ann) = workspace();
    let mut s = session(&ann, true);
    let conflict = s
        .app
        .items
        .iter()
        .position(|i| i.state == State::KindConflict)
        .unwrap();
    // Focus elsewhere, so the conflict is not shown reversed.
    s.app.focus = conflict.saturating_sub(1);
    for color in [true, false] {
        let b = screen(&s, color, 100, 40);
        let buf = b.buffer();
        // Find a row whose gutter shows the kind-conflict marker.
        let y = (1..buf.area.height)
            .find(|&y| buf[(2, y)].symbol() == "≠")
            .expect("a ≠ in the gutter");
        let cell = (7..buf.area.width)
            .map(|x| buf[(x, y)].clone())
            .find(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
            .expect("kind-conflict text on the row");
        assert_eq!(cell.fg, if color { Color::Red } else { Color::Reset });
    }
}

// ---- the command line ------------------------------------------------------

fn byline() -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.current_dir(root());
    cmd
}

fn fails(args: &[&std::ffi::OsStr]) -> String {
    let out = byline().args(args).assert().code(1);
    let o = out.get_output();
    assert!(o.stdout.is_empty(), "no screen was drawn");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

#[test]
fn theirs_that_does_not_parse_is_an_error_without_a_screen() {
    let (_dir, ann) = workspace();
    std::fs::write(
        theirs(&ann),
        "[article]\nid = \"harbor-council\"\nbroken = = 1\n",
    )
    .unwrap();
    let err = fails(&[
        "review".as_ref(),
        ARTICLE.as_ref(),
        "--theirs".as_ref(),
        theirs(&ann).as_os_str(),
        "--annotations".as_ref(),
        ann.as_os_str(),
    ]);
    assert!(
        err.contains(&format!("{}:3:", theirs(&ann).display())),
        "{err}"
    );
}

#[test]
fn theirs_of_another_article_is_an_error() {
    let err = fails(&[
        "review".as_ref(),
        ARTICLE.as_ref(),
        "--theirs".as_ref(),
        "annotations/border-talks/alex-example.toml".as_ref(),
    ]);
    assert!(err.contains("annotates \"border-talks\", not"), "{err}");
}

#[test]
fn a_review_file_that_does_not_parse_is_never_overwritten() {
    let (_dir, ann) = workspace();
    let bad = "format = \"byline-review/1\"\n[review]\narticle = \"harbor-council\"\nreviewer = \"Sam Example\"\nof = \"alex-example\"\n\n[[verdicts]]\nparagraph = 3\nstart = 0\nend = 94\nquote = \"x\"\nverdict = \"perhaps\"\n";
    std::fs::write(review_file(&ann), bad).unwrap();
    let err = fails(&[
        "review".as_ref(),
        ARTICLE.as_ref(),
        "--theirs".as_ref(),
        theirs(&ann).as_os_str(),
        "--annotations".as_ref(),
        ann.as_os_str(),
        "--annotator".as_ref(),
        "Sam Example".as_ref(),
    ]);
    assert!(
        err.contains(&format!(
            "{}:12:11: unknown verdict",
            review_file(&ann).display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(review_file(&ann)).unwrap(), bad);
}

#[test]
fn a_missing_theirs_file_is_an_error() {
    let err = fails(&[
        "review".as_ref(),
        ARTICLE.as_ref(),
        "--theirs".as_ref(),
        "annotations/harbor-council/nobody.toml".as_ref(),
    ]);
    assert!(
        err.contains("nobody.toml: no such annotation file"),
        "{err}"
    );
}

/// A reviewer with two colleagues: Sam reviews Alex, then Kim, of one
/// article. Each review is a file of its own, named for the colleague, and
/// neither touches the other.
#[test]
fn a_reviewer_reviews_two_colleagues_one_after_the_other() {
    let (_dir, ann) = workspace();
    let kim = ann.join("harbor-council/kim-example.toml");
    std::fs::copy(
        root().join("tests/fixtures/agree/harbor-council/kim-example.toml"),
        &kim,
    )
    .unwrap();
    let open_of = |theirs: &Path| Session {
        h: Harness::review(
            open(
                &root().join(ARTICLE),
                theirs,
                None,
                &ann,
                Some("Sam Example"),
            )
            .map(ReviewScreen::new)
            .unwrap(),
        ),
    };
    let mut s = open_of(&theirs(&ann));
    press(&mut s, "y");
    drop(s);
    let mut s = open_of(&kim);
    press(&mut s, "yy");
    drop(s);
    let of_alex =
        store::review::load(&ann.join("harbor-council/sam-example.review.alex-example.toml"))
            .unwrap()
            .expect("the review of Alex");
    let of_kim =
        store::review::load(&ann.join("harbor-council/sam-example.review.kim-example.toml"))
            .unwrap()
            .expect("the review of Kim");
    assert_eq!(
        (of_alex.meta.of.as_str(), of_alex.verdicts.len()),
        ("alex-example", 1)
    );
    assert_eq!(
        (of_kim.meta.of.as_str(), of_kim.verdicts.len()),
        ("kim-example", 2)
    );
    // Reopening Alex's review finds it again, verdict and all.
    let s = open_of(&theirs(&ann));
    assert_eq!(s.app.parts.review.verdicts.len(), 1);
}

/// The one review file older byline kept per article goes on serving the
/// colleague it reviews; reviewing another colleague no longer fails on it.
#[test]
fn an_old_single_review_file_keeps_working_beside_new_ones() {
    let (_dir, ann) = workspace();
    let old = ann.join("harbor-council/sam-example.review.toml");
    std::fs::write(
        &old,
        "format = \"byline-review/1\"\n\n[review]\narticle = \"harbor-council\"\nreviewer = \"Sam Example\"\nof = \"kim-example\"\n",
    )
    .unwrap();
    let before = std::fs::read(&old).unwrap();
    let mut s = session(&ann, false);
    press(&mut s, "y");
    drop(s);
    assert_eq!(
        std::fs::read(&old).unwrap(),
        before,
        "Kim's review untouched"
    );
    let new = store::review::load(&ann.join("harbor-council/sam-example.review.alex-example.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(new.verdicts.len(), 1);
    // An old file that reviews Alex is Alex's review still.
    std::fs::remove_file(ann.join("harbor-council/sam-example.review.alex-example.toml")).unwrap();
    std::fs::write(
        &old,
        std::fs::read_to_string(&old)
            .unwrap()
            .replace("kim-example", "alex-example"),
    )
    .unwrap();
    let mut s = session(&ann, false);
    press(&mut s, "y");
    drop(s);
    assert_eq!(
        store::review::load(&old).unwrap().unwrap().verdicts.len(),
        1
    );
    assert!(
        !ann.join("harbor-council/sam-example.review.alex-example.toml")
            .exists()
    );
}
