//! Loaded language: the writer's judgement words, from the lexicon, as
//! editorial suggestions, widened to the noun phrase they sit in where
//! that is plain from the words around them.

use super::{Suggester, inside};
use crate::annotation::Kind;
use crate::article::Paragraph;
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

/// Words a phrase does not grow into.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "as", "than", "that", "this", "these", "those", "is", "was", "are", "were", "be",
    "been", "it", "its", "his", "her", "their", "our", "who", "which", "what", "when", "if",
    "so", "not", "no", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "about", "into", "over", "after", "before", "since", "there", "here", "very",
];

/// Endings that mark a word before a judgement noun as its adjective.
#[rustfmt::skip]
const ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ic", "ous", "ful", "less", "ive", "ed", "ing", "ary", "ish", "able", "ible", "ant",
    "ent", "est", "y",
];

pub(super) fn suggest(s: &Suggester, p: &Paragraph, quotes: &[Range<usize>]) -> Vec<Raw> {
    let text = &p.text;
    let mut out = Vec::new();
    for (r, pattern) in s.editorial.find(text) {
        if inside(quotes, r.start) {
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
            Class::Adjective | Class::Intensifier => match next_word(text, r.end) {
                Some(w) if plain_word(&text[w.clone()]) => r.start..w.end,
                _ => r,
            },
            Class::Noun => match prev_word(text, r.start) {
                Some(w) if plain_word(&text[w.clone()]) && adjective_like(&text[w.clone()]) => {
                    w.start..r.end
                }
                _ => r,
            },
        };
        out.push((span, Kind::Editorial, None, cue));
    }
    out
}

/// A lowercase word that is not a function word: part of the phrase.
fn plain_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphabetic() && c.is_lowercase() || c == '-')
        && w.chars().any(char::is_alphabetic)
        && !STOP.contains(&w)
}

fn adjective_like(w: &str) -> bool {
    ADJECTIVE_ENDINGS
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
