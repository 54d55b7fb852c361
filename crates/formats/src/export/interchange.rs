//! Files other tools read (PRODUCT.md): W3C Web Annotation, brat standoff,
//! spaCy/Prodigy JSONL, claims and verdicts as JSON Lines and CSV.
//!
//! Every format here works from a [`Doc`]: one annotator file parsed in
//! full (notes, tags, status), its article text when it matches, and the
//! colleagues' reviews of it. Offsets count Unicode scalar values into the
//! normalised paragraphs joined by `"\n\n"` ([`Joined`]), so Python's
//! `text[start:end]` is the quote.

use crate::import::labels::{Mapping, Role};
use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::article::Article;
use byline_model::review::verdict::{Entry, Review, Verdict};
use byline_model::{Loc, Para};
use byline_store::annotator_slug;
use serde::Serialize;
use serde_json::{Value, json};

/// The separator between paragraphs in the joined text.
pub const PARAGRAPH_SEP: &str = "\n\n";

/// One annotator file with what the interchange formats and the HTML page
/// need beside it.
pub struct Doc {
    /// Claim ids assigned where missing (the ids a save would assign), in
    /// file order.
    pub set: AnnotationSet,
    /// The article text, when it is the one annotated.
    pub article: Option<Article>,
    /// Reviews of this file (their `of` is its slug).
    pub reviews: Vec<Review>,
    /// The annotation file, as found.
    pub file: String,
    /// The article text's path as found from the annotation file.
    pub article_path: Option<String>,
}

/// A colleague's verdict on one claim.
pub struct VerdictOn<'a> {
    pub reviewer: &'a str,
    pub entry: &'a Entry,
}

impl Doc {
    /// For each claim (by index), the verdicts colleagues gave it.
    pub fn verdicts(&self) -> Vec<Vec<VerdictOn<'_>>> {
        let mut out: Vec<Vec<VerdictOn<'_>>> =
            (0..self.set.claims.len()).map(|_| Vec::new()).collect();
        for r in &self.reviews {
            for (i, v) in r.match_claims(&self.set.claims).into_iter().enumerate() {
                if let (Some(v), Some(slot)) = (v, out.get_mut(i)) {
                    slot.push(VerdictOn {
                        reviewer: &r.meta.reviewer,
                        entry: &r.verdicts[v],
                    });
                }
            }
        }
        out
    }

    /// Whether claim `c`'s offsets hold its quote in the text.
    pub fn holds(&self, c: &Claim) -> bool {
        self.article
            .as_ref()
            .is_some_and(|a| byline_model::annotation::anchor::holds(c, a))
    }

    fn text_needed(&self, what: &str) -> Result<(&Article, Joined), String> {
        match &self.article {
            Some(a) => Ok((a, Joined::new(a))),
            None => Err(format!(
                "{}: {what} needs the article text (offsets count into it), and it is not available; see the warning above",
                self.file
            )),
        }
    }
}

/// The article's paragraphs joined by [`PARAGRAPH_SEP`], with each
/// paragraph's start in `char`s.
pub struct Joined {
    pub text: String,
    /// `char` offset of each paragraph's first character.
    pub starts: Vec<usize>,
    /// Length of each paragraph in `char`s.
    pub lens: Vec<usize>,
}

impl Joined {
    pub fn new(a: &Article) -> Joined {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(a.len());
        let mut lens = Vec::with_capacity(a.len());
        let mut at = 0;
        for (i, p) in a.paragraphs.iter().enumerate() {
            if i > 0 {
                text.push_str(PARAGRAPH_SEP);
                at += 2;
            }
            starts.push(at);
            lens.push(p.char_len());
            text.push_str(&p.text);
            at += p.char_len();
        }
        Joined { text, starts, lens }
    }

    /// From the joined text's paragraphs, as an importer finds them.
    pub fn from_text(text: &str) -> Joined {
        let mut starts = Vec::new();
        let mut lens = Vec::new();
        let mut at = 0;
        for (i, p) in text.split(PARAGRAPH_SEP).enumerate() {
            if i > 0 {
                at += 2;
            }
            let n = p.chars().count();
            starts.push(at);
            lens.push(n);
            at += n;
        }
        Joined {
            text: text.to_owned(),
            starts,
            lens,
        }
    }

    /// The joined offset of `c` in paragraph `p`.
    pub fn global(&self, p: Para, c: usize) -> usize {
        self.starts.get(p.index()).copied().unwrap_or(0) + c
    }

    /// The place of a joined range, when it lies within one paragraph.
    pub fn local(&self, start: usize, end: usize) -> Option<Loc> {
        if start >= end {
            return None;
        }
        let i = self
            .starts
            .partition_point(|&s| s <= start)
            .checked_sub(1)?;
        let s = start - self.starts[i];
        let e = end - self.starts[i];
        (e <= self.lens[i]).then_some(Loc::new(Para::from_index(i), s, e))
    }
}

/// The label brat and spaCy see for a kind.
pub fn brat_label(k: Kind) -> &'static str {
    match k {
        Kind::Sourced => "Sourced",
        Kind::Anonymous => "Anonymous",
        Kind::Editorial => "Editorial",
    }
}

/// A kind from a label in any case (`Sourced`, `SOURCED`, `sourced`).
pub fn parse_label(s: &str) -> Option<Kind> {
    Kind::parse(&s.trim().to_ascii_lowercase())
}

fn datetime(set: &AnnotationSet) -> Option<String> {
    set.annotator.updated.map(|d| d.to_string())
}

/// The identifier of an article for tools that want an IRI: its URL,
/// else a `urn:byline:` name.
fn article_iri(set: &AnnotationSet) -> String {
    match &set.article.url {
        Some(u) if !u.trim().is_empty() => u.trim().to_owned(),
        _ => format!("urn:byline:article:{}", set.article.id),
    }
}

/// The W3C annotation id of a claim: `urn:byline:claim:<article>/<annotator>/<id>`.
pub fn claim_iri(set: &AnnotationSet, c: &Claim) -> String {
    format!(
        "urn:byline:claim:{}/{}/{}",
        set.article.id,
        annotator_slug(&set.annotator.name),
        c.id.as_deref().unwrap_or("")
    )
}

/// `object` with the article's keys that byline's JSON task formats carry
/// (JSONL's `meta`, Label Studio's `data`) and its importer reads back
/// (`Record::with_article_keys`).
fn with_article_keys(doc: &Doc, mut object: Value) -> Value {
    let a = &doc.set.article;
    let keys = json!({
        "article": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published.map(|d| d.to_string()),
        "sha256": a.sha256,
        "path": doc.article_path,
    });
    if let (Value::Object(o), Value::Object(k)) = (&mut object, keys) {
        o.extend(k);
    }
    object
}

fn meta(doc: &Doc) -> Value {
    with_article_keys(
        doc,
        json!({
            "paragraphs": doc.set.article.paragraphs,
            "annotator": doc.set.annotator.name,
            "updated": datetime(&doc.set),
            "file": doc.file,
            "format": "byline-jsonl/1",
        }),
    )
}

fn to_line(v: &impl Serialize, out: &mut Vec<u8>) {
    // Serialising JSON values to memory does not fail.
    let _ = serde_json::to_writer(&mut *out, v);
    out.push(b'\n');
}

/// `--format jsonl`: one line per file, `{"text", "spans", "meta"}` as
/// spaCy (`Doc.char_span`) and Prodigy read it. Spans carry byline's own
/// fields beside `start`, `end` and `label`; tools ignore what they do not
/// know. Claims that do not hold in the text are left out of `spans` and
/// listed under `meta.unplaced`.
pub fn jsonl(doc: &Doc) -> Result<Vec<u8>, String> {
    let (_, joined) = doc.text_needed("--format jsonl")?;
    let mut spans = Vec::new();
    let mut unplaced = Vec::new();
    for c in &doc.set.claims {
        let mut span = json!({
            "label": brat_label(c.kind).to_ascii_uppercase(),
            "id": c.id,
            "paragraph": c.at.para,
            "quote": c.quote,
            "source": c.source,
            "note": c.note,
            "tags": c.tags,
            "status": c.status,
        });
        if doc.holds(c) {
            span["start"] = json!(joined.global(c.at.para, c.at.start));
            span["end"] = json!(joined.global(c.at.para, c.at.end));
            spans.push(span);
        } else {
            unplaced.push(span);
        }
    }
    let mut meta = meta(doc);
    meta["unplaced"] = json!(unplaced);
    let mut out = Vec::new();
    to_line(
        &json!({"text": joined.text, "spans": spans, "meta": meta}),
        &mut out,
    );
    Ok(out)
}

/// Up to 32 characters of the joined text on each side of `start..end`
/// (chars), as W3C's TextQuoteSelector takes them.
fn context(chars: &[char], start: usize, end: usize) -> (String, String) {
    let n = byline_model::annotation::CONTEXT_CHARS;
    let prefix: String = chars[start.saturating_sub(n)..start.min(chars.len())]
        .iter()
        .collect();
    let suffix: String = chars[end.min(chars.len())..(end + n).min(chars.len())]
        .iter()
        .collect();
    (prefix, suffix)
}

/// The W3C Web Annotation model as byline writes it (fields in the order
/// JSON shows them: sorted, as every byline JSON output is).
mod w3c_model {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Annotation<'a> {
        #[serde(rename = "@context")]
        pub context: &'static str,
        pub body: Vec<Body<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub created: Option<String>,
        pub creator: Creator<'a>,
        pub id: String,
        pub motivation: &'static str,
        pub target: Target<'a>,
        #[serde(rename = "type")]
        pub kind: &'static str,
    }

    #[derive(Serialize)]
    pub struct Body<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub creator: Option<Creator<'a>>,
        pub purpose: &'static str,
        #[serde(rename = "type")]
        pub kind: &'static str,
        pub value: String,
    }

    impl<'a> Body<'a> {
        /// A `TextualBody` with this purpose.
        pub fn text(purpose: &'static str, value: impl Into<String>) -> Body<'a> {
            Body {
                creator: None,
                purpose,
                kind: "TextualBody",
                value: value.into(),
            }
        }
    }

    #[derive(Serialize)]
    pub struct Creator<'a> {
        pub name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub nickname: Option<String>,
        #[serde(rename = "type")]
        pub kind: &'static str,
    }

    #[derive(Serialize)]
    pub struct Target<'a> {
        pub selector: Vec<Selector<'a>>,
        pub source: String,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    pub enum Selector<'a> {
        Quote {
            exact: &'a str,
            prefix: String,
            suffix: String,
            #[serde(rename = "type")]
            kind: &'static str,
        },
        Position {
            end: usize,
            start: usize,
            #[serde(rename = "type")]
            kind: &'static str,
        },
    }
}

/// `--format w3c`: one W3C Web Annotation per claim, one per line (JSON
/// Lines of `Annotation`s; `jq -s` makes a list of them).
pub fn w3c(doc: &Doc) -> Result<Vec<u8>, String> {
    use w3c_model::{Annotation, Body, Creator, Selector, Target};
    let (_, joined) = doc.text_needed("--format w3c")?;
    let set = &doc.set;
    let verdicts = doc.verdicts();
    let chars: Vec<char> = joined.text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in set.claims.iter().enumerate() {
        let mut body = vec![Body::text("tagging", c.kind.as_str())];
        if let Some(s) = c.source.as_deref().filter(|s| !s.is_empty()) {
            body.push(Body::text("identifying", s));
        }
        if let Some(n) = c.note.as_deref().filter(|s| !s.is_empty()) {
            body.push(Body::text("commenting", n));
        }
        for t in &c.tags {
            body.push(Body::text("classifying", t.as_str()));
        }
        if c.needs_review() {
            body.push(Body::text(
                "assessing",
                byline_model::annotation::NEEDS_REVIEW,
            ));
        }
        for v in verdicts.get(i).into_iter().flatten() {
            body.push(verdict_body(v));
        }
        let (mut prefix, mut suffix) = (
            c.prefix.clone().unwrap_or_default(),
            c.suffix.clone().unwrap_or_default(),
        );
        let mut position = None;
        if doc.holds(c) {
            let (start, end) = (
                joined.global(c.at.para, c.at.start),
                joined.global(c.at.para, c.at.end),
            );
            (prefix, suffix) = context(&chars, start, end);
            position = Some(Selector::Position {
                end,
                start,
                kind: "TextPositionSelector",
            });
        }
        let mut selector = vec![Selector::Quote {
            exact: &c.quote,
            prefix,
            suffix,
            kind: "TextQuoteSelector",
        }];
        selector.extend(position);
        let a = Annotation {
            context: "http://www.w3.org/ns/anno.jsonld",
            body,
            created: datetime(set),
            creator: Creator {
                name: &set.annotator.name,
                nickname: Some(annotator_slug(&set.annotator.name)),
                kind: "Person",
            },
            id: claim_iri(set, c),
            motivation: "classifying",
            target: Target {
                selector,
                source: article_iri(set),
            },
            kind: "Annotation",
        };
        to_line(&a, &mut out);
    }
    Ok(out)
}

fn verdict_body<'a>(v: &VerdictOn<'a>) -> w3c_model::Body<'a> {
    let e = v.entry;
    let mut value = match e.verdict {
        Verdict::Agree => format!("{} agrees", v.reviewer),
        Verdict::Dispute => format!("{} disputes", v.reviewer),
    };
    if let Some(k) = e.kind {
        value.push_str(&format!(" (proposes {k})"));
    }
    if let Some(c) = e.comment.as_deref().filter(|c| !c.is_empty()) {
        value.push_str(": ");
        value.push_str(c);
    }
    w3c_model::Body {
        creator: Some(w3c_model::Creator {
            name: v.reviewer,
            nickname: None,
            kind: "Person",
        }),
        ..w3c_model::Body::text("assessing", value)
    }
}

/// Text on one `.ann` line: brat's fields are tab-separated and a line is
/// a record, so tabs and line breaks become spaces.
fn ann_field(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect()
}

/// `--format brat`: the joined text (`.txt`) and its standoff (`.ann`).
/// brat counts offsets in characters of the `.txt`, as here.
pub fn brat(doc: &Doc, labels: &Mapping) -> Result<(String, String), String> {
    use std::fmt::Write as _;
    let (_, joined) = doc.text_needed("--format brat")?;
    let mut ann = String::new();
    let (mut t, mut a, mut n) = (0, 0, 0);
    for c in &doc.set.claims {
        if !doc.holds(c) {
            continue;
        }
        t += 1;
        let (s, e) = (
            joined.global(c.at.para, c.at.start),
            joined.global(c.at.para, c.at.end),
        );
        let _ = writeln!(
            ann,
            "T{t}\t{} {s} {e}\t{}",
            labels.label_for(c.kind),
            ann_field(&c.quote)
        );
        let mut notes: Vec<(&str, String)> = Vec::new();
        if let Some(id) = &c.id {
            notes.push(("id", id.clone()));
        }
        if let Some(src) = c.source.as_deref().filter(|s| !s.is_empty()) {
            notes.push(("source", src.to_owned()));
        }
        if let Some(nt) = c.note.as_deref().filter(|s| !s.is_empty()) {
            notes.push(("note", nt.to_owned()));
        }
        if !c.tags.is_empty() {
            notes.push(("tags", c.tags.join(", ")));
        }
        if let Some(cue) = cue_of(c) {
            notes.push(("cue", cue.to_owned()));
        }
        claim_notes(
            &mut ann,
            (&mut n, &mut a),
            &format!("T{t}"),
            notes,
            c,
            labels,
        );
    }
    Ok((with_newline(joined.text), ann))
}

/// A claim's `AnnotatorNotes` on `target` (`T3`, `E2`), then its
/// needs-review attribute; `n` and `a` count the notes and attributes.
fn claim_notes(
    ann: &mut String,
    (n, a): (&mut usize, &mut usize),
    target: &str,
    notes: Vec<(&str, String)>,
    c: &Claim,
    labels: &Mapping,
) {
    use std::fmt::Write as _;
    for (what, text) in notes {
        *n += 1;
        let _ = writeln!(
            ann,
            "#{n}\tAnnotatorNotes {target}\t{what}: {}",
            ann_field(&text)
        );
    }
    if c.needs_review() {
        *a += 1;
        let _ = writeln!(ann, "A{a}\t{} {target}", labels.needs_review_attribute());
    }
}

/// brat's `.txt`: the joined text and a final line break.
fn with_newline(mut text: String) -> String {
    text.push('\n');
    text
}

/// brat's `annotation.conf` for the labels [`brat`] writes.
pub fn brat_conf(labels: &Mapping) -> String {
    format!(
        "[entities]\n{}\n{}\n{}\n\n[relations]\n\n[events]\n\n[attributes]\n{} Arg:<ENTITY>\n",
        labels.label_for(Kind::Sourced),
        labels.label_for(Kind::Anonymous),
        labels.label_for(Kind::Editorial),
        labels.needs_review_attribute()
    )
}

/// A claim's cue (FORMAT.md: optional, from an import).
pub fn cue_of(c: &Claim) -> Option<&str> {
    c.extra
        .get(crate::import::CUE_KEY)
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
}

/// brat's `annotation.conf` for the attribution scheme [`brat_events`]
/// writes.
pub fn brat_events_conf(labels: &Mapping) -> String {
    let event = labels.event_for_export();
    let (content, cue, source) = (
        labels.role_for_export(Role::Content),
        labels.role_for_export(Role::Cue),
        labels.role_for_export(Role::Source),
    );
    format!(
        "[entities]\n{content}\n{cue}\n{source}\n{}\n\n[relations]\n\n[events]\n{event}\t{content}:<ENTITY>, {cue}?:<ENTITY>, {source}?:<ENTITY>\n\n[attributes]\n{} Arg:<EVENT>\n",
        labels.label_for(Kind::Editorial),
        labels.needs_review_attribute()
    )
}

/// Where `needle` is in paragraph `p` nearest to `start..end` (chars),
/// outside it when it can be.
fn nearest(p: &str, needle: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let n = needle.chars().count();
    p.match_indices(needle)
        .map(|(b, _)| {
            let a = p[..b].chars().count();
            (a, a + n)
        })
        .min_by_key(|&(a, b)| {
            let inside = a >= start && b <= end;
            let dist = if b <= start {
                start - b
            } else {
                a.saturating_sub(end)
            };
            (inside, dist)
        })
}

/// `--format brat --scheme attribution`: every sourced or anonymous claim
/// that holds becomes a Content span (the claim without its cue), a Cue
/// span, a Source span where its source's words are found in the
/// paragraph, a trigger, and an event tying them; what the scheme has no
/// place for (the kind as the annotator set it, id, note, tags, a source
/// not in the text) goes in `AnnotatorNotes` on the event. Editorial
/// claims are no attributions: plain spans, as `--scheme spans` writes
/// them.
pub fn brat_events(doc: &Doc, labels: &Mapping) -> Result<(String, String), String> {
    use std::fmt::Write as _;
    let (article, joined) = doc.text_needed("--format brat")?;
    let event = labels.event_for_export();
    let (content_l, cue_l, source_l) = (
        labels.role_for_export(Role::Content),
        labels.role_for_export(Role::Cue),
        labels.role_for_export(Role::Source),
    );
    let mut ann = String::new();
    let (mut t, mut e, mut a, mut n) = (0, 0, 0, 0);
    for c in &doc.set.claims {
        if !doc.holds(c) {
            continue;
        }
        let p = &article[c.at.para].text;
        let g = |x: usize| joined.global(c.at.para, x);
        let mut span = |ann: &mut String, label: &str, s: usize, en: usize| {
            t += 1;
            let q: String = p.chars().skip(s).take(en - s).collect();
            let _ = writeln!(ann, "T{t}\t{label} {} {}\t{}", g(s), g(en), ann_field(&q));
            t
        };
        let mut notes: Vec<(&str, String)> = Vec::new();
        let target;
        if c.kind == Kind::Editorial {
            target = format!(
                "T{}",
                span(&mut ann, &labels.label_for(c.kind), c.at.start, c.at.end)
            );
        } else {
            // The cue: at either end of the claim, else nearest it.
            let (mut cs, mut ce) = (c.at.start, c.at.end);
            let mut cue = None;
            if let Some(w) = cue_of(c) {
                let n = w.chars().count();
                if c.quote.starts_with(w) && n < c.at.len() {
                    cue = Some((c.at.start, c.at.start + n));
                    cs = c.at.start + n;
                    cs += p
                        .chars()
                        .skip(cs)
                        .take_while(|ch| ch.is_whitespace())
                        .count();
                } else if c.quote.ends_with(w) && n < c.at.len() {
                    cue = Some((c.at.end - n, c.at.end));
                    ce = c.at.end - n;
                    ce -= p
                        .chars()
                        .take(ce)
                        .collect::<Vec<_>>()
                        .iter()
                        .rev()
                        .take_while(|ch| ch.is_whitespace())
                        .count();
                } else {
                    cue = nearest(p, w, c.at.start, c.at.end);
                }
                if cue.is_none() {
                    notes.push(("cue", w.to_owned()));
                }
            }
            let content = span(&mut ann, &content_l, cs, ce);
            let cue_t = cue.map(|(x, y)| span(&mut ann, &cue_l, x, y));
            let source_t = match c.source.as_deref().filter(|s| !s.is_empty()) {
                Some(src) => match nearest(p, src, c.at.start, c.at.end) {
                    Some((x, y)) => Some(span(&mut ann, &source_l, x, y)),
                    None => {
                        notes.push(("source", src.to_owned()));
                        None
                    }
                },
                None => None,
            };
            let (tx, ty) = cue.unwrap_or((cs, ce));
            let trigger = span(&mut ann, &event, tx, ty);
            e += 1;
            let mut line = format!("E{e}\t{event}:T{trigger} {content_l}:T{content}");
            if let Some(q) = cue_t {
                let _ = write!(line, " {cue_l}:T{q}");
            }
            if let Some(s) = source_t {
                let _ = write!(line, " {source_l}:T{s}");
            }
            let _ = writeln!(ann, "{line}");
            target = format!("E{e}");
            // The kind as the annotator set it, which a reader would
            // otherwise take from how the source reads.
            notes.insert(0, ("kind", c.kind.as_str().to_owned()));
        }
        if let Some(id) = &c.id {
            notes.insert(0, ("id", id.clone()));
        }
        if let Some(nt) = c.note.as_deref().filter(|s| !s.is_empty()) {
            notes.push(("note", nt.to_owned()));
        }
        if !c.tags.is_empty() {
            notes.push(("tags", c.tags.join(", ")));
        }
        if c.kind == Kind::Editorial
            && let Some(src) = c.source.as_deref().filter(|s| !s.is_empty())
        {
            notes.push(("source", src.to_owned()));
        }
        claim_notes(&mut ann, (&mut n, &mut a), &target, notes, c, labels);
    }
    Ok((with_newline(joined.text), ann))
}

/// UTF-16 offset of every `char` offset of `text` (and its end), as
/// JavaScript tools count.
fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for ch in text.chars() {
        out.push(at);
        at += ch.len_utf16();
    }
    out.push(at);
    out
}

/// `--format label-studio`: one text task per annotator file, an item of
/// the JSON list Label Studio imports and exports. `data.text` is the
/// joined text; each claim that holds is a `labels` region (UTF-16
/// offsets, as Label Studio counts) with its source, note and cue as
/// `textarea` results and its tags as `choices` under the region's id.
pub fn label_studio(doc: &Doc, index: usize, labels: &Mapping) -> Result<Vec<u8>, String> {
    let (_, joined) = doc.text_needed("--format label-studio")?;
    let u16s = utf16_offsets(&joined.text);
    let set = &doc.set;
    let mut result = Vec::new();
    for c in set.claims.iter().filter(|c| doc.holds(c)) {
        let (s, e) = (
            joined.global(c.at.para, c.at.start),
            joined.global(c.at.para, c.at.end),
        );
        let id = c.id.clone().unwrap_or_default();
        result.push(json!({
            "id": id, "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual",
            "value": {"start": u16s[s], "end": u16s[e], "text": c.quote,
                      "labels": [labels.label_for(c.kind)]},
        }));
        let mut area = |from: &str, text: &str| {
            result.push(json!({
                "id": id, "from_name": from, "to_name": "text", "type": "textarea",
                "origin": "manual", "value": {"text": [text]},
            }));
        };
        if let Some(src) = c.source.as_deref().filter(|s| !s.is_empty()) {
            area("source", src);
        }
        if let Some(nt) = c.note.as_deref().filter(|s| !s.is_empty()) {
            area("note", nt);
        }
        if let Some(cue) = cue_of(c) {
            area("cue", cue);
        }
        if !c.tags.is_empty() {
            result.push(json!({
                "id": id, "from_name": "tags", "to_name": "text", "type": "choices",
                "origin": "manual", "value": {"choices": c.tags},
            }));
        }
        if c.needs_review() {
            result.push(json!({
                "id": id, "from_name": labels.needs_review_attribute(), "to_name": "text",
                "type": "choices", "origin": "manual", "value": {"choices": ["yes"]},
            }));
        }
    }
    let task = json!({
        "id": index + 1,
        "data": with_article_keys(doc, json!({ "text": joined.text })),
        "annotations": [{
            "id": index + 1,
            "completed_by": 1,
            "annotator": set.annotator.name,
            "result": result,
            "was_cancelled": false,
            "ground_truth": false,
            "updated_at": datetime(set),
            "task": index + 1,
        }],
        "predictions": [],
    });
    serde_json::to_vec(&task).map_err(|e| e.to_string())
}

/// `--format doccano`: one document a line in doccano's newer form,
/// `{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
/// "relations": []}`, offsets in characters; byline's own keys beside
/// (doccano ignores them).
pub fn doccano(doc: &Doc, index: usize, labels: &Mapping) -> Result<Vec<u8>, String> {
    let (_, joined) = doc.text_needed("--format doccano")?;
    let set = &doc.set;
    let mut entities = Vec::new();
    for (k, c) in set.claims.iter().filter(|c| doc.holds(c)).enumerate() {
        entities.push(json!({
            "id": k + 1,
            "label": labels.label_for(c.kind),
            "start_offset": joined.global(c.at.para, c.at.start),
            "end_offset": joined.global(c.at.para, c.at.end),
            "claim": c.id,
            "source": c.source,
            "note": c.note,
            "cue": cue_of(c),
            "tags": c.tags,
            "status": c.status,
        }));
    }
    let a = &set.article;
    let mut out = Vec::new();
    to_line(
        &json!({
            "id": index + 1,
            "text": joined.text,
            "entities": entities,
            "relations": [],
            "article": a.id,
            "annotator": set.annotator.name,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published.map(|d| d.to_string()),
            "path": doc.article_path,
        }),
        &mut out,
    );
    Ok(out)
}

/// brat's `visual.conf`: the same colours as the HTML report.
pub const BRAT_VISUAL: &str = "[labels]\nSourced | Sourced | S\nAnonymous | Anonymous | A\nEditorial | Editorial | E\n\n[drawing]\nSourced\tbgColor:#bfdbfe\nAnonymous\tbgColor:#fed7aa\nEditorial\tbgColor:#f5d0fe\n";

/// `--claims --format json`: one claim a line.
pub fn claims_jsonl(doc: &Doc) -> Vec<u8> {
    let set = &doc.set;
    let mut out = Vec::new();
    for (c, verdicts) in set.claims.iter().zip(doc.verdicts()) {
        to_line(
            &json!({
                "id": c.id,
                "article": set.article.id,
                "title": set.article.title,
                "outlet": set.article.outlet,
                "annotator": set.annotator.name,
                "file": doc.file,
                "paragraph": c.at.para,
                "start": c.at.start,
                "end": c.at.end,
                "kind": c.kind,
                "source": c.source,
                "note": c.note,
                "tags": c.tags,
                "status": c.status,
                "quote": c.quote,
                "verdicts": verdicts.iter().map(verdict_json).collect::<Vec<_>>(),
            }),
            &mut out,
        );
    }
    out
}

fn verdict_json(v: &VerdictOn<'_>) -> Value {
    json!({
        "reviewer": v.reviewer,
        "verdict": v.entry.verdict.as_str(),
        "kind": v.entry.kind,
        "comment": v.entry.comment,
    })
}

/// Columns of `--verdicts --format csv`.
pub const VERDICT_HEADER: &[&str] = &[
    "article",
    "annotator",
    "reviewer",
    "claim",
    "paragraph",
    "start",
    "end",
    "kind",
    "verdict",
    "proposed_kind",
    "comment",
    "quote",
];

/// One row per verdict of a colleague on this file's claims, in claim
/// order; verdicts whose claim is gone are left out (the JSON export
/// counts them as `orphaned`).
pub fn verdict_rows(doc: &Doc) -> Vec<Vec<String>> {
    let set = &doc.set;
    let mut rows = Vec::new();
    for (c, verdicts) in set.claims.iter().zip(doc.verdicts()) {
        for v in verdicts {
            rows.push(vec![
                set.article.id.clone(),
                set.annotator.name.clone(),
                v.reviewer.to_owned(),
                c.id.clone().unwrap_or_default(),
                c.at.para.to_string(),
                c.at.start.to_string(),
                c.at.end.to_string(),
                c.kind.as_str().to_owned(),
                v.entry.verdict.as_str().to_owned(),
                v.entry
                    .kind
                    .map(|k| k.as_str().to_owned())
                    .unwrap_or_default(),
                v.entry.comment.clone().unwrap_or_default(),
                c.quote.clone(),
            ]);
        }
    }
    rows
}

/// `--verdicts --format json`: one verdict a line.
pub fn verdicts_jsonl(doc: &Doc) -> Vec<u8> {
    let mut out = Vec::new();
    for row in verdict_rows(doc) {
        let obj: serde_json::Map<String, Value> = VERDICT_HEADER
            .iter()
            .zip(row)
            .map(|(k, v)| {
                let v = match *k {
                    "paragraph" | "start" | "end" => {
                        v.parse::<u64>().map(Value::from).unwrap_or(Value::Null)
                    }
                    "proposed_kind" | "claim" | "comment" if v.is_empty() => Value::Null,
                    _ => Value::String(v),
                };
                ((*k).to_owned(), v)
            })
            .collect();
        to_line(&obj, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_model::article::Paragraph;

    fn article() -> Article {
        Article::new(
            "x".into(),
            "T".into(),
            "x.txt".into(),
            vec![
                Paragraph::new("Héllo 🍵 world.".into(), false),
                Paragraph::new("Second one.".into(), false),
            ],
        )
    }

    #[test]
    fn joined_offsets_count_chars_across_paragraphs() {
        let j = Joined::new(&article());
        assert_eq!(j.text, "Héllo 🍵 world.\n\nSecond one.");
        assert_eq!(j.global(Para::from_index(1), 0), 16);
        assert_eq!(j.local(16, 22), Some(Loc::new(Para::from_index(1), 0, 6)));
        assert_eq!(j.local(10, 17), None, "crosses a paragraph break");
        let k = Joined::from_text(&j.text);
        assert_eq!((k.starts, k.lens), (j.starts, j.lens));
    }
}
