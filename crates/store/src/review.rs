//! Review files (FORMAT.md, "Review file") in and out: lenient about what
//! is optional, keeps unknown keys, and writes deterministic bytes with
//! verdicts sorted by paragraph, start and end.

use super::toml_io::{checked_para, known_keys, syntax, take_extra, take_table};
use super::write::{At, Writer};
use super::{StoreError, annotator_slug, write_atomic};
use byline_model::Loc;
use byline_model::annotation::Kind;
use byline_model::review::verdict::{Entry, Review, ReviewMeta, Verdict};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::value::Datetime;

pub const FORMAT: &str = "byline-review/1";

/// A review file (FORMAT.md): the one schema it is read and written by.
/// Its fields, in the order they are written, are the file's known keys;
/// `S` is how `format`, `verdict` and `kind` are read (spanned, for the
/// exact message) or written (plain strings), `V` a verdict (spanned when
/// read).
#[derive(Deserialize, Serialize)]
#[serde(bound(
    deserialize = "S: Deserialize<'de>, V: Deserialize<'de>",
    serialize = "S: Serialize, V: Serialize"
))]
struct RawFile<S = Spanned<String>, V = Spanned<RawVerdict>> {
    format: Option<S>,
    review: RawReview,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    verdicts: Vec<V>,
}

#[derive(Deserialize, Serialize)]
struct RawReview {
    article: String,
    reviewer: String,
    of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<Datetime>,
}

#[derive(Deserialize, Serialize)]
#[serde(bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
struct RawVerdict<S = Spanned<String>> {
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<String>,
    paragraph: usize,
    start: usize,
    end: usize,
    quote: String,
    verdict: S,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<S>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
}

/// `<annotations>/<article-id>/<reviewer-slug>.review.toml`
pub fn path(dir: &Path, article_id: &str, reviewer: &str) -> PathBuf {
    dir.join(article_id)
        .join(format!("{}.review.toml", annotator_slug(reviewer)))
}

/// Parses a review file. `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Review, StoreError> {
    let at = |e: &toml::de::Error| e.span().map(|s| s.start);
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| syntax(path, text, at(&e), e.message().trim().to_owned()))?;
    if let Some(f) = &raw.format
        && f.get_ref() != FORMAT
    {
        return Err(syntax(
            path,
            text,
            Some(f.span().start),
            format!(
                "format is {:?}; a review file here is {FORMAT:?}",
                f.get_ref()
            ),
        ));
    }
    // A second, untyped parse keeps whatever keys this version does not know.
    let mut table: toml::Table = toml::from_str(text)
        .map_err(|e| syntax(path, text, at(&e), e.message().trim().to_owned()))?;
    let mut verdict_tables = match table.remove("verdicts") {
        Some(toml::Value::Array(a)) => a,
        _ => Vec::new(),
    };
    let review_extra = take_table(&mut table, "review", known_keys::<RawReview>());
    for k in known_keys::<RawFile>() {
        table.remove(*k);
    }
    let verdict_keys = known_keys::<RawVerdict>();
    let mut verdicts = Vec::with_capacity(raw.verdicts.len());
    for (i, spanned) in raw.verdicts.into_iter().enumerate() {
        let at = spanned.span().start;
        let v = spanned.into_inner();
        let verdict = Verdict::parse(v.verdict.get_ref()).ok_or_else(|| {
            syntax(
                path,
                text,
                Some(v.verdict.span().start),
                format!(
                    "unknown verdict {:?}; a verdict is \"agree\" or \"dispute\"",
                    v.verdict.get_ref()
                ),
            )
        })?;
        let kind = match &v.kind {
            None => None,
            Some(k) => Some(Kind::parse(k.get_ref()).ok_or_else(|| {
                syntax(
                    path,
                    text,
                    Some(k.span().start),
                    format!(
                        "unknown kind {:?}; a proposed kind is \"sourced\", \"anonymous\" or \"editorial\"",
                        k.get_ref()
                    ),
                )
            })?),
        };
        if v.paragraph == 0
            || v.start >= v.end
            || v.paragraph > super::toml_io::MAX_PARAGRAPHS
            || v.end > super::toml_io::MAX_OFFSET
        {
            return Err(syntax(
                path,
                text,
                Some(at),
                format!(
                    "verdict anchor paragraph {} start {} end {} is not a span (paragraphs count from 1, start before end, no number past what an article can have)",
                    v.paragraph, v.start, v.end
                ),
            ));
        }
        let extra = take_extra(&mut verdict_tables, i, verdict_keys);
        verdicts.push(Entry {
            claim: v.claim,
            at: Loc::new(checked_para(v.paragraph), v.start, v.end),
            quote: v.quote,
            verdict,
            kind,
            comment: v.comment,
            extra,
        });
    }
    let r = raw.review;
    let mut review = Review {
        meta: ReviewMeta {
            article: r.article,
            reviewer: r.reviewer,
            of: r.of,
            updated: r.updated,
            extra: review_extra,
        },
        verdicts,
        extra: table,
    };
    review.sort();
    Ok(review)
}

/// Serialises a review in FORMAT.md order. Verdicts must be sorted (see
/// [`Review::sort`]).
pub fn to_string(review: &Review) -> String {
    let m = &review.meta;
    let file: RawFile<&str, RawVerdict<&str>> = RawFile {
        format: Some(FORMAT),
        review: RawReview {
            article: m.article.clone(),
            reviewer: m.reviewer.clone(),
            of: m.of.clone(),
            updated: m.updated,
        },
        verdicts: review
            .verdicts
            .iter()
            .map(|v| RawVerdict {
                claim: v.claim.clone(),
                paragraph: v.at.para.number(),
                start: v.at.start,
                end: v.at.end,
                quote: v.quote.clone(),
                verdict: v.verdict.as_str(),
                kind: v.kind.map(Kind::as_str),
                comment: v.comment.clone(),
            })
            .collect(),
    };
    let mut w = Writer::new(&file);
    w.extra(At::Top, &review.extra);
    w.extra(At::Section("review"), &m.extra);
    for (i, v) in review.verdicts.iter().enumerate() {
        w.extra(At::Entry("verdicts", i), &v.extra);
    }
    w.finish()
}

/// Reads a review file; `Ok(None)` when it does not exist yet.
pub fn load(path: &Path) -> Result<Option<Review>, StoreError> {
    let Some(contents) = super::read_file(path)? else {
        return Ok(None);
    };
    let text =
        String::from_utf8(contents.bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
    parse(path, &text).map(Some)
}

/// Writes `review` atomically, after checking that the text reads back as
/// the same review.
pub fn save(path: &Path, review: &Review) -> Result<(), StoreError> {
    let text = to_string(review);
    super::fits(path, &text)?;
    match parse(path, &text) {
        Ok(back) if &back == review => {}
        _ => return Err(StoreError::RoundTrip(path.to_owned())),
    }
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[review]
article = "harbor-council"
reviewer = "Sam Example"
of = "alex-example"

[[verdicts]]
paragraph = 5
start = 0
end = 10
quote = "We have mo"
verdict = "dispute"
kind = "editorial"
comment = "the writer's \"inference\""

[[verdicts]]
claim = "k7f3q2"
paragraph = 3
start = 0
end = 4
quote = "Mayo"
verdict = "agree"
"#;

    fn p() -> &'static Path {
        Path::new("a/sam.review.toml")
    }

    #[test]
    fn required_only_loads_sorted_and_round_trips() {
        let r = parse(p(), MINIMAL).unwrap();
        assert_eq!(r.verdicts.len(), 2);
        assert_eq!(r.verdicts[0].at.para.number(), 3);
        assert_eq!(r.verdicts[1].kind, Some(Kind::Editorial));
        let text = to_string(&r);
        assert_eq!(parse(p(), &text).unwrap(), r);
        assert_eq!(to_string(&parse(p(), &text).unwrap()), text);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn unknown_keys_survive() {
        let text = format!(
            "team = \"desk\"\n{}\nconfidence = 0.5\n\n[notes]\nseen = true\n",
            MINIMAL.replace(
                "of = \"alex-example\"\n",
                "of = \"alex-example\"\nround = 2\n"
            )
        );
        let r = parse(p(), &text).unwrap();
        let out = to_string(&r);
        assert_eq!(parse(p(), &out).unwrap(), r);
        let t: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(t["team"].as_str(), Some("desk"));
        assert_eq!(t["notes"]["seen"].as_bool(), Some(true));
        assert_eq!(t["review"]["round"].as_integer(), Some(2));
        assert_eq!(t["verdicts"][0]["confidence"].as_float(), Some(0.5));
    }

    #[test]
    fn bad_values_name_line_and_column() {
        let bad = MINIMAL.replace("verdict = \"agree\"", "verdict = \"maybe\"");
        let e = parse(p(), &bad).unwrap_err().to_string();
        assert_eq!(
            e,
            "a/sam.review.toml:22:11: unknown verdict \"maybe\"; a verdict is \"agree\" or \"dispute\""
        );
        let e = parse(p(), "[review\n").unwrap_err().to_string();
        assert!(e.starts_with("a/sam.review.toml:1:"), "{e}");
        let e = parse(
            p(),
            &MINIMAL.replace("kind = \"editorial\"", "kind = \"opinion\""),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains(":13:8: unknown kind \"opinion\""), "{e}");
    }

    #[test]
    fn path_is_beside_the_annotator_files() {
        assert_eq!(
            path(Path::new("annotations"), "harbor-council", "Sam Example"),
            Path::new("annotations/harbor-council/sam-example.review.toml")
        );
    }
}
