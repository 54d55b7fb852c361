//! Loaded language: the writer's judgement words, from the lexicon, as
//! editorial suggestions, widened to the noun phrase they sit in where
//! that is plain from the words around them.

use super::{Suggester, inside};
use byline_model::annotation::Kind;
use byline_model::article::Paragraph;
use std::ops::Range;

use super::attribution::Raw;

/// What sort of cue matched, which says how to widen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Taken as it is.
    Phrase,
    /// Takes the noun after it ("botched rollout").
    Adjective,
    /// Takes an adjective before it ("diplomatic disaster").
    Noun,
    /// Takes the word it lifts ("utterly wrong").
    Intensifier,
}

/// `reported`: what sources are reported to have said (byte ranges);
/// judgement words there are theirs, not the writer's.
pub(super) fn suggest(
    s: &Suggester,
    p: &Paragraph,
    sentences: &[Range<usize>],
    quotes: &[Range<usize>],
    reported: &[Range<usize>],
    attributed: &[Range<usize>],
) -> Vec<Raw> {
    let text = &p.text;
    let theirs =
        |at: usize| inside(quotes, at) || reported.iter().any(|r| r.start <= at && at < r.end);
    let mut out = Vec::new();
    let sentences: Vec<Range<usize>> = sentences
        .iter()
        .map(|c| p.byte_of(c.start)..p.byte_of(c.end))
        .filter(|r| r.len() <= crate::MAX_SENTENCE_BYTES)
        .collect();
    let clauses = clauses(s, p, &sentences, &theirs, attributed);
    for (r, pattern) in s.editorial.find(text) {
        if theirs(r.start) {
            continue;
        }
        // "Frankly, …", "Of course, …": a stance opening a sentence makes
        // the sentence the writer's judgement.
        if let Some(sb) = sentences.iter().find(|sb| sb.start == r.start)
            && text[r.end..].starts_with(',')
            && !attributed
                .iter()
                .any(|a| a.start < sb.end && sb.start < a.end)
        {
            out.push((
                sb.clone(),
                Kind::Editorial,
                None,
                text[r.clone()].to_lowercase(),
                "stance-opener",
                None,
            ));
            continue;
        }
        let class = s
            .editorial_class
            .get(pattern)
            .copied()
            .unwrap_or(Class::Phrase);
        let cue = text[r.clone()].to_lowercase();
        let span = match class {
            Class::Phrase => r,
            Class::Adjective | Class::Intensifier => {
                match (next_word(text, r.end), scare_quoted(s, text, r.end)) {
                    // "so-called \"consultation\"": the words in quotes.
                    (_, Some(end)) => r.start..end,
                    (Some(w), None) if plain_word(s, &text[w.clone()]) => r.start..w.end,
                    // "talks collapsed dramatically": an adverb with
                    // nothing to lift after it lifts the verb before, a
                    // past by its form.
                    _ if class == Class::Intensifier => match prev_word(text, r.start) {
                        Some(w) if plain_word(s, &text[w.clone()]) && past(s, &text[w.clone()]) => {
                            w.start..r.end
                        }
                        _ => r,
                    },
                    _ => r,
                }
            }
            Class::Noun => match prev_word(text, r.start) {
                Some(w)
                    if plain_word(s, &text[w.clone()]) && adjective_like(s, &text[w.clone()]) =>
                {
                    w.start..r.end
                }
                _ => r,
            },
        };
        // "yet another diplomatic disaster": the word that piles it on.
        let span = boosted(s, text, span);
        let rule = match class {
            Class::Phrase => "loaded-phrase",
            Class::Adjective => "loaded-adjective",
            Class::Noun => "loaded-noun",
            Class::Intensifier => "intensifier",
        };
        out.push((span, Kind::Editorial, None, cue, rule, None));
    }
    // "truly embarrassing" and "embarrassing record" are one phrase.
    out.sort_by_key(|(r, ..)| (r.start, r.end));
    // "laid bare the duplicity", "see through this smokescreen": a phrase
    // and the judgement noun it takes, joined by at most two linking words
    // (a determiner, "of"), are one too; not two adjectives ("so fierce
    // that the embattled minister").
    let mut merged: Vec<Raw> = Vec::new();
    for x in out {
        match merged.last_mut() {
            Some(last)
                if x.0.start < last.0.end
                    || last.4 == "loaded-phrase"
                        && x.4 == "loaded-noun"
                        && text
                            .get(last.0.end..x.0.start)
                            .is_some_and(|gap| linked(s, gap)) =>
            {
                last.0.end = last.0.end.max(x.0.end)
            }
            _ => merged.push(x),
        }
    }
    let mut out = merged;
    // A clause with a judgement word in it is suggested by that word, the
    // narrower mark.
    let words: Vec<Range<usize>> = out.iter().map(|(r, ..)| r.clone()).collect();
    out.extend(
        clauses
            .into_iter()
            .filter(|(c, ..)| !words.iter().any(|w| c.start <= w.start && w.end <= c.end)),
    );
    out
}

/// Whether `gap`, between two judgement words, is only spaces and at most
/// two linking words ("the", "this", "of").
fn linked(s: &Suggester, gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    gap.starts_with(' ')
        && gap.ends_with(' ')
        && words.len() <= 2
        && words.iter().all(|w| s.g.phrase_links.has(w.to_lowercase()))
}

/// A past tense or participle by its form ("collapsed", "fell").
fn past(s: &Suggester, w: &str) -> bool {
    let l = w.to_lowercase();
    let ending = &s.g.words.past_ending;
    !ending.is_empty() && l.len() > ending.len() + 2 && l.ends_with(ending.as_str())
        || s.g.plain_pasts.has(&l)
        || s.g.plain_participles.has(&l)
}

/// `span` grown back over a word that piles the judgement on ("yet
/// another", "another").
fn boosted(s: &Suggester, text: &str, span: Range<usize>) -> Range<usize> {
    let before = &text[..span.start];
    for b in &s.g.phrase_boosters {
        let Some(at) = before.len().checked_sub(b.len() + 1) else {
            continue;
        };
        if before
            .get(at..)
            .is_some_and(|t| t.ends_with(' ') && t[..t.len() - 1].to_lowercase() == *b)
            && !before[..at].ends_with(char::is_alphanumeric)
        {
            return at..span.end;
        }
    }
    span
}

/// A lowercase word that is not a function word: part of the phrase.
fn plain_word(s: &Suggester, w: &str) -> bool {
    // Where every noun has a capital, a noun may follow its adjective
    // ("peinliches Kapitel").
    let noun = s.g.nouns_capitalised
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .skip(1)
            .all(|c| c.is_alphabetic() && c.is_lowercase() || c == '-');
    (noun
        || w.chars()
            .all(|c| c.is_alphabetic() && c.is_lowercase() || c == '-'))
        && w.chars().any(char::is_alphabetic)
        && !s.g.phrase_stops.has(w.to_lowercase())
}

fn adjective_like(s: &Suggester, w: &str) -> bool {
    s.g.adjective_endings
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// The word right after byte `at`, separated by one space only (a comma or
/// a quote mark between them ends the phrase).
fn next_word(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = text[at..].strip_prefix(' ')?;
    let start = at + 1;
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    (len > 0).then(|| start..start + len)
}

fn prev_word(text: &str, at: usize) -> Option<Range<usize>> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    (start < before.len()).then_some(start..before.len())
}

/// Clauses in the writer's own voice that a sentence cue makes a judgement
/// ("The council should …", "Residents deserve …"): the clause holding the
/// cue, or the sentence when the clause is short.
fn clauses(
    s: &Suggester,
    p: &Paragraph,
    sentences: &[Range<usize>],
    theirs: &dyn Fn(usize) -> bool,
    attributed: &[Range<usize>],
) -> Vec<Raw> {
    let text = &p.text;
    let mut out: Vec<Raw> = Vec::new();
    for sb in sentences.iter().cloned() {
        let sent = &text[sb.clone()];
        let cued = s
            .sentence_cues
            .find(sent)
            .into_iter()
            .find(|(r, _)| !theirs(sb.start + r.start));
        let Some((r, whole)) = cued
            .map(|(r, _)| (r, false))
            // "a structural engineer I spoke to said…": the writer reporting
            // is not the writer judging.
            .or_else(|| {
                let reports = attributed
                    .iter()
                    .any(|a| a.start < sb.end && sb.start < a.end);
                (!reports)
                    .then(|| voice(s, sent, sb.start, theirs))
                    .flatten()
            })
        else {
            continue;
        };
        let at = sb.start + r.start;
        let cue = sent[r].to_lowercase();
        // A sentence a source is reported in is theirs, cue and all.
        if theirs(sb.start) && theirs(sb.end.saturating_sub(1)) {
            continue;
        }
        let mut start = sb.start;
        let mut end = sb.end;
        for pat in &s.g.verdict_dividers {
            for (i, _) in sent.match_indices(pat.as_str()) {
                let cut = sb.start + i;
                if cut < at {
                    start = start.max(cut + pat.len());
                } else {
                    end = end.min(cut);
                }
            }
        }
        if whole || text[start..end].split_whitespace().count() < 4 {
            start = sb.start;
            end = sb.end;
        }
        if out.last().is_some_and(|(last, ..)| last.end > start) {
            continue;
        }
        let rule = if whole {
            "writer-voice"
        } else {
            "verdict-clause"
        };
        out.push((start..end, Kind::Editorial, None, cue, rule, None));
    }
    out
}

/// The writer speaking as themselves, which news copy does not do outside
/// quotations: "I", "we", "our", "you" (case counts: "US" is a country),
/// or a question put to the reader. The whole sentence is the claim.
fn voice(
    s: &Suggester,
    sent: &str,
    base: usize,
    theirs: &dyn Fn(usize) -> bool,
) -> Option<(Range<usize>, bool)> {
    use unicode_segmentation::UnicodeSegmentation;
    if let Some((b, w)) = sent
        .unicode_word_indices()
        .find(|(b, w)| s.g.writer_person.has(w) && !theirs(base + b))
    {
        return Some((b..b + w.len(), true));
    }
    let q = sent
        .trim_end()
        .trim_end_matches(|c: char| c == ')' || s.g.quotes.after_question.contains(&c));
    (q.ends_with('?') && !theirs(base + q.len() - 1)).then(|| (q.len() - 1..q.len(), true))
}

/// Where a short quotation right after byte `at` ends (its closing mark
/// included): "so-called \"gourmet\" burgers".
fn scare_quoted(s: &Suggester, text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(' ')?;
    let open = rest.chars().next()?;
    let (_, close) = *s.g.quotes.scare.iter().find(|(o, _)| *o == open)?;
    let inner = &rest[open.len_utf8()..];
    let end = inner.find(close)?;
    let words = inner[..end].split_whitespace().count();
    (words > 0 && words <= 4).then(|| at + 1 + open.len_utf8() + end + close.len_utf8())
}
