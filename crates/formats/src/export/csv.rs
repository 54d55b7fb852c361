//! `--format csv`: one row per article (one annotator's file), or one row
//! per claim with `--claims`. RFC 4180 quoting by the `csv` crate, which is
//! what spreadsheet programs and Python's `csv` module read.

use super::{ArticleSummary, Metric};
use super::{SourceTypes, TypeColumn};
use byline_model::annotation::{AnnotationSet, Kind};
use byline_model::sources::Registry;
use std::borrow::Cow;
use std::io::Write;

/// Columns of the per-article CSV (docs/export.md).
pub const ARTICLE_HEADER: &[&str] = &[
    "article",
    "title",
    "annotator",
    "outlet",
    "file",
    "text",
    "claims",
    "sourced",
    "anonymous",
    "editorial",
    "sourced_share",
    "anonymous_share",
    "editorial_share",
    "sourced_chars",
    "anonymous_chars",
    "editorial_chars",
    "sourced_chars_share",
    "anonymous_chars_share",
    "editorial_chars_share",
    "anonymity_ratio",
    "words",
    "sentences",
    "editorial_per_100_words",
    "editorial_sentence_share",
    "sources",
    "top_source",
    "top_source_share",
    "effective_sources",
    "claims_without_source",
    "anonymous_lead_share",
    "editorial_lead_share",
    "paragraphs",
    "paragraphs_with_claims",
    "paragraphs_without_claims",
    "needs_review",
];

/// Columns of the per-claim CSV.
pub const CLAIM_HEADER: &[&str] = &[
    "article",
    "annotator",
    "paragraph",
    "start",
    "end",
    "kind",
    "source",
    "note",
    "quote",
    "id",
    "tags",
    "status",
];

/// RFC 4180: CRLF line ends, quotes only where needed.
fn writer(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

/// A cell as written: one a spreadsheet would run as a formula (it
/// begins with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading `'`, as
/// OWASP recommends, unless `raw` (`--csv-raw`). A cell that is a plain
/// number (`-3`, `-0.25`, `1e-3`) is data, not a formula, and stays as it
/// is, so numeric columns read as numbers.
pub fn cell(s: &str, raw: bool) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if raw || !risky || is_number(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!("'{s}"))
    }
}

/// A decimal number and nothing else: sign, digits, a point, an exponent.
fn is_number(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

fn num(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn join(v: &[usize]) -> String {
    v.iter().map(usize::to_string).collect::<Vec<_>>().join(" ")
}

fn article_row(a: &ArticleSummary) -> Vec<String> {
    let t = &a.tally;
    let text = |v: usize| {
        if a.has_text() {
            v.to_string()
        } else {
            String::new()
        }
    };
    let mut row = vec![
        a.article.clone(),
        a.title.clone(),
        a.annotator.clone(),
        a.outlet.clone().unwrap_or_default(),
        a.file.clone(),
        a.text.key().to_owned(),
        t.claims().to_string(),
    ];
    row.extend(Kind::ALL.map(|k| t.by_kind.get(k).to_string()));
    row.extend(Kind::ALL.map(|k| num(t.share_by_claims(k))));
    row.extend(Kind::ALL.map(|k| t.chars_by_kind.get(k).to_string()));
    row.extend(Kind::ALL.map(|k| num(t.share_by_chars(k))));
    row.extend([
        num(t.anonymity_ratio()),
        text(t.words),
        text(t.sentences),
        num(t.editorial_per_100_words()),
        num(t.editorial_sentence_share()),
        a.sources.len().to_string(),
        a.sources
            .first()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        num(Metric::TopSourceShare.of(a)),
        num(Metric::EffectiveSources.of(a)),
        t.claims_without_source.to_string(),
        num(t.lead_share(Kind::Anonymous)),
        num(t.lead_share(Kind::Editorial)),
        t.paragraphs.to_string(),
        t.paragraphs_with_claims.to_string(),
        join(&a.paragraphs_without_claims()),
        t.needs_review.to_string(),
    ]);
    row
}

/// One row per summary, after a header, written as files are read.
pub struct ArticleRows {
    /// `--csv-raw`: cells not neutralised ([`cell`]).
    pub raw: bool,
    /// With a sources registry: a `type_<id>` column per type of source
    /// (docs/export.md), counting the file's attributed claims.
    pub types: Option<(Registry, Vec<TypeColumn>)>,
}

impl ArticleRows {
    pub fn new(raw: bool, registry: Option<&Registry>) -> ArticleRows {
        ArticleRows {
            raw,
            types: registry.map(|r| (r.clone(), SourceTypes::columns(r))),
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut w = writer(out);
        let mut header: Vec<String> = ARTICLE_HEADER.iter().map(|h| (*h).to_owned()).collect();
        if let Some((_, columns)) = &self.types {
            header.extend(columns.iter().map(|c| format!("type_{}", c.id)));
        }
        w.write_record(&header)?;
        w.flush()
    }

    pub fn write(&mut self, out: &mut dyn Write, a: &ArticleSummary) -> std::io::Result<()> {
        let mut w = writer(out);
        let mut row = article_row(a);
        if let Some((r, columns)) = &self.types {
            row.extend(
                SourceTypes::of(a, r, columns)
                    .counts
                    .iter()
                    .map(|n| n.to_string()),
            );
        }
        w.write_record(row.iter().map(|c| cell(c, self.raw).into_owned()))?;
        w.flush()
    }
}

/// `--claims`: rows are written file by file as the export reads them, so
/// memory does not grow with the corpus.
pub struct ClaimsWriter {
    header: bool,
    /// `--csv-raw`: cells not neutralised ([`cell`]).
    raw: bool,
}

impl ClaimsWriter {
    pub fn new(raw: bool) -> ClaimsWriter {
        ClaimsWriter { header: false, raw }
    }

    fn writer<'a>(
        &mut self,
        out: &'a mut dyn Write,
    ) -> std::io::Result<::csv::Writer<&'a mut dyn Write>> {
        let mut w = writer(out);
        if !self.header {
            w.write_record(CLAIM_HEADER)?;
            self.header = true;
        }
        Ok(w)
    }

    /// The claims of one file, in file order.
    pub fn write(&mut self, set: &AnnotationSet, out: &mut dyn Write) -> std::io::Result<()> {
        let raw = self.raw;
        let mut w = self.writer(out)?;
        for c in &set.claims {
            let row = [
                set.article.id.as_str(),
                set.annotator.name.as_str(),
                &c.at.para.to_string(),
                &c.at.start.to_string(),
                &c.at.end.to_string(),
                c.kind.as_str(),
                c.source.as_deref().unwrap_or(""),
                c.note.as_deref().unwrap_or(""),
                &c.quote,
                c.id.as_deref().unwrap_or(""),
                &c.tags.join(" "),
                c.status.as_deref().unwrap_or(""),
            ];
            w.write_record(row.iter().map(|c| cell(c, raw).into_owned()))?;
        }
        w.flush()
    }

    /// Writes the header if no file had claims, and flushes.
    pub fn finish(mut self, out: &mut dyn Write) -> std::io::Result<()> {
        self.writer(out)?.flush()
    }
}
