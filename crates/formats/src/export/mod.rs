//! `byline export`: summaries of one article or a whole corpus.
//!
//! This file is the pure part: it turns one annotator's claims (and, when
//! it is at hand, the article text) into an [`ArticleSummary`], and a list of
//! those into a [`Corpus`]. It does no I/O and knows nothing about output
//! formats, so the three renderers and the TUI's summary view show the same
//! numbers. Reading files, the article cache and progress live in
//! `collect`; each format has its own renderer.
//!
//! Definitions (docs/export.md has them for users):
//! - Characters covered: where claims of one file overlap, the claim that
//!   starts last labels a character (ties: the shorter one), the rule
//!   `byline agree` uses, so shares by characters add up to one.
//! - Ratios are `None` when their denominator is zero. Corpus and group
//!   ratios are pooled: Σ numerators / Σ denominators.

pub mod agreement;
mod collect;
mod csv;
mod html;
pub mod interchange;
pub mod interval;
mod json;
mod markdown;
mod perfile;
mod table;

pub use collect::{Format, Options, Progress, Reporter, run, tidy};

use byline_model::annotation::{AnnotationSet, Claim, Kind, KindCounts, overlap};
use byline_model::article::{Article, normalize_block};
use byline_model::sources::{self, Registry};
use byline_model::{Loc, Para};
use byline_store::annotator_slug;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The paragraphs counted as "the lead": the headline and this many after it.
pub const LEAD_BODY_PARAGRAPHS: usize = 3;

/// Drawn for a paragraph that holds no claim of a kind (strip views).
pub const STRIP_EMPTY: char = '·';

/// What the article text gave this summary, or why there was none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextStatus {
    /// The text was read and matches the annotations.
    Ok,
    /// No text was passed in (a caller that only has the annotations).
    NotGiven,
    /// The annotation file has no `article.path`.
    NoPath,
    /// `article.path` names a file that does not exist.
    Missing { path: String },
    /// The file exists but could not be read as an article.
    Unreadable { path: String, message: String },
    /// The text differs from the one annotated (sha256 or paragraph count),
    /// so offsets cannot be trusted; `why` says which, in words.
    Changed { path: String, why: String },
}

impl TextStatus {
    /// The stable JSON/CSV name.
    pub fn key(&self) -> &'static str {
        match self {
            TextStatus::Ok => "ok",
            TextStatus::NotGiven => "not-given",
            TextStatus::NoPath => "no-path",
            TextStatus::Missing { .. } => "missing",
            TextStatus::Unreadable { .. } => "unreadable",
            TextStatus::Changed { .. } => "changed",
        }
    }

    /// Why text metrics are missing, in words; `None` when they are not.
    pub fn reason(&self) -> Option<String> {
        match self {
            TextStatus::Ok => None,
            TextStatus::NotGiven => Some("the article text was not given".into()),
            TextStatus::NoPath => Some("the annotation file has no article.path".into()),
            TextStatus::Missing { path } => Some(format!("the article text {path} was not found")),
            TextStatus::Unreadable { message, .. } => Some(message.clone()),
            TextStatus::Changed { path, .. } => Some(format!(
                "the article text {path} changed since it was annotated"
            )),
        }
    }
}

/// What a summary needs from one paragraph of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphStats {
    pub chars: usize,
    pub words: usize,
    pub sentences: Vec<Range<usize>>,
    pub heading: bool,
    /// Not marked as a heading, but reads as one (a short line without
    /// sentence punctuation in plain text).
    pub subheading: bool,
}

/// What a summary needs from an article: far smaller than the text, so an
/// export can keep many of them cached while annotators share an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextStats {
    pub sha256: String,
    pub paragraphs: Vec<ParagraphStats>,
}

impl TextStats {
    pub fn new(article: &Article) -> TextStats {
        TextStats {
            sha256: article.sha256().to_owned(),
            paragraphs: article
                .paragraphs
                .iter()
                .map(|p| ParagraphStats {
                    chars: p.char_len(),
                    // Counted as `Paragraph::words` finds them, without
                    // building the ranges.
                    words: p.text.unicode_word_indices().count(),
                    sentences: p.sentences(),
                    heading: p.heading,
                    // A plain text's subheadings are not marked, but they
                    // are not among the lead's paragraphs either.
                    subheading: !p.heading && p.reads_as_heading(),
                })
                .collect(),
        }
    }

    /// The lead: the headline (the first heading, else
    /// paragraph 1) and the first [`LEAD_BODY_PARAGRAPHS`] paragraphs after
    /// it that are not headings and do not read as one (a plain text's
    /// subheading).
    pub fn lead(&self) -> Vec<Para> {
        let h = self.paragraphs.iter().position(|p| p.heading).unwrap_or(0);
        let mut lead = vec![Para::from_index(h)];
        lead.extend(
            self.paragraphs
                .iter()
                .enumerate()
                .skip(h + 1)
                .filter(|(_, p)| !p.heading && !p.subheading)
                .take(LEAD_BODY_PARAGRAPHS)
                .map(|(i, _)| Para::from_index(i)),
        );
        lead
    }
}

/// Sums over one or more annotation files. An article's summary holds one;
/// a corpus group adds them up, so pooled ratios are Σ numerators / Σ
/// denominators and use the same code as an article's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    /// Files whose annotator marked the article done.
    pub done: usize,
    /// Files whose article text was available; the text sums below cover
    /// only these.
    pub with_text: usize,
    pub by_kind: KindCounts,
    /// Characters labelled with each kind (see the module notes).
    pub chars_by_kind: KindCounts,
    /// Claims in the lead (headline and first paragraphs).
    pub in_lead: KindCounts,
    pub paragraphs: usize,
    pub paragraphs_with_claims: usize,
    pub needs_review: usize,
    /// Sourced and anonymous claims with no `source` given.
    pub claims_without_source: usize,
    pub words: usize,
    pub sentences: usize,
    /// Sentences that an editorial claim overlaps.
    pub editorial_sentences: usize,
    /// Editorial claims of the files with text (the numerator that goes
    /// with `words`).
    pub editorial_with_text: usize,
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

impl Tally {
    pub fn claims(&self) -> usize {
        self.by_kind.total()
    }

    pub fn covered_chars(&self) -> usize {
        self.chars_by_kind.total()
    }

    pub fn share_by_claims(&self, k: Kind) -> Option<f64> {
        ratio(self.by_kind.get(k), self.claims())
    }

    pub fn share_by_chars(&self, k: Kind) -> Option<f64> {
        ratio(self.chars_by_kind.get(k), self.covered_chars())
    }

    /// anonymous / (sourced + anonymous).
    pub fn anonymity_ratio(&self) -> Option<f64> {
        let a = self.by_kind.get(Kind::Anonymous);
        ratio(a, a + self.by_kind.get(Kind::Sourced))
    }

    /// Editorial claims per 100 words of text.
    pub fn editorial_per_100_words(&self) -> Option<f64> {
        if self.with_text == 0 {
            return None;
        }
        ratio(self.editorial_with_text, self.words).map(|r| r * 100.0)
    }

    /// Share of sentences touched by an editorial claim.
    pub fn editorial_sentence_share(&self) -> Option<f64> {
        if self.with_text == 0 {
            return None;
        }
        ratio(self.editorial_sentences, self.sentences)
    }

    /// Share of the claims of kind `k` that sit in the lead.
    pub fn lead_share(&self, k: Kind) -> Option<f64> {
        ratio(self.in_lead.get(k), self.by_kind.get(k))
    }

    pub fn add(&mut self, o: &Tally) {
        self.files += o.files;
        self.done += o.done;
        self.with_text += o.with_text;
        for i in 0..3 {
            self.by_kind.0[i] += o.by_kind.0[i];
            self.chars_by_kind.0[i] += o.chars_by_kind.0[i];
            self.in_lead.0[i] += o.in_lead.0[i];
        }
        self.paragraphs += o.paragraphs;
        self.paragraphs_with_claims += o.paragraphs_with_claims;
        self.needs_review += o.needs_review;
        self.claims_without_source += o.claims_without_source;
        self.words += o.words;
        self.sentences += o.sentences;
        self.editorial_sentences += o.editorial_sentences;
        self.editorial_with_text += o.editorial_with_text;
    }
}

/// One named source or anonymous descriptor and how often it is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    /// The most frequent spelling (ties: the one that sorts first).
    pub name: String,
    pub kind: Kind,
    /// Claims citing it, in every spelling.
    pub count: usize,
    /// The other spellings seen, with their counts, for corpus totals to
    /// merge. Usually empty, so a summary stays small.
    pub other_spellings: Vec<(String, usize)>,
}

impl SourceCount {
    /// Every spelling with its count, `name` first.
    pub fn spellings(&self) -> impl Iterator<Item = (&str, usize)> {
        let others: usize = self.other_spellings.iter().map(|s| s.1).sum();
        std::iter::once((self.name.as_str(), self.count - others))
            .chain(self.other_spellings.iter().map(|(s, n)| (s.as_str(), *n)))
    }
}

/// Where a claim is, for lists such as "needs review".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    pub at: Loc,
    pub id: Option<String>,
}

/// Everything an export says about one annotator's file on one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    /// `article.id`.
    pub article: String,
    pub title: String,
    /// The annotator's name as written in the file.
    pub annotator: String,
    pub outlet: Option<String>,
    /// Who wrote the article (`article.author`).
    pub author: Option<String>,
    /// The annotation file as it was found (empty when summarised in memory).
    pub file: String,
    pub text: TextStatus,
    pub tally: Tally,
    /// Claims per kind in each paragraph; index 0 is paragraph 1.
    pub by_paragraph: Vec<KindCounts>,
    /// Sorted by count (descending), then kind, then name.
    pub sources: Vec<SourceCount>,
    /// The lead's paragraph numbers (from 1), as the reports show them.
    pub lead: Vec<usize>,
    pub needs_review: Vec<ClaimRef>,
    /// Colleagues' reviews of this annotator's file (`*.review.toml` in the
    /// same folder whose `of` is this file), filled by the corpus export.
    pub reviews: Vec<byline_model::review::summary::ReviewSummary>,
}

impl ArticleSummary {
    pub fn claims(&self) -> usize {
        self.tally.claims()
    }

    pub fn has_text(&self) -> bool {
        self.tally.with_text > 0
    }

    /// 1-based numbers of the paragraphs that no claim touches.
    pub fn paragraphs_without_claims(&self) -> Vec<usize> {
        self.by_paragraph
            .iter()
            .enumerate()
            .filter(|(_, c)| c.total() == 0)
            .map(|(i, _)| Para::from_index(i).number())
            .collect()
    }

    fn named_attributions(&self) -> usize {
        self.sources.iter().map(|s| s.count).sum()
    }

    /// The most cited source's share of the attributed claims that name a
    /// source.
    pub fn top_source_share(&self) -> Option<f64> {
        let top = self.sources.iter().map(|s| s.count).max()?;
        ratio(top, self.named_attributions())
    }

    /// 1 / Σp² over the sources' shares of the attributed claims that name
    /// a source: 1 when one source carries everything, n for n equal ones.
    pub fn effective_sources(&self) -> Option<f64> {
        let total = self.named_attributions();
        if total == 0 {
            return None;
        }
        // 1/Σ(c/t)² = t²/Σc², counted in integers and divided once, so
        // five equal sources give 5, not 4.999999999999999.
        let sum_sq: u64 = self.sources.iter().map(|s| (s.count as u64).pow(2)).sum();
        Some((total as u64).pow(2) as f64 / sum_sq as f64)
    }

    /// The strip cell of 0-based paragraph `i` for kind `k`: the kind's
    /// letter when the paragraph holds such a claim, else [`STRIP_EMPTY`].
    pub fn strip_cell(&self, i: usize, k: Kind) -> char {
        match self.by_paragraph.get(i) {
            Some(c) if c.get(k) > 0 => k.letter(),
            _ => STRIP_EMPTY,
        }
    }
}

/// A summary for a caller that has the set and maybe the article in memory
/// (the TUI). The article is trusted to be the one the claims point into
/// unless its paragraph count differs.
pub fn summarize(set: &AnnotationSet, article: Option<&Article>) -> ArticleSummary {
    match article {
        Some(a) => {
            let stats = TextStats::new(a);
            let status = if stats.paragraphs.len() == set.article.paragraphs {
                TextStatus::Ok
            } else {
                TextStatus::Changed {
                    path: a.path.display().to_string(),
                    why: differs(set, None, stats.paragraphs.len()),
                }
            };
            summarize_with(set, String::new(), Some(&stats), status)
        }
        None => summarize_with(set, String::new(), None, TextStatus::NotGiven),
    }
}

/// What differs between the file and the text, for the `changed` message:
/// the sha256 (when `sha256`, the text's, is given and differs), the
/// paragraph count, or both. Only the one that differs is named.
pub fn differs(set: &AnnotationSet, sha256: Option<&str>, paragraphs: usize) -> String {
    let sha = sha256.is_some_and(|s| s != set.article.sha256);
    let count = paragraphs != set.article.paragraphs;
    let count_words = || {
        format!(
            "the file says {} paragraphs, the text has {paragraphs}",
            set.article.paragraphs
        )
    };
    match (sha, count) {
        (true, true) => format!("sha256 differs, and {}", count_words()),
        (true, false) => "sha256 differs".into(),
        (false, _) => format!("{}; the sha256 matches", count_words()),
    }
}

/// The summary of `set`. `text` is used only when `status` is
/// [`TextStatus::Ok`]; `file` is how the annotation file is shown.
pub fn summarize_with(
    set: &AnnotationSet,
    file: String,
    text: Option<&TextStats>,
    status: TextStatus,
) -> ArticleSummary {
    let n = set.article.paragraphs;
    let (text, status) = match (text, status) {
        (Some(t), TextStatus::Ok) if t.paragraphs.len() == n => (Some(t), TextStatus::Ok),
        (Some(t), TextStatus::Ok) => (
            None,
            TextStatus::Changed {
                path: set.article.path.clone().unwrap_or_default(),
                why: differs(set, None, t.paragraphs.len()),
            },
        ),
        (None, TextStatus::Ok) => (None, TextStatus::NotGiven),
        (_, other) => (None, other),
    };
    let mut claims: Vec<&Claim> = set.claims.iter().collect();
    claims.sort_by_key(|c| c.at);

    let mut tally = Tally {
        files: 1,
        done: usize::from(set.annotator.done.is_some()),
        paragraphs: n,
        ..Tally::default()
    };
    let mut by_paragraph = vec![KindCounts::default(); n];
    let lead = match text {
        Some(t) => t.lead(),
        None => Para::all(n.min(1 + LEAD_BODY_PARAGRAPHS)).collect(),
    };
    let mut needs_review = Vec::new();
    let mut sources = SourceGroups::default();
    for c in &claims {
        tally.by_kind.add(c.kind);
        if let Some(p) = by_paragraph.get_mut(c.at.para.index()) {
            p.add(c.kind);
        }
        if lead.contains(&c.at.para) {
            tally.in_lead.add(c.kind);
        }
        if c.needs_review() {
            needs_review.push(ClaimRef {
                at: c.at,
                id: c.id.clone(),
            });
        }
        if c.kind.has_source() {
            match c.source.as_deref().map(normalize_block) {
                Some(name) if !name.is_empty() => sources.add(c.kind, name, 1),
                _ => tally.claims_without_source += 1,
            }
        }
    }
    tally.paragraphs_with_claims = by_paragraph.iter().filter(|c| c.total() > 0).count();
    tally.needs_review = needs_review.len();

    for group in claims.chunk_by(|a, b| a.at.para == b.at.para) {
        label_chars(group, &mut tally.chars_by_kind);
    }

    if let Some(t) = text {
        tally.with_text = 1;
        tally.words = t.paragraphs.iter().map(|p| p.words).sum();
        tally.sentences = t.paragraphs.iter().map(|p| p.sentences.len()).sum();
        tally.editorial_with_text = tally.by_kind.get(Kind::Editorial);
        for group in claims.chunk_by(|a, b| a.at.para == b.at.para) {
            if let Some(p) = t.paragraphs.get(group[0].at.para.index()) {
                tally.editorial_sentences += editorial_sentences(group, &p.sentences);
            }
        }
    }

    ArticleSummary {
        article: set.article.id.clone(),
        title: set.article.title.clone(),
        annotator: set.annotator.name.clone(),
        outlet: set.article.outlet.clone(),
        author: set.article.author.clone(),
        file,
        text: status,
        tally,
        by_paragraph,
        sources: sources.finish(),
        lead: lead.into_iter().map(Para::number).collect(),
        needs_review,
        reviews: Vec::new(),
    }
}

/// Adds the characters each kind labels in one paragraph, by the one
/// overlap rule ([`overlap::segments`]).
fn label_chars(claims: &[&Claim], out: &mut KindCounts) {
    let spans: Vec<Range<usize>> = claims.iter().map(|c| c.at.start..c.at.end).collect();
    for s in overlap::segments(&spans) {
        if let Some(i) = s.winner {
            out.0[claims[i].kind.index()] += s.range.len();
        }
    }
}

/// How many of `sentences` an editorial claim of this paragraph overlaps.
fn editorial_sentences(claims: &[&Claim], sentences: &[Range<usize>]) -> usize {
    // Editorial ranges merged; claims arrive sorted by start.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for c in claims.iter().filter(|c| c.kind == Kind::Editorial) {
        match merged.last_mut() {
            Some(last) if c.at.start <= last.end => last.end = last.end.max(c.at.end),
            _ => merged.push(c.at.start..c.at.end),
        }
    }
    let mut i = 0;
    let mut touched = 0;
    for s in sentences {
        while i < merged.len() && merged[i].end <= s.start {
            i += 1;
        }
        if i < merged.len() && merged[i].start < s.end {
            touched += 1;
        }
    }
    touched
}

/// The grouping key of a source name: compatibility with every way a name
/// can be typed, by canonical caseless matching (NFD, case fold, NFD).
pub fn source_key(name: &str) -> String {
    use caseless::Caseless;
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        // Case folding ASCII is lowercasing, and ASCII is already NFD.
        return name.to_ascii_lowercase();
    }
    name.chars().nfd().default_case_fold().nfd().collect()
}

/// Sources grouped by (kind, key), with their spellings counted.
#[derive(Default)]
struct SourceGroups {
    groups: HashMap<(Kind, String), HashMap<String, usize>>,
}

impl SourceGroups {
    fn add(&mut self, kind: Kind, spelling: String, count: usize) {
        let key = source_key(&spelling);
        *self
            .groups
            .entry((kind, key))
            .or_default()
            .entry(spelling)
            .or_default() += count;
    }

    fn finish(self) -> Vec<SourceCount> {
        let mut out: Vec<(String, SourceCount)> = self
            .groups
            .into_iter()
            .map(|((kind, key), spellings)| {
                let mut spellings: Vec<(String, usize)> = spellings.into_iter().collect();
                spellings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let count = spellings.iter().map(|s| s.1).sum();
                let mut spellings = spellings.into_iter();
                let name = spellings.next().map(|s| s.0).unwrap_or_default();
                let source = SourceCount {
                    name,
                    kind,
                    count,
                    other_spellings: spellings.collect(),
                };
                (key, source)
            })
            .collect();
        out.sort_by(|(ka, a), (kb, b)| {
            b.count
                .cmp(&a.count)
                .then(a.kind.cmp(&b.kind))
                .then_with(|| ka.cmp(kb))
        });
        out.into_iter().map(|(_, s)| s).collect()
    }
}

/// A per-article measure whose spread over a corpus is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    AnonymityRatio,
    AnonymousShare,
    EditorialShare,
    EditorialPer100Words,
    EditorialSentenceShare,
    AnonymousLeadShare,
    EditorialLeadShare,
    TopSourceShare,
    EffectiveSources,
}

impl Metric {
    pub const ALL: [Metric; 9] = [
        Metric::AnonymityRatio,
        Metric::AnonymousShare,
        Metric::EditorialShare,
        Metric::EditorialPer100Words,
        Metric::EditorialSentenceShare,
        Metric::AnonymousLeadShare,
        Metric::EditorialLeadShare,
        Metric::TopSourceShare,
        Metric::EffectiveSources,
    ];

    /// The stable JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Metric::AnonymityRatio => "anonymity_ratio",
            Metric::AnonymousShare => "anonymous_share",
            Metric::EditorialShare => "editorial_share",
            Metric::EditorialPer100Words => "editorial_per_100_words",
            Metric::EditorialSentenceShare => "editorial_sentence_share",
            Metric::AnonymousLeadShare => "anonymous_lead_share",
            Metric::EditorialLeadShare => "editorial_lead_share",
            Metric::TopSourceShare => "top_source_share",
            Metric::EffectiveSources => "effective_sources",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Metric::AnonymityRatio => "anonymity ratio",
            Metric::AnonymousShare => "anonymous share of claims",
            Metric::EditorialShare => "editorial share of claims",
            Metric::EditorialPer100Words => "editorial claims per 100 words",
            Metric::EditorialSentenceShare => "sentences touched by editorial",
            Metric::AnonymousLeadShare => "anonymous claims in the lead",
            Metric::EditorialLeadShare => "editorial claims in the lead",
            Metric::TopSourceShare => "top source's share",
            Metric::EffectiveSources => "effective number of sources",
        }
    }

    /// Whether the value is a share (shown as a percentage).
    pub fn is_share(self) -> bool {
        !matches!(
            self,
            Metric::EditorialPer100Words | Metric::EffectiveSources
        )
    }

    pub fn of(self, a: &ArticleSummary) -> Option<f64> {
        match self {
            Metric::TopSourceShare => a.top_source_share(),
            Metric::EffectiveSources => a.effective_sources(),
            m => m.pooled(&a.tally),
        }
    }

    /// The measure over `t`'s sums; `None` for the two that are only
    /// taken per file (a source's share, the effective number of sources).
    pub fn pooled(self, t: &Tally) -> Option<f64> {
        match self {
            Metric::AnonymityRatio => t.anonymity_ratio(),
            Metric::AnonymousShare => t.share_by_claims(Kind::Anonymous),
            Metric::EditorialShare => t.share_by_claims(Kind::Editorial),
            Metric::EditorialPer100Words => t.editorial_per_100_words(),
            Metric::EditorialSentenceShare => t.editorial_sentence_share(),
            Metric::AnonymousLeadShare => t.lead_share(Kind::Anonymous),
            Metric::EditorialLeadShare => t.lead_share(Kind::Editorial),
            Metric::TopSourceShare | Metric::EffectiveSources => None,
        }
    }
}

/// Median and quartiles of one metric over the files where it is defined.
/// Quartiles interpolate linearly between order statistics (numpy's
/// default, R's type 7).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spread {
    pub n: usize,
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Spread {
        values.sort_by(f64::total_cmp);
        Spread {
            n: values.len(),
            median: quantile(&values, 0.5),
            q1: quantile(&values, 0.25),
            q3: quantile(&values, 0.75),
        }
    }

    pub fn iqr(&self) -> Option<f64> {
        Some(self.q3? - self.q1?)
    }
}

/// The `p` quantile of sorted `v` by linear interpolation.
pub fn quantile(v: &[f64], p: f64) -> Option<f64> {
    let last = v.len().checked_sub(1)?;
    let h = last as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    Some(v[lo] + (h - lo as f64) * (v[hi] - v[lo]))
}

/// Pooled sums and per-file spreads of a set of summaries: the corpus, one
/// annotator, or one outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The annotator's or outlet's name (most frequent spelling); empty for
    /// corpus totals.
    pub name: String,
    pub tally: Tally,
    pub distinct_articles: usize,
    pub annotators: usize,
    pub outlets: usize,
    /// One entry per [`Metric::ALL`], in that order.
    pub spread: Vec<Spread>,
    /// 95% bootstrap intervals of the pooled ratios (`interval.rs`).
    pub intervals: interval::GroupIntervals,
}

impl Group {
    fn of(name: String, members: &[&ArticleSummary]) -> Group {
        let mut tally = Tally::default();
        for a in members {
            tally.add(&a.tally);
        }
        let distinct = |f: &dyn Fn(&ArticleSummary) -> String| {
            members.iter().map(|a| f(a)).collect::<HashSet<_>>().len()
        };
        Group {
            name,
            tally,
            distinct_articles: distinct(&|a| a.article.clone()),
            annotators: distinct(&|a| annotator_slug(&a.annotator)),
            outlets: distinct(&outlet_key),
            spread: Metric::ALL
                .iter()
                .map(|m| Spread::of(members.iter().filter_map(|a| m.of(a)).collect()))
                .collect(),
            intervals: interval::GroupIntervals::of(members),
        }
    }

    pub fn spread(&self, m: Metric) -> Spread {
        let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
        self.spread.get(i).copied().unwrap_or_default()
    }
}

/// Shown for files whose `article.outlet` is absent or empty.
pub const UNKNOWN_OUTLET: &str = "unknown";

fn outlet_key(a: &ArticleSummary) -> String {
    match a.outlet.as_deref().map(normalize_block) {
        Some(o) if !o.is_empty() => source_key(&o),
        _ => UNKNOWN_OUTLET.into(),
    }
}

/// The corpus: totals over every file, then by annotator and by outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub totals: Group,
    /// Sorted by name (case-folded).
    pub by_annotator: Vec<Group>,
    pub by_outlet: Vec<Group>,
    /// Sources pooled over every file, in [`ArticleSummary::sources`] order.
    pub sources: Vec<SourceCount>,
    /// The sources registry the export used, or why it used none.
    pub registry: RegistryUse,
    /// Attributed claims by the type of their source, when a registry was
    /// used.
    pub types: Option<SourceTypes>,
}

/// Whether an export counted sources through a registry (`sources.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RegistryUse {
    /// There is none: sources are counted as typed (folded).
    #[default]
    None,
    /// Read from `path` (as shown).
    Used { path: String },
    /// `path` exists but could not be used; `message` is the one-line
    /// error (file, line, entry). The export ran without it.
    Failed { path: String, message: String },
}

/// One column of [`SourceTypes`]: a registry type, or one of the two
/// kinds of claims the registry does not type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeColumn {
    /// A type id, or [`NOT_IN_REGISTRY`] / [`NO_SOURCE`].
    pub id: String,
    pub label: String,
}

/// Sourced claims whose source is not in the registry.
pub const NOT_IN_REGISTRY: &str = "not-in-registry";
/// Sourced claims with no source given.
pub const NO_SOURCE: &str = "no-source";

/// Counts per column of one group; `total` is its sourced and anonymous
/// claims, the denominator of every share.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypeCounts {
    pub counts: Vec<usize>,
    pub total: usize,
}

impl TypeCounts {
    pub fn share(&self, i: usize) -> Option<f64> {
        ratio(self.counts.get(i).copied().unwrap_or(0), self.total)
    }

    fn add(&mut self, o: &TypeCounts) {
        if self.counts.len() < o.counts.len() {
            self.counts.resize(o.counts.len(), 0);
        }
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        self.total += o.total;
    }
}

/// Sourced and anonymous claims by the type of their source: for the
/// corpus and per outlet (in [`Corpus::by_outlet`] order). An anonymous
/// claim whose source is not in the registry (or that names none) counts
/// as unnamed; a sourced one as [`NOT_IN_REGISTRY`] (or [`NO_SOURCE`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTypes {
    /// The registry's types in its order, then unnamed when the registry
    /// has no such type, then [`NOT_IN_REGISTRY`] and [`NO_SOURCE`].
    pub columns: Vec<TypeColumn>,
    pub totals: TypeCounts,
    pub by_outlet: Vec<(String, TypeCounts)>,
    /// The type label of each of [`Corpus::sources`], in its order; `None`
    /// for a source not in the registry.
    pub of_sources: Vec<Option<String>>,
}

impl SourceTypes {
    pub(crate) fn columns(r: &Registry) -> Vec<TypeColumn> {
        let mut columns: Vec<TypeColumn> = r
            .types
            .iter()
            .map(|t| TypeColumn {
                id: t.id.clone(),
                label: t.label.clone(),
            })
            .collect();
        if !r.has_type(sources::UNNAMED) {
            columns.push(TypeColumn {
                id: sources::UNNAMED.into(),
                label: sources::type_label(sources::UNNAMED),
            });
        }
        columns.push(TypeColumn {
            id: NOT_IN_REGISTRY.into(),
            label: "not in the registry".into(),
        });
        columns.push(TypeColumn {
            id: NO_SOURCE.into(),
            label: "sourced, no source given".into(),
        });
        columns
    }

    /// One file's counts.
    pub(crate) fn of(a: &ArticleSummary, r: &Registry, columns: &[TypeColumn]) -> TypeCounts {
        let col = |id: &str| columns.iter().position(|c| c.id == id).unwrap_or(0);
        let mut t = TypeCounts {
            counts: vec![0; columns.len()],
            total: a.tally.by_kind.get(Kind::Sourced) + a.tally.by_kind.get(Kind::Anonymous),
        };
        let mut named = KindCounts::default();
        for s in &a.sources {
            named.0[s.kind.index()] += s.count;
            let i = match (r.resolve(&s.name), s.kind) {
                (Some(e), _) => col(&e.kind),
                (None, Kind::Anonymous) => col(sources::UNNAMED),
                (None, _) => col(NOT_IN_REGISTRY),
            };
            t.counts[i] += s.count;
        }
        let k = |kind| a.tally.by_kind.get(kind).saturating_sub(named.get(kind));
        t.counts[col(sources::UNNAMED)] += k(Kind::Anonymous);
        t.counts[col(NO_SOURCE)] += k(Kind::Sourced);
        t
    }

    fn new(articles: &[ArticleSummary], r: &Registry) -> SourceTypes {
        let columns = SourceTypes::columns(r);
        let mut totals = TypeCounts {
            counts: vec![0; columns.len()],
            total: 0,
        };
        let mut by_outlet: std::collections::BTreeMap<String, TypeCounts> = Default::default();
        for a in articles {
            let t = SourceTypes::of(a, r, &columns);
            totals.add(&t);
            by_outlet.entry(outlet_key(a)).or_default().add(&t);
        }
        SourceTypes {
            columns,
            totals,
            // Named below, from the outlet groups, which sort by the same key.
            by_outlet: by_outlet
                .into_values()
                .map(|t| (String::new(), t))
                .collect(),
            of_sources: Vec::new(),
        }
    }

    /// Whether any group has a claim in column `i`: a table leaves out
    /// the columns that are empty everywhere.
    pub fn used(&self, i: usize) -> bool {
        self.totals.counts.get(i).is_some_and(|&n| n > 0)
    }
}

/// The sources-by-type table, one model for the page and the Markdown:
/// the columns some claim is in, then a row for all outlets and one per
/// outlet, each cell a count and its share of the row's attributed claims.
pub(crate) struct TypesTable<'a> {
    pub columns: Vec<&'a TypeColumn>,
    pub rows: Vec<TypesRow<'a>>,
}

pub(crate) struct TypesRow<'a> {
    /// `None` for the row of all outlets (each renderer names it).
    pub outlet: Option<&'a str>,
    /// Attributed claims (sourced and anonymous).
    pub total: usize,
    pub cells: Vec<TypeCell>,
}

pub(crate) struct TypeCell {
    pub count: usize,
    pub share: Option<f64>,
}

pub(crate) fn types_table(t: &SourceTypes) -> TypesTable<'_> {
    let used: Vec<usize> = (0..t.columns.len()).filter(|&i| t.used(i)).collect();
    fn row<'a>(used: &[usize], outlet: Option<&'a str>, counts: &TypeCounts) -> TypesRow<'a> {
        TypesRow {
            outlet,
            total: counts.total,
            cells: used
                .iter()
                .map(|&i| TypeCell {
                    count: counts.counts.get(i).copied().unwrap_or(0),
                    share: counts.share(i),
                })
                .collect(),
        }
    }
    let mut rows = vec![row(&used, None, &t.totals)];
    rows.extend(
        t.by_outlet
            .iter()
            .map(|(n, c)| row(&used, Some(n.as_str()), c)),
    );
    TypesTable {
        columns: used.iter().map(|&i| &t.columns[i]).collect(),
        rows,
    }
}

/// `summary`'s sources counted by their canonical names in `registry`:
/// the aliases of one entry become one source.
pub fn canonicalize(summary: &mut ArticleSummary, registry: &Registry) {
    let mut groups = SourceGroups::default();
    for s in &summary.sources {
        for (spelling, n) in s.spellings() {
            groups.add(s.kind, registry.canonical(spelling), n);
        }
    }
    summary.sources = groups.finish();
}

impl Corpus {
    pub fn new(articles: &[ArticleSummary]) -> Corpus {
        Corpus::with_registry(articles, None, RegistryUse::None)
    }

    /// The corpus, with sources by type when `registry` is given (the
    /// summaries already [`canonicalize`]d by it); `used` says which
    /// registry it was, or why there was none.
    pub fn with_registry(
        articles: &[ArticleSummary],
        registry: Option<&Registry>,
        used: RegistryUse,
    ) -> Corpus {
        let all: Vec<&ArticleSummary> = articles.iter().collect();
        let mut sources = SourceGroups::default();
        for a in articles {
            for s in &a.sources {
                for (spelling, n) in s.spellings() {
                    sources.add(s.kind, spelling.to_owned(), n);
                }
            }
        }
        let by_outlet = groups(articles, |a| {
            match a.outlet.as_deref().map(normalize_block) {
                Some(o) if !o.is_empty() => (source_key(&o), o),
                _ => (UNKNOWN_OUTLET.into(), UNKNOWN_OUTLET.into()),
            }
        });
        let types = registry.map(|r| {
            let mut t = SourceTypes::new(articles, r);
            for (row, g) in t.by_outlet.iter_mut().zip(&by_outlet) {
                row.0 = g.name.clone();
            }
            t
        });
        let sources = sources.finish();
        let types = types.map(|mut t| {
            if let Some(r) = registry {
                t.of_sources = sources
                    .iter()
                    .map(|s| r.resolve(&s.name).map(|e| r.label(&e.kind)))
                    .collect();
            }
            t
        });
        Corpus {
            totals: Group::of(String::new(), &all),
            by_annotator: groups(articles, |a| {
                (annotator_slug(&a.annotator), normalize_block(&a.annotator))
            }),
            by_outlet,
            sources,
            registry: used,
            types,
        }
    }
}

/// Groups by key; each group is named by its most frequent spelling.
fn groups(
    articles: &[ArticleSummary],
    key: impl Fn(&ArticleSummary) -> (String, String),
) -> Vec<Group> {
    let mut by_key: HashMap<String, (Vec<&ArticleSummary>, HashMap<String, usize>)> =
        HashMap::new();
    for a in articles {
        let (k, spelling) = key(a);
        let entry = by_key.entry(k).or_default();
        entry.0.push(a);
        *entry.1.entry(spelling).or_default() += 1;
    }
    let mut keyed: Vec<(String, Group)> = by_key
        .into_iter()
        .map(|(k, (members, spellings))| {
            let name = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|s| s.0)
                .unwrap_or_default();
            (k, Group::of(name, &members))
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
// Tests make their own files (clippy.toml keeps the rest off the disk).
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
mod tests;
