//! spaCy/Prodigy JSON Lines: `{"text", "spans": [{"start", "end",
//! "label"}], "meta"}` a line. byline's own span keys (`id`, `source`,
//! `note`, `tags`, `status`, `quote`) are read when present; spans under
//! `meta.unplaced` (claims byline could not place) come back by their quote.

use super::labels::Mapping;
use super::{ImportError, Parsed, Problem, Record, Span, read_text, span_label};
use serde_json::Value;
use std::path::Path;

pub fn read(file: &Path, labels: &Mapping) -> Result<Parsed, ImportError> {
    let text = read_text(file)?;
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("line {}", i + 1);
        match read_line(line, &at, labels, &mut parsed) {
            Ok(Some(r)) => parsed.records.push(r),
            Ok(None) => {}
            Err(p) => parsed.problems.push(p),
        }
    }
    Ok(parsed)
}

fn read_line(
    line: &str,
    at: &str,
    labels: &Mapping,
    parsed: &mut Parsed,
) -> Result<Option<Record>, Problem> {
    {
        let err = |message: String| Problem::new(at, message);
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        // Prodigy marks examples it did not accept; they are not claims.
        if matches!(v["answer"].as_str(), Some("reject" | "ignore")) {
            return Ok(None);
        }
        let text = v["text"]
            .as_str()
            .ok_or_else(|| err("no \"text\" string".into()))?
            .to_owned();
        let meta = &v["meta"];
        let s = |k: &str| meta[k].as_str().map(str::to_owned);
        let mut r = Record {
            at: at.to_owned(),
            text: Some(text),
            annotator: s("annotator"),
            ..Record::with_article_keys(s)
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
            let serr = |message: String| Problem::new(&at, message);
            let Some(label) = sp["label"].as_str() else {
                parsed.problems.push(serr("no \"label\"".into()));
                continue;
            };
            let Some((kind, mut tags, note)) = span_label(labels, label, &mut parsed.unmapped)
            else {
                continue;
            };
            let num = |k: &str| -> Result<Option<usize>, Problem> {
                match &sp[k] {
                    Value::Null => Ok(None),
                    v => v
                        .as_u64()
                        .and_then(|n| usize::try_from(n).ok())
                        .map(Some)
                        .ok_or_else(|| serr(format!("\"{k}\" is not a whole number ≥ 0"))),
                }
            };
            let offsets = match (num("start"), num("end")) {
                (Ok(Some(a)), Ok(Some(b))) => Some((a, b)),
                (Ok(None), Ok(None)) => None,
                (Err(p), _) | (_, Err(p)) => {
                    parsed.problems.push(p);
                    continue;
                }
                _ => {
                    parsed
                        .problems
                        .push(serr("a span needs both \"start\" and \"end\"".into()));
                    continue;
                }
            };
            tags.extend(
                sp["tags"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x.as_str().map(str::to_owned)),
            );
            let st = |k: &str| sp[k].as_str().map(str::to_owned);
            r.spans.push(Span {
                at,
                offsets,
                quote: st("quote").or_else(|| st("text")),
                kind: Some(kind),
                id: st("id"),
                source: st("source"),
                note: st("note").or(note),
                tags,
                status: st("status"),
                ..Span::default()
            });
        }
        Ok(Some(r))
    }
}
