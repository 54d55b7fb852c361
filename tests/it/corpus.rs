//! A corpus: `byline annotate FOLDER` opens the article list; Enter opens
//! an article on the same terminal, q comes back with the next article not
//! done selected; where I stopped and done survive a restart. Keys run
//! through the real loop; the files on disk and the screen are checked.

use crate::common::walk;
use byline_tui::testing::Corpus;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A copy of the examples and their sample annotations, so sessions write
/// there and not into the repository.
struct Copy {
    dir: tempfile::TempDir,
}

impl Copy {
    fn new() -> Copy {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for sub in ["examples/articles", "annotations"] {
            for entry in walk(&root.join(sub)) {
                let to = dir.path().join(entry.strip_prefix(root).unwrap());
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(&entry, &to).unwrap();
            }
        }
        Copy { dir }
    }

    fn articles(&self) -> PathBuf {
        self.dir.path().join("examples/articles")
    }

    fn annotations(&self) -> PathBuf {
        self.dir.path().join("annotations")
    }

    fn corpus(&self) -> Corpus {
        Corpus::open(&[self.articles()], &self.annotations(), "Alex Example")
    }

    fn file(&self, id: &str) -> byline_model::annotation::AnnotationSet {
        let f = self.annotations().join(id).join("alex-example.toml");
        byline_store::load(&f).unwrap().unwrap()
    }
}

/// The screen's row that holds `needle`.
fn row<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

#[test]
fn the_list_shows_every_example_with_titles() {
    let c = Copy::new();
    let corpus = c.corpus();
    let screen = corpus.list_at(80, 24);
    insta::assert_snapshot!("list_80x24", screen);
    insta::assert_snapshot!("list_40x12", corpus.list_at(40, 12));
    let wide = corpus.list_at(200, 60);
    for title in [
        "Council delays harbor vote",
        "Ferry crews walk out as rota talks collapse",
        "Branch libraries to close at weekends, council papers show",
        "Water bills to rise 9% as reservoir repairs overrun",
        "After Dark, Larkspur Finds Its Night Market Again",
    ] {
        assert!(wide.contains(title), "{title} in\n{wide}");
    }
    assert!(row(&wide, "Ferry crews").contains("✓ done"));
    assert!(row(&wide, "Water bills").contains("¶ 5/9"));
    assert!(row(&wide, "Ferry crews").contains("S 2 A 2 E 2"));
    assert!(row(&wide, "Ferry crews").contains("The Kestrel Valley Ledger"));
    assert!(wide.contains("15 articles · 1 done · Alex Example"));
}

#[test]
fn open_mark_and_come_back_to_the_next_not_done() {
    let c = Copy::new();
    let mut corpus = c.corpus();
    // School meals has no file yet: open it, mark its first sentence
    // editorial, and come back.
    corpus.press("/breakfast<Enter><Enter>eq");
    let set = c.file("school-meals");
    assert_eq!(set.claims.len(), 1);
    assert_eq!(
        set.claims[0].kind,
        byline_model::annotation::Kind::Editorial
    );
    let screen = corpus.text();
    assert!(
        row(&screen, "Free breakfast").contains("S 0 A 0 E 1"),
        "{screen}"
    );
    // The filter is still on; clearing it shows every row again, and the
    // cursor went on from the article it came back from.
    corpus.press("<Esc>");
    let screen = corpus.text();
    assert!(screen.contains("15 articles"), "{screen}");
}

#[test]
fn done_and_where_i_stopped_survive_a_restart() {
    let c = Copy::new();
    let mut corpus = c.corpus();
    // Harbor council (7th row): go four paragraphs in, mark it done, back.
    corpus.press("jjjjjj<Enter>}}}}Dq");
    let screen = corpus.text();
    assert!(
        row(&screen, "Council delays harbor vote").contains("✓ done"),
        "{screen}"
    );
    // The next article not done is selected: the hospital waits, below it.
    assert!(row(&screen, "▶").contains("Dunmere patients"), "{screen}");
    let set = c.file("harbor-council");
    assert!(set.annotator.done.is_some());
    assert_eq!(set.annotator.position, Some(5));
    // Quit, open the list again: still done; the article reopens at ¶ 5.
    corpus.press("q");
    let mut again = c.corpus();
    let screen = again.list_at(80, 24);
    assert!(row(&screen, "Council delays harbor vote").contains("✓ done"));
    again.press("jjjjjj<Enter>");
    let screen = again.text();
    assert!(
        screen.lines().next().unwrap().contains("¶ 5/15"),
        "{screen}"
    );
    assert!(
        screen.lines().next().unwrap().contains("✓ done"),
        "{screen}"
    );
    // D again: not done.
    again.press("gjjjjjj<Enter>Dq");
    assert!(c.file("harbor-council").annotator.done.is_none());
}

#[test]
fn filter_narrows_as_you_type_and_sort_by_progress() {
    let c = Copy::new();
    let mut corpus = c.corpus();
    corpus.press("/kestrel");
    let screen = corpus.text();
    assert!(
        screen.contains("1 of 15 articles"),
        "outlet matches:\n{screen}"
    );
    assert!(screen.contains("Ferry crews"));
    corpus.press("<Esc>/.htm");
    assert!(corpus.text().contains("3 of 15 articles"), "path matches");
    corpus.press("<Esc>s");
    let screen = corpus.text();
    assert!(screen.contains("sorted by progress"));
    let rows: Vec<&str> = screen.lines().skip(2).take(15).collect();
    assert!(rows[14].contains("✓ done"), "done last:\n{screen}");
}

#[test]
fn rows_say_why_an_article_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), "A good title\n\nSome text.\n").unwrap();
    std::fs::write(d.join("binary.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(
        d.join("empty-page.html"),
        "<html><head><title>Just navigation</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    .unwrap();
    let fifo = d.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut corpus = Corpus::open(&[d.to_owned()], &d.join("annotations"), "Alex Example");
    let screen = corpus.list_at(200, 24);
    assert!(
        row(&screen, "binary.html").contains("looks like a binary file"),
        "{screen}"
    );
    assert!(
        row(&screen, "empty-page.html").contains("no article body found"),
        "{screen}"
    );
    if made {
        assert!(
            row(&screen, "pipe.txt").contains("not a regular file"),
            "{screen}"
        );
    }
    assert!(screen.contains("A good title"));
    // Opening one says why in one line; the list goes on working.
    corpus.press("<Enter>");
    let screen = corpus.text();
    let last = screen.lines().last().unwrap();
    assert!(
        last.contains("binary.html: looks like a binary file"),
        "{screen}"
    );
    corpus.press("jjj<Enter>q");
    assert!(corpus.text().contains("A good title"));
}

#[test]
fn a_folder_with_no_articles_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["annotate"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no articles here"), "{err}");
}

/// The list's keys are configuration: a remapped key works, and the
/// footer, the help and `byline keys` show it.
#[test]
fn list_keys_can_be_remapped() {
    let c = Copy::new();
    let text = "[keys.list]\nnext = \"n\"\nopen = \"o\"\n";
    let keys = byline_tui::keys::Keymaps::from_toml(
        text,
        Path::new("config.toml"),
        Some(&byline_tui::keys::Keymaps::default()),
    )
    .unwrap();
    let mut corpus = Corpus::open_with(&[c.articles()], &c.annotations(), "Alex Example", keys);
    let screen = corpus.list_at(80, 24);
    let footer = screen.lines().last().unwrap();
    assert!(
        footer.contains("n next") && footer.contains("o open"),
        "{footer}"
    );
    corpus.press("?");
    let help = corpus.text();
    assert!(
        row(&help, "next article").contains("│  n "),
        "help shows the new key:\n{help}"
    );
    // j does nothing now; n o opens the second row.
    corpus.press("<Esc>jnoq");
    // Back from Border talks, the next row is selected.
    assert!(row(&corpus.text(), "▶").contains("Branch libraries"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["keys", "--config"])
        .arg(dir.path().join("config.toml"))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("[keys.list]"), "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("open ") && l.contains(" o ")),
        "{listed}"
    );
}

#[test]
fn rows_scrolled_away_on_a_small_window_come_back_when_it_grows() {
    let c = Copy::new();
    let mut corpus = c.corpus();
    corpus.run(
        byline_tui::events::Script::new()
            .resize(40, 12)
            .keys("G")
            .resize(80, 24),
    );
    let screen = corpus.text();
    // Sorted by path, the first row is the bike-lanes op-ed.
    assert!(
        screen.contains("bike-lane retreat") && screen.contains("Border talks"),
        "all 11 rows fit at 80x24, so the first ones show again:\n{screen}"
    );
}

/// Sam's list, after Sam reviewed all of Alex's claims of one article and
/// some of Kim's: the row counts the colleagues reviewed, the line under
/// the list names them and what is left.
#[test]
fn the_list_shows_whose_work_i_reviewed_and_what_is_left() {
    let c = Copy::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = c.annotations().join("harbor-council");
    std::fs::copy(
        root.join("tests/fixtures/agree/harbor-council/kim-example.toml"),
        folder.join("kim-example.toml"),
    )
    .unwrap();
    let article = c.articles().join("harbor-council.txt");
    let review = |theirs: &str, keys: &str| {
        let screen = byline_store::review_open::open(
            &article,
            &folder.join(theirs),
            None,
            &c.annotations(),
            Some("Sam Example"),
        )
        .map(byline_tui::review::ReviewScreen::new)
        .unwrap();
        let mut h = byline_tui::testing::Harness::review(screen);
        h.press(keys);
    };
    let alex = byline_store::load(&folder.join("alex-example.toml"))
        .unwrap()
        .unwrap()
        .claims
        .len();
    review("alex-example.toml", &"y".repeat(alex));
    review("kim-example.toml", "yd");
    let mut corpus = Corpus::open(&[c.articles()], &c.annotations(), "Sam Example");
    // The harbor-council row: the seventh article by path.
    corpus.press("jjjjjj");
    let wide = corpus.list_at(120, 30);
    let line = row(&wide, "Council delays harbor vote");
    assert!(
        line.contains("1/2"),
        "one of two colleagues fully reviewed:\n{wide}"
    );
    let detail = row(&wide, "reviewed:");
    assert!(
        detail.contains("alex-example ✓") && detail.contains("kim-example 2 of"),
        "{detail}"
    );
    // Another article: nobody reviewed yet.
    corpus.press("j");
    let wide = corpus.list_at(120, 30);
    assert!(row(&wide, "to review:").contains("alex-example"), "{wide}");
}
