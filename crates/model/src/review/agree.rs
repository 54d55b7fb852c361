//! `byline agree`: how far annotators of one article agree. Pure: takes a
//! loaded article and annotation sets, returns a report; rendering is
//! separate.

use super::metrics::{
    Alpha, Confusion, LabelledSpan, SpanMatch, Unitizing, match_spans, unitizing_alpha,
};
use crate::annotation::{AnnotationSet, Claim, Kind, overlap};
use crate::article::Article;
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
    pub units: usize,
    /// The unit labels, in the order of confusion matrix rows and columns.
    pub labels: [&'static str; 4],
    /// Nominal alpha over all annotators; `None` (JSON `null`) when
    /// undefined.
    pub krippendorff_alpha: Option<f64>,
    /// With `--unit span`: unitizing alpha per kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unitizing: Option<UnitizingByKind>,
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
pub struct UnitizingByKind {
    pub sourced: UnitizingKind,
    pub anonymous: UnitizingKind,
    pub editorial: UnitizingKind,
}

impl UnitizingByKind {
    pub fn get(&self, k: Kind) -> &UnitizingKind {
        match k {
            Kind::Sourced => &self.sourced,
            Kind::Anonymous => &self.anonymous,
            Kind::Editorial => &self.editorial,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub cohen_kappa: Option<f64>,
    pub span_f1_exact: Option<f64>,
    pub span_f1_overlap: Option<f64>,
    pub claims_a: usize,
    pub claims_b: usize,
    pub matches_exact: usize,
    pub matches_overlap: usize,
    pub by_kind: ByKind,
    /// Rows are `a`'s labels, columns `b`'s, both in [`LABELS`] order.
    pub confusion: Vec<Vec<u64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ByKind {
    pub sourced: KindF1,
    pub anonymous: KindF1,
    pub editorial: KindF1,
}

impl ByKind {
    pub fn get(&self, k: Kind) -> &KindF1 {
        match k {
            Kind::Sourced => &self.sourced,
            Kind::Anonymous => &self.anonymous,
            Kind::Editorial => &self.editorial,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindF1 {
    pub claims_a: usize,
    pub claims_b: usize,
    pub f1_exact: Option<f64>,
    pub f1_overlap: Option<f64>,
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
    let mut out = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let mut chars = vec![0usize; p.char_len()];
        let here: Vec<&Claim> = claims.iter().filter(|c| c.paragraph == i + 1).collect();
        let spans: Vec<std::ops::Range<usize>> = here
            .iter()
            .map(|c| {
                let end = c.end.min(chars.len());
                c.start.min(end)..end
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

fn spans(claims: &[Claim], kind: Option<Kind>) -> Vec<LabelledSpan> {
    claims
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .map(|c| LabelledSpan {
            paragraph: c.paragraph,
            start: c.start,
            end: c.end,
            label: label_of(c.kind),
        })
        .collect()
}

/// One coder's units of `kind` on the article as one continuum (paragraphs
/// end to end), as `(begin, length)`; overlapping claims of the kind merge,
/// since one coder's units of a category cannot overlap.
fn continuum_units(article: &Article, claims: &[Claim], kind: Kind) -> Vec<(u64, u64)> {
    let mut offset = Vec::with_capacity(article.len());
    let mut at = 0u64;
    for p in &article.paragraphs {
        offset.push(at);
        at += p.char_len() as u64;
    }
    let mut spans: Vec<(u64, u64)> = claims
        .iter()
        .filter(|c| c.kind == kind)
        .filter_map(|c| {
            let i = c.paragraph.checked_sub(1)?;
            let len = article.paragraphs.get(i)?.char_len();
            let (s, e) = (c.start.min(len), c.end.min(len));
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
fn unitizing(article: &Article, coders: &[Coder]) -> (UnitizingByKind, Option<f64>) {
    let length: u64 = article.paragraphs.iter().map(|p| p.char_len() as u64).sum();
    let kind = |k| {
        let units: Vec<Vec<(u64, u64)>> = coders
            .iter()
            .map(|c| continuum_units(article, &c.set.claims, k))
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
    let [sourced, anonymous, editorial] = all.map(UnitizingKind::from);
    (
        UnitizingByKind {
            sourced,
            anonymous,
            editorial,
        },
        overall,
    )
}

/// Measures agreement among two or more coders of `article`. The caller
/// has checked that every set belongs to this article and its text.
pub fn measure(article: &Article, coders: &[Coder], unit: Unit) -> Report {
    let labels: Vec<Vec<usize>> = coders
        .iter()
        .map(|c| unit_labels(article, &c.set.claims, unit))
        .collect();
    let mut units = labels.first().map_or(0, Vec::len);
    let mut alpha = Alpha::new();
    for u in 0..units {
        alpha.add_unit(labels.iter().map(|l| Some(l[u])));
    }
    let mut alpha_value = alpha.value();
    let mut by_kind_unitizing = None;
    if unit == Unit::Span {
        let (by_kind, overall) = unitizing(article, coders);
        by_kind_unitizing = Some(by_kind);
        alpha_value = overall;
        units = article.paragraphs.iter().map(|p| p.char_len()).sum();
    }
    let mut pairs = Vec::new();
    for i in 0..coders.len() {
        for j in i + 1..coders.len() {
            let mut confusion = Confusion::new(LABELS.len());
            for (&x, &y) in labels[i].iter().zip(&labels[j]) {
                confusion.add(x, y);
            }
            let (ca, cb) = (&coders[i].set.claims, &coders[j].set.claims);
            let all = match_spans(&spans(ca, None), &spans(cb, None));
            let kind = |k| KindF1::from(match_spans(&spans(ca, Some(k)), &spans(cb, Some(k))));
            pairs.push(Pair {
                a: coders[i].name.clone(),
                b: coders[j].name.clone(),
                cohen_kappa: if unit == Unit::Span {
                    None
                } else {
                    confusion.cohen_kappa()
                },
                span_f1_exact: all.f1_exact(),
                span_f1_overlap: all.f1_overlap(),
                claims_a: all.a,
                claims_b: all.b,
                matches_exact: all.exact,
                matches_overlap: all.overlap,
                by_kind: ByKind {
                    sourced: kind(Kind::Sourced),
                    anonymous: kind(Kind::Anonymous),
                    editorial: kind(Kind::Editorial),
                },
                confusion: if unit == Unit::Span {
                    Vec::new()
                } else {
                    confusion.counts
                },
            });
        }
    }
    Report {
        article: article.id.clone(),
        title: article.title.clone(),
        annotators: coders.iter().map(|c| c.name.clone()).collect(),
        unit,
        units,
        labels: LABELS,
        krippendorff_alpha: alpha_value,
        unitizing: by_kind_unitizing,
        pairs,
    }
}

/// A figure for people: four decimals, or `n/a` when undefined.
fn fig(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.4}"))
}

/// The report for people.
pub fn render_text(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.article, r.title);
    let _ = writeln!(out, "annotators: {}", r.annotators.join(", "));
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
    for p in &r.pairs {
        let _ = writeln!(out, "\n{} vs {}", p.a, p.b);
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
        let _ = writeln!(
            out,
            "  {:<12}{:>10}{:>10}{:>10}{:>12}",
            "by kind", "claims a", "claims b", "F1 exact", "F1 overlap"
        );
        for k in Kind::ALL {
            let f = p.by_kind.get(k);
            let _ = writeln!(
                out,
                "  {:<12}{:>10}{:>10}{:>10}{:>12}",
                k.as_str(),
                f.claims_a,
                f.claims_b,
                fig(f.f1_exact),
                fig(f.f1_overlap)
            );
        }
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

    fn article(paras: &[&str]) -> Article {
        let ps = paras
            .iter()
            .map(|t| Paragraph::new((*t).to_owned(), false))
            .collect();
        Article::new("t".into(), "T".into(), "t.txt".into(), ps)
    }

    fn claim(a: &Article, para: usize, start: usize, end: usize, kind: Kind) -> Claim {
        Claim::new(para, &a.paragraphs[para - 1], start, end, kind)
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
