//! `byline agree`: how far annotators of one article agree. Pure: takes a
//! loaded article and annotation sets, returns a report; rendering is
//! separate.

use super::metrics::{Alpha, Confusion, LabelledSpan, SpanMatch, match_spans};
use crate::annotation::{AnnotationSet, Claim, Kind};
use crate::article::Article;
use serde::Serialize;

/// What one unit of agreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Every character of every paragraph.
    Char,
    /// Every sentence (UAX #29), labelled with the kind that covers more
    /// than half of its characters, else `none`.
    Sentence,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Char => "char",
            Unit::Sentence => "sentence",
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
    pub pairs: Vec<Pair>,
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
        let mut here: Vec<&Claim> = claims.iter().filter(|c| c.paragraph == i + 1).collect();
        // Painted in order, the later claim wins: start ascending, and on a
        // tie the longer first so the shorter paints last.
        here.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        for c in here {
            let end = c.end.min(chars.len());
            let start = c.start.min(end);
            chars[start..end].fill(label_of(c.kind));
        }
        match unit {
            Unit::Char => out.extend(chars),
            Unit::Sentence => {
                for s in p.sentences() {
                    out.push(majority(&chars[s]));
                }
            }
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

/// Measures agreement among two or more coders of `article`. The caller
/// has checked that every set belongs to this article and its text.
pub fn measure(article: &Article, coders: &[Coder], unit: Unit) -> Report {
    let labels: Vec<Vec<usize>> = coders
        .iter()
        .map(|c| unit_labels(article, &c.set.claims, unit))
        .collect();
    let units = labels.first().map_or(0, Vec::len);
    let mut alpha = Alpha::new();
    for u in 0..units {
        alpha.add_unit(labels.iter().map(|l| Some(l[u])));
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
                cohen_kappa: confusion.cohen_kappa(),
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
                confusion: confusion.counts,
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
        krippendorff_alpha: alpha.value(),
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
    let _ = writeln!(out, "unit: {} ({} units)", r.unit.as_str(), r.units);
    let _ = writeln!(
        out,
        "Krippendorff's alpha (nominal, all annotators): {}",
        fig(r.krippendorff_alpha)
    );
    for p in &r.pairs {
        let _ = writeln!(out, "\n{} vs {}", p.a, p.b);
        let _ = writeln!(out, "  Cohen's kappa    {}", fig(p.cohen_kappa));
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
