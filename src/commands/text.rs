//! `byline text ARTICLE [--format text|json]`: what byline sees in an
//! article — its normalised paragraphs, numbered, the title, metadata and
//! sha256 — exactly the text that every offset counts into.

use crate::cli::{TextArgs, TextFormat};
use crate::output;
use byline_model::article::Article;
use byline_model::sanitize;

#[derive(serde::Serialize)]
struct Out<'a> {
    article: &'a str,
    title: &'a str,
    path: String,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    author: Option<&'a str>,
    sha256: &'a str,
    paragraphs: Vec<Para<'a>>,
}

#[derive(serde::Serialize)]
struct Para<'a> {
    /// Shown as its number, from 1.
    n: byline_model::Para,
    heading: bool,
    text: &'a str,
}

pub fn run(args: &TextArgs) -> anyhow::Result<u8> {
    let art = byline_store::article::load(&args.article)?;
    match args.format {
        TextFormat::Json => {
            output::print_json(&format!("{}\n", serde_json::to_string_pretty(&json(&art))?))?
        }
        TextFormat::Text => output::print(&text(&art))?,
    }
    Ok(0)
}

fn json(art: &Article) -> Out<'_> {
    Out {
        article: &art.id,
        title: &art.title,
        path: art.path.display().to_string(),
        outlet: art.outlet.as_deref(),
        url: art.url.as_deref(),
        published: art.published.as_deref(),
        author: art.author.as_deref(),
        sha256: art.sha256(),
        paragraphs: art
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Para {
                n: byline_model::Para::from_index(i),
                heading: p.heading,
                text: &p.text,
            })
            .collect(),
    }
}

/// A header of `key: value` lines, a blank line, then `¶ N  text` per
/// paragraph (`#` before a heading). Each field is one line: control and
/// bidi characters it may carry are shown escaped ([`sanitize::line`]),
/// never sent to the terminal.
fn text(art: &Article) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let path = art.path.display().to_string();
    let mut field = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = writeln!(s, "{k:<10} {}", sanitize::line(v));
        }
    };
    field("article", Some(&art.id));
    field("title", Some(&art.title));
    field("path", Some(&path));
    field("outlet", art.outlet.as_deref());
    field("url", art.url.as_deref());
    field("published", art.published.as_deref());
    field("author", art.author.as_deref());
    field("sha256", Some(art.sha256()));
    let n = art.paragraphs.len().to_string();
    field("paragraphs", Some(&n));
    s.push('\n');
    let width = n.len();
    for (i, p) in byline_model::Para::all(art.len()).zip(&art.paragraphs) {
        let mark = if p.heading { "# " } else { "" };
        let _ = writeln!(s, "{i:>width$}  {mark}{}", sanitize::line(&p.text));
    }
    s
}
