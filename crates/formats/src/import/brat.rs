//! brat standoff: `NAME.ann` and its text. `T` lines are spans, `E` lines
//! events, `R` lines relations, `A`/`M` lines attributes, `#` lines
//! `AnnotatorNotes` (byline writes `source: …`, `note: …`, `id: …`,
//! `tags: …`; any other note is the claim's note). Labels go through the
//! mapping: a span label becomes a kind; an event (or relation) type the
//! mapping calls `attribution` becomes one claim from its Content, Cue and
//! Source arguments (docs/FORMAT.md, "Attribution events"). Normalisations
//! and equivalences carry nothing byline keeps and are passed over.
//!
//! The text is `NAME.txt` beside the `.ann`; for `NAME_ANNOTATOR.ann`
//! (PolNeAR's layout) also `NAME.txt` beside it, in `--text DIR`, or in a
//! `text` folder beside the `.ann` files' folder.

use super::labels::{AttrRule, EventRule, Mapping, Role};
use super::{ImportError, Parsed, Problem, Record, Span, read_text, read_text_no_link, span_label};
use byline_model::annotation::{Kind, NEEDS_REVIEW};
use byline_model::article::normalize_block;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One `T` line.
struct Text {
    line: usize,
    label: String,
    /// Sorted, non-overlapping `char` ranges.
    segments: Vec<(usize, usize)>,
    /// The same in the order the line gives them (its text follows it).
    given: Vec<(usize, usize)>,
    quote: String,
}

/// One `E` or `R` line: its type, trigger and `(role, T id)` arguments.
struct Event {
    line: usize,
    id: String,
    kind: String,
    trigger: Option<String>,
    args: Vec<(String, String)>,
}

/// What `A` lines and notes say about one `T` or `E`.
#[derive(Default)]
struct About {
    attributes: Vec<(String, Option<String>)>,
    notes: Vec<String>,
}

/// Where the text of `file` is, and what its name says: (text, annotator,
/// article id, article id guessed, the text's path as the article).
fn find_text(file: &Path, text_dir: Option<&Path>) -> Result<Located, ImportError> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = file.parent().unwrap_or(Path::new(""));
    let folder = dir.file_name().map(|s| s.to_string_lossy().into_owned());
    let mut candidates: Vec<(PathBuf, Located)> = vec![(
        file.with_extension("txt"),
        Located {
            annotator: stem.clone(),
            article_id: folder.clone(),
            guessed: true,
            article_path: None,
            text: String::new(),
        },
    )];
    if let Some(t) = text_dir {
        candidates.push((
            t.join(format!("{stem}.txt")),
            Located {
                annotator: stem.clone(),
                article_id: Some(stem.clone()),
                guessed: true,
                article_path: Some(t.join(format!("{stem}.txt"))),
                text: String::new(),
            },
        ));
    }
    if let Some((name, who)) = stem.rsplit_once('_')
        && !name.is_empty()
        && !who.is_empty()
    {
        let txt = format!("{name}.txt");
        let mut places = vec![dir.join(&txt)];
        if let Some(t) = text_dir {
            places.push(t.join(&txt));
        }
        places.push(dir.join("..").join("text").join(&txt));
        for p in places {
            candidates.push((
                p.clone(),
                Located {
                    annotator: who.to_owned(),
                    article_id: Some(name.to_owned()),
                    guessed: true,
                    article_path: Some(p),
                    text: String::new(),
                },
            ));
        }
    }
    let first = candidates[0].0.clone();
    for (p, mut found) in candidates {
        let Some(link) = byline_store::plain::is_link(&p) else {
            continue;
        };
        // Found, not named: a link there (`x.txt -> ~/.git-credentials`)
        // would put any file's text into the annotations as its title.
        if link {
            return Err(ImportError::file(
                file,
                format!(
                    "its text {} is a symbolic link, which byline does not follow in files it imports (it could lead to any file); put the text itself there",
                    p.display()
                ),
            ));
        }
        found.text = read_text_no_link(&p).map_err(|e| {
            ImportError::file(
                file,
                format!("its text {} cannot be read: {e}", p.display()),
            )
        })?;
        return Ok(found);
    }
    Err(ImportError::file(
        file,
        format!(
            "its text {} cannot be read; brat keeps the text beside the .ann (for NAME_ANNOTATOR.ann, NAME.txt there or in ../text/ also do; or name the folder with --text DIR)",
            first.display()
        ),
    ))
}

struct Located {
    annotator: String,
    article_id: Option<String>,
    guessed: bool,
    article_path: Option<PathBuf>,
    text: String,
}

/// Whether `line` starts an annotation (`T12\t`, `#3\t`, `*\t`), not a
/// line of a span's text that held a line break.
fn starts_annotation(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else {
        return false;
    };
    let mut c = id.chars();
    match c.next() {
        Some('T' | 'E' | 'R' | 'A' | 'M' | 'N' | '#') => c.all(|c| c.is_ascii_digit()),
        Some('*') => id.len() == 1,
        _ => false,
    }
}

fn segments(spec: &str, len: usize) -> Result<Vec<(usize, usize)>, String> {
    let mut out = fragments(spec, len)?;
    // Fragments in any order (some tools write them so); overlapping ones
    // are no stretches of text.
    out.sort();
    if out.windows(2).any(|w| w[1].0 < w[0].1) {
        return Err(format!(
            "the fragments of {spec:?} overlap; a discontinuous span's fragments lie apart"
        ));
    }
    Ok(out)
}

fn fragments(spec: &str, len: usize) -> Result<Vec<(usize, usize)>, String> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for part in spec.split(';') {
        let mut n = part.split_whitespace().map(|x| x.parse::<usize>());
        let (Some(Ok(a)), Some(Ok(b)), None) = (n.next(), n.next(), n.next()) else {
            return Err(format!(
                "{part:?}: START and END are not whole numbers (a span is LABEL START END, fragments joined by ;)"
            ));
        };
        if a >= b {
            return Err(format!(
                "offsets {a}..{b} are reversed or empty; a span covers at least one character"
            ));
        }
        if b > len {
            return Err(format!(
                "offsets {a}..{b} are outside the text (0..{len}); a span covers at least one character of it"
            ));
        }
        out.push((a, b));
    }
    Ok(out)
}

pub fn read(file: &Path, labels: &Mapping, text_dir: Option<&Path>) -> Result<Parsed, ImportError> {
    let ann = read_text(file)?;
    let found = find_text(file, text_dir)?;
    let mut text = found.text.clone();
    // byline's export ends the text with one line break after the last
    // paragraph; it is no part of any span.
    if text.ends_with('\n') && !text.ends_with("\n\n") {
        text.pop();
    }
    let chars: Vec<char> = text.chars().collect();
    let slice = |segs: &[(usize, usize)]| -> String {
        segs.iter()
            .map(|&(a, b)| chars[a..b].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut parsed = Parsed::default();
    let mut ts: HashMap<String, Text> = HashMap::new();
    let mut t_order: Vec<String> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut about: HashMap<String, About> = HashMap::new();
    let mut last_t: Option<String> = None;
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        let at = format!("line {n}");
        if line.trim().is_empty() {
            continue;
        }
        if !starts_annotation(line) {
            // A span's text with a line break in it goes on over lines.
            if let Some(t) = last_t.as_ref().and_then(|id| ts.get_mut(id)) {
                t.quote.push('\n');
                t.quote.push_str(line);
            } else {
                parsed.problems.push(Problem::new(
                    at,
                    "not a brat annotation (ID, TAB, …); skipped",
                ));
            }
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let id = fields[0];
        let head = fields.get(1).copied().unwrap_or_default();
        match id.chars().next() {
            Some('T') => {
                last_t = None;
                let (label, spec) = head.split_once(' ').unwrap_or((head, ""));
                match segments(spec, chars.len()) {
                    Ok(segments) => {
                        if ts.contains_key(id) {
                            parsed.problems.push(Problem::new(
                                at,
                                format!("{id} is given twice; the first is kept"),
                            ));
                            continue;
                        }
                        ts.insert(
                            id.to_owned(),
                            Text {
                                line: n,
                                label: label.to_owned(),
                                given: fragments(spec, chars.len()).unwrap_or_default(),
                                segments,
                                quote: fields.get(2).copied().unwrap_or_default().to_owned(),
                            },
                        );
                        t_order.push(id.to_owned());
                        last_t = Some(id.to_owned());
                    }
                    Err(m) => parsed
                        .problems
                        .push(Problem::new(format!("{at} ({id})"), m)),
                }
            }
            Some('E' | 'R') => {
                last_t = None;
                let mut parts = head.split_whitespace();
                let mut ev = Event {
                    line: n,
                    id: id.to_owned(),
                    kind: String::new(),
                    trigger: None,
                    args: Vec::new(),
                };
                if id.starts_with('E') {
                    let Some((kind, trigger)) = parts.next().and_then(|p| p.split_once(':')) else {
                        parsed.problems.push(Problem::new(
                            format!("{at} ({id})"),
                            "an event is TYPE:TRIGGER ROLE:ID …",
                        ));
                        continue;
                    };
                    ev.kind = kind.to_owned();
                    ev.trigger = Some(trigger.to_owned());
                } else {
                    ev.kind = parts.next().unwrap_or_default().to_owned();
                }
                for p in parts {
                    if let Some((role, target)) = p.split_once(':') {
                        ev.args.push((role.to_owned(), target.to_owned()));
                    }
                }
                events.push(ev);
            }
            Some('A' | 'M') => {
                last_t = None;
                let mut parts = head.split_whitespace();
                let (Some(name), Some(target)) = (parts.next(), parts.next()) else {
                    continue;
                };
                about
                    .entry(target.to_owned())
                    .or_default()
                    .attributes
                    .push((name.to_owned(), parts.next().map(str::to_owned)));
            }
            Some('#') => {
                last_t = None;
                let mut parts = head.split(' ');
                if parts.next() != Some("AnnotatorNotes") {
                    continue;
                }
                let target = parts.next().unwrap_or_default();
                about
                    .entry(target.to_owned())
                    .or_default()
                    .notes
                    .push(fields.get(2).copied().unwrap_or_default().to_owned());
            }
            _ => last_t = None,
        }
    }

    // A span's stated text must be the text at its offsets (discontinuous
    // fragments joined by a space, as brat writes them).
    let mut wrong: HashMap<String, String> = HashMap::new();
    for (id, t) in &ts {
        let at_offsets = slice(&t.given);
        if !t.quote.is_empty() && normalize_block(&t.quote) != normalize_block(&at_offsets) {
            wrong.insert(
                id.clone(),
                format!(
                    "{id}'s text {:?} is not the text at its offsets ({:?})",
                    super::truncate(&t.quote, 60),
                    super::truncate(&at_offsets, 60)
                ),
            );
        }
    }

    let mut spans: Vec<(usize, Span)> = Vec::new();
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let suggester = byline_suggest::Suggester::shared();
    'events: for ev in &events {
        let at = format!("line {} ({})", ev.line, ev.id);
        let what = if ev.id.starts_with('E') {
            "event"
        } else {
            "relation"
        };
        match labels.event(&ev.kind) {
            Some(EventRule::Attribution) => {}
            Some(EventRule::Ignore) => continue,
            None => {
                *parsed
                    .unmapped
                    .entry(format!("{} ({what})", ev.kind))
                    .or_default() += 1;
                continue;
            }
        }
        let mut missing = Vec::new();
        for target in ev.trigger.iter().chain(ev.args.iter().map(|(_, t)| t)) {
            if !ts.contains_key(target) {
                missing.push(target.clone());
            }
        }
        if !missing.is_empty() {
            parsed.problems.push(Problem::new(
                at,
                format!(
                    "the {what} points at {}, which {} no span of this file; skipped",
                    missing.join(", "),
                    if missing.len() == 1 { "is" } else { "are" }
                ),
            ));
            continue;
        }
        for target in ev.trigger.iter().chain(ev.args.iter().map(|(_, t)| t)) {
            if let Some(m) = wrong.get(target) {
                parsed
                    .problems
                    .push(Problem::new(at, format!("{m}; skipped")));
                continue 'events;
            }
        }
        let mut content: Vec<(usize, usize)> = Vec::new();
        let mut cue: Option<&Text> = None;
        let mut source: Option<&Text> = None;
        let mut about_ids: Vec<&str> = vec![&ev.id];
        if let Some(t) = &ev.trigger {
            used.insert(t.clone());
            about_ids.push(t);
        }
        for (role, target) in &ev.args {
            let t = &ts[target];
            used.insert(target.clone());
            match labels.role(role) {
                Some(Role::Content) => {
                    content.extend(&t.segments);
                    about_ids.push(target);
                }
                Some(Role::Cue) => cue = Some(t),
                Some(Role::Source) => source = Some(t),
                Some(Role::Ignore) => {}
                None => {
                    *parsed
                        .unmapped
                        .entry(format!("{role} (role in {})", ev.kind))
                        .or_default() += 1;
                }
            }
        }
        content.sort();
        let cue_range = cue.map(|c| {
            (
                c.segments[0].0,
                c.segments.last().map(|s| s.1).unwrap_or(c.segments[0].1),
            )
        });
        // The claim: the content, and the cue when the two touch (overlap,
        // or only white space and punctuation between them); no content,
        // the cue; neither, the trigger.
        let (mut a, mut b) = match (content.first(), content.iter().map(|s| s.1).max()) {
            (Some(&(a, _)), Some(b)) => (a, b),
            _ => match (cue_range, ev.trigger.as_ref().map(|t| &ts[t])) {
                (Some(r), _) => r,
                (None, Some(t)) => (t.segments[0].0, t.segments.last().map_or(0, |s| s.1)),
                (None, None) => {
                    parsed.problems.push(Problem::new(
                        at,
                        format!("the {what} has neither content nor cue; skipped"),
                    ));
                    continue;
                }
            },
        };
        if let Some((ca, cb)) = cue_range {
            let gap: String = if cb <= a {
                chars[cb..a].iter().collect()
            } else if ca >= b {
                chars[b..ca].iter().collect()
            } else {
                String::new()
            };
            if !gap.chars().any(char::is_alphanumeric) {
                a = a.min(ca);
                b = b.max(cb);
            }
        }
        let words = |t: &Text| normalize_block(&slice(&t.segments));
        let source_text = source.map(words).filter(|s| !s.is_empty());
        let (kind, sure) = match &source_text {
            None => (Kind::Anonymous, true),
            Some(s) => suggester.read_source(s).unwrap_or((Kind::Anonymous, false)),
        };
        let mut span = Span {
            at,
            offsets: Some((a, b)),
            kind: Some(kind),
            source: source_text,
            cue: cue.map(words),
            keep_paragraph_of: Some(cue_range.map_or(a, |r| r.0)),
            ..Span::default()
        };
        if !sure {
            span.tags.push(NEEDS_REVIEW.into());
        }
        for id in about_ids {
            if let Some(ab) = about.get(id) {
                apply(&mut span, ab, labels, &mut parsed.unmapped);
            }
        }
        spans.push((ev.line, span));
    }

    // Spans outside the events: a label the mapping knows is a claim.
    for id in &t_order {
        if used.contains(id) {
            continue;
        }
        let t = &ts[id];
        let at = format!("line {} ({id})", t.line);
        if labels.role(&t.label).is_some() || labels.event(&t.label).is_some() {
            *parsed
                .unmapped
                .entry(format!("{} (in no event)", t.label))
                .or_default() += 1;
            continue;
        }
        let Some((kind, tags, note)) = span_label(labels, &t.label, &mut parsed.unmapped) else {
            continue;
        };
        if let Some(m) = wrong.get(id) {
            parsed
                .problems
                .push(Problem::new(at, format!("{m}; skipped")));
            continue;
        }
        let (a, b) = (t.segments[0].0, t.segments.last().map_or(0, |s| s.1));
        let mut span = Span {
            at,
            offsets: Some((a, b)),
            kind: Some(kind),
            tags,
            note,
            ..Span::default()
        };
        if let Some(ab) = about.get(id) {
            apply(&mut span, ab, labels, &mut parsed.unmapped);
        }
        spans.push((t.line, span));
    }
    spans.sort_by_key(|(line, _)| *line);
    parsed.records.push(Record {
        at: "the file".into(),
        text: Some(text),
        article_id: found.article_id,
        article_id_guessed: found.guessed,
        annotator: Some(found.annotator),
        article_path: found.article_path,
        spans: spans.into_iter().map(|(_, s)| s).collect(),
        ..Record::default()
    });
    Ok(parsed)
}

/// Notes and attributes on a span or event, into its claim.
fn apply(s: &mut Span, about: &About, labels: &Mapping, unmapped: &mut super::Unmapped) {
    for note in &about.notes {
        match note.split_once(": ") {
            Some(("source", v)) => s.source = Some(v.to_owned()),
            Some(("note", v)) => s.note = Some(v.to_owned()),
            Some(("id", v)) => s.id = Some(v.to_owned()),
            Some(("cue", v)) => s.cue = Some(v.to_owned()),
            // The kind as the annotator set it (byline's attribution
            // export): no longer a guess from how the source reads.
            Some(("kind", v)) if Kind::parse(v).is_some() => {
                s.kind = Kind::parse(v);
                s.tags.retain(|t| t != NEEDS_REVIEW);
            }
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
    for (name, value) in &about.attributes {
        attribute(s, name, value.as_deref(), labels, unmapped);
    }
}

/// One attribute (brat's `A`, Label Studio's choice) on a span.
pub(super) fn attribute(
    s: &mut Span,
    name: &str,
    value: Option<&str>,
    labels: &Mapping,
    unmapped: &mut super::Unmapped,
) {
    match labels.attribute(name, value) {
        Some(AttrRule::NeedsReview) => s.status = Some(NEEDS_REVIEW.into()),
        Some(AttrRule::Tag(t)) => {
            let tag = t
                .clone()
                .unwrap_or_else(|| value.unwrap_or(name).to_owned());
            if !s.tags.contains(&tag) {
                s.tags.push(tag);
            }
        }
        Some(AttrRule::Note) => {
            let text = match value {
                Some(v) => format!("{name}: {v}"),
                None => name.to_owned(),
            };
            s.note = Some(match s.note.take() {
                Some(n) => format!("{n}; {text}"),
                None => text,
            });
        }
        Some(AttrRule::Kind(k)) => s.kind = Some(*k),
        Some(AttrRule::Ignore) => {}
        None => {
            let key = match value {
                Some(v) => format!("{name}={v} (attribute)"),
                None => format!("{name} (attribute)"),
            };
            *unmapped.entry(key).or_default() += 1;
        }
    }
}
