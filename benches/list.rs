//! The article list's first screen on a corpus of 2,000 articles (and one
//! of 10,000 files): gather the folder, read the first screenful of rows,
//! draw the first frame. Issue 12 asks for under 300 ms.
//!
//!     cargo bench --bench list
//!
//! The corpus is written once to a temporary folder: 2,000 articles (1,000
//! text, 500 Markdown, 500 saved HTML pages), half of them with an
//! annotator file of 30 claims.

use byline_tui::keys::Keymaps;
use byline_tui::list::ListScreen;
use byline_tui::runtime::Screen;
use byline_tui::theme::Theme;
use byline_tui::ui::Ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

fn article(i: usize) -> (String, String) {
    let body = "The council postponed the vote on the harbor plan, officials said on Tuesday. Critics have long called the process slow and opaque, and they have a point.";
    let paras: Vec<String> = (0..12).map(|p| format!("Paragraph {p}. {body}")).collect();
    match i % 4 {
        0 | 1 => (
            format!("a{i:05}.txt"),
            format!(
                "Article number {i} on the harbor\n\n{}\n",
                paras.join("\n\n")
            ),
        ),
        2 => (
            format!("m{i:05}.md"),
            format!("# Markdown article {i}\n\n{}\n", paras.join("\n\n")),
        ),
        _ => (
            format!("h{i:05}.html"),
            format!(
                "<!doctype html><html><head><meta charset=utf-8><title>Page {i} | Gazette</title><meta property='og:title' content='Saved page {i}'><meta property='og:site_name' content='Example Gazette'><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav><article>{}</article><div class='comments'><p>A comment</p></div></body></html>",
                paras
                    .iter()
                    .map(|p| format!("<p>{p}</p>"))
                    .collect::<String>()
            ),
        ),
    }
}

fn annotation(id: &str, title: &str) -> String {
    let mut s = format!(
        "format = \"byline/1\"\n\n[article]\nid = \"{id}\"\ntitle = \"{title}\"\nsha256 = \"{}\"\nparagraphs = 13\noutlet = \"Example Gazette\"\n\n[annotator]\nname = \"Alex Example\"\nupdated = 2026-11-20T10:00:00Z\nposition = 7\n",
        "0".repeat(64)
    );
    for c in 0..30 {
        let kind = ["sourced", "anonymous", "editorial"][c % 3];
        s.push_str(&format!(
            "\n[[claims]]\nid = \"c{c:05}\"\nparagraph = {}\nstart = 0\nend = 10\nquote = \"Paragraph \"\nkind = \"{kind}\"\nsource = \"officials\"\nprefix = \"\"\nsuffix = \" 1. The council\"\n",
            c % 13 + 1
        ));
    }
    s
}

/// Writes (once) `n` articles under a temporary folder; returns it.
fn corpus(n: usize) -> PathBuf {
    let root = std::env::temp_dir().join(format!("byline-bench-list-{n}"));
    let done = root.join(".complete");
    if done.exists() {
        return root;
    }
    let _ = std::fs::remove_dir_all(&root);
    for i in 0..n {
        let (name, text) = article(i);
        let sub = root.join("articles").join(format!("batch{:02}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(&name), text).unwrap();
        if i % 2 == 0 {
            let id = byline_model::article::id_of(Path::new(&name));
            let dir = root.join("annotations").join(&id);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("alex-example.toml"),
                annotation(&id, &format!("Article {i}")),
            )
            .unwrap();
        }
    }
    std::fs::write(done, "").unwrap();
    root
}

/// Gather, the first rows, the first frame: what the user waits for.
fn first_screen(root: &Path, keys: &Arc<Keymaps>) -> ListScreen {
    let dir = root.join("annotations");
    let articles = byline_store::corpus::gather(&[root.join("articles")], &dir).unwrap();
    let list = ListScreen::new(articles, &dir, "Alex Example", Arc::clone(keys));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme { color: true };
    let ui = Ui {
        theme: &theme,
        keys,
    };
    t.draw(|f| list.render(&ui, f)).unwrap();
    list
}

fn bench(c: &mut Criterion) {
    let keys = Arc::new(Keymaps::default());
    for n in [2_000, 10_000] {
        let root = corpus(n);
        // Once, by hand: the first screen, and the whole scan behind it.
        let t = Instant::now();
        let mut list = first_screen(&root, &keys);
        let first = t.elapsed();
        list.finish_scan();
        println!(
            "{n} articles: first screen {:.1} ms, every row read and checked {:.0} ms",
            first.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
        let mut g = c.benchmark_group("list");
        g.sample_size(10);
        g.bench_function(format!("first_screen_{n}"), |b| {
            b.iter(|| first_screen(&root, &keys))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
