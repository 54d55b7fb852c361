//! `--format json`: PRODUCT.md's keys plus the metrics of the summary.
//! Key names are a contract (docs/export.md); add keys, never rename.

use super::{ArticleSummary, Corpus, Group, Metric, SourceCount, Spread, Tally};
use byline_model::annotation::{Kind, KindCounts};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::io::Write;

/// The value of the top-level `format` key.
pub const FORMAT: &str = "byline-export/1";

/// `{"sourced": …, "anonymous": …, "editorial": …}`
#[derive(Serialize)]
struct PerKind<T> {
    sourced: T,
    anonymous: T,
    editorial: T,
}

impl<T> PerKind<T> {
    fn new(f: impl Fn(Kind) -> T) -> Self {
        PerKind {
            sourced: f(Kind::Sourced),
            anonymous: f(Kind::Anonymous),
            editorial: f(Kind::Editorial),
        }
    }
}

fn counts(c: &KindCounts) -> PerKind<usize> {
    PerKind::new(|k| c.get(k))
}

#[derive(Serialize)]
struct SourceJson<'a> {
    name: &'a str,
    kind: Kind,
    count: usize,
}

fn sources(s: &[SourceCount]) -> Vec<SourceJson<'_>> {
    s.iter()
        .map(|s| SourceJson {
            name: &s.name,
            kind: s.kind,
            count: s.count,
        })
        .collect()
}

#[derive(Serialize)]
struct ClaimRefJson<'a> {
    #[serde(flatten)]
    at: byline_model::Loc,
    id: Option<&'a str>,
}

/// The claims of a tally, counted and shared out by kind.
#[derive(Serialize)]
struct ClaimsJson {
    claims: usize,
    by_kind: PerKind<usize>,
    share_by_claims: PerKind<Option<f64>>,
    chars_by_kind: PerKind<usize>,
    share_by_chars: PerKind<Option<f64>>,
    anonymity_ratio: Option<f64>,
}

impl ClaimsJson {
    fn of(t: &Tally) -> ClaimsJson {
        ClaimsJson {
            claims: t.claims(),
            by_kind: counts(&t.by_kind),
            share_by_claims: PerKind::new(|k| t.share_by_claims(k)),
            chars_by_kind: counts(&t.chars_by_kind),
            share_by_chars: PerKind::new(|k| t.share_by_chars(k)),
            anonymity_ratio: t.anonymity_ratio(),
        }
    }
}

/// Metrics that need the article text; an article without it leaves them
/// out as a whole.
#[derive(Serialize)]
struct TextJson {
    words: usize,
    sentences: usize,
    editorial_sentences: usize,
    editorial_per_100_words: Option<f64>,
    editorial_sentence_share: Option<f64>,
}

impl TextJson {
    fn of(t: &Tally) -> TextJson {
        TextJson {
            words: t.words,
            sentences: t.sentences,
            editorial_sentences: t.editorial_sentences,
            editorial_per_100_words: t.editorial_per_100_words(),
            editorial_sentence_share: t.editorial_sentence_share(),
        }
    }
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    article: &'a str,
    title: &'a str,
    annotator: &'a str,
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    file: &'a str,
    text: &'static str,
    #[serde(flatten)]
    claims: ClaimsJson,
    sources: Vec<SourceJson<'a>>,
    claims_without_source: usize,
    top_source_share: Option<f64>,
    effective_sources: Option<f64>,
    paragraphs: usize,
    paragraphs_with_claims: usize,
    paragraphs_without_claims: Vec<usize>,
    lead_paragraphs: &'a [usize],
    in_lead: PerKind<usize>,
    anonymous_lead_share: Option<f64>,
    editorial_lead_share: Option<f64>,
    needs_review: usize,
    needs_review_claims: Vec<ClaimRefJson<'a>>,
    /// Colleagues' reviews of this file: reviewed, agreed, disputed, by kind.
    reviews: &'a [byline_model::review::summary::ReviewSummary],
    /// Claims per kind in each paragraph, element 0 being paragraph 1.
    by_paragraph: PerKind<Vec<usize>>,
    #[serde(flatten)]
    text_metrics: Option<TextJson>,
}

fn article(a: &ArticleSummary) -> ArticleJson<'_> {
    let t = &a.tally;
    ArticleJson {
        article: &a.article,
        title: &a.title,
        annotator: &a.annotator,
        outlet: a.outlet.as_deref(),
        author: a.author.as_deref(),
        file: &a.file,
        text: a.text.key(),
        claims: ClaimsJson::of(t),
        sources: sources(&a.sources),
        claims_without_source: t.claims_without_source,
        top_source_share: a.top_source_share(),
        effective_sources: a.effective_sources(),
        paragraphs: t.paragraphs,
        paragraphs_with_claims: t.paragraphs_with_claims,
        paragraphs_without_claims: a.paragraphs_without_claims(),
        lead_paragraphs: &a.lead,
        in_lead: counts(&t.in_lead),
        anonymous_lead_share: t.lead_share(Kind::Anonymous),
        editorial_lead_share: t.lead_share(Kind::Editorial),
        needs_review: t.needs_review,
        reviews: &a.reviews,
        needs_review_claims: a
            .needs_review
            .iter()
            .map(|c| ClaimRefJson {
                at: c.at,
                id: c.id.as_deref(),
            })
            .collect(),
        by_paragraph: PerKind::new(|k| a.by_paragraph.iter().map(|c| c.get(k)).collect()),
        text_metrics: a.has_text().then(|| TextJson::of(t)),
    }
}

#[derive(Serialize)]
struct SpreadJson {
    n: usize,
    median: Option<f64>,
    q1: Option<f64>,
    q3: Option<f64>,
    iqr: Option<f64>,
}

/// `{"anonymity_ratio": {…}, …}` in [`Metric::ALL`] order.
struct Distribution<'a>(&'a Group);

impl Serialize for Distribution<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Metric::ALL.len()))?;
        for m in Metric::ALL {
            let Spread { n, median, q1, q3 } = self.0.spread(m);
            let iqr = self.0.spread(m).iqr();
            map.serialize_entry(
                m.key(),
                &SpreadJson {
                    n,
                    median,
                    q1,
                    q3,
                    iqr,
                },
            )?;
        }
        map.end()
    }
}

/// Pooled figures of a group (Σ numerators / Σ denominators).
#[derive(Serialize)]
struct GroupJson<'a> {
    /// Entries in `articles`: one annotator's file on one article.
    articles: usize,
    /// Of `articles`, those marked done (`annotator.done`), and not.
    done: usize,
    not_done: usize,
    distinct_articles: usize,
    annotators: usize,
    outlets: usize,
    #[serde(flatten)]
    claims: ClaimsJson,
    claims_without_source: usize,
    paragraphs: usize,
    paragraphs_with_claims: usize,
    in_lead: PerKind<usize>,
    anonymous_lead_share: Option<f64>,
    editorial_lead_share: Option<f64>,
    needs_review: usize,
    articles_with_text: usize,
    #[serde(flatten)]
    text: TextJson,
    distribution: Distribution<'a>,
    /// 95% bootstrap intervals over entries (`interval.rs`).
    anonymity_ratio_ci95: Option<[f64; 2]>,
    editorial_per_100_words_ci95: Option<[f64; 2]>,
}

fn group(g: &Group) -> GroupJson<'_> {
    let t: &Tally = &g.tally;
    GroupJson {
        articles: t.files,
        done: t.done,
        not_done: t.files - t.done,
        distinct_articles: g.distinct_articles,
        annotators: g.annotators,
        outlets: g.outlets,
        claims: ClaimsJson::of(t),
        claims_without_source: t.claims_without_source,
        paragraphs: t.paragraphs,
        paragraphs_with_claims: t.paragraphs_with_claims,
        in_lead: counts(&t.in_lead),
        anonymous_lead_share: t.lead_share(Kind::Anonymous),
        editorial_lead_share: t.lead_share(Kind::Editorial),
        needs_review: t.needs_review,
        articles_with_text: t.with_text,
        text: TextJson::of(t),
        distribution: Distribution(g),
        anonymity_ratio_ci95: g.intervals.anonymity_ratio.map(|i| [i.lo, i.hi]),
        editorial_per_100_words_ci95: g.intervals.editorial_per_100_words.map(|i| [i.lo, i.hi]),
    }
}

#[derive(Serialize)]
struct TotalsJson<'a> {
    #[serde(flatten)]
    group: GroupJson<'a>,
    sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
struct AnnotatorJson<'a> {
    annotator: &'a str,
    #[serde(flatten)]
    group: GroupJson<'a>,
}

#[derive(Serialize)]
struct OutletJson<'a> {
    outlet: &'a str,
    #[serde(flatten)]
    group: GroupJson<'a>,
}

/// One article's object, compact, as a line of the export.
pub fn article_line(a: &ArticleSummary) -> Vec<u8> {
    // Serialising plain structs to memory does not fail.
    serde_json::to_vec(&article(a)).unwrap_or_default()
}

/// Writes the export as one JSON object, compact, with each entry of a
/// list on a line of its own: a 5,000-article corpus stays small, and
/// `grep` and line diffs still work. Pipe it to `jq .` to read it.
/// Articles stream out as they are summarised; totals come last.
#[derive(Default)]
pub struct Stream {
    articles: usize,
}

fn list<T: Serialize>(
    out: &mut dyn Write,
    key: &str,
    items: impl Iterator<Item = T>,
) -> std::io::Result<()> {
    write!(out, "\"{key}\":[")?;
    for (i, item) in items.enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"\n]")
}

/// `"key":[…]`, a group's figures a line, each under its name as `named`
/// puts it (`"annotator":…`, `"outlet":…`).
fn named_groups<'a, T: Serialize>(
    out: &mut dyn Write,
    key: &str,
    groups: &'a [Group],
    named: impl Fn(&'a str, GroupJson<'a>) -> T,
) -> std::io::Result<()> {
    list(out, key, groups.iter().map(|g| named(&g.name, group(g))))
}

impl Stream {
    pub fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{{\"format\":\"{FORMAT}\",")?;
        out.write_all(b"\"articles\":[")
    }

    /// One line made by [`article_line`].
    pub fn article(&mut self, out: &mut dyn Write, line: &[u8]) -> std::io::Result<()> {
        out.write_all(if self.articles == 0 { b"\n" } else { b",\n" })?;
        out.write_all(line)?;
        self.articles += 1;
        Ok(())
    }

    pub fn end(self, out: &mut dyn Write, corpus: &Corpus) -> std::io::Result<()> {
        out.write_all(b"\n],\n\"totals\":")?;
        let totals = TotalsJson {
            group: group(&corpus.totals),
            sources: sources(&corpus.sources),
        };
        serde_json::to_writer(&mut *out, &totals)?;
        out.write_all(b",\n")?;
        named_groups(
            out,
            "by_annotator",
            &corpus.by_annotator,
            |annotator, group| AnnotatorJson { annotator, group },
        )?;
        out.write_all(b",\n")?;
        named_groups(out, "by_outlet", &corpus.by_outlet, |outlet, group| {
            OutletJson { outlet, group }
        })?;
        registry(out, corpus)?;
        out.write_all(b"}\n")
    }
}

#[derive(Serialize)]
struct RegistryJson<'a> {
    path: &'a str,
    used: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct TypeJson<'a> {
    #[serde(rename = "type")]
    id: &'a str,
    label: &'a str,
    claims: usize,
    share: Option<f64>,
}

#[derive(Serialize)]
struct TypeRowJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    attributed: usize,
    by_type: Vec<TypeJson<'a>>,
}

fn type_row<'a>(
    t: &'a super::SourceTypes,
    outlet: Option<&'a str>,
    c: &'a super::TypeCounts,
) -> TypeRowJson<'a> {
    TypeRowJson {
        outlet,
        attributed: c.total,
        by_type: t
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| TypeJson {
                id: &col.id,
                label: &col.label,
                claims: c.counts.get(i).copied().unwrap_or(0),
                share: c.share(i),
            })
            .collect(),
    }
}

/// `sources_registry` and `source_types` (docs/export.md), only when the
/// export found a registry: without one the object is as it always was.
fn registry(out: &mut dyn Write, corpus: &Corpus) -> std::io::Result<()> {
    let reg = match &corpus.registry {
        super::RegistryUse::None => return Ok(()),
        super::RegistryUse::Used { path } => RegistryJson {
            path,
            used: true,
            error: None,
        },
        super::RegistryUse::Failed { path, message } => RegistryJson {
            path,
            used: false,
            error: Some(message),
        },
    };
    out.write_all(b",\n\"sources_registry\":")?;
    serde_json::to_writer(&mut *out, &reg)?;
    if let Some(t) = &corpus.types {
        out.write_all(b",\n\"source_types\":")?;
        serde_json::to_writer(&mut *out, &type_row(t, None, &t.totals))?;
        out.write_all(b",\n")?;
        list(
            out,
            "source_types_by_outlet",
            t.by_outlet
                .iter()
                .map(|(name, c)| type_row(t, Some(name), c)),
        )?;
    }
    Ok(())
}
