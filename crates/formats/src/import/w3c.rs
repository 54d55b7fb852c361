//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` (items under
//! `first.items` or `items`), a list of `Annotation`s, one `Annotation`, or
//! JSON Lines of them. A `TextPositionSelector` gives the offsets into the
//! article's joined paragraphs; a `TextQuoteSelector` the quote and its
//! context. The kind is a `tagging` body whose value is `sourced`,
//! `anonymous` or `editorial`; `identifying` is the source, `commenting`
//! (or `describing`) the note, `classifying` and other tagging bodies are
//! tags, an `assessing` body `needs-review` the status (colleagues'
//! verdicts, also `assessing`, are not the annotator's and stay behind).
//!
//! The file is read into the serde structs of [`model`], which take what
//! they understand and leave the rest: a value of another JSON type than
//! a field expects reads as absent, one item where the model allows a
//! list reads as a list of one.

use super::{ImportError, Record, Span, read_text};
use crate::export::interchange::parse_label;
use serde_json::Value;
use std::path::Path;

/// The W3C Web Annotation model as byline reads it.
mod model {
    use serde::de::{Deserialize, DeserializeOwned, Deserializer};
    use serde_json::Value;

    /// A `T` when the value is one, else `T`'s default (`None` for an
    /// `Option`): a number where a string belongs is no string.
    #[derive(Default)]
    pub struct Lenient<T>(pub T);

    impl<'de, T: DeserializeOwned + Default> Deserialize<'de> for Lenient<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let v = Value::deserialize(d)?;
            Ok(Lenient(T::deserialize(v).unwrap_or_default()))
        }
    }

    /// A JSON object read as `T`; anything else is `T`'s default (a
    /// struct is never read from a list of its fields).
    #[derive(Default)]
    pub struct Object<T>(pub T);

    impl<'de, T: DeserializeOwned + Default> Deserialize<'de> for Object<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Object(match Value::deserialize(d)? {
                v @ Value::Object(_) => T::deserialize(v).unwrap_or_default(),
                _ => T::default(),
            }))
        }
    }

    /// A list of `T`, or one `T` as a list of one; `null` is none.
    pub struct List<T>(pub Vec<T>);

    impl<T> Default for List<T> {
        fn default() -> Self {
            List(Vec::new())
        }
    }

    impl<'de, T: DeserializeOwned> Deserialize<'de> for List<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            use serde::de::Error;
            let one = |v: Value| T::deserialize(v).map_err(D::Error::custom);
            Ok(List(match Value::deserialize(d)? {
                Value::Null => Vec::new(),
                Value::Array(a) => a.into_iter().map(one).collect::<Result<_, _>>()?,
                v => vec![one(v)?],
            }))
        }
    }

    /// A field that is there, whatever its value (`null` too).
    pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        T::deserialize(d).map(Some)
    }

    /// `{"type": "AnnotationCollection", "first": {"items": […]}}`, or
    /// its items directly under `items`.
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    pub struct Collection {
        #[serde(rename = "type")]
        pub kind: Lenient<Option<String>>,
        #[serde(deserialize_with = "present")]
        pub first: Option<Object<Page>>,
        #[serde(deserialize_with = "present")]
        pub items: Option<List<Object<Annotation>>>,
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    pub struct Page {
        #[serde(deserialize_with = "present")]
        pub items: Option<List<Object<Annotation>>>,
    }

    impl Collection {
        /// Whether the file is a collection rather than an annotation.
        pub fn is_collection(&self) -> bool {
            self.kind.0.as_deref() == Some("AnnotationCollection") || self.first.is_some()
        }

        /// The page's items, else the collection's own.
        pub fn into_items(self) -> Vec<Object<Annotation>> {
            let page = self.first.and_then(|p| p.0.items);
            page.or(self.items).map(|l| l.0).unwrap_or_default()
        }
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    pub struct Annotation {
        pub body: List<Body>,
        #[serde(deserialize_with = "present")]
        pub creator: Option<Creator>,
        pub id: Lenient<Option<String>>,
        pub target: List<Object<Target>>,
    }

    /// A body: an object, or its value alone as a string.
    #[derive(Default)]
    pub struct Body {
        pub purpose: Option<String>,
        pub value: Option<String>,
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct BodyObject {
        purpose: Lenient<Option<String>>,
        value: Lenient<Option<String>>,
    }

    impl<'de> Deserialize<'de> for Body {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(match Value::deserialize(d)? {
                Value::String(s) => Body {
                    purpose: None,
                    value: Some(s),
                },
                v @ Value::Object(_) => {
                    let b = BodyObject::deserialize(v).unwrap_or_default();
                    Body {
                        purpose: b.purpose.0,
                        value: b.value.0,
                    }
                }
                _ => Body::default(),
            })
        }
    }

    /// A creator: an object with a name, or the name alone.
    #[derive(Default)]
    pub struct Creator {
        pub name: Option<String>,
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct CreatorObject {
        name: Lenient<Option<String>>,
    }

    impl<'de> Deserialize<'de> for Creator {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(match Value::deserialize(d)? {
                Value::String(s) => Creator { name: Some(s) },
                v @ Value::Object(_) => Creator {
                    name: CreatorObject::deserialize(v).unwrap_or_default().name.0,
                },
                _ => Creator::default(),
            })
        }
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    pub struct Target {
        pub selector: List<Object<Selector>>,
        pub source: Lenient<Option<String>>,
    }

    /// A `TextQuoteSelector` (`exact`, `prefix`, `suffix`) or a
    /// `TextPositionSelector` (`start`, `end`), by its `type`.
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    pub struct Selector {
        pub end: Lenient<Option<usize>>,
        pub exact: Lenient<Option<String>>,
        pub prefix: Lenient<Option<String>>,
        pub start: Lenient<Option<usize>>,
        pub suffix: Lenient<Option<String>>,
        #[serde(rename = "type")]
        pub kind: Lenient<Option<String>>,
    }
}

pub fn read(file: &Path) -> Result<Vec<Record>, ImportError> {
    use serde::Deserialize;
    let text = read_text(file)?;
    let mut items: Vec<(String, model::Annotation)> = Vec::new();
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => {
            // Reading a value already parsed does not fail: every field
            // takes what it does not understand as absent.
            let collection = model::Object::<model::Collection>::deserialize(&v)
                .unwrap_or_default()
                .0;
            let list = if collection.is_collection() {
                collection.into_items()
            } else {
                model::List::<model::Object<model::Annotation>>::deserialize(&v)
                    .unwrap_or_default()
                    .0
            };
            for (i, a) in list.into_iter().enumerate() {
                items.push((format!("annotation {}", i + 1), a.0));
            }
        }
        Err(whole) => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: Value = serde_json::from_str(line).map_err(|e| ImportError::Record {
                    file: file.to_owned(),
                    at: format!("line {}", i + 1),
                    message: if i == 0 {
                        format!("not JSON ({whole}) nor JSON Lines ({e})")
                    } else {
                        format!("not JSON: {e}")
                    },
                })?;
                let a = model::Object::<model::Annotation>::deserialize(&v)
                    .unwrap_or_default()
                    .0;
                items.push((format!("line {}", i + 1), a));
            }
        }
    }
    // One record per annotator and article, in the order first seen.
    let mut records: Vec<Record> = Vec::new();
    let mut index: std::collections::HashMap<(Option<String>, Option<String>), usize> =
        std::collections::HashMap::new();
    for (at, a) in items {
        let (article, annotator, span) = annotation(file, &at, a)?;
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

fn annotation(file: &Path, at: &str, a: model::Annotation) -> Result<Parsed, ImportError> {
    let err = |message: String| ImportError::Record {
        file: file.to_owned(),
        at: at.to_owned(),
        message,
    };
    let mut span = Span {
        at: at.to_owned(),
        ..Span::default()
    };
    for b in a.body.0 {
        let value = b.value.unwrap_or_default();
        match b.purpose.as_deref().unwrap_or("tagging") {
            "tagging" if span.kind.is_none() && parse_label(&value).is_some() => {
                span.kind = parse_label(&value);
            }
            "identifying" => span.source = Some(value),
            "commenting" | "describing" if span.note.is_none() => span.note = Some(value),
            "assessing" if value == byline_model::annotation::NEEDS_REVIEW => {
                span.status = Some(value)
            }
            "assessing" => {}
            "tagging" | "classifying" if !value.is_empty() => span.tags.push(value),
            _ => {}
        }
    }
    if span.kind.is_none() {
        return Err(err(
            "no kind: the annotation needs a tagging body whose value is sourced, anonymous or editorial"
                .into(),
        ));
    }
    let target = a
        .target
        .0
        .into_iter()
        .next()
        .ok_or_else(|| err("no target".into()))?
        .0;
    let mut position = None;
    for s in target.selector.0 {
        let s = s.0;
        match s.kind.0.as_deref() {
            Some("TextQuoteSelector") => {
                span.quote = s.exact.0;
                span.prefix = s.prefix.0;
                span.suffix = s.suffix.0;
            }
            Some("TextPositionSelector") => match (s.start.0, s.end.0) {
                (Some(a), Some(b)) => position = Some((a, b)),
                _ => {
                    return Err(err(
                        "a TextPositionSelector needs whole-number start and end".into(),
                    ));
                }
            },
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
        .source
        .0
        .as_deref()
        .and_then(|s| s.strip_prefix("urn:byline:article:"))
        .map(str::to_owned);
    if let Some(rest) =
        a.id.0
            .as_deref()
            .and_then(|s| s.strip_prefix("urn:byline:claim:"))
    {
        let parts: Vec<&str> = rest.split('/').collect();
        if let [art, _, id] = parts[..] {
            article.get_or_insert_with(|| art.to_owned());
            span.id = Some(id.to_owned());
        }
    }
    let creator = a.creator.map(|c| c.name.unwrap_or_default());
    Ok((article, creator, span))
}

#[cfg(test)]
// Tests make their own files (clippy.toml keeps the rest off the disk).
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
mod tests {
    use super::*;

    fn read_str(json: &str) -> Result<Vec<Record>, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.json");
        std::fs::write(&f, json).unwrap();
        read(&f)
    }

    #[test]
    fn what_the_model_does_not_understand_reads_as_absent() {
        let r = read_str(
            r#"{"body":["sourced", 5, {"purpose":"identifying","value":7}],
                "creator":null,"id":5,
                "target":{"source":5,"selector":{"type":"TextQuoteSelector","exact":"x","prefix":1}}}"#,
        )
        .unwrap();
        let s = &r[0].spans[0];
        assert_eq!(r[0].annotator.as_deref(), Some(""));
        assert_eq!((s.quote.as_deref(), s.prefix.as_deref()), (Some("x"), None));
        assert_eq!(s.source.as_deref(), Some(""));
        let e = read_str(r#"[["sourced"]]"#).unwrap_err().to_string();
        assert!(e.contains("annotation 1: no kind"), "{e}");
        let e = read_str(
            r#"{"body":"sourced","target":{"selector":{"type":"TextPositionSelector","start":1.0,"end":2}}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("whole-number start and end"), "{e}");
    }
}
