//! `byline text ARTICLE [--format text|json]`: what byline sees in an
//! article — its normalised paragraphs, numbered, the title, metadata and
//! sha256 — exactly the text that every offset counts into.

use crate::cli::{TextArgs, TextFormat};
use byline_model::article::Article;
use std::io::Write;

#[derive(serde::Serialize)]
struct Out<'a> {
    article: &'a str,
    title: &'a str,
    path: String,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    sha256: &'a str,
    paragraphs: Vec<Para<'a>>,
}

#[derive(serde::Serialize)]
struct Para<'a> {
    n: usize,
    heading: bool,
    text: &'a str,
}

pub fn run(args: &TextArgs) -> anyhow::Result<u8> {
    let art = byline_store::article::load(&args.article)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        TextFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json(&art))?;
            writeln!(out)?;
        }
        TextFormat::Text => out.write_all(text(&art).as_bytes())?,
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
        sha256: art.sha256(),
        paragraphs: art
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Para {
                n: i + 1,
                heading: p.heading,
                text: &p.text,
            })
            .collect(),
    }
}

/// A header of `key: value` lines, a blank line, then `¶ N  text` per
/// paragraph (`#` before a heading). Control characters a page may carry
/// are shown escaped, never sent to the terminal.
fn text(art: &Article) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let path = art.path.display().to_string();
    let mut field = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = writeln!(s, "{k:<10} {}", visible(v));
        }
    };
    field("article", Some(&art.id));
    field("title", Some(&art.title));
    field("path", Some(&path));
    field("outlet", art.outlet.as_deref());
    field("url", art.url.as_deref());
    field("published", art.published.as_deref());
    field("sha256", Some(art.sha256()));
    let n = art.paragraphs.len().to_string();
    field("paragraphs", Some(&n));
    s.push('\n');
    let width = n.len();
    for (i, p) in art.paragraphs.iter().enumerate() {
        let mark = if p.heading { "# " } else { "" };
        let _ = writeln!(s, "{:>width$}  {mark}{}", i + 1, visible(&p.text));
    }
    s
}

fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}
