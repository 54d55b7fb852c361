//! Label mappings: how another tool's labels, event types, argument roles
//! and attributes become byline's kinds, sources, cues, notes and tags,
//! and back. A mapping is a small TOML file (`labels/byline.toml` and
//! `labels/parc.toml` ship with byline, selectable by name); `--label
//! KEY=VALUE` adds to or overrides one entry.

use byline_model::annotation::Kind;
use std::collections::BTreeMap;
use std::path::Path;

/// The mappings that ship with byline, by name.
pub const SHIPPED: &[(&str, &str)] = &[
    ("byline", include_str!("labels/byline.toml")),
    ("parc", include_str!("labels/parc.toml")),
];

/// Mapping files larger than this are refused.
const MAX_MAPPING_BYTES: u64 = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct LabelsError {
    pub origin: String,
    pub message: String,
}

/// What a span label stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanRule {
    Claim {
        kind: Kind,
        tags: Vec<String>,
        note: Option<String>,
    },
    Ignore,
}

/// What an event type stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventRule {
    Attribution,
    Ignore,
}

/// What an event argument's role is in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Content,
    Cue,
    Source,
    Ignore,
}

/// What an attribute (or a choice) does to the claim it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttrRule {
    NeedsReview,
    /// A tag: the given word, else the attribute's value, else its name.
    Tag(Option<String>),
    Note,
    Kind(Kind),
    Ignore,
}

/// One mapping, in the order its entries were given (the first label of a
/// kind is the one an export writes).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    pub name: String,
    pub spans: Vec<(String, SpanRule)>,
    pub events: Vec<(String, EventRule)>,
    pub roles: Vec<(String, Role)>,
    pub attributes: Vec<(String, AttrRule)>,
    /// How many of `spans` the file gave; the rest are `--label`s.
    file_spans: usize,
}

fn find<'a, T>(list: &'a [(String, T)], key: &str) -> Option<&'a T> {
    // A later entry (`--label`) overrides an earlier one: search from the end.
    list.iter()
        .rev()
        .find(|(k, _)| k == key)
        .or_else(|| list.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(key)))
        .map(|(_, v)| v)
}

impl Mapping {
    /// byline's own labels (`labels/byline.toml`).
    pub fn byline() -> Mapping {
        Mapping::named("byline").unwrap_or_default()
    }

    /// A shipped mapping by name.
    pub fn named(name: &str) -> Option<Mapping> {
        let (_, text) = SHIPPED.iter().find(|(n, _)| *n == name)?;
        Mapping::parse(text, name).ok()
    }

    /// `--labels NAME|FILE`: a shipped mapping's name, else a file, read
    /// as every file byline reads (bounded, regular files only).
    pub fn load(spec: &str) -> Result<Mapping, LabelsError> {
        if let Some(m) = Mapping::named(spec) {
            return Ok(m);
        }
        let path = Path::new(spec);
        let err = |message: String| LabelsError {
            origin: spec.to_owned(),
            message,
        };
        let bytes = byline_store::read::read_regular(path, MAX_MAPPING_BYTES)
            .map_err(|e| {
                use byline_store::read::ReadError;
                err(match e {
                    ReadError::NotFound => format!(
                        "no such mapping file, and no shipped mapping of that name (shipped: {})",
                        SHIPPED
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    ReadError::IsDir => "is a folder, not a mapping file".into(),
                    ReadError::NotRegular(what) => format!("is {what}, not a regular file"),
                    ReadError::TooLarge(n) => {
                        format!("is {n} bytes; a mapping file is at most 1 MB")
                    }
                    ReadError::Io(e) => e.to_string(),
                })
            })?
            .bytes;
        let text = String::from_utf8(bytes).map_err(|_| err("not UTF-8 text".into()))?;
        Mapping::parse(&text, spec)
    }

    /// Parses a mapping file; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<Mapping, LabelsError> {
        let err = |message: String| LabelsError {
            origin: origin.to_owned(),
            message,
        };
        let doc: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| err(e.to_string().trim_end().replace('\n', " ")))?;
        let mut m = Mapping {
            name: doc
                .get("name")
                .and_then(|v| v.as_str())
                .unwrap_or(origin)
                .to_owned(),
            ..Mapping::default()
        };
        for (section, v) in &doc {
            if section == "name" || section == "description" {
                continue;
            }
            let Some(t) = v.as_table() else {
                return Err(err(format!(
                    "{section:?} is not a section; a mapping has [spans], [events], [roles] and [attributes]"
                )));
            };
            for (k, v) in t {
                m.add(section, k, v).map_err(err)?;
            }
        }
        m.file_spans = m.spans.len();
        Ok(m)
    }

    /// `--label KEY=VALUE`: KEY is a span label, or `events.`, `roles.`,
    /// `attributes.` or `spans.` and a name.
    pub fn add_arg(&mut self, arg: &str) -> Result<(), LabelsError> {
        let err = |message: String| LabelsError {
            origin: format!("--label {arg:?}"),
            message,
        };
        let Some((key, value)) = arg.split_once('=') else {
            return Err(err(
                "write LABEL=KIND (Quote=sourced), or events.TYPE=attribution, roles.ROLE=content|cue|source, attributes.NAME=tag".into(),
            ));
        };
        // `attributes.Name=Value=tag`: the last `=` separates the rule.
        let (key, value) = match value.rsplit_once('=') {
            Some((more, rule)) if key.starts_with("attributes.") => {
                (format!("{key}={more}"), rule.to_owned())
            }
            _ => (key.to_owned(), value.to_owned()),
        };
        let (section, name) = match key.split_once('.') {
            Some((s @ ("spans" | "events" | "roles" | "attributes"), n)) => (s, n.to_owned()),
            _ => ("spans", key.clone()),
        };
        if name.trim().is_empty() {
            return Err(err("the label is empty".into()));
        }
        self.add(
            section,
            &name,
            &toml::Value::String(value.trim().to_owned()),
        )
        .map_err(err)
    }

    fn add(&mut self, section: &str, key: &str, v: &toml::Value) -> Result<(), String> {
        let word = v.as_str().map(|s| s.trim().to_ascii_lowercase());
        let bad = |what: &str| format!("[{section}] {key:?}: {what}");
        match section {
            "spans" => {
                let rule = match (&word, v.as_table()) {
                    (Some(w), _) if w == "ignore" => SpanRule::Ignore,
                    (Some(w), _) => SpanRule::Claim {
                        kind: Kind::parse(w).ok_or_else(|| {
                            bad(&format!(
                                "{w:?} is not a kind; write sourced, anonymous, editorial or ignore"
                            ))
                        })?,
                        tags: Vec::new(),
                        note: None,
                    },
                    (None, Some(t)) => {
                        let kind = t
                            .get("kind")
                            .and_then(|k| k.as_str())
                            .and_then(|k| Kind::parse(&k.to_ascii_lowercase()))
                            .ok_or_else(|| {
                                bad("a table needs kind = \"sourced\", \"anonymous\" or \"editorial\"")
                            })?;
                        let tags = match t.get("tags") {
                            None => Vec::new(),
                            Some(toml::Value::Array(a)) => a
                                .iter()
                                .map(|x| x.as_str().map(str::to_owned))
                                .collect::<Option<Vec<_>>>()
                                .ok_or_else(|| bad("tags is a list of words"))?,
                            Some(_) => return Err(bad("tags is a list of words")),
                        };
                        let note = t.get("note").and_then(|n| n.as_str()).map(str::to_owned);
                        SpanRule::Claim { kind, tags, note }
                    }
                    _ => return Err(bad("write a kind, \"ignore\", or { kind = … }")),
                };
                self.spans.push((key.to_owned(), rule));
            }
            "events" => {
                let rule = match word.as_deref() {
                    Some("attribution") => EventRule::Attribution,
                    Some("ignore") => EventRule::Ignore,
                    _ => return Err(bad("an event type maps to \"attribution\" or \"ignore\"")),
                };
                self.events.push((key.to_owned(), rule));
            }
            "roles" => {
                let rule = match word.as_deref() {
                    Some("content") => Role::Content,
                    Some("cue") => Role::Cue,
                    Some("source") => Role::Source,
                    Some("ignore") => Role::Ignore,
                    _ => {
                        return Err(bad(
                            "a role maps to \"content\", \"cue\", \"source\" or \"ignore\"",
                        ));
                    }
                };
                self.roles.push((key.to_owned(), rule));
            }
            "attributes" => {
                let w = word.ok_or_else(|| bad("write a rule as a string"))?;
                let rule = match w.as_str() {
                    "needs-review" => AttrRule::NeedsReview,
                    "tag" => AttrRule::Tag(None),
                    "note" => AttrRule::Note,
                    "ignore" => AttrRule::Ignore,
                    w if w.starts_with("tag:") => AttrRule::Tag(Some(w[4..].trim().to_owned())),
                    w => AttrRule::Kind(Kind::parse(w).ok_or_else(|| {
                        bad(&format!(
                            "{w:?}: write needs-review, tag, tag:WORD, note, a kind or ignore"
                        ))
                    })?),
                };
                self.attributes.push((key.to_owned(), rule));
            }
            _ => {
                return Err(format!(
                    "unknown section [{section}]; a mapping has [spans], [events], [roles] and [attributes]"
                ));
            }
        }
        Ok(())
    }

    pub fn span(&self, label: &str) -> Option<&SpanRule> {
        find(&self.spans, label.trim())
    }

    pub fn event(&self, kind: &str) -> Option<EventRule> {
        find(&self.events, kind.trim()).copied()
    }

    pub fn role(&self, role: &str) -> Option<Role> {
        find(&self.roles, role.trim()).copied()
    }

    /// The rule for attribute `name` with `value` (`NAME=VALUE` first).
    pub fn attribute(&self, name: &str, value: Option<&str>) -> Option<&AttrRule> {
        value
            .and_then(|v| find(&self.attributes, &format!("{name}={v}")))
            .or_else(|| find(&self.attributes, name))
    }

    /// The label an export writes for `kind`: the last `--label` of that
    /// kind, else the file's first plain span label of that kind (no tags
    /// of its own), else byline's.
    pub fn label_for(&self, kind: Kind) -> String {
        let (file, args) = self.spans.split_at(self.file_spans.min(self.spans.len()));
        args.iter()
            .rev()
            .chain(file.iter())
            .find(|(_, r)| matches!(r, SpanRule::Claim { kind: k, tags, .. } if *k == kind && tags.is_empty()))
            .map(|(l, _)| l.clone())
            .unwrap_or_else(|| crate::export::interchange::brat_label(kind).to_owned())
    }

    /// The attribute an export writes for `status = "needs-review"`.
    pub fn needs_review_attribute(&self) -> String {
        self.attributes
            .iter()
            .find(|(k, r)| *r == AttrRule::NeedsReview && !k.contains('='))
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| "NeedsReview".into())
    }

    /// The event type an attribution export writes.
    pub fn event_for_export(&self) -> String {
        self.events
            .iter()
            .find(|(_, r)| *r == EventRule::Attribution)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| "Attribution".into())
    }

    /// The role name an attribution export writes for `role`.
    pub fn role_for_export(&self, role: Role) -> String {
        self.roles
            .iter()
            .find(|(_, r)| *r == role)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| {
                match role {
                    Role::Content => "Content",
                    Role::Cue => "Cue",
                    Role::Source => "Source",
                    Role::Ignore => "Other",
                }
                .into()
            })
    }

    /// Whether the mapping knows any event type (the attribution scheme).
    pub fn has_events(&self) -> bool {
        self.events
            .iter()
            .any(|(_, r)| *r == EventRule::Attribution)
    }
}

/// Labels a file used that the mapping does not know, with how often.
pub type Unmapped = BTreeMap<String, usize>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_mappings_parse() {
        for (name, text) in SHIPPED {
            let m = Mapping::parse(text, name).unwrap();
            assert_eq!(m.name, *name);
        }
        let parc = Mapping::named("parc").unwrap();
        assert_eq!(
            parc.event("Attribution-no-source"),
            Some(EventRule::Attribution)
        );
        assert_eq!(parc.role("Content2"), Some(Role::Content));
        assert_eq!(parc.span("Discard"), Some(&SpanRule::Ignore));
        assert_eq!(parc.span("Source"), None);
        let b = Mapping::byline();
        assert_eq!(b.label_for(Kind::Anonymous), "Anonymous");
        assert!(matches!(
            b.span("SOURCED"),
            Some(SpanRule::Claim {
                kind: Kind::Sourced,
                ..
            })
        ));
    }

    #[test]
    fn label_args_add_and_override() {
        let mut m = Mapping::byline();
        m.add_arg("Quote=sourced").unwrap();
        m.add_arg("Sourced=editorial").unwrap();
        m.add_arg("roles.Speaker=source").unwrap();
        m.add_arg("attributes.Certainty=low=needs-review").unwrap();
        assert!(matches!(
            m.span("Sourced"),
            Some(SpanRule::Claim {
                kind: Kind::Editorial,
                ..
            })
        ));
        assert_eq!(m.label_for(Kind::Sourced), "Quote");
        assert_eq!(m.role("Speaker"), Some(Role::Source));
        assert_eq!(
            m.attribute("Certainty", Some("low")),
            Some(&AttrRule::NeedsReview)
        );
        let e = m.add_arg("Quote=rumour").unwrap_err().to_string();
        assert!(e.contains("\"rumour\" is not a kind"), "{e}");
        assert!(m.add_arg("Quote").is_err());
    }

    #[test]
    fn a_bad_mapping_file_names_what_is_wrong() {
        let e = Mapping::parse("[spans]\nQuote = \"maybe\"\n", "m.toml")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "m.toml: [spans] \"Quote\": \"maybe\" is not a kind; write sourced, anonymous, editorial or ignore"
        );
        let e = Mapping::parse("[colours]\nQuote = \"red\"\n", "m.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown section [colours]"), "{e}");
    }
}
