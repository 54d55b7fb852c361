//! `byline suggest ARTICLE|FOLDER… [--format text|json] [--lang L]`: the
//! claims the annotation screen would suggest, for scripts and for
//! measuring them; JSON Lines, an object an article, for several. Quotes and
//! sources come from the article, so both formats go through
//! [`crate::output`] and its sanitising layer.

use crate::cli::{SuggestArgs, SuggestFormat};
use crate::config::SuggestConfig;
use crate::output;
use byline_model::{Para, sanitize};
use byline_store::corpus;
use byline_suggest::{Suggester, Suggestion};
use std::fmt::Write as _;
use std::path::Path;

#[derive(serde::Serialize)]
struct Out<'a> {
    article: &'a str,
    suggestions: &'a [Suggestion],
}

pub fn run(args: &SuggestArgs, config: &SuggestConfig) -> anyhow::Result<u8> {
    // An unknown --lang is a mistake in the command: nothing is read.
    if let Some(l) = &args.lang
        && byline_suggest::pack_code(l).is_none()
    {
        output::error(format_args!(
            "--lang {}: byline has no language pack for it (it has: {})",
            sanitize::line(l),
            byline_suggest::packs().join(", ")
        ));
        return Ok(2);
    }
    let gathered = corpus::gather_noting(&args.articles, Path::new("annotations"))?;
    if let Some(note) = gathered.note() {
        output::warning(format_args!("{note}"));
    }
    // English carries the user's extra lexicon; other packs are read as
    // they ship.
    let packs = byline_suggest::Packs::new(config.suggester()?);
    let mut warned = std::collections::HashSet::new();
    let mut failed = false;
    for path in &gathered.files {
        let article = match byline_store::article::load(path) {
            Ok(a) => a,
            // One article of a folder that cannot be read does not stop
            // the rest; a single one named is the command's error.
            Err(e) if gathered.files.len() > 1 => {
                output::error(format_args!("{e}"));
                failed = true;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let tag = args.lang.as_deref().or(article.lang.as_deref());
        let lang = match (tag, tag.and_then(byline_suggest::pack_code)) {
            (_, Some(code)) => code,
            (Some(l), None) => {
                if warned.insert(l.to_lowercase()) {
                    output::warning(format_args!(
                        "{}: the page says its language is {}; byline has no pack for it (it has: {}), so it is read as English",
                        path.display(),
                        sanitize::line(l),
                        byline_suggest::packs().join(", ")
                    ));
                }
                "en"
            }
            (None, None) => "en",
        };
        let suggester = &*packs.for_tag(Some(lang));
        print_one(args, path, &article, suggester, gathered.files.len() > 1)?;
    }
    Ok(if failed { 1 } else { 0 })
}

fn print_one(
    args: &SuggestArgs,
    path: &Path,
    article: &byline_model::article::Article,
    suggester: &Suggester,
    several: bool,
) -> anyhow::Result<()> {
    let all = suggester.article(article);
    for (i, p) in Para::all(article.len()).zip(&article.paragraphs) {
        let n = byline_suggest::long_sentences(p);
        if n > 0 && !p.heading {
            output::warning(format_args!(
                "{}: paragraph {}: {n} {} too long to read for suggestions (over {} bytes with no full stop); none are made there",
                path.display(),
                i,
                if n == 1 {
                    "sentence is"
                } else {
                    "sentences are"
                },
                byline_suggest::MAX_SENTENCE_BYTES
            ));
        }
    }
    match args.format {
        SuggestFormat::Json => {
            let json = serde_json::to_string(&Out {
                article: &article.id,
                suggestions: &all,
            })?;
            output::print_json(&format!("{json}\n"))?;
        }
        SuggestFormat::Text => {
            let mut s = String::new();
            if several {
                let _ = writeln!(s, "== {}", sanitize::line(&path.display().to_string()));
            }
            for g in &all {
                let source = g
                    .source
                    .as_deref()
                    .map(|src| format!(" ({})", sanitize::line(src)))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "¶{} {}..{} {}{source} [{}]: {}",
                    g.at.para,
                    g.at.start,
                    g.at.end,
                    g.kind,
                    sanitize::line(&g.cue),
                    sanitize::line(&g.quote)
                );
            }
            let n = all.len();
            let _ = writeln!(s, "{n} suggestion{}", if n == 1 { "" } else { "s" });
            output::print(&s)?;
        }
    }
    Ok(())
}
