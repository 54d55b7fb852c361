//! The rule cases: `rules/<lang>/<rule>.toml`, each a list of `[[case]]`s
//! written by us. A case is a paragraph (`text`, after any `context`
//! paragraphs) and what the suggestions must hold for it:
//!
//! - `quote`: the words of the suggestion expected, and its `kind`
//!   (sourced, anonymous, editorial), its `source` (omitted: none), the
//!   `mention` that names the source in the sentence when the source is a
//!   fuller name from elsewhere (omitted: not checked), its `cue` (omitted:
//!   not checked) and its `rule` (omitted: the file's name);
//! - `absent = true`: no suggestion of that `kind` (sourced and anonymous
//!   count as one) over `quote`, or over the whole paragraph when `quote`
//!   is omitted: what the rules must not do.
//!
//! `headline = true` makes the text the article's first paragraph.
//!
//! Every failing case is listed, then the test fails.

use byline_model::annotation::Kind;
use byline_suggest::Suggester;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    context: Vec<String>,
    text: String,
    quote: Option<String>,
    kind: String,
    source: Option<String>,
    mention: Option<String>,
    cue: Option<String>,
    rule: Option<String>,
    #[serde(default)]
    absent: bool,
    /// The text is the article's first paragraph, its headline.
    #[serde(default)]
    headline: bool,
}

fn kind(k: &str) -> Kind {
    match k {
        "sourced" => Kind::Sourced,
        "anonymous" => Kind::Anonymous,
        "editorial" => Kind::Editorial,
        other => panic!("unknown kind {other:?}"),
    }
}

fn files() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut out = Vec::new();
    for lang in std::fs::read_dir(&root).unwrap() {
        let lang = lang.unwrap().path();
        let code = lang.file_name().unwrap().to_string_lossy().to_string();
        for f in std::fs::read_dir(&lang).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "toml") {
                out.push((code.clone(), f));
            }
        }
    }
    out.sort();
    out
}

/// The char range of `quote` in `text`.
fn chars_of(text: &str, quote: &str, at: &str) -> (usize, usize) {
    let b = text
        .find(quote)
        .unwrap_or_else(|| panic!("{at}: quote not in text"));
    let start = text[..b].chars().count();
    (start, start + quote.chars().count())
}

#[test]
fn every_rule_case_holds() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (lang, path) in files() {
        let s = Suggester::for_lang(&lang)
            .unwrap_or_else(|| panic!("{}: no language pack {lang}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let file: File = toml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (i, c) in file.case.iter().enumerate() {
            cases += 1;
            // A first line that is a headline, as in an article, unless
            // the case is the headline.
            let mut body = if c.headline {
                String::new()
            } else {
                String::from("Rule case\n\n")
            };
            for p in &c.context {
                body.push_str(p);
                body.push_str("\n\n");
            }
            body.push_str(&c.text);
            body.push('\n');
            if c.headline {
                body.push_str("\nThe story follows.\n");
            }
            let article = byline_model::article::parse(Path::new("case.txt"), body.as_bytes())
                .expect("a case parses");
            let number = if c.headline {
                1
            } else {
                article.paragraphs.len()
            };
            let got: Vec<_> = s
                .article(&article)
                .into_iter()
                .filter(|g| g.at.para.number() == number)
                .collect();
            let want = kind(&c.kind);
            let shown = got
                .iter()
                .map(|g| {
                    format!(
                        "{} {:?} ({:?} as {:?}) [{}]",
                        g.kind, g.quote, g.source, g.mention, g.rule
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let at = format!("{}: case {} ({:?})", path.display(), i + 1, c.text);
            let same_group = |k: Kind| k == want || (k.has_source() && want.has_source());
            if c.absent {
                let (start, end) = match &c.quote {
                    Some(q) => chars_of(&c.text, q, &at),
                    None => (0, usize::MAX),
                };
                if got
                    .iter()
                    .any(|g| same_group(g.kind) && g.at.start < end && start < g.at.end)
                {
                    failures.push(format!(
                        "{at}: expected no {} suggestion, got {shown}",
                        c.kind
                    ));
                }
                continue;
            }
            let quote = c
                .quote
                .as_deref()
                .unwrap_or_else(|| panic!("{at}: a case has a quote, or absent = true"));
            let rule = c.rule.as_deref().unwrap_or(&stem);
            let hit = got.iter().any(|g| {
                g.quote == quote
                    && g.kind == want
                    && g.source.as_deref() == c.source.as_deref()
                    && (c.mention.is_none() || g.mention == c.mention)
                    && c.cue.as_ref().is_none_or(|cue| &g.cue == cue)
                    && g.rule == rule
            });
            if !hit {
                failures.push(format!(
                    "{at}: expected {} {quote:?} ({:?}, cue {:?}) [{rule}], got {}",
                    c.kind,
                    c.source,
                    c.cue,
                    if shown.is_empty() { "nothing" } else { &shown }
                ));
            }
        }
    }
    assert!(cases > 0, "no rule cases found");
    assert!(
        failures.is_empty(),
        "{} of {cases} rule cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
