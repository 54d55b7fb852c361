use super::*;
use byline_model::annotation::{AnnotationSet, Claim};
use std::path::Path;

/// A claim in paragraph number `n`.
fn claim(n: usize, start: usize, end: usize, kind: Kind) -> Claim {
    let para = byline_model::Para::from_number(n).unwrap();
    Claim::bare(
        byline_model::Loc::new(para, start, end),
        String::new(),
        kind,
    )
}

fn sourced(n: usize, start: usize, end: usize, kind: Kind, source: &str) -> Claim {
    Claim {
        source: Some(source.into()),
        ..claim(n, start, end, kind)
    }
}

fn article(name: &str, text: &str) -> Article {
    byline_model::article::parse(Path::new(name), text.as_bytes()).unwrap()
}

fn set_for(a: &Article, claims: Vec<Claim>) -> AnnotationSet {
    let mut set = AnnotationSet::new(a, "Alex Example", None);
    set.claims = claims;
    set
}

const ALPHA: &str = include_str!("../../../../tests/fixtures/export/corpus/articles/alpha.txt");

#[test]
fn text_stats_count_words_and_sentences_as_the_fixtures_say() {
    let stats = TextStats::new(&article("alpha.txt", ALPHA));
    let words: Vec<usize> = stats.paragraphs.iter().map(|p| p.words).collect();
    let sentences: Vec<usize> = stats.paragraphs.iter().map(|p| p.sentences.len()).collect();
    assert_eq!(words, [3, 18, 19, 17, 9]);
    assert_eq!(sentences, [1, 2, 3, 2, 1]);
    assert_eq!(
        stats.lead().iter().map(|p| p.number()).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
}

#[test]
fn the_lead_skips_subheadings_in_markdown() {
    let a = article(
        "m.md",
        "Kicker line\n\n# Title\n\nOne.\n\n## Sub\n\nTwo.\n\nThree.\n\nFour.\n",
    );
    // Paragraphs: 1 kicker, 2 title, 3 one, 4 sub, 5 two, 6 three, 7 four.
    assert_eq!(
        TextStats::new(&a)
            .lead()
            .iter()
            .map(|p| p.number())
            .collect::<Vec<_>>(),
        [2, 3, 5, 6]
    );
}

#[test]
fn overlapping_claims_label_each_character_once() {
    // S 0–10, then E 5–8 and A 5–12 start together: the shorter E wins
    // 5–8; A, which starts after S, wins 8–12.
    let a = article("x.txt", "abcdefghijklmnopqrstuvwxyz\n");
    let set = set_for(
        &a,
        vec![
            claim(1, 0, 10, Kind::Sourced),
            claim(1, 5, 8, Kind::Editorial),
            claim(1, 5, 12, Kind::Anonymous),
        ],
    );
    let s = summarize(&set, Some(&a));
    assert_eq!(s.tally.chars_by_kind.0, [5, 4, 3]);
    assert_eq!(s.tally.covered_chars(), 12);
    assert_eq!(s.tally.share_by_chars(Kind::Sourced), Some(5.0 / 12.0));
}

#[test]
fn a_claim_nested_in_a_later_one_still_wins_its_characters() {
    // A 2–4 starts after S 0–20 and so labels 2–4, even though S is
    // still active on both sides of it.
    let a = article("x.txt", "abcdefghijklmnopqrstuvwxyz\n");
    let set = set_for(
        &a,
        vec![
            claim(1, 0, 20, Kind::Sourced),
            claim(1, 2, 4, Kind::Anonymous),
            claim(1, 15, 25, Kind::Editorial),
        ],
    );
    let s = summarize(&set, Some(&a));
    // S: 0–2, 4–15 = 13; A: 2; E: 15–25 = 10.
    assert_eq!(s.tally.chars_by_kind.0, [13, 2, 10]);
}

#[test]
fn editorial_sentences_count_each_sentence_once() {
    let a = article("x.txt", "One two. Three four. Five six. Seven.\n");
    // Sentences: 0–8, 9–20, 21–30, 31–37. Two claims in the second, one
    // spanning the third into the fourth, one on the space between.
    let set = set_for(
        &a,
        vec![
            claim(1, 9, 14, Kind::Editorial),
            claim(1, 15, 20, Kind::Editorial),
            claim(1, 25, 33, Kind::Editorial),
            claim(1, 8, 9, Kind::Editorial),
            claim(1, 0, 8, Kind::Sourced),
        ],
    );
    let s = summarize(&set, Some(&a));
    assert_eq!(s.tally.sentences, 4);
    assert_eq!(s.tally.editorial_sentences, 3);
    assert_eq!(s.tally.words, 7);
    let density = s.tally.editorial_per_100_words().unwrap();
    assert!((density - 400.0 / 7.0).abs() < 1e-12);
}

#[test]
fn sources_group_by_trimmed_folded_name_per_kind() {
    let a = article("x.txt", "abcdefghijklmnopqrstuvwxyz\n");
    let set = set_for(
        &a,
        vec![
            sourced(1, 0, 1, Kind::Sourced, "Straße  Office"),
            sourced(1, 1, 2, Kind::Sourced, " STRASSE OFFICE"),
            sourced(1, 2, 3, Kind::Sourced, "straße office"),
            sourced(1, 3, 4, Kind::Sourced, "Straße Office"),
            sourced(1, 4, 5, Kind::Anonymous, "straße office"),
            sourced(1, 5, 6, Kind::Anonymous, "   "),
            claim(1, 6, 7, Kind::Sourced),
            sourced(1, 7, 8, Kind::Editorial, "ignored for editorial"),
        ],
    );
    let s = summarize(&set, None);
    let got: Vec<(&str, Kind, usize)> = s
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.kind, s.count))
        .collect();
    assert_eq!(
        got,
        [
            ("Straße Office", Kind::Sourced, 4),
            ("straße office", Kind::Anonymous, 1),
        ]
    );
    assert_eq!(s.tally.claims_without_source, 2);
    // Shares 4/5 and 1/5: 1 / (16/25 + 1/25) = 25/17.
    assert_eq!(s.top_source_share(), Some(0.8));
    let eff = s.effective_sources().unwrap();
    assert!((eff - 25.0 / 17.0).abs() < 1e-12);
}

#[test]
fn without_text_the_text_metrics_are_none_and_the_lead_is_assumed() {
    let a = article("x.txt", "a\n\nb\n\nc\n\nd\n\ne\n\nf\n");
    let set = set_for(
        &a,
        vec![
            claim(5, 0, 1, Kind::Anonymous),
            claim(4, 0, 1, Kind::Anonymous),
            claim(6, 0, 1, Kind::Editorial),
        ],
    );
    let s = summarize(&set, None);
    assert_eq!(s.text, TextStatus::NotGiven);
    assert!(!s.has_text());
    assert_eq!(s.tally.editorial_per_100_words(), None);
    assert_eq!(s.tally.editorial_sentence_share(), None);
    assert_eq!(s.lead, [1, 2, 3, 4]);
    assert_eq!(s.tally.lead_share(Kind::Anonymous), Some(0.5));
    assert_eq!(s.tally.lead_share(Kind::Sourced), None);
    assert_eq!(s.paragraphs_without_claims(), [1, 2, 3]);
    assert_eq!(s.strip_cell(3, Kind::Anonymous), 'A');
    assert_eq!(s.strip_cell(3, Kind::Editorial), STRIP_EMPTY);
    // With the article, the same claims give the same counts and more.
    let t = summarize(&set, Some(&a));
    assert_eq!(t.text, TextStatus::Ok);
    assert_eq!(t.tally.by_kind, s.tally.by_kind);
    assert_eq!(t.tally.words, 6);
}

#[test]
fn a_text_of_another_length_is_not_trusted() {
    let a = article("x.txt", "a\n\nb\n");
    let mut set = set_for(&a, vec![claim(1, 0, 1, Kind::Editorial)]);
    set.article.paragraphs = 3;
    let s = summarize(&set, Some(&a));
    assert!(matches!(s.text, TextStatus::Changed { .. }));
    assert!(!s.has_text());
}

#[test]
fn quantiles_interpolate_like_numpy() {
    // numpy.quantile([1, 2, 3, 4], [.25, .5, .75]) == [1.75, 2.5, 3.25]
    let s = Spread::of(vec![4.0, 1.0, 3.0, 2.0]);
    assert_eq!((s.q1, s.median, s.q3), (Some(1.75), Some(2.5), Some(3.25)));
    assert_eq!(s.iqr(), Some(1.5));
    let one = Spread::of(vec![0.3]);
    assert_eq!(
        (one.q1, one.median, one.q3, one.n),
        (Some(0.3), Some(0.3), Some(0.3), 1)
    );
    assert_eq!(Spread::of(vec![]).median, None);
}

#[test]
fn corpus_ratios_are_pooled_not_averaged() {
    let a = article("x.txt", "a b c d\n");
    let one = summarize(
        &set_for(&a, vec![claim(1, 0, 1, Kind::Anonymous)]),
        Some(&a),
    );
    let mut three = set_for(
        &a,
        vec![
            claim(1, 0, 1, Kind::Sourced),
            claim(1, 2, 3, Kind::Sourced),
            claim(1, 4, 5, Kind::Sourced),
        ],
    );
    three.annotator.name = "Sam".into();
    three.article.outlet = Some("Gazette".into());
    let three = summarize(&three, Some(&a));
    let c = Corpus::new(&[one, three]);
    // Pooled: 1 anonymous of 4 attributed; the mean of 1.0 and 0.0 is not.
    assert_eq!(c.totals.tally.anonymity_ratio(), Some(0.25));
    assert_eq!(c.totals.spread(Metric::AnonymityRatio).median, Some(0.5));
    assert_eq!(c.totals.distinct_articles, 1);
    let names: Vec<&str> = c.by_annotator.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Alex Example", "Sam"]);
    let outlets: Vec<&str> = c.by_outlet.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(outlets, ["Gazette", UNKNOWN_OUTLET]);
}

#[test]
fn word_counts_agree_with_the_article_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    for entry in std::fs::read_dir(dir).unwrap() {
        let a = byline_store::article::load(&entry.unwrap().path()).unwrap();
        let stats = TextStats::new(&a);
        for (p, s) in a.paragraphs.iter().zip(&stats.paragraphs) {
            assert_eq!(s.words, p.words().len(), "{}", p.text);
        }
        assert_eq!(
            stats.paragraphs.iter().map(|p| p.words).sum::<usize>(),
            a.word_count()
        );
    }
}
