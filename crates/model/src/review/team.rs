//! Agreement for a team: a whole corpus pooled (`agree FOLDER`), and each
//! annotator scored against an adjudicated gold file (`agree --against
//! gold`). Pure: loaded articles and sets in, reports out.

use super::agree::{
    self, Coder, Compared, KindF1, KindRow, Options, Pair, PairRaw, Report, SourceAgreement, Unit,
    claims_in, fig, kind_table, source_agreement, sources_text, spans,
};
use super::metrics::{Alpha, SpanMatch, match_spans};
use crate::annotation::{Kind, PerKind};
use crate::article::Article;
use serde::Serialize;
use std::collections::BTreeMap;

/// An article `agree FOLDER` left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub article: String,
    pub why: String,
}

/// Every article's figures and the corpus pooled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusReport {
    pub unit: Unit,
    pub pooled: Pooled,
    pub articles: Vec<Report>,
    pub skipped: Vec<Skipped>,
}

/// The corpus as one long text: every article's compared units end to end
/// (an annotator without a file of an article has no label there), span
/// and source counts summed per pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pooled {
    pub articles: usize,
    pub annotators: Vec<String>,
    pub units: usize,
    /// Nominal alpha over every compared unit of every article; with
    /// `--unit span`, `null` (unitizing alpha is given per article).
    pub krippendorff_alpha: Option<f64>,
    pub pairs: Vec<Pair>,
}

/// Builds a [`CorpusReport`] one article at a time.
pub struct Pool {
    unit: Unit,
    names: Vec<String>,
    alpha: Alpha,
    units: usize,
    /// Each pair's counts summed, and over how many articles.
    pairs: BTreeMap<(String, String), (PairRaw, usize)>,
    articles: Vec<Report>,
    skipped: Vec<Skipped>,
}

impl Pool {
    pub fn new(unit: Unit) -> Pool {
        Pool {
            unit,
            names: Vec::new(),
            alpha: Alpha::new(),
            units: 0,
            pairs: BTreeMap::new(),
            articles: Vec::new(),
            skipped: Vec::new(),
        }
    }

    pub fn skip(&mut self, article: &str, why: String) {
        self.skipped.push(Skipped {
            article: article.to_owned(),
            why,
        });
    }

    /// Measures one article and adds it to the pool.
    pub fn add(&mut self, article: &Article, coders: &[Coder], opts: &Options) {
        let (report, raws, coded) = agree::measure_raw(article, coders, opts);
        if self.unit != Unit::Span {
            let n = coded.first().map_or(0, Vec::len);
            for u in 0..n {
                self.alpha.add_unit(coded.iter().map(|l| l[u]));
            }
        }
        self.units += report.units;
        for c in coders {
            if !self.names.contains(&c.name) {
                self.names.push(c.name.clone());
            }
        }
        let mut raws = raws.into_iter();
        for i in 0..coders.len() {
            for j in i + 1..coders.len() {
                let Some(raw) = raws.next() else { return };
                // One order per pair of names, whichever file came first.
                let (key, raw) = if coders[i].name <= coders[j].name {
                    ((coders[i].name.clone(), coders[j].name.clone()), raw)
                } else {
                    (
                        (coders[j].name.clone(), coders[i].name.clone()),
                        raw.transposed(),
                    )
                };
                let (sum, n) = self
                    .pairs
                    .entry(key)
                    .or_insert_with(|| (PairRaw::empty(), 0));
                sum.add(&raw);
                *n += 1;
            }
        }
        self.articles.push(report);
    }

    pub fn finish(mut self) -> CorpusReport {
        self.names.sort();
        let unit = self.unit;
        CorpusReport {
            unit,
            pooled: Pooled {
                articles: self.articles.len(),
                annotators: self.names,
                units: self.units,
                krippendorff_alpha: if unit == Unit::Span {
                    None
                } else {
                    self.alpha.value()
                },
                pairs: self
                    .pairs
                    .into_iter()
                    .map(|((a, b), (raw, n))| {
                        let mut p = raw.pair(&a, &b, unit);
                        p.articles = Some(n);
                        p
                    })
                    .collect(),
            },
            articles: self.articles,
            skipped: self.skipped,
        }
    }
}

/// One annotator against the gold file: precision is the share of their
/// claims gold has (same kind, overlapping span), recall the share of
/// gold's claims they have; both over the paragraphs they worked on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub annotator: String,
    pub compared: Compared,
    pub claims: usize,
    pub gold_claims: usize,
    pub matches_overlap: usize,
    pub matches_exact: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub precision_exact: Option<f64>,
    pub recall_exact: Option<f64>,
    pub by_kind: PerKind<KindScore>,
    /// Whether they named gold's source for the claims gold has.
    pub sources: SourceAgreement,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScore {
    pub claims: usize,
    pub gold_claims: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl KindRow<4> for KindScore {
    const COLUMNS: [(&'static str, usize); 4] =
        [("claims", 8), ("gold", 8), ("precision", 11), ("recall", 8)];
    fn cells(&self) -> [String; 4] {
        [
            self.claims.to_string(),
            self.gold_claims.to_string(),
            short(self.precision),
            short(self.recall),
        ]
    }
}

fn ratio(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

/// The counts behind a [`Score`], summable over articles.
#[derive(Debug, Clone)]
struct ScoreRaw {
    all: SpanMatch,
    kinds: [SpanMatch; 3],
    sources: SourceAgreement,
}

impl ScoreRaw {
    fn add(&mut self, o: &ScoreRaw) {
        self.all += o.all;
        for (x, y) in self.kinds.iter_mut().zip(o.kinds) {
            *x += y;
        }
        self.sources.add(&o.sources);
    }

    fn score(self, annotator: &str, compared: Compared) -> Score {
        let kind = |m: &SpanMatch| KindScore {
            claims: m.a,
            gold_claims: m.b,
            precision: ratio(m.overlap, m.a),
            recall: ratio(m.overlap, m.b),
            f1: KindF1::from(*m).f1_overlap,
        };
        Score {
            annotator: annotator.to_owned(),
            compared,
            claims: self.all.a,
            gold_claims: self.all.b,
            matches_overlap: self.all.overlap,
            matches_exact: self.all.exact,
            precision: ratio(self.all.overlap, self.all.a),
            recall: ratio(self.all.overlap, self.all.b),
            f1: self.all.f1_overlap(),
            precision_exact: ratio(self.all.exact, self.all.a),
            recall_exact: ratio(self.all.exact, self.all.b),
            by_kind: PerKind::from_array(self.kinds.each_ref().map(kind)),
            sources: self.sources,
        }
    }
}

fn score_raw(
    article: &Article,
    gold: &Coder,
    coder: &Coder,
    opts: &Options,
) -> (ScoreRaw, Compared) {
    let compared = agree::compared(article, std::slice::from_ref(coder), opts.paragraphs);
    let mine = claims_in(coder.set, &compared);
    let theirs = claims_in(gold.set, &compared);
    let all = match_spans(&spans(&mine, None), &spans(&theirs, None));
    let kinds = Kind::ALL.map(|k| match_spans(&spans(&mine, Some(k)), &spans(&theirs, Some(k))));
    let raw = ScoreRaw {
        all,
        kinds,
        sources: source_agreement(&mine, &theirs, opts.source_key),
    };
    (raw, compared)
}

/// The gold report of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldReport {
    pub article: String,
    pub title: String,
    pub gold: String,
    /// Whether adjudication finished (gold's `done`): figures against an
    /// unfinished gold are provisional.
    pub finished: bool,
    pub annotators: Vec<Score>,
}

/// Every annotator of `article` against `gold`.
pub fn against(article: &Article, gold: &Coder, coders: &[Coder], opts: &Options) -> GoldReport {
    GoldReport {
        article: article.id.clone(),
        title: article.title.clone(),
        gold: gold.name.clone(),
        finished: gold.set.annotator.done.is_some(),
        annotators: coders
            .iter()
            .map(|c| {
                let (raw, compared) = score_raw(article, gold, c, opts);
                raw.score(&c.name, compared)
            })
            .collect(),
    }
}

/// Gold reports of a corpus, and each annotator pooled over it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldCorpusReport {
    pub pooled: Vec<Score>,
    pub articles: Vec<GoldReport>,
    pub skipped: Vec<Skipped>,
}

/// Builds a [`GoldCorpusReport`] one article at a time.
#[derive(Default)]
pub struct GoldPool {
    by_name: BTreeMap<String, (ScoreRaw, usize, usize)>,
    articles: Vec<GoldReport>,
    skipped: Vec<Skipped>,
}

impl GoldPool {
    pub fn skip(&mut self, article: &str, why: String) {
        self.skipped.push(Skipped {
            article: article.to_owned(),
            why,
        });
    }

    pub fn add(&mut self, article: &Article, gold: &Coder, coders: &[Coder], opts: &Options) {
        let mut scores = Vec::new();
        for c in coders {
            let (raw, compared) = score_raw(article, gold, c, opts);
            let paragraphs = compared.range().len();
            match self.by_name.get_mut(&c.name) {
                Some((sum, n, p)) => {
                    sum.add(&raw);
                    *n += 1;
                    *p += paragraphs;
                }
                None => {
                    self.by_name
                        .insert(c.name.clone(), (raw.clone(), 1, paragraphs));
                }
            }
            scores.push(raw.score(&c.name, compared));
        }
        self.articles.push(GoldReport {
            article: article.id.clone(),
            title: article.title.clone(),
            gold: gold.name.clone(),
            finished: gold.set.annotator.done.is_some(),
            annotators: scores,
        });
    }

    pub fn finish(self) -> GoldCorpusReport {
        GoldCorpusReport {
            pooled: self
                .by_name
                .into_iter()
                .map(|(name, (raw, articles, paragraphs))| {
                    let compared = Compared {
                        first: 1,
                        last: paragraphs,
                        of: paragraphs,
                        given: false,
                        reach: Vec::new(),
                        note: format!(
                            "{paragraphs} paragraphs in {articles} article{}",
                            if articles == 1 { "" } else { "s" }
                        ),
                    };
                    raw.score(&name, compared)
                })
                .collect(),
            articles: self.articles,
            skipped: self.skipped,
        }
    }
}

fn score_lines(scores: &[Score]) -> String {
    use std::fmt::Write;
    let w = scores
        .iter()
        .map(|s| s.annotator.chars().count())
        .max()
        .unwrap_or(9)
        .max(9);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<w$}  {:>9}  {:>9}  {:>6}  {:>7}  {:>7}  {:>7}  compared",
        "annotator", "precision", "recall", "F1", "claims", "gold", "sources"
    );
    for s in scores {
        let _ = writeln!(
            out,
            "{:<w$}  {:>9}  {:>9}  {:>6}  {:>7}  {:>7}  {:>7}  {}",
            s.annotator,
            fig(s.precision),
            fig(s.recall),
            short(s.f1),
            s.claims,
            s.gold_claims,
            short(s.sources.rate),
            s.compared.note.split(';').next().unwrap_or_default()
        );
    }
    out
}

fn short(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.2}"))
}

/// The gold report for people.
pub fn render_gold_text(r: &GoldReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.article, r.title);
    let _ = writeln!(
        out,
        "against {} (precision: their claims gold has; recall: gold's claims they have; same kind, overlapping span)",
        r.gold
    );
    if !r.finished {
        let _ = writeln!(
            out,
            "gold is not finished: adjudicate has disagreements left to decide, so these figures are provisional"
        );
    }
    out.push('\n');
    out.push_str(&score_lines(&r.annotators));
    for s in &r.annotators {
        let _ = writeln!(out, "\n{}", s.annotator);
        kind_table(&mut out, &s.by_kind);
        let _ = writeln!(
            out,
            "  exact spans: precision {}, recall {}",
            short(s.precision_exact),
            short(s.recall_exact)
        );
        out.push_str(&sources_text(&s.sources));
    }
    out
}

pub fn render_gold_corpus_text(r: &GoldCorpusReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} article{} against their gold files (precision: their claims gold has; recall: gold's claims they have)\n",
        r.articles.len(),
        if r.articles.len() == 1 { "" } else { "s" }
    );
    let unfinished = r.articles.iter().filter(|a| !a.finished).count();
    if unfinished > 0 {
        let _ = writeln!(
            out,
            "{unfinished} of these gold files are not finished (disagreements left to decide): figures against them are provisional\n"
        );
    }
    out.push_str(&score_lines(&r.pooled));
    for a in &r.articles {
        let _ = writeln!(
            out,
            "\n{} — {}{}",
            a.article,
            a.title,
            if a.finished {
                ""
            } else {
                " (gold not finished)"
            }
        );
        out.push_str(&score_lines(&a.annotators));
    }
    skipped_text(&mut out, &r.skipped);
    out
}

fn skipped_text(out: &mut String, skipped: &[Skipped]) {
    use std::fmt::Write;
    if skipped.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nleft out:");
    for s in skipped {
        let _ = writeln!(out, "  {}: {}", s.article, s.why);
    }
}

/// The corpus report for people: pooled first, then a line per article.
pub fn render_corpus_text(r: &CorpusReport) -> String {
    use std::fmt::Write;
    let p = &r.pooled;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} article{}, annotators: {}",
        p.articles,
        if p.articles == 1 { "" } else { "s" },
        p.annotators.join(", ")
    );
    let _ = writeln!(
        out,
        "unit: {} ({} units, only paragraphs every compared annotator worked on)",
        r.unit.as_str(),
        p.units
    );
    if r.unit == Unit::Span {
        let _ = writeln!(
            out,
            "Krippendorff's unitizing alpha: per article below (not pooled)"
        );
    } else {
        let _ = writeln!(
            out,
            "Krippendorff's alpha (nominal, pooled): {}",
            fig(p.krippendorff_alpha)
        );
    }
    let _ = writeln!(out, "\npooled pairs");
    let (names, w) = agree::pair_names(&p.pairs);
    let _ = writeln!(
        out,
        "  {:<w$}  {:>8}  {:>7}  {:>10}  {:>8}  {:>8}  {:>8}  {:>8}",
        "pair", "articles", "kappa", "F1 overlap", "sourced", "anonym.", "editor.", "sources"
    );
    for (n, x) in names.iter().zip(&p.pairs) {
        let _ = writeln!(
            out,
            "  {n:<w$}  {:>8}  {:>7}  {:>10}  {:>8}  {:>8}  {:>8}  {:>8}",
            x.articles.unwrap_or(0),
            short(x.cohen_kappa),
            short(x.span_f1_overlap),
            short(x.by_kind.sourced.f1_overlap),
            short(x.by_kind.anonymous.f1_overlap),
            short(x.by_kind.editorial.f1_overlap),
            short(x.sources.rate),
        );
    }
    let _ = writeln!(out, "\nper article");
    let w = r
        .articles
        .iter()
        .map(|a| a.article.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    let _ = writeln!(
        out,
        "  {:<w$}  {:>7}  {:>10}  {:>8}  compared",
        "article", "alpha", "F1 overlap", "sources"
    );
    for a in &r.articles {
        // Several pairs: the mean of their F1, as a glance; JSON has each.
        let mean = |f: &dyn Fn(&Pair) -> Option<f64>| {
            let xs: Vec<f64> = a.pairs.iter().filter_map(f).collect();
            (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
        };
        let _ = writeln!(
            out,
            "  {:<w$}  {:>7}  {:>10}  {:>8}  {}",
            a.article,
            short(a.krippendorff_alpha),
            short(mean(&|p| p.span_f1_overlap)),
            short(mean(&|p| p.sources.rate)),
            // Who stopped where; the JSON has the rest of the note.
            a.compared.note.split(';').next().unwrap_or_default()
        );
    }
    skipped_text(&mut out, &r.skipped);
    out
}

pub fn render_json<T: Serialize>(r: &T) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}
