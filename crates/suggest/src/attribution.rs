//! Attributions: a sentence (or clause) that reports what someone said,
//! with its source found near the cue.
//!
//! - A named person or body makes it sourced: the name without titles
//!   ("Councillor Denise Okafor" → "Denise Okafor"), a surname made whole
//!   from earlier in the article ("Marr" → "Julian Marr"), a pronoun read
//!   as the person last cited.
//! - A descriptor without a name ("sources close to the delegation", "a
//!   crew member", "passengers"), a hedge ("reportedly") or a promise of
//!   anonymity makes it anonymous, with the descriptor as the source,
//!   without its article ("crew member").
//! - A definite description ("the directorate", "the board") or a paper
//!   ("city figures", "court filings") is sourced.
//! - A reporting verb that reports nothing ("did not say when", "declined
//!   to comment", "the claims") is none, and a verb other than say, tell or
//!   state needs a subject that can speak ("The levy adds 18 crowns" is no
//!   attribution).

use super::names::{self, Context, Gender, Named, bare, before_apostrophe_s};
use super::{Suggester, inside};
use byline_model::annotation::Kind;
use byline_model::article::Paragraph;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A suggestion in byte offsets: span, kind, source, cue, the rule that
/// made it (`Suggestion::rule`) and, when the source is known by more than
/// these words, the words that name them here (`Suggestion::mention`).
pub(super) type Raw = (
    Range<usize>,
    Kind,
    Option<String>,
    String,
    &'static str,
    Option<String>,
);

fn clause_like(s: &Suggester, piece: &str) -> bool {
    piece.split_whitespace().count() > 2
        && piece
            .split_whitespace()
            .any(|w| s.g.finite_verbs.has(bare(w)))
}

/// A pronoun with "'s" for "is" or "has" ("he's", "She’s"): the pronoun.
fn contracted_pronoun<'a>(s: &Suggester, w: &'a str) -> Option<&'a str> {
    before_apostrophe_s(w).filter(|stem| s.g.pronouns.has(stem.to_lowercase()))
}

/// An adverb in -ly ("traditionally", "increasingly"; "family" is none).
fn ly_adverb(s: &Suggester, w: &str) -> bool {
    !s.g.words.adverb_ending.is_empty()
        && w.chars().count() > 4
        && w.ends_with(&s.g.words.adverb_ending)
        && !s.g.adverb_lookalikes.has(w)
}

/// The bytes of manner words at the start of `after`, the words right
/// after a cue: adverbs in -ly and loaded phrases, when a comma, a colon,
/// a quotation or "that" (or, after an adverb, a small word) sets them off
/// from the words reported ("claimed, without evidence, that…", "said
/// bitterly that…"; not "said remarkably few homes had flooded").
fn manner_after(s: &Suggester, after: &str) -> usize {
    let gap = |c: char| c.is_whitespace() || c == ',';
    let mut at = 0;
    loop {
        let rest = &after[at..];
        let lead = rest.len() - rest.trim_start_matches(gap).len();
        let rest = &rest[lead..];
        let word = rest.split(gap).next().unwrap_or("");
        let adverb = ly_adverb(s, &word.to_lowercase());
        // A loaded phrase is a few words long: look in those only.
        let head = rest
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .nth(5)
            .map_or(rest.len(), |(i, _)| i);
        let len = if adverb {
            word.len()
        } else if let Some((r, _)) = s
            .editorial
            .find(&rest[..head])
            .into_iter()
            .find(|(r, _)| r.start == 0)
        {
            r.end
        } else {
            return at;
        };
        let next = &rest[len..];
        let next_word = next.split_whitespace().next().map(str::to_lowercase);
        // An adverb before a small word lifts the verb ("attacked viciously
        // during the campaign"), one before a content word the words
        // reported ("remarkably few").
        let set_off = next.starts_with([',', ':'])
            || next.trim_start().starts_with(|c: char| s.g.quotes.opens(c))
            || next_word.as_deref() == Some(s.g.words.complementiser.as_str())
            || adverb && next_word.is_some_and(|w| s.g.phrase_stops.has(w));
        if !set_off {
            return at;
        }
        at += lead + len;
    }
}

/// A past participle in lower case ("conducted", "released").
fn participle_like(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_lowercase)
}

/// How sure a found attribution is: a source in words beats a pronoun
/// whose referent is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grade {
    Pronoun,
    Resolved,
}

#[derive(Debug, Clone)]
struct Found {
    kind: Kind,
    source: Option<String>,
    /// The words of this sentence that name the source, when `source` says
    /// more ("Mr. Ubben" for Jeffrey W. Ubben, "the governor" for Helen
    /// Okafor).
    mention: Option<String>,
    cue: String,
    /// The source is a person named: "he said" later means them.
    person: bool,
    /// The pronoun that named them ("she said").
    by: Option<Gender>,
    /// The source was read from a "they" or an "it" (resolved, if at all,
    /// to the last source before this sentence): a source named earlier in
    /// the sentence comes first.
    carried: bool,
    grade: Grade,
    /// Byte in the text where the cue is.
    at: usize,
    /// Byte where the cue's own clause starts, when it has a subject of its
    /// own inside the sentence ("…, after half said so": at "half"; "…
    /// and then tweeted": at "and"); 0 when it has none.
    from: usize,
    /// The source comes before what is attributed ("X said that …").
    leads: bool,
    /// The rule that found it.
    rule: &'static str,
    /// Its subject is inside the words a cue before it reports ("an aide
    /// said four members had signalled"): a claim nested in that one.
    within: bool,
}

pub(super) fn suggest(
    s: &Suggester,
    p: &Paragraph,
    sentences: &[Range<usize>],
    quotes: &[Range<usize>],
    ctx: &mut Context,
    reported: &mut Vec<Range<usize>>,
) -> Vec<Raw> {
    let text = &p.text;
    let mut out = Vec::new();
    // The suggestion that ends where this sentence starts, if any.
    let mut previous: Option<usize> = None;
    for unit in units(s, p, sentences, quotes) {
        // "How will the voters regard the two parties then?": the writer's
        // question, with its verb after an auxiliary, reports no one.
        if writers_question(s, &text[unit.clone()]) {
            observe_outside(s, ctx, text, unit, quotes);
            previous = None;
            continue;
        }
        let mut found = sentence(s, text, unit.clone(), quotes, ctx);
        // "“We tried,” Lopez said. “The votes are not there.”": a quotation
        // standing alone after an attribution goes on with it.
        if found.is_empty()
            && let Some(i) = previous
            && quoted_whole(text, unit.clone(), quotes)
        {
            let r: &mut Raw = &mut out[i];
            r.0.end = unit.end;
            reported.push(unit.clone());
            observe_outside(s, ctx, text, unit, quotes);
            continue;
        }
        previous = None;
        // Who the sentence names, then who it cites: the one cited is
        // the one "he said" next means.
        let spans = spans(s, text, unit.clone(), quotes, &mut found);
        observe_outside(s, ctx, text, unit.clone(), quotes);
        for (r, mut f) in spans {
            // A question put to the source is the asker's: named after
            // "by" ("Asked by Matt Lauer whether…"), else unnamed.
            if f.rule == "asked-question" {
                let after = &text[(f.at + f.cue.len()).min(r.end)..r.end];
                let asker = after_word(after.trim_start(), &s.g.words.agent)
                    // The asker ends where the question starts ("by Matt
                    // Lauer whether she had…", "by reporters to explain").
                    .map(|rest| {
                        let end = rest
                            .unicode_word_indices()
                            .skip(1)
                            .find(|(_, w)| {
                                let w = w.to_lowercase();
                                s.g.question_openers.has(&w) || w == s.g.words.infinitive
                            })
                            .map_or(rest.len(), |(i, _)| i);
                        &rest[..end]
                    })
                    .and_then(|rest| phrase_after(s, rest, true).map(|p| set_off(s, rest, p)))
                    .and_then(|src| mentioned(classify(s, ctx, &src, false), &src))
                    .filter(|a| a.source.is_some());
                match asker {
                    Some(a) => {
                        f.kind = a.kind;
                        f.mention = a.mention;
                        f.source = a.source;
                        f.person = a.person;
                        f.grade = a.grade;
                    }
                    None => {
                        f.kind = Kind::Anonymous;
                        f.source = None;
                        f.mention = None;
                    }
                }
            }
            if r.end == unit.end && f.kind.has_source() && f.rule != "asked-question" {
                previous = Some(out.len());
            }
            if let Some(src) = &f.source
                && f.grade == Grade::Resolved
            {
                ctx.cited(f.kind, src, f.person, f.by);
            }
            // What the source is reported to have said: after the cue when
            // the source leads, else before it. A hedge names no one whose
            // words they could be.
            // Nor does a refusal: "refused to provide details, such as what
            // position was dangled" is the writer's.
            let refusal = s.g.refusal_verbs.has(&f.cue) || s.g.unanswered_verbs.has(&f.cue);
            // Nor a stance: "conservatives who have sought to chip away at
            // the benefits" is the writer's account of their aim.
            // Nor the act a participle carries on from ("drew fierce
            // criticism after declaring…"): the participle's own claim
            // holds what is reported.
            if !f.is_hedge() && !refusal && !matches!(f.rule, "stance-verb" | "carried-participle")
            {
                // The cue itself is the writer's word ("complained",
                // "railed"): what is theirs starts after it.
                let mut after = (f.at + f.cue.len()).min(r.end);
                while !text.is_char_boundary(after) {
                    after += 1;
                }
                // "a military fight he called “a war of choice”", "a point
                // the office denied": a source right after the noun it
                // speaks of says only what follows its cue.
                let object_relative = f.from > r.start
                    && f.from < f.at
                    && text[r.start..f.from]
                        .trim_end()
                        .ends_with(char::is_alphanumeric);
                if f.leads || object_relative {
                    // "claimed, without evidence, that…", "said bitterly":
                    // how the writer says it was said is the writer's.
                    let after = after + manner_after(s, &text[after..r.end.max(after)]);
                    reported.push(after.max(r.start)..r.end);
                } else {
                    reported.push(r.start..f.at.min(r.end));
                }
            }
            // "Sanders appeared to suggest…": the writer's inference is
            // part of the cue.
            let cue = match inference_before(s, text, f.at) {
                Some(h) if !f.is_hedge() => format!("{h} {}", f.cue),
                _ => f.cue,
            };
            // "3 percent of self-described “moderates”": the source as
            // the annotator writes it, without the marks.
            let mark = |c: char| s.g.quotes.opens(c) || s.g.quotes.closes(c);
            let source = f.source.map(|src| {
                if src.contains(mark) {
                    src.replace(mark, "")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    src
                }
            });
            out.push((r, f.kind, source, cue, f.rule, f.mention));
        }
    }
    out
}

/// A question the writer puts ("How has the administration responded?",
/// "Does the group have the strength…?"): it opens with a question word
/// or an auxiliary and ends on its question mark, outside quotation.
fn writers_question(s: &Suggester, unit: &str) -> bool {
    let unit = unit.trim();
    let Some(first) = unit.split_whitespace().next() else {
        return false;
    };
    let first = first.to_lowercase();
    unit.ends_with('?') && (s.g.question_words.has(&first) || s.g.question_auxiliaries.has(&first))
}

/// Takes in the names of a sentence that stand outside its quotations:
/// "he added" after "“…on behalf of B. Hussein Obama…,”" is not Obama.
fn observe_outside(
    s: &Suggester,
    ctx: &mut Context,
    text: &str,
    unit: Range<usize>,
    quotes: &[Range<usize>],
) {
    let inner: Vec<&Range<usize>> = quotes
        .iter()
        .filter(|q| q.start < unit.end && unit.start < q.end)
        .collect();
    if inner.is_empty() {
        ctx.observe(s, &text[unit]);
        return;
    }
    let mut outside = String::new();
    let mut at = unit.start;
    for q in inner {
        if q.start > at {
            outside.push_str(&text[at..q.start]);
        }
        outside.push_str("; ");
        at = at.max(q.end);
    }
    if at < unit.end {
        outside.push_str(&text[at..unit.end]);
    }
    ctx.observe(s, &outside);
}

/// Whether a sentence is all one quotation (with its closing stop).
fn quoted_whole(text: &str, unit: Range<usize>, quotes: &[Range<usize>]) -> bool {
    quotes.iter().any(|q| {
        q.start == unit.start
            && text[q.end.min(unit.end)..unit.end]
                .chars()
                .all(|c| !c.is_alphanumeric())
    })
}

impl Found {
    /// An anonymous claim whose only source is the hedge that marks it
    /// ("reportedly", "are also said").
    fn hedge(h: String, at: usize, rule: &'static str) -> Found {
        Found {
            kind: Kind::Anonymous,
            source: Some(h.clone()),
            mention: None,
            cue: h,
            person: false,
            by: None,
            carried: false,
            grade: Grade::Resolved,
            at,
            from: 0,
            leads: false,
            rule,
            within: false,
        }
    }

    /// A source read from words, before its cue is known.
    fn source(kind: Kind, source: Option<String>, person: bool, grade: Grade) -> Found {
        Found {
            kind,
            source,
            mention: None,
            cue: String::new(),
            person,
            by: None,
            carried: false,
            grade,
            at: 0,
            from: 0,
            leads: true,
            rule: "",
            within: false,
        }
    }

    /// A claim whose speaker the words do not name for us ("to Ukraine",
    /// "Jason Sims — a teacher from Mount Pleasant — says"): sourced, the
    /// source left to the annotator.
    fn unnamed() -> Found {
        Found::source(Kind::Sourced, None, false, Grade::Pronoun)
    }

    /// Whether the hedge is all that names the source.
    fn is_hedge(&self) -> bool {
        self.source.as_deref() == Some(self.cue.as_str())
    }
}

/// Sentences in bytes, joined where one ends inside a quotation ("「…。
/// …。」", "“We planned. We built,” she said.").
fn units(
    s: &Suggester,
    p: &Paragraph,
    sentences: &[Range<usize>],
    quotes: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    // Whether `prev` ends on a quotation that ends on its own "?" or "!"
    // and `next` is the short sentence naming who said it: "“Will the
    // ferry run?” Okafor asked." is one sentence to a reader, two to
    // UAX #29.
    let tagged = |prev: &Range<usize>, next: &Range<usize>| {
        let closes = quotes.iter().any(|q| {
            q.end == prev.end
                && p.text[q.clone()]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !"?!".contains(c))
                    .ends_with(['?', '!'])
        });
        let words: Vec<&str> = p.text[next.clone()].split_whitespace().collect();
        closes
            && words.len() <= 12
            && !quotes.iter().any(|q| next.contains(&q.start))
            && words
                .iter()
                .take(5)
                .any(|w| s.verbs.contains(&crate::names::bare(w)))
    };
    for sc in sentences.iter().cloned() {
        let sb = p.byte_of(sc.start)..p.byte_of(sc.end);
        // A sentence with no end is not read (its cost grows with the
        // square of its length); `byline suggest` says so.
        if sb.len() > crate::MAX_SENTENCE_BYTES {
            open = false;
            continue;
        }
        let joins = open || out.last().is_some_and(|last| tagged(last, &sb));
        if joins && let Some(last) = out.last_mut() {
            last.end = sb.end;
        } else {
            out.push(sb.clone());
        }
        let end = out.last().map_or(sb.end, |r| r.end);
        open = quotes.iter().any(|q| q.start < end && end < q.end);
    }
    out
}

/// The spans of one sentence's attributions: the whole sentence for one,
/// or the clause each holds when two sources share a sentence ("City
/// figures show …, and organisers say …").
fn spans(
    s: &Suggester,
    text: &str,
    unit: Range<usize>,
    quotes: &[Range<usize>],
    found: &mut Vec<Found>,
) -> Vec<(Range<usize>, Found)> {
    if found.is_empty() {
        return Vec::new();
    }
    let mut cuts = clause_cuts(s, text, unit.clone(), quotes);
    // "…, she said, adding that the ferry…": a participle after a comma,
    // after another cue, opens an attribution of its own.
    let follow_ons: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| {
            (follow_on_cue(s, &f.cue) && follows_on(s, &text[unit.start..f.at])
                || chained_on(s, &text[unit.start..f.at]).is_some())
                && !inside(quotes, f.at)
                // "She disagreed, saying…": the cue before must report
                // words of its own.
                && found.iter().any(|g| {
                    g.at < f.at
                        && !g.is_hedge()
                        && (!g.leads
                            || text[(g.at + g.cue.len()).min(f.at)..f.at]
                                .split_whitespace()
                                .count()
                                >= 3)
                })
        })
        // "…responded before adding": the clause starts at the link;
        // "…, going on to say": at the participle that carries the verb.
        .map(|f| {
            let before = &text[unit.start..f.at];
            let cut = chained_on(s, before)
                .or_else(|| link_start(s, before))
                .map_or(f.at, |i| unit.start + i);
            (cut, f.at)
        })
        .collect();
    // "Six in 10 say he is decisive, after half said so", "…, and then
    // tweeted that…": a second cue with its own subject, or a second verb
    // of the same one after words reported, opens a clause of its own.
    let words_between = |a: usize, b: usize| text[a.min(b)..b].split_whitespace().count();
    let own: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| {
            f.from > unit.start
                && !f.within
                && !f.is_hedge()
                // "The plan shows the city is broke, the mayor said": what
                // is before is the mayor's.
                && (text[(f.at + f.cue.len()).min(unit.end)..unit.end]
                    .split_whitespace()
                    .count()
                    > 4
                    || !found.iter().any(|g| g.at < f.at && reports_all_before(s, text, g, f)))
                && !inside(quotes, f.from)
                // "the council, which critics say was rushed": a clause
                // inside what is reported.
                && !text[unit.start..f.from]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| s.g.relatives.has(w.to_lowercase()))
                && found.iter().any(|g| {
                    // "Rubio thanked Miami and said": a second verb of the
                    // subject after its object.
                    let least = if text[f.from..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| s.g.verb_conjunctions.has(w))
                    {
                        1
                    } else {
                        3
                    };
                    g.at < f.from
                        && !g.is_hedge()
                        // "Asked about the plan, Okafor said": the opening
                        // participle is nested in the verb's clause.
                        && !(participle(s, &g.cue) && g.source == f.source)
                        && words_between(g.at + g.cue.len(), f.from) >= least
                })
        })
        // "…, after half said so", "… - but he said": the clause starts at
        // the word that links it.
        .map(|f| {
            let mut cut = f.from;
            while let Some(i) = text[unit.start..cut]
                .trim_end()
                .rfind(char::is_whitespace)
                .map(|i| unit.start + i + 1)
                && s.g.clause_openers.has(text[i..cut].trim().to_lowercase())
            {
                cut = i;
            }
            (cut, f.at)
        })
        .collect();
    let mut follow_ons = follow_ons;
    follow_ons.extend(own.iter().copied());
    if !follow_ons.is_empty() {
        cuts.extend(follow_ons.iter().map(|&(cut, _)| cut..cut));
        cuts.sort_by_key(|r| r.start);
        cuts.dedup_by(|b, a| b.start < a.end || b.start == a.start);
    }
    let piece_of = |at: usize| cuts.iter().filter(|c| c.start <= at).count();
    // The best-resolved cue of each clause, the first on a tie; the others
    // are nested inside it.
    let mut per: Vec<(usize, Found)> = Vec::new();
    let mut inner: Vec<(usize, Found)> = Vec::new();
    for f in found.drain(..) {
        let k = piece_of(f.at);
        // What a cue before reports is nested in its claim.
        if f.within && per.iter().any(|(p, _)| *p == k) {
            inner.push((k, f));
            continue;
        }
        match per.iter_mut().find(|(p, _)| *p == k) {
            // The verb of the sentence, not one set off before it with the
            // same subject: a participle ("Marr, recalling the floods,
            // described the wall") or a relative clause's ("Mrs. Clinton,
            // who did not say so, said on Wednesday…").
            Some((_, best))
                if f.grade == best.grade
                    && best.source == f.source
                    && best.at < f.at
                    && !f.is_hedge()
                    && !participle(s, &f.cue)
                    && ((participle(s, &best.cue) && text[best.at..f.at].contains(','))
                        || (set_off_relative(s, &text[unit.start..best.at])
                            && text[(best.at + best.cue.len()).min(f.at)..f.at].contains(','))) =>
            {
                inner.push((k, std::mem::replace(best, f)))
            }
            Some((_, best)) if f.grade > best.grade => inner.push((k, std::mem::replace(best, f))),
            // "The AP reported that, according to an analysis…": the
            // "according to" is in what the verb before reports.
            Some((_, best))
                if best.rule == "according-to"
                    && f.leads
                    && f.at < best.at
                    && !f.is_hedge()
                    && {
                        let between: Vec<&str> = text[(f.at + f.cue.len()).min(best.at)..best.at]
                            .split_whitespace()
                            .collect();
                        between.len() <= 6
                            && between
                                .iter()
                                .any(|w| w.trim_end_matches(',') == s.g.words.complementiser)
                    } =>
            {
                inner.push((k, std::mem::replace(best, f)))
            }
            // "While not everything Trump says is true, Jamieson said…": the
            // verb of the main clause, not one in a clause set before it;
            // "Polling shows that “…,” said Sylke Tempel": the one who says
            // all of it.
            Some((_, best))
                if f.grade >= best.grade
                    && best.at < f.at
                    && !f.is_hedge()
                    && !participle(s, &f.cue)
                    && (main_after_subordinate(s, text, unit.start, best, &f)
                        || reports_all_before(s, text, best, &f)) =>
            {
                inner.push((k, std::mem::replace(best, f)))
            }
            // "…a state that she hoped to carry…, said Dan Gerstein": what
            // the sentence reports is the statement, not a stance inside it.
            Some((_, best))
                if f.grade == best.grade
                    && best.rule == "stance-verb"
                    && f.rule != "stance-verb"
                    && !f.is_hedge() =>
            {
                inner.push((k, std::mem::replace(best, f)))
            }
            Some(_) => inner.push((k, f)),
            None => per.push((k, f)),
        }
    }
    // In the order of the clauses ("according to" cues were found first).
    per.sort_by_key(|(k, _)| *k);
    // A clause of the same source goes on with the one before ("…, and
    // suggesting that…"): one span, the second cue nested in it.
    let mut kept: Vec<(usize, Found)> = Vec::with_capacity(per.len());
    for (k, f) in per.drain(..) {
        match kept.last() {
            Some((_, a))
                if a.source == f.source
                    && a.kind == f.kind
                    && !follow_ons.iter().any(|&(_, at)| at == f.at) =>
            {
                // "Asked if…, 46 percent said yes, compared with…": the
                // answer is the claim, the question nested in it.
                if a.rule == "asked-question" && f.rule != "asked-question" {
                    let (ka, a) = kept.pop().expect("a clause before");
                    kept.push((ka, f));
                    inner.push((ka, a));
                } else {
                    inner.push((k, f))
                }
            }
            _ => kept.push((k, f)),
        }
    }
    let mut per = kept;
    let bounds = |k: usize| -> Range<usize> {
        let start = if k == 0 { unit.start } else { cuts[k - 1].end };
        let end = cuts.get(k).map_or(unit.end, |c| c.start);
        start..end
    };
    // "Mr. Biden, recalling their breakfasts, described himself as…",
    // "Cruz says he is tied, in a finish that he said defied
    // expectations": a second cue of the clause, with a source and words of
    // its own, is an attribution nested in the first, from its subject (or
    // its cue) to the end of its clause.
    // Where each cue of a clause is: a nested claim ends before the next.
    let mut cue_at: Vec<(usize, usize)> = per
        .iter()
        .chain(inner.iter())
        .map(|(k, b)| (*k, b.at))
        .collect();
    cue_at.sort_unstable();
    let nested: Vec<(Range<usize>, Found)> = inner
        .into_iter()
        .filter(|(k, f)| {
            (f.leads || participle(s, &f.cue) || after_relative(s, &text[unit.start..f.at]))
                && !f.is_hedge()
                && f.kind.has_source()
                && f.source.is_some()
                && !per
                    .iter()
                    .any(|(p, b)| p == k && (b.cue == f.cue && b.source == f.source))
        })
        .map(|(k, f)| {
            // The question from the word that links it ("when asked…").
            let start = if f.from > unit.start
                || matches!(f.rule, "asked-question" | "opening-gerund") && f.from == unit.start
            {
                f.from
            } else {
                f.at
            };
            // "recalling the floods of 2019," before the verb of the sentence.
            let end = cue_at
                .iter()
                .filter(|&&(p, at)| p == k && at > f.at)
                .find_map(|&(_, at)| {
                    // An opening question or gerund ends at its own comma
                    // ("Asked if…, Ana Ruiz, his spokeswoman, said").
                    let opening = matches!(f.rule, "asked-question" | "opening-gerund")
                        && f.from <= unit.start;
                    // …at the comma before the answer's source, not one
                    // inside the question ("Asked whether the levy, which
                    // passed in May, would stay, Okafor said").
                    let upto = opening
                        .then(|| per.iter().find(|(p, _)| *p == k))
                        .flatten()
                        .and_then(|(_, m)| m.mention.as_deref().or(m.source.as_deref()))
                        .and_then(|src| rfind_word(&text[f.at..at], src))
                        .unwrap_or(at - f.at);
                    text[f.at..f.at + upto]
                        .rfind(',')
                        .map(|i| comma_end(s, text, f.at + i, at))
                })
                .unwrap_or(bounds(k).end);
            (start..end.max(start), f)
        })
        .filter(|(r, f)| text[f.at + f.cue.len()..r.end].split_whitespace().count() >= 2)
        // "An aide said four members had signalled…": a subject read across
        // the cue before is that cue's, not this one's; only a participle
        // set off ("Marr, recalling…, described") leaves it to the verb after.
        .filter(|(_, f)| {
            let subject_at = if f.from > unit.start {
                f.from
            } else if participle(s, &f.cue) {
                f.at
            } else {
                unit.start
            };
            !per.iter().any(|(_, b)| {
                b.at > subject_at && b.at < f.at && !participle(s, &b.cue) && !b.is_hedge()
            })
        })
        // "She disagreed, saying…": a participle right after the cue it
        // follows gives that cue its words, no claim of its own.
        .filter(|(r, f)| {
            r.start != f.at
                || !per.iter().any(|(_, b)| {
                    b.at < f.at
                        && text[(b.at + b.cue.len()).min(f.at)..f.at]
                            .split_whitespace()
                            .all(|w| !w.chars().any(char::is_alphanumeric))
                })
        })
        .collect();
    if per.len() == 1 {
        let (k, f) = per.remove(0);
        // "…, and critics say her position is untenable": the clause, when
        // the source leads it and it is not the first.
        let mut r = if k > 0 && f.leads {
            bounds(k).start..unit.end
        } else {
            unit.clone()
        };
        // "Asked whether…, Okafor demurred": a question with no answer
        // the words report is the question alone.
        if f.rule == "asked-question"
            && text[unit.start..f.at].trim().is_empty()
            && let Some(i) = text[f.at..r.end].rfind(',')
        {
            r.end = comma_end(s, text, f.at + i, r.end);
        }
        // "…says footfall is down, but its own survey…": what follows the
        // source's clause is the writer's.
        if f.leads
            && let Some(c) = cuts
                .iter()
                .find(|c| c.start > f.at && s.g.source_clause_ends.has(&text[c.start..c.end]))
        {
            r.end = c.start;
        }
        // "The delegation, which accused Pakistan of…, left early": the
        // claim is the relative clause; what the sentence goes on to say
        // of its subject is the writer's.
        if f.leads
            && after_relative(s, &text[unit.start..f.at])
            && let Some(end) = relative_end(s, text, f.at + f.cue.len()..r.end, quotes)
            && !cue_at.iter().any(|&(_, at)| at >= end)
        {
            r.end = end;
        }
        // "Royal alluded to the election, saying the deal might be signed":
        // a participle that carries on from a verb the lexicon does not
        // know is a claim nested in the sentence, whose own cue is that
        // verb.
        if let Some((at, verb)) = carrying_verb(s, text, unit.start, &f, quotes)
            && nested.is_empty()
            // Not where the participle's clause is already its own ("…,
            // while saying").
            && r.start <= at
        {
            let mut outer = f.clone();
            outer.cue = verb;
            outer.at = at;
            outer.rule = "carried-participle";
            return vec![(r.clone(), outer), (f.at..r.end, f)];
        }
        let mut out = vec![(r, f)];
        out.extend(nested);
        return out;
    }
    let mut out = Vec::new();
    for (i, (k, f)) in per.iter().cloned().enumerate() {
        let start = if i == 0 { unit.start } else { bounds(k).start };
        let end = match per.get(i + 1) {
            Some((next, _)) => bounds(next.saturating_sub(1)).end,
            None => unit.end,
        };
        out.push((start..end.max(start), f));
    }
    out.extend(nested);
    out
}

/// The verb of the clause before a participle claim `f` that carries on
/// from it after a comma or "by" ("Royal alluded to the election,
/// saying…", "Bolton distanced himself from the movement by saying…",
/// "Giuliani, who backs Trump, trashed Comey on air, calling it…"): its
/// byte and its words (a helper with it: "has repudiated"), when the
/// clause has one the words show (a past in -ed, an irregular past, a
/// helper) after a subject, and the sentence's only claim is the
/// participle's.
fn carrying_verb(
    s: &Suggester,
    text: &str,
    start: usize,
    f: &Found,
    quotes: &[Range<usize>],
) -> Option<(usize, String)> {
    let before = &text[start..f.at];
    // "…, saying", "…, falsely suggesting", "… by saying".
    let by = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w == s.g.words.agent);
    if !follow_on_cue(s, &f.cue)
        || f.is_hedge()
        || f.within
        || inside(quotes, f.at)
        || !(follows_on(s, before) || by)
    {
        return None;
    }
    let clause = before;
    let mut aside = false;
    let mut after_determiner = false;
    let mut seen = 0;
    let mut helper: Option<usize> = None;
    for (b, w) in clause.unicode_word_indices() {
        let at = start + b;
        // "…as a “strong leader,”": the words quoted are no verb.
        if inside(quotes, at) {
            continue;
        }
        // "N.C.-based": part of a word, no verb.
        if clause[..b]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        {
            continue;
        }
        let lower = w.to_lowercase();
        // ", who backs Trump,": an aside set off after the subject.
        if clause[..b].trim_end().ends_with(',') {
            aside = s.g.antecedent_relatives.has(&lower) || s.g.aside_openers.has(&lower);
        }
        if aside {
            continue;
        }
        seen += 1;
        // "The embattled mayor", "the unnamed official": a word after a
        // determiner is the subject's.
        let modifier = after_determiner;
        after_determiner = determiner(s, &lower);
        if seen == 1 || modifier || !w.chars().all(char::is_lowercase) {
            continue;
        }
        // "has", "was", "will": a helper starts the verb; "also",
        // "still", "even", "-ly": an adverb before it.
        if s.g.finite_verbs.has(&lower) || s.g.passive_auxiliaries.has(&lower) {
            helper.get_or_insert(at);
            continue;
        }
        if s.g.verb_helpers.has(&lower)
            || ly_adverb(s, &lower)
            || helper.is_some() && s.g.participle_adverbs.has(&lower)
        {
            continue;
        }
        // "Several hundred protesters": a number is no past.
        let past = participle_like(&lower) && !s.g.number_words.has(&lower)
            || s.g.irregular_pasts.has(&lower)
            || s.g.plain_pasts.has(&lower);
        // "has repudiated", "is even calling", "has shown"; not "was just
        // as blunt", "was keen", "have had less": no verb the words show.
        let participle = lower.ends_with("ing") || s.g.plain_participles.has(&lower);
        match helper {
            Some(h) if past || participle => {
                return Some((h, text[h..at + w.len()].to_lowercase()));
            }
            Some(_) => return None,
            None if past => return Some((at, lower)),
            None => {}
        }
        // A word of the subject or the phrase before it: a verb comes
        // within a few ("The New York Times and the Gannett newspaper
        // chain filed").
        if seen > 12 {
            return None;
        }
    }
    None
}

/// Whether `before` is a subject and an aside set off after it that has
/// not closed ("Humphrey, who calls Trump a", "Mr. Manafort, citing").
fn set_off_aside(s: &Suggester, before: &str) -> bool {
    before.find(',').is_some_and(|i| {
        !before[..i].trim().is_empty()
            && !before[i + 1..].contains(',')
            && before[i + 1..].split_whitespace().next().is_some_and(|w| {
                let w = bare(w);
                s.g.antecedent_relatives.has(&w) || (w.ends_with("ing") && s.verbs.contains(&w))
            })
    })
}

/// Whether `then` is a cue after what it reports, set off by a comma, and
/// `first` a cue inside those words ("Polling shows that “…,” said Sylke
/// Tempel", "The plan shows the city is broke, the mayor said").
fn reports_all_before(s: &Suggester, text: &str, first: &Found, then: &Found) -> bool {
    let end = if then.from > first.at {
        then.from
    } else {
        then.at
    };
    !then.leads
        && matches!(then.rule, "verb-inverted" | "verb-subject")
        && first.leads
        && !first.is_hedge()
        && without_closing_quotes(s, text[first.at..end].trim_end()).ends_with(',')
        // Not "…, and suggested that": a second verb of the first's subject.
        && !text[end..then.at]
            .split_whitespace()
            .next()
            .is_some_and(|w| s.g.verb_conjunctions.has(w))
}

/// Whether `first` is a cue in a clause that opens its sentence with a
/// subordinator and `then` the verb of the main clause after it, with a
/// subject of its own ("While not everything Trump says is true, Jamieson
/// said…").
fn main_after_subordinate(
    s: &Suggester,
    text: &str,
    start: usize,
    first: &Found,
    then: &Found,
) -> bool {
    then.from > first.at
        && text[start..first.at]
            .split_whitespace()
            .next()
            .is_some_and(|w| s.g.subordinators.has(bare(w)))
        && !text[start..first.at].contains(',')
        && text[first.at..then.from].contains(',')
}

/// Whether `before` (a sentence up to a verb) ends in a relative set off
/// by a comma ("…,” said Mr. Kamin, who", "…, who also"): the verb after
/// it is the antecedent's.
fn after_relative(s: &Suggester, before: &str) -> bool {
    let mut ws = before.split_whitespace().rev();
    let mut w = ws.next();
    while w.is_some_and(|w| s.g.subject_trailers.has(w) || ly_adverb(s, w)) {
        w = ws.next();
    }
    w.is_some_and(|w| s.g.antecedent_relatives.has(w))
        && ws.next().is_some_and(|b| b.ends_with(','))
}

/// Where a relative clause set off by commas ends, in `within` (from
/// after its verb to the end of the sentence): at the last comma, when
/// what follows it is the rest of the main clause ("…, left early",
/// "…“a fair price,” voted for it"). The byte after the comma (and the
/// quotation mark it closes).
fn relative_end(
    s: &Suggester,
    text: &str,
    within: Range<usize>,
    quotes: &[Range<usize>],
) -> Option<usize> {
    let part = &text[within.clone()];
    let i = part.rfind(',')?;
    let at = within.start + i;
    let after = &part[i + 1..];
    let closing = closing_marks(s, after);
    // A comma inside a quotation that runs on is no end.
    if closing == 0 && inside(quotes, at) {
        return None;
    }
    let rest = after[closing..].trim_start();
    let first = rest.split_whitespace().next()?;
    let b = bare(first);
    (rest.split_whitespace().count() >= 2
        && first.starts_with(char::is_lowercase)
        && !s.g.leading_words.has(&b)
        && !s.g.coordinators.has(&b)
        && !s.g.verb_conjunctions.has(&b)
        && !b.ends_with("ing")
        && !s.verbs.contains(&b))
    .then_some(at + 1 + closing)
}

/// Whether `before` (a sentence up to a verb) ends in a relative clause
/// set off by a comma after a subject ("Humphrey, who", "One attendee,
/// who like others").
fn set_off_relative(s: &Suggester, before: &str) -> bool {
    let Some(i) = before.rfind(',') else {
        return false;
    };
    let piece = &before[i + 1..];
    piece.split_whitespace().count() <= 6
        && piece
            .split_whitespace()
            .next()
            .is_some_and(|w| s.g.antecedent_relatives.has(w.to_lowercase()))
}

/// Whether `cue` is a participle: an -ing form, or one of those that
/// open a sentence with what its subject was asked.
fn participle(s: &Suggester, cue: &str) -> bool {
    cue.ends_with("ing") || s.g.opening_participles.has(cue)
}

/// Whether `cue` is a participle that can go on from a cue before it
/// ("…, adding that", "…, emphasizing that"): one the pack lists, or the
/// -ing form of any verb of statement.
fn follow_on_cue(s: &Suggester, cue: &str) -> bool {
    s.g.follow_on_cues.has(cue)
        || (cue.ends_with("ing") && s.verbs.contains(cue) && !s.stance.contains(cue))
}

/// Whether the words before a participle tie it to a cue before them:
/// a comma ("…, adding", "…race,” adding") or a linking word ("…
/// responded before adding").
fn follows_on(s: &Suggester, before: &str) -> bool {
    without_closing_quotes(s, before.trim_end()).ends_with(',') || link_start(s, before).is_some()
}

/// Where the participle starts that carries the verb after `before` on
/// from a cue before it, set off by a comma ("…, going on to"), if
/// `before` ends with one.
fn chained_on(s: &Suggester, before: &str) -> Option<usize> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let &[.., set_off, carrier, particle, to] = words.as_slice() else {
        return None;
    };
    let set_off = without_closing_quotes(s, set_off).ends_with(',');
    (set_off
        && carrier.ends_with("ing")
        && s.g.chain_carriers.has(carrier)
        && carrier.chars().all(char::is_lowercase)
        && s.g.chain_particles.has(particle)
        && to == s.g.words.infinitive)
        .then(|| {
            let end = before.trim_end().len() - to.len();
            let end = before[..end].trim_end().len() - particle.len();
            before[..end].trim_end().len() - carrier.len()
        })
}

/// Where the linking word that ends `before` starts ("… responded
/// before"), if it ends with one; an adverb set off after a comma is one
/// ("…, even suggesting", "…, falsely claiming").
fn link_start(s: &Suggester, before: &str) -> Option<usize> {
    let before = before.trim_end();
    let i = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = before[i..].to_lowercase();
    (s.g.follow_on_links.has(&word) || set_off_adverb(s, &before[..i], &word)).then_some(i)
}

/// Whether `word` is an adverb that the words before it set off with a
/// comma ("…the debate, even", "…,” falsely"), a clause of a few words at
/// least (not "However, simply complaining…").
fn set_off_adverb(s: &Suggester, before: &str, word: &str) -> bool {
    (s.g.participle_adverbs.has(word) || ly_adverb(s, word))
        && without_closing_quotes(s, before.trim_end()).ends_with(',')
        && before.split_whitespace().count() >= 3
}

/// A word without the closing quotation marks after it ("race,”" is
/// "race,").
fn without_closing_quotes<'a>(s: &Suggester, w: &'a str) -> &'a str {
    w.trim_end_matches(|c: char| s.g.quotes.closes(c) || c == '\'')
}

/// How many bytes of closing quotation marks `text` opens with (after the
/// comma in "sociopath,” said").
fn closing_marks(s: &Suggester, text: &str) -> usize {
    text.len()
        - text
            .trim_start_matches(|c: char| s.g.quotes.closes(c) || c == '\'')
            .len()
}

/// Where a sentence divides into clauses that may each carry a source:
/// "; ", ", and ", ", but ", ", while ", outside quotations. The ranges
/// are the dividers.
fn clause_cuts(
    s: &Suggester,
    text: &str,
    unit: Range<usize>,
    quotes: &[Range<usize>],
) -> Vec<Range<usize>> {
    let sent = &text[unit.clone()];
    let mut out = Vec::new();
    for pat in &s.g.clause_dividers {
        let mut from = 0;
        while let Some(i) = sent[from..].find(pat) {
            let at = unit.start + from + i;
            if !inside(quotes, at) {
                out.push(at..at + pat.len());
            }
            from += i + pat.len();
        }
    }
    out.sort_by_key(|r| r.start);
    // Dividers that overlap (" — " inside "; — ") count once.
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// Every attribution cue of one sentence (`sb`, bytes of `text`).
fn sentence(
    s: &Suggester,
    text: &str,
    sb: Range<usize>,
    quotes: &[Range<usize>],
    ctx: &Context,
) -> Vec<Found> {
    let sent = &text[sb.clone()];
    let outside = |r: &Range<usize>| !inside(quotes, sb.start + r.start);
    let marked = s.markers.find(sent).iter().any(|(r, _)| outside(r));
    // Hedges outside quotations, in bytes of `text`.
    let hedges: Vec<Range<usize>> = s
        .hedges
        .find(sent)
        .into_iter()
        .filter(|(r, _)| outside(r))
        .map(|(r, _)| sb.start + r.start..sb.start + r.end)
        .collect();
    let in_hedge = |at: usize| hedges.iter().any(|r| r.contains(&at));
    let hedge = hedges
        .first()
        .map(|r| (r.start, hedge_words(s, &text[r.clone()])));
    let mut all = Vec::new();
    // The words that may put a question ("asked"), by byte in `sent`.
    let mut asked: Vec<(usize, &str)> = Vec::new();

    // "According to X, …": the source follows the cue.
    for (r, _) in s.source_phrases.find(sent) {
        if !outside(&r) {
            continue;
        }
        let after = &sent[r.end..];
        // "according to a statement from her son, Matei Vasilescu": the
        // name set off after it.
        if let Some(src) = phrase_after(s, after, false).map(|p| set_off(s, after, p))
            && let Some(mut f) = classify(s, ctx, &src, false)
        {
            f.cue = sent[r.clone()].to_lowercase();
            f.at = sb.start + r.start;
            f.leads = r.start == 0;
            f.rule = "according-to";
            all.push(f);
        }
    }

    // A reporting verb with its subject (or, after a quotation or a comma,
    // the name after the verb).
    for (b, word) in sent.unicode_word_indices() {
        let at = sb.start + b;
        let mut lower = word.to_lowercase();
        // "when asked whether…", read after every verb is found.
        if s.g.opening_participles.has(&lower) {
            asked.push((b, word));
        }
        let word = match phrasal_verb(s, &lower, &sent[b..]) {
            Some((w, l)) => {
                lower = l;
                w
            }
            None => word,
        };
        if !s.verbs.contains(&lower) || inside(quotes, at) {
            continue;
        }
        // "a self-described socialist", "well-known": a word joined to
        // the one before it is part of a compound, no verb.
        if text[..at].ends_with(['-', '‐']) {
            continue;
        }
        // "It was stated by the Deputy Minister…", "We were told by the
        // council that…": the agent after "by" is the source; a passive
        // without one names no one (the hedges list "it was stated").
        let prev_word = text[sb.start..at]
            .split_whitespace()
            .rev()
            .map(str::to_lowercase)
            // "is today typically called": past the adverbs.
            .find(|w| {
                !(s.g.passive_adverbs.has(w)
                    || ly_adverb(s, w)
                    || s.g.leading_words.has(w) && s.g.time_place_openers.has(w))
            });
        // "is congratulating", "was saying": a progressive, not a passive.
        let progressive =
            s.lex.forms.get(&lower) == Some(&crate::lexicon::Form::Ing) || lower.ends_with("ing");
        if !progressive
            && prev_word
                .as_deref()
                .is_some_and(|p| s.g.passive_auxiliaries.has(p))
        {
            let after = &text[at + word.len()..sb.end];
            if let Some(rest) = after_word(after.trim_start(), &s.g.words.agent)
                && let Some(src) = phrase_after(s, rest, true).map(|p| set_off(s, rest, p))
                && let Some(mut f) = classify(s, ctx, &src, false)
            {
                f.cue = lower;
                f.at = at;
                f.leads = true;
                f.rule = "passive-agent";
                all.push(f);
            } else if (after_word(after.trim_start(), &s.g.words.infinitive).is_some()
                || after_word(after.trim_start(), &s.g.words.complementiser).is_some()
                // "is accused of", "was described as": who said so is not
                // named.
                || after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| s.g.passive_particles.has(w.to_lowercase())))
                && !in_hedge(at)
                // "was asked to answer", "were urged to": a request, no hedge.
                && !s.g.request_verbs.has(&lower)
            {
                // "are also said to be": a hedge the list could not know.
                let before: Vec<&str> = text[sb.start..at].split_whitespace().collect();
                if let Some(mut i) = before
                    .iter()
                    .rposition(|w| s.g.passive_auxiliaries.has(w.to_lowercase()))
                {
                    // "It was also stated that": the hedge with its "it".
                    if i > 0 && before[i - 1].eq_ignore_ascii_case(&s.g.words.dummy_subject) {
                        i -= 1;
                    }
                    let h = format!("{} {word}", before[i..].join(" ")).to_lowercase();
                    all.push(Found::hedge(h, at, "passive-hedge"));
                }
            }
            continue;
        }
        // A verb is written in lower case inside a sentence: "the Health
        // Trust shows" is a name.
        if b > 0 && word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // "did not immediately respond to a request for comment", "did not
        // return calls seeking comment": no answer is the source's answer.
        let unanswered = s.g.unanswered_verbs.has(&lower) && {
            let before: Vec<&str> = text[sb.start..at]
                .split_whitespace()
                .rev()
                .take(2)
                .collect();
            let negated = match before[..] {
                [w, ..] if s.g.negations.has(w.to_lowercase()) => true,
                [adv, w] => {
                    ly_adverb(s, &adv.to_lowercase()) && s.g.negations.has(w.to_lowercase())
                }
                _ => false,
            };
            negated
                && text[at + word.len()..sb.end]
                    .split_whitespace()
                    .take(8)
                    .any(|w| s.g.unanswered_requests.has(bare(w)))
        };
        if s.g.unanswered_only.has(&lower) && !unanswered {
            continue;
        }
        // A form made from a lemma is a verb only where a verb can be:
        // "plans" in "under plans", "planning" in "city planning officer"
        // and "question" in "the water question" are nouns.
        // "…, noting that…, and suggesting that…": a second participle.
        let second_participle = lower.ends_with("ing")
            && text[sb.start..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| s.g.verb_conjunctions.has(w))
            && all
                .iter()
                .any(|f: &Found| f.cue.ends_with("ing") && !f.is_hedge());
        // A listed form that is mostly a noun ("reports", "calls") is read
        // as the third-person form it is.
        let form = s.lex.forms.get(&lower).copied().or_else(|| {
            s.g.noun_prone_thirds
                .has(&lower)
                .then_some(crate::lexicon::Form::Third)
        });
        // "Strategists fear a loss and warn that…", "The campaign denies
        // any wrongdoing and points out that…": after "and", the same form
        // as a cue before it in the sentence is that subject's second verb.
        let coordinated = {
            use crate::lexicon::Form;
            // The form a word's ending shows, where the lexicon lists the
            // word itself ("fear", "denies").
            let shape = |w: &str| {
                s.lex
                    .forms
                    .get(w)
                    .copied()
                    .unwrap_or(if w.ends_with("ing") {
                        Form::Ing
                    } else if w.ends_with("ed") || s.g.irregular_pasts.has(w) {
                        Form::Past
                    } else if w.ends_with('s') && !w.ends_with("ss") {
                        Form::Third
                    } else {
                        Form::Base
                    })
            };
            let mine = form.unwrap_or_else(|| shape(&lower));
            mine != Form::Ing
                && text[sb.start..at]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| s.g.verb_conjunctions.has(w))
                // Not "what Obama says and promises is…": a noun before a
                // verb.
                && !text[at + word.len()..sb.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| s.g.finite_verbs.has(bare(w)))
                && all.iter().any(|f: &Found| {
                    // The verb before in the same short clause: not "…
                    // whether she opposes the deal and worry", "…, when a
                    // young man asked … and thought".
                    // (A cue's lower case may differ in length from the
                    // text's: no slice that is not on a boundary.)
                    let between = text.get((f.at + f.cue.len()).min(at)..at).unwrap_or(",");
                    f.source.is_some()
                        && !f.is_hedge()
                        && f.leads
                        && !f.cue.contains(' ')
                        && shape(&f.cue) == mine
                        && !between.contains([',', ';', ':'])
                        && between.split_whitespace().count() <= 10
                        && !between.split_whitespace().any(|w| {
                            let w = bare(w);
                            // Nor a clause of its own between: "said were
                            // unanswered and dismissed", "say they don't yet
                            // know".
                            w == s.g.words.complementiser
                                || s.g.subordinators.has(&w)
                                || s.g.question_openers.has(&w)
                                || s.g.relatives.has(&w)
                                || s.g.finite_verbs.has(&w)
                                || s.g.pronouns.has(&w)
                        })
                })
        };
        if let Some(form) = form
            && !unanswered
            && !second_participle
            && !coordinated
            && !verb_here(
                s,
                &lower,
                &text[sb.start..at],
                &text[at + word.len()..sb.end],
                form,
            )
        {
            continue;
        }
        // "did not say", "declined to say", "the claims".
        // "to" before a past tense is a preposition left at the end of a
        // clause ("an engineer I spoke to said"), not an infinitive.
        let past = lower.ends_with("ed") || s.g.irregular_pasts.has(&lower);
        let before_words: Vec<&str> = text[sb.start..at].split_whitespace().collect();
        // "went on to say", "were more likely to say": a statement in an
        // infinitive that another verb carries.
        let chained = !past
            && !lower.ends_with("ing")
            && before_words.len() >= 2
            && before_words[before_words.len() - 1].eq_ignore_ascii_case(&s.g.words.infinitive)
            && s.g
                .infinitive_chains
                .has(bare(before_words[before_words.len() - 2]));
        // "Trump took to Twitter overnight to accuse…", "used the speech to
        // attack…": an infinitive of purpose after an act and its object
        // reports what the act was for (not "used to say", "wants to say").
        let purpose =
            !past && !lower.ends_with("ing") && purpose_carrier(s, &before_words).is_some();
        // "he's said": has, not a possessive.
        let contracted = before_words
            .last()
            .is_some_and(|w| contracted_pronoun(s, w).is_some());
        if let Some(&prev) = before_words.last()
            && !unanswered
            && !coordinated
            && !chained
            && !purpose
            && !contracted
            && !second_participle
            && !(past && prev.eq_ignore_ascii_case(&s.g.words.infinitive))
            // "…blasted Congress and said", "…in Northgate and says": a
            // second verb of the subject.
            && !((past || s.lex.forms.get(&lower) == Some(&crate::lexicon::Form::Third)
                || s.g.strong_verbs.has(&lower)
                // "…and calls her “…”": a listed form before its object.
                || lower.ends_with('s') && {
                    let next = text[at + word.len()..sb.end].trim_start();
                    next.starts_with(|c: char| c.is_uppercase() || s.g.quotes.opens(c))
                        || next
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| s.g.object_case.has(bare(w)) || s.g.pronouns.has(bare(w)))
                })
                && prev == s.g.words.conjunction)
            && (s.g.not_reporting.has(prev.to_lowercase())
                // "the ministry's claim", "the workers’ support": a noun.
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                || prev.ends_with("s'")
                || prev.ends_with("s’"))
        {
            continue;
        }
        // "…warned that", "…argued: “…”": a verb that reports words says
        // so itself, whatever its subject.
        let complement = {
            let next = text[at + word.len()..sb.end].trim_start();
            next.starts_with(':')
                || next.starts_with(|c: char| s.g.quotes.opens(c))
                || next.split_whitespace().next() == Some(s.g.words.complementiser.as_str())
        };
        // A refusal or no answer needs no verb of speech in its subject:
        // "the foundation has refused to comment".
        let strong = s.g.strong_verbs.has(&lower)
            || s.g.refusal_verbs.has(&lower)
            || s.g.unanswered_verbs.has(&lower);
        // "“…,” the heavyweights wrote": a verb right after a quotation and
        // its subject reports those words.
        let after_quote = text[sb.start..at]
            .rfind(|c: char| s.g.quotes.closes(c))
            .is_some_and(|q| text[sb.start + q..at].split_whitespace().count() <= 4);
        let reports_words = (complement || after_quote) && !s.stance.contains(&lower);
        // "called for a ban", "calls on the council to": a demand, with
        // or without quotation marks.
        // (Past a day: "called Wednesday for Ginsburg to resign".)
        let demand = text[at + word.len()..sb.end]
            .split_whitespace()
            .find(|w| !s.g.calendar_words.has(bare(w)))
            .is_some_and(|w| s.g.demand_particles.has(w.to_lowercase()));
        // "…describing the son as a hero": what they were called follows
        // "as".
        // Whether one of the first `n` words after the verb, in its clause,
        // is one that `is` picks.
        let soon = |n: usize, is: &dyn Fn(&str) -> bool| {
            text[at + word.len()..sb.end]
                .split([',', ';'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(n)
                .any(is)
        };
        let called_as = || soon(7, &|w| s.g.as_words.has(w));
        // "called him a political opportunist", "calls it a disgrace",
        // "calls Clinton unqualified", "calling Mitch McConnell a liar",
        // "called the incident a reason…": an object of a few words, then
        // the name given; not "called the police the next day".
        let naming = || {
            let clause = text[at + word.len()..sb.end]
                .split([',', ';'])
                .next()
                .unwrap_or("");
            let ws: Vec<&str> = clause.split_whitespace().take(6).collect();
            (1..ws.len())
                .take_while(|&i| !s.g.prepositions.has(bare(ws[i])))
                .any(|i| {
                    let w = ws[i].trim_end_matches(|c: char| !c.is_alphanumeric());
                    let timed = ws.get(i + 1).is_some_and(|n| {
                        s.g.time_leads.has(n.to_lowercase()) || s.g.time_nouns.has(bare(n))
                    });
                    // A judging word right after a short object ("calls
                    // Clinton unqualified"); not "called the process slow
                    // and opaque, and they have a point", where the rest
                    // is the writer's.
                    (s.g.naming_complements.has(w.to_lowercase()) && !timed)
                        || i <= 2 && s.editorial.find(w).iter().any(|(r, _)| r.len() == w.len())
                })
        };
        // "a chummy culture called “The HP Way”": a name given after a
        // noun that is no subject, no one's words.
        let object_before = || {
            // A noun phrase in plain words right after a preposition.
            let ws: Vec<&str> = text[sb.start..at]
                .split_whitespace()
                .rev()
                .take(6)
                .collect();
            // Not "…at his rally and called her a liar": a second verb.
            !ws.first()
                .is_some_and(|w| w.ends_with(',') || s.g.verb_conjunctions.has(*w))
                && ws
                    .iter()
                    .skip(1)
                    .take(4)
                    .position(|w| s.g.prepositions.has(bare(w)))
                    .is_some_and(|p| {
                        // Not "Trump in his announcement speech called": a
                        // subject before the phrase.
                        !ws.get(p + 2).is_some_and(|w| {
                            names::capitalised(s, w) || s.g.pronouns.has(bare(w))
                        })
                        // One phrase ("for a chummy culture"), not two ("In a
                        // statement the union called").
                        && ws[..p].iter().all(|w| !s.g.articles.has(bare(w)))
                            && ws[..=p].iter().all(|w| {
                                !w.ends_with(',')
                                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                                    && !s.verbs.contains(&bare(w))
                                    && !s.g.pronouns.has(bare(w))
                            })
                    })
        };
        if s.g.quote_needing_verbs.has(&lower)
            && !lower.ends_with("ing")
            && !after_quote
            && object_before()
        {
            continue;
        }
        if s.g.quote_needing_verbs.has(&lower)
            && !after_quote
            && !demand
            // "called Ford’s plans to open a $1.6 billion plant in Mexico
            // “an absolute disgrace”": the object may run long when no
            // comma breaks it.
            && !quotes.iter().any(|q| {
                q.start > at && {
                    let between = &text[at..q.start];
                    let n = between.split_whitespace().count();
                    n <= 9 || n <= 14 && ![", ", "; ", ". "].iter().any(|b| between.contains(b))
                }
            })
            && !called_as()
            && !naming()
        {
            continue;
        }
        // "The driver, described by police as a local man, said": a naming
        // participle set off after its subject is an aside, not the
        // subject's speech.
        if s.g.naming_participles.has(&lower)
            && without_closing_quotes(s, text[sb.start..at].trim_end()).ends_with(',')
            && text[at + word.len()..sb.end].split_whitespace().next()
                == Some(s.g.words.agent.as_str())
        {
            continue;
        }
        // "spoke about the economy", "talked of": speech about a topic, not
        // "speaking at a rally" or "spoke with voters".
        if s.g.topic_needing_verbs.has(&lower)
            && !after_quote
            && !complement
            // "spoke highly of", "spoke to CNN about".
            && !soon(4, &|w| s.g.topic_particles.has(w.to_lowercase()))
        {
            continue;
        }
        // "who spoke on condition of anonymity", "who asked not to be
        // named": the words that keep the source unnamed, no speech of their
        // own.
        // A marker starts at the verb, or (after a verb of speaking) at
        // most a word after it. (Its words are few: a look at the next 80
        // bytes.)
        let near = &text[at..text.floor_char_boundary((at + 80).min(sb.end))];
        let speaking = s.g.topic_needing_verbs.has(&lower);
        if s.markers.find(near).iter().any(|(r, _)| {
            r.start == 0
                || (speaking
                    && r.start >= word.len()
                    && near[word.len()..r.start].split_whitespace().count() <= 1)
        }) {
            continue;
        }
        // "voters see Okafor as…", not "voters saw the debate".
        if s.g.as_needing_verbs.has(&lower) && !soon(9, &|w| s.g.as_words.has(w)) {
            continue;
        }
        // "declined to comment", "refused to say whether": a refusal to
        // speak; not "sales declined".
        if s.g.refusal_verbs.has(&lower) && {
            let mut next = text[at + word.len()..sb.end].split_whitespace();
            !(next
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(&s.g.words.infinitive))
                && next
                    .next()
                    .is_some_and(|w| s.g.refusal_objects.has(bare(w))))
        } {
            continue;
        }
        // "is said to", "is reported to": the hedge, not a speaker.
        if in_hedge(at) {
            continue;
        }
        // "found that …"; without "that" only a paper finds ("a Tribune
        // review found no record of the class"), so the subject decides.
        // A quotation or a colon after it does as well as "that" ("the ad
        // states: “…”").
        let needs_that = s.g.that_needing_verbs.has(&lower)
            && !after_quote
            && !text[at + word.len()..sb.end].starts_with(':')
            && text[at + word.len()..sb.end]
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .next()
                .is_none_or(|w| {
                    w != s.g.words.complementiser && !w.starts_with(|c: char| s.g.quotes.opens(c))
                });
        // "The proposal found support", "she found herself": what was
        // gained, no finding reported.
        if s.g.that_needing_verbs.has(&lower)
            && text[at + word.len()..sb.end]
                .split_whitespace()
                .next()
                .is_some_and(|w| s.g.gained_objects.has(bare(w)))
        {
            continue;
        }
        let start = clause_start(s, text, sb.start, at, quotes);
        // "An aide said four members had signalled…": a verb inside the
        // words a cue before reports has its subject in those words.
        let mut within = false;
        // …and the cue before is itself inside another's words.
        let mut deep = false;
        let start = match all.iter().rev().find(|p: &&Found| {
            p.at >= start
                && p.at + p.cue.len() <= at
                && p.leads
                && !p.is_hedge()
                && !p.cue.ends_with("ing")
        }) {
            Some(p)
                if conjunction_at(s, &text[start..at]).is_none()
                    && !text[p.at + p.cue.len()..at].contains(',')
                    // "responded … by saying": the gerund is the subject's.
                    && (!lower.ends_with("ing")
                        || !text[start..at]
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| s.g.prepositions.has(w))) =>
            {
                within = true;
                deep = p.within;
                let from = p.at + p.cue.len();
                let rest = &text[from..at];
                // "told residents that the state had promised": the subject
                // follows the last "that" ("the state"), else the cue.
                let that = rest
                    .unicode_word_indices()
                    .rev()
                    .find(|(_, w)| *w == s.g.words.complementiser)
                    .map(|(i, w)| i + w.len());
                let cut = that.unwrap_or(0);
                let lead = rest[cut..].len() - rest[cut..].trim_start().len();
                from + cut + lead
            }
            _ => start,
        };
        let mut own_from = 0;
        // "…a defence of “harbour values,” saying the city…", "…changed
        // course – saying he…": a participle right after a quotation or a
        // dash goes with the subject the sentence opened with.
        let carried = (lower.ends_with("ing")
            && start > sb.start
            && text[start..at].trim().trim_matches(',').trim().is_empty())
        .then(|| text[sb.start..start].trim_end_matches(|c: char| !c.is_alphanumeric()))
        .filter(|b| b.split_whitespace().count() > 1)
        .map(|b| format!("{b},"));
        let region = carried.as_deref().unwrap_or(&text[start..at]);
        // "…, and suggested that": a second verb of the subject before.
        let conj_link = conjunction_at(s, region).is_some();
        let subj = match subject(
            s,
            ctx,
            region,
            &lower,
            start == sb.start || carried.is_some(),
        ) {
            // "…“not ready” to support him, and suggested": no subject in
            // the words after the quotation; the cue before has it.
            // "…, calling him a “stiff” and accusing him…": a second
            // participle is the first one's.
            Subject::Words(w, _)
                if conj_link
                    && all.iter().any(|p| p.source.is_some() && !p.is_hedge())
                    && !s.g.pronouns.has(&w)
                    && (w.chars().all(|c| c.is_lowercase() || c.is_whitespace())
                        || lower.ends_with("ing")
                            && all
                                .iter()
                                .any(|p| p.cue.ends_with("ing") && p.source.is_some())) =>
            {
                Subject::Nothing
            }
            // "…, emphasizing that the vote…": a participle set off after
            // the words of a cue before has that cue's subject.
            Subject::Words(..)
                if follow_on_cue(s, &lower)
                    && !s.g.follow_on_cues.has(&lower)
                    && follows_on(s, &text[sb.start..at])
                    && all
                        .iter()
                        .any(|p| p.source.is_some() && !p.is_hedge() && p.at < at) =>
            {
                Subject::Nothing
            }
            other => other,
        };
        let found = match subj {
            Subject::Words(subj, initial) => {
                // Where this verb's clause starts: at its subject when the
                // subject is next to it, at the conjunction of a second verb
                // ("…, and then tweeted").
                let before = &text[start..at];
                let conj_at = conjunction_at(s, before);
                let conj = conj_at.is_some();
                own_from = if carried.is_some() {
                    0
                } else if let Some(i) = conj_at {
                    start + i
                } else {
                    // (Scripts written without spaces have no word edges.)
                    rfind_word(before, &subj)
                        .or_else(|| before.rfind(subj.as_str()))
                        .map_or(0, |i| start + i)
                };
                // "…, and then tweeted": "then" is part of the link.
                if conj
                    && let Some(i) = text[start..own_from]
                        .trim_end()
                        .rfind(|c: char| c.is_whitespace())
                    && s.g
                        .verb_conjunctions
                        .has(text[start + i + 1..own_from].trim())
                {
                    own_from = start + i + 1;
                }
                // "A group of farmers asked … a levy that they say …":
                // "they" are who the sentence opened with.
                // Inside words reported inside others' words "they" are
                // whoever those words name ("said four members had signalled
                // they would object"): unknown.
                let unknown_they = deep && subj == s.g.words.plural_pronoun;
                let opening = (subj == s.g.words.plural_pronoun && !deep)
                    .then(|| opening_np(s, &text[sb.start..at]))
                    .flatten();
                let (subj, initial) = match opening {
                    Some(o) => (o, true),
                    None => (subj, initial),
                };
                // "…, with polls showing": the polls show.
                let subj = match subj.split_once(' ') {
                    Some((w, rest))
                        if lower.ends_with("ing") && s.g.absolute_openers.has(w.to_lowercase()) =>
                    {
                        rest.to_owned()
                    }
                    _ => subj,
                };
                // "Her deputy, Raymond Pell, was less certain; he told…": a
                // pronoun may mean a person named earlier in its sentence.
                let local;
                let ctx = if s.g.pronouns.has(&subj) && start > sb.start {
                    let mut c = ctx.clone();
                    observe_outside(s, &mut c, text, sb.start..start, quotes);
                    local = c;
                    &local
                } else {
                    ctx
                };
                let mut f = classify(s, ctx, &subj, initial);
                // "Rendell praised Sanders…, but he said…": a pronoun after
                // a person this sentence cites means them, not the person
                // named in what they said.
                if let Some(g) = Gender::of_pronoun(s, &subj)
                    && let Some(prev) = all
                        .iter()
                        .rev()
                        .find(|p: &&Found| p.person && p.at < at && p.source.is_some())
                    && prev.source.as_deref().is_some_and(|n| ctx.may_be(n, g))
                    && let Some(f) = &mut f
                {
                    f.kind = Kind::Sourced;
                    f.source = prev.source.clone();
                    f.mention = None;
                    f.person = true;
                    f.grade = Grade::Resolved;
                }
                let speaks = if s.g.paper_verbs.has(&lower) || needs_that {
                    is_document(s, &subj)
                } else {
                    // "It is hard to see how … will settle questions that":
                    // a subject with a verb of its own is no noun phrase.
                    let phrase = || {
                        let ws: Vec<&str> = subj.split_whitespace().collect();
                        !ws.first()
                            .is_some_and(|w| w.eq_ignore_ascii_case(&s.g.words.dummy_subject))
                            && !ws.iter().any(|w| s.g.finite_verbs.has(bare(w)))
                    };
                    strong || (reports_words && phrase()) || can_speak(s, ctx, &subj, initial)
                };
                f.filter(|_| speaks && !unknown_they).map(|mut f| {
                    f.rule = if s.stance.contains(&lower) {
                        "stance-verb"
                    } else {
                        "verb-subject"
                    };
                    (f, true)
                })
            }
            Subject::After if !s.g.inverting_verbs.has(&lower) || needs_that => None,
            // "Asked about it, Ostrander said…": a participle opening the
            // sentence is not its verb.
            Subject::After
                if text[sb.start..at].trim().is_empty()
                    && text[at + word.len()..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| s.g.not_after_participle.has(w)) =>
            {
                None
            }
            Subject::After => match phrase_after(s, &text[at + word.len()..sb.end], true) {
                // "Jason Sims — a teacher from Mount Pleasant — says he made
                // …", "…and said it’s the same": the subject of what is said
                // follows, not who says it; the speaker is before the verb,
                // in words not read as a name (the annotator names them).
                // (Where the verb comes second, "fügte sie hinzu": the
                // pronoun after it is its subject.)
                Some(src)
                    if !s.g.verb_second
                        && src
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| s.g.pronouns.has(bare(w))) =>
                {
                    text[sb.start..at]
                        .chars()
                        .any(char::is_alphanumeric)
                        .then(|| {
                            let mut f = Found::unnamed();
                            f.rule = "verb-subject";
                            (f, true)
                        })
                }
                src => src
                    .and_then(|src| classify(s, ctx, &src, false))
                    .map(|mut f| {
                        f.rule = "verb-inverted";
                        (f, false)
                    }),
            },
            Subject::Nothing => None,
        };
        // "…, Hollande said Tuesday in Paris, noting the nominee…", "…
        // win this race,” adding that…", "Rubio responded before adding
        // that…": a participle after a cue this sentence has found goes
        // with that cue's source.
        let found = found.or_else(|| {
            if !follow_on_cue(s, &lower) && !conj_link {
                return None;
            }
            let linked = conj_link || follows_on(s, &text[sb.start..at]);
            if let Some(i) = conjunction_at(s, &text[start..at]) {
                own_from = start + i;
            }
            let prev = all
                .iter()
                .rev()
                .find(|p: &&Found| p.source.is_some() && !p.is_hedge() && p.at < at)?;
            linked.then(|| {
                let mut f = prev.clone();
                f.rule = "verb-subject";
                (f, true)
            })
        });
        if let Some((mut f, leads)) = found {
            f.from = own_from;
            f.within = within;
            // After a quotation the words attributed came first.
            let after_quote = quotes.iter().any(|q| q.end <= start && q.end > sb.start);
            // "The inquiry will take six weeks, an official said": what comes
            // before the subject is a clause, the attributed one. "In a
            // brilliant piece of theatre, the governor announced…": an
            // opening phrase; what is attributed follows.
            let region = &text[start..at];
            let opening = region.rfind(',').map_or("", |i| &region[..i]);
            // "Roffman, who estimates that…, described": the subject and an
            // aside, no clause.
            let opening = if set_off_aside(s, opening) {
                ""
            } else {
                opening
            };
            // "…who are against adding regulation": a gerund after a
            // preposition is a claim only of a subject it names.
            let gerund = lower.ends_with("ing")
                && text[sb.start..at]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| {
                        let w = bare(w);
                        s.g.prepositions.has(&w) && !s.g.ing_form_before.has(&w)
                    });
            // Not "It will take time to explain…".
            if (gerund || purpose) && f.source.is_none() {
                continue;
            }
            f.cue = lower;
            f.at = at;
            f.leads = leads && (carried.is_some() || !after_quote && !clause_like(s, opening));
            all.push(f);
        }
    }

    // "Citing the audit, Okafor said…", "Asked about the plan, Okafor
    // said…": a participle opening the sentence is its subject's too, a
    // claim of theirs nested in the sentence's.
    if let Some((b, word)) = sent.unicode_word_indices().next()
        && sent[..b].chars().all(|c| !c.is_alphanumeric())
        && !inside(quotes, sb.start + b)
    {
        let lower = word.to_lowercase();
        let at = sb.start + b;
        // "Speaking at a rally, …": speech with no topic reports nothing.
        // "Adding to the wariness is…": a participle that adds to
        // something reports nothing.
        let adds_to = s.g.adding_participles.has(&lower)
            && sent[b + word.len()..]
                .unicode_words()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(&s.g.words.infinitive));
        let opens = (lower.ends_with("ing")
            && follow_on_cue(s, &lower)
            && !s.g.topic_needing_verbs.has(&lower)
            && !adds_to)
            || s.g.opening_participles.has(&lower);
        // The comma that ends the opening phrase: outside a quotation, or
        // inside one that closes with it ("Asked whether Clinton “has the
        // integrity to serve,” 75 percent said yes").
        let comma = text[at..sb.end]
            .match_indices(',')
            .map(|(i, _)| at + i)
            .find(|&c| !inside(quotes, c) || closing_marks(s, &text[c + 1..]) > 0);
        if opens
            && !all.iter().any(|f: &Found| f.at == at)
            && let Some(comma) = comma
            && text[at + word.len()..comma].split_whitespace().count() >= 1
            && let Some(main) = all.iter().find(|f| {
                f.at > comma
                    && matches!(f.rule, "verb-subject" | "stance-verb")
                    && f.source.is_some()
                    && !f.is_hedge()
            })
            // "Asked why…, in the same bill, Marr responded", "Asked if…,
            // Ana Ruiz, his spokeswoman, suggested": asides before the
            // answer; not "…, Okafor left, and Marr said".
            && {
                let between = &text[comma + 1..main.at];
                between.matches(',').count() <= 2
                    && !between.split(',').skip(1).any(|p| {
                        p.split_whitespace().next().is_some_and(|w| {
                            let w = w.to_lowercase();
                            s.g.coordinators.has(&w) || s.g.verb_conjunctions.has(&w)
                        })
                    })
            }
        {
            let mut f = main.clone();
            f.at = at;
            f.from = 0;
            f.within = false;
            // "Asked about the plan, …": the question is the asker's, who
            // is not named.
            f.rule = if s.g.opening_participles.has(&lower) {
                "asked-question"
            } else {
                "verb-subject"
            };
            f.cue = lower;
            all.push(f);
        } else if s.g.opening_participles.has(&lower)
            && let Some(comma) = comma
            && text[at + word.len()..comma].split_whitespace().count() >= 1
            && !all.iter().any(|f| f.at > comma)
            // "Asked whether…", "Pressed by reporters on whether…"; not
            // "Asked to leave, he refused", "Pressed for time, the council
            // adjourned".
            && text[at + word.len()..comma]
                .unicode_words()
                .take(4)
                .any(|w| s.g.question_words.has(w.to_lowercase()))
        {
            // "Asked whether he would urge his voters…, Okafor demurred":
            // no answer the words report, and a verb inside the question is
            // part of it, no one's claim. The question is the asker's.
            all.retain(|f| f.at < at || f.at > comma);
            let mut f = Found::unnamed();
            f.kind = Kind::Anonymous;
            f.cue = lower;
            f.at = at;
            f.rule = "asked-question";
            all.push(f);
        }
    }

    // "…,” Okafor said when asked whether the levy would stay": the
    // question is nested in the answer's claim.
    for (b, word) in asked {
        let at = sb.start + b;
        let lower = word.to_lowercase();
        if inside(quotes, at) {
            continue;
        }
        let before: Vec<(usize, &str)> = sent[..b].unicode_word_indices().collect();
        let lowered = |i: usize| before[i].1.to_lowercase();
        // "was asked", "being pressed": the auxiliary, if any.
        let aux = before
            .len()
            .checked_sub(1)
            .filter(|&i| s.g.passive_auxiliaries.has(lowered(i)));
        let words = aux.unwrap_or(before.len());
        // Where the question's clause starts: "when asked", "after he was
        // asked", "When Robby Mook, her manager, was asked" (the link, a
        // subject between it and the auxiliary), "who was asked" (the
        // relative), ", asked about…" (the participle itself), "Sanders was
        // asked about…" (the sentence).
        let link = if words > 0 && s.g.question_links.has(lowered(words - 1)) {
            Some(before[words - 1].0)
        } else if aux.is_some() {
            (words.saturating_sub(6)..words)
                .rev()
                .find(|&i| s.g.question_links.has(lowered(i)) || s.g.relatives.has(lowered(i)))
                .map(|i| before[i].0)
                .or(Some(0))
        } else if sent[..b].trim_end().ends_with(',') {
            Some(b)
        } else {
            None
        };
        let Some(link) = link else {
            continue;
        };
        // "when asked whether…", "when asked by a reporter whether…",
        // "asked last month about…"; not "when asked to leave".
        let rest = &sent[b + word.len()..];
        let clause = &rest[..rest.find([',', ';']).unwrap_or(rest.len())];
        let mut next = clause.unicode_words().map(str::to_lowercase);
        let asks = match next.next() {
            Some(w) if w == s.g.words.agent => next.take(6).any(|w| s.g.question_openers.has(&w)),
            Some(w) if w == s.g.words.infinitive => false,
            Some(w) if s.g.question_openers.has(&w) => true,
            // "asked last month about…", not "Smith, delivering the speech,
            // asked the crowd if…".
            Some(_) => link != b && next.take(3).any(|w| s.g.question_openers.has(&w)),
            None => false,
        };
        if !asks {
            continue;
        }
        // The answer's claim: before the question ("…,” Okafor said when
        // asked…"), else after it ("When Mook was asked…, he said").
        let main = all
            .iter()
            .rev()
            .find(|f| f.at < at && f.source.is_some() && !f.is_hedge() && !f.within)
            .or_else(|| {
                all.iter().find(|f| {
                    f.at >= at + word.len() + clause.len()
                        && f.source.is_some()
                        && !f.is_hedge()
                        && !f.within
                })
            })
            .cloned();
        let Some(mut f) = main else {
            // No answer in its sentence ("Clinton was once asked which…"):
            // a claim of its own, the asker's.
            for f in all.iter_mut().filter(|f| f.at == at) {
                f.rule = "asked-question";
            }
            continue;
        };
        let answer = f.at;
        // Not a verb of its own ("said Trump when asked whether…" has no
        // subject "said Trump when").
        all.retain(|f: &Found| f.at != at);
        f.cue = lower;
        f.at = at;
        f.from = sb.start + link;
        // Nested in the answer's claim, never a clause of its own.
        f.within = true;
        f.leads = true;
        f.rule = "asked-question";
        all.push(f);
        // "…when asked whether he would concede": a verb inside the
        // question is part of it, no claim of the answerer's.
        let ends = at + word.len() + clause.len();
        all.retain(|g: &Found| g.at <= at || g.at >= ends || g.at == answer || g.is_hedge());
    }

    // "After blasting the council for its delays, Okafor said…", "In
    // addition to criticizing the levy, Okafor vowed…": a gerund the
    // sentence opens with, after a preposition, is the act of the main
    // clause's subject, nested in its claim.
    if let Some((b, word)) = opening_gerund(s, sent)
        && !inside(quotes, sb.start + b)
        && let Some(comma) = sent[b..].find(',').map(|i| sb.start + b + i)
        && let Some(mut f) = all
            .iter()
            .find(|f| f.at > comma && f.source.is_some() && !f.is_hedge() && !f.within)
            .cloned()
        // "After blasting the council, Okafor left, and Marr said": the
        // main clause must be the one right after the comma.
        && !text[comma + 1..f.at].contains(',')
    {
        f.cue = word.to_lowercase();
        f.at = sb.start + b;
        f.from = sb.start;
        f.within = true;
        f.leads = true;
        f.rule = "opening-gerund";
        all.push(f);
    }

    // "In a new Tribune poll, Okafor leads by nine points", "Okafor leads
    // in the latest poll": a finding cited from the paper it is in, when
    // nothing else in the sentence names a source. "In the latest Tribune
    // survey, 71 percent approved of the plan": the paper is who says so,
    // not the views it counts (a person's stance, or a pronoun's, stays
    // theirs).
    let counted = |f: &Found| {
        f.source.as_deref().is_some_and(|src| {
            let words: Vec<&str> = src.split_whitespace().collect();
            quantity(s, &words)
        })
    };
    // ("Some 20 percent said they believe…": the "they" is the share.)
    // A share that is a passive's agent ("was supported by 42 percent of
    // the Republicans surveyed in the CBS poll") stays the agent. A share
    // that says something ("In a CNN poll, 73 percent said…") keeps its
    // claim, nested in the paper's; one that only holds a view ("71
    // percent approved") is the paper's finding.
    let they = |f: &Found| f.carried || f.grade == Grade::Pronoun && f.by.is_none();
    if all
        .iter()
        .all(|f| (counted(f) || they(f)) && !f.is_hedge() && f.rule != "passive-agent")
        && (all.iter().any(counted) || all.is_empty())
    {
        for (b, word) in sent.unicode_word_indices() {
            if !s.g.document_prepositions.has(word.to_lowercase()) || !outside(&(b..b)) {
                continue;
            }
            // "78 percent of voters in a recent CBS poll said…": a share
            // that says something, with the paper in its own words, is the
            // claim's source; the paper leads only from the sentence's
            // start ("In a CBS poll, 78 percent said…").
            if b > 0 && all.iter().any(|f| f.rule != "stance-verb") {
                break;
            }
            let after = &sent[b + word.len()..];
            // "20 percent of people in a recent CNN/ORC poll said…": the
            // paper's name ends at the paper.
            let after = after
                .unicode_word_indices()
                .take(9)
                .find(|(_, w)| s.g.cited_documents.has(w.to_lowercase()))
                .map_or(after, |(i, w)| &after[..i + w.len()]);
            let Some(src) = phrase_after(s, after, false) else {
                continue;
            };
            // A paper named by who made it, where or when ("a CNN national
            // poll last month", "the latest Tribune survey", "January
            // polls"): "rose in the polls" cites none.
            let words: Vec<&str> = src.split_whitespace().collect();
            let Some(d) = words.iter().rposition(|w| s.g.cited_documents.has(bare(w))) else {
                continue;
            };
            // "In the Tribune poll's wake": the paper is no one's source.
            if words[d].ends_with("'s") || words[d].ends_with("’s") {
                continue;
            }
            let words = &words[..=d];
            // "In light of the Tribune poll", "In the wake of…": a phrase
            // before "of" that names no paper.
            if let Some(o) = words.iter().position(|w| bare(w) == s.g.words.partitive)
                && !words[..o].iter().any(|w| {
                    names::capitalised(s, w) || w.starts_with(|c: char| c.is_ascii_digit())
                })
            {
                continue;
            }
            // "when voters in Pennsylvania head to the polls", "One in four
            // voters in a Times poll": a paper's name holds no preposition
            // but "of" ("the average of recent national surveys").
            if words[..d].iter().any(|w| {
                let w = bare(w);
                s.g.prepositions.has(&w) && w != s.g.words.partitive
            }) {
                continue;
            }
            if !(2..=8).contains(&words.len())
                || !words[..d].iter().any(|w| {
                    names::capitalised(s, w) || w.starts_with(|c: char| c.is_ascii_digit())
                })
            {
                continue;
            }
            let src = words.join(" ");
            if let Some(mut f) = classify(s, ctx, &src, false) {
                f.cue = word.to_lowercase();
                f.at = sb.start + b;
                f.leads = b == 0;
                f.rule = "in-document";
                all.retain(|f| f.rule != "stance-verb");
                for g in all.iter_mut() {
                    g.within = true;
                }
                all.insert(0, f);
                break;
            }
        }
    }

    // "The inquiry is expected to take six weeks, an official said": a
    // source named beats the hedge.
    if all.iter().any(|f| f.rule != "passive-hedge") {
        all.retain(|f| f.rule != "passive-hedge");
    }
    // "The plan appears to be failing": the writer's inference, when
    // nothing else names a source.
    if all.is_empty()
        && hedge.is_none()
        && let Some((r, _)) = s
            .inferences
            .find(sent)
            .into_iter()
            .find(|(r, _)| outside(r))
    {
        let from = lead_in(s, sent, r.start);
        let h = hedge_words(s, &sent[from..r.end]);
        all.push(Found::hedge(h, sb.start + from, "hedge"));
        return all;
    }
    if all.is_empty()
        && let Some((at, h)) = &hedge
    {
        // "Negotiators reportedly arrived…": the hedge is all the reader gets.
        all.push(Found::hedge(h.clone(), *at, "hedge"));
        return all;
    }
    if marked || hedge.is_some() {
        // "It was stated by the minister": the hedge is the passive itself,
        // and its agent is named.
        for f in all.iter_mut().filter(|f| marked || !in_hedge(f.at)) {
            f.kind = Kind::Anonymous;
            f.person = false;
            if f.grade == Grade::Pronoun || f.source.is_none() || hedge.is_some() && f.person {
                f.source = hedge.as_ref().map(|(_, h)| h.clone());
            }
        }
    }
    // "Nine in 10 voters say they think…": a "they" or "it" is the source
    // named before it in the sentence, when that is no one person, before
    // any source of an earlier sentence.
    for i in 0..all.len() {
        if (all[i].grade != Grade::Pronoun || all[i].by.is_some()) && !all[i].carried {
            continue;
        }
        let at = all[i].at;
        let before = all
            .iter()
            .filter(|g| g.at < at && g.grade == Grade::Resolved && !g.person && !g.is_hedge())
            .max_by_key(|g| g.at)
            .map(|g| (g.kind, g.source.clone()));
        if let Some((kind, Some(src))) = before {
            let f = &mut all[i];
            f.kind = kind;
            f.source = Some(src);
            f.grade = Grade::Resolved;
        }
    }
    all
}

/// Where a span that ends at the comma at byte `comma` stops: before it,
/// or after the quotation marks that close right after it ("…a
/// “sociopath,” said": the quotation closed). `end` bounds the marks.
fn comma_end(s: &Suggester, text: &str, comma: usize, end: usize) -> usize {
    let closing = closing_marks(s, &text[comma + 1..end]);
    if closing > 0 {
        comma + 1 + closing
    } else {
        comma
    }
}

/// Whether a word is an article or a determiner ("the", "his", "a").
fn determiner(s: &Suggester, w: &str) -> bool {
    s.g.articles.has(w) || s.g.definite_determiners.has(w) || s.g.indefinite_determiners.has(w)
}

/// The byte of the last place `words` stand as whole words in `text`
/// (not the "a" inside "leaders").
pub(crate) fn rfind_word(text: &str, words: &str) -> Option<usize> {
    let last = words.chars().next_back()?.len_utf8();
    let mut end = text.len();
    while let Some(i) = text[..end].rfind(words) {
        let clear_before = !text[..i].ends_with(char::is_alphanumeric);
        let clear_after = !text[i + words.len()..].starts_with(char::is_alphanumeric);
        if clear_before && clear_after {
            return Some(i);
        }
        // Before the occurrence's last character: a boundary in any script.
        end = i + words.len() - last;
    }
    None
}

/// Whether a verb form made from a lemma can be a verb between `before`
/// and `after` (the sentence's words either side of it).
fn verb_here(
    s: &Suggester,
    word_lower: &str,
    before: &str,
    after: &str,
    form: crate::lexicon::Form,
) -> bool {
    use crate::lexicon::Form;
    let prev_raw = before.split_whitespace().next_back().unwrap_or("");
    let prev = bare(prev_raw);
    let next = after
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    // "…this race,” adding": a comma inside the closing quotation mark;
    // "… — asserting that": a dash sets off as a comma does, when it opens
    // no aside that another closes ("Rubio -- seeking a breakout -- said").
    let dash = |w: &str| !w.is_empty() && w.chars().all(|c| s.g.quotes.speaker_dashes.contains(&c));
    let comma = without_closing_quotes(s, prev_raw).ends_with(',')
        || (dash(prev_raw) && !after.split_whitespace().any(dash));
    let ends = [".", "!", "?", ""].contains(&after.trim());
    // "…when the panel would report.": a verb made from a lemma reports
    // something only with words after it or a quotation before.
    // "…last month, fundraising documents show.": a short subject after a
    // comma, the clause it reports before it.
    let trailer = before.rfind(',').is_some_and(|i| {
        (1..=4).contains(&before[i + 1..].split_whitespace().count())
            && clause_like(s, &before[..i])
    });
    // A mark written twice (''…'') shows a quotation as well.
    let doubled = || {
        before
            .chars()
            .zip(before.chars().skip(1))
            .any(|(a, b)| a == b && s.g.quotes.doubled.contains(&a))
    };
    if ends && !trailer && !before.contains(s.g.quotes.before_verb.as_slice()) && !doubled() {
        return false;
    }
    let before_prev = before.split_whitespace().rev().nth(1).map(bare);
    let aux = |w: &str| s.g.verb_helpers.has(w);
    // "are increasingly admitting": the helper before an adverb in -ly;
    // "He's suggesting", "who's saying": a pronoun with "is" in it.
    let contracted = before_apostrophe_s(prev_raw.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|stem| {
            let stem = stem.to_lowercase();
            s.g.pronouns.has(&stem) || s.g.relatives.has(&stem)
        });
    let helped = |w: &str| {
        aux(w) || contracted || ly_adverb(s, w) && before_prev.as_deref().is_some_and(aux)
    };
    // "under plans", "of support"; not "to support" (an infinitive) or "by
    // saying" (a gerund reports).
    if !comma
        && s.g.prepositions.has(&prev)
        && !s.g.verb_after_preposition.has(&prev)
        && form != Form::Ing
    {
        return false;
    }
    // "by nine points", "3 questions": a noun after a number; "42% say",
    // "Most want": a verb after a share.
    let number =
        prev.chars().next().is_some_and(|c| c.is_ascii_digit()) || s.g.number_words.has(&prev);
    if form == Form::Third && number {
        return false;
    }
    // Not "at one point": a number after a preposition counts a noun.
    if form == Form::Base
        && (number || s.g.share_words.has(&prev))
        && !before_prev
            .as_deref()
            .is_some_and(|w| s.g.prepositions.has(w))
    {
        return true;
    }
    match form {
        Form::Base => {
            s.g.base_form_before.has(&prev)
                || aux(&prev)
                || next == s.g.words.complementiser
                // "Obama and Clinton call them “lone wolves”": a pronoun
                // in the object case after it; not "the support her
                // campaign won", "people like him", "Just ask him".
                || (s.g.object_case.has(&next)
                    && !s.g.helped_base_forms.has(word_lower)
                    && (before.split_whitespace().nth(1).is_some() || prev.ends_with('s'))
                    && !s.g.opener_determiners.has(&prev)
                    && !prev_raw.ends_with("’s")
                    && !prev_raw.ends_with("'s"))
                // "voters say"; not "caucus state", and not "issues like a
                // wage" for a verb that is mostly a preposition.
                || (!comma
                    && prev.ends_with('s')
                    && !prev.ends_with("ss")
                    && !prev.ends_with("us")
                    && !s.g.helped_base_forms.has(word_lower)
                    && !ends)
        }
        // "the terrorist attacks in Paris", "police reports": a form that is
        // mostly a noun is a verb after a name, a pronoun or a helper
        // ("Trump attacks", "who claims") or before what it reports
        // ("the report claims that", "calls it").
        // "Police reports show", "multiple reports reveal": a noun before
        // the verb that reports.
        // ("he fears comparing": a pronoun's verb, its object a gerund.)
        Form::Third
            if s.g.noun_prone_thirds.has(word_lower)
                && s.verbs.contains(&next)
                && !next.ends_with("ing")
                && !s.g.pronouns.has(&prev) =>
        {
            false
        }
        // "in the San Bernardino attacks", "after the Paris attacks", "2012
        // Benghazi attacks": a name that follows a preposition or a number
        // is the noun's, unless what follows makes it a verb.
        Form::Third
            if s.g.noun_prone_thirds.has(word_lower)
                && prev_raw.starts_with(char::is_uppercase)
                // Not "after the Associated Press reports", "as Paul
                // Krugman of the New York Times points out": a body speaks.
                && !s.documents.contains(&prev)
                && !s.g.body_words.has(&prev)
                && !s.g.corporate_words.has(&prev)
                && named_after_preposition(s, before)
                && !(next == s.g.words.complementiser
                    || s.g.pronouns.has(&next)
                    || s.g.object_case.has(&next)
                    || after
                        .trim_start()
                        .starts_with(|c: char| c == ':' || s.g.quotes.opens(c))) =>
        {
            false
        }
        // "State Department emails released this week", "the Chinese
        // comments particularly galling", "Clinton emails were": after a
        // name, a form that is mostly a noun is one before a participle,
        // an adverb in -ly or a verb of being.
        Form::Third
            if s.g.noun_prone_thirds.has(word_lower)
                && prev_raw.starts_with(char::is_uppercase)
                && !s.g.pronouns.has(&prev)
                // A name as a noun's modifier: after a determiner, or of
                // more than one word; not "Okafor claims newly released…".
                && name_modifies(s, before)
                && (s.g.finite_verbs.has(&next)
                    || participle_like(&next)
                    || ly_adverb(s, &next))
                // Not "which Will claims affirmed…": a clause's subject.
                && !name_opens_clause(s, before) =>
        {
            false
        }
        Form::Third
            if s.g.noun_prone_thirds.has(word_lower)
                && !(prev_raw.starts_with(char::is_uppercase)
                    || s.g.pronouns.has(&prev)
                    || s.g.relatives.has(&prev)
                    || helped(&prev)
                    || next == s.g.words.complementiser
                    || next == s.g.words.infinitive
                    || s.g.pronouns.has(&next)
                    || s.g.object_case.has(&next)
                    // "…and calls Clinton “…”": a second verb of the subject.
                    || (s.g.verb_conjunctions.has(&prev)
                        && after.trim_start().starts_with(char::is_uppercase))
                    || (s.g.demand_thirds.has(word_lower) && s.g.demand_particles.has(&next))
                    // "the paper notes the government monitors…": a
                    // document says what follows.
                    || s.documents.contains(&prev)
                    || after
                        .trim_start()
                        .starts_with(|c: char| c == ':' || s.g.quotes.opens(c))) =>
        {
            false
        }
        Form::Third => {
            // "to answer questions": a noun after a verb; "southern states
            // are next": a noun before one.
            !(before_prev.as_deref() == Some(s.g.words.infinitive.as_str())
                || s.g.finite_verbs.has(&next)
                // Not "his plan calls for": a demand follows its verb.
                || s.verbs.contains(&prev) && !s.g.demand_particles.has(&next)
                || prev.ends_with("ing")
                || (prev.ends_with("ed") && prev.len() > 3))
        }
        Form::Past => true,
        // "…, even suggesting": an adverb set off before it. "Despite
        // challenging…", "In addition to stating that…": a gerund after a
        // preposition.
        Form::Ing => {
            comma
                || helped(&prev)
                || s.g.ing_form_before.has(&prev)
                // Not "Despite challenging…, Cruz said": the subject is
                // before it.
                || (s.g.prepositions.has(&prev)
                    && !s.g.relatives.has(&prev)
                    && prev != s.g.words.complementiser
                    && before.split_whitespace().nth(1).is_some())
                || set_off_adverb(
                    s,
                    &before[..before.trim_end().len() - prev_raw.len()],
                    &prev,
                )
        }
        Form::Participle => helped(&prev),
    }
}

/// The gerund of a reporting verb that `sent` opens with after the words
/// that bring one in ("After blasting", "In addition to criticizing",
/// "Instead of calling"), before any comma: its byte and its word.
fn opening_gerund<'t>(s: &Suggester, sent: &'t str) -> Option<(usize, &'t str)> {
    let head = &sent[..sent.find(',')?];
    let words: Vec<(usize, &str)> = head.unicode_word_indices().take(5).collect();
    let lead = words
        .iter()
        .take_while(|(_, w)| s.g.gerund_leads.has(w.to_lowercase()))
        .count();
    let &(b, w) = words.get(lead)?;
    let lower = w.to_lowercase();
    (lead > 0
        && s.g.gerund_leads.has(words[0].1.to_lowercase())
        && lower.ends_with("ing")
        && s.verbs.contains(&lower))
    .then_some((b, w))
}

/// Whether the words before end in a run of capitalised words that reads
/// as a noun's modifier: two words or more ("State Department"), or one
/// after a determiner ("the Chinese", "his Islamophobic").
fn name_modifies(s: &Suggester, before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut run = 0;
    let mut lead = None;
    for w in words.by_ref() {
        if w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphanumeric) {
            run += 1;
        } else {
            lead = Some(bare(w));
            break;
        }
    }
    run >= 2 || lead.is_some_and(|w| determiner(s, &w))
}

/// Whether the words before end in a run of capitalised words that a
/// relative, "that" or a subordinator brings in as a clause's subject
/// ("which Will", "that Trump", "as North Korea").
fn name_opens_clause(s: &Suggester, before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .find(|w| !(w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphanumeric)))
        .map(bare)
        .is_some_and(|w| {
            s.g.relatives.has(&w) || w == s.g.words.complementiser || s.g.subordinators.has(&w)
        })
}

/// Whether the words before end in a run of capitalised words that a
/// preposition or a number brings in, an article between or not ("in the
/// San Bernardino", "after Orlando", "2012 Benghazi").
fn named_after_preposition(s: &Suggester, before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    let mut run = 0;
    while words
        .peek()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphanumeric))
    {
        words.next();
        run += 1;
    }
    // Not "that Trump demands", "who Obama says", "after North Korea
    // claims": a clause's subject; "after the Paris attacks" is a phrase.
    let lead = |w: &str, phrase: bool| {
        let w = bare(w);
        (s.g.prepositions.has(&w)
            && !s.g.relatives.has(&w)
            && w != s.g.words.complementiser
            && (phrase || !s.g.subordinators.has(&w)))
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    run > 0
        && match words.next() {
            Some(w) if s.g.articles.has(bare(w)) => words.next().is_some_and(|w| lead(w, true)),
            Some(w) => lead(w, false),
            None => false,
        }
}

/// Where the act is whose infinitive of purpose `words` end with ("Trump
/// took to Twitter overnight to", "used the speech to"): its object
/// between, a few plain words; not "used to", "has used to", "a term Rubio
/// has used to".
fn purpose_carrier(s: &Suggester, words: &[&str]) -> Option<usize> {
    if !words
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case(&s.g.words.infinitive))
    {
        return None;
    }
    (2..=6)
        .filter(|&k| words.len() > k)
        .map(|k| words.len() - 1 - k)
        .find(|&i| s.g.purpose_carriers.has(bare(words[i])))
        .filter(|&i| {
            words[i + 1..words.len() - 1].iter().all(|w| {
                let b = bare(w);
                !w.ends_with(',')
                    && !participle_like(w)
                    && !s.verbs.contains(&b)
                    && !s.g.verb_helpers.has(&b)
                    && !s.g.purpose_carriers.has(&b)
            })
        })
}

/// Where the clause holding the verb starts: after the last closing quote,
/// semicolon, colon or dash before it, else at the sentence start.
fn clause_start(
    s: &Suggester,
    text: &str,
    sentence: usize,
    verb: usize,
    quotes: &[Range<usize>],
) -> usize {
    let mut start = sentence;
    for q in quotes {
        // "He called it their “crystal ball” and said…": a second verb
        // of the subject before the quotation.
        let linked = || {
            let between: Vec<&str> = text[q.end..verb].split_whitespace().collect();
            !between.is_empty() && between.iter().all(|w| s.g.verb_conjunctions.has(*w))
        };
        // "Humphrey, who calls Trump a “sociopath,” said…", "Mr. Manafort,
        // citing ''the unique magic of Trump,'' said…": a quotation that
        // closes an aside set off after the subject, the verb after it
        // still the subject's.
        let in_aside =
            || text[q.end..verb].trim().is_empty() && set_off_aside(s, &text[start..q.start]);
        // "3 percent of self-described “moderates” said": a word or two
        // in quotation marks inside the subject, no words reported.
        let scare = || {
            let inner = text[q.clone()].trim_matches(|c: char| !c.is_alphanumeric());
            text[q.end..verb].trim().is_empty()
                // Not "so-called “independent expenditure” reports": a
                // word that is mostly a noun goes with the words before.
                && !text[verb..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| s.g.noun_prone_thirds.has(bare(w)))
                && inner.split_whitespace().count() <= 2
                && inner.split_whitespace().all(|w| {
                    w.starts_with(char::is_lowercase)
                        && !ly_adverb(s, w)
                        && !s.g.coordinators.has(w)
                })
                && text[..q.end]
                    .trim_end_matches(|c: char| s.g.quotes.closes(c) || c == '\'')
                    .ends_with(char::is_alphanumeric)
                && text[start..q.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        };
        if q.end <= verb && q.end > start && !linked() && !in_aside() && !scare() {
            start = q.end;
        }
    }
    let base = start;
    let region = &text[base..verb];
    for pat in &s.g.clause_starts {
        if let Some(i) = region.rfind(pat.as_str()) {
            start = start.max(base + i + pat.len());
        }
    }
    start
}

enum Subject {
    /// The words of the subject, and whether they open the sentence.
    Words(String, bool),
    /// No subject before the verb: the source is named after it.
    After,
    /// The verb has no source of its own (a relative clause).
    Nothing,
}

/// The subject in the words before a verb (`region`, from the clause start).
fn subject(s: &Suggester, ctx: &Context, region: &str, verb: &str, opens: bool) -> Subject {
    // "a “sociopath,”": the comma inside a closing quotation mark sets off
    // as one outside it does.
    let mut words: Vec<&str> = region
        .split_whitespace()
        .map(|w| match without_closing_quotes(s, w) {
            t if t.ends_with(',') => t,
            _ => w,
        })
        .collect();
    // "Scott blasted Congress and said…", "She called on Congress to act
    // and said…", "Marr opposes the levy and has said…": the subject the
    // clause opened with.
    if let Some(i) = conjunction_at(s, region)
        && let Some(subject) = coordinated(s, &words[..region[..i].split_whitespace().count()])
    {
        let first = region.trim_start().starts_with(subject.as_str());
        return Subject::Words(subject, opens && first);
    }
    // "He went on to say…", "insiders were more likely to say…": the
    // subject of the verb that carries the infinitive.
    if words.len() >= 2
        && words[words.len() - 1].eq_ignore_ascii_case(&s.g.words.infinitive)
        && s.g.infinitive_chains.has(bare(words[words.len() - 2]))
    {
        // "The memo goes on to say": the verb before "on", whatever it is.
        let particle = s.g.chain_particles.has(bare(words[words.len() - 2]));
        let before = words.len().saturating_sub(3);
        let subject = coordinated(s, &words[..words.len() - 1]).or_else(|| {
            (particle
                && before > 0
                && before <= 6
                && words[..=before].iter().all(|w| !w.ends_with(','))
                && words[before].chars().all(char::is_lowercase))
            .then(|| words[..before].join(" "))
        });
        if let Some(subject) = subject {
            let first = region.trim_start().starts_with(subject.as_str());
            return Subject::Words(subject, opens && first);
        }
    }
    // "Trump took to Twitter overnight to accuse…": the subject of the
    // act the infinitive is the purpose of.
    if let Some(carrier) = purpose_carrier(s, &words)
        && let Some(subject) = coordinated(s, &words[..=carrier])
    {
        let first = region.trim_start().starts_with(subject.as_str());
        return Subject::Words(subject, opens && first);
    }
    // "As Trump began tweeting", "began floating the narrative": the verb
    // that carries the participle.
    if verb
        .split_whitespace()
        .next()
        .is_some_and(|v| v.ends_with("ing"))
        && words.len() >= 2
        && s.g.ing_chains.has(bare(words[words.len() - 1]))
    {
        words.pop();
    }
    // "Obama responded … by saying…", "…whatever he wanted, from saying":
    // a gerund after a preposition is the subject's of its clause.
    if verb.ends_with("ing")
        && words.len() >= 3
        && s.g.prepositions.has(words[words.len() - 1])
        && let Some(subject) = coordinated(s, &words[..words.len() - 1]).or_else(|| {
            // "The senator drew fierce criticism after declaring": the
            // words before an irregular past, when they are a plain subject.
            // ("The hit singer": after a determiner, no verb.)
            let past = |k: &usize| {
                let w = words[*k];
                w.starts_with(char::is_lowercase)
                    && s.g.plain_pasts.has(bare(w))
                    && !determiner(s, &words[*k - 1].to_lowercase())
            };
            s.g.subordinators
                .has(words[words.len() - 1])
                .then(|| (1..words.len()).find(past))
                .flatten()
                .filter(|&k| {
                    k <= 6
                        && words[..k].iter().all(|w| {
                            let b = bare(w);
                            !w.ends_with(',')
                                && !s.g.subordinators.has(&b)
                                && !s.g.finite_verbs.has(&b)
                                && !s.verbs.contains(&b)
                                && (!w.starts_with(char::is_lowercase) || !b.ends_with("ed"))
                        })
                })
                .and_then(|k| tidy(s, &words[..k].join(" ")))
        })
    {
        let first = region.trim_start().starts_with(subject.as_str());
        return Subject::Words(subject, opens && first);
    }
    // "He's said": the pronoun.
    if let Some(last) = words.last_mut()
        && let Some(stem) = contracted_pronoun(s, last)
    {
        *last = stem;
    }
    // Function words are written in lower case: "(WHO)" is a name.
    let plain = |w: &str| -> Option<String> {
        let t = w.trim_end_matches([',', '.', ';', ':']);
        (!t.is_empty() && t.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’'))
            .then(|| t.to_owned())
    };
    // "has traditionally argued", "justifiably complained": an adverb in
    // -ly between the subject and its verb ("the family said" is no
    // adverb).
    loop {
        if words.last().is_some_and(|w| {
            plain(w).is_some_and(|b| s.g.subject_trailers.has(&b) || ly_adverb(s, &b))
                && !w.ends_with(',')
        }) {
            words.pop();
        } else if let [.., _, lead, time] = words[..]
            // "Ana Ruiz, the mayor, on Friday said": after an aside too.
            && !lead.ends_with(',')
            && !time.ends_with(',')
            && s.g.time_leads.has(lead.to_lowercase())
            && (s.g.time_nouns.has(bare(time))
                || s.g.calendar_words.has(bare(time))
                || time.starts_with(char::is_uppercase) && s.g.capital_months.has(bare(time)))
        {
            words.truncate(words.len() - 2);
            // "A poll out this week": the particle before the time too.
            if let [.., before, part] = words[..]
                && !before.ends_with(',')
                && !part.ends_with(',')
                && s.g.time_leads.has(part.to_lowercase())
            {
                words.pop();
            }
        } else if let [.., _, lead, day, time] = words[..]
            // "on Wednesday morning": a day, then the time of it.
            && !lead.ends_with(',')
            && !day.ends_with(',')
            && !time.ends_with(',')
            && s.g.time_leads.has(lead.to_lowercase())
            && s.g.calendar_words.has(bare(day))
            && s.g.time_nouns.has(bare(time))
        {
            words.truncate(words.len() - 3);
        } else {
            break;
        }
    }
    // "It was three years ago that Michael Bloomberg said": after a
    // clause, "that" opens the clause whose subject speaks.
    if let Some(i) = words
        .iter()
        .rposition(|w| *w == s.g.words.complementiser)
        .filter(|&i| {
            i + 1 < words.len()
                && (i > 2 && clause_like(s, &words[..i].join(" "))
                    // "the group that Marr attacks", "a strike that company
                    // executives said": a relative whose subject is the
                    // words after "that", when they run straight into this
                    // verb; not "The audit that Marr ordered found…", whose
                    // relative has its own verb and this one the noun's.
                    || i >= 1
                        && words.len() - i <= 6
                        && words[i + 1..].iter().all(|w| {
                            let b = bare(w);
                            !w.ends_with(',')
                                && !s.g.finite_verbs.has(&b)
                                && !(w.chars().all(char::is_lowercase)
                                    && (participle_like(&b)
                                        || s.verbs.contains(&b)
                                        || s.g.irregular_pasts.has(&b)
                                        || s.g.plain_pasts.has(&b)))
                        }))
                // "lawmakers, who are close to industries that oppose the
                // rule, have vowed": "that" inside a relative clause set
                // off by commas.
                && !{
                    let piece = words[..i].iter().rposition(|w| w.ends_with(',')).map_or(0, |c| c + 1);
                    s.g.antecedent_relatives.has(words[piece].to_lowercase())
                }
        })
    {
        words.drain(..=i);
    }
    // "…a comparable assessment, while saying…": the link word before a
    // participle after a comma.
    if verb.ends_with("ing")
        && let [.., before, link] = words[..]
        && before.ends_with(',')
        && s.g.subordinators.has(link.to_lowercase())
    {
        words.pop();
    }
    // "not everything Trump says": the name after the pronoun the clause
    // qualifies.
    if let Some(i) = words.iter().rposition(|w| s.g.object_pronouns.has(bare(w)))
        && i + 1 < words.len()
        && words[i + 1..].iter().all(|w| names::capitalised(s, w))
    {
        words.drain(..=i);
    }
    let Some(last) = words.last() else {
        return Subject::After;
    };
    // "She disagreed, saying…", "The company denied it, adding…": who
    // said it is the subject the sentence opened with.
    if last.ends_with(',') && verb.ends_with("ing") {
        // "And even Obama tried…, noting", "But the other candidate…":
        // the link word that opens the sentence is no part of its subject.
        let mut words = &words[..];
        while words.len() > 1
            && !words[0].ends_with(',')
            && s.g.leading_words.has(bare(words[0]))
            && !s.g.time_place_openers.has(bare(words[0]))
        {
            words = &words[1..];
        }
        // "Speaking in Northgate, Becker went after Okafor, calling…", "In
        // a press conference, Trump attacked Obama, calling…": a phrase opens
        // the sentence; its subject follows.
        let joined = words.join(" ");
        let after_opener: Vec<&str>;
        let first = bare(words[0]);
        // "Meanwhile, it attacked Trump, saying…": a link word set off.
        let link = words[0].ends_with(',')
            && (s.g.aside_adverbs.has(&first)
                || s.g.leading_words.has(&first)
                || ly_adverb(s, &first));
        let opener = first.ends_with("ing")
            || link
            || s.g.prepositions.has(&first)
            || s.g.phrase_openers.has(&first)
            // "Earlier this week, Todd pressed…, insisting…", "Hours
            // later, Trump returned…, telling…".
            || s.g.time_place_openers.has(&first)
            || words
                .iter()
                .position(|w| w.ends_with(','))
                .is_some_and(|i| i <= 3 && s.g.time_after_words.has(bare(words[i])))
            // "When Mr. Rubio did take him on, he did it sideways, acknowledging".
            || s.g.subordinators.has(&first) && words.iter().filter(|w| w.ends_with(',')).count() >= 2;
        let words: &[&str] = if opener && (words.len() > 2 || link) {
            // "In his first reaction, during an interview, Mr. Trump…": past
            // every phrase that opens the sentence.
            after_opener = pieces(&joined)
                .into_iter()
                .skip(1)
                .find(|p| {
                    let first = bare(p.split_whitespace().next().unwrap_or(""));
                    !p.is_empty()
                        && !s.g.prepositions.has(&first)
                        && !s.g.phrase_openers.has(&first)
                })
                .map(|p| p.split_whitespace().collect())
                .unwrap_or_default();
            if after_opener.is_empty() {
                words
            } else {
                &after_opener
            }
        } else {
            words
        };
        let first = words[0];
        if s.g.pronouns.has(bare(first)) {
            return Subject::Words(bare(first), false);
        }
        if let Some(np) = opening_np(s, &words.join(" "))
            .or_else(|| {
                // "The mayor left the room, saying…": the article and the
                // shortest run of plain words after it that can speak.
                if !s.g.articles.has(words[0].to_lowercase()) {
                    return None;
                }
                (2..=words.len().min(4))
                    .take_while(|&n| {
                        plain(words[n - 1]).is_some_and(|w| !w.is_empty())
                            && !words[n - 2].ends_with(',')
                    })
                    .map(|n| words[..n].join(" "))
                    .find(|np| can_speak(s, ctx, np.trim_end_matches(','), opens))
            })
            .or_else(|| {
                // "Jane Smith, the mayor, left…": up to the comma.
                let mut head: Vec<&str> = Vec::new();
                for w in words {
                    // "The Vermont senator is sticking…", "Hillary
                    // Clinton’s campaign manager Robby Mook said…": the
                    // nouns the names qualify, and the names after them.
                    let b = bare(w);
                    let role = !head.is_empty()
                        && (s.titles.contains(&b)
                            || s.anonymous.contains(&b)
                            || s.agents.contains(&b));
                    if !(role || names::capitalised(s, w) || s.g.articles.has(w.to_lowercase())) {
                        break;
                    }
                    head.push(w);
                    if w.ends_with(',') {
                        break;
                    }
                }
                while head
                    .last()
                    .is_some_and(|w| s.g.articles.has(w.to_lowercase()))
                {
                    head.pop();
                }
                (!head.is_empty() && head.len() <= 7).then(|| head.join(" "))
            })
        {
            return Subject::Words(np.trim_end_matches(',').to_owned(), opens);
        }
        // "When his family moved back, his mother refused to teach him
        // Japanese, insisting…": the subject of the clause before.
        if let Some(np) = coordinated(s, words) {
            return Subject::Words(np, false);
        }
        return Subject::Nothing;
    }
    // "But, said Solovey, …": a link word alone before the verb.
    if let [only] = words[..]
        && only.ends_with(',')
        && s.g.leading_words.has(bare(only))
    {
        return Subject::After;
    }
    if last.ends_with(',') && words.len() > 1 {
        // "The ship returned, said the captain" / "…, he said,": the piece
        // before the comma is a clause of its own when it is long.
        let region_before = words.join(" ");
        let pieces = pieces(&region_before);
        if pieces
            .iter()
            .rev()
            .find(|p| !p.is_empty() && !aside(s, p))
            .is_some_and(|p| clause_like(s, p))
        {
            return Subject::After;
        }
    }
    let lb = bare(last);
    if !last.ends_with(',') && s.g.pronouns.has(&lb) {
        return Subject::Words(lb, false);
    }
    // "Okafor, who said…", "the ministry, which said…": the relative
    // stands for the name before its comma.
    // A stance in a relative clause ("the council, which plans to…") is
    // an aside, not what the sentence reports.
    if plain(last).is_some_and(|p| s.g.antecedent_relatives.has(p))
        && !s.stance.contains(verb)
        && words.len() > 1
        && words[words.len() - 2].ends_with(',')
    {
        let before = words[..words.len() - 1].join(" ");
        let before = before.trim_end_matches(',');
        let antecedent = pieces(before)
            .into_iter()
            .rev()
            .find(|p| !p.is_empty())
            .and_then(|piece| {
                // "The mayor met Denise Okafor, who said…": the name that
                // ends a clause.
                let ws: Vec<&str> = piece.split_whitespace().collect();
                let name_run = |ws: &[&str]| {
                    ws.iter()
                        .rev()
                        .take_while(|w| names::is_name_word(s, w, false))
                        .count()
                };
                // "Peter T. King of New York", "the Communications Workers
                // of America": a name joined over "of" is one name.
                let mut run = name_run(&ws);
                while run > 0 && run + 1 < ws.len() {
                    let joiner = ws.len() - run - 1;
                    let more = name_run(&ws[..joiner]);
                    if more == 0 || !s.g.name_joiners.has(bare(ws[joiner])) {
                        break;
                    }
                    run += more + 1;
                }
                let lower_before = ws[..ws.len() - run]
                    .iter()
                    .any(|w| w.chars().next().is_some_and(char::is_lowercase));
                if run > 0 && lower_before && !is_name(s, ctx, piece, false) {
                    Some(ws[ws.len() - run..].join(" "))
                } else {
                    // "The talks broke down after the delegation, which
                    // accused…": the noun a clause ends on, with its
                    // article.
                    let np = trailing_noun(s, &ws);
                    let at = ws.len() - np.len();
                    let article = at > 0 && s.g.articles.has(ws[at - 1].to_lowercase());
                    let lead = at
                        .checked_sub(1 + usize::from(article))
                        .map(|i| bare(ws[i]));
                    // Not "one Democrat familiar with the discussion, who
                    // added" (the phrase after the preposition is the
                    // adjective's) nor "officials in the city, who said"
                    // (it places the ones who speak).
                    let held_by = at
                        .checked_sub(2 + usize::from(article))
                        .map(|i| bare(ws[i]));
                    let held = held_by
                        .as_deref()
                        .is_some_and(|b| s.g.postmodifiers.has(b) || people(s, b));
                    // "The head of the delegation, which said": a body's
                    // relative after a person "of" it is the body's (not
                    // "died of brain cancer, which confirmed").
                    let thing = s.g.thing_relatives.has(plain(last).unwrap_or_default())
                        && lead.as_deref() == Some(s.g.words.partitive.as_str())
                        && held_by.as_deref().is_some_and(|b| {
                            people(s, b) || s.titles.contains(b) || s.agents.contains(b)
                        });
                    let opens_np = thing
                        || !held
                            && lead.is_some_and(|l| {
                                s.g.subordinators.has(&l)
                                    || s.g.prepositions.has(&l) && !s.g.name_joiners.has(&l)
                            });
                    // "…,” said one councillor familiar with it, who
                    // added": not the cue before the subject.
                    let from = usize::from(
                        ws.len() > 1 && {
                            let w = ws[0];
                            w.starts_with(char::is_lowercase) && s.verbs.contains(&bare(w))
                        },
                    );
                    let piece = if opens_np && !np.is_empty() {
                        ws[at - usize::from(article)..].join(" ")
                    } else {
                        ws[from..].join(" ")
                    };
                    tidy(s, strip_opener(s, strip_leading(s, &piece)))
                }
            });
        if let Some(t) = antecedent {
            let first = region.trim_start().starts_with(t.as_str());
            return Subject::Words(t, opens && first);
        }
    }
    // "…business leaders who say the law…", "voters who said they…": a
    // verb of saying in a restrictive clause; the source is the noun
    // before the relative.
    // "a new poll that shows…": a paper's verb, of the paper before.
    // "some economists who argue that…": any verb of statement, of people
    // the article does not name.
    if plain(last).is_some_and(|p| s.g.antecedent_relatives.has(p))
        && (s.g.strong_verbs.has(verb)
            || s.g.paper_verbs.has(verb)
            || s.stance.contains(verb)
            || (words.len() > 1 && s.anonymous.contains(&bare(words[words.len() - 2]))))
        && words.len() > 1
    {
        let np = trailing_noun(s, &words[..words.len() - 1]);
        if !np.is_empty()
            && let Some(t) = tidy(s, &np.join(" "))
        {
            let first = region.trim_start().starts_with(t.as_str());
            return Subject::Words(t, opens && first);
        }
    }
    if plain(last).is_some_and(|p| s.g.relatives.has(p)) {
        return Subject::Nothing;
    }
    if words
        .iter()
        .all(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        return Subject::After;
    }
    // "…will pay more after the company said": the subject follows the
    // last word that opens a clause.
    if let Some(i) = words
        .iter()
        .rposition(|w| s.g.subordinators.has(w.to_lowercase()))
        .filter(|&i| {
            i + 1 < words.len()
                && !words[i + 1..].iter().any(|w| w.ends_with(','))
                && !clause_like(s, &words[i + 1..].join(" "))
        })
    {
        words.drain(..=i);
    }
    // "earbuds the company says will last": a determiner not after a
    // preposition starts a clause of its own, whose subject it opens.
    if let Some(i) = words.iter().rposition(|w| s.g.clause_determiners.has(w))
        && i > 0
        && words.len() - i <= 4
        && !words[i - 1].ends_with(',')
        && !s.g.prepositions.has(words[i - 1].to_lowercase())
        && !s.g.finite_verbs.has(bare(words[i - 1]))
        && words[i - 1].chars().all(|c| c.is_lowercase())
        // "a point the office denied": after an article, a noun.
        && (!s.verbs.contains(&bare(words[i - 1]))
            || i >= 2 && s.g.articles.has(words[i - 2].to_lowercase()))
        && !words[i..].iter().any(|w| w.ends_with(','))
    {
        words.drain(..i);
    }
    let joined = words.join(" ");
    // "The officer, identified as Maj. Gen. Shahab Aslam, said": the name
    // a participle gives is the one piece.
    let pieces: Vec<&str> = pieces(&joined)
        .into_iter()
        .map(|p| named_as(s, p).unwrap_or(p))
        .collect();
    // "The charges, which critics say were rushed": the relative clause
    // has a subject of its own, next to the verb.
    if let Some(last) = pieces.last()
        && let Some((rel, rest)) = last.split_once(' ')
        && s.g.relatives.has(rel.to_lowercase())
        && !rest.trim().is_empty()
        // "the mayor, who in March said": the relative is the subject.
        && !rest
            .split_whitespace()
            .next()
            .is_some_and(|w| s.g.prepositions.has(w.to_lowercase()))
        && rest.split_whitespace().count() <= 5
        && !clause_like(s, rest)
    {
        return match tidy(s, rest) {
            Some(t) => Subject::Words(t, false),
            None => Subject::Nothing,
        };
    }
    // The piece nearest the verb that is not an aside; an appositive
    // descriptor gives way to the name before it.
    let mut chosen: Option<usize> = None;
    for (k, piece) in pieces.iter().enumerate().rev() {
        if piece.is_empty() || aside(s, piece) {
            continue;
        }
        chosen = Some(k);
        break;
    }
    let Some(mut k) = chosen else {
        return Subject::After;
    };
    if !is_name(s, ctx, pieces[k], false) {
        let before = (0..k)
            .rev()
            .find(|&j| !pieces[j].is_empty() && !aside(s, pieces[j]));
        // "Okafor, the mayor, said"; not "Significantly, the judge said".
        if let Some(j) = before
            && descriptor(s, pieces[k])
            && !ly_adverb(s, &pieces[j].trim().to_lowercase())
            && is_name(s, ctx, strip_leading(s, pieces[j]), opens && j == 0)
        {
            k = j;
        }
    }
    let piece = strip_leading(s, pieces[k]);
    let piece = strip_opener(s, piece);
    let initial = opens && k == 0 && region.trim_start().starts_with(piece);
    match tidy(s, piece) {
        Some(t) => Subject::Words(t, initial),
        None => Subject::Nothing,
    }
}

/// The subject of a clause whose verb comes after it ("Florida Gov. Rick
/// Scott (R) blasted Congress" → "Florida Gov. Rick Scott (R)"): the words
/// before its first verb, the last comma piece of them.
fn coordinated(s: &Suggester, words: &[&str]) -> Option<String> {
    // "Last month, when I asked Sanders, he looked up and said": the
    // subject of the verb after the last comma, when it has one there.
    // "referred to him as “a bright, charismatic leader” but": a comma
    // inside a quotation sets nothing off.
    if let Some(k) = (0..words.len())
        .rev()
        .find(|&k| words[k].ends_with(',') && !comma_quoted(s, words, k))
        && k + 2 < words.len()
        && let Some(subject) = coordinated(s, &words[k + 1..])
    {
        return Some(subject);
    }
    let verb_like = |w: &str| {
        let l = bare(w);
        w.chars().next().is_some_and(char::is_lowercase)
            && (s.g.finite_verbs.has(&l)
                || s.verbs.contains(&l)
                || (l.ends_with("ed") && l.len() > 3))
    };
    let mut verb = words.iter().position(|w| verb_like(w));
    // "Bush, speaking Monday, referred…": the verb after an aside set off.
    while let Some(v) = verb
        && v > 0
        && words[v - 1].ends_with(',')
        && let Some(close) = (v..words.len()).find(|&k| words[k].ends_with(','))
        && aside(s, &words[v..=close].join(" "))
    {
        verb = (close + 1..words.len()).find(|&k| verb_like(words[k]));
    }
    let verb = verb.or_else(|| {
        // "Becker took the stage…", "He shook hands…": a name or a
        // pronoun, then a word in lower case, its verb.
        let first = words.iter().position(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                || w.ends_with(',')
                || w.ends_with("'s")
                || w.ends_with("’s")
        })?;
        (first > 0
            && first <= 4
            && !words[first - 1].ends_with(',')
            && words[first].chars().next().is_some_and(char::is_lowercase)
            && !s.g.prepositions.has(bare(words[first]))
            && !s.g.relatives.has(bare(words[first]))
            && (first > 1
                    || s.g.pronouns.has(bare(words[0]))
                    // Not "The email goes on": an article is no subject.
                    || names::capitalised(s, words[0]) && !s.g.articles.has(bare(words[0]))))
        .then_some(first)
    })?;
    if verb == 0 {
        return None;
    }
    // "Marr, the mayor, blasted Congress and said": the name before the
    // words that describe it.
    if words[verb - 1].ends_with(',') {
        let np = words[..verb].join(" ");
        let ps = pieces(np.trim_end_matches(','));
        let first = ps.first()?.trim();
        let named = !first.is_empty()
            && first.split_whitespace().count() <= 4
            && first.split_whitespace().all(|w| names::capitalised(s, w));
        return (named
            && ps.len() >= 2
            && ps[1..]
                .iter()
                .all(|p| p.trim().is_empty() || descriptor(s, p) || aside(s, p)))
        .then(|| strip_opener(s, strip_leading(s, first)).to_owned());
    }
    let np = words[..verb].join(" ");
    let piece = pieces(&np)
        .into_iter()
        .rev()
        .find(|p| !p.is_empty() && !aside(s, p))?
        .to_owned();
    let piece = strip_opener(s, strip_leading(s, &piece)).to_owned();
    (piece.split_whitespace().count() <= 8).then_some(piece)
}

/// Whether the comma that ends `words[k]` is inside a quotation: a
/// quotation closes after it before another opens.
fn comma_quoted(s: &Suggester, words: &[&str], k: usize) -> bool {
    let opens = |w: &str| w.starts_with(|c: char| s.g.quotes.opens(c));
    let closes = |w: &str| {
        w.trim_end_matches([',', '.', ';', ':'])
            .ends_with(|c: char| s.g.quotes.closes(c))
    };
    words[k + 1..]
        .iter()
        .find(|w| opens(w) || closes(w))
        .is_some_and(|w| !opens(w) && closes(w))
}

/// What follows `word` and a space at the start of `text`.
fn after_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    text.strip_prefix(word)?.strip_prefix(' ')
}

/// Comma-separated pieces, a comma inside brackets not counting.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            // "4,000 residents": a comma between digits divides nothing.
            ',' if depth <= 0
                && !(text[..i].ends_with(|c: char| c.is_ascii_digit())
                    && text[i + 1..].starts_with(|c: char| c.is_ascii_digit())) =>
            {
                out.push(text[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(text[from..].trim());
    out
}

/// The byte where the conjunction of verbs that `text` ends on starts,
/// past any helpers and adverbs after it ("… and", "… and has since"): the
/// verb after it is a second one of the subject before.
fn conjunction_at(s: &Suggester, text: &str) -> Option<usize> {
    let (i, w) = text
        .split_word_bound_indices()
        .rev()
        .filter(|(_, w)| !w.trim().is_empty())
        .find(|(_, w)| {
            let l = w.to_lowercase();
            // "… and has since said", "… and has publicly said".
            !s.g.verb_helpers.has(&l) && !s.g.helper_adverbs.has(&l) && !ly_adverb(s, &l)
        })?;
    s.g.verb_conjunctions.has(w).then_some(i)
}

/// The noun phrase `words` end on, back to the first word that cannot be
/// in it (a comma, preposition, conjunction, verb, article or relative),
/// four words at most: "…business leaders" in "…among business leaders
/// who say".
fn trailing_noun<'w, 'a>(s: &Suggester, words: &'w [&'a str]) -> &'w [&'a str] {
    let n = words
        .iter()
        .rev()
        .take_while(|w| {
            let b = bare(w);
            !w.ends_with([',', ';', ':'])
                && !s.g.prepositions.has(&b)
                && !s.g.coordinators.has(&b)
                && !s.g.finite_verbs.has(&b)
                && !s.g.articles.has(&b)
                && !s.verbs.contains(&b)
                && !s.g.relatives.has(&b)
        })
        .take(4)
        .count();
    &words[words.len() - n..]
}

/// The name a naming participle gives: "identified as Maj. Gen. Shahab
/// Aslam", "identified by police as John Smith", "named as …" → the words
/// after its "as".
fn named_as<'a>(s: &Suggester, piece: &'a str) -> Option<&'a str> {
    let (first, rest) = piece.split_once(' ')?;
    if !s.g.naming_participles.has(first) {
        return None;
    }
    let at = rfind_word(rest, s.g.words.naming_as.as_str())?;
    let name = rest[at + s.g.words.naming_as.len()..].trim();
    // Not "known as a hard bargainer", "described by police as Hispanic":
    // a name, two capitalised words at least.
    let named = name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
    (!rest[..at].contains(',') && named).then_some(name)
}

/// An aside between a subject and its verb: "who chairs the committee",
/// "speaking on condition…", "67".
fn aside(s: &Suggester, piece: &str) -> bool {
    let first = piece.split_whitespace().next().unwrap_or("");
    let fl = first.to_lowercase();
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    // "D-Ore." after a senator's name: party and state.
    let party = first.len() <= 8
        && piece.split_whitespace().count() == 1
        && first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().nth(1) == Some('-');
    // "fundraising documents", "leading economists": an -ing word before
    // the noun it describes, no aside.
    let noun_after = {
        let ws: Vec<&str> = piece.split_whitespace().collect();
        ws.len() == 2 && !s.verbs.contains(&fl) && {
            let n = bare(ws[1]);
            s.documents.contains(&n) || s.anonymous.contains(&n)
        }
    };
    // ", who are close to the industries," a relative clause set off.
    let relative = s.g.antecedent_relatives.has(&fl) && piece.split_whitespace().count() > 2;
    s.g.aside_openers.has(&fl)
        || relative
        || (fl.ends_with("ing") && lower && !noun_after)
        // "seen by this newspaper", "published on Monday in the journal".
        || (lower && s.g.paper_participles.has(&fl))
        // "known as a tough negotiator": no name given.
        || (lower && s.g.naming_participles.has(&fl))
        // "…, however, shows".
        || (piece.split_whitespace().count() == 1 && s.g.aside_adverbs.has(&fl))
        // "…, for example, said".
        || s.g.aside_phrases.has(piece.trim().to_lowercase())
        || party
        || piece
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
        || fl == s.g.words.statement_preposition
            && piece.split_whitespace().count() > 1
            && piece.contains(s.g.words.statement.as_str())
}

/// A piece that describes rather than names: "a teacher travelling home",
/// "the cabinet member for communities", "regional secretary of the union".
fn descriptor(s: &Suggester, piece: &str) -> bool {
    let first = piece.split_whitespace().next().unwrap_or("");
    s.g.descriptor_openers.has(first.to_lowercase())
        || first.chars().next().is_some_and(char::is_lowercase)
}

fn strip_leading<'a>(s: &Suggester, piece: &'a str) -> &'a str {
    let mut p = piece.trim();
    loop {
        let Some((first, rest)) = p.split_once(char::is_whitespace) else {
            return p;
        };
        if s.g.leading_words.has(bare(first)) && !first.ends_with(',') {
            p = rest.trim_start();
        } else {
            return p;
        }
    }
}

/// "On Tuesday the company" → "the company"; "Last week Okafor" → "Okafor".
fn strip_opener<'a>(s: &Suggester, piece: &'a str) -> &'a str {
    let words: Vec<&str> = piece.split_whitespace().collect();
    // "At least four of the members": a count, no place.
    if words.len() < 3
        || !s.g.time_place_openers.has(words[0].to_lowercase())
        || s.g.count_after_opener.has(words[1].to_lowercase())
    {
        return piece;
    }
    let det = words.iter().skip(1).position(|w| {
        s.g.opener_determiners.has(w.to_lowercase()) || s.g.pronouns.has(w.to_lowercase())
    });
    match det {
        Some(i) => {
            let w = words[i + 1];
            let at = piece.find(w).unwrap_or(0);
            &piece[at..]
        }
        None => piece,
    }
}

/// The noun phrase a sentence opens with, up to its verb, when it is
/// plural or counts people ("A group of farmers asked…").
fn opening_np(s: &Suggester, before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    if words.len() < 4 {
        return None;
    }
    let verb = words.iter().skip(1).position(|w| {
        let l = bare(w);
        w.chars().next().is_some_and(char::is_lowercase)
            && (s.g.finite_verbs.has(&l)
                || s.verbs.contains(&l)
                || (l.ends_with("ed") && l.len() > 4))
    })? + 1;
    let np = &words[..verb];
    if np.len() > 6 || np.iter().any(|w| w.ends_with(',')) {
        return None;
    }
    let (head, _) = head_of(s, np);
    let h = bare(np[head]);
    (h.ends_with('s') || s.anonymous.contains(&h)).then(|| np.join(" "))
}

/// Cut at a restrictive relative clause and at a long tail; `None` when
/// what is left is no subject.
fn tidy(s: &Suggester, piece: &str) -> Option<String> {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    if let Some(i) = words.iter().position(|w| s.g.subject_enders.has(bare(w))) {
        words.truncate(i);
    }
    // "a structural engineer I spoke to": a clause without "who".
    if let Some(i) = words
        .iter()
        .skip(1)
        .position(|w| s.g.clause_pronouns.has(w))
    {
        words.truncate(i + 1);
    }
    // "he also", "Kasich jokingly"; not the name in "Theresa May", "Ana
    // Will": a capital after a capital is a name's.
    while let [.., prev, last] = words[..]
        && s.g.subject_trailers.has(bare(last))
        && !(last.starts_with(char::is_uppercase) && prev.starts_with(char::is_uppercase))
    {
        words.pop();
    }
    // "A U.S. law enforcement official familiar with the case": a long
    // subject ends before the adjective that takes a phrase after it.
    if words.len() > 8
        && let Some(i) = words
            .iter()
            .skip(2)
            .position(|w| s.g.postmodifiers.has(bare(w)))
    {
        words.truncate(i + 2);
    }
    if words.len() > 8
        && let Some(i) = words.iter().skip(1).position(|w| {
            let l = w.to_lowercase();
            s.g.prepositions.has(&l) && !s.g.kept_after.has(&l)
        })
    {
        words.truncate(i + 1);
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    // "Having said that, …": a helper, no one who speaks.
    if words.len() == 1 && bare(words[0]).ends_with("ing") && s.g.verb_helpers.has(bare(words[0])) {
        return None;
    }
    let joined = words.join(" ");
    let joined = joined.trim_matches(|c: char| !c.is_alphanumeric() && !"()%".contains(c));
    // "42% say": a share is a subject though it has no letter.
    let share = joined.ends_with('%') && joined.starts_with(|c: char| c.is_ascii_digit());
    if joined.is_empty()
        || (words.len() == 1 && s.g.leading_words.has(joined.to_lowercase()))
        || !(share || joined.chars().any(char::is_alphabetic))
    {
        return None;
    }
    Some(joined.to_owned())
}

/// The name set off by a comma right after the phrase `p` that starts
/// `after`, if there is one ("a statement from her son, Matei Vasilescu";
/// "the Deputy Minister of Health, Dr. Lidia Koranova,"), else `p`.
fn set_off(s: &Suggester, after: &str, p: String) -> String {
    let name = after
        .trim_start()
        .get(p.len()..)
        .and_then(|rest| rest.strip_prefix(", "))
        .and_then(|rest| {
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                if c == ','
                    || c == ';'
                    || (c == '.'
                        && !byline_model::article::is_abbreviation(
                            rest[..i].split_whitespace().next_back().unwrap_or(""),
                        ))
                {
                    end = i;
                    break;
                }
            }
            let n = &rest[..end];
            let ws: Vec<&str> = n.split_whitespace().collect();
            ((2..=5).contains(&ws.len()) && ws.iter().all(|w| names::capitalised(s, w)))
                .then(|| n.to_owned())
        });
    name.unwrap_or(p)
}

/// The source named after a cue: up to the first comma or clause mark.
/// `names_only`: after an inverted verb, the name or a short phrase
/// ("said the minister"), not the time after it.
fn phrase_after(s: &Suggester, after: &str, names_only: bool) -> Option<String> {
    // A full stop after a title or an initial ("Dr.", "J.R.") goes on.
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            if c == '.' {
                let word = after[..i].split_whitespace().next_back().unwrap_or("");
                return !byline_model::article::is_abbreviation(word);
            }
            // "… poll last week - virtually the same": a spaced hyphen is
            // a dash.
            if c == '-' {
                return after[..i].ends_with(char::is_whitespace)
                    && after[i + 1..].starts_with(char::is_whitespace);
            }
            [',', ';', ':', '(', '—', '!', '?'].contains(&c) || s.g.quotes.end_source.contains(&c)
        })
        .map_or(after.len(), |(i, _)| i);
    let mut words: Vec<&str> = after[..end].split_whitespace().collect();
    // "Laut einem Gutachten des Büros Falk & Partner ist …": where the
    // verb comes second, the phrase ends at the first word in lower case
    // that is no article, preposition or joiner (nouns have capitals).
    if s.g.verb_second
        && let Some(i) = words.iter().position(|w| {
            let l = bare(w);
            w.chars().next().is_some_and(char::is_lowercase)
                && !s.g.articles.has(&l)
                && !s.g.prepositions.has(&l)
                && !s.g.name_joiners.has(&l)
                && !s.g.dropped_articles.has(&l)
        })
        && i > 0
    {
        words.truncate(i);
    }
    if let Some(i) = words
        .iter()
        .position(|w| s.g.source_enders.has(w.to_lowercase()))
        .filter(|&i| i > 0)
    {
        words.truncate(i);
    }
    if names_only {
        if let Some(i) = words
            .iter()
            .position(|w| s.g.name_enders.has(w.to_lowercase()))
            .filter(|&i| i > 0)
        {
            words.truncate(i);
        }
        words.truncate(8);
        while words
            .last()
            .is_some_and(|w| s.g.name_joiners.has(w.to_lowercase()))
        {
            words.pop();
        }
    }
    // "according to early results of the exit polls conducted for … by
    // …": a long phrase ends before its participle.
    if words.len() > 10
        && let Some(i) = words.iter().skip(2).position(|w| participle_like(w))
    {
        words.truncate(i + 2);
    }
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let joined = words.join(" ");
    let joined = joined.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    (!joined.is_empty()).then(|| joined.to_owned())
}

/// The name that is `piece`, if it is one (a person's or a body's name,
/// perhaps with titles and "the").
fn name_of(s: &Suggester, ctx: &Context, piece: &str, initial: bool) -> Option<Named> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let skip = usize::from(words.first().is_some_and(|w| bare(w) == s.g.words.article));
    let rest = &words[skip..];
    if rest.is_empty() {
        return None;
    }
    let first_initial = initial && skip == 0;
    // "van der Berg": particles may open a surname.
    let all_names = rest.iter().enumerate().all(|(i, w)| {
        names::is_name_word(s, w, first_initial && i == 0)
            || (i + 1 < rest.len()
                && s.g.name_joiners.has(bare(w))
                && (i > 0 || s.g.name_particles.has(bare(w))))
    });
    if !all_names {
        // "Oldmoor coach Ji-ho Park": a title or role, then the name.
        let run = rest
            .iter()
            .rev()
            .take_while(|w| names::is_name_word(s, w, false))
            .count();
        let at = rest.len() - run;
        if run > 0
            && at > 0
            && (run > 1 || ctx.knows(rest[at]))
            && at <= 3
            && s.titles.contains(&bare(rest[at - 1]))
        {
            return names::classify_run(s, &rest[at..].join(" "));
        }
        return None;
    }
    let text = rest.join(" ");
    // One capitalised word opening a sentence is a name when the article
    // has named it before ("Okafor said"), or when it is no word a
    // descriptor is made of: not plural ("Passengers said"), not a body
    // ("Police said"), not on a list.
    if rest.len() == 1 && first_initial && !ctx.knows(rest[0]) && !ctx.written_as_name(rest[0]) {
        let script = rest[0].chars().any(|c| c.is_alphabetic() && !c.is_ascii());
        let b = bare(rest[0]);
        let plural = b.ends_with('s') && !b.ends_with("ss");
        let listed = s.anonymous.contains(&b)
            || s.agents.contains(&b)
            || s.documents.contains(&b)
            || s.titles.contains(&b)
            || s.speaking_for.contains(&b)
            || s.g.common_capitals.has(&b);
        if !script && (plural || listed) {
            return None;
        }
    }
    names::classify_run(s, &text)
}

fn is_name(s: &Suggester, ctx: &Context, piece: &str, initial: bool) -> bool {
    name_of(s, ctx, piece, initial).is_some()
}

/// A person's name as the annotator writes it: whole, from the article's
/// first full mention when only a part is given.
fn person(ctx: &Context, name: &str) -> String {
    if let Some(full) = ctx.full_name(name)
        && full.len() > name.len()
    {
        return full.to_owned();
    }
    name.to_owned()
}

/// `found` with the words that named its source here, when the source it
/// was given says more.
fn mentioned(mut found: Option<Found>, words: &str) -> Option<Found> {
    if let Some(f) = &mut found
        && f.source.as_deref().is_some_and(|s| s != words)
    {
        f.mention = Some(words.to_owned());
    }
    found
}

/// Whether a subject can say, warn or estimate something.
/// A share of people as a subject, as polls report them: "42%", "Most",
/// "Four in 10 voters", "Only about half of Republicans", "A majority of
/// voters".
fn quantity(s: &Suggester, words: &[&str]) -> bool {
    let Some(i) = words.iter().position(|w| {
        let b = bare(w);
        !s.g.approximators.has(&b) && !s.g.articles.has(&b)
    }) else {
        return false;
    };
    let w = words[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
    let next = words.get(i + 1).map(|w| bare(w)).unwrap_or_default();
    // "the most recent Tribune survey": one paper, not a share.
    if i > 0
        && bare(words[i - 1]) == s.g.words.article
        && s.g.superlatives.has(w.to_lowercase())
        && next != s.g.words.partitive
    {
        return false;
    }
    // "42%", "4 in 10", "40 percent of", not "a 2022 inspection".
    let number =
        w.starts_with(|c: char| c.is_ascii_digit()) || s.g.number_words.has(w.to_lowercase());
    // "two-thirds", "three-quarters": a number joined to its share.
    let fraction = w.split_once('-').is_some_and(|(n, d)| {
        s.g.number_words.has(n.to_lowercase()) && s.g.share_words.has(d.to_lowercase())
    });
    let share = w.ends_with('%')
        || fraction
        || s.g.share_words.has(w.to_lowercase())
        || (number
            && (s.g.share_words.has(&next)
                || next == s.g.words.partitive
                || next == s.g.words.ratio));
    words.len() <= 12 && (share || s.g.number_words.has(w.to_lowercase()))
}

fn can_speak(s: &Suggester, ctx: &Context, subj: &str, initial: bool) -> bool {
    let words: Vec<&str> = subj.split_whitespace().collect();
    if words.len() == 1 && s.g.pronouns.has(bare(words[0])) {
        return true;
    }
    if quantity(s, &words) {
        return true;
    }
    let (head, _) = head_of(s, &words);
    // A name that is the subject, not one that only qualifies it ("the
    // woeful United defence").
    if is_name(s, ctx, subj, initial) || names::is_name_word(s, words[head], initial && head == 0) {
        return true;
    }
    let h = bare(words[head]);
    // "The prince called for…": a title of a person alone is the person
    // holding it ("defence" in "the United defence" is none).
    if s.anonymous.contains(&h)
        || s.agents.contains(&h)
        || s.documents.contains(&h)
        || s.speaking_for.contains(&h)
        || s.g.he_titles.has(&h)
        || s.g.she_titles.has(&h)
    {
        return true;
    }
    speaker_by_ending(s, &h)
}

/// A noun, singular or plural, whose ending says it is someone who can
/// speak: "resident", "opponents"; not "postponement" (the speakers in
/// -ment, "government", are in the lexicon's agents).
fn speaker_by_ending(s: &Suggester, w: &str) -> bool {
    let one = w.strip_suffix('s').unwrap_or(w);
    one.len() > 4
        && s.g
            .speaker_endings
            .iter()
            .any(|e| one.ends_with(e.as_str()))
        && !s.g.thing_endings.iter().any(|e| one.ends_with(e.as_str()))
}

/// A noun for people who can speak ("officials", "lawyer", "residents"),
/// not a body or a document ("investigation", "memo", "letter").
fn people(s: &Suggester, w: &str) -> bool {
    let one = w.strip_suffix('s').unwrap_or(w);
    !s.documents.contains(w)
        && !s.documents.contains(one)
        && (s.anonymous.contains(w) || speaker_by_ending(s, w))
}

fn is_document(s: &Suggester, subj: &str) -> bool {
    let words: Vec<&str> = subj.split_whitespace().collect();
    document_head(s, &words).is_some()
}

/// [`head_of`] a phrase that names a document; "Campaign and corporate
/// records": the head of the last coordinated part.
fn document_head(s: &Suggester, words: &[&str]) -> Option<(usize, usize)> {
    if words.is_empty() {
        return None;
    }
    let (head, tail) = head_of(s, words);
    if s.documents.contains(&bare(words[head])) {
        return Some((head, tail));
    }
    if tail < words.len() && s.g.coordinators.has(words[tail].to_lowercase()) {
        let (h, t) = document_head(s, &words[tail + 1..])?;
        return Some((tail + 1 + h, tail + 1 + t));
    }
    None
}

/// The head word of a descriptor (its last word before a preposition or a
/// participle), and where what follows it starts.
fn head_of(s: &Suggester, words: &[&str]) -> (usize, usize) {
    let tail = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|&(i, w)| {
            let l = w.to_lowercase();
            // "University of New Hampshire poll": "of" inside a name.
            let in_name = s.g.name_joiners.has(&l)
                && !s.g.coordinators.has(&l)
                && names::capitalised(s, words[i - 1])
                && words.get(i + 1).is_some_and(|n| names::capitalised(s, n));
            // "Current and former officials": two words that qualify one
            // noun, no two subjects.
            let qualifiers = s.g.coordinators.has(&l) && i + 2 < words.len() && {
                let noun = |w: &str| {
                    let b = bare(w);
                    s.anonymous.contains(&b) || s.agents.contains(&b) || s.documents.contains(&b)
                };
                words[i + 1].chars().all(char::is_lowercase)
                    // Not "Trump and other Republicans".
                    && !s.g.coordinated_others.has(bare(words[i + 1]))
                    && !noun(words[i - 1])
                    && !noun(words[i + 1])
                    && (noun(words[i + 2])
                        || words[i + 2].chars().all(char::is_lowercase)
                            && words.get(i + 3).is_some_and(|w| noun(w)))
            };
            !in_name
                && !qualifiers
                && (s.g.prepositions.has(&l)
                    || s.g.paper_participles.has(&l)
                    || s.g.coordinators.has(&l)
                    // "The retired neurosurgeon": after an article it
                    // qualifies the noun.
                    || (participle_like(w) && !s.g.articles.has(bare(words[i - 1]))))
        })
        .map_or(words.len(), |(i, _)| i);
    // "a group of farmers", "dozens of residents": the head is after "of".
    if tail > 0
        && tail + 1 < words.len()
        && words[tail] == s.g.words.partitive
        && s.g.collectives.has(bare(words[tail - 1]))
    {
        let (h, t) = head_of(s, &words[tail + 1..]);
        return (tail + 1 + h, tail + 1 + t);
    }
    (tail.saturating_sub(1), tail)
}

/// What the words of a subject come to once the words around it that name
/// no one are gone.
enum Trimmed<'a> {
    Words(Vec<&'a str>),
    /// The subject is the name these words end with.
    From(String),
    /// No one speaks ("will reporters…?", "is bleak", a day).
    NoOne,
    /// Someone speaks whom the words do not name ("to Ukraine", "by").
    Unnamed,
}

/// The subject `src` without what comes before or after it that names no
/// one.
fn trimmed<'a>(s: &Suggester, ctx: &Context, src: &'a str, initial: bool) -> Trimmed<'a> {
    let mut words: Vec<&str> = src.split_whitespace().collect();
    // "as to whether Cruz", "was what Liz Wahl": the subject of the clause
    // the question word opens.
    if let Some(i) = words.iter().rposition(|w| {
        let b = bare(w);
        s.g.question_openers.has(&b)
            && !s.g.prepositions.has(&b)
            && w.chars().all(char::is_lowercase)
    }) && i + 1 < words.len()
    {
        words.drain(..=i);
    }
    // "On Saturday Sen. Elizabeth Warren", "At the party convention
    // Warren": a phrase of time or place before the subject, no comma
    // between; the name after it.
    let opener = |w: &str| {
        let b = bare(w);
        (w.chars().all(char::is_lowercase) || w.chars().skip(1).all(char::is_lowercase))
            && (s.g.time_place_openers.has(&b) || s.g.calendar_words.has(&b))
    };
    // Not "at least a dozen members of Congress", "he and Mr. Allen",
    // "Republican leaders to disavow Mr. Trump": a name inside the subject.
    let plain_prefix = |i: usize| {
        words[..i].iter().all(|w| {
            let b = bare(w);
            !s.g.verb_conjunctions.has(&b)
                && !s.g.coordinators.has(&b)
                && b != s.g.words.infinitive
                && !participle_like(&b)
        })
    };
    let name_from = |i: usize| {
        !words[i - 1].ends_with(',')
            && plain_prefix(i)
            && name_of(s, ctx, &words[i..].join(" "), false).is_some()
    };
    let named = if words.len() > 2
        && opener(words[0])
        && !(1..words.len().min(3)).any(|i| quantity(s, &words[i..]))
        // Not "March for Bernie at DNC": a name that starts like one.
        && name_of(s, ctx, &words.join(" "), initial).is_none()
        && !s.g.name_joiners.has(bare(words[1]))
    {
        (1..words.len()).find(|&i| {
            let b = bare(words[i]);
            !s.g.calendar_words.has(&b)
                && (s.titles.contains(&b) || names::capitalised(s, words[i]))
                && name_from(i)
        })
    } else {
        // "party convention Sen. Elizabeth Warren" (after "At the"): a
        // title after plain words opens the subject.
        (1..words.len()).find(|&i| {
            let b = bare(words[i]);
            let prev = words[i - 1];
            (i >= 2
                && s.titles.contains(&b)
                && names::capitalised(s, words[i])
                && prev.chars().all(char::is_lowercase)
                && words[i - 2].chars().all(char::is_lowercase)
                && !s.g.articles.has(prev)
                // Not "a top adviser for President Obama", "a commission
                // appointed by President Bush".
                && words[1..i].iter().all(|w| !s.g.prepositions.has(bare(w))))
                && name_from(i)
        })
    };
    if let Some(i) = named {
        return Trimmed::From(words[i..].join(" "));
    }
    // "…issued a statement Tuesday saying": a day is no one.
    if let [only] = words[..]
        && (s.g.calendar_words.has(bare(only)) || s.g.time_nouns.has(bare(only)))
    {
        return Trimmed::NoOne;
    }
    // "will reporters still want…?", "is bleak": a question's helper or a
    // predicate is no subject.
    let first_plain = |is: &dyn Fn(&str) -> bool| {
        words
            .first()
            .is_some_and(|w| w.chars().all(char::is_lowercase) && is(w))
    };
    if first_plain(&|w| s.g.verb_helpers.has(w) && !s.g.pronouns.has(w)) {
        return Trimmed::NoOne;
    }
    // "to Ukraine", "by": a phrase of a preposition; who speaks is not in
    // it (the annotator names them).
    // ("about 20 people", "at least four of the nine members" are
    // counted people).
    if first_plain(&|w| s.g.prepositions.has(w) && !s.g.approximators.has(w))
        && !(1..words.len().min(3)).any(|i| quantity(s, &words[i..]))
    {
        return Trimmed::Unnamed;
    }
    // "he also", "Kasich jokingly", "I can": the subject without the
    // helpers and adverbs before its verb.
    while words.len() > 1
        && words.last().is_some_and(|w| {
            w.chars().all(char::is_lowercase)
                && (s.g.subject_trailers.has(*w) || s.g.verb_helpers.has(*w) || ly_adverb(s, w))
        })
    {
        words.pop();
    }
    if words.is_empty() {
        return Trimmed::NoOne;
    }
    // "The", "And", "Why": a word that only opens a phrase names no one;
    // someone speaks, in words not read here.
    if let [only] = words[..] {
        let b = bare(only);
        // "Why not just say…?": the writer's own question.
        if s.g.question_openers.has(&b) && only.starts_with(char::is_uppercase) {
            return Trimmed::NoOne;
        }
        if s.g.articles.has(&b)
            || s.g.coordinators.has(&b)
            || s.g.question_openers.has(&b)
            || (s.g.leading_words.has(&b) && !s.g.pronouns.has(&b))
        {
            return Trimmed::Unnamed;
        }
    }
    Trimmed::Words(words)
}

/// Sourced or anonymous, and the source as an annotator would write it.
fn classify(s: &Suggester, ctx: &Context, src: &str, initial: bool) -> Option<Found> {
    let found = |kind, source: Option<String>, person, grade| {
        Some(Found::source(kind, source, person, grade))
    };
    let words = match trimmed(s, ctx, src, initial) {
        Trimmed::Words(w) => w,
        Trimmed::From(rest) => return classify(s, ctx, &rest, false),
        Trimmed::NoOne => return None,
        Trimmed::Unnamed => return Some(Found::unnamed()),
    };
    let joined = words.join(" ");
    let src = joined.as_str();
    let lower = bare(src);
    // "neither company would confirm": no one says anything.
    if s.g.nobody_words.has(bare(words[0])) {
        return None;
    }
    // "I said as much", "we were told": the writer is no source.
    if words.len() == 1 && s.g.writer_pronouns.has(&lower) {
        return None;
    }
    if words.len() == 1 && s.g.pronouns.has(&lower) {
        let g = Gender::of_pronoun(s, &lower);
        let carried = g.is_none() && s.g.last_source_pronouns.has(&lower);
        let resolved = match g {
            Some(g) => ctx
                .person_for(s, g)
                .map(|p| (Kind::Sourced, p.to_owned(), true)),
            None if carried => ctx.last_source().map(|(k, p)| (*k, p.clone(), false)),
            None => None,
        };
        let mut f = match resolved {
            Some((kind, p, person)) => found(kind, Some(p), person, Grade::Resolved),
            None => found(Kind::Sourced, None, false, Grade::Pronoun),
        };
        if let Some(f) = &mut f {
            f.by = g;
            f.carried = carried;
        }
        return f;
    }
    // "42% say", "Most believe", "A majority of voters think": people no
    // one names, counted. ("Two people … said" is a descriptor, below.)
    let start = words
        .iter()
        .position(|w| !s.g.approximators.has(bare(w)))
        .unwrap_or(0);
    // "Four in 10 voters", "Seven of 10": a number of a number is a share.
    let of_number = words.get(start + 1).is_some_and(|w| {
        let b = bare(w);
        b == s.g.words.ratio || b == s.g.words.partitive
    }) && words.get(start + 2).is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit()) || s.g.number_words.has(bare(w))
    });
    if quantity(s, &words) && (!s.g.number_words.has(bare(words[start])) || of_number) {
        let mut text = words[start..].join(" ");
        // Written as in a sentence: "most", "a majority of voters".
        if words[start].chars().skip(1).all(char::is_lowercase) {
            text = lower_first(&text);
        }
        let text = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
        return found(
            Kind::Anonymous,
            Some(text.to_owned()),
            false,
            Grade::Resolved,
        );
    }
    // The whole subject a name: "Councillor Denise Okafor", "Okafor",
    // "the Maritime Safety Directorate".
    if let Some(n) = name_of(s, ctx, src, initial) {
        return match n {
            Named::Person(p) => mentioned(
                found(Kind::Sourced, Some(person(ctx, &p)), true, Grade::Resolved),
                &p,
            ),
            Named::Body(b) => found(Kind::Sourced, Some(b), false, Grade::Resolved),
        };
    }
    // "Campaign and corporate records": one document, of two keepers.
    let (head, tail) = document_head(s, &words).unwrap_or_else(|| head_of(s, &words));
    let h = bare(words[head]);
    let named_in = |ws: &[&str], start: bool| -> Option<Named> {
        names::name_runs(s, &ws.join(" "))
            .into_iter()
            .chain(
                // A name at the sentence start is not caught by the runs.
                // "Pinchbeck's spokesman": a possessive is a name.
                ws.first()
                    .filter(|w| {
                        (!start || w.ends_with("'s") || w.ends_with("’s"))
                            && names::is_name_word(s, w, false)
                    })
                    .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_string()),
            )
            .find_map(|r| names::classify_run(s, &r))
    };
    // "Analysts at Strand Capital", "Strand Capital analysts": the body.
    if s.speaking_for.contains(&h) {
        // "A Democratic strategist", "the Afghan representatives": an
        // adjective, no body; but a party's spokesman speaks for it.
        let parties = !s.g.party_voices.has(&h);
        let before = named_in(&words[..head], initial).filter(|n| {
            let (Named::Person(t) | Named::Body(t)) = n;
            !names::proper_adjectives_of(s, t, parties)
        });
        let after = named_in(&words[tail..], false);
        if let Some(n) = before.or(after) {
            return match &n {
                Named::Person(p) => mentioned(
                    found(Kind::Sourced, Some(person(ctx, p)), false, Grade::Resolved),
                    p,
                ),
                Named::Body(b) => found(Kind::Sourced, Some(b.clone()), false, Grade::Resolved),
            };
        }
    }
    let descriptor = describe(s, ctx, &words, tail, initial);
    if s.anonymous.contains(&h) {
        return found(Kind::Anonymous, Some(descriptor), false, Grade::Resolved);
    }
    let first = bare(words[0]);
    let definite = s.g.definite_determiners.has(&first)
        || words[0].ends_with("’s")
        || words[0].ends_with("'s");
    // "figures released by the city's finance department": the body.
    if s.documents.contains(&h)
        && let Some(by) = words
            .iter()
            .position(|w| s.g.issuer_prepositions.has(w))
            .filter(|&i| i > head)
            // "seen by this newspaper": who read it, not who wrote it.
            .filter(|&i| !s.g.reader_participles.has(words[i - 1]))
        && by + 1 < words.len()
    {
        let by_words = &words[by + 1..];
        // "a study published in the Journal of Fictional Neurology".
        let named = names::name_runs(s, &words[head + 1..].join(" "))
            .into_iter()
            .find_map(|r| names::classify_run(s, &r));
        let issuer = match named {
            // "a study by the University of Tarsk", "Data from the
            // National Fisheries Agency".
            Some(Named::Body(b)) => Some(b),
            Some(Named::Person(p)) => Some(person(ctx, &p)),
            None if s.g.issuer_descriptors.has(words[by]) => {
                let (_, cut) = head_of(s, by_words);
                Some(describe(s, ctx, by_words, cut, false))
            }
            None => None,
        };
        if let Some(issuer) = issuer {
            return found(Kind::Sourced, Some(issuer), false, Grade::Resolved);
        }
    }
    if s.documents.contains(&h) || definite {
        // "the directorate" is the Maritime Safety Directorate named before,
        // "the governor" the Gov. Helen Okafor, "the company" the last
        // company named.
        if first == s.g.words.article
            && head == 1
            && let Some(p) = ctx.holder(&h)
        {
            let role = format!("{} {descriptor}", s.g.words.article);
            return mentioned(
                found(Kind::Sourced, Some(p.to_owned()), true, Grade::Resolved),
                &role,
            );
        }
        let body = (first == s.g.words.article && head == 1)
            .then(|| {
                ctx.body_ending(&h)
                    .or_else(|| s.g.company_heads.has(&h).then(|| ctx.company(s)).flatten())
            })
            .flatten();
        // "the company", "the board": a role alone reads with its article.
        let role = format!("{} {descriptor}", s.g.words.article);
        return match body {
            // The body named before, and the words that mean it here.
            Some(b) => mentioned(
                found(Kind::Sourced, Some(b.to_owned()), false, Grade::Resolved),
                &role,
            ),
            None if first == s.g.words.article && head == 1 => {
                found(Kind::Sourced, Some(role), false, Grade::Resolved)
            }
            None => found(Kind::Sourced, Some(descriptor), false, Grade::Resolved),
        };
    }
    let indefinite = s.g.indefinite_determiners.has(&first);
    let plural = h.ends_with('s') && !h.ends_with("ss");
    // "Organisers said", "Prosecutors said": known by their role.
    if indefinite || plural && !s.agents.contains(&h) {
        return found(Kind::Anonymous, Some(descriptor), false, Grade::Resolved);
    }
    found(Kind::Sourced, Some(descriptor), false, Grade::Resolved)
}

/// A descriptor as the annotator writes it: without its article or "own",
/// the first word in lower case when only the sentence made it a capital,
/// and without what follows the head unless it says who the source is
/// ("close to", "familiar with", "at").
fn describe(s: &Suggester, ctx: &Context, words: &[&str], tail: usize, initial: bool) -> String {
    let mut ws: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let keep_tail = words
        .get(tail)
        .is_some_and(|w| s.g.kept_after.has(w.to_lowercase()));
    if !keep_tail {
        ws.truncate(tail);
    }
    let lone = ws.get(1).is_none_or(|n| !names::capitalised(s, n));
    let acronym = ws.first().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && w.chars().all(|c| !c.is_lowercase())
    });
    // "Okafor's office": a possessive whose stem is no word of a list
    // (not "Council's") is a name's.
    let named_possessive = ws.first().is_some_and(|w| {
        before_apostrophe_s(w).is_some_and(|stem| {
            let b = stem.to_lowercase();
            stem.starts_with(char::is_uppercase)
                && !(s.anonymous.contains(&b)
                    || s.agents.contains(&b)
                    || s.documents.contains(&b)
                    || s.titles.contains(&b)
                    || s.speaking_for.contains(&b)
                    || s.g.common_capitals.has(&b)
                    || s.g.pronouns.has(&b)
                    || s.g.articles.has(&b))
        })
    });
    // Where nouns have capitals, the first word keeps its own.
    if initial
        && !acronym
        && !named_possessive
        && !s.g.nouns_capitalised
        && let Some(w) = ws.first_mut()
        && (!names::is_name_word(s, w, true) || lone && !ctx.knows(w))
        // "Republicans said": the article writes it with its capital.
        && !ctx.capitalises(w)
        // "Iranian officials": an adjective of a nation keeps its capital.
        && !s.g.proper_adjectives.has(bare(w))
    {
        *w = w.to_lowercase();
    }
    while ws.len() > 1 && s.g.dropped_articles.has(ws[0].to_lowercase()) {
        ws.remove(0);
    }
    ws.retain(|w| *w != s.g.words.own);
    // "the council's own papers" → "council papers", "the city's finance
    // department" → "city finance department"; "the mayor's office" keeps
    // its possessive (a person's office is theirs).
    if ws.len() > 1 {
        for suffix in ["’s", "'s"] {
            if let Some(b) = ws[0].strip_suffix(suffix)
                && s.g.possessive_bodies.has(b)
            {
                ws[0] = b.to_owned();
            }
        }
    }
    let joined = ws.join(" ");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_owned()
}

/// How a source's words read on their own (issue 22's imports, the
/// annotator's source hint): sourced or anonymous, and whether the
/// reading is sure (a name, a body, an unnamed-source word) or a guess (a
/// bare pronoun or a descriptor).
pub(super) fn read_source(s: &Suggester, source: &str) -> Option<(Kind, bool)> {
    // Read as a sentence opening: a capital on the first word says nothing.
    let f = classify(s, &Context::default(), source.trim(), true)?;
    let sure = f.grade == Grade::Resolved
        && (f.person || f.kind == Kind::Anonymous || {
            let src = f.source.as_deref().unwrap_or("");
            // A name, or a body or paper by its common noun ("the port
            // authority", "the ministry", "court filings").
            src.split_whitespace().any(|w| names::capitalised(s, w))
                || src
                    .split_whitespace()
                    .next_back()
                    .map(bare)
                    .is_some_and(|h| s.agents.contains(&h) || s.documents.contains(&h))
        });
    Some((f.kind, sure))
}

/// A paragraph of the form "Speaker: their words": a headline ("Okafor:
/// Levy Will Stay"), a transcript ("MATTHEWS: Well, …") or a quotation
/// set after its speaker ("Ruiz: “We need more time.”"), the speaker a
/// name of at most six words. In a headline any name will do; in the body
/// a person's, or a body's when a quotation follows the colon.
pub(super) fn speaker_colon(
    s: &Suggester,
    ctx: &Context,
    text: &str,
    quotes: &[Range<usize>],
    headline: bool,
) -> Option<Raw> {
    let (who, said) = text.split_once(": ")?;
    // "\"WALLACE: Let’s start…": a transcript quoted whole.
    let who = who.trim().trim_start_matches(|c: char| s.g.quotes.opens(c));
    let n = who.split_whitespace().count();
    if n == 0 || n > 6 || !said.chars().any(char::is_alphanumeric) {
        return None;
    }
    // "Q: …", "A: …": an interview's words, its speakers not named.
    let interview = s.g.quotes.interview_markers.iter();
    if s.g.colon_labels.has(who.to_lowercase())
        || interview
            .clone()
            .any(|m| text.trim_start().starts_with(m.as_str()))
    {
        return None;
    }
    // A transcript writes its speakers in capitals: "JAKE TAPPER".
    let letters = || who.chars().filter(|c| c.is_alphabetic());
    let shouted = letters().count() > 1 && letters().all(char::is_uppercase);
    let who: std::borrow::Cow<str> = if shouted {
        who.split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| {
                        c.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<String>>()
            .join(" ")
            .into()
    } else {
        who.into()
    };
    let colon = text.find(": ")? + 2;
    let opens_quote = || {
        let at = colon + (text[colon..].len() - text[colon..].trim_start().len());
        quotes.iter().any(|q| q.start == at)
    };
    let words: Vec<&str> = who.split_whitespace().collect();
    // "The Latest: …", "Big Win For Bernie: …", "Netanyahu and Obama: A
    // Tortured Relationship": a title's words name a subject, not who speaks.
    if words.iter().enumerate().any(|(i, w)| {
        let w = bare(w);
        (i == 0 && s.g.articles.has(&w)) || s.g.prepositions.has(&w) || s.g.coordinators.has(&w)
    }) {
        return None;
    }
    // "Iowa: Tim Albrecht, Brad Anderson, …", "Clinton: 1,769.": a list,
    // not words said. What is said has a word in lower case early on.
    let spoken = said.split_whitespace().take(6).any(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
    });
    // "Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’", "Continued
    // Stone: “…”": a verb in the title is the cue, its speaker beside it.
    let mut cue = ":".to_owned();
    let verb = words.iter().position(|w| s.verbs.contains(&bare(w)));
    let who: String = match verb {
        Some(0) if words.len() > 1 => {
            cue = bare(words[0]);
            words[1..].join(" ")
        }
        Some(i) if i > 0 => {
            cue = bare(words[i]);
            words[..i].join(" ")
        }
        _ => who.into_owned(),
    };
    let named = name_of(s, ctx, &who, false)?;
    let accepted = match named {
        Named::Person(_) => headline || spoken || opens_quote(),
        Named::Body(_) => headline || opens_quote(),
    };
    if !accepted {
        return None;
    }
    let (source, mention) = source_and_mention(ctx, named);
    let rule = if headline {
        "headline-speaker"
    } else {
        "speaker-colon"
    };
    Some((
        0..text.len(),
        Kind::Sourced,
        Some(source),
        cue,
        rule,
        mention,
    ))
}

/// Quotations each followed by a dash and the name of who said them ("“We
/// need more time.” ― Ana Silva", "\"…\" - Sen. Tom Becker"), as round-ups
/// of voices and pull quotes set them; and posts embedded as text, signed
/// with a handle ("… — Ana Silva (@asilva) March 3, 2026").
pub(super) fn quote_dash(
    s: &Suggester,
    ctx: &Context,
    text: &str,
    quotes: &[Range<usize>],
) -> Vec<Raw> {
    let mut out: Vec<Raw> = quotes
        .iter()
        .filter_map(|q| signed(s, ctx, text, q.start, q.end, false))
        .collect();
    // Only a post signs with a handle: most paragraphs have none to look for.
    if out.is_empty() && text.contains("(@") {
        let mut from = 0;
        for (i, c) in text.char_indices() {
            if i >= from
                && s.g.quotes.speaker_dashes.contains(&c)
                && text[..i].ends_with(char::is_whitespace)
                && !inside(quotes, i)
                && let Some(x) = signed(s, ctx, text, from, i, true)
            {
                from = x.0.end;
                out.push(x);
            }
        }
    }
    out
}

/// The words from `start` signed by a dash after `at` and a name: to the
/// end of the paragraph, the next quotation, a comma, a bracket or a stop,
/// a person's or a body's; with `handle`, only a name with its handle
/// after it ("(@asilva)").
fn signed(
    s: &Suggester,
    ctx: &Context,
    text: &str,
    start: usize,
    at: usize,
    handle: bool,
) -> Option<Raw> {
    let rest = &text[at..];
    let after = rest.trim_start();
    let dash = after
        .chars()
        .next()
        .filter(|c| s.g.quotes.speaker_dashes.contains(c))?;
    let tail = &after[dash.len_utf8()..];
    // "“…” - Name": the dash stands apart, not "“…”-based".
    if !tail.starts_with(char::is_whitespace) {
        return None;
    }
    let name_from = at + (rest.len() - after.len()) + dash.len_utf8();
    let name_from = name_from + (tail.len() - tail.trim_start().len());
    let span = &text[name_from..];
    let stop = span
        .find(|c: char| {
            s.g.quotes.opens(c) || s.g.quotes.closes(c) || matches!(c, ',' | '(' | ';' | ':')
        })
        .unwrap_or(span.len());
    let name = span[..stop].trim_end().trim_end_matches('.');
    let words = name.split_whitespace().count();
    if words == 0 || words > 6 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let mut end = name_from + name.len();
    if handle {
        let h = span[stop..].strip_prefix("(@")?;
        let close = h.find(')')?;
        if close == 0 || h[..close].contains(char::is_whitespace) {
            return None;
        }
        end = name_from + stop + 2 + close + 1;
    }
    let (source, mention) = source_and_mention(ctx, name_of(s, ctx, name, false)?);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    Some((
        start..end,
        Kind::Sourced,
        Some(source),
        dash.to_string(),
        "quote-dash",
        mention,
    ))
}

/// "Okafor Says Levy Will Stay", "Mayor Tells Dockers To Wait": a
/// headline whose speaker is named before a verb of saying.
pub(super) fn headline_verb(s: &Suggester, ctx: &Context, text: &str) -> Option<Raw> {
    let (b, verb) = text
        .unicode_word_indices()
        .take(8)
        .find(|(_, w)| s.g.headline_verbs.has(w.to_lowercase()))?;
    let who = text[..b].trim();
    let words: Vec<&str> = who.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 6
        || who.ends_with([',', ':', ';'])
        || !text[b + verb.len()..].chars().any(char::is_alphanumeric)
        // "What the Harbour Says…": a title's words, not a speaker.
        || s.g.colon_labels.has(bare(words[0]))
        || words.iter().enumerate().any(|(i, w)| {
            let w = bare(w);
            (i > 0 && s.g.articles.has(&w))
                || s.g.prepositions.has(&w)
                || s.g.coordinators.has(&w)
        })
    {
        return None;
    }
    let (source, mention) = source_and_mention(ctx, name_of(s, ctx, who, false)?);
    Some((
        0..text.len(),
        Kind::Sourced,
        Some(source),
        verb.to_lowercase(),
        "headline-speaker",
        mention,
    ))
}

/// A speaker named on their own: a person by the fullest name the article
/// has given them (and the words that named them here, when shorter), a
/// body as written.
fn source_and_mention(ctx: &Context, named: Named) -> (String, Option<String>) {
    match named {
        Named::Person(p) => {
            let full = person(ctx, &p);
            let mention = (full != p).then_some(p);
            (full, mention)
        }
        Named::Body(b) => (b, None),
    }
}

/// `text` with its first letter in lower case.
fn lower_first(text: &str) -> String {
    let mut cs = text.chars();
    cs.next()
        .map(|c| c.to_lowercase().chain(cs).collect())
        .unwrap_or_default()
}

/// A verb of more than one word that `rest` opens with, its first word
/// `first` in lower case ("fired back", "made it clear"): its words in the
/// text and in lower case.
fn phrasal_verb<'t>(s: &Suggester, first: &str, rest: &'t str) -> Option<(&'t str, String)> {
    let phrases = s.phrasal.get(first)?;
    phrases.iter().find_map(|p| {
        let text = rest.get(..p.len())?;
        let ends = !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric());
        // "pushing back a decision": a thing moved, no words.
        let moves = p
            .rsplit(' ')
            .next()
            .is_some_and(|last| s.g.object_particles.has(last))
            && rest[p.len()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| s.g.naming_complements.has(w.to_lowercase()));
        (ends && !moves && text.eq_ignore_ascii_case(p)).then(|| (text, p.clone()))
    })
}

/// A hedge as its cue and source give it: lower case, without the word
/// that only joins it to what follows ("is said to" → "is said", "widely
/// seen as" → "widely seen"; "seemed to" → "seemed").
fn hedge_words(s: &Suggester, h: &str) -> String {
    let h = h.trim_end();
    let cut = h
        .rsplit_once(char::is_whitespace)
        .map_or(h, |(rest, last)| {
            let last = last.to_lowercase();
            if last == s.g.words.infinitive || s.g.passive_particles.has(&last) {
                rest.trim_end()
            } else {
                h
            }
        });
    cut.to_lowercase()
}

/// The writer's inference ("seemed to") that ends right before the cue at
/// byte `at` of `text`, in lower case.
fn inference_before(s: &Suggester, text: &str, at: usize) -> Option<String> {
    let mut lo = at.saturating_sub(32);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..at];
    let end = before.trim_end().len();
    if end == before.len() {
        return None;
    }
    s.inferences
        .find(before)
        .into_iter()
        .find(|(r, _)| r.end == end)
        .map(|(r, _)| before[lead_in(s, before, r.start)..r.end].to_lowercase())
}

/// Where the words before byte `at` of `text` that belong to the writer's
/// inference there start ("may seem to", "does not appear to"): two at most.
fn lead_in(s: &Suggester, text: &str, at: usize) -> usize {
    let mut from = at;
    for _ in 0..2 {
        let before = text[..from].trim_end();
        let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let w = before[start..].replace('’', "'").to_lowercase();
        if before.len() == from || !s.g.inference_lead_ins.has(&w) {
            break;
        }
        from = start;
    }
    from
}
