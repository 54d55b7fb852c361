//! Finding claims again when the article changed under them.
//!
//! The order is Hypothesis's: the stored offsets, then the exact quote, then
//! a bounded fuzzy search, every candidate scored on quote, prefix, suffix
//! and position with Hypothesis's weights (50/20/20/2). Where Hypothesis
//! takes the best candidate whatever it is, byline accepts one only when the
//! evidence is clear — enough of the quote and its stored context is found
//! again, neither side of a fuzzy match contradicts it, a claim that began
//! or ended on a word boundary still does, and no other place scores nearly
//! as well — and otherwise keeps the claim where it was, marked
//! `needs-review`. A claim is never dropped, and never moved to a place the
//! evidence does not support. `tests/it/durability.rs` measures this on random
//! edits (`reanchoring_figures`).

use super::{AnnotationSet, CONTEXT_CHARS, Claim, NEEDS_REVIEW};
use crate::article::{Article, Paragraph};
use crate::loc::{Loc, Para};
use std::collections::HashMap;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const TOTAL_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/// Context (prefix and suffix together) must be at least this similar;
/// quotes shorter than [`SHORT_QUOTE`] need more, up to [`MIN_CONTEXT_SHORT`]:
/// a single word turns up anywhere.
const MIN_CONTEXT: f64 = 0.5;
const MIN_CONTEXT_SHORT: f64 = 0.75;
const SHORT_QUOTE: usize = 16;
/// A fuzzy match must keep at least this share of the quote.
const MIN_QUOTE: f64 = 0.75;
/// When the text on both sides agrees this well, the span between them is
/// the claim even if its own text changed more: the quote need only keep
/// [`MIN_QUOTE_FRAMED`] of itself.
const STRONG_SIDE: f64 = 0.9;
const MIN_QUOTE_FRAMED: f64 = 0.5;
/// Characters of agreement, net of disagreement, an exact match elsewhere
/// than its old place needs (see `Candidate::evidence`).
const MIN_EVIDENCE: isize = 8;
/// A fuzzy match is refused if either side of it disagrees more than this:
/// a span that matches half an edited quote ends where its suffix no
/// longer fits.
const MIN_SIDE: f64 = 0.75;
/// Without stored context a fuzzy match must be this close.
const MIN_QUOTE_NO_CONTEXT: f64 = 0.9;
/// A fuzzy match must beat the best other place by this much (0..1 scale).
const MIN_MARGIN: f64 = 0.05;
/// Fuzzy candidates examined per claim, best quote matches first.
const MAX_FUZZY_CANDIDATES: usize = 64;
/// Exact occurrences scored per claim, nearest the old place first.
const MAX_EXACT_CANDIDATES: usize = 2000;

/// A claim's place.
pub type Place = Loc;

/// What re-anchoring did to one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchored {
    /// Its offsets still hold its quote.
    Ok,
    /// Found again with confidence; `from` is where it was. `exact` is
    /// false when the quote itself was edited (the claim's quote is then
    /// the new text).
    Moved { from: Place, exact: bool },
    /// Not found with confidence: kept where it was, `status = "needs-review"`.
    NeedsReview,
}

/// Where [`locate`] found a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Located {
    /// The stored offsets hold the quote.
    Kept,
    Found {
        place: Place,
        /// Edits between the stored quote and the text found.
        errors: usize,
    },
    NotFound,
}

/// Whether the claim's offsets hold its quote in `article`.
pub fn holds(c: &Claim, article: &Article) -> bool {
    !c.at.is_empty()
        && article
            .paragraph(c.at.para)
            .is_some_and(|p| c.at.end <= p.char_len() && p.slice(c.at.start, c.at.end) == c.quote)
}

/// Indexes of the claims whose offsets do not hold their quote, leaving
/// out those already marked `needs-review` (their old fields are kept on
/// purpose). In an unchanged article every claim should hold.
pub fn mismatches(set: &AnnotationSet, article: &Article) -> Vec<usize> {
    (0..set.claims.len())
        .filter(|&i| !set.claims[i].needs_review() && !holds(&set.claims[i], article))
        .collect()
}

/// One line naming a claim that does not hold, for error messages.
pub fn describe(c: &Claim) -> String {
    let id = c.id.as_deref().map(|i| format!("{i} ")).unwrap_or_default();
    format!("claim {id}(¶{} {}..{})", c.at.para, c.at.start, c.at.end)
}

/// Re-anchors every claim of `set` in `article` and returns what happened
/// to each, in the claims' final (file) order. Claims found again get their
/// new place, quote and context; the others keep their fields and are
/// marked `needs-review`. None is dropped.
pub fn reanchor(set: &mut AnnotationSet, article: &Article) -> Vec<Anchored> {
    reanchor_if(set, article, |_| true)
}

/// [`reanchor`] for the claims `which` selects; the others are reported as
/// they stand (`Ok`, or `NeedsReview` if so marked) and left unchanged.
pub fn reanchor_if(
    set: &mut AnnotationSet,
    article: &Article,
    which: impl Fn(&Claim) -> bool,
) -> Vec<Anchored> {
    let index = Index::new(article);
    let mut outcomes = Vec::with_capacity(set.claims.len());
    for c in &mut set.claims {
        if !which(c) {
            outcomes.push(if c.needs_review() {
                Anchored::NeedsReview
            } else {
                Anchored::Ok
            });
            continue;
        }
        let outcome = match locate_in(c, &index) {
            Located::Kept => {
                clear_review(c);
                Anchored::Ok
            }
            Located::Found { place, errors } => {
                let from = c.at;
                if errors > 0 && c.previous_quote.is_none() {
                    // Its words changed (FORMAT.md, `previous_quote`): the
                    // text the annotator marked is kept, the first time.
                    c.previous_quote = Some(c.quote.clone());
                }
                place_claim(c, place, &article[place.para]);
                Anchored::Moved {
                    from,
                    exact: errors == 0,
                }
            }
            Located::NotFound => {
                c.status = Some(NEEDS_REVIEW.into());
                Anchored::NeedsReview
            }
        };
        outcomes.push(outcome);
    }
    // Sort claims and outcomes together, in FORMAT.md's file order.
    let mut pairs: Vec<(Claim, Anchored)> = std::mem::take(&mut set.claims)
        .into_iter()
        .zip(outcomes)
        .collect();
    pairs.sort_by(|(a, _), (b, _)| {
        (a.at, a.id.as_deref().unwrap_or("")).cmp(&(b.at, b.id.as_deref().unwrap_or("")))
    });
    let (claims, outcomes) = pairs.into_iter().unzip();
    set.claims = claims;
    set.sort();
    outcomes
}

/// Where `c` belongs in `article` (no change made).
pub fn locate(c: &Claim, article: &Article) -> Located {
    locate_in(c, &Index::new(article))
}

/// Places `c` on `at`, whose paragraph is `p`, as the annotator chose it:
/// new quote and context, `needs-review` cleared. This is what the TUI
/// calls when a claim that needs review is placed again.
pub fn place_claim(c: &mut Claim, at: Loc, p: &Paragraph) {
    c.at = at;
    c.quote = p.slice(at.start, at.end).to_owned();
    c.set_context(p);
    clear_review(c);
}

/// Stores fresh prefix/suffix context on every claim whose offsets hold
/// (called before each save). Claims that need review keep their old
/// context: it is what will find them again.
pub fn refresh_context(set: &mut AnnotationSet, article: &Article) {
    for c in &mut set.claims {
        if !c.needs_review() && holds(c, article) {
            c.set_context(&article[c.at.para]);
        }
    }
}

fn clear_review(c: &mut Claim) {
    if c.needs_review() {
        c.status = None;
    }
}

/// The article as `char` vectors, with each paragraph's global start (as in
/// the paragraphs joined by a blank line) for position scores.
struct Index<'a> {
    article: &'a Article,
    chars: Vec<Vec<char>>,
    offsets: Vec<usize>,
    total: usize,
}

impl<'a> Index<'a> {
    fn new(article: &'a Article) -> Self {
        let mut offsets = Vec::with_capacity(article.len());
        let mut total = 0;
        let chars: Vec<Vec<char>> = article
            .paragraphs
            .iter()
            .map(|p| {
                offsets.push(total);
                total += p.char_len() + 2;
                p.text.chars().collect()
            })
            .collect();
        Index {
            article,
            chars,
            offsets,
            total: total.max(1),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: Loc,
    errors: usize,
    /// Similarity of the stored context, both sides together; `None`
    /// without context.
    context: Option<f64>,
    /// Characters that agree (quote and stored context) minus edits
    /// against them: how much text vouches for this place.
    evidence: isize,
    /// Both sides known and each nearly identical.
    both_sides_agree: bool,
    /// The less similar of the known sides.
    weaker_side: Option<f64>,
    score: f64,
}

struct Scorer<'a> {
    index: &'a Index<'a>,
    /// Stored prefix, reversed so that both sides read away from the claim.
    prefix: Option<Vec<char>>,
    suffix: Option<Vec<char>>,
    quote_len: usize,
    hint: usize,
    /// Whether the claim began and ended on a word boundary (unknown
    /// without stored context).
    word_start: Option<bool>,
    word_end: Option<bool>,
}

impl Scorer<'_> {
    fn candidate(&self, para: usize, start: usize, end: usize, errors: usize) -> Candidate {
        let prefix = self.prefix_distance(para, start);
        let suffix = self.suffix_distance(para, end);
        // The context is judged on both sides together, each weighed by its
        // length: two empty suffixes (a claim at a paragraph's end) agree,
        // but that says nothing about the place.
        let context = match (&prefix, &suffix) {
            (None, None) => None,
            _ => {
                let (pd, pl) = prefix.map_or((0, 0), |p| (p.edits, p.length));
                let (sd, sl) = suffix.map_or((0, 0), |s| (s.edits, s.length));
                Some(if pl + sl == 0 {
                    1.0
                } else {
                    1.0 - (pd + sd) as f64 / (pl + sl) as f64
                })
            }
        };
        // Characters of stored context found again, and edits against it.
        let agree = prefix.map_or(0, |p| p.agree) + suffix.map_or(0, |s| s.agree);
        let contra = prefix.map_or(0, |p| p.edits) + suffix.map_or(0, |s| s.edits);
        let (prefix, suffix) = (prefix.map(share), suffix.map(share));
        let quote = 1.0 - errors as f64 / self.quote_len.max(1) as f64;
        let global = self.index.offsets[para] + start;
        let position = 1.0 - global.abs_diff(self.hint) as f64 / self.index.total as f64;
        let score = (QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * prefix.unwrap_or(1.0)
            + SUFFIX_WEIGHT * suffix.unwrap_or(1.0)
            + POSITION_WEIGHT * position)
            / TOTAL_WEIGHT;
        Candidate {
            at: Loc::new(Para::from_index(para), start, end),
            errors,
            context,
            evidence: (self.quote_len - errors.min(self.quote_len) + agree) as isize
                - (contra + errors) as isize,
            both_sides_agree: prefix.is_some_and(|p| p >= STRONG_SIDE)
                && suffix.is_some_and(|s| s >= STRONG_SIDE),
            weaker_side: match (prefix, suffix) {
                (Some(p), Some(s)) => Some(p.min(s)),
                (p, s) => p.or(s),
            },
            score,
        }
    }

    fn prefix_distance(&self, para: usize, start: usize) -> Option<Side> {
        let text = &self.index.chars[para];
        let window: Vec<char> = text[start.saturating_sub(2 * CONTEXT_CHARS)..start]
            .iter()
            .rev()
            .copied()
            .collect();
        self.prefix
            .as_ref()
            .map(|want| context_distance(want, &window, start <= 2 * CONTEXT_CHARS))
    }

    fn suffix_distance(&self, para: usize, end: usize) -> Option<Side> {
        let text = &self.index.chars[para];
        let far = (end + 2 * CONTEXT_CHARS).min(text.len());
        self.suffix
            .as_ref()
            .map(|want| context_distance(want, &text[end..far], far == text.len()))
    }

    fn min_context(&self) -> f64 {
        let short = SHORT_QUOTE.saturating_sub(self.quote_len) as f64 / SHORT_QUOTE as f64;
        MIN_CONTEXT + (MIN_CONTEXT_SHORT - MIN_CONTEXT) * short
    }

    /// A claim that began (or ended) on a word boundary must do so again:
    /// the "a" of a rewritten "a" is not the "a" inside "claimed".
    fn same_boundaries(&self, c: &Candidate) -> bool {
        let Loc { para, start, end } = c.at;
        let text = &self.index.chars[para.index()];
        let at = |i: usize| text.get(i).copied();
        let starts = boundary(start.checked_sub(1).and_then(at), at(start));
        let ends = boundary(end.checked_sub(1).and_then(at), at(end));
        self.word_start.is_none_or(|w| !w || starts) && self.word_end.is_none_or(|w| !w || ends)
    }

    /// The context is known and agrees.
    fn context_agrees(&self, c: &Candidate) -> bool {
        c.context.is_some_and(|x| x >= self.min_context())
    }
}

fn best_first(cands: &mut [Candidate]) {
    cands.sort_by(|a, b| b.score.total_cmp(&a.score));
}

fn locate_in(c: &Claim, index: &Index) -> Located {
    let quote: Vec<char> = c.quote.chars().collect();
    let n = index.chars.len();
    if quote.is_empty() || n == 0 {
        return Located::NotFound;
    }
    let hint = index.offsets[c.at.para.index().min(n - 1)] + c.at.start;
    let scorer = Scorer {
        index,
        prefix: c.prefix.as_ref().map(|p| p.chars().rev().collect()),
        suffix: c.suffix.as_ref().map(|s| s.chars().collect()),
        quote_len: quote.len(),
        hint,
        word_start: c
            .prefix
            .as_ref()
            .map(|p| boundary(p.chars().next_back(), quote.first().copied())),
        word_end: c
            .suffix
            .as_ref()
            .map(|s| boundary(quote.last().copied(), s.chars().next())),
    };
    let found = |cand: &Candidate| Located::Found {
        place: cand.at,
        errors: cand.errors,
    };

    // 1. The stored offsets, and 2. the exact quote elsewhere.
    let mut places: Vec<(usize, usize)> = Vec::new();
    for (para, p) in index.article.paragraphs.iter().enumerate() {
        let mut from = 0;
        while let Some(b) = p.text[from..].find(c.quote.as_str()) {
            let at = from + b;
            places.push((para, p.char_of(at)));
            from = at + p.text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    // A very common quote ("the") in a huge article: score the occurrences
    // nearest the old place only.
    if places.len() > MAX_EXACT_CANDIDATES {
        places.sort_by_key(|&(para, start)| (index.offsets[para] + start).abs_diff(hint));
        places.truncate(MAX_EXACT_CANDIDATES);
    }
    let mut exact: Vec<Candidate> = places
        .into_iter()
        .map(|(para, start)| scorer.candidate(para, start, start + quote.len(), 0))
        .filter(|x| scorer.same_boundaries(x))
        .collect();
    best_first(&mut exact);
    if let Some(stored) = exact.iter().find(|x| x.at == c.at) {
        // The text at the offsets still reads the same: keep it, unless its
        // context says otherwise (the same words, by chance, where the claim
        // was); then it competes with the other occurrences below.
        if stored.context.is_none() || stored.evidence >= 0 {
            return Located::Kept;
        }
    }
    if let Some(best) = exact.first() {
        // An exact quote vouches for itself by its length, its context by
        // what of it is found again; what of the context changed counts
        // against. A long quote needs little context, a word a lot.
        let clear = match best.context {
            Some(_) => {
                best.evidence >= MIN_EVIDENCE && exact.get(1).is_none_or(|r| best.score > r.score)
            }
            None => exact.len() == 1,
        };
        if clear {
            return found(best);
        }
    }

    // 3. A bounded fuzzy search.
    let max_errors = (quote.len() / 2).min(256);
    if max_errors == 0 {
        return Located::NotFound;
    }
    let matcher = Myers::new(&quote);
    // Every local minimum of the distance is a possible end: the true end
    // of an edited quote is often not the lowest around (dropping the
    // quote's tail can cost fewer edits than an insertion inside it), but
    // its suffix agrees. Rank by quote and suffix before the costlier starts.
    let mut ends: Vec<(f64, usize, usize)> = Vec::new(); // (rough score, para, end)
    for (para, text) in index.chars.iter().enumerate() {
        matcher.local_minima(text, max_errors, |end, errors| {
            let suffix = scorer.suffix_distance(para, end).map_or(1.0, share);
            let quote_part = 1.0 - errors as f64 / quote.len() as f64;
            ends.push((
                QUOTE_WEIGHT * quote_part + SUFFIX_WEIGHT * suffix,
                para,
                end,
            ));
        });
    }
    ends.sort_by(|a, b| b.0.total_cmp(&a.0));
    ends.truncate(MAX_FUZZY_CANDIDATES);
    let mut fuzzy: Vec<Candidate> = ends
        .into_iter()
        .map(|(_, para, end)| {
            let text = &index.chars[para];
            let (mut start, errors) = best_start(&quote, text, end, max_errors, &scorer, para);
            // A quote never starts or ends with white space (PRODUCT.md);
            // each character trimmed was one edit against the quote.
            let mut end = end;
            let mut trimmed = 0;
            while start < end && text[start].is_whitespace() && !quote[0].is_whitespace() {
                start += 1;
                trimmed += 1;
            }
            while end > start
                && text[end - 1].is_whitespace()
                && !quote[quote.len() - 1].is_whitespace()
            {
                end -= 1;
                trimmed += 1;
            }
            scorer.candidate(para, start, end, (errors + trimmed).min(quote.len()))
        })
        .collect();
    fuzzy.retain(|x| scorer.same_boundaries(x));
    best_first(&mut fuzzy);
    let Some(top) = fuzzy.first() else {
        return Located::NotFound;
    };
    let runner_up = fuzzy.iter().skip(1).find(|o| !o.at.overlaps(&top.at));
    let margin_clear = runner_up.is_none_or(|r| top.score - r.score >= MIN_MARGIN);
    // Around the best place, the boundaries are the context's call: an
    // edited quote matches a shortened span with fewer edits, but the text
    // on both sides tells where the claim really ends.
    let best = fuzzy
        .iter()
        .filter(|o| o.at.overlaps(&top.at))
        .max_by(|a, b| {
            let key = |c: &Candidate| (c.context.unwrap_or(0.0), c.score);
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(top);
    let quote_share = 1.0 - best.errors as f64 / quote.len() as f64;
    let context_clear = match best.context {
        Some(_) => scorer.context_agrees(best) && best.weaker_side.is_none_or(|w| w >= MIN_SIDE),
        None => quote_share >= MIN_QUOTE_NO_CONTEXT,
    };
    let min_quote = if best.both_sides_agree {
        MIN_QUOTE_FRAMED
    } else {
        MIN_QUOTE
    };
    if quote_share >= min_quote && context_clear && margin_clear && !best.at.is_empty() {
        found(best)
    } else {
        Located::NotFound
    }
}

/// For a fuzzy match ending at `end`, the start with the fewest edits; ties
/// go to the best prefix agreement, then to the length nearest the quote's.
fn best_start(
    quote: &[char],
    text: &[char],
    end: usize,
    max_errors: usize,
    scorer: &Scorer,
    para: usize,
) -> (usize, usize) {
    let lo = end.saturating_sub(quote.len() + max_errors);
    // Edit distance between the quote and text[s..end] for every s, by a DP
    // over the reversed strings anchored at `end`.
    let window: Vec<char> = text[lo..end].iter().rev().copied().collect();
    let m = quote.len();
    let mut prev: Vec<usize> = (0..=window.len()).collect();
    let mut cur = vec![0; window.len() + 1];
    for i in 1..=m {
        cur[0] = i;
        let qc = quote[m - i];
        for j in 1..=window.len() {
            let sub = prev[j - 1] + usize::from(window[j - 1] != qc);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let errors = prev.iter().copied().min().unwrap_or(m);
    let mut best: Option<(usize, f64, usize)> = None; // (start, score, length gap)
    for (j, &e) in prev.iter().enumerate() {
        if e != errors || j == 0 {
            continue;
        }
        let start = end - j;
        // Same edits and same end: the score differs by the prefix only.
        let score = scorer.candidate(para, start, end, e).score;
        let gap = j.abs_diff(m);
        let better = match best {
            None => true,
            Some((_, s, g)) => score > s + 1e-12 || ((score - s).abs() <= 1e-12 && gap < g),
        };
        if better {
            best = Some((start, score, gap));
        }
    }
    (best.map_or(end.saturating_sub(m), |b| b.0), errors)
}

/// How far the stored context `want` is from the text beside a candidate,
/// both read away from the claim (`window` holds up to twice the context,
/// and `window_whole` says it reaches the paragraph's edge).
///
/// A full stored context is matched against the best stretch of the window
/// from the claim outward, so text inserted next to the claim costs its own
/// length and no more. A shorter one reached the paragraph's edge, and must
/// still do so.
fn context_distance(want: &[char], window: &[char], window_whole: bool) -> Side {
    let reaches_edge = want.len() < CONTEXT_CHARS;
    if reaches_edge {
        let d = if window_whole {
            levenshtein(want, window)
        } else {
            // The edge is farther away than the window: at least this far.
            levenshtein(want, window).max(window.len() - want.len().min(window.len()))
        };
        // Short stretches count against at least half a context, so that
        // "" against "1729 " is a small difference, "storm budget" against
        // "harbor with flood" a large one.
        let l = want
            .len()
            .max(window.len())
            .clamp(CONTEXT_CHARS / 2, CONTEXT_CHARS);
        return Side {
            edits: d.min(l),
            length: l,
            agree: want.len().max(window.len()).saturating_sub(d),
        };
    }
    // Edit distance of `want` against every prefix of `window`: the last
    // row of the DP, anchored at the claim.
    let mut prev: Vec<usize> = (0..=window.len()).collect();
    let mut cur = vec![0; window.len() + 1];
    for (i, &a) in want.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &b) in window.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(a != b))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (reach, best) = prev
        .iter()
        .copied()
        .enumerate()
        .min_by_key(|&(j, d)| (d, j))
        .unwrap_or((0, want.len()));
    Side {
        edits: best.min(CONTEXT_CHARS),
        length: CONTEXT_CHARS,
        agree: want.len().max(reach).saturating_sub(best),
    }
}

/// One side's context compared: edits, the length they count against, and
/// characters found again (at least the longer stretch less the edits).
#[derive(Debug, Clone, Copy)]
struct Side {
    edits: usize,
    length: usize,
    agree: usize,
}

/// 1 − edits / length; 1 for two empty strings.
fn share(side: Side) -> f64 {
    if side.length == 0 {
        1.0
    } else {
        1.0 - side.edits as f64 / side.length as f64
    }
}

/// Whether a word boundary lies between `before` and `after`.
fn boundary(before: Option<char>, after: Option<char>) -> bool {
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Myers' bit-parallel approximate matcher (with Hyyrö's blocks for quotes
/// over 64 characters): the edit distance of the quote against the best
/// substring ending at each text position, in O(n·⌈m/64⌉).
struct Myers {
    m: usize,
    blocks: usize,
    peq: HashMap<char, Vec<u64>>,
    last_row: Vec<u64>,
}

impl Myers {
    fn new(quote: &[char]) -> Myers {
        let m = quote.len();
        let blocks = m.div_ceil(64);
        let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, &c) in quote.iter().enumerate() {
            peq.entry(c).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
        }
        let mut last_row = vec![1u64 << 63; blocks];
        if let Some(l) = last_row.last_mut() {
            *l = 1 << ((m - 1) % 64);
        }
        Myers {
            m,
            blocks,
            peq,
            last_row,
        }
    }

    /// Calls `f(end, errors)` for every end (exclusive) where the distance
    /// is at most `max_errors` and a local minimum: lower than just before,
    /// and not higher than just after (the first end of a plateau).
    fn local_minima(&self, text: &[char], max_errors: usize, mut f: impl FnMut(usize, usize)) {
        let mut prev = usize::MAX;
        let mut pending: Option<(usize, usize)> = None;
        self.scan(text, |end, e| {
            if let Some((pe, pd)) = pending.take()
                && e >= pd
            {
                f(pe, pd);
            }
            if e <= max_errors && e < prev {
                pending = Some((end, e));
            }
            prev = e;
        });
        if let Some((pe, pd)) = pending {
            f(pe, pd);
        }
    }

    /// Calls `f(end, distance)` for every end position of `text`.
    fn scan(&self, text: &[char], mut f: impl FnMut(usize, usize)) {
        let zeros = vec![0u64; self.blocks];
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let mut score = self.m as isize;
        for (j, c) in text.iter().enumerate() {
            let peq = self.peq.get(c).unwrap_or(&zeros);
            let mut carry: i32 = 0;
            for b in 0..self.blocks {
                carry = advance_block(&mut pv[b], &mut mv[b], peq[b], self.last_row[b], carry);
            }
            score += carry as isize;
            f(j + 1, score as usize);
        }
    }
}

fn advance_block(pv: &mut u64, mv: &mut u64, peq: u64, last_row: u64, h_in: i32) -> i32 {
    let h_in_neg = u64::from(h_in < 0);
    let eq = peq | h_in_neg;
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = i32::from(ph & last_row != 0) - i32::from(mh & last_row != 0);
    ph <<= 1;
    mh <<= 1;
    mh |= h_in_neg;
    ph |= u64::from(h_in > 0);
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Kind;
    use std::path::Path;

    fn article(text: &str) -> Article {
        crate::article::parse(Path::new("t.txt"), text.as_bytes()).unwrap()
    }

    /// Sellers' DP: the distance of `q` against the best substring ending at
    /// each position.
    fn naive_ends(q: &[char], t: &[char]) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=q.len()).collect();
        let mut out = Vec::new();
        for &tc in t {
            let mut next = vec![0; q.len() + 1];
            for i in 1..=q.len() {
                next[i] = (col[i - 1] + usize::from(q[i - 1] != tc))
                    .min(col[i] + 1)
                    .min(next[i - 1] + 1);
            }
            col = next;
            out.push(col[q.len()]);
        }
        out
    }

    #[test]
    fn myers_agrees_with_the_textbook_dp() {
        let mut seed = 7u64;
        let mut rnd = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..300 {
            let qn = 1 + rnd(150) as usize;
            let tn = rnd(400) as usize;
            let q: Vec<char> = (0..qn).map(|_| (b'a' + rnd(3) as u8) as char).collect();
            let t: Vec<char> = (0..tn).map(|_| (b'a' + rnd(3) as u8) as char).collect();
            let want = naive_ends(&q, &t);
            let myers = Myers::new(&q);
            let mut got = Vec::new();
            myers.scan(&t, |_, e| got.push(e));
            assert_eq!(got, want);
            // Local minima: within the threshold, lower than the end before,
            // not higher than the end after.
            for k in 0..qn.min(6) {
                let mut hits = Vec::new();
                myers.local_minima(&t, k, |end, e| hits.push((end, e)));
                for (end, e) in hits {
                    let i = end - 1;
                    assert_eq!(want[i], e, "k={k}");
                    assert!(e <= k);
                    assert!(i == 0 || want[i - 1] > e);
                    assert!(i + 1 == want.len() || want[i + 1] >= e);
                }
            }
        }
    }

    /// A claim on `quote` in paragraph number `n`.
    fn claim_on(a: &Article, n: usize, quote: &str) -> Claim {
        let para = Para::from_number(n).unwrap();
        let p = &a.paragraphs[para.index()];
        let b = p.text.find(quote).unwrap();
        let s = p.char_of(b);
        Claim::new(
            Loc::new(para, s, s + quote.chars().count()),
            p,
            Kind::Sourced,
        )
    }

    fn set_of(a: &Article, claims: Vec<Claim>) -> AnnotationSet {
        let mut set = AnnotationSet::new(a, "T", None);
        set.claims = claims;
        set.sort();
        set
    }

    #[test]
    fn unchanged_offsets_are_kept() {
        let a = article("One two three.\n\nFour five six.");
        let mut set = set_of(&a, vec![claim_on(&a, 2, "five")]);
        assert_eq!(reanchor(&mut set, &a), [Anchored::Ok]);
    }

    #[test]
    fn inserted_paragraph_moves_claim_exactly() {
        let a = article("The mayor said the vote is delayed.\n\nCritics called it a disaster.");
        let c = claim_on(&a, 2, "called it a disaster");
        let b = article(
            "A new lead paragraph.\n\nThe mayor said the vote is delayed.\n\nCritics called it a disaster.",
        );
        let mut set = set_of(&a, vec![c]);
        let out = reanchor(&mut set, &b);
        assert!(
            matches!(out[0], Anchored::Moved { exact: true, .. }),
            "{out:?}"
        );
        assert_eq!(set.claims[0].at.para.number(), 3);
        assert!(holds(&set.claims[0], &b));
    }

    #[test]
    fn context_picks_the_right_occurrence() {
        let a = article(
            "Officials said the plan works. Residents said the plan fails and nobody listens.",
        );
        let c = claim_on(&a, 1, "Residents said the plan");
        let mut c2 = c.clone();
        c2.quote = "said the plan".into();
        c2.at.start += 10;
        c2.set_context(&a.paragraphs[0]);
        let b = article(
            "Breaking: Officials said the plan works. Residents said the plan fails and nobody listens.",
        );
        let mut set = set_of(&a, vec![c2]);
        reanchor(&mut set, &b);
        let p = &b.paragraphs[0];
        assert_eq!(
            p.slice(set.claims[0].at.start - 10, set.claims[0].at.end),
            "Residents said the plan"
        );
    }

    #[test]
    fn edited_quote_is_found_fuzzily_or_flagged() {
        let a = article(
            "In the morning the harbour master told reporters that the vote on the new pier would be delayed until spring, citing costs.",
        );
        let c = claim_on(
            &a,
            1,
            "the vote on the new pier would be delayed until spring",
        );
        let b = article(
            "In the morning the harbour master told reporters that the vote on the new jetty would be delayed until spring, citing costs.",
        );
        let mut set = set_of(&a, vec![c]);
        let out = reanchor(&mut set, &b);
        assert!(
            matches!(out[0], Anchored::Moved { exact: false, .. }),
            "{out:?}"
        );
        assert_eq!(
            set.claims[0].quote,
            "the vote on the new jetty would be delayed until spring"
        );
    }

    #[test]
    fn removed_quote_needs_review_and_is_kept() {
        let a = article("Sources close to the council said the deal was dead.\n\nOther text here.");
        let c = claim_on(&a, 1, "Sources close to the council");
        let b = article("The council voted on Tuesday.\n\nOther text here.");
        let mut set = set_of(&a, vec![c.clone()]);
        assert_eq!(reanchor(&mut set, &b), [Anchored::NeedsReview]);
        assert_eq!(set.claims[0].quote, c.quote);
        assert_eq!(set.claims[0].at.start, c.at.start);
        assert!(set.claims[0].needs_review());
    }

    #[test]
    fn a_lone_common_word_elsewhere_is_not_taken() {
        let a = article("Witnesses said the fire started early.\n\nThe chief said nothing more.");
        let c = claim_on(&a, 1, "said");
        let b = article("Witnesses told of a fire.\n\nThe chief said nothing more.");
        let mut set = set_of(&a, vec![c]);
        assert_eq!(reanchor(&mut set, &b), [Anchored::NeedsReview]);
    }
}
