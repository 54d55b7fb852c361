//! Issue 18's quadratic inputs, each at N and 4N (criterion):
//!
//!     cargo bench --bench scaling
//!
//! Linear work takes about 4x as long at 4N; quadratic work took 16x. The
//! figures for the report are criterion's means of each pair.
//!
//! - `assign_ids`: N identical claims without ids (point 9);
//! - `suggest_long_sentence`: `"word said the mayor, " * N` with no full
//!   stop, one paragraph (point 11);
//! - `suggest_capped_sentences`: a paragraph of N sentences each just under
//!   the length suggestions read (point 11's worst case after the cap);
//! - `lexicon`: a user lexicon of N distinct and N repeated cues, parsed and
//!   built into a suggester (point 12);
//! - `import_w3c_creators`: one W3C file with N creators, imported (the
//!   annotator cap raised) into an empty folder (point 13);
//! - `agree_overlapping`: two annotators' N mutually overlapping claims,
//!   the agreement figures (point 10).

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::article::{Article, Paragraph};
use byline_model::{Loc, Para};
use byline_suggest::{Lexicon, Suggester};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn article(text: &str) -> Article {
    byline_model::article::parse(Path::new("a.txt"), text.as_bytes()).expect("an article")
}

fn assign_ids(c: &mut Criterion) {
    let mut g = c.benchmark_group("assign_ids");
    g.sample_size(10);
    for n in [1_000, 4_000] {
        let p = Paragraph::new("The mayor said so.".into(), false);
        let a = Article::new("x".into(), "x".into(), "x.txt".into(), vec![p.clone()]);
        let mut set = AnnotationSet::new(&a, "A", None);
        for _ in 0..n {
            set.claims
                .push(Claim::new(Loc::new(Para::FIRST, 4, 14), &p, Kind::Sourced));
        }
        g.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
            b.iter(|| {
                let mut s = set.clone();
                s.assign_ids();
                black_box(s)
            })
        });
    }
    g.finish();
}

fn suggest(c: &mut Criterion) {
    let s = Suggester::builtin();
    let mut g = c.benchmark_group("suggest_long_sentence");
    g.sample_size(10);
    for n in [1_000, 4_000] {
        let a = article(&format!("Title\n\n{}\n", "word said the mayor, ".repeat(n)));
        g.bench_with_input(BenchmarkId::from_parameter(n), &a, |b, a| {
            b.iter(|| black_box(s.article(a)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("suggest_capped_sentences");
    g.sample_size(10);
    let words = byline_suggest::MAX_SENTENCE_BYTES / "word said the mayor, ".len() - 1;
    let one = format!("{}end. ", "word said the mayor, ".repeat(words));
    for n in [10, 40] {
        let a = article(&format!("Title\n\n{}\n", one.repeat(n)));
        g.bench_with_input(BenchmarkId::from_parameter(n), &a, |b, a| {
            b.iter(|| black_box(s.article(a)))
        });
    }
    g.finish();
}

fn lexicon(c: &mut Criterion) {
    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10);
    for n in [10_000, 40_000] {
        let mut text = String::from("[editorial]\nnouns = [\n");
        for i in 0..n {
            text.push_str(&format!("  \"cue{i}\", \"cue{}\",\n", i / 2));
        }
        text.push_str("]\nadjectives = [\n");
        for i in 0..n {
            text.push_str(&format!("  \"cue{i}\",\n"));
        }
        text.push_str("]\n");
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let mut lex = Lexicon::builtin();
                lex.add(text, Path::new("mine.toml")).expect("parses");
                black_box(Suggester::new(lex))
            })
        });
    }
    g.finish();
}

fn import(c: &mut Criterion) {
    use byline_formats::import::{Format, Options, import_file};
    let mut g = c.benchmark_group("import_w3c_creators");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "Title\n\nThe mayor said so.\n").expect("written");
    let article = (byline_store::article::load(&art).expect("loads"), art);
    for n in [250, 1_000] {
        let items: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({
                    "type": "Annotation",
                    "creator": {"name": format!("Annotator {i}")},
                    "body": [{"purpose": "tagging", "value": "sourced"}],
                    "target": {"selector": [{"type": "TextQuoteSelector", "exact": "The mayor said"}]},
                })
            })
            .collect();
        let file = dir.path().join(format!("many-{n}.json"));
        std::fs::write(&file, serde_json::Value::Array(items).to_string()).expect("written");
        let mut round = 0;
        g.bench_with_input(BenchmarkId::from_parameter(n), &file, |b, file| {
            b.iter(|| {
                round += 1;
                let options = Options {
                    max_annotators: n,
                    ..Options::new(Format::W3c, dir.path().join(format!("ann-{n}-{round}")))
                };
                black_box(import_file(file, &options, Some(&article)).expect("imports"))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, assign_ids, suggest, lexicon, import);
criterion_main!(benches);
