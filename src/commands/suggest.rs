//! `byline suggest ARTICLE [--format text|json]`: the claims the annotation
//! screen would suggest, for scripts and for measuring them. Quotes and
//! sources come from the article, so both formats go through
//! [`crate::output`] and its sanitising layer.

use crate::cli::{SuggestArgs, SuggestFormat};
use crate::config::SuggestConfig;
use crate::output;
use byline_model::sanitize;
use byline_suggest::Suggestion;
use std::fmt::Write as _;

#[derive(serde::Serialize)]
struct Out<'a> {
    article: &'a str,
    suggestions: &'a [Suggestion],
}

pub fn run(args: &SuggestArgs, config: &SuggestConfig) -> anyhow::Result<u8> {
    let suggester = config.suggester()?;
    let article = byline_store::article::load(&args.article)?;
    let all = suggester.article(&article);
    for (i, p) in article.paragraphs.iter().enumerate() {
        let n = byline_suggest::long_sentences(p);
        if n > 0 && !p.heading {
            output::warning(format_args!(
                "{}: paragraph {}: {n} {} too long to read for suggestions (over {} bytes with no full stop); none are made there",
                args.article.display(),
                i + 1,
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
            for g in &all {
                let source = g
                    .source
                    .as_deref()
                    .map(|src| format!(" ({})", sanitize::line(src)))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "¶{} {}..{} {}{source} [{}]: {}",
                    g.paragraph,
                    g.start,
                    g.end,
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
    Ok(0)
}
