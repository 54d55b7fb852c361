//! Keystroke and frame costs of the annotation screen on a 12 MB article of
//! 40,000 paragraphs. The cost of a key must not grow with the article.
//!
//!     cargo bench --bench tui
//!
//! `benches/first_screen.sh` compares the first screen with `less` in a
//! real terminal.

use byline_model::annotation::AnnotationSet;
use byline_model::article;
use byline_tui::annotate::action::Action;
use byline_tui::annotate::state::App;
use byline_tui::annotate::{update, view};
use byline_tui::keys::Keymaps;
use byline_tui::theme::Theme;
use byline_tui::ui::Ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Writes (once) a 12 MB article of 40,000 paragraphs with some non-ASCII.
pub fn big_article() -> PathBuf {
    let path = std::env::temp_dir().join("byline-bench-40k.txt");
    if path.exists() {
        return path;
    }
    let mut text = String::with_capacity(13_000_000);
    let sentences = [
        "The council postponed the vote on the harbor plan, officials said on Tuesday.",
        "Mayor Lucia Ruiz told reporters that the delay was \"a pause, not a retreat.\"",
        "Critics have long called the process slow and opaque, and they have a point.",
        "陈美玲 (Chen Meiling) said the crowds surprised even her own team 🍵.",
    ];
    let mut i = 0usize;
    while text.len() < 12_000_000 || i < 40_000 {
        for k in 0..4 {
            text.push_str(sentences[(i + k) % 4]);
            text.push(' ');
        }
        text.push_str(&format!("Paragraph {i}.\n\n"));
        i += 1;
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn open(path: &Path) -> App {
    let art = byline_store::article::load(path).unwrap();
    let set = AnnotationSet::new(&art, "Bench", None);
    App::new(
        art,
        set,
        PathBuf::from("/dev/null"),
        Arc::new(Keymaps::default()),
    )
}

fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        update::update(app, *a);
    }
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    // Built once, as the runtime does: a keystroke does not parse keys.toml.
    static KEYS: std::sync::LazyLock<Keymaps> = std::sync::LazyLock::new(Keymaps::default);
    let ui = Ui {
        theme: &Theme { color: true },
        keys: &KEYS,
    };
    view::draw(app, &ui, area, &mut buf);
    buf
}

fn benches(c: &mut Criterion) {
    let path = big_article();
    let mut g = c.benchmark_group("tui-40k-paragraphs");
    g.sample_size(20);
    g.bench_function("first screen: load 12 MB + first frame 80x24", |b| {
        b.iter(|| {
            let app = open(&path);
            black_box(draw(&app, 80, 24));
        })
    });
    g.bench_function("load only", |b| {
        b.iter(|| black_box(byline_store::article::load(&path).unwrap()))
    });
    g.bench_function("sha256 of 12 MB", |b| {
        let art = byline_store::article::load(&path).unwrap();
        b.iter(|| {
            let art = article::Article::new(
                art.id.clone(),
                art.title.clone(),
                art.path.clone(),
                art.paragraphs.clone(),
            );
            black_box(art.sha256().len())
        })
    });
    let mut app = open(&path);
    g.sample_size(100);
    g.bench_function("G: last paragraph + frame", |b| {
        b.iter(|| {
            act(&mut app, &[Action::FirstParagraph, Action::LastParagraph]);
            black_box(draw(&app, 80, 24));
        })
    });
    act(&mut app, &[Action::FirstParagraph]);
    for _ in 0..20_000 {
        act(&mut app, &[Action::NextParagraph]);
    }
    g.bench_function("} at ¶20000 + frame", |b| {
        b.iter(|| {
            act(&mut app, &[Action::NextParagraph, Action::PrevParagraph]);
            black_box(draw(&app, 80, 24));
        })
    });
    act(
        &mut app,
        &[
            Action::Select,
            Action::GrowSentence,
            Action::GrowSentence,
            Action::MarkEditorial,
        ],
    );
    g.bench_function("one frame at 200x60", |b| {
        b.iter(|| black_box(draw(&app, 200, 60)))
    });

    // Suggestions on: a long article gets them per paragraph shown, so a
    // key costs what it did without them.
    let mut app = open(&path);
    app.suggest_with(Arc::new(byline_suggest::Suggester::builtin()));
    g.bench_function(
        "suggestions on: open a 12 MB article (background thread) + first frame",
        |b| {
            b.iter(|| {
                let mut app = open(&path);
                app.suggest_with(Arc::new(byline_suggest::Suggester::builtin()));
                black_box(draw(&app, 80, 24));
            })
        },
    );
    for _ in 0..20_000 {
        act(&mut app, &[Action::NextParagraph]);
    }
    g.bench_function("suggestions on: } at ¶20000 + frame", |b| {
        b.iter(|| {
            act(&mut app, &[Action::NextParagraph, Action::PrevParagraph]);
            black_box(draw(&app, 80, 24));
        })
    });
    g.bench_function("suggestions on: ] next suggestion + frame", |b| {
        b.iter(|| {
            act(&mut app, &[Action::NextSuggestion]);
            black_box(draw(&app, 80, 24));
        })
    });
    let suggester = byline_suggest::Suggester::builtin();
    let p = app.current().clone();
    g.bench_function("suggestions of one paragraph (uncached)", |b| {
        b.iter(|| black_box(suggester.paragraph(byline_model::Para::FIRST, &p).len()))
    });
    g.bench_function("search: count a typed query over 12 MB", |b| {
        b.iter(|| {
            let found = byline_tui::annotate::search::locate(
                &app,
                "slow and opaque",
                (byline_model::Para::FIRST, 0),
            );
            black_box(found.total)
        })
    });
    g.finish();
}

/// Writes (once) a 50 MB article on one line: one paragraph of 750,000
/// sentences, some not ASCII.
pub fn one_line_article() -> PathBuf {
    let path = std::env::temp_dir().join("byline-bench-50mb-one-line.txt");
    if path.exists() {
        return path;
    }
    let unit = "The council postponed the vote, officials said. 陈美玲 said the crowds surprised her team. ";
    let mut text = String::with_capacity(50_100_000);
    while text.len() < 50_000_000 {
        text.push_str(unit);
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Issue 10, item 7: marking a claim in a huge paragraph stays fast. Before,
/// each key split the whole paragraph into sentences and wrapped all of it
/// (2–4 s a key, `v e` 8.9 s with the save).
fn huge_paragraph(c: &mut Criterion) {
    let path = one_line_article();
    let mut app = open(&path);
    let mut g = c.benchmark_group("tui-50mb-one-paragraph");
    g.sample_size(20);
    // The middle of the paragraph: 25 MB from its start.
    let middle = app.article.paragraphs[0].sentences()[750_000 / 2].clone();
    app.cursor = byline_tui::annotate::state::Span {
        para: byline_model::Para::FIRST,
        start: middle.start,
        end: middle.end,
    };
    g.bench_function("v e + undo + frame, and the save's serialising", |b| {
        b.iter(|| {
            act(&mut app, &[Action::Select, Action::MarkEditorial]);
            black_box(draw(&app, 80, 24));
            let mut set = app.set.clone();
            byline_store::open::stamp(&mut set, &app.article);
            black_box(byline_store::to_string(&set).len());
            act(&mut app, &[Action::Undo]);
        })
    });
    g.bench_function("j + frame", |b| {
        b.iter(|| {
            act(&mut app, &[Action::NextSentence]);
            black_box(draw(&app, 80, 24));
        })
    });
    g.finish();
}

criterion_group!(tui, benches, huge_paragraph);
criterion_main!(tui);
