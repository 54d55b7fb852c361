//! `byline agree`: how far annotators of one article agree. Pure: takes a
//! loaded article and annotation sets, returns a report; rendering is
//! separate.

use super::metrics::{
    Alpha, Confusion, LabelledSpan, SpanMatch, Unitizing, match_spans, overlap_pairs,
    unitizing_alpha,
};
use crate::annotation::{AnnotationSet, Claim, Kind, PerKind, overlap};
use crate::article::Article;
use crate::loc::Para;
use serde::Serialize;

/// What one unit of agreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Every character of every paragraph.
    Char,
    /// Every sentence (UAX #29), labelled with the kind that covers more
    /// than half of its characters, else `none`.
    Sentence,
    /// Claim spans themselves: Krippendorff's unitizing alpha per kind over
    /// the article as one continuum of characters.
    Span,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Char => "char",
            Unit::Sentence => "sentence",
            Unit::Span => "span",
        }
    }
}

/// Unit labels: 0 is `none`, then the kinds in [`Kind::ALL`] order.
pub const LABELS: [&str; 4] = ["none", "sourced", "anonymous", "editorial"];

pub fn label_of(kind: Kind) -> usize {
    kind.index() + 1
}

/// One annotator as `agree` sees them.
pub struct Coder<'a> {
    /// The annotator's slug, unless two files share one.
    pub name: String,
    pub set: &'a AnnotationSet,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub article: String,
    pub title: String,
    pub annotators: Vec<String>,
    pub unit: Unit,
    /// The paragraphs compared: only where every annotator worked.
    pub compared: Compared,
    pub units: usize,
    /// The unit labels, in the order of confusion matrix rows and columns.
    pub labels: [&'static str; 4],
    /// Nominal alpha over all annotators; `None` (JSON `null`) when
    /// undefined.
    pub krippendorff_alpha: Option<f64>,
    /// With `--unit span`: unitizing alpha per kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unitizing: Option<PerKind<UnitizingKind>>,
    pub pairs: Vec<Pair>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitizingKind {
    pub observed: f64,
    pub expected: f64,
    pub alpha: Option<f64>,
}

impl From<Unitizing> for UnitizingKind {
    fn from(u: Unitizing) -> Self {
        UnitizingKind {
            observed: u.observed,
            expected: u.expected,
            alpha: u.alpha,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// The paragraphs this pair compares (1-based, inclusive): where both
    /// worked. Pooled over a corpus: `[0, 0]`.
    pub compared: (usize, usize),
    /// Pooled over a corpus: how many articles both annotated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    pub cohen_kappa: Option<f64>,
    pub span_f1_exact: Option<f64>,
    pub span_f1_overlap: Option<f64>,
    pub claims_a: usize,
    pub claims_b: usize,
    pub matches_exact: usize,
    pub matches_overlap: usize,
    pub by_kind: PerKind<KindF1>,
    /// On the claims matched by overlap (same kind), whether the two named
    /// the same source.
    pub sources: SourceAgreement,
    /// Rows are `a`'s labels, columns `b`'s, both in [`LABELS`] order.
    pub confusion: Vec<Vec<u64>>,
}

/// How far one annotator went through the article, by their file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Read {
    /// Marked done: every paragraph.
    Done,
    /// Stopped at a paragraph (`[annotator] position`), not done.
    Stopped,
    /// Neither: the file does not say, so taken as read to the end.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    pub annotator: String,
    pub read: Read,
    /// The last paragraph they worked on (1-based).
    pub last: usize,
}

/// Which paragraphs a comparison counts, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// 1-based, inclusive; `last < first` when nothing is compared.
    pub first: usize,
    pub last: usize,
    /// Paragraphs in the article.
    pub of: usize,
    /// Given on the command line (`--paragraphs`), not taken from the files.
    pub given: bool,
    pub reach: Vec<Reach>,
    /// For people: `¶1–11: sam-example stopped at ¶11`.
    pub note: String,
}

impl Compared {
    /// The 0-based paragraph indices compared.
    pub fn range(&self) -> std::ops::Range<usize> {
        // `first` and `last` are the numbers shown (from 1): the indices
        // run from `first`'s up to `last`'s, which is `last` itself.
        let start = Para::from_number(self.first).map_or(0, Para::index);
        start..self.last.max(start)
    }

    /// Whether a paragraph is compared.
    pub fn holds(&self, paragraph: Para) -> bool {
        (self.first..=self.last).contains(&paragraph.number())
    }
}

/// How far `set` says its annotator read `paragraphs` paragraphs.
pub fn reach(name: &str, set: &AnnotationSet, paragraphs: usize) -> Reach {
    let (read, last) = match (set.annotator.done.is_some(), set.annotator.position) {
        (true, _) => (Read::Done, paragraphs),
        // `position` is where the cursor was last; a claim further on
        // was read too.
        (false, Some(p)) => {
            let claimed = set.claims.iter().map(|c| c.at.para.number()).max();
            let claimed = claimed.unwrap_or(0);
            (Read::Stopped, p.max(claimed).min(paragraphs))
        }
        (false, None) => (Read::Unknown, paragraphs),
    };
    Reach {
        annotator: name.to_owned(),
        read,
        last,
    }
}

fn para_range(first: usize, last: usize) -> String {
    if first == last {
        format!("¶{first}")
    } else {
        format!("¶{first}–{last}")
    }
}

/// The paragraphs every coder worked on (or `given`, 1-based inclusive,
/// cut to the article), with the note that says why.
pub fn compared(article: &Article, coders: &[Coder], given: Option<(usize, usize)>) -> Compared {
    let of = article.len();
    let reach: Vec<Reach> = coders.iter().map(|c| reach(&c.name, c.set, of)).collect();
    // Two annotators: where both worked. More: where at least two did
    // (each pair compares where both of its two worked; past an
    // annotator's last paragraph their labels are missing, which alpha
    // allows).
    let mut lasts: Vec<usize> = reach.iter().map(|r| r.last).collect();
    lasts.sort_unstable_by(|a, b| b.cmp(a));
    let common = lasts.get(1).or(lasts.first()).copied().unwrap_or(of);
    let stopped: Vec<&Reach> = reach
        .iter()
        .filter(|r| r.read == Read::Stopped && r.last < of)
        .collect();
    let unknown: Vec<&str> = reach
        .iter()
        .filter(|r| r.read == Read::Unknown)
        .map(|r| r.annotator.as_str())
        .collect();
    let (first, last, given_flag) = match given {
        Some((a, b)) => (a.max(1), b.min(of), true),
        None => (1, common, false),
    };
    let mut note = if last < first {
        "no paragraph".to_owned()
    } else if !given_flag && first == 1 && last == of && stopped.is_empty() {
        format!("{}, every paragraph", para_range(1, of))
    } else {
        para_range(first, last)
    };
    if given_flag {
        note.push_str(" as asked (--paragraphs)");
        if let Some((_, b)) = given
            && b > of
        {
            note.push_str(&format!(", the article has {of}"));
        }
        let short: Vec<String> = stopped
            .iter()
            .filter(|r| r.last < last)
            .map(|r| format!("{} stopped at ¶{}", r.annotator, r.last))
            .collect();
        if !short.is_empty() {
            note.push_str(&format!(
                "; past where {}, so their blank paragraphs count as unmarked",
                short.join(", ")
            ));
        }
    } else if !stopped.is_empty() {
        let mut by: Vec<&&Reach> = stopped.iter().collect();
        by.sort_by_key(|r| r.last);
        let said: Vec<String> = by
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if i == 0 {
                    format!("{} stopped at ¶{}", r.annotator, r.last)
                } else {
                    format!("{} at ¶{}", r.annotator, r.last)
                }
            })
            .collect();
        note.push_str(&format!(": {} (of {of})", said.join(", ")));
        if reach.len() > 2 {
            note.push_str("; a pair with them compares up to there");
        }
    }
    if !unknown.is_empty() && !given_flag {
        note.push_str(&format!(
            "; {} {} not say where they stopped: taken as read to the end",
            unknown.join(", "),
            if unknown.len() == 1 { "does" } else { "do" },
        ));
    }
    Compared {
        first,
        last,
        of,
        given: given_flag,
        reach,
        note,
    }
}

/// Whether two annotators named the same source for the claims they both
/// marked (same kind, overlapping spans).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceAgreement {
    /// Matched claims where at least one of the two named a source.
    pub compared: usize,
    /// Of those, the ones whose sources are the same (after folding case,
    /// apostrophes, spacing and a leading article; through the registry
    /// when there is one).
    pub same: usize,
    pub rate: Option<f64>,
    /// Where they differ, in text order.
    pub differences: Vec<SourceDifference>,
}

impl SourceAgreement {
    pub(crate) fn add(&mut self, o: &SourceAgreement) {
        self.compared += o.compared;
        self.same += o.same;
        self.differences.extend(o.differences.iter().cloned());
        self.rate = rate(self.same, self.compared);
    }
}

fn rate(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceDifference {
    pub paragraph: Para,
    pub a: Option<String>,
    pub b: Option<String>,
}

/// Source agreement on the overlap-matched claims of `a` and `b`; `key`
/// is what sources are compared by ([`crate::sources::fold`], or through a
/// registry).
pub fn source_agreement(
    a: &[&Claim],
    b: &[&Claim],
    key: &dyn Fn(&str) -> String,
) -> SourceAgreement {
    let la: Vec<LabelledSpan> = a.iter().map(|c| labelled(c)).collect();
    let lb: Vec<LabelledSpan> = b.iter().map(|c| labelled(c)).collect();
    let mut out = SourceAgreement::default();
    let mut pairs = overlap_pairs(&la, &lb, |x, y| x.label == y.label);
    pairs.sort_by_key(|&(i, j)| (a[i].at.para, a[i].at.start, j));
    for (i, j) in pairs {
        let (x, y) = (a[i], b[j]);
        if x.kind == Kind::Editorial {
            continue;
        }
        let given = |c: &Claim| {
            c.source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let (sx, sy) = (given(x), given(y));
        if sx.is_none() && sy.is_none() {
            continue;
        }
        out.compared += 1;
        let same = match (&sx, &sy) {
            (Some(p), Some(q)) => key(p) == key(q),
            _ => false,
        };
        if same {
            out.same += 1;
        } else {
            out.differences.push(SourceDifference {
                paragraph: x.at.para,
                a: sx,
                b: sy,
            });
        }
    }
    out.rate = rate(out.same, out.compared);
    out
}

fn labelled(c: &Claim) -> LabelledSpan {
    LabelledSpan {
        at: c.at,
        label: label_of(c.kind),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindF1 {
    pub claims_a: usize,
    pub claims_b: usize,
    pub f1_exact: Option<f64>,
    pub f1_overlap: Option<f64>,
}

impl KindRow<4> for KindF1 {
    const COLUMNS: [(&'static str, usize); 4] = [
        ("claims a", 10),
        ("claims b", 10),
        ("F1 exact", 10),
        ("F1 overlap", 12),
    ];
    fn cells(&self) -> [String; 4] {
        [
            self.claims_a.to_string(),
            self.claims_b.to_string(),
            fig(self.f1_exact),
            fig(self.f1_overlap),
        ]
    }
}

impl From<SpanMatch> for KindF1 {
    fn from(m: SpanMatch) -> Self {
        KindF1 {
            claims_a: m.a,
            claims_b: m.b,
            f1_exact: m.f1_exact(),
            f1_overlap: m.f1_overlap(),
        }
    }
}

/// The label of every unit of `article` by one annotator's claims.
///
/// Characters: where claims overlap, the one that starts last labels the
/// character (ties: the shorter). Claims past a paragraph's end are cut at
/// it.
pub fn unit_labels(article: &Article, claims: &[Claim], unit: Unit) -> Vec<usize> {
    unit_labels_in(article, claims, unit, 0..article.len())
}

/// [`unit_labels`] of the paragraphs in `range` (0-based) only.
pub fn unit_labels_in(
    article: &Article,
    claims: &[Claim],
    unit: Unit,
    range: std::ops::Range<usize>,
) -> Vec<usize> {
    let mut out = Vec::new();
    let end = range.end.min(article.len());
    let start = range.start.min(end);
    for (i, p) in article.paragraphs.iter().enumerate().take(end).skip(start) {
        let mut chars = vec![0usize; p.char_len()];
        let para = Para::from_index(i);
        let here: Vec<&Claim> = claims.iter().filter(|c| c.at.para == para).collect();
        let spans: Vec<std::ops::Range<usize>> = here
            .iter()
            .map(|c| {
                let end = c.at.end.min(chars.len());
                c.at.start.min(end)..end
            })
            .collect();
        for s in overlap::segments(&spans) {
            if let Some(w) = s.winner {
                chars[s.range].fill(label_of(here[w].kind));
            }
        }
        match unit {
            Unit::Char => out.extend(chars),
            Unit::Sentence => {
                for s in p.sentences() {
                    out.push(majority(&chars[s]));
                }
            }
            // Spans are not labelled units; see `unitizing`.
            Unit::Span => {}
        }
    }
    out
}

/// The kind label covering more than half of `chars`, else `none`.
fn majority(chars: &[usize]) -> usize {
    let mut counts = [0usize; LABELS.len()];
    for &c in chars {
        counts[c] += 1;
    }
    (1..LABELS.len())
        .find(|&l| 2 * counts[l] > chars.len())
        .unwrap_or(0)
}

pub(crate) fn spans(claims: &[&Claim], kind: Option<Kind>) -> Vec<LabelledSpan> {
    claims
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .map(|c| labelled(c))
        .collect()
}

/// One coder's units of `kind` on the article as one continuum (paragraphs
/// end to end), as `(begin, length)`; overlapping claims of the kind merge,
/// since one coder's units of a category cannot overlap.
fn continuum_units(
    article: &Article,
    claims: &[Claim],
    kind: Kind,
    range: &std::ops::Range<usize>,
) -> Vec<(u64, u64)> {
    let mut offset = Vec::with_capacity(article.len());
    let mut at = 0u64;
    for (i, p) in article.paragraphs.iter().enumerate() {
        offset.push(at);
        if range.contains(&i) {
            at += p.char_len() as u64;
        }
    }
    let mut spans: Vec<(u64, u64)> = claims
        .iter()
        .filter(|c| c.kind == kind)
        .filter_map(|c| {
            let i = c.at.para.index();
            if !range.contains(&i) {
                return None;
            }
            let len = article.paragraphs.get(i)?.char_len();
            let (s, e) = (c.at.start.min(len), c.at.end.min(len));
            (s < e).then(|| (offset[i] + s as u64, offset[i] + e as u64))
        })
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some((_, end)) if s < *end => *end = (*end).max(e),
            _ => merged.push((s, e)),
        }
    }
    merged.into_iter().map(|(s, e)| (s, e - s)).collect()
}

/// Unitizing alpha per kind, and over all kinds (the disagreements summed
/// over the kinds that anyone marked).
fn unitizing(
    article: &Article,
    coders: &[Coder],
    range: &std::ops::Range<usize>,
) -> (PerKind<UnitizingKind>, Option<f64>) {
    let length = continuum_length(article, range);
    let kind = |k| {
        let units: Vec<Vec<(u64, u64)>> = coders
            .iter()
            .map(|c| continuum_units(article, &c.set.claims, k, range))
            .collect();
        unitizing_alpha(length, &units)
    };
    let all = [
        kind(Kind::Sourced),
        kind(Kind::Anonymous),
        kind(Kind::Editorial),
    ];
    let (o, e) = all
        .iter()
        .filter(|u| u.alpha.is_some())
        .fold((0.0, 0.0), |(o, e), u| (o + u.observed, e + u.expected));
    let overall = (e > 0.0).then(|| 1.0 - o / e);
    (PerKind::from_array(all.map(UnitizingKind::from)), overall)
}

fn continuum_length(article: &Article, range: &std::ops::Range<usize>) -> u64 {
    article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| range.contains(i))
        .map(|(_, p)| p.char_len() as u64)
        .sum()
}

/// What `agree` is asked to do beside the files.
pub struct Options<'a> {
    pub unit: Unit,
    /// `--paragraphs A-B` (1-based, inclusive).
    pub paragraphs: Option<(usize, usize)>,
    /// What sources are compared by: [`crate::sources::fold`], or the fold
    /// of a registry's canonical name.
    pub source_key: &'a dyn Fn(&str) -> String,
}

impl Options<'_> {
    pub fn new(unit: Unit) -> Options<'static> {
        Options {
            unit,
            paragraphs: None,
            source_key: &crate::sources::fold,
        }
    }
}

/// The claims of `set` in the compared paragraphs.
pub(crate) fn claims_in<'a>(set: &'a AnnotationSet, compared: &Compared) -> Vec<&'a Claim> {
    set.claims
        .iter()
        .filter(|c| compared.holds(c.at.para))
        .collect()
}

/// Measures agreement among two or more coders of `article`, over the
/// paragraphs every one of them worked on. The caller has checked that
/// every set belongs to this article and its text.
pub fn measure(article: &Article, coders: &[Coder], opts: &Options) -> Report {
    measure_raw(article, coders, opts).0
}

/// How many units paragraph `p` has.
fn units_of(p: &crate::article::Paragraph, unit: Unit) -> usize {
    match unit {
        Unit::Char => p.char_len(),
        Unit::Sentence => p.sentences().len(),
        Unit::Span => 0,
    }
}

/// Each coder's labels of the units of `compared`'s paragraphs; `None`
/// past the last paragraph the coder worked on (unless the paragraphs
/// were given), and the units in each paragraph.
fn coded_units(
    article: &Article,
    coders: &[Coder],
    unit: Unit,
    compared: &Compared,
) -> (Vec<Vec<Option<usize>>>, Vec<usize>) {
    let range = compared.range();
    let per_para: Vec<usize> = range
        .clone()
        .map(|i| article.paragraphs.get(i).map_or(0, |p| units_of(p, unit)))
        .collect();
    let coded = coders
        .iter()
        .zip(&compared.reach)
        .map(|(c, r)| {
            let labels = unit_labels_in(article, &c.set.claims, unit, range.clone());
            let mut out = Vec::with_capacity(labels.len());
            let mut at = 0;
            for (i, n) in range.clone().zip(&per_para) {
                let worked = compared.given || i < r.last;
                out.extend(labels[at..at + n].iter().map(|&l| worked.then_some(l)));
                at += n;
            }
            out
        })
        .collect();
    (coded, per_para)
}

/// [`measure`], and the counts behind it: each pair's, and every coder's
/// labels (for pooling a corpus).
pub(crate) fn measure_raw(
    article: &Article,
    coders: &[Coder],
    opts: &Options,
) -> (Report, Vec<PairRaw>, Vec<Vec<Option<usize>>>) {
    let unit = opts.unit;
    let compared = compared(article, coders, opts.paragraphs);
    let (coded, per_para) = coded_units(article, coders, unit, &compared);
    let mut units = per_para.iter().sum::<usize>();
    let mut alpha = Alpha::new();
    for u in 0..units {
        alpha.add_unit(coded.iter().map(|l| l[u]));
    }
    let mut alpha_value = alpha.value();
    let mut by_kind_unitizing = None;
    if unit == Unit::Span {
        // A continuum every coder worked on: the paragraphs all reached.
        let all = Compared {
            last: compared
                .reach
                .iter()
                .map(|r| r.last)
                .min()
                .unwrap_or(compared.last)
                .min(compared.last),
            ..compared.clone()
        };
        let all = if compared.given {
            compared.clone()
        } else {
            all
        };
        let range = all.range();
        let (by_kind, overall) = unitizing(article, coders, &range);
        by_kind_unitizing = Some(by_kind);
        alpha_value = overall;
        units = continuum_length(article, &range) as usize;
    }
    let mut pairs = Vec::new();
    let mut raws = Vec::new();
    for i in 0..coders.len() {
        for j in i + 1..coders.len() {
            let two = [
                Coder {
                    name: coders[i].name.clone(),
                    set: coders[i].set,
                },
                Coder {
                    name: coders[j].name.clone(),
                    set: coders[j].set,
                },
            ];
            let here = self::compared(article, &two, opts.paragraphs);
            // The pair's paragraphs are the first of the report's.
            let n: usize = per_para
                .iter()
                .take(here.range().len().min(per_para.len()))
                .sum();
            let la: Vec<usize> = coded[i][..n].iter().map(|l| l.unwrap_or(0)).collect();
            let lb: Vec<usize> = coded[j][..n].iter().map(|l| l.unwrap_or(0)).collect();
            let raw = pair_raw(&la, &lb, coders[i].set, coders[j].set, &here, opts);
            let mut pair = raw.clone().pair(&coders[i].name, &coders[j].name, unit);
            pair.compared = (here.first, here.last);
            pairs.push(pair);
            raws.push(raw);
        }
    }
    let report = Report {
        article: article.id.clone(),
        title: article.title.clone(),
        annotators: coders.iter().map(|c| c.name.clone()).collect(),
        unit,
        compared,
        units,
        labels: LABELS,
        krippendorff_alpha: alpha_value,
        unitizing: by_kind_unitizing,
        pairs,
    };
    (report, raws, coded)
}

/// One pair's counts before any figure is divided out, so pairs of many
/// articles can be summed (`agree FOLDER`).
#[derive(Debug, Clone)]
pub(crate) struct PairRaw {
    pub confusion: Confusion,
    pub all: SpanMatch,
    pub kinds: [SpanMatch; 3],
    pub sources: SourceAgreement,
}

impl PairRaw {
    pub(crate) fn empty() -> PairRaw {
        let zero = SpanMatch {
            a: 0,
            b: 0,
            exact: 0,
            overlap: 0,
        };
        PairRaw {
            confusion: Confusion::new(LABELS.len()),
            all: zero,
            kinds: [zero; 3],
            sources: SourceAgreement::default(),
        }
    }

    /// The same counts with `a` and `b` swapped.
    pub(crate) fn transposed(self) -> PairRaw {
        let n = self.confusion.counts.len();
        let mut confusion = Confusion::new(n);
        for (x, row) in self.confusion.counts.iter().enumerate() {
            for (y, &v) in row.iter().enumerate() {
                confusion.counts[y][x] = v;
            }
        }
        let swap = |m: SpanMatch| SpanMatch {
            a: m.b,
            b: m.a,
            ..m
        };
        let mut sources = self.sources;
        for d in &mut sources.differences {
            std::mem::swap(&mut d.a, &mut d.b);
        }
        PairRaw {
            confusion,
            all: swap(self.all),
            kinds: self.kinds.map(swap),
            sources,
        }
    }

    pub(crate) fn add(&mut self, o: &PairRaw) {
        for (row, other) in self.confusion.counts.iter_mut().zip(&o.confusion.counts) {
            for (x, y) in row.iter_mut().zip(other) {
                *x += y;
            }
        }
        self.all += o.all;
        for (x, y) in self.kinds.iter_mut().zip(o.kinds) {
            *x += y;
        }
        self.sources.add(&o.sources);
    }

    pub(crate) fn pair(self, a: &str, b: &str, unit: Unit) -> Pair {
        Pair {
            a: a.to_owned(),
            b: b.to_owned(),
            compared: (0, 0),
            articles: None,
            cohen_kappa: if unit == Unit::Span {
                None
            } else {
                self.confusion.cohen_kappa()
            },
            span_f1_exact: self.all.f1_exact(),
            span_f1_overlap: self.all.f1_overlap(),
            claims_a: self.all.a,
            claims_b: self.all.b,
            matches_exact: self.all.exact,
            matches_overlap: self.all.overlap,
            by_kind: PerKind::from_array(self.kinds.map(KindF1::from)),
            sources: self.sources,
            confusion: if unit == Unit::Span {
                Vec::new()
            } else {
                self.confusion.counts
            },
        }
    }
}

/// The counts of one pair of coders over the compared paragraphs.
pub(crate) fn pair_raw(
    la: &[usize],
    lb: &[usize],
    a: &AnnotationSet,
    b: &AnnotationSet,
    compared: &Compared,
    opts: &Options,
) -> PairRaw {
    let mut confusion = Confusion::new(LABELS.len());
    for (&x, &y) in la.iter().zip(lb) {
        confusion.add(x, y);
    }
    let ca = claims_in(a, compared);
    let cb = claims_in(b, compared);
    let all = match_spans(&spans(&ca, None), &spans(&cb, None));
    let kinds = Kind::ALL.map(|k| match_spans(&spans(&ca, Some(k)), &spans(&cb, Some(k))));
    PairRaw {
        confusion,
        all,
        kinds,
        sources: source_agreement(&ca, &cb, opts.source_key),
    }
}

/// A figure for people: four decimals, or `n/a` when undefined.
pub(crate) fn fig(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.4}"))
}

/// The report for people.
pub fn render_text(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.article, r.title);
    let _ = writeln!(out, "annotators: {}", r.annotators.join(", "));
    let _ = writeln!(out, "compared: {}", r.compared.note);
    match &r.unitizing {
        None => {
            let _ = writeln!(out, "unit: {} ({} units)", r.unit.as_str(), r.units);
            let _ = writeln!(
                out,
                "Krippendorff's alpha (nominal, all annotators): {}",
                fig(r.krippendorff_alpha)
            );
        }
        Some(u) => {
            let _ = writeln!(out, "unit: span (a continuum of {} characters)", r.units);
            let _ = writeln!(
                out,
                "Krippendorff's unitizing alpha (all kinds, all annotators): {}",
                fig(r.krippendorff_alpha)
            );
            for k in Kind::ALL {
                let x = u.get(k);
                let _ = writeln!(
                    out,
                    "  {:<12}{}  (observed {:.6}, expected {:.6})",
                    k.as_str(),
                    fig(x.alpha),
                    x.observed,
                    x.expected
                );
            }
        }
    }
    if r.pairs.len() > 1 {
        out.push_str(&pair_table(r));
    }
    for p in &r.pairs {
        let _ = write!(out, "\n{} vs {}", p.a, p.b);
        if p.compared != (r.compared.first, r.compared.last) {
            let _ = write!(
                out,
                " (compared {})",
                para_range(p.compared.0, p.compared.1)
            );
        }
        out.push('\n');
        if r.unitizing.is_none() {
            let _ = writeln!(out, "  Cohen's kappa    {}", fig(p.cohen_kappa));
        }
        let _ = writeln!(
            out,
            "  span F1 exact    {}  ({} matched; {} + {} claims)",
            fig(p.span_f1_exact),
            p.matches_exact,
            p.claims_a,
            p.claims_b
        );
        let _ = writeln!(
            out,
            "  span F1 overlap  {}  ({} matched)",
            fig(p.span_f1_overlap),
            p.matches_overlap
        );
        kind_table(&mut out, &p.by_kind);
        out.push_str(&sources_text(&p.sources));
        if p.confusion.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  confusion ({} units; rows {}, columns {})",
            r.unit.as_str(),
            p.a,
            p.b
        );
        let width = p
            .confusion
            .iter()
            .flatten()
            .map(|n| n.to_string().len())
            .max()
            .unwrap_or(1)
            .max(9)
            + 1;
        let mut head = format!("  {:<11}", "");
        for l in LABELS {
            let _ = write!(head, "{l:>width$}");
        }
        let _ = writeln!(out, "{}", head.trim_end());
        for (l, row) in LABELS.iter().zip(&p.confusion) {
            let mut line = format!("  {l:<11}");
            for n in row {
                let _ = write!(line, "{n:>width$}");
            }
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// `  sources          0.8000  (4 of 5 matched claims name the same source)`
/// and the first differences.
/// One kind's figures as a row of a text report's table by kind.
pub(crate) trait KindRow<const N: usize> {
    /// Each column's heading and width.
    const COLUMNS: [(&'static str, usize); N];
    fn cells(&self) -> [String; N];
}

/// A table by kind as the text reports print it: a header row, then a row
/// a kind, its name in twelve columns and each figure right-aligned in its
/// column's width.
pub(crate) fn kind_table<const N: usize, T: KindRow<N>>(out: &mut String, by_kind: &PerKind<T>) {
    use std::fmt::Write;
    let mut row = |name: &str, cells: [String; N]| {
        let _ = write!(out, "  {name:<12}");
        for (cell, (_, width)) in cells.iter().zip(T::COLUMNS) {
            let _ = write!(out, "{cell:>width$}");
        }
        out.push('\n');
    };
    row("by kind", T::COLUMNS.map(|(heading, _)| heading.to_owned()));
    for k in Kind::ALL {
        row(k.as_str(), by_kind.get(k).cells());
    }
}

pub(crate) fn sources_text(s: &SourceAgreement) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  sources          {}  ({} of {} matched claims with a source name the same one)",
        fig(s.rate),
        s.same,
        s.compared
    );
    const SHOWN: usize = 5;
    for d in s.differences.iter().take(SHOWN) {
        let name = |x: &Option<String>| {
            x.as_deref().map_or_else(
                || "(none)".to_owned(),
                |s| format!("“{}”", crate::sanitize::line(s)),
            )
        };
        let _ = writeln!(
            out,
            "    ¶{}: {} vs {}",
            d.paragraph,
            name(&d.a),
            name(&d.b)
        );
    }
    if s.differences.len() > SHOWN {
        let _ = writeln!(out, "    … and {} more", s.differences.len() - SHOWN);
    }
    out
}

/// `a vs b` of each pair, and the width of the longest (at least 4).
pub(crate) fn pair_names(pairs: &[Pair]) -> (Vec<String>, usize) {
    let names: Vec<String> = pairs
        .iter()
        .map(|p| format!("{} vs {}", p.a, p.b))
        .collect();
    let w = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    (names, w)
}

/// Every pair on one line each, before the details: for three or more
/// annotators, who agrees with whom at a glance.
fn pair_table(r: &Report) -> String {
    use std::fmt::Write;
    let (names, w) = pair_names(&r.pairs);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{:<w$}  {:>7}  {:>10}  {:>7}",
        "pair",
        if r.unitizing.is_none() { "kappa" } else { "" },
        "F1 overlap",
        "sources"
    );
    for (n, p) in names.iter().zip(&r.pairs) {
        let kappa = if r.unitizing.is_none() {
            fig(p.cohen_kappa)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{n:<w$}  {kappa:>7}  {:>10}  {:>7}",
            fig(p.span_f1_overlap),
            fig(p.sources.rate)
        );
    }
    out
}

/// The report for tools (PRODUCT.md's contract, plus more keys).
pub fn render_json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Paragraph;
    use crate::loc::Loc;

    fn article(paras: &[&str]) -> Article {
        let ps = paras
            .iter()
            .map(|t| Paragraph::new((*t).to_owned(), false))
            .collect();
        Article::new("t".into(), "T".into(), "t.txt".into(), ps)
    }

    /// A claim in paragraph number `n`.
    fn claim(a: &Article, n: usize, start: usize, end: usize, kind: Kind) -> Claim {
        let para = Para::from_number(n).unwrap();
        Claim::new(Loc::new(para, start, end), &a[para], kind)
    }

    #[test]
    fn overlapping_claims_label_by_latest_start_then_shorter() {
        let a = article(&["abcdefghij"]);
        let claims = [
            claim(&a, 1, 0, 10, Kind::Sourced),
            claim(&a, 1, 2, 8, Kind::Anonymous),
            claim(&a, 1, 2, 4, Kind::Editorial),
        ];
        assert_eq!(
            unit_labels(&a, &claims, Unit::Char),
            [1, 1, 3, 3, 2, 2, 2, 2, 1, 1]
        );
    }

    #[test]
    fn sources_fold_case_apostrophes_spacing_and_a_leading_article() {
        let same = |a: &str, b: &str| crate::sources::fold(a) == crate::sources::fold(b);
        assert!(same(
            "Pakistan's representatives",
            "Pakistan’s  Representatives"
        ));
        assert!(same("the port authority", "Port Authority."));
        assert!(same("An official", "official"));
        assert!(!same(
            "Pakistani representatives",
            "Pakistan's representatives"
        ));
        // A one-word source keeps its article: "The" alone is not folded away.
        assert_eq!(crate::sources::fold("The"), "the");
    }

    #[test]
    fn a_claim_past_where_the_cursor_stopped_was_read_too() {
        let a = article(&["One.", "Two.", "Three.", "Four.", "Five."]);
        let mut set = AnnotationSet::new(&a, "Jo", None);
        set.annotator.position = Some(2);
        assert_eq!(reach("jo", &set, 5).last, 2);
        set.claims.push(claim(&a, 4, 0, 5, Kind::Editorial));
        let r = reach("jo", &set, 5);
        assert_eq!((r.read, r.last), (Read::Stopped, 4));
        set.annotator.position = Some(9);
        assert_eq!(reach("jo", &set, 5).last, 5, "cut to the article");
    }

    #[test]
    fn sentences_take_the_majority_kind() {
        let a = article(&["One two. Three four five. Six."]);
        // "One two." 0..8, "Three four five." 9..25, "Six." 26..30
        let claims = [
            claim(&a, 1, 0, 5, Kind::Editorial), // 5 of 8: majority
            claim(&a, 1, 9, 17, Kind::Sourced),  // 8 of 16: not more than half
        ];
        assert_eq!(unit_labels(&a, &claims, Unit::Sentence), [3, 0, 0]);
    }
}
