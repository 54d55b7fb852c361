//! Whole-screen snapshots (insta) at 80x24 and 40x12: the normal view, the
//! source prompt and the help overlay. Colour is checked in annotate.rs.

use byline::tui::state::App;
use byline::tui::testing::press;
use byline::tui::theme::Theme;
use byline::tui::{open, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn app(dir: &Path, name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/articles")
        .join(name);
    open(&path, dir, Some("Alex Example")).unwrap()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::render(app, &Theme { color: false }, f))
        .unwrap();
    t.backend().to_string()
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_40x12"), screen(app, 40, 12));
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
    let a = app(dir.path(), "border-talks.txt");
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme { color: false };
    t.draw(|f| view::render(&a, &theme, f)).unwrap();
    t.backend_mut().resize(50, 14);
    t.resize(ratatui::layout::Rect::new(0, 0, 50, 14)).unwrap();
    t.draw(|f| view::render(&a, &theme, f)).unwrap();
    insta::assert_snapshot!("resized_50x14", t.backend().to_string());
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
    assert_eq!(a.mode, byline::tui::state::Mode::Normal);
}
