//! Label Studio's JSON export of text tasks: a list of tasks (or one),
//! each `{"id", "data": {"text", …}, "annotations": [{"completed_by",
//! "result": [{"id", "type": "labels", "value": {"start", "end", "text",
//! "labels"}}, …]}]}`. Each annotation is one annotator's record; results
//! of type `textarea` and `choices` with a region's `id` add to that
//! region (byline writes `source`, `note` and `cue` text areas and `tags`
//! choices; other choices go through the mapping's attributes). The
//! task's other `data` fields are the article's metadata.
//!
//! Label Studio counts offsets in UTF-16 code units, as JavaScript does:
//! a character beyond the Basic Multilingual Plane counts two. They are
//! converted to characters here; when a region's `text` is given and
//! reads right only in characters, characters are taken (docs/FORMAT.md).

use super::labels::Mapping;
use super::{ImportError, Parsed, Problem, Record, Span, read_text, span_label};
use serde_json::Value;
use std::path::Path;

pub fn read(file: &Path, labels: &Mapping) -> Result<Parsed, ImportError> {
    let text = read_text(file)?;
    let v: Value = serde_json::from_str(&text).map_err(|e| {
        ImportError::file(
            file,
            format!("not JSON ({e}); Label Studio's export is a JSON list of tasks"),
        )
    })?;
    let tasks: Vec<&Value> = match &v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(_) => vec![&v],
        _ => {
            return Err(ImportError::file(
                file,
                "not a Label Studio export: a JSON list of tasks",
            ));
        }
    };
    let mut parsed = Parsed::default();
    for (i, task) in tasks.into_iter().enumerate() {
        let at = match &task["id"] {
            Value::Number(n) => format!("task {n}"),
            Value::String(s) => format!("task {s:?}"),
            _ => format!("task {} (by position)", i + 1),
        };
        if let Err(p) = read_task(task, &at, labels, &mut parsed) {
            parsed.problems.push(p);
        }
    }
    Ok(parsed)
}

/// Keys of `data` byline reads as its own, not as other metadata.
const OWN: &[&str] = &[
    "text",
    "article",
    "title",
    "outlet",
    "url",
    "published",
    "sha256",
    "id",
    "path",
    "paragraphs",
    "annotator",
    "format",
];

fn read_task(task: &Value, at: &str, labels: &Mapping, parsed: &mut Parsed) -> Result<(), Problem> {
    let data = &task["data"];
    let Some(text) = data["text"].as_str() else {
        return Err(Problem::new(
            at,
            "no data.text: byline reads text tasks; skipped",
        ));
    };
    let s = |k: &str| match &data[k] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut meta = Vec::new();
    if let Value::Object(o) = data {
        for (k, v) in o {
            if OWN.contains(&k.as_str()) {
                continue;
            }
            let v = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            meta.push((k.clone(), v));
        }
    }
    let offsets = Offsets::new(text);
    let annotations = task["annotations"].as_array().cloned().unwrap_or_default();
    for (j, ann) in annotations.iter().enumerate() {
        if ann["was_cancelled"].as_bool() == Some(true) {
            continue;
        }
        let annotator = match (&ann["annotator"], &ann["completed_by"]) {
            (Value::String(s), _) if !s.is_empty() => Some(s.clone()),
            (_, Value::String(s)) => Some(s.clone()),
            (_, Value::Number(n)) => Some(format!("label-studio user {n}")),
            (_, Value::Object(o)) => {
                let f = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").trim();
                let name = format!("{} {}", f("first_name"), f("last_name"))
                    .trim()
                    .to_owned();
                Some(if name.is_empty() {
                    f("email").to_owned()
                } else {
                    name
                })
                .filter(|n| !n.is_empty())
            }
            _ => None,
        };
        let mut r = Record {
            at: format!("{at}, annotation {}", j + 1),
            text: Some(text.to_owned()),
            text_is_article: true,
            annotator,
            meta: meta.clone(),
            ..Record::with_article_keys(s)
        };
        let results = ann["result"].as_array().cloned().unwrap_or_default();
        // Regions first, in file order; then what adds to them.
        let mut regions: Vec<(Option<String>, Span)> = Vec::new();
        for (k, res) in results.iter().enumerate() {
            if res["type"].as_str() != Some("labels") {
                continue;
            }
            let rat = format!("{at}, result {}", k + 1);
            let value = &res["value"];
            let Some(names) = value["labels"].as_array() else {
                r.problems
                    .push(Problem::new(&rat, "no value.labels; skipped"));
                continue;
            };
            let mut mapped = None;
            for l in names.iter().filter_map(Value::as_str) {
                if let Some(m) = span_label(labels, l, &mut parsed.unmapped)
                    && mapped.is_none()
                {
                    mapped = Some(m);
                }
            }
            let Some((kind, tags, note)) = mapped else {
                continue;
            };
            let n = |key: &str| value[key].as_u64().and_then(|n| usize::try_from(n).ok());
            let (Some(a), Some(b)) = (n("start"), n("end")) else {
                r.problems.push(Problem::new(
                    &rat,
                    "value.start and value.end are not whole numbers; skipped",
                ));
                continue;
            };
            let stated = value["text"].as_str();
            let (a, b) = match offsets.chars(a, b, stated) {
                Ok(x) => x,
                Err(m) => {
                    r.problems.push(Problem::new(&rat, format!("{m}; skipped")));
                    continue;
                }
            };
            let id = res["id"].as_str().map(str::to_owned);
            regions.push((
                id.clone(),
                Span {
                    at: rat,
                    offsets: Some((a, b)),
                    kind: Some(kind),
                    id,
                    tags,
                    note,
                    ..Span::default()
                },
            ));
        }
        for res in &results {
            let Some(id) = res["id"].as_str() else {
                continue;
            };
            let Some((_, span)) = regions.iter_mut().find(|(i, _)| i.as_deref() == Some(id)) else {
                continue;
            };
            let from = res["from_name"].as_str().unwrap_or_default();
            let value = &res["value"];
            match res["type"].as_str() {
                Some("textarea") => {
                    let t: Vec<&str> = value["text"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    let t = t.join(" ");
                    match from {
                        "source" => span.source = Some(t),
                        "cue" => span.cue = Some(t),
                        _ => {
                            span.note = Some(match span.note.take() {
                                Some(n) => format!("{n}; {t}"),
                                None => t,
                            })
                        }
                    }
                }
                Some("choices") => {
                    for c in value["choices"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        if from == "tags" {
                            span.tags.push(c.to_owned());
                        } else {
                            super::brat::attribute(
                                span,
                                from,
                                Some(c),
                                labels,
                                &mut parsed.unmapped,
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        r.spans = regions.into_iter().map(|(_, s)| s).collect();
        parsed.records.push(r);
    }
    Ok(())
}

/// UTF-16 offsets (JavaScript's) of a text, and its characters.
struct Offsets {
    chars: Vec<char>,
    /// For each UTF-16 offset, the character offset; `None` between the two
    /// halves of a character beyond the Basic Multilingual Plane.
    utf16: Vec<Option<usize>>,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        let chars: Vec<char> = text.chars().collect();
        let mut utf16 = Vec::with_capacity(chars.len() + 1);
        for (i, c) in chars.iter().enumerate() {
            utf16.push(Some(i));
            if c.len_utf16() == 2 {
                utf16.push(None);
            }
        }
        utf16.push(Some(chars.len()));
        Offsets { chars, utf16 }
    }

    fn text(&self, a: usize, b: usize) -> String {
        self.chars[a..b].iter().collect()
    }

    /// Character offsets of UTF-16 offsets `a..b`; `stated` (the region's
    /// `text`) decides when the two countings differ.
    fn chars(&self, a: usize, b: usize, stated: Option<&str>) -> Result<(usize, usize), String> {
        let n16 = self.utf16.len() - 1;
        if a >= b {
            return Err(format!("offsets {a}..{b} are reversed or empty"));
        }
        let by16 = match (self.utf16.get(a), self.utf16.get(b)) {
            (Some(Some(x)), Some(Some(y))) => Ok((*x, *y)),
            (Some(None), _) | (_, Some(None)) => {
                let bad = if self.utf16.get(a) == Some(&None) {
                    a
                } else {
                    b
                };
                let c = self.utf16[bad - 1].map_or(' ', |i| self.chars[i]);
                Err(format!(
                    "offset {bad} is inside a character (between the two UTF-16 halves of {c:?})"
                ))
            }
            _ => Err(format!(
                "offsets {a}..{b} are outside the text (0..{n16} in UTF-16 code units)"
            )),
        };
        let Some(stated) = stated else {
            return by16;
        };
        let norm = byline_model::article::normalize_block;
        if let Ok((x, y)) = by16
            && norm(&self.text(x, y)) == norm(stated)
        {
            return Ok((x, y));
        }
        // A tool that counted characters (Python's converters do).
        if b <= self.chars.len() && norm(&self.text(a, b)) == norm(stated) {
            return Ok((a, b));
        }
        match by16 {
            Ok((x, y)) => Err(format!(
                "the region's text {:?} is not the text at {a}..{b} ({:?})",
                super::truncate(stated, 60),
                super::truncate(&self.text(x, y), 60)
            )),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_become_characters() {
        let o = Offsets::new("A 🙂 said so.");
        // "said" is at characters 4..8, UTF-16 5..9.
        assert_eq!(o.chars(5, 9, Some("said")), Ok((4, 8)));
        assert_eq!(o.chars(5, 9, None), Ok((4, 8)));
        // Counted in characters by another converter: the text decides.
        assert_eq!(o.chars(4, 8, Some("said")), Ok((4, 8)));
        let e = o.chars(3, 9, None).unwrap_err();
        assert!(e.contains("offset 3 is inside a character"), "{e}");
        let e = o.chars(5, 90, None).unwrap_err();
        assert!(e.contains("outside the text (0..13"), "{e}");
        let e = o.chars(5, 9, Some("sold")).unwrap_err();
        assert!(e.contains("is not the text at 5..9"), "{e}");
    }
}
