//! How long suggestions take (criterion), issue 19's targets:
//!
//!     cargo bench --bench suggest
//!
//! - `paragraph/en`: one paragraph of every example article in turn (the
//!   mean is per paragraph; target ≤ 100 µs);
//! - `paragraph/de`: the same for the German example, with the German pack;
//! - `article/harbor-council`: a whole article, paragraph by paragraph with
//!   what earlier ones named, as the annotate screen asks for it.
//!
//! `byline suggest` over a whole folder (924 PolNeAR articles) is timed
//! with `farm-bench` in the README, not here: it reads the disk.

use byline_model::article::Article;
use byline_suggest::Suggester;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn load(path: &Path) -> Article {
    let bytes = std::fs::read(path).expect("an example");
    byline_model::article::parse(path, &bytes).expect("an article")
}

fn examples(dir: &str) -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

fn bench(c: &mut Criterion) {
    for (lang, dir) in [("en", "examples/articles"), ("de", "examples/de")] {
        let s = Suggester::for_lang(lang).expect("a shipped pack");
        let articles = examples(dir);
        let paragraphs: Vec<_> = articles.iter().flat_map(|a| a.paragraphs.iter()).collect();
        let mut i = 0;
        c.bench_function(&format!("paragraph/{lang}"), |b| {
            b.iter(|| {
                i = (i + 1) % paragraphs.len();
                black_box(s.paragraph(byline_model::Para::from_index(i), paragraphs[i]))
            })
        });
    }
    let s = Suggester::builtin();
    let a =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt"));
    c.bench_function("article/harbor-council", |b| {
        b.iter(|| black_box(s.article(&a)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
