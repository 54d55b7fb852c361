//! The cue lists suggestions are made from: TOML data files that ship with
//! byline in its language packs (`lang/<code>/attribution.toml` and
//! `loaded.toml`, compiled in), and a user's own file added to them.

use byline_model::lines::line_of;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// The English attribution cues (`lang/en/attribution.toml`).
pub const ATTRIBUTION: &str = include_str!("../lang/en/attribution.toml");
/// The English loaded-language cues (`lang/en/loaded.toml`).
pub const LOADED: &str = include_str!("../lang/en/loaded.toml");

/// A lexicon file that cannot be used: names the file and the line (the
/// binary reads it; this crate does no I/O).
pub type LexiconError = byline_model::lines::FileError;

type Words = Vec<Spanned<String>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    attribution: AttributionFile,
    editorial: EditorialFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct AttributionFile {
    reporting_verbs: Words,
    /// Verbs as lemmas ("say:said", "argue"), every form counted.
    reporting_lemmas: Words,
    /// Verbs of belief, wish, plan and judgement ("think:thought",
    /// "support"): attributions when a speaker is their subject.
    stance_lemmas: Words,
    source_phrases: Words,
    anonymity_markers: Words,
    hedges: Words,
    anonymous_sources: Words,
    speaking_for: Words,
    agents: Words,
    documents: Words,
    titles: Words,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct EditorialFile {
    adjectives: Words,
    nouns: Words,
    phrases: Words,
    intensifiers: Words,
    verbs: Words,
    sentence_cues: Words,
}

/// Every cue, lowercased, without repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    pub reporting_verbs: Vec<String>,
    /// Every form of the verbs of belief, wish, plan and judgement.
    pub stance_verbs: Vec<String>,
    /// The verb forms made from lemmas, and which form each is.
    pub forms: foldhash::HashMap<String, Form>,
    pub source_phrases: Vec<String>,
    pub anonymity_markers: Vec<String>,
    pub hedges: Vec<String>,
    pub anonymous_sources: Vec<String>,
    /// Heads whose named body is the source ("analysts at Strand Capital").
    pub speaking_for: Vec<String>,
    /// Nouns for people and bodies that can say things ("board", "union").
    pub agents: Vec<String>,
    /// Papers that can be cited ("figures", "report", "minutes").
    pub documents: Vec<String>,
    /// Titles dropped from a person's name ("Mayor", "Dr").
    pub titles: Vec<String>,
    pub adjectives: Vec<String>,
    pub nouns: Vec<String>,
    pub phrases: Vec<String>,
    pub intensifiers: Vec<String>,
    /// Loaded verbs, suggested as they stand ("squandered", "caved").
    pub verbs: Vec<String>,
    /// Words that make the whole clause the writer's judgement in the
    /// writer's own voice ("should", "deserves", "it is time").
    pub sentence_cues: Vec<String>,
}

impl Lexicon {
    /// The lists that ship with byline (English).
    pub fn builtin() -> Lexicon {
        Lexicon::of(crate::lang::english())
    }

    /// The lists of a shipped language pack.
    pub(crate) fn of(pack: &crate::lang::Shipped) -> Lexicon {
        let mut lex = Lexicon::default();
        // Tested to parse; a failure here is a bug in the shipped data.
        for (name, text) in [
            ("attribution.toml", pack.attribution),
            ("loaded.toml", pack.loaded),
        ] {
            let path = format!("lang/{}/{name}", pack.code);
            lex.add(text, Path::new(&path))
                .unwrap_or_else(|e| panic!("built-in lexicon: {e}"));
        }
        lex
    }

    /// Adds the lists of one lexicon file (`path` names it in errors).
    pub fn add(&mut self, text: &str, path: &Path) -> Result<(), LexiconError> {
        let at = |span: Option<std::ops::Range<usize>>, message: String| LexiconError::At {
            path: path.to_owned(),
            line: span.map_or(1, |s| line_of(text, s.start)),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let first = e
                .message()
                .lines()
                .next()
                .unwrap_or("not valid TOML")
                .to_owned();
            at(
                e.span(),
                format!("{first} (a lexicon has [attribution] and [editorial] lists of words)"),
            )
        })?;
        let mut a = file.attribution;
        let e = file.editorial;
        // A lemma counts in every form: "argue" is argue, argues, argued,
        // arguing.
        let listed: foldhash::HashSet<String> = a
            .reporting_verbs
            .iter()
            .map(|w| w.get_ref().to_lowercase())
            .chain(self.reporting_verbs.iter().cloned())
            .collect();
        let mut stance = Vec::new();
        for (lemma, into) in a
            .reporting_lemmas
            .drain(..)
            .map(|l| (l, false))
            .chain(a.stance_lemmas.drain(..).map(|l| (l, true)))
        {
            let span = lemma.span();
            for (form, class) in inflect_forms(lemma.get_ref()) {
                // A form listed as it is needs nothing before it.
                if !listed.contains(&form) {
                    self.forms.entry(form.clone()).or_insert(class);
                }
                let list = if into {
                    &mut stance
                } else {
                    &mut a.reporting_verbs
                };
                list.push(Spanned::new(span.clone(), form));
            }
        }
        for (into, from) in [
            (&mut self.reporting_verbs, a.reporting_verbs),
            (&mut self.stance_verbs, stance),
            (&mut self.source_phrases, a.source_phrases),
            (&mut self.anonymity_markers, a.anonymity_markers),
            (&mut self.hedges, a.hedges),
            (&mut self.anonymous_sources, a.anonymous_sources),
            (&mut self.speaking_for, a.speaking_for),
            (&mut self.agents, a.agents),
            (&mut self.documents, a.documents),
            (&mut self.titles, a.titles),
            (&mut self.adjectives, e.adjectives),
            (&mut self.nouns, e.nouns),
            (&mut self.phrases, e.phrases),
            (&mut self.intensifiers, e.intensifiers),
            (&mut self.verbs, e.verbs),
            (&mut self.sentence_cues, e.sentence_cues),
        ] {
            // What the list holds already, so a repeat costs one look-up
            // and a file of 40,000 cues is linear, not quadratic.
            let mut seen: foldhash::HashSet<String> = into.iter().cloned().collect();
            for word in from {
                let w = byline_model::article::normalize_block(word.get_ref()).to_lowercase();
                if w.is_empty() || !w.chars().any(char::is_alphanumeric) {
                    return Err(at(
                        Some(word.span()),
                        format!("{:?} is not a word or phrase to look for", word.get_ref()),
                    ));
                }
                if seen.insert(w.clone()) {
                    into.push(w);
                }
            }
        }
        Ok(())
    }
}

/// The forms of an English verb from its entry: "argue" → argue, argues,
/// argued, arguing; "say:said" gives the past (and participle) itself,
/// "write:wrote:written" both; "admit:admitted" keeps its doubled letter
/// in the -ing form (admitting).
pub fn inflect(entry: &str) -> Vec<String> {
    inflect_forms(entry).into_iter().map(|(f, _)| f).collect()
}

/// Which form of its verb a word generated from a lemma is: what may come
/// before it differs ("the panel would report", "they report", "he
/// reports", "having reported", "insisting").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Ing,
    Participle,
}

/// [`inflect`], each form with its [`Form`].
pub fn inflect_forms(entry: &str) -> Vec<(String, Form)> {
    let mut parts = entry.split(':').map(str::trim);
    let lemma = parts.next().unwrap_or("").to_owned();
    let past = parts.next().map(str::to_owned);
    let participle = parts.next().map(str::to_owned);
    // A phrase ("point out", "call for") inflects its first word.
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_owned(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    let vowel = |c: char| "aeiou".contains(c);
    let ends_consonant_y =
        head.ends_with('y') && head.chars().rev().nth(1).is_some_and(|c| !vowel(c));
    let third = if ends_consonant_y {
        format!("{}ies", &head[..head.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| head.ends_with(e))
    {
        format!("{head}es")
    } else {
        format!("{head}s")
    };
    let regular_past = if head.ends_with('e') {
        format!("{head}d")
    } else if ends_consonant_y {
        format!("{}ied", &head[..head.len() - 1])
    } else {
        format!("{head}ed")
    };
    let past_head = past.clone().unwrap_or(regular_past);
    // "admitted" → "admitting": the doubled consonant of a given past.
    let doubled = past_head
        .strip_suffix("ed")
        .filter(|stem| stem.len() == head.len() + 1 && stem.starts_with(head.as_str()));
    let ing = if let Some(stem) = doubled {
        format!("{stem}ing")
    } else if head.ends_with("ie") {
        format!("{}ying", &head[..head.len() - 2])
    } else if head.ends_with('e') && !head.ends_with("ee") && head.len() > 2 {
        format!("{}ing", &head[..head.len() - 1])
    } else {
        format!("{head}ing")
    };
    let mut out = vec![
        (lemma.clone(), Form::Base),
        (format!("{third}{tail}"), Form::Third),
        (format!("{past_head}{tail}"), Form::Past),
        (format!("{ing}{tail}"), Form::Ing),
    ];
    if let Some(p) = participle {
        out.push((format!("{p}{tail}"), Form::Participle));
    }
    out.dedup_by(|b, a| a.0 == b.0);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn verbs_inflect() {
        assert_eq!(inflect("argue"), ["argue", "argues", "argued", "arguing"]);
        assert_eq!(inflect("say:said"), ["say", "says", "said", "saying"]);
        assert_eq!(inflect("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            inflect("admit:admitted"),
            ["admit", "admits", "admitted", "admitting"]
        );
        assert_eq!(
            inflect("write:wrote:written"),
            ["write", "writes", "wrote", "writing", "written"]
        );
        assert_eq!(
            inflect("point out"),
            ["point out", "points out", "pointed out", "pointing out"]
        );
        assert_eq!(inflect("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(inflect("lie"), ["lie", "lies", "lied", "lying"]);
    }

    use super::*;

    #[test]
    fn the_shipped_lists_parse() {
        let lex = Lexicon::builtin();
        assert!(lex.reporting_verbs.contains(&"said".to_owned()));
        assert!(lex.adjectives.contains(&"botched".to_owned()));
        assert!(lex.nouns.contains(&"fiasco".to_owned()));
    }

    #[test]
    fn a_bad_file_names_its_line() {
        let mut lex = Lexicon::default();
        let e = lex
            .add("[editorial]\nwords = [\"x\"]\n", Path::new("mine.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("mine.toml:2: "), "{e}");
        let e = lex
            .add(
                "[editorial]\nnouns = [\n  \"fiasco\",\n  \"  \",\n]\n",
                Path::new("mine.toml"),
            )
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("mine.toml:4: "), "{e}");
        let e = lex
            .add("[editorial\n", Path::new("mine.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("mine.toml:1: "), "{e}");
    }
}
