//! spaCy/Prodigy JSON Lines: `{"text", "spans": [{"start", "end",
//! "label"}], "meta"}` a line. byline's own span keys (`id`, `source`,
//! `note`, `tags`, `status`, `quote`) are read when present; spans under
//! `meta.unplaced` (claims byline could not place) come back by their quote.

use super::{ImportError, Record, Span, read_text};
use crate::export::interchange::parse_label;
use serde_json::Value;
use std::path::Path;

pub fn read(file: &Path) -> Result<Vec<Record>, ImportError> {
    let text = read_text(file)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("line {}", i + 1);
        let err = |message: String| ImportError::Record {
            file: file.to_owned(),
            at: at.clone(),
            message,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        // Prodigy marks examples it did not accept; they are not claims.
        if matches!(v["answer"].as_str(), Some("reject" | "ignore")) {
            continue;
        }
        let text = v["text"]
            .as_str()
            .ok_or_else(|| err("no \"text\" string".into()))?
            .to_owned();
        let meta = &v["meta"];
        let s = |k: &str| meta[k].as_str().map(str::to_owned);
        let mut r = Record {
            at: at.clone(),
            text: Some(text),
            article_id: s("article"),
            annotator: s("annotator"),
            title: s("title"),
            outlet: s("outlet"),
            url: s("url"),
            published: s("published"),
            article_path: s("path").map(Into::into),
            article_id_guessed: false,
            spans: Vec::new(),
        };
        let spans = match &v["spans"] {
            Value::Null => &Vec::new(),
            Value::Array(a) => a,
            _ => return Err(err("\"spans\" is not a list".into())),
        };
        let unplaced = meta["unplaced"].as_array();
        for (j, sp) in spans
            .iter()
            .chain(unplaced.into_iter().flatten())
            .enumerate()
        {
            let at = format!("{at}, span {}", j + 1);
            let serr = |message: String| ImportError::Record {
                file: file.to_owned(),
                at: at.clone(),
                message,
            };
            let label = sp["label"]
                .as_str()
                .ok_or_else(|| serr("no \"label\"".into()))?;
            let kind = parse_label(label).ok_or_else(|| {
                serr(format!(
                    "unknown label {label:?}; byline knows SOURCED, ANONYMOUS and EDITORIAL"
                ))
            })?;
            let num = |k: &str| -> Result<Option<usize>, ImportError> {
                match &sp[k] {
                    Value::Null => Ok(None),
                    v => v
                        .as_u64()
                        .and_then(|n| usize::try_from(n).ok())
                        .map(Some)
                        .ok_or_else(|| serr(format!("\"{k}\" is not a whole number ≥ 0"))),
                }
            };
            let offsets = match (num("start")?, num("end")?) {
                (Some(a), Some(b)) => Some((a, b)),
                (None, None) => None,
                _ => return Err(serr("a span needs both \"start\" and \"end\"".into())),
            };
            let st = |k: &str| sp[k].as_str().map(str::to_owned);
            r.spans.push(Span {
                at,
                offsets,
                quote: st("quote").or_else(|| st("text")),
                kind: Some(kind),
                id: st("id"),
                source: st("source"),
                note: st("note"),
                tags: sp["tags"]
                    .as_array()
                    .map(|t| {
                        t.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                status: st("status"),
                ..Span::default()
            });
        }
        out.push(r);
    }
    Ok(out)
}
