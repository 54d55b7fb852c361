//! Suggested claims, from the article text alone: attributions (a
//! reporting verb, "according to" or a hedge, with the source found near
//! it) and loaded language (the writer's own judgement). Pure: no UI, no
//! disk but a user's lexicon file.

mod attribution;
mod lang;
pub mod lexicon;
mod loaded;
mod names;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use byline_model::annotation::Kind;
use byline_model::article::{Article, Paragraph};
use byline_model::{Loc, Para};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
pub use lexicon::{Lexicon, LexiconError};
pub use names::Context;
use std::ops::Range;

/// One proposed claim. Offsets count `char`s into the paragraph, as a
/// claim's do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Where it is (its paragraph 1-based in the JSON, as in annotation
    /// files).
    pub at: Loc,
    pub quote: String,
    pub kind: Kind,
    /// Who is cited (attributions): the name the article gives them in
    /// full ("Jeffrey W. Ubben" where this sentence says "Mr. Ubben", the
    /// person "he" or "the governor" means). What an accepted suggestion
    /// puts in the claim.
    pub source: Option<String>,
    /// The words of this sentence that name the source, when `source` says
    /// more ("Ubben", "the governor"); `None` when they are `source` or a
    /// pronoun.
    pub mention: Option<String>,
    /// The words that prompted the suggestion ("according to", "botched").
    pub cue: String,
    /// The rule that made it ("verb-subject", "according-to",
    /// "loaded-adjective", …): `byline suggest --format json` shows it and
    /// the eval counts per rule.
    pub rule: &'static str,
}

impl Suggestion {
    /// The source as this sentence's words name it: the mention, else the
    /// source. `byline suggest --format json` gives it as `"source"`, and
    /// the fuller name as `"refers_to"`.
    pub fn source_words(&self) -> Option<&str> {
        self.mention.as_deref().or(self.source.as_deref())
    }
}

/// The JSON of a suggestion (PRODUCT.md): `"source"` is the source words
/// of the text, `"refers_to"` who they are when the article names them
/// more fully elsewhere.
impl serde::Serialize for Suggestion {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let refers = self.mention.is_some();
        let mut st = ser.serialize_struct("Suggestion", 8 + usize::from(refers))?;
        st.serialize_field("paragraph", &self.at.para)?;
        st.serialize_field("start", &self.at.start)?;
        st.serialize_field("end", &self.at.end)?;
        st.serialize_field("quote", &self.quote)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("source", &self.source_words())?;
        if refers {
            st.serialize_field("refers_to", &self.source)?;
        }
        st.serialize_field("cue", &self.cue)?;
        st.serialize_field("rule", &self.rule)?;
        st.end()
    }
}

/// A whole-word, case-insensitive matcher over a list of cues.
struct Cues {
    ac: Option<AhoCorasick>,
}

impl Cues {
    fn new(words: &[String]) -> Cues {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .ok();
        Cues { ac }
    }

    /// Byte ranges of whole-word matches in `text`, longest first where
    /// they overlap, in order; `pattern` says which cue matched.
    fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut all: Vec<(Range<usize>, usize)> = ac
            .find_overlapping_iter(text)
            .map(|m| (m.start()..m.end(), m.pattern().as_usize()))
            .filter(|(r, _)| whole_word(text, r))
            .collect();
        // Longest first at each start, then drop what an earlier, longer
        // match already covers.
        all.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<(Range<usize>, usize)> = Vec::new();
        for m in all {
            if out.last().is_none_or(|(last, _)| m.0.start >= last.end) {
                out.push(m);
            }
        }
        out
    }
}

/// Whether `r` starts and ends at word edges (a hyphen joins words).
fn whole_word(text: &str, r: &Range<usize>) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let before = text[..r.start].chars().next_back().is_none_or(|c| !word(c));
    let after = text[r.end..].chars().next().is_none_or(|c| !word(c));
    before && after
}

/// The codes of the language packs that ship with byline ("en"), each a
/// folder `lang/<code>/` of the crate: [`Suggester::for_lang`] takes them.
pub fn packs() -> &'static [&'static str] {
    lang::CODES
}

/// The code of the shipped pack for a BCP 47 tag ("de-CH" → "de"), if
/// byline has one; cheap, unlike building its [`Suggester`].
pub fn pack_code(tag: &str) -> Option<&'static str> {
    lang::pack(tag).map(|p| p.code)
}

/// A suggester for each shipped language, each built the first time an
/// article in it is opened: English is the one given (it may carry a
/// user's `extra_lexicon`), the other packs are read as they ship.
pub struct Packs {
    english: std::sync::Arc<Suggester>,
    others: std::sync::Mutex<std::collections::HashMap<&'static str, std::sync::Arc<Suggester>>>,
}

impl Packs {
    /// The packs, English being `english`.
    pub fn new(english: Suggester) -> Packs {
        Packs {
            english: std::sync::Arc::new(english),
            others: Default::default(),
        }
    }

    /// The suggester for an article whose language is `tag` (a BCP 47
    /// tag, as `<html lang>` gives it): its pack when byline ships one,
    /// English otherwise (and when the article does not say).
    pub fn for_tag(&self, tag: Option<&str>) -> std::sync::Arc<Suggester> {
        match tag.and_then(pack_code) {
            None | Some("en") => std::sync::Arc::clone(&self.english),
            Some(code) => {
                let mut others = self.others.lock().unwrap_or_else(|e| e.into_inner());
                let s = others.entry(code).or_insert_with(|| {
                    std::sync::Arc::new(Suggester::for_lang(code).expect("a shipped pack"))
                });
                std::sync::Arc::clone(s)
            }
        }
    }
}

/// Makes suggestions from a lexicon. Build once; cheap to ask per paragraph.
pub struct Suggester {
    lex: Lexicon,
    /// The closed lists of the language (its pack's `grammar.toml`).
    g: lang::Grammar,
    verbs: HashSet<String>,
    /// The verbs of more than one word ("fire back", "made it clear"),
    /// by their first word.
    phrasal: HashMap<String, Vec<String>>,
    /// The verbs of those that report a stance, not words.
    stance: HashSet<String>,
    anonymous: HashSet<String>,
    speaking_for: HashSet<String>,
    agents: HashSet<String>,
    documents: HashSet<String>,
    titles: HashSet<String>,
    source_phrases: Cues,
    markers: Cues,
    hedges: Cues,
    /// The writer's inferences ("appears to"), a hedge of last resort.
    inferences: Cues,
    /// Every editorial cue, and what sort each one is.
    editorial: Cues,
    editorial_class: Vec<loaded::Class>,
    /// Words that make a clause in the writer's own voice a judgement.
    sentence_cues: Cues,
}

/// Whether a line is written in title case: most of its longer words
/// capitalised ("Okafor Says Levy Will Stay").
fn title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    long.len() >= 4 && caps * 5 >= long.len() * 4
}

/// Sentences longer than this get no suggestions: reading one costs time
/// that grows with the square of its length, and a paragraph of
/// `"word said the mayor, " * N` with no full stop took minutes (issue
/// 18). No sentence of the examples is half as long.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// How many sentences of `p` are too long to get suggestions.
pub fn long_sentences(p: &Paragraph) -> usize {
    // No sentence is longer than its paragraph: most need no second split.
    if p.text.len() <= MAX_SENTENCE_BYTES {
        return 0;
    }
    p.sentences()
        .into_iter()
        .filter(|c| p.byte_of(c.end) - p.byte_of(c.start) > MAX_SENTENCE_BYTES)
        .count()
}

impl Suggester {
    /// The lists that ship with byline.
    pub fn builtin() -> Suggester {
        Suggester::new(Lexicon::builtin())
    }

    /// The shipped language pack for `code` (a BCP 47 tag: "en", "en-GB";
    /// only the primary subtag counts), if byline has one.
    pub fn for_lang(code: &str) -> Option<Suggester> {
        let pack = lang::pack(code)?;
        Some(Suggester::build(Lexicon::of(pack), lang::Grammar::of(pack)))
    }

    /// The shipped lists, built once for the whole process (the source
    /// guess of a claim asks it whether suggestions are on or not).
    pub fn shared() -> &'static Suggester {
        static SHARED: std::sync::OnceLock<Suggester> = std::sync::OnceLock::new();
        SHARED.get_or_init(Suggester::builtin)
    }

    /// The shipped lists with a user's file added: its `text`, which the
    /// caller read (this crate does no I/O); `path` names it in errors.
    pub fn with_extra(text: &str, path: &std::path::Path) -> Result<Suggester, LexiconError> {
        let mut lex = Lexicon::builtin();
        lex.add(text, path)?;
        Ok(Suggester::new(lex))
    }

    /// Suggestions from `lex`, read with the English grammar.
    pub fn new(lex: Lexicon) -> Suggester {
        Suggester::build(lex, lang::Grammar::of(lang::english()))
    }

    fn build(lex: Lexicon, g: lang::Grammar) -> Suggester {
        let mut editorial = Vec::new();
        let mut editorial_class = Vec::new();
        let mut seen = HashSet::new();
        // A word in two lists counts once, as the one that widens.
        for (list, class) in [
            (&lex.adjectives, loaded::Class::Adjective),
            (&lex.nouns, loaded::Class::Noun),
            (&lex.intensifiers, loaded::Class::Intensifier),
            (&lex.phrases, loaded::Class::Phrase),
            (&lex.verbs, loaded::Class::Phrase),
        ] {
            for w in list {
                if !seen.insert(w.as_str()) {
                    continue;
                }
                editorial.push(w.clone());
                editorial_class.push(class);
            }
        }
        let mut phrasal: HashMap<String, Vec<String>> = HashMap::new();
        for v in lex.reporting_verbs.iter().chain(&lex.stance_verbs) {
            if let Some((head, _)) = v.split_once(' ') {
                phrasal.entry(head.to_owned()).or_default().push(v.clone());
            }
        }
        // The longest first: "made it clear" before "made it".
        for list in phrasal.values_mut() {
            list.sort_by_key(|v| std::cmp::Reverse(v.len()));
        }
        Suggester {
            phrasal,
            verbs: lex
                .reporting_verbs
                .iter()
                .chain(&lex.stance_verbs)
                .cloned()
                .collect(),
            stance: lex
                .stance_verbs
                .iter()
                .filter(|v| !lex.reporting_verbs.contains(v))
                .cloned()
                .collect(),
            anonymous: lex.anonymous_sources.iter().cloned().collect(),
            speaking_for: lex.speaking_for.iter().cloned().collect(),
            agents: lex.agents.iter().cloned().collect(),
            documents: lex.documents.iter().cloned().collect(),
            titles: lex.titles.iter().cloned().collect(),
            source_phrases: Cues::new(&lex.source_phrases),
            markers: Cues::new(&lex.anonymity_markers),
            hedges: Cues::new(&lex.hedges),
            inferences: Cues::new(&g.inference_hedges),
            editorial: Cues::new(&editorial),
            sentence_cues: Cues::new(&lex.sentence_cues),
            editorial_class,
            lex,
            g,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The suggestions of one paragraph (`para`) read alone,
    /// with nothing known of who earlier paragraphs named.
    pub fn paragraph(&self, para: Para, p: &Paragraph) -> Vec<Suggestion> {
        self.paragraph_in(para, p, &mut Context::default())
    }

    /// The suggestions of one paragraph after the ones `ctx` has seen; it
    /// takes in this one's names for the next.
    pub fn paragraph_in(&self, para: Para, p: &Paragraph, ctx: &mut Context) -> Vec<Suggestion> {
        // A short line after the headline with no stop at its end is a
        // subheading ("Rawalpindi blames India"), as a marked heading is:
        // never a claim.
        let subheading = para != Para::FIRST
            && p.text.split_whitespace().count() <= self.g.subheading_words
            && p.text.trim_end().ends_with(char::is_alphanumeric);
        if p.heading || subheading {
            return Vec::new();
        }
        let quotes = quoted_ranges(&self.g.quotes, &p.text);
        // Read once: both kinds of suggestion go sentence by sentence.
        let sentences = p.sentences();
        let mut reported = Vec::new();
        // A headline is never an attribution but in its "Speaker: words"
        // form: the first paragraph of an article when it is short and
        // ends without a stop ("Border talks collapse amid
        // recriminations").
        let first_short = para == Para::FIRST && p.text.split_whitespace().count() <= 25;
        let headline = first_short
            && p.text
                .trim_end()
                .ends_with(|c: char| c.is_alphanumeric() || c == ')');
        // "Okafor: the levy will stay", "MATTHEWS: Well, …": the words
        // after the colon are the speaker's; no other attribution is read
        // in them.
        let speaker = attribution::speaker_colon(self, ctx, &p.text, &quotes, first_short);
        let mut out = match speaker {
            Some(x) => vec![x],
            None if headline => attribution::headline_verb(self, ctx, &p.text)
                .into_iter()
                .collect(),
            None => {
                // A headline with a stop: "Okafor Says Levy Will Stay."
                let titled = first_short
                    .then(|| attribution::headline_verb(self, ctx, &p.text))
                    .flatten();
                // "Hillary Clinton Goes After Donald Trump As The New Mitt
                // Romney.": a title in capitals is one run of capitalised
                // words, no name; the names it holds come again below it.
                let mut scratch;
                let ctx = if first_short && title_case(&p.text) {
                    scratch = ctx.clone();
                    &mut scratch
                } else {
                    &mut *ctx
                };
                let mut found =
                    attribution::suggest(self, p, &sentences, &quotes, ctx, &mut reported);
                // "“…” ― Ana Silva": quotations signed after a dash, where
                // no verb has claimed them.
                for x in attribution::quote_dash(self, ctx, &p.text, &quotes) {
                    if !found
                        .iter()
                        .any(|f| f.0.start < x.0.end && x.0.start < f.0.end)
                    {
                        found.push(x);
                    }
                }
                match titled {
                    Some(x) if found.is_empty() => vec![x],
                    _ => found,
                }
            }
        };
        let attributed: Vec<Range<usize>> = out.iter().map(|(r, ..)| r.clone()).collect();
        out.extend(loaded::suggest(
            self,
            p,
            &sentences,
            &quotes,
            &reported,
            &attributed,
        ));
        let mut out: Vec<Suggestion> = out
            .into_iter()
            .map(|(r, kind, source, cue, rule, mention)| Suggestion {
                at: Loc::new(para, p.char_of(r.start), p.char_of(r.end)),
                quote: p.text[r].to_owned(),
                kind,
                source,
                mention,
                cue,
                rule,
            })
            .collect();
        out.sort_by_key(|s| (s.at, s.kind));
        // One span, one suggestion: an attribution over the same words as
        // an editorial one wins (it is the one `]` can reach).
        out.dedup_by(|a, b| a.at == b.at);
        out
    }

    /// How a source's words read alone ("Ms Okafor", "officials", "the
    /// ministry"): sourced or anonymous, and whether that reading is sure
    /// (a name, a body, an unnamed-source word like "officials") or a
    /// guess (a descriptor, a pronoun). `None`: the words name no one
    /// ("nobody", "I").
    pub fn read_source(&self, source: &str) -> Option<(Kind, bool)> {
        attribution::read_source(self, source)
    }

    /// What is known of an article before its first paragraph is read:
    /// the surnames of the people it names and the words it capitalises
    /// alone inside its sentences (a headline's capitals are the
    /// headline's). Pass it to `paragraph_in` in order.
    pub fn context_for(&self, paragraphs: &[Paragraph]) -> Context {
        let mut ctx = Context::default();
        // Where every noun has a capital, a capital says nothing.
        if !self.g.nouns_capitalised {
            for p in paragraphs
                .iter()
                .filter(|p| !p.heading && !title_case(&p.text))
            {
                ctx.learn_how_written(self, &p.text);
            }
        }
        ctx
    }

    /// Every suggestion of the article, paragraph by paragraph.
    pub fn article(&self, a: &Article) -> Vec<Suggestion> {
        let mut ctx = self.context_for(&a.paragraphs);
        a.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| self.paragraph_in(Para::from_index(i), p, &mut ctx))
            .collect()
    }
}

/// Byte ranges inside quotation marks (the marks included): words there are
/// the speaker's, not the writer's. Curly quotes pair up; straight double
/// quotes alternate.
fn quoted_ranges(q: &lang::Quotes, text: &str) -> Vec<Range<usize>> {
    // An interview's questions and answers ("Q: …", "A: …") are the
    // speakers' words, all of them.
    let t = text.trim_start();
    if q.interview_markers
        .iter()
        .any(|m| t.starts_with(m.as_str()))
    {
        return std::iter::once(0..text.len()).collect();
    }
    let mut out = Vec::new();
    // Where the open quotation starts, and whether its mark is a single one.
    let mut open: Option<(usize, bool)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut skip = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let before = k.checked_sub(1).map(|k| chars[k].1);
        let after = chars.get(k + 1).map(|x| x.1);
        // Two apostrophes are one double mark (''…'', as some wires and
        // archives write them), and two backticks open one (``…'').
        // Read as a mark that both opens and closes.
        let c = match after {
            Some(a) if a == c && q.doubled.contains(&c) => {
                skip = true;
                Mark::Double(c)
            }
            _ => Mark::Char(c),
        };
        let after = if skip {
            chars.get(k + 2).map(|x| x.1)
        } else {
            after
        };
        // A single quote opens after a space and before a letter ('We…',
        // ‘We…’) and closes before what is not a letter, so "farmers'
        // union" and "it’s" open nothing.
        let opens_single = before.is_none_or(|b| b.is_whitespace() || "([—–".contains(b))
            && after.is_some_and(char::is_alphanumeric);
        let closes_single = after.is_none_or(|a| !a.is_alphanumeric());
        let double_opens = |m: Mark| match m {
            Mark::Double(_) => true,
            Mark::Char(c) => q.opens(c),
        };
        let double_closes = |m: Mark| match m {
            Mark::Double(_) => true,
            Mark::Char(c) => q.closes(c),
        };
        let single = |m: Mark, f: &dyn Fn(char) -> bool| matches!(m, Mark::Char(c) if f(c));
        // A closing mark where a quotation can only open (the paragraph's
        // start, or after a space and before a letter: ”We…) opens one.
        let misturned =
            before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric);
        // …and an opening mark where one can only close (after a letter
        // or "?" and before a space or the end: …fascist?“ he asked).
        let misturned_close = before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || ",.;:".contains(a));
        match open {
            None if double_opens(c) || (double_closes(c) && misturned) => open = Some((i, false)),
            None if single(c, &|c| q.opens_single(c)) && opens_single => open = Some((i, true)),
            Some((s, false)) if double_closes(c) || (double_opens(c) && misturned_close) => {
                let width = match c {
                    Mark::Double(c) => 2 * c.len_utf8(),
                    Mark::Char(c) => c.len_utf8(),
                };
                out.push(s..i + width);
                open = None;
            }
            Some((s, true)) if single(c, &|c| q.closes_single(c)) && closes_single => {
                let Mark::Char(c) = c else { unreachable!() };
                out.push(s..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    // An unclosed quotation runs to the end of the paragraph (continued
    // quotes leave the closing mark to the next paragraph).
    if let Some(s) = open {
        out.push(s.0..text.len());
    }
    out
}

/// A character of a paragraph as `quoted_ranges` reads it.
#[derive(Clone, Copy)]
enum Mark {
    Char(char),
    /// A mark written twice (`''`, ``` `` ```): one double mark.
    Double(char),
}

fn inside(quotes: &[Range<usize>], at: usize) -> bool {
    quotes.iter().any(|q| q.start < at && at < q.end)
}

#[cfg(test)]
mod tests;
