//! Whole-screen snapshots (insta) at 80x24 and 40x12: the normal view, the
//! source prompt and the help overlay. Colour is checked in annotate.rs.

use byline_tui::annotate::AnnotateScreen;
use byline_tui::testing::Harness;
use std::path::Path;

/// The annotation screen at 80x24, run through the real loop.
fn app(dir: &Path, name: &str) -> Harness<AnnotateScreen> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/articles")
        .join(name);
    Harness::annotate(&path, dir, "Alex Example")
}

fn press(h: &mut Harness<AnnotateScreen>, keys: &str) {
    h.press(keys);
}

fn snap(name: &str, h: &Harness<AnnotateScreen>) {
    insta::assert_snapshot!(format!("{name}_80x24"), h.text_at(80, 24));
    insta::assert_snapshot!(format!("{name}_40x12"), h.text_at(40, 12));
}

#[test]
fn normal_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "harbor-council.txt");
    press(
        &mut a,
        "}}sMayor Lucia Ruiz<Enter>jenunclear who decides<Enter>}",
    );
    snap("normal", &a);
}

#[test]
fn source_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "harbor-council.txt");
    press(&mut a, "}}}}}}aa council ai");
    snap("source_prompt", &a);
}

#[test]
fn help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "harbor-council.txt");
    press(&mut a, "?");
    snap("help", &a);
}

#[test]
fn cjk_and_emoji_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "tea-festival.txt");
    press(&mut a, "}}}jjs<Esc>}}}vj");
    snap("cjk", &a);
}

#[test]
fn resize_redraws_to_the_new_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "border-talks.txt");
    // The loop draws at 80x24, then gets the resize and draws again.
    a.resize(50, 14);
    insta::assert_snapshot!("resized_50x14", a.terminal.backend().to_string());
}

#[test]
fn summary_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), "border-talks.txt");
    press(
        &mut a,
        "}adiplomatic sources<Enter>}e}}aanalysts<Enter>}}}jvje%",
    );
    snap("summary", &a);
    press(&mut a, "x");
    assert_eq!(
        a.screen().app.mode,
        byline_tui::annotate::state::Mode::Normal
    );
}
