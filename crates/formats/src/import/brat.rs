//! brat standoff: `NAME.ann` beside `NAME.txt`. `T` lines are spans
//! (labels `Sourced`, `Anonymous`, `Editorial`, any case), `#` lines
//! `AnnotatorNotes` (byline writes `source: …`, `note: …`, `id: …`,
//! `tags: …`; any other note is the claim's note), `A` lines
//! `NeedsReview`. Relations, events and normalisations carry nothing
//! byline keeps and are passed over.

use super::{ImportError, Record, Span, read_text, read_text_no_link};
use crate::export::interchange::parse_label;
use std::collections::HashMap;
use std::path::Path;

pub fn read(file: &Path) -> Result<Vec<Record>, ImportError> {
    let ann = read_text(file)?;
    let txt_path = file.with_extension("txt");
    // Found, not named: a link there (`x.txt -> ~/.git-credentials`)
    // would put any file's text into the annotations as its title.
    let linked = std::fs::symlink_metadata(&txt_path).is_ok_and(|m| m.file_type().is_symlink());
    let mut text = read_text_no_link(&txt_path).map_err(|_| {
        ImportError::file(
            file,
            if linked {
                format!(
                    "its text {} is a symbolic link, which byline does not follow in files it imports (it could lead to any file); put the text itself there",
                    txt_path.display()
                )
            } else {
                format!(
                    "its text {} cannot be read; brat keeps the text beside the .ann",
                    txt_path.display()
                )
            },
        )
    })?;
    // byline's export ends the text with one line break after the last
    // paragraph; it is no part of any span.
    if text.ends_with('\n') && !text.ends_with("\n\n") {
        text.pop();
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, line) in ann.lines().enumerate() {
        let at = format!("line {}", i + 1);
        let err = |message: String| ImportError::Record {
            file: file.to_owned(),
            at: at.clone(),
            message,
        };
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let Some(first) = fields.first().filter(|f| !f.is_empty()) else {
            continue;
        };
        match first.chars().next() {
            Some('T') => {
                let [id, head, quote] = fields[..] else {
                    return Err(err("a T line is ID, TAB, LABEL START END, TAB, TEXT".into()));
                };
                if head.contains(';') {
                    return Err(err(
                        "a discontinuous span (START END;START END); a claim is one stretch of text"
                            .into(),
                    ));
                }
                let mut parts = head.split(' ');
                let label = parts.next().unwrap_or_default();
                let kind = parse_label(label).ok_or_else(|| {
                    err(format!(
                        "unknown label {label:?}; byline knows Sourced, Anonymous and Editorial"
                    ))
                })?;
                let num = |s: Option<&str>| s.and_then(|s| s.parse::<usize>().ok());
                let (Some(a), Some(b)) = (num(parts.next()), num(parts.next())) else {
                    return Err(err("START and END are not whole numbers".into()));
                };
                by_id.insert(id.to_owned(), spans.len());
                spans.push(Span {
                    at: at.clone(),
                    offsets: Some((a, b)),
                    quote: Some(quote.to_owned()),
                    kind: Some(kind),
                    ..Span::default()
                });
            }
            Some('#') => {
                let [_, head, note] = fields[..] else {
                    continue;
                };
                let mut parts = head.split(' ');
                if parts.next() != Some("AnnotatorNotes") {
                    continue;
                }
                let target = parts.next().unwrap_or_default();
                let &j = by_id.get(target).ok_or_else(|| {
                    err(format!(
                        "a note on {target}, which is not a T line above it"
                    ))
                })?;
                let s = &mut spans[j];
                match note.split_once(": ") {
                    Some(("source", v)) => s.source = Some(v.to_owned()),
                    Some(("note", v)) => s.note = Some(v.to_owned()),
                    Some(("id", v)) => s.id = Some(v.to_owned()),
                    Some(("tags", v)) => {
                        s.tags = v.split(", ").map(str::to_owned).collect();
                    }
                    _ => {
                        s.note = Some(match s.note.take() {
                            Some(n) => format!("{n}; {note}"),
                            None => note.to_owned(),
                        })
                    }
                }
            }
            Some('A') | Some('M') => {
                let head = fields.get(1).copied().unwrap_or_default();
                let mut parts = head.split(' ');
                if parts.next() == Some("NeedsReview")
                    && let Some(&j) = parts.next().and_then(|t| by_id.get(t))
                {
                    spans[j].status = Some(byline_model::annotation::NEEDS_REVIEW.into());
                }
            }
            _ => {}
        }
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article_id = file
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().into_owned());
    Ok(vec![Record {
        at: "the file".into(),
        text: Some(text),
        article_id,
        article_id_guessed: true,
        annotator: Some(stem),
        spans,
        ..Record::default()
    }])
}
