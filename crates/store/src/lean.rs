//! A read-only, typed-only parse of annotator files for bulk readers such as
//! `byline export`.
//!
//! [`super::parse`] parses every file twice (typed, then untyped to keep
//! unknown keys for the next save). A reader that never saves needs neither
//! the unknown keys nor the re-anchoring context, so this path parses once
//! and skips them. It accepts and rejects exactly what [`super::parse`] does,
//! with the same `path:line:column` messages (the tests below hold it to
//! that).

use super::toml_io::{
    AnyString, ClaimChecks, RawAnnotator, RawArticle, RawClaim, RawFile, check_format, claim_rule,
    paragraphs_rule,
};
use super::{FORMAT, StoreError, line_col};
use byline_model::annotation::{AnnotationSet, Claim, Extra, Kind};
use serde::de::IgnoredAny;
use std::path::Path;
use toml::Spanned;

/// The fast path: no spans, kinds straight into [`Kind`]; `tags`, `prefix`
/// and `suffix` are checked as the full parse checks them and not kept, and
/// the dismissed suggestions are skipped unread. Anything it rejects, or
/// that fails validation, is parsed again by the spanned path, which finds
/// the line and column for the message.
type FastFile = RawFile<String, RawClaim<Kind, AnyString>, IgnoredAny>;
/// The spanned path.
type SpannedFile =
    RawFile<Spanned<String>, Spanned<RawClaim<Spanned<String>, AnyString>>, IgnoredAny>;

/// The file parsed without spans, if it is valid; `None` sends it to the
/// spanned path for an exact error.
fn fast(text: &str) -> Option<AnnotationSet> {
    let raw: FastFile = toml::from_str(text).ok()?;
    if raw.format.as_deref().is_some_and(|f| f != FORMAT) {
        return None;
    }
    let paragraphs = *raw.article.paragraphs.get_ref();
    paragraphs_rule(paragraphs).ok()?;
    let mut ids = std::collections::HashSet::new();
    let mut claims = Vec::with_capacity(raw.claims.len());
    for c in raw.claims {
        claim_rule(paragraphs, c.paragraph, c.start, c.end, c.status.as_deref()).ok()?;
        if let Some(id) = &c.id
            && !ids.insert(id.clone())
        {
            return None;
        }
        let kind = c.kind;
        claims.push(c.into_claim(kind, Extra::new()));
    }
    Some(finish(raw.article, raw.annotator, claims))
}

fn finish(a: RawArticle, annotator: RawAnnotator, claims: Vec<Claim>) -> AnnotationSet {
    let mut set = AnnotationSet {
        article: a.into_meta(Extra::new()),
        annotator: annotator.into_meta(Extra::new()),
        claims,
        // Bulk readers never count dismissed suggestions: skipped unread.
        dismissed: Vec::new(),
        extra: Extra::new(),
    };
    set.sort();
    set
}

fn syntax(path: &Path, text: &str, at: usize, message: String) -> StoreError {
    let (line, column) = line_col(text, at);
    StoreError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

/// Parses an annotator file for reading only, in one typed pass.
///
/// The result has no unknown keys (`extra` tables are empty) and its claims
/// have no `tags`, `prefix` or `suffix`: never save it, it would drop them.
/// Validation and error messages are those of [`super::parse`].
pub fn parse_claims_only(path: &Path, text: &str) -> Result<AnnotationSet, StoreError> {
    if let Some(set) = fast(text) {
        return Ok(set);
    }
    let raw: SpannedFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        syntax(path, text, at, e.message().trim().to_owned())
    })?;
    check_format(path, text, raw.format.as_ref())?;
    let mut claims = Vec::with_capacity(raw.claims.len());
    let mut checks = ClaimChecks::new(path, text, &raw.article.paragraphs)?;
    for spanned in raw.claims {
        let at = spanned.span().start;
        let c = spanned.into_inner();
        let kind = checks.claim(at, &c)?;
        claims.push(c.into_claim(kind, Extra::new()));
    }
    Ok(finish(raw.article, raw.annotator, claims))
}

/// Reads and parses an annotator file with [`parse_claims_only`]. A missing
/// file is an error here: a bulk reader was told the file exists.
pub fn load_claims_only(path: &Path) -> Result<AnnotationSet, StoreError> {
    let contents = super::read_file(path)?
        .ok_or_else(|| super::io(path)(std::io::Error::from_raw_os_error(libc::ENOENT)))?;
    let text =
        String::from_utf8(contents.bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
    parse_claims_only(path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "format = \"byline/1\"\nproject = \"x\"\n\n[article]\nid = \"a\"\ntitle = \"T\"\nsha256 = \"abc\"\nparagraphs = 3\noutlet = \"Gazette\"\n\n[annotator]\nname = \"Alex\"\n";

    fn claim(body: &str) -> String {
        format!("{HEAD}\n[[claims]]\n{body}\n")
    }

    /// The full parse, with what the lean one leaves out taken away.
    fn full_minus_extras(text: &str) -> Result<AnnotationSet, String> {
        let p = Path::new("d/a.toml");
        super::super::parse(p, text)
            .map(|mut s| {
                s.extra.clear();
                s.article.extra.clear();
                s.annotator.extra.clear();
                for c in &mut s.claims {
                    c.extra.clear();
                    c.tags.clear();
                    c.prefix = None;
                    c.suffix = None;
                }
                s
            })
            .map_err(|e| e.to_string())
    }

    #[test]
    fn agrees_with_the_full_parse() {
        let cases = [
            HEAD.to_owned(),
            HEAD.replace(
                "name = \"Alex\"\n",
                "name = \"Alex\"\nposition = 2\ndone = 2026-11-26T04:10:00Z\n",
            ),
            claim(
                "paragraph = 2\nstart = 0\nend = 4\nquote = \"abcd\"\nkind = \"anonymous\"\nsource = \"officials\"\nnote = \"n\"\ntags = [\"t\"]\nprefix = \"p\"\nsuffix = \"s\"\nstatus = \"needs-review\"\nmine = 3",
            ),
            format!(
                "{}\n[[claims]]\nid = \"b\"\nparagraph = 1\nstart = 1\nend = 2\nquote = \"x\"\nkind = \"editorial\"\n",
                claim(
                    "id = \"a\"\nparagraph = 3\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\""
                )
            ),
            // Each of these is an error, with the same message both ways.
            claim("paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"opinion\""),
            claim("paragraph = 4\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\""),
            claim("paragraph = 0\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\""),
            claim("paragraph = 1\nstart = 2\nend = 2\nquote = \"x\"\nkind = \"sourced\""),
            claim("paragraph = 1\nstart = 0\nend = 1\nkind = \"sourced\""),
            format!(
                "{}\n[[claims]]\nid = \"a\"\nparagraph = 1\nstart = 1\nend = 2\nquote = \"x\"\nkind = \"editorial\"\n",
                claim(
                    "id = \"a\"\nparagraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\""
                )
            ),
            HEAD.replace("byline/1", "byline/2"),
            HEAD.replace("name = \"Alex\"", ""),
            HEAD.replace("paragraphs = 3", "paragraphs = \"3\""),
            // Numbers no article can have, and values of the wrong type in
            // fields the lean parse does not keep.
            HEAD.replace("paragraphs = 3", "paragraphs = 18446744073709551615"),
            HEAD.replace("paragraphs = 3", "paragraphs = 1000000000000"),
            claim(
                "paragraph = 1\nstart = 0\nend = 100000000000\nquote = \"x\"\nkind = \"sourced\"",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 18446744073709551615\nquote = \"x\"\nkind = \"sourced\"",
            ),
            claim(
                "paragraph = 18446744073709551615\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\nstatus = \"needs-review\"",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\ntags = \"x\"",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\ntags = [1]",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\nprefix = 5",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\nsuffix = []",
            ),
            claim(
                "paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\nstatus = \"banana\"",
            ),
            claim(
                "paragraph = 99\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"sourced\"\nstatus = \"needs-review\"",
            ),
            "[article\nid = 1".to_owned(),
        ];
        for text in &cases {
            let lean = parse_claims_only(Path::new("d/a.toml"), text).map_err(|e| e.to_string());
            assert_eq!(lean, full_minus_extras(text), "input:\n{text}");
        }
    }

    #[test]
    fn unknown_kind_names_line_and_column() {
        let text = claim("paragraph = 1\nstart = 0\nend = 1\nquote = \"x\"\nkind = \"opinion\"");
        let e = parse_claims_only(Path::new("d/a.toml"), &text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "d/a.toml:19:8: unknown kind \"opinion\"; a claim's kind is \"sourced\", \"anonymous\" or \"editorial\""
        );
    }
}
