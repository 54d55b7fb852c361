//! FORMAT.md v1 in and out. Reading is lenient about what is optional and
//! keeps unknown keys; writing is deterministic, so the same annotations
//! always give the same bytes.

use super::StoreError;
use super::write::{At, Writer};
use byline_model::Loc;
use byline_model::annotation::{
    AnnotationSet, AnnotatorMeta, ArticleMeta, Claim, Dismissed, Extra, Kind,
};
use serde::{Deserialize, Serialize};
use std::path::Path;
use toml::Spanned;
use toml::value::Datetime;

pub use super::write::basic;

pub const FORMAT: &str = "byline/1";

/// An annotator file (FORMAT.md): the one schema every reader and the
/// writer use. Its fields, in the order they are written, are the file's
/// known keys ([`known_keys`]); anything else is an unknown key, kept.
///
/// `F` is how `format` is read, `C` a claim and `D` the `[[dismissed]]`
/// entries: spanned, for the exact `line:column` of a message (the full
/// parse, the defaults); plain, for speed (the bulk readers, [`super::lean`],
/// which skip the dismissed entries unread); plain values to write.
#[derive(Deserialize, Serialize)]
#[serde(bound(
    deserialize = "F: Deserialize<'de>, C: Deserialize<'de>, D: Deserialize<'de> + Default",
    serialize = "F: Serialize, C: Serialize, D: Serialize + Entries"
))]
pub(super) struct RawFile<
    F = Spanned<String>,
    C = Spanned<RawClaim>,
    D = Vec<Spanned<RawDismissed>>,
> {
    pub(super) format: Option<F>,
    pub(super) article: RawArticle,
    pub(super) annotator: RawAnnotator,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub(super) claims: Vec<C>,
    #[serde(default, skip_serializing_if = "Entries::none")]
    pub(super) dismissed: D,
}

/// A list of entries that is not written when it has none.
pub(super) trait Entries {
    fn none(&self) -> bool;
}

impl<T> Entries for Vec<T> {
    fn none(&self) -> bool {
        self.is_empty()
    }
}

/// `K` is how a dismissed suggestion's kind is read (spanned, for the exact
/// message) or written ([`Kind`]).
#[derive(Deserialize, Serialize)]
pub(super) struct RawDismissed<K = Spanned<String>> {
    paragraph: usize,
    start: usize,
    end: usize,
    quote: String,
    kind: K,
}

#[derive(Deserialize, Serialize)]
pub(super) struct RawArticle {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) path: Option<String>,
    pub(super) sha256: String,
    pub(super) paragraphs: Spanned<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) published: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) author: Option<String>,
}

#[derive(Deserialize, Serialize)]
pub(super) struct RawAnnotator {
    pub(super) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) updated: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) position: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
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

    fn of(a: &ArticleMeta) -> RawArticle {
        RawArticle {
            id: a.id.clone(),
            title: a.title.clone(),
            path: a.path.clone(),
            sha256: a.sha256.clone(),
            paragraphs: Spanned::new(0..0, a.paragraphs),
            outlet: a.outlet.clone(),
            url: a.url.clone(),
            published: a.published,
            author: a.author.clone(),
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

    fn of(a: &AnnotatorMeta) -> RawAnnotator {
        RawAnnotator {
            name: a.name.clone(),
            updated: a.updated,
            position: a.position,
            done: a.done,
        }
    }
}

/// A claim. `K` is how its kind is read (a spanned string for the exact
/// message, or straight into a [`Kind`]) or written; `S` is how `tags`,
/// `prefix` and `suffix` are read: as text, or checked and dropped
/// ([`AnyString`], for a bulk reader that never saves).
#[derive(Deserialize, Serialize)]
#[serde(bound(
    deserialize = "K: Deserialize<'de>, S: Deserialize<'de>",
    serialize = "K: Serialize, S: Serialize"
))]
pub(super) struct RawClaim<K = Spanned<String>, S = String> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<String>,
    pub(super) paragraph: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) quote: String,
    pub(super) kind: K,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub(super) tags: Vec<S>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) prefix: Option<S>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) suffix: Option<S>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) previous_quote: Option<String>,
}

/// What a claim keeps of a text field once read: the text, or, for a
/// reader that drops it ([`AnyString`]), nothing.
pub(super) trait Kept {
    fn kept(self) -> Option<String>;
}

impl Kept for String {
    fn kept(self) -> Option<String> {
        Some(self)
    }
}

impl Kept for AnyString {
    fn kept(self) -> Option<String> {
        None
    }
}

impl<K, S: Kept> RawClaim<K, S> {
    /// The claim, with what `S` keeps of its tags, prefix and suffix.
    pub(super) fn into_claim(self, kind: Kind, extra: Extra) -> Claim {
        Claim {
            id: self.id,
            at: Loc::new(checked_para(self.paragraph), self.start, self.end),
            quote: self.quote,
            kind,
            source: self.source,
            note: self.note,
            tags: self.tags.into_iter().filter_map(Kept::kept).collect(),
            prefix: self.prefix.and_then(Kept::kept),
            suffix: self.suffix.and_then(Kept::kept),
            status: self.status,
            previous_quote: self.previous_quote,
            extra,
        }
    }
}

/// A paragraph number the checks have already seen to count from 1.
pub(super) fn checked_para(number: usize) -> byline_model::Para {
    byline_model::Para::from_number(number).expect("checked above: paragraphs count from 1")
}

impl RawClaim<Kind, String> {
    fn of(c: &Claim) -> Self {
        RawClaim {
            id: c.id.clone(),
            paragraph: c.at.para.number(),
            start: c.at.start,
            end: c.at.end,
            quote: c.quote.clone(),
            kind: c.kind,
            source: c.source.clone(),
            note: c.note.clone(),
            tags: c.tags.clone(),
            prefix: c.prefix.clone(),
            suffix: c.suffix.clone(),
            status: c.status.clone(),
            previous_quote: c.previous_quote.clone(),
        }
    }
}

/// The keys a schema struct reads, as serde derived them from its fields:
/// the one list of a section's known keys, so a key added to the schema is
/// known everywhere at once.
pub(super) fn known_keys<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut probe = FieldsProbe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// A deserializer that only asks a struct for its fields' names.
struct FieldsProbe(&'static [&'static str]);

impl<'de> serde::Deserializer<'de> for &mut FieldsProbe {
    type Error = serde::de::value::Error;

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(serde::de::Error::custom("only the fields were asked for"))
    }

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("not a struct"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

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

    /// Checks the claim `c` at byte `at` and returns its kind.
    pub(super) fn claim<S>(
        &mut self,
        at: usize,
        c: &RawClaim<Spanned<String>, S>,
    ) -> Result<Kind, StoreError> {
        let err = |at: usize, message: String| syntax(self.path, self.text, Some(at), message);
        let kind = &c.kind;
        let k = Kind::parse(kind.get_ref()).ok_or_else(|| {
            err(
                kind.span().start,
                format!(
                    "unknown kind {:?}; a claim's kind is \"sourced\", \"anonymous\" or \"editorial\"",
                    kind.get_ref()
                ),
            )
        })?;
        claim_rule(
            self.paragraphs,
            c.paragraph,
            c.start,
            c.end,
            c.status.as_deref(),
        )
        .map_err(|m| err(at, m))?;
        if let Some(id) = c.id.as_deref()
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
        kinds.push(checks.claim(spanned.span().start, spanned.get_ref())?);
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
    let article_extra = take_table(&mut table, "article", known_keys::<RawArticle>());
    let annotator_extra = take_table(&mut table, "annotator", known_keys::<RawAnnotator>());
    for k in known_keys::<RawFile>() {
        table.remove(*k);
    }
    let claim_keys = known_keys::<RawClaim>();

    let mut claims = Vec::with_capacity(raw.claims.len());
    for (i, (spanned, kind)) in raw.claims.into_iter().zip(kinds).enumerate() {
        let extra = take_extra(&mut claim_tables, i, claim_keys);
        claims.push(spanned.into_inner().into_claim(kind, extra));
    }
    let mut dismissed = Vec::with_capacity(raw.dismissed.len());
    for (i, spanned) in raw.dismissed.into_iter().enumerate() {
        let at = spanned.span().start;
        let d = spanned.into_inner();
        dismissed.push(Dismissed {
            kind: check_dismissed(path, text, at, &d)?,
            at: Loc::new(checked_para(d.paragraph), d.start, d.end),
            quote: d.quote,
            extra: take_extra(&mut dismissed_tables, i, known_keys::<RawDismissed>()),
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
    let file: RawFile<&str, RawClaim<Kind>, Vec<RawDismissed<Kind>>> = RawFile {
        format: Some(FORMAT),
        article: RawArticle::of(&set.article),
        annotator: RawAnnotator::of(&set.annotator),
        claims: set.claims.iter().map(RawClaim::of).collect(),
        dismissed: set
            .dismissed
            .iter()
            .map(|d| RawDismissed {
                paragraph: d.at.para.number(),
                start: d.at.start,
                end: d.at.end,
                quote: d.quote.clone(),
                kind: d.kind,
            })
            .collect(),
    };
    let mut w = Writer::new(&file);
    w.extra(At::Top, &set.extra);
    w.extra(At::Section("article"), &set.article.extra);
    w.extra(At::Section("annotator"), &set.annotator.extra);
    for (i, c) in set.claims.iter().enumerate() {
        w.extra(At::Entry("claims", i), &c.extra);
    }
    for (i, d) in set.dismissed.iter().enumerate() {
        w.extra(At::Entry("dismissed", i), &d.extra);
    }
    w.finish()
}

#[cfg(test)]
mod schema_tests {
    use super::*;

    #[test]
    fn known_keys_are_the_schemas_fields_in_format_order() {
        assert_eq!(
            known_keys::<RawFile>(),
            ["format", "article", "annotator", "claims", "dismissed"]
        );
        assert_eq!(
            known_keys::<RawArticle>(),
            [
                "id",
                "title",
                "path",
                "sha256",
                "paragraphs",
                "outlet",
                "url",
                "published",
                "author"
            ]
        );
        assert_eq!(
            known_keys::<RawAnnotator>(),
            ["name", "updated", "position", "done"]
        );
        assert_eq!(
            known_keys::<RawClaim>(),
            [
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
                "previous_quote"
            ]
        );
        assert_eq!(
            known_keys::<RawDismissed>(),
            ["paragraph", "start", "end", "quote", "kind"]
        );
        // The bulk readers' claims are the same schema.
        assert_eq!(
            known_keys::<RawClaim<Kind, AnyString>>(),
            known_keys::<RawClaim>()
        );
    }
}
