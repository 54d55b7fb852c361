//! doccano's JSON Lines for sequence labelling, one document a line: the
//! older `{"text", "label": [[start, end, "LABEL"], …]}` (also `labels`)
//! and the newer `{"text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": […]}`. doccano counts offsets in
//! characters (Python `str` indices). byline's own keys on an entity
//! (`claim`, `source`, `note`, `cue`, `tags`, `status`) and on the line
//! (`article`, `annotator`, `title`, `outlet`, `url`, `published`) are
//! read when present; the annotator is otherwise `--annotator`, else the
//! file's name (doccano exports one file per user).

use super::labels::Mapping;
use super::{ImportError, Parsed, Problem, Record, Span, read_text, span_label};
use serde_json::Value;
use std::path::Path;

pub fn read(file: &Path, labels: &Mapping) -> Result<Parsed, ImportError> {
    let text = read_text(file)?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let many = lines.len() > 1;
    let mut parsed = Parsed::default();
    for (i, line) in lines {
        let at = format!("line {}", i + 1);
        match read_line(line, &at, labels, &mut parsed) {
            Ok(mut r) => {
                if r.annotator.is_none() {
                    r.annotator = Some(stem.clone());
                }
                // Documents without an article id of their own are told
                // apart by their doccano id, else their line.
                if r.article_id.is_none() && many {
                    r.article_id = Some(format!("{stem}-{}", r.at));
                }
                r.at = at;
                parsed.records.push(r);
            }
            Err(p) => parsed.problems.push(p),
        }
    }
    Ok(parsed)
}

/// One span as the line gives it: where, start, end, label, and the
/// entity object when there is one.
type Found<'a> = (String, Option<u64>, Option<u64>, String, Option<&'a Value>);

fn read_line(
    line: &str,
    at: &str,
    labels: &Mapping,
    parsed: &mut Parsed,
) -> Result<Record, Problem> {
    let v: Value =
        serde_json::from_str(line).map_err(|e| Problem::new(at, format!("not JSON: {e}")))?;
    let Some(text) = v["text"].as_str() else {
        return Err(Problem::new(at, "no \"text\" string; skipped"));
    };
    let s = |k: &str| v[k].as_str().map(str::to_owned);
    let n_chars = text.chars().count();
    let mut r = Record {
        // The document's id, for the article id when none is given.
        at: match &v["id"] {
            Value::Number(n) => n.to_string(),
            _ => at.trim_start_matches("line ").to_owned(),
        },
        text: Some(text.to_owned()),
        text_is_article: true,
        annotator: s("annotator").or_else(|| s("user")),
        ..Record::with_article_keys(s)
    };
    let mut found: Vec<Found> = Vec::new();
    for key in ["label", "labels"] {
        if let Some(list) = v[key].as_array() {
            for (j, e) in list.iter().enumerate() {
                let eat = format!("{at}, {key} {}", j + 1);
                match e.as_array().map(Vec::as_slice) {
                    Some([a, b, l]) => found.push((
                        eat,
                        a.as_u64(),
                        b.as_u64(),
                        l.as_str().unwrap_or_default().to_owned(),
                        None,
                    )),
                    // A text classification label, not a span.
                    _ if e.is_string() => {}
                    _ => parsed.problems.push(Problem::new(
                        eat,
                        "a label is [start, end, \"LABEL\"]; skipped",
                    )),
                }
            }
        }
    }
    if let Some(list) = v["entities"].as_array() {
        for (j, e) in list.iter().enumerate() {
            let eat = match &e["id"] {
                Value::Number(n) => format!("{at}, entity {n}"),
                _ => format!("{at}, entity {}", j + 1),
            };
            found.push((
                eat,
                e["start_offset"].as_u64(),
                e["end_offset"].as_u64(),
                e["label"].as_str().unwrap_or_default().to_owned(),
                Some(e),
            ));
        }
    }
    for (eat, a, b, label, e) in found {
        let Some((kind, mut tags, note)) = span_label(labels, &label, &mut parsed.unmapped) else {
            continue;
        };
        let (Some(a), Some(b)) = (
            a.and_then(|a| usize::try_from(a).ok()),
            b.and_then(|b| usize::try_from(b).ok()),
        ) else {
            parsed.problems.push(Problem::new(
                eat,
                "start and end are not whole numbers ≥ 0; skipped",
            ));
            continue;
        };
        if a >= b || b > n_chars {
            parsed.problems.push(Problem::new(
                eat,
                if a >= b {
                    format!("offsets {a}..{b} are reversed or empty; skipped")
                } else {
                    format!("offsets {a}..{b} are outside the text (0..{n_chars}); skipped")
                },
            ));
            continue;
        }
        let st = |k: &str| e.and_then(|e| e[k].as_str()).map(str::to_owned);
        if let Some(more) = e.and_then(|e| e["tags"].as_array()) {
            tags.extend(more.iter().filter_map(|t| t.as_str().map(str::to_owned)));
        }
        r.spans.push(Span {
            at: eat,
            offsets: Some((a, b)),
            kind: Some(kind),
            id: st("claim"),
            source: st("source"),
            cue: st("cue"),
            note: st("note").or(note),
            tags,
            status: st("status"),
            ..Span::default()
        });
    }
    Ok(r)
}
