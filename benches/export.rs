//! Export benchmarks (criterion):
//!
//!     cargo bench --bench export
//!
//! - `parse`: one 20-claim annotation file, the store's full parse (two TOML
//!   passes, unknown keys kept) against the claims-only parse export uses;
//! - `summary`: one file's summary, text statistics cached as in an export;
//! - `export_json`: the whole command over a generated corpus of 500 files
//!   (50 articles × 10 annotators), written to a file.
//!
//! benches/export_vs_python.sh measures the 5,000-file case against Python
//! and a bare serde + toml parse.

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use byline::cli::{ExportArgs, ExportFormat};
use byline_formats::export::{TextStats, TextStatus, summarize_with};
use byline_store as store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    gen_corpus::generate(500, dir.path(), 20, 10).expect("corpus");
    let file = dir
        .path()
        .join("annotations/article-00000/annotator-00.toml");
    let text = std::fs::read_to_string(&file).expect("a generated file");

    let mut g = c.benchmark_group("parse");
    g.bench_function("full", |b| {
        b.iter(|| store::parse(&file, black_box(&text)).expect("parses"))
    });
    g.bench_function("claims_only", |b| {
        b.iter(|| store::parse_claims_only(&file, black_box(&text)).expect("parses"))
    });
    g.finish();

    let set = store::parse_claims_only(&file, &text).expect("parses");
    let article = byline_store::article::load(&dir.path().join("articles/article-00000.txt"))
        .expect("the generated article");
    let stats = TextStats::new(&article);
    c.bench_function("summary/one_file", |b| {
        b.iter(|| summarize_with(black_box(&set), String::new(), Some(&stats), TextStatus::Ok))
    });

    let out = dir.path().join("export.json");
    let args = ExportArgs {
        paths: vec![dir.path().join("annotations")],
        format: ExportFormat::Json,
        output: Some(out.clone()),
        claims: false,
        root: None,
        verdicts: false,
        verbose: false,
        csv_raw: false,
        scheme: byline::cli::BratScheme::Spans,
        sources: None,
        gold: false,
        labels: byline::cli::LabelArgs {
            labels: None,
            label: Vec::new(),
        },
    };
    let mut g = c.benchmark_group("export_json");
    g.sample_size(10);
    g.bench_function("500_files", |b| {
        b.iter(|| byline::commands::export::run(black_box(&args)).expect("exports"))
    });
    g.finish();
    assert!(Path::new(&out).exists());
}

criterion_group!(export, benches);
criterion_main!(export);
