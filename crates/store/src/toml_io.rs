//! FORMAT.md v1 in and out. Reading is lenient about what is optional and
//! keeps unknown keys; writing is deterministic, so the same annotations
//! always give the same bytes.

use super::StoreError;
use byline_model::annotation::{
    AnnotationSet, AnnotatorMeta, ArticleMeta, Claim, Dismissed, Extra, Kind,
};
use serde::Deserialize;
use std::fmt::Write;
use std::path::Path;
use toml::Spanned;
use toml::value::Datetime;

pub const FORMAT: &str = "byline/1";

#[derive(Deserialize)]
struct RawFile {
    format: Option<Spanned<String>>,
    article: RawArticle,
    annotator: RawAnnotator,
    #[serde(default)]
    claims: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    dismissed: Vec<Spanned<RawDismissed>>,
}

#[derive(Deserialize)]
struct RawDismissed {
    paragraph: usize,
    start: usize,
    end: usize,
    quote: String,
    kind: Spanned<String>,
}

#[derive(Deserialize)]
pub(super) struct RawArticle {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) path: Option<String>,
    pub(super) sha256: String,
    pub(super) paragraphs: Spanned<usize>,
    pub(super) outlet: Option<String>,
    pub(super) url: Option<String>,
    pub(super) published: Option<Datetime>,
    pub(super) author: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawAnnotator {
    pub(super) name: String,
    pub(super) updated: Option<Datetime>,
    pub(super) position: Option<usize>,
    pub(super) done: Option<Datetime>,
}

impl RawArticle {
    pub(super) fn into_meta(self, extra: Extra) -> ArticleMeta {
        ArticleMeta {
            id: self.id,
            title: self.title,
            path: self.path,
            sha256: self.sha256,
            paragraphs: self.paragraphs.into_inner(),
            outlet: self.outlet,
            url: self.url,
            published: self.published,
            author: self.author,
            extra,
        }
    }
}

impl RawAnnotator {
    pub(super) fn into_meta(self, extra: Extra) -> AnnotatorMeta {
        AnnotatorMeta {
            name: self.name,
            updated: self.updated,
            position: self.position,
            done: self.done,
            extra,
        }
    }
}

#[derive(Deserialize)]
struct RawClaim {
    id: Option<String>,
    paragraph: usize,
    start: usize,
    end: usize,
    quote: String,
    kind: Spanned<String>,
    source: Option<String>,
    note: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    status: Option<String>,
    previous_quote: Option<String>,
}

const TOP_KEYS: &[&str] = &["format", "article", "annotator", "claims", "dismissed"];
const DISMISSED_KEYS: &[&str] = &["paragraph", "start", "end", "quote", "kind"];
const ARTICLE_KEYS: &[&str] = &[
    "id",
    "title",
    "path",
    "sha256",
    "paragraphs",
    "outlet",
    "url",
    "published",
    "author",
];
const ANNOTATOR_KEYS: &[&str] = &["name", "updated", "position", "done"];
const CLAIM_KEYS: &[&str] = &[
    "id",
    "paragraph",
    "start",
    "end",
    "quote",
    "kind",
    "source",
    "note",
    "tags",
    "prefix",
    "suffix",
    "status",
    "previous_quote",
];

pub use byline_model::lines::line_col;

pub(super) fn syntax(path: &Path, text: &str, at: Option<usize>, message: String) -> StoreError {
    let (line, column) = at.map_or((1, 1), |at| line_col(text, at));
    StoreError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

/// Refuses a `format` this version does not read.
pub(super) fn check_format(
    path: &Path,
    text: &str,
    format: Option<&Spanned<String>>,
) -> Result<(), StoreError> {
    check_format_is(path, text, format, FORMAT)
}

/// Refuses a `format` other than `expected` (a file of another kind, or
/// of a newer byline).
pub(super) fn check_format_is(
    path: &Path,
    text: &str,
    format: Option<&Spanned<String>>,
    expected: &str,
) -> Result<(), StoreError> {
    match format {
        Some(f) if f.get_ref() != expected => Err(syntax(
            path,
            text,
            Some(f.span().start),
            format!(
                "format is {:?}; this byline reads {expected:?} (a newer byline may read it)",
                f.get_ref()
            ),
        )),
        _ => Ok(()),
    }
}

/// A TOML parse error as byline reports it: file, line, column, what.
pub(super) fn de_error(path: &Path, text: &str, e: &toml::de::Error) -> StoreError {
    syntax(
        path,
        text,
        e.span().map(|s| s.start),
        e.message().trim().to_owned(),
    )
}

/// The most paragraphs an annotator file may say its article has: a
/// 64 MB article of one-line paragraphs has fewer than a million of them,
/// and readers size tables by this number.
pub const MAX_PARAGRAPHS: usize = 1_000_000;
/// The largest `start` or `end`: a paragraph has no more characters than
/// the largest article has bytes.
pub const MAX_OFFSET: usize = byline_model::article::MAX_ARTICLE_BYTES as usize;

/// The rule for `article.paragraphs`, without a place: every reader, fast
/// or spanned, applies this one.
pub(super) fn paragraphs_rule(n: usize) -> Result<(), String> {
    if n > MAX_PARAGRAPHS {
        return Err(format!(
            "article.paragraphs is {n}; no article byline reads has more than {MAX_PARAGRAPHS}"
        ));
    }
    Ok(())
}

/// The rules for one claim's numbers and status, without a place.
pub(super) fn claim_rule(
    paragraphs: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    status: Option<&str>,
) -> Result<(), String> {
    let needs_review = match status {
        None => false,
        Some(s) if s == byline_model::annotation::NEEDS_REVIEW => true,
        Some(s) => {
            return Err(format!(
                "unknown status {s:?}; a claim's status is {:?} or absent",
                byline_model::annotation::NEEDS_REVIEW
            ));
        }
    };
    // A claim that needs review keeps the place it had in an older
    // version of the article, which may have had more paragraphs.
    let limit = if needs_review {
        MAX_PARAGRAPHS
    } else {
        paragraphs
    };
    if paragraph == 0 || paragraph > limit {
        return Err(format!(
            "claim paragraph {paragraph} is outside 1..={paragraphs} (article.paragraphs)"
        ));
    }
    if start >= end {
        return Err(format!(
            "claim start {start} is not before end {end}; a claim covers at least one character"
        ));
    }
    if end > MAX_OFFSET {
        return Err(format!(
            "claim end {end} is past the end of any paragraph byline reads (at most {MAX_OFFSET})"
        ));
    }
    Ok(())
}

/// A string, checked and dropped: lets a lean reader reject what the full
/// parse rejects (`tags = "x"`, `prefix = 5`) without keeping the text.
pub(super) struct AnyString;

impl<'de> Deserialize<'de> for AnyString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = AnyString;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<AnyString, E> {
                Ok(AnyString)
            }
        }
        d.deserialize_str(V)
    }
}

/// The checks every reader of annotator files applies to each claim, with
/// the messages they give: the full parse and the lean one must agree.
pub(super) struct ClaimChecks<'a> {
    path: &'a Path,
    text: &'a str,
    paragraphs: usize,
    ids: std::collections::HashMap<String, usize>,
}

impl<'a> ClaimChecks<'a> {
    /// Checks `article.paragraphs` too, so nothing is sized by a number
    /// no article can have.
    pub(super) fn new(
        path: &'a Path,
        text: &'a str,
        paragraphs: &Spanned<usize>,
    ) -> Result<Self, StoreError> {
        paragraphs_rule(*paragraphs.get_ref())
            .map_err(|m| syntax(path, text, Some(paragraphs.span().start), m))?;
        Ok(ClaimChecks {
            path,
            text,
            paragraphs: *paragraphs.get_ref(),
            ids: std::collections::HashMap::new(),
        })
    }

    /// Checks the claim at byte `at` and returns its kind.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn claim(
        &mut self,
        at: usize,
        paragraph: usize,
        start: usize,
        end: usize,
        id: Option<&str>,
        kind: &Spanned<String>,
        status: Option<&str>,
    ) -> Result<Kind, StoreError> {
        let err = |at: usize, message: String| syntax(self.path, self.text, Some(at), message);
        let k = Kind::parse(kind.get_ref()).ok_or_else(|| {
            err(
                kind.span().start,
                format!(
                    "unknown kind {:?}; a claim's kind is \"sourced\", \"anonymous\" or \"editorial\"",
                    kind.get_ref()
                ),
            )
        })?;
        claim_rule(self.paragraphs, paragraph, start, end, status).map_err(|m| err(at, m))?;
        if let Some(id) = id
            && let Some(first) = self.ids.insert(id.to_owned(), at)
        {
            let (line, _) = line_col(self.text, first);
            return Err(err(
                at,
                format!("duplicate claim id {id:?} (first used on line {line})"),
            ));
        }
        Ok(k)
    }
}

/// Parses an annotator file. `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<AnnotationSet, StoreError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| de_error(path, text, &e))?;
    check_format(path, text, raw.format.as_ref())?;
    // Before the untyped parse, which has its own, less helpful, words for
    // a number too large for TOML's integers.
    let mut checks = ClaimChecks::new(path, text, &raw.article.paragraphs)?;
    let mut kinds = Vec::with_capacity(raw.claims.len());
    for spanned in &raw.claims {
        let c = spanned.get_ref();
        kinds.push(checks.claim(
            spanned.span().start,
            c.paragraph,
            c.start,
            c.end,
            c.id.as_deref(),
            &c.kind,
            c.status.as_deref(),
        )?);
    }
    // A second, untyped parse keeps whatever keys this version does not know.
    let mut table: toml::Table = toml::from_str(text).map_err(|e| {
        syntax(
            path,
            text,
            e.span().map(|s| s.start),
            e.message().to_owned(),
        )
    })?;
    let mut claim_tables = match table.remove("claims") {
        Some(toml::Value::Array(a)) => a,
        _ => Vec::new(),
    };
    let mut dismissed_tables = match table.remove("dismissed") {
        Some(toml::Value::Array(a)) => a,
        _ => Vec::new(),
    };
    let article_extra = take_table(&mut table, "article", ARTICLE_KEYS);
    let annotator_extra = take_table(&mut table, "annotator", ANNOTATOR_KEYS);
    for k in TOP_KEYS {
        table.remove(*k);
    }

    let mut claims = Vec::with_capacity(raw.claims.len());
    for (i, (spanned, kind)) in raw.claims.into_iter().zip(kinds).enumerate() {
        let c = spanned.into_inner();
        let extra = take_extra(&mut claim_tables, i, CLAIM_KEYS);
        claims.push(Claim {
            id: c.id,
            paragraph: byline_model::Para::from_number(c.paragraph)
                .expect("checked above: paragraphs count from 1"),
            start: c.start,
            end: c.end,
            quote: c.quote,
            kind,
            source: c.source,
            note: c.note,
            tags: c.tags,
            prefix: c.prefix,
            suffix: c.suffix,
            status: c.status,
            previous_quote: c.previous_quote,
            extra,
        });
    }
    let mut dismissed = Vec::with_capacity(raw.dismissed.len());
    for (i, spanned) in raw.dismissed.into_iter().enumerate() {
        let at = spanned.span().start;
        let d = spanned.into_inner();
        dismissed.push(Dismissed {
            kind: check_dismissed(path, text, at, &d)?,
            paragraph: byline_model::Para::from_number(d.paragraph)
                .expect("checked above: paragraphs count from 1"),
            start: d.start,
            end: d.end,
            quote: d.quote,
            extra: take_extra(&mut dismissed_tables, i, DISMISSED_KEYS),
        });
    }
    let mut set = AnnotationSet {
        article: raw.article.into_meta(article_extra),
        annotator: raw.annotator.into_meta(annotator_extra),
        claims,
        dismissed,
        extra: table,
    };
    set.sort();
    Ok(set)
}

/// A dismissed suggestion must name a kind and a span; its paragraph may
/// lie past a shortened article (it then matches nothing).
fn check_dismissed(
    path: &Path,
    text: &str,
    at: usize,
    d: &RawDismissed,
) -> Result<Kind, StoreError> {
    let k = Kind::parse(d.kind.get_ref()).ok_or_else(|| {
        syntax(
            path,
            text,
            Some(d.kind.span().start),
            format!(
                "unknown kind {:?} in [[dismissed]]; a suggestion's kind is \"sourced\", \"anonymous\" or \"editorial\"",
                d.kind.get_ref()
            ),
        )
    })?;
    if d.paragraph == 0 || d.start >= d.end {
        return Err(syntax(
            path,
            text,
            Some(at),
            format!(
                "[[dismissed]] entry at paragraph {}, {}..{} is not a span (paragraphs count from 1, start comes before end)",
                d.paragraph, d.start, d.end
            ),
        ));
    }
    Ok(k)
}

/// The unknown keys of the `i`th table of an array of tables.
pub(super) fn take_extra(tables: &mut [toml::Value], i: usize, known: &[&str]) -> Extra {
    match tables.get_mut(i) {
        Some(toml::Value::Table(t)) => {
            for k in known {
                t.remove(*k);
            }
            std::mem::take(t)
        }
        _ => Extra::new(),
    }
}

pub(super) fn take_table(top: &mut toml::Table, name: &str, known: &[&str]) -> Extra {
    match top.remove(name) {
        Some(toml::Value::Table(mut t)) => {
            for k in known {
                t.remove(*k);
            }
            t
        }
        _ => Extra::new(),
    }
}

/// Serialises a set in FORMAT.md order. Claims must be sorted (see
/// [`AnnotationSet::sort`]); they are written in the order given.
pub fn to_string(set: &AnnotationSet) -> String {
    let mut out = String::with_capacity(256 + set.claims.len() * 256);
    write_head(&mut out, FORMAT, &set.extra);

    let a = &set.article;
    out.push_str("\n[article]\n");
    kv(&mut out, "id", &basic(&a.id));
    kv(&mut out, "title", &basic(&a.title));
    if let Some(p) = &a.path {
        kv(&mut out, "path", &basic(p));
    }
    kv(&mut out, "sha256", &basic(&a.sha256));
    kv(&mut out, "paragraphs", &a.paragraphs.to_string());
    opt(&mut out, "outlet", &a.outlet);
    opt(&mut out, "url", &a.url);
    if let Some(d) = &a.published {
        kv(&mut out, "published", &d.to_string());
    }
    opt(&mut out, "author", &a.author);
    extra(&mut out, &a.extra);

    out.push_str("\n[annotator]\n");
    kv(&mut out, "name", &basic(&set.annotator.name));
    if let Some(d) = &set.annotator.updated {
        kv(&mut out, "updated", &d.to_string());
    }
    if let Some(p) = set.annotator.position {
        kv(&mut out, "position", &p.to_string());
    }
    if let Some(d) = &set.annotator.done {
        kv(&mut out, "done", &d.to_string());
    }
    extra(&mut out, &set.annotator.extra);

    for c in &set.claims {
        out.push_str("\n[[claims]]\n");
        opt(&mut out, "id", &c.id);
        kv(&mut out, "paragraph", &c.paragraph.to_string());
        kv(&mut out, "start", &c.start.to_string());
        kv(&mut out, "end", &c.end.to_string());
        kv(&mut out, "quote", &basic(&c.quote));
        kv(&mut out, "kind", &basic(c.kind.as_str()));
        opt(&mut out, "source", &c.source);
        opt(&mut out, "note", &c.note);
        if !c.tags.is_empty() {
            let tags: Vec<String> = c.tags.iter().map(|t| basic(t)).collect();
            kv(&mut out, "tags", &format!("[{}]", tags.join(", ")));
        }
        opt(&mut out, "prefix", &c.prefix);
        opt(&mut out, "suffix", &c.suffix);
        opt(&mut out, "status", &c.status);
        opt(&mut out, "previous_quote", &c.previous_quote);
        extra(&mut out, &c.extra);
    }

    for d in &set.dismissed {
        out.push_str("\n[[dismissed]]\n");
        kv(&mut out, "paragraph", &d.paragraph.to_string());
        kv(&mut out, "start", &d.start.to_string());
        kv(&mut out, "end", &d.end.to_string());
        kv(&mut out, "quote", &basic(&d.quote));
        kv(&mut out, "kind", &basic(d.kind.as_str()));
        extra(&mut out, &d.extra);
    }

    write_tail(&mut out, &set.extra);
    out
}

/// `format` and the unknown top-level keys that are not tables: they must
/// come before the first section.
pub(super) fn write_head(out: &mut String, format: &str, extra: &Extra) {
    kv(out, "format", &basic(format));
    for (k, v) in extra.iter().filter(|(_, v)| !is_table_like(v)) {
        kv(out, k, &value(v));
    }
}

/// The unknown top-level tables, after every known section.
pub(super) fn write_tail(out: &mut String, extra: &Extra) {
    let rest: toml::Table = extra
        .iter()
        .filter(|(_, v)| is_table_like(v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !rest.is_empty() {
        out.push('\n');
        out.push_str(&toml::to_string(&rest).unwrap_or_default());
    }
}

pub(super) fn is_table_like(v: &toml::Value) -> bool {
    match v {
        toml::Value::Table(_) => true,
        toml::Value::Array(a) => !a.is_empty() && a.iter().all(|v| v.is_table()),
        _ => false,
    }
}

pub(super) fn kv(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{} = {value}", key_repr(key));
}

pub(super) fn opt(out: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        kv(out, key, &basic(v));
    }
}

/// Unknown keys inside a section, written after the known ones. Nested
/// tables become inline tables so they stay inside their section.
pub(super) fn extra(out: &mut String, t: &Extra) {
    for (k, v) in t {
        kv(out, k, &value(v));
    }
}

pub(super) fn value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => basic(s),
        toml::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(value).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key_repr(k), value(v)))
                .collect();
            if items.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
        toml::Value::Float(f) if f.is_nan() => "nan".into(),
        toml::Value::Float(f) if f.is_infinite() => {
            if *f > 0.0 {
                "inf".into()
            } else {
                "-inf".into()
            }
        }
        toml::Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.1}"),
        other => other.to_string(),
    }
}

fn key_repr(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_owned()
    } else {
        basic(k)
    }
}

/// A TOML basic string: one line, every control character escaped.
pub fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
