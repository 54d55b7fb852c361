//! Language packs: the words suggestions are read with, one folder per
//! language under `lang/` (compiled in). `attribution.toml` and
//! `loaded.toml` are the cue lists a [`Lexicon`](crate::Lexicon) is made
//! of (a user's `extra_lexicon` adds to them); `grammar.toml` holds the
//! closed lists the rules look words up in (pronouns, prepositions, the
//! words of names and places, the patterns that divide a sentence, the
//! quotation marks). The rules are code; no word list is.

use byline_model::lines::{FileError, line_of};
use foldhash::HashSet;
use serde::Deserialize;

/// One shipped pack: the text of its three files.
pub(crate) struct Shipped {
    pub code: &'static str,
    pub attribution: &'static str,
    pub loaded: &'static str,
    pub grammar: &'static str,
}

/// The packs that ship, by code: a pack is a folder `lang/<code>/` with
/// the three files, and its code in this list.
macro_rules! shipped {
    ($($code:literal),* $(,)?) => {
        pub(crate) const PACKS: &[Shipped] = &[$(Shipped {
            code: $code,
            attribution: include_str!(concat!("../lang/", $code, "/attribution.toml")),
            loaded: include_str!(concat!("../lang/", $code, "/loaded.toml")),
            grammar: include_str!(concat!("../lang/", $code, "/grammar.toml")),
        }),*];
        pub(crate) const CODES: &'static [&'static str] = &[$($code),*];
    };
}

shipped!("en", "de");

/// The shipped pack for a BCP 47 tag ("en", "en-GB": only the primary
/// subtag counts).
pub(crate) fn pack(tag: &str) -> Option<&'static Shipped> {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
    PACKS.iter().find(|p| p.code == primary)
}

/// English, the pack of [`Suggester::builtin`](crate::Suggester::builtin).
pub(crate) fn english() -> &'static Shipped {
    &PACKS[0]
}

/// A closed list of words, looked up whole (as written: the caller
/// lowercases where case does not count).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(from = "Vec<String>")]
pub(crate) struct Words(HashSet<String>);

impl From<Vec<String>> for Words {
    fn from(v: Vec<String>) -> Words {
        Words(v.into_iter().collect())
    }
}

impl Words {
    pub(crate) fn has(&self, w: impl AsRef<str>) -> bool {
        self.0.contains(w.as_ref())
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The closed lists of one language (`lang/<code>/grammar.toml`; each key
/// is described there).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Grammar {
    /// Every noun is capitalised (German): a capital does not make a name,
    /// and the noun a judging adjective takes may have one.
    #[serde(default)]
    pub nouns_capitalised: bool,
    /// The finite verb comes second (German): a phrase put first ("Laut
    /// einem Gutachten …", "Nach Angaben der Stadtwerke …") ends at it.
    #[serde(default)]
    pub verb_second: bool,
    // Subjects and their verbs.
    pub pronouns: Words,
    pub he_pronouns: Words,
    pub she_pronouns: Words,
    pub writer_pronouns: Words,
    pub last_source_pronouns: Words,
    pub clause_pronouns: Words,
    pub nobody_words: Words,
    pub strong_verbs: Words,
    pub inverting_verbs: Words,
    pub quote_needing_verbs: Words,
    #[serde(default)]
    pub naming_complements: Words,
    pub demand_particles: Words,
    pub document_prepositions: Words,
    pub number_words: Words,
    pub share_words: Words,
    /// Share words that the definite article makes a superlative ("the
    /// most recent poll"; not "most voters", "the most of").
    #[serde(default)]
    pub superlatives: Words,
    pub approximators: Words,
    pub cited_documents: Words,
    pub that_needing_verbs: Words,
    /// Objects after one of them that make it a gain, not a finding
    /// ("found support").
    #[serde(default)]
    pub gained_objects: Words,
    pub paper_verbs: Words,
    pub irregular_pasts: Words,
    pub passive_auxiliaries: Words,
    pub request_verbs: Words,
    pub colon_labels: Words,
    pub passive_adverbs: Words,
    pub finite_verbs: Words,
    pub not_reporting: Words,
    pub verb_helpers: Words,
    pub verb_after_preposition: Words,
    pub base_form_before: Words,
    /// Third-person forms that are mostly nouns ("attacks", "reports").
    #[serde(default)]
    pub noun_prone_thirds: Words,
    /// Those of them that a demand particle after makes a verb ("his
    /// plan calls for"; not "attacks on his record").
    #[serde(default)]
    pub demand_thirds: Words,
    /// Adverbs between the comma and a participle that goes on from a
    /// cue before ("…, even suggesting"), with those in -ly.
    #[serde(default)]
    pub participle_adverbs: Words,
    /// Acts whose infinitive of purpose, after their object, reports
    /// ("took to Twitter to say", "used the speech to attack").
    #[serde(default)]
    pub purpose_carriers: Words,
    /// Verbs of speaking that report only with a topic after them.
    #[serde(default)]
    pub topic_needing_verbs: Words,
    /// The words that bring in that topic ("spoke about").
    #[serde(default)]
    pub topic_particles: Words,
    /// Base forms that are a verb only after a word of `base_form_before`
    /// or a helper, being mostly something else ("issues like a wage").
    #[serde(default)]
    pub helped_base_forms: Words,
    pub ing_form_before: Words,
    pub not_after_participle: Words,
    /// Phrases that, alone between commas, are an aside ("…, for
    /// example, said").
    #[serde(default)]
    pub aside_phrases: Words,
    /// Past participles that open a sentence as what its subject was
    /// asked ("Asked about the plan, Okafor said…"): a claim nested in
    /// the subject's.
    #[serde(default)]
    pub opening_participles: Words,
    /// Words that tie one of those to the answer before it ("…, she said
    /// when asked whether…", "after being pressed on…").
    #[serde(default)]
    pub question_links: Words,
    /// What the question opens with after one of those ("asked whether",
    /// "pressed on"): without one, "when asked to leave" asks nothing.
    #[serde(default)]
    pub question_openers: Words,
    /// The last words of verbs of more than one word that, with an object
    /// right after them, move a thing and say nothing ("pushing back a
    /// decision").
    #[serde(default)]
    pub object_particles: Words,
    pub leading_words: Words,
    pub subordinators: Words,
    pub time_place_openers: Words,
    pub subject_trailers: Words,
    #[serde(default)]
    pub postmodifiers: Words,
    #[serde(default)]
    pub passive_particles: Words,
    #[serde(default)]
    pub time_nouns: Words,
    #[serde(default)]
    pub time_leads: Words,
    pub relatives: Words,
    pub antecedent_relatives: Words,
    pub clause_openers: Words,
    pub infinitive_chains: Words,
    pub adverb_lookalikes: Words,
    pub aside_openers: Words,
    pub aside_adverbs: Words,
    pub paper_participles: Words,
    pub articles: Words,
    pub clause_determiners: Words,
    pub opener_determiners: Words,
    /// Words that open a phrase before the subject, besides prepositions
    /// ("Amid the protests, …", "Like Sanders, she…").
    #[serde(default)]
    pub phrase_openers: Words,
    /// Verbs that carry a participle after them ("began tweeting").
    #[serde(default)]
    pub ing_chains: Words,
    /// A word after such an opener that makes it a count ("at least").
    #[serde(default)]
    pub count_after_opener: Words,
    pub descriptor_openers: Words,
    pub dropped_articles: Words,
    pub definite_determiners: Words,
    pub indefinite_determiners: Words,
    pub subject_enders: Words,
    /// The word that opens a subject before a participle in an absolute
    /// phrase ("with polls showing").
    #[serde(default)]
    pub absolute_openers: Words,
    pub source_enders: Words,
    pub name_enders: Words,
    pub prepositions: Words,
    pub kept_after: Words,
    pub collectives: Words,
    pub speaker_endings: Vec<String>,
    /// Endings of things among those ("postponement").
    #[serde(default)]
    pub thing_endings: Vec<String>,
    pub issuer_prepositions: Words,
    pub issuer_descriptors: Words,
    pub reader_participles: Words,
    pub company_heads: Words,
    pub possessive_bodies: Words,
    pub clause_dividers: Vec<String>,
    pub follow_on_cues: Words,
    #[serde(default)]
    pub follow_on_links: Words,
    pub headline_verbs: Words,
    pub verb_conjunctions: Words,
    pub inference_hedges: Vec<String>,
    /// Words before one of those that belong to it ("may seem to", "does
    /// not appear to", "often seems to").
    #[serde(default)]
    pub inference_lead_ins: Words,
    pub as_needing_verbs: Words,
    pub as_words: Words,
    /// Verbs of refusal, and the words after their "to" that make them a
    /// refusal to speak.
    #[serde(default)]
    pub refusal_verbs: Words,
    #[serde(default)]
    pub refusal_objects: Words,
    /// Verbs that report no answer after a negation, when a request
    /// follows them ("did not respond to a request for comment"); the
    /// negations; the request words; and the verbs that report only so.
    #[serde(default)]
    pub unanswered_verbs: Words,
    #[serde(default)]
    pub negations: Words,
    #[serde(default)]
    pub unanswered_requests: Words,
    #[serde(default)]
    pub unanswered_only: Words,
    /// Relatives of a thing or body ("which"): after "X of Y," they are
    /// Y's.
    #[serde(default)]
    pub thing_relatives: Words,
    /// Auxiliaries that open a question ("Does the group…?").
    #[serde(default)]
    pub question_auxiliaries: Words,
    pub source_clause_ends: Words,
    pub clause_starts: Vec<String>,
    // Names.
    pub common_capitals: Words,
    /// Capitalised adjectives that are no name ("Afghan", "Democratic").
    #[serde(default)]
    pub proper_adjectives: Words,
    /// Those of party, common words too ("Democratic"), and the heads
    /// that speak for a party ("spokesman").
    #[serde(default)]
    pub party_adjectives: Words,
    #[serde(default)]
    pub party_voices: Words,
    /// Words of the compass ("North", "Western").
    #[serde(default)]
    pub compass_words: Words,
    pub name_joiners: Words,
    pub name_particles: Words,
    pub title_continuations: Words,
    pub place_prepositions: Words,
    pub place_words: Words,
    pub corporate_words: Words,
    pub calendar_words: Words,
    pub postnominals: Words,
    pub body_words: Words,
    pub he_titles: Words,
    pub she_titles: Words,
    /// Given names that nearly always go by "he" or "she" ("Ann
    /// Kirkpatrick … he" is someone else).
    #[serde(default)]
    pub he_names: Words,
    #[serde(default)]
    pub she_names: Words,
    /// Pronouns that head a relative clause without "that" ("everything
    /// Trump says"): the subject is the name after them.
    #[serde(default)]
    pub object_pronouns: Words,
    /// Words after "and" that add others to a subject ("Trump and other
    /// Republicans"), not a second word qualifying its noun ("current and
    /// former officials").
    #[serde(default)]
    pub coordinated_others: Words,
    /// Words of an infinitive chain that follow its verb ("goes on to
    /// say"): the subject is before that verb.
    #[serde(default)]
    pub chain_particles: Words,
    /// Words that end a phrase of time ("Hours later,", "Two weeks ago,").
    #[serde(default)]
    pub time_after_words: Words,
    /// The words that bring in a gerund a sentence opens with ("After
    /// blasting…, Okafor said", "In addition to criticizing…").
    #[serde(default)]
    pub gerund_leads: Words,
    /// Irregular pasts of verbs the lexicon does not list ("made",
    /// "drew"): the verb of a clause a participle claim carries on from.
    #[serde(default)]
    pub plain_pasts: Words,
    /// Past participles that end in neither -ed nor -ing ("shown",
    /// "taken"): after a helper, the verb of a clause.
    #[serde(default)]
    pub plain_participles: Words,
    /// Participles that carry a verb on from a cue before ("…, going on
    /// to say").
    #[serde(default)]
    pub chain_carriers: Words,
    /// Names of months that are other words in lower case ("May"): a date
    /// only capitalised after a word of time ("since May").
    #[serde(default)]
    pub capital_months: Words,
    /// Participles that open a sentence and report only when no "to"
    /// follows ("Adding that…", not "Adding to the wariness is…").
    #[serde(default)]
    pub adding_participles: Words,
    /// Words that open a question itself ("whether", "why"), of the
    /// question openers ("about", "on" open a topic).
    #[serde(default)]
    pub question_words: Words,
    /// Adverbs between a conjunction's helper and its verb, beside the
    /// helpers and words in -ly ("and has since said").
    #[serde(default)]
    pub helper_adverbs: Words,
    /// Participles that give the name of the one a subject describes
    /// ("The officer, identified as Maj. Gen. Aslam, said"): the name is
    /// the source.
    #[serde(default)]
    pub naming_participles: Words,
    /// Pronouns in the object case ("calls her “…”"): after a verb.
    #[serde(default)]
    pub object_case: Words,
    pub title_roles: Vec<(String, String)>,
    /// How many words a line after the headline may have, with no stop at
    /// its end, to be read as a subheading (0: none is).
    #[serde(default)]
    pub subheading_words: usize,
    // Loaded language.
    pub phrase_stops: Words,
    /// Words that join two judgement words into one phrase ("laid bare
    /// the duplicity").
    #[serde(default)]
    pub phrase_links: Words,
    /// Words before a judgement that pile it on, part of its phrase ("yet
    /// another"), longest first.
    #[serde(default)]
    pub phrase_boosters: Vec<String>,
    pub adjective_endings: Vec<String>,
    pub verdict_dividers: Vec<String>,
    pub writer_person: Words,
    pub coordinators: Words,
    pub words: FunctionWords,
    pub quotes: Quotes,
}

/// Single words the rules name by what they do (`[words]` of
/// `grammar.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FunctionWords {
    pub article: String,
    pub partitive: String,
    pub ratio: String,
    pub agent: String,
    pub conjunction: String,
    pub infinitive: String,
    pub complementiser: String,
    pub dummy_subject: String,
    pub plural_pronoun: String,
    pub own: String,
    pub statement_preposition: String,
    pub statement: String,
    /// How a regular past tense ends ("-ed"); empty where none is told by
    /// its ending.
    #[serde(default)]
    pub past_ending: String,
    /// The word a naming participle gives its name after ("identified as
    /// John Smith").
    #[serde(default)]
    pub naming_as: String,
    /// How an adverb of manner ends ("-ly"); empty where none is told by
    /// its ending.
    #[serde(default)]
    pub adverb_ending: String,
}

/// Quotation marks (`[quotes]` of `grammar.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Quotes {
    pub pairs: Vec<(char, char)>,
    pub single: Vec<(char, char)>,
    pub doubled: Vec<char>,
    pub pronoun_marks: Words,
    pub before_verb: Vec<char>,
    pub scare: Vec<(char, char)>,
    pub before_capital: Vec<char>,
    pub after_word: Vec<char>,
    pub end_source: Vec<char>,
    pub after_question: Vec<char>,
    pub interview_markers: Vec<String>,
    /// Dashes that set a speaker's name after their quotation ("“…” ―
    /// Ana Silva").
    #[serde(default)]
    pub speaker_dashes: Vec<char>,
}

impl Quotes {
    pub(crate) fn opens(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.0 == c)
    }

    pub(crate) fn closes(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.1 == c)
    }

    pub(crate) fn opens_single(&self, c: char) -> bool {
        self.single.iter().any(|p| p.0 == c)
    }

    pub(crate) fn closes_single(&self, c: char) -> bool {
        self.single.iter().any(|p| p.1 == c)
    }
}

impl Grammar {
    /// The grammar of a shipped pack. Tested to parse; a failure is a bug
    /// in the shipped data, and names its file and line.
    pub(crate) fn of(pack: &Shipped) -> Grammar {
        Grammar::parse(pack.grammar, &format!("lang/{}/grammar.toml", pack.code))
            .unwrap_or_else(|e| panic!("built-in language pack: {e}"))
    }

    fn parse(text: &str, path: &str) -> Result<Grammar, FileError> {
        toml::from_str(text).map_err(|e| FileError::At {
            path: path.into(),
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: e
                .message()
                .lines()
                .next()
                .unwrap_or("not valid TOML")
                .to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_pack_parses() {
        assert!(!PACKS.is_empty());
        assert_eq!(CODES, PACKS.iter().map(|p| p.code).collect::<Vec<_>>());
        for p in PACKS {
            let path = format!("lang/{}/grammar.toml", p.code);
            let g = Grammar::parse(p.grammar, &path).unwrap_or_else(|e| panic!("{e}"));
            assert!(!g.pronouns.0.is_empty(), "{path}: no pronouns");
            assert!(!g.quotes.pairs.is_empty(), "{path}: no quotation marks");
            let lex = crate::Lexicon::of(p);
            assert!(!lex.reporting_verbs.is_empty(), "{}: no verbs", p.code);
            assert!(crate::Suggester::for_lang(p.code).is_some());
        }
    }

    #[test]
    fn a_bad_pack_names_its_line() {
        let e = Grammar::parse("pronouns = [\"he\"]\nnouns = 3\n", "lang/xx/grammar.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("lang/xx/grammar.toml:2: "), "{e}");
    }

    #[test]
    fn packs_are_found_by_their_primary_subtag() {
        assert_eq!(pack("en-GB").map(|p| p.code), Some("en"));
        assert_eq!(pack("EN").map(|p| p.code), Some("en"));
        assert!(pack("xx").is_none());
        assert_eq!(pack("de-CH").map(|p| p.code), Some("de"));
        assert_eq!(crate::packs(), ["en", "de"]);
    }

    #[test]
    fn words_take_any_string() {
        let w = Words::from(vec!["said".to_owned()]);
        let s = "said".to_owned();
        assert!(w.has(&s) && w.has("said") && !w.has("say"));
        // `&&str`, as an iterator over a slice of words gives them.
        assert!(["told", "said"].iter().any(|x| w.has(x)));
    }
}
