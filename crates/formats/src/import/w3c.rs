//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` (items under
//! `first.items` or `items`), a list of `Annotation`s, one `Annotation`, or
//! JSON Lines of them. A `TextPositionSelector` gives the offsets into the
//! article's joined paragraphs; a `TextQuoteSelector` the quote and its
//! context. The kind is a `tagging` body whose value is `sourced`,
//! `anonymous` or `editorial`; `identifying` is the source, `commenting`
//! (or `describing`) the note, `classifying` and other tagging bodies are
//! tags, an `assessing` body `needs-review` the status (colleagues'
//! verdicts, also `assessing`, are not the annotator's and stay behind).

use super::{ImportError, Record, Span, read_text};
use crate::export::interchange::parse_label;
use serde_json::Value;
use std::path::Path;

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    }
}

pub fn read(file: &Path) -> Result<Vec<Record>, ImportError> {
    let text = read_text(file)?;
    let mut items: Vec<(String, Value)> = Vec::new();
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => {
            let list = if v.get("type").and_then(Value::as_str) == Some("AnnotationCollection")
                || v.get("first").is_some()
            {
                let items = v
                    .get("first")
                    .and_then(|f| f.get("items"))
                    .or_else(|| v.get("items"));
                items.map(as_list).unwrap_or_default()
            } else {
                as_list(&v)
            };
            for (i, a) in list.into_iter().enumerate() {
                items.push((format!("annotation {}", i + 1), a.clone()));
            }
        }
        Err(whole) => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v = serde_json::from_str(line).map_err(|e| ImportError::Record {
                    file: file.to_owned(),
                    at: format!("line {}", i + 1),
                    message: if i == 0 {
                        format!("not JSON ({whole}) nor JSON Lines ({e})")
                    } else {
                        format!("not JSON: {e}")
                    },
                })?;
                items.push((format!("line {}", i + 1), v));
            }
        }
    }
    // One record per annotator and article, in the order first seen.
    let mut records: Vec<Record> = Vec::new();
    let mut index: std::collections::HashMap<(Option<String>, Option<String>), usize> =
        std::collections::HashMap::new();
    for (at, a) in items {
        let (article, annotator, span) = annotation(file, &at, &a)?;
        let i = *index
            .entry((article.clone(), annotator.clone()))
            .or_insert_with(|| {
                records.push(Record {
                    at: at.clone(),
                    article_id: article,
                    annotator,
                    ..Record::default()
                });
                records.len() - 1
            });
        records[i].spans.push(span);
    }
    Ok(records)
}

type Parsed = (Option<String>, Option<String>, Span);

fn annotation(file: &Path, at: &str, a: &Value) -> Result<Parsed, ImportError> {
    let err = |message: String| ImportError::Record {
        file: file.to_owned(),
        at: at.to_owned(),
        message,
    };
    let mut span = Span {
        at: at.to_owned(),
        ..Span::default()
    };
    for b in as_list(a.get("body").unwrap_or(&Value::Null)) {
        let value = b
            .get("value")
            .and_then(Value::as_str)
            .or_else(|| b.as_str())
            .unwrap_or_default();
        let purpose = b
            .get("purpose")
            .and_then(Value::as_str)
            .unwrap_or("tagging");
        match purpose {
            "tagging" if span.kind.is_none() && parse_label(value).is_some() => {
                span.kind = parse_label(value);
            }
            "identifying" => span.source = Some(value.to_owned()),
            "commenting" | "describing" if span.note.is_none() => {
                span.note = Some(value.to_owned())
            }
            "assessing" if value == byline_model::annotation::NEEDS_REVIEW => {
                span.status = Some(value.to_owned())
            }
            "assessing" => {}
            "tagging" | "classifying" if !value.is_empty() => span.tags.push(value.to_owned()),
            _ => {}
        }
    }
    if span.kind.is_none() {
        return Err(err(
            "no kind: the annotation needs a tagging body whose value is sourced, anonymous or editorial"
                .into(),
        ));
    }
    let target = as_list(a.get("target").unwrap_or(&Value::Null))
        .into_iter()
        .next()
        .ok_or_else(|| err("no target".into()))?;
    let mut position = None;
    for s in as_list(target.get("selector").unwrap_or(&Value::Null)) {
        match s.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") => {
                let f = |k: &str| s.get(k).and_then(Value::as_str).map(str::to_owned);
                span.quote = f("exact");
                span.prefix = f("prefix");
                span.suffix = f("suffix");
            }
            Some("TextPositionSelector") => {
                let n = |k: &str| {
                    s.get(k)
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                };
                match (n("start"), n("end")) {
                    (Some(a), Some(b)) => position = Some((a, b)),
                    _ => {
                        return Err(err(
                            "a TextPositionSelector needs whole-number start and end".into(),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    span.offsets = position;
    if span.quote.is_none() && span.offsets.is_none() {
        return Err(err(
            "no TextQuoteSelector or TextPositionSelector in the target".into(),
        ));
    }
    // byline's own ids: urn:byline:claim:<article>/<annotator>/<id>.
    let mut article = target
        .get("source")
        .and_then(Value::as_str)
        .and_then(|s| s.strip_prefix("urn:byline:article:"))
        .map(str::to_owned);
    if let Some(rest) = a
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| s.strip_prefix("urn:byline:claim:"))
    {
        let parts: Vec<&str> = rest.split('/').collect();
        if let [art, _, id] = parts[..] {
            article.get_or_insert_with(|| art.to_owned());
            span.id = Some(id.to_owned());
        }
    }
    let creator = a.get("creator").map(|c| {
        c.get("name")
            .and_then(Value::as_str)
            .or_else(|| c.as_str())
            .unwrap_or_default()
            .to_owned()
    });
    Ok((article, creator, span))
}
