//! Attributions: a sentence that reports what someone said, with its
//! source found near the cue. A named person or body makes it sourced; a
//! descriptor without a name ("sources", "a person familiar with"), a hedge
//! ("reportedly") or a promise of anonymity makes it anonymous.

use super::{Suggester, inside};
use crate::annotation::Kind;
use crate::article::Paragraph;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A suggestion in byte offsets: span, kind, source, cue.
pub(super) type Raw = (Range<usize>, Kind, Option<String>, String);

/// Words that start a sentence with a capital without being a name.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "the", "a", "an", "another", "one", "some", "its", "his", "her", "their", "our", "my",
    "your", "this", "that", "these", "those", "many", "several", "most", "few", "two", "three",
    "four", "both", "all", "other", "each", "every", "no", "senior", "former", "local", "top",
    "unnamed", "anonymous", "independent", "leading", "western", "foreign", "government",
    "industry", "security", "police", "military", "company", "according", "in", "at", "on",
    "for", "after", "before", "but", "and", "while", "when", "as", "it", "he", "she", "they",
    "we", "i", "there", "here", "what", "yet", "still", "then",
];

/// Words that may join the words of a name ("Chamber of Commerce").
#[rustfmt::skip]
const NAME_JOINERS: &[&str] = &[
    "of", "de", "van", "von", "der", "la", "le", "al", "bin", "da", "du", "for", "and", "the",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Words a subject does not start with: conjunctions and the like that
/// join it to what came before.
#[rustfmt::skip]
const LEADING: &[&str] = &[
    "and", "but", "or", "while", "whereas", "as", "so", "because", "that", "when", "where",
    "if", "though", "although", "after", "before", "since", "then", "also", "yet", "in", "what",
    "now", "meanwhile", "however", "still", "even", "only", "whom",
];

/// Words between a subject and its verb ("has long said", "privately told").
#[rustfmt::skip]
const TRAILING: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "also", "later", "privately", "publicly",
    "repeatedly", "long", "previously", "earlier", "again", "recently", "separately", "then",
    "would", "will", "could", "may", "might", "did", "does", "do", "not", "never", "reportedly",
    "allegedly", "once", "often", "always", "first", "last", "further", "quietly", "openly",
    "angrily", "flatly", "simply", "only", "just", "still", "already", "widely", "been",
    "being", "who", "and",
];

/// Prepositions where a long subject is cut ("Some residents of the new
/// apartment blocks…" is sourced to "some residents").
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "from", "near", "on", "across", "around", "inside",
];

/// How sure a found attribution is: a source in words beats a pronoun
/// whose referent is not in the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grade {
    Pronoun,
    Resolved,
}

struct Found {
    kind: Kind,
    source: Option<String>,
    cue: String,
    named: bool,
    grade: Grade,
}

pub(super) fn suggest(s: &Suggester, p: &Paragraph, quotes: &[Range<usize>]) -> Vec<Raw> {
    let text = &p.text;
    let mut out = Vec::new();
    // The last named source, for "he said" later in the paragraph.
    let mut last_name: Option<String> = None;
    for sc in p.sentences() {
        let sb = p.byte_of(sc.start)..p.byte_of(sc.end);
        let Some(f) = sentence(s, text, sb.clone(), quotes, last_name.as_deref()) else {
            continue;
        };
        if f.named {
            last_name = f.source.clone();
        }
        out.push((sb, f.kind, f.source, f.cue));
    }
    out
}

/// The attribution of one sentence (`sb`, bytes of `text`), if it has one.
fn sentence(
    s: &Suggester,
    text: &str,
    sb: Range<usize>,
    quotes: &[Range<usize>],
    last_name: Option<&str>,
) -> Option<Found> {
    let sent = &text[sb.clone()];
    let outside = |r: &Range<usize>| !inside(quotes, sb.start + r.start);
    let marked = s.markers.find(sent).iter().any(|(r, _)| outside(r));
    let hedge = s
        .hedges
        .find(sent)
        .into_iter()
        .find(|(r, _)| outside(r))
        .map(|(r, _)| sent[r].to_lowercase());
    let anonymous_anyway = marked || hedge.is_some();

    // "According to X, …": the source follows the cue.
    if let Some((r, _)) = s
        .source_phrases
        .find(sent)
        .into_iter()
        .find(|(r, _)| outside(r))
    {
        let after = &sent[r.end..];
        if let Some(src) = phrase_after(after, false) {
            let mut f = classify(s, &src, false, last_name);
            f.cue = sent[r].to_lowercase();
            if anonymous_anyway {
                f.kind = Kind::Anonymous;
            }
            return Some(f);
        }
    }

    // A reporting verb with its subject (or, after a quotation, the name
    // after the verb). The best-resolved verb wins; the first on a tie.
    let mut best: Option<Found> = None;
    for (b, word) in sent.unicode_word_indices() {
        let at = sb.start + b;
        let lower = word.to_lowercase();
        if !s.verbs.contains(&lower) || inside(quotes, at) {
            continue;
        }
        let start = clause_start(text, sb.start, at, quotes);
        let region = &text[start..at];
        let subject = pick_subject(region);
        let found = match subject {
            Some(subj) => {
                let initial = start == sb.start && region.trim_start().starts_with(&subj);
                Some(classify(s, &subj, initial, last_name))
            }
            None if region
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty() =>
            {
                // `"…," said Tom Becker, the port's engineer.`
                phrase_after(&text[at + word.len()..sb.end], true)
                    .map(|src| classify(s, &src, false, last_name))
            }
            None => None,
        };
        if let Some(mut f) = found {
            f.cue = lower;
            if best.as_ref().is_none_or(|b| f.grade > b.grade) {
                best = Some(f);
            }
        }
    }
    if let Some(mut f) = best {
        if anonymous_anyway {
            f.kind = Kind::Anonymous;
            f.named = false;
            if f.grade == Grade::Pronoun || f.source.is_none() {
                f.source = hedge.clone();
            }
        }
        return Some(f);
    }

    // "Negotiators reportedly arrived…": the hedge is all the reader gets.
    hedge.map(|h| Found {
        kind: Kind::Anonymous,
        source: Some(h.clone()),
        cue: h,
        named: false,
        grade: Grade::Resolved,
    })
}

/// Where the clause holding the verb starts: after the last closing quote,
/// semicolon, colon or dash before it, else at the sentence start.
fn clause_start(text: &str, sentence: usize, verb: usize, quotes: &[Range<usize>]) -> usize {
    let mut start = sentence;
    for q in quotes {
        if q.end <= verb && q.end > start {
            start = q.end;
        }
    }
    let region = &text[start..verb];
    for pat in ["; ", ": ", " — ", " – ", " -- "] {
        if let Some(i) = region.rfind(pat) {
            start = start.max(start + i + pat.len());
        }
    }
    start
}

/// The subject in the words before a verb: the comma-separated piece
/// nearest the verb that is not a relative clause or an aside, cut at a
/// restrictive relative clause, without joining words at its ends.
fn pick_subject(region: &str) -> Option<String> {
    let pieces: Vec<&str> = region.split(',').collect();
    for piece in pieces.iter().rev() {
        let piece = piece.trim();
        if piece.is_empty() || piece.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        let first = piece.split_whitespace().next().unwrap_or("");
        let first_lower = first.to_lowercase();
        // An aside: "who chairs the committee", "speaking on condition…".
        let aside = ["who", "which", "whose", "where", "when"].contains(&first_lower.as_str());
        let participle =
            first_lower.ends_with("ing") && first.chars().next().is_some_and(char::is_lowercase);
        // "67" in "Martin Hale, 67, who…".
        let age = piece
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace());
        if aside || participle || age {
            continue;
        }
        return tidy_subject(piece);
    }
    None
}

fn tidy_subject(piece: &str) -> Option<String> {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    // A restrictive relative clause: "A council aide who asked…".
    if let Some(i) = words.iter().position(|w| {
        ["who", "that", "which", "whose", "because"].contains(&w.to_lowercase().as_str())
    }) {
        words.truncate(i);
    }
    while words.len() > 1 && TRAILING.contains(&words[words.len() - 1].to_lowercase().as_str()) {
        words.pop();
    }
    // "For weeks it briefed": the pronoun right before the verb.
    if let Some(last) = words.last()
        && PRONOUNS.contains(&last.to_lowercase().as_str())
    {
        return Some((*last).to_owned());
    }
    while words.len() > 1 && LEADING.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    if words.len() > 6 {
        // Cut at the first preposition after the head.
        if let Some(i) = words
            .iter()
            .skip(1)
            .position(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        {
            words.truncate(i + 1);
        }
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    // A subject holds a name, a descriptor or at least a noun-like word; a
    // lone function word is not one.
    let joined = words.join(" ");
    let joined = joined.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '(');
    if joined.is_empty() || (words.len() == 1 && LEADING.contains(&joined.to_lowercase().as_str()))
    {
        return None;
    }
    Some(joined.to_owned())
}

/// The source named after a cue: up to the first comma or clause mark.
/// `names_only`: after an inverted verb, take the name (or the short
/// phrase: "said the minister").
fn phrase_after(after: &str, names_only: bool) -> Option<String> {
    let end = after
        .find([',', '.', ';', ':', '“', '”', '"', '(', '—', '!', '?'])
        .unwrap_or(after.len());
    let mut words: Vec<&str> = after[..end].split_whitespace().collect();
    if let Some(i) = words
        .iter()
        .position(|w| ["that", "who", "which", "whose"].contains(&w.to_lowercase().as_str()))
        .filter(|&i| i > 0)
    {
        words.truncate(i);
    }
    if names_only {
        // "said Tom Becker on Tuesday": the name, not the time.
        if let Some(i) = words
            .iter()
            .position(|w| {
                [
                    "on", "in", "at", "after", "before", "during", "last", "this",
                ]
                .contains(&w.to_lowercase().as_str())
            })
            .filter(|&i| i > 0)
        {
            words.truncate(i);
        }
        words.truncate(6);
    }
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let joined = words.join(" ");
    let joined = joined.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    (!joined.is_empty()).then(|| joined.to_owned())
}

/// Whether a word is part of a name: capitalised, or of a script without
/// case (陈美玲), and not a common word capitalised by its place.
fn name_word(s: &Suggester, w: &str, initial: bool) -> bool {
    let Some(c) = w.trim_start_matches(['(', '‘', '\'']).chars().next() else {
        return false;
    };
    let lower = w.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let capital = c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase());
    let common = COMMON.contains(&lower) || s.anonymous.contains(lower);
    capital && !(initial && common) && !PRONOUNS.contains(&lower)
}

/// Sourced or anonymous, by what the source words hold.
fn classify(s: &Suggester, src: &str, initial: bool, last_name: Option<&str>) -> Found {
    let words: Vec<&str> = src.split_whitespace().collect();
    let lower = src.to_lowercase();
    let found = |kind, source: Option<String>, named, grade| Found {
        kind,
        source,
        cue: String::new(),
        named,
        grade,
    };
    if words.len() == 1 && PRONOUNS.contains(&lower.as_str()) {
        return match last_name {
            Some(n) => found(Kind::Sourced, Some(n.to_owned()), true, Grade::Resolved),
            None => found(Kind::Sourced, None, false, Grade::Pronoun),
        };
    }
    let is_anon = |w: &&str| {
        let l = w.to_lowercase();
        s.anonymous
            .contains(l.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let first_name = words.iter().enumerate().position(|(i, w)| {
        name_word(s, w, initial && i == 0) && !NAME_JOINERS.contains(&w.to_lowercase().as_str())
    });
    let first_anon = words.iter().position(is_anon);
    let anonymous = match (first_anon, first_name) {
        (Some(_), None) => true,
        // "Sources close to the Osmarki delegation": the name only says
        // whose sources they are.
        (Some(a), Some(n)) => {
            a < n
                && words[a + 1..n].iter().any(|w| {
                    [
                        "to", "with", "for", "in", "at", "from", "of", "near", "on", "inside",
                        "within",
                    ]
                    .contains(&w.to_lowercase().as_str())
                })
        }
        _ => false,
    };
    // A common word capitalised only because it starts the sentence reads
    // as the annotator would write it.
    let mut source = src.to_owned();
    if initial
        && let Some(w) = words.first()
        && !name_word(s, w, true)
    {
        let rest = &src[w.len()..];
        source = format!("{}{rest}", w.to_lowercase());
    }
    if anonymous {
        found(Kind::Anonymous, Some(source), false, Grade::Resolved)
    } else {
        found(
            Kind::Sourced,
            Some(source),
            first_name.is_some(),
            Grade::Resolved,
        )
    }
}
