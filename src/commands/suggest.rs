//! `byline suggest ARTICLE [--format text|json]`: the claims the annotation
//! screen would suggest, for scripts and for measuring them.

use crate::cli::{SuggestArgs, SuggestFormat};
use crate::config::SuggestConfig;
use byline_suggest::Suggestion;
use std::io::Write;

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
            crate::output::warning(format_args!(
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
    let mut out = std::io::stdout().lock();
    match args.format {
        SuggestFormat::Json => {
            serde_json::to_writer(
                &mut out,
                &Out {
                    article: &article.id,
                    suggestions: &all,
                },
            )?;
            writeln!(out)?;
        }
        SuggestFormat::Text => {
            for s in &all {
                let source = s
                    .source
                    .as_deref()
                    .map(|src| format!(" ({src})"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "¶{} {}..{} {}{source} [{}]: {}",
                    s.paragraph, s.start, s.end, s.kind, s.cue, s.quote
                )?;
            }
            let n = all.len();
            writeln!(out, "{n} suggestion{}", if n == 1 { "" } else { "s" })?;
        }
    }
    Ok(0)
}
