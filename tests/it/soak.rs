//! Random key sequences through the real runtime on a `TestBackend`, at
//! random sizes from 1x1 to 300x100 with random resizes, on every example
//! article, on both screens: no panic, and after each sequence the file on
//! disk parses and equals the session's own state; and through the article
//! list and the articles it opens, where every file written parses.
//!
//! Short by default (120 sequences); the full run is
//!     BYLINE_SOAK=full cargo test --release --test it -- --nocapture soak::
//! (10,000 sequences). `BYLINE_SOAK_SEED=N` replays one seed.

use crate::common::Rng;
use byline_store as store;
use byline_store::review_open::open;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::events::Script;
use byline_tui::keys::Keymaps;
use byline_tui::review::ReviewScreen;
use byline_tui::runtime::{self, Screen};
use byline_tui::theme::Theme;
use byline_tui::ui::Ui;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Keys a user might press on the annotation screen, with text to type
/// into prompts (CJK, emoji and combining marks among it).
const ANNOTATE: &[&str] = &[
    "j",
    "k",
    "}",
    "{",
    "g",
    "G",
    "v",
    "l",
    "h",
    "L",
    "H",
    "s",
    "a",
    "e",
    "n",
    "x",
    "u",
    "<C-r>",
    "<Tab>",
    "<S-Tab>",
    "R",
    "p",
    "/",
    "%",
    "?",
    "<Esc>",
    "<Enter>",
    "<BS>",
    "<C-w>",
    "<C-u>",
    "<A-x>",
    "<Down>",
    "<Up>",
    "<Left>",
    "<Right>",
    "<PgDn>",
    "<PgUp>",
    "<Home>",
    "<End>",
    "5",
    "mayor",
    "officials",
    "佐藤",
    "🙂",
    "e\u{301}",
    " ",
    "q",
];

const REVIEW: &[&str] = &[
    "j", "k", "<Tab>", "<S-Tab>", "y", "d", "s", "a", "e", "n", "x", "c", "]", "[", "u", "<C-r>",
    "?", "<Esc>", "<Enter>", "<BS>", "<C-w>", "why", "李明", " ", "<A-x>", "q",
];

/// A random script: keys from `pool`, resizes now and then; quitting is
/// rare, so most sequences run to their end.
fn script(rng: &mut Rng, pool: &[&str], len: usize) -> (Script, (u16, u16)) {
    let size = |rng: &mut Rng| (1 + rng.below(300) as u16, 1 + rng.below(100) as u16);
    let first = size(rng);
    let mut s = Script::new();
    for _ in 0..len {
        match rng.below(20) {
            0 => {
                let (w, h) = size(rng);
                s = s.resize(w, h);
            }
            1 => s = s.wait(rng.below(1500)),
            _ => {
                let k = *rng.pick(pool);
                if k == "q" && rng.below(4) != 0 {
                    continue;
                }
                s = s.keys(k);
            }
        }
    }
    // An odd key the parser has no name for: a function key.
    if rng.below(10) == 0 {
        s = s.key(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE));
    }
    (s, first)
}

fn run<S: Screen>(screen: S, mut s: Script, (w, h): (u16, u16), keys: &Keymaps) -> S {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme { color: true };
    let ui = Ui {
        theme: &theme,
        keys,
    };
    runtime::run(runtime::Shared::new(screen), &mut s, &mut t, &ui)
        .unwrap()
        .screen
}

fn annotate_once(seed: u64, article: &Path, keys: &Keymaps) {
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let screen = AnnotateScreen::open(
        article,
        dir.path(),
        Some("Soak Tester"),
        std::sync::Arc::new(keys.clone()),
    )
    .unwrap();
    let len = 10 + rng.below(60) as usize;
    let (script, size) = script(&mut rng, ANNOTATE, len);
    let screen = run(screen, script, size, keys);
    let app = &screen.app;
    let ctx = || format!("seed {seed} on {}", article.display());
    match store::load(&app.file).unwrap_or_else(|e| panic!("{}: {e}", ctx())) {
        Some(on_disk) => assert_eq!(on_disk, app.set, "{}", ctx()),
        None => assert!(app.set.claims.is_empty(), "{}: claims not saved", ctx()),
    }
}

fn review_once(seed: u64, keys: &Keymaps) {
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("annotations");
    // The sample annotations of the articles the soak opens (the German
    // example lives apart, in examples/de).
    let stems: Vec<_> = articles()
        .into_iter()
        .filter_map(|a| a.file_stem().map(|s| s.to_owned()))
        .collect();
    let samples: Vec<PathBuf> = std::fs::read_dir(root().join("annotations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| stems.iter().any(|s| s == n)))
        .collect();
    let mut samples = samples;
    samples.sort();
    let folder = rng.pick(&samples).clone();
    let id = folder.file_name().unwrap().to_owned();
    std::fs::create_dir_all(ann.join(&id)).unwrap();
    for f in ["alex-example.toml", "sam-example.toml"] {
        std::fs::copy(folder.join(f), ann.join(&id).join(f)).unwrap();
    }
    let article = articles()
        .into_iter()
        .find(|a| a.file_stem() == Some(&id))
        .unwrap();
    let theirs = ann.join(&id).join("alex-example.toml");
    let mine = ann.join(&id).join("sam-example.toml");
    let side = rng.below(2) == 0;
    let reviewer = if side { "Sam Example" } else { "Kim Example" };
    let screen = open(
        &article,
        &theirs,
        side.then_some(mine.as_path()),
        &ann,
        Some(reviewer),
    )
    .map(ReviewScreen::new)
    .unwrap();
    let before = std::fs::read(&theirs).unwrap();
    let len = 10 + rng.below(60) as usize;
    let (script, size) = script(&mut rng, REVIEW, len);
    let screen = run(screen, script, size, keys);
    let app = &screen.app.parts;
    let ctx = format!("review seed {seed} on {}", article.display());
    assert_eq!(
        std::fs::read(&theirs).unwrap(),
        before,
        "{ctx}: their file was touched"
    );
    match store::review::load(&app.review_file).unwrap() {
        Some(r) => assert_eq!(r.verdicts, app.review.verdicts, "{ctx}"),
        None => assert!(app.review.verdicts.is_empty(), "{ctx}: verdicts not saved"),
    }
    if let Some(m) = &app.mine
        && app.mine_file.exists()
    {
        let on_disk = store::load(&app.mine_file).unwrap().unwrap();
        assert_eq!(on_disk.claims, m.claims, "{ctx}: my file");
    }
}

/// Keys of the article list, and of the articles it opens.
const CORPUS: &[&str] = &[
    "j", "k", "<Enter>", "q", "/", "s", "?", "<Esc>", "<BS>", "fer", "g", "G", "D", "e", "a", "}",
    "v", "l", "]", "x", "u", "<Down>", "<PgDn>",
];

/// The list of every example, random keys through it and the articles it
/// opens: no panic, and every file written parses.
fn corpus_once(seed: u64) {
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("annotations");
    let mut c =
        byline_tui::testing::Corpus::open(&[root().join("examples/articles")], &ann, "Soak Tester");
    let len = 10 + rng.below(80) as usize;
    let (script, (w, h)) = script(&mut rng, CORPUS, len);
    c.terminal.backend_mut().resize(w, h);
    c.run(script);
    for e in walkdir::WalkDir::new(&ann).into_iter().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "toml")
            && byline_store::files::classify(p) == byline_store::files::FileKind::Annotator
        {
            store::load(p).unwrap_or_else(|e| panic!("corpus seed {seed}: {e}"));
        }
    }
}

#[test]
fn random_keys_and_sizes_never_panic_and_the_file_is_the_session() {
    let full = std::env::var("BYLINE_SOAK").is_ok_and(|v| v == "full");
    let n: u64 = if full { 10_000 } else { 120 };
    let base = std::env::var("BYLINE_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let keys = Keymaps::default();
    let articles = articles();
    let t0 = Instant::now();
    let (mut annotate, mut review, mut corpus) = (0, 0, 0);
    for i in 0..n {
        let seed =
            base.unwrap_or(0x9e37_79b9_7f4a_7c15 ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d)) | 1;
        if i % 8 == 7 {
            corpus_once(seed);
            corpus += 1;
        } else if i % 4 == 3 {
            review_once(seed, &keys);
            review += 1;
        } else {
            annotate_once(seed, &articles[(i as usize) % articles.len()], &keys);
            annotate += 1;
        }
        if base.is_some() {
            break;
        }
    }
    eprintln!(
        "soak: {annotate} annotate, {review} review and {corpus} corpus sequences in {:.1?}",
        t0.elapsed()
    );
}
