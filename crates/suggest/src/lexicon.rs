//! The cue lists suggestions are made from: TOML data files that ship with
//! byline (compiled in), and a user's own file added to them.

use byline_model::lines::line_of;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

pub const ATTRIBUTION: &str = include_str!("data/attribution.toml");
pub const LOADED: &str = include_str!("data/loaded.toml");

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    pub reporting_verbs: Vec<String>,
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
    /// The lists that ship with byline.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        // Tested to parse; a failure here is a bug in the shipped data.
        for (name, text) in [("attribution.toml", ATTRIBUTION), ("loaded.toml", LOADED)] {
            lex.add(text, Path::new(name))
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
        let a = file.attribution;
        let e = file.editorial;
        for (into, from) in [
            (&mut self.reporting_verbs, a.reporting_verbs),
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
            let mut seen: std::collections::HashSet<String> = into.iter().cloned().collect();
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

#[cfg(test)]
mod tests {
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
