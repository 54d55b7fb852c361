//! Names in the text: which capitalised words are a person's or a body's
//! name, and what the article has said so far about who is who, so that
//! "Marr told the court" is sourced to the Julian Marr named earlier and
//! "she said" to the last person quoted.

use super::Suggester;
use byline_model::annotation::Kind;

/// The one set of pronouns a sentence uses for a person, outside what is
/// quoted ("he … himself" or "she … herself"), if it uses one only.
/// "him", "her" and "his" say nothing: they are often someone else's.
fn pronouns_of(s: &Suggester, text: &str) -> Option<Gender> {
    use unicode_segmentation::UnicodeSegmentation;
    let (mut he, mut she) = (false, false);
    let mut quoted = false;
    for w in text.split_word_bounds() {
        if s.g.quotes.pronoun_marks.has(w) {
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        // Not "his" or "her": "His deputy, Claire Dunsford, …" is
        // someone else's.
        let l = w.to_lowercase();
        if s.g.he_pronouns.has(&l) {
            he = true;
        } else if s.g.she_pronouns.has(&l) {
            she = true;
        }
    }
    match (he, she) {
        (true, false) => Some(Gender::He),
        (false, true) => Some(Gender::She),
        _ => None,
    }
}

/// Whether a word is written with a capital (or in a script without case,
/// as 陈美玲 is), ignoring an opening bracket or quote mark.
pub(super) fn capitalised(s: &Suggester, w: &str) -> bool {
    let Some(c) = w
        .trim_start_matches(|c: char| c == '(' || s.g.quotes.before_capital.contains(&c))
        .chars()
        .next()
    else {
        return false;
    };
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// Whether every word of `run` is an adjective of nation, region, faith
/// or party, or of the compass ("Afghan", "North Korean", "Democratic"):
/// capitals, no name. With `parties` false, not of party.
pub(super) fn proper_adjectives_of(s: &Suggester, run: &str, parties: bool) -> bool {
    let g = &s.g;
    if g.proper_adjectives.is_empty() && g.compass_words.is_empty() && g.party_adjectives.is_empty()
    {
        return false;
    }
    let mut words = run.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let b = bare(w);
            g.proper_adjectives.has(&b)
                || g.compass_words.has(&b)
                || parties && g.party_adjectives.has(&b)
        })
}

/// [`proper_adjectives_of`], parties included.
pub(super) fn proper_adjectives(s: &Suggester, run: &str) -> bool {
    proper_adjectives_of(s, run, true)
}

/// The word before "'s" ("he's", "who’s", "Trump’s"), if it has one.
pub(super) fn before_apostrophe_s(w: &str) -> Option<&str> {
    let stem = w.trim_end_matches("'s").trim_end_matches("’s");
    (stem.len() < w.len()).then_some(stem)
}

/// A word lowercased without the punctuation around it or a possessive.
pub(super) fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// What is known of a subject's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Named {
    Person(String),
    Body(String),
}

/// What the article has said so far about who is who. Carried from one
/// paragraph to the next; a paragraph asked alone starts with none.
/// Which pronoun a person goes by, as far as the text has shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    He,
    She,
}

impl Gender {
    pub(super) fn of_pronoun(s: &Suggester, p: &str) -> Option<Gender> {
        if s.g.he_pronouns.has(p) {
            Some(Gender::He)
        } else if s.g.she_pronouns.has(p) {
            Some(Gender::She)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Full names of people named or cited so far, titles dropped, the one
    /// named last at the end: "he said" means the last one who fits.
    people: Vec<String>,
    /// Names of bodies seen so far, newest last.
    bodies: Vec<String>,
    /// Who holds a role named by a title before their name ("Gov. Helen
    /// Okafor" is "the governor").
    roles: foldhash::HashMap<String, String>,
    /// What "he" or "she" has been seen to mean, or a title says (Mr, Ms).
    gender: foldhash::HashMap<String, Gender>,
    /// The last source that is no one person, for "they said" and "it
    /// said", while no person has been cited since.
    last_source: Option<(Kind, String)>,
    /// Words the article writes with a capital alone where no sentence
    /// start asks for one ("said Republicans"), lower case.
    capitals: foldhash::HashSet<String>,
    /// Surnames of the people the article names anywhere ("sanders").
    name_words: foldhash::HashSet<String>,
}

const KEEP: usize = 200;

impl Context {
    /// Takes in what a paragraph shows of how the article writes words,
    /// so that a word opening a sentence reads as it does elsewhere: the
    /// words of people's names ("Sanders said" before "Bernie Sanders"),
    /// and words capitalised alone inside a sentence ("said Republicans").
    pub(super) fn learn_how_written(&mut self, s: &Suggester, text: &str) {
        for run in runs(s, text) {
            if run.lone_initial {
                continue;
            }
            if let Some(Named::Person(_)) = classify_run(s, &run.text) {
                let words: Vec<&str> = run.text.split_whitespace().collect();
                // The surname: a given name alone opens many sentences
                // that are not about the person ("Will the ferry run?").
                if words.len() > 1
                    && let Some(last) = words.last()
                {
                    self.name_words.insert(bare(last));
                }
            }
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let capital =
            |w: &str| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let mut start = true;
        // Whether the word before opened its sentence ("The Republicans").
        let mut after_start = false;
        for (i, w) in words.iter().enumerate() {
            // After an opening mark or bracket a capital may open a
            // quotation: read as a start.
            let opened = w.starts_with(|c: char| !c.is_alphanumeric());
            // Not one word of a name ("Fox News", "Secretary of State").
            let in_name = words.get(i + 1).is_some_and(|n| capital(n))
                || (i > 0 && capital(words[i - 1]) && !after_start);
            after_start = start;
            if !start && !opened && !in_name && capital(w) {
                let b = bare(w);
                if !b.is_empty() {
                    self.capitals.insert(b);
                }
            }
            let end = w.trim_end_matches(|c: char| {
                s.g.quotes.closes(c) || s.g.quotes.closes_single(c) || c == ')'
            });
            start = end.ends_with(['.', '!', '?', ':', ';'])
                && !byline_model::article::is_abbreviation(end);
        }
    }

    /// Whether the article writes `w` with a capital alone inside a
    /// sentence.
    pub(super) fn capitalises(&self, w: &str) -> bool {
        self.capitals.contains(&bare(w))
    }

    /// Whether `w` ends a person's name somewhere in the article.
    pub(super) fn written_as_name(&self, w: &str) -> bool {
        self.name_words.contains(&bare(w))
    }

    /// Takes in the names of one sentence (words of `text`).
    pub(super) fn observe(&mut self, s: &Suggester, text: &str) {
        let sentence_gender = pronouns_of(s, text);
        // The subject of the sentence last, so that "She said" next means
        // the judge who sentenced, not the man she sentenced.
        let mut all = runs(s, text);
        if let Some(i) = all.iter().position(|r| r.at <= 2) {
            let subject = all.remove(i);
            all.push(subject);
        }
        for run in all {
            if run.lone_initial {
                // "Lindahl disagreed.": the person named before comes up.
                if let Some(full) = self.full_name(&run.text).map(str::to_owned) {
                    if run.at == 0
                        && let Some(g) = sentence_gender
                    {
                        self.gender.entry(full.clone()).or_insert(g);
                    }
                    push(&mut self.people, full);
                }
                continue;
            }
            // "Middle Eastern", "Syrian": an adjective, no one to come up
            // again ("David French" named before still does).
            if proper_adjectives(s, &run.text) && self.full_name(&run.text).is_none() {
                continue;
            }
            let place = run
                .before
                .as_deref()
                .is_some_and(|b| s.g.place_prepositions.has(b))
                || run
                    .text
                    .split_whitespace()
                    .any(|w| s.g.place_words.has(bare(w)));
            // "SACRAMENTO (Meridian Wire) —": a dateline, not a person.
            let dateline = run.text.split_whitespace().next().is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() > 2
                    && w.chars()
                        .all(|c| !c.is_alphabetic() || c.is_ascii_uppercase())
            });
            match classify_run(s, &run.text) {
                Some(Named::Person(n)) if !place && !dateline => {
                    let words: Vec<&str> = run.text.split_whitespace().collect();
                    let title = bare(words.first().copied().unwrap_or(""));
                    // A title says it (Mr, Ms), else a given name that
                    // nearly always goes by one ("Ann", "Marco").
                    let given = n.split_once(' ').map(|(g, _)| bare(g)).unwrap_or_default();
                    let g = if s.g.he_titles.has(&title) {
                        Some(Gender::He)
                    } else if s.g.she_titles.has(&title) {
                        Some(Gender::She)
                    } else if s.g.he_names.has(&given) {
                        Some(Gender::He)
                    } else if s.g.she_names.has(&given) {
                        Some(Gender::She)
                    } else {
                        None
                    };
                    let known = self.full_name(&n).map(str::to_owned);
                    let single =
                        !n.contains(' ') && !n.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
                    let full = match known {
                        Some(k) if single || k.to_lowercase().ends_with(&n.to_lowercase()) => k,
                        // A first name alone, set off by commas, is a
                        // person met for the first time.
                        _ if single && !run.apposition => continue,
                        _ => n,
                    };
                    // The subject of its sentence: the sentence's pronouns
                    // are likely theirs.
                    let g = g.or(sentence_gender.filter(|_| run.at <= 2));
                    if let Some(g) = g {
                        self.gender.entry(full.clone()).or_insert(g);
                    }
                    for w in words.iter().take_while(|w| s.titles.contains(&bare(w))) {
                        let t = bare(w);
                        let role =
                            s.g.title_roles
                                .iter()
                                .find(|(short, _)| *short == t)
                                .map_or(t.clone(), |(_, long)| long.clone());
                        self.roles.insert(role, full.clone());
                    }
                    push(&mut self.people, full);
                }
                Some(Named::Body(n)) => push(&mut self.bodies, n),
                _ => {}
            }
        }
    }

    /// The person a role names ("the governor"), if a title said so.
    pub(super) fn holder(&self, role: &str) -> Option<&str> {
        self.roles.get(&bare(role)).map(String::as_str)
    }

    /// The company a "the company" means: the body named last whose name
    /// says it is one.
    pub(super) fn company(&self, s: &Suggester) -> Option<&str> {
        self.bodies
            .iter()
            .rev()
            .find(|b| {
                b.split_whitespace()
                    .any(|w| s.g.corporate_words.has(bare(w)))
            })
            .map(String::as_str)
    }

    /// A source cited: "he said" later may mean them; `by` is the pronoun
    /// that named them, if one did.
    pub(super) fn cited(&mut self, kind: Kind, source: &str, person: bool, by: Option<Gender>) {
        if person {
            push(&mut self.people, source.to_owned());
            if let Some(g) = by {
                self.gender.insert(source.to_owned(), g);
            }
        }
        // "they said" and "it said" mean a body, a document or people
        // unnamed, never one person: a person cited since leaves them
        // meaning no one.
        self.last_source = (!person).then(|| (kind, source.to_owned()));
    }

    /// Whom "he" or "she" means: the person last named or cited who is one
    /// person and not known to go by the other pronoun.
    pub(super) fn person_for(&self, s: &Suggester, g: Gender) -> Option<&str> {
        // "Hitler and Mussolini" are no "she".
        let several = |p: &str| p.split_whitespace().any(|w| s.g.coordinators.has(w));
        let fits = |p: &&String| self.gender.get(*p).is_none_or(|x| *x == g) && !several(p);
        self.people.iter().rev().find(fits).map(String::as_str)
    }

    /// Whether "he" or "she" (`g`) may mean `name`: nothing says otherwise.
    pub(super) fn may_be(&self, name: &str, g: Gender) -> bool {
        self.gender.get(name).is_none_or(|x| *x == g)
    }

    pub(super) fn last_source(&self) -> Option<&(Kind, String)> {
        self.last_source.as_ref()
    }

    /// The full name of someone named by one part of it ("Marr", or "Sato"
    /// for "佐藤健 (Sato Ken)"), the newest first.
    pub(super) fn full_name(&self, part: &str) -> Option<&str> {
        if part.contains(' ') {
            // "van der Berg" for "Ilse van der Berg".
            let p = part.to_lowercase();
            return self
                .people
                .iter()
                .rev()
                .find(|full| full.to_lowercase().ends_with(&format!(" {p}")))
                .map(String::as_str);
        }
        let part = bare(part);
        if part.is_empty() {
            return None;
        }
        self.people
            .iter()
            .rev()
            .find(|full| {
                full.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
                    .any(|w| bare(w) == part)
            })
            .map(String::as_str)
    }

    /// The body a definite description means ("the directorate" for the
    /// Maritime Safety Directorate), when one named earlier ends with it.
    pub(super) fn body_ending(&self, head: &str) -> Option<&str> {
        let head = bare(head);
        self.bodies
            .iter()
            .rev()
            .find(|b| b.split_whitespace().last().is_some_and(|w| bare(w) == head))
            .map(String::as_str)
    }

    /// Whether a word alone is known as (part of) a name.
    pub(super) fn knows(&self, w: &str) -> bool {
        let w = bare(w);
        !w.is_empty()
            && self
                .people
                .iter()
                .chain(&self.bodies)
                .any(|n| n.split_whitespace().any(|x| bare(x) == w))
    }
}

fn push(list: &mut Vec<String>, n: String) {
    list.retain(|x| *x != n);
    list.push(n);
    if list.len() > KEEP {
        list.remove(0);
    }
}

/// Runs of name words in `text`: capitalised words next to each other
/// (joined by "of", "de" and the like), a sentence's first word only when
/// the next one is a name word too.
pub(super) fn name_runs(s: &Suggester, text: &str) -> Vec<String> {
    runs(s, text)
        .into_iter()
        .filter(|r| !r.lone_initial)
        .map(|r| r.text)
        .collect()
}

/// A run of name words, and what stands before it.
pub(super) struct Run {
    pub text: String,
    /// The word before it, lowercased ("at" in "at Corran Point").
    pub before: Option<String>,
    /// One capitalised word opening a sentence: a name only if known.
    pub lone_initial: bool,
    /// Between commas after a noun ("Petrov's daughter, Nadia, wants…").
    pub apposition: bool,
    /// Which word of the text it starts at.
    pub at: usize,
}

pub(super) fn runs(s: &Suggester, text: &str) -> Vec<Run> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut sentence_start = true;
    while i < words.len() {
        let w = words[i];
        let starts = sentence_start;
        sentence_start = w.ends_with(|c: char| {
            ['.', '!', '?', ':'].contains(&c) || s.g.quotes.after_word.contains(&c)
        }) && !byline_model::article::is_abbreviation(w);
        if !is_name_word(s, w, starts) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut end = i + 1;
        // A word that closes a clause ends the name; so does an owner
        // before adjectives of nation or party and a common noun
        // ("Trump’s Middle Eastern policy"; not "the People's Democratic
        // Party").
        let owner_ends = |k: usize| {
            before_apostrophe_s(words[k]).is_some() && {
                let adjectives = words[k + 1..]
                    .iter()
                    .take_while(|n| proper_adjectives(s, n) && !ends_piece(s, n))
                    .count();
                adjectives > 0
                    && words
                        .get(k + 1 + adjectives)
                        .is_none_or(|n| !is_name_word(s, n, false))
            }
        };
        let mut open = !ends_piece(s, w) && !owner_ends(i);
        while open && j < words.len() {
            let x = words[j];
            if is_name_word(s, x, false) {
                end = j + 1;
                open = !ends_piece(s, x) && !owner_ends(j);
                j += 1;
                continue;
            }
            // "Office of the Auditor General", "Ilse van der Berg".
            let joiners = words[j..]
                .iter()
                .take(3)
                .take_while(|x| s.g.name_joiners.has(x.to_lowercase()))
                .count();
            if joiners > 0
                && !words[j + joiners - 1].ends_with([',', '.'])
                && words
                    .get(j + joiners)
                    .is_some_and(|n| is_name_word(s, n, false))
            {
                j += joiners;
            } else {
                break;
            }
        }
        if starts && end == i + 1 && s.g.common_capitals.has(bare(w)) {
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|k| bare(words[k]));
        let run = words[i..end].join(" ");
        let apposition = i > 0 && words[i - 1].ends_with(',') && words[end - 1].ends_with(',');
        out.push(Run {
            text: run,
            before,
            lone_initial: starts && end == i + 1,
            apposition,
            at: i,
        });
        sentence_start = words[end - 1].ends_with(['.', '!', '?'])
            && !byline_model::article::is_abbreviation(words[end - 1]);
        i = end;
    }
    out
}

fn ends_piece(s: &Suggester, w: &str) -> bool {
    w.ends_with(|c: char| {
        [',', '.', ';', ':', '!', '?', ')'].contains(&c) || s.g.quotes.after_word.contains(&c)
    }) && !byline_model::article::is_abbreviation(w)
}

/// Whether `w` may be part of a name: capitalised and, at the start of a
/// sentence, not a common word capitalised by its place.
pub(super) fn is_name_word(s: &Suggester, w: &str, sentence_start: bool) -> bool {
    if !capitalised(s, w) {
        return false;
    }
    let b = bare(w);
    if b.is_empty() || s.g.pronouns.has(&b) || s.g.calendar_words.has(&b) {
        return false;
    }
    !(sentence_start && (s.g.common_capitals.has(&b) || s.anonymous.contains(&b)))
}

/// A run of name words as a person's name (titles dropped) or a body's.
pub(super) fn classify_run(s: &Suggester, run: &str) -> Option<Named> {
    let clean = run.trim_matches(|c: char| !(c.is_alphanumeric() || c == ')' || c == '.'));
    let clean = clean.trim_end_matches('.');
    // "Lester Holt’s question": the name is the owner's.
    let clean = clean
        .strip_suffix("’s")
        .or_else(|| clean.strip_suffix("'s"))
        .unwrap_or(clean);
    let words: Vec<&str> = clean.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    // "Dr. Kwame Asante-Boateng of the University of Northmoor": a person
    // of a body is the person.
    if let Some(of) = words.iter().position(|w| *w == s.g.words.partitive)
        && of > 0
    {
        let is_body = |ws: &[&str]| {
            ws.iter().any(|w| {
                let b = bare(w);
                s.g.body_words.has(&b) || (s.agents.contains(&b) && !s.titles.contains(&b))
            })
        };
        let left = &words[..of];
        if !is_body(left)
            && is_body(&words[of + 1..])
            && left.iter().filter(|w| !s.titles.contains(&bare(w))).count() >= 2
        {
            return classify_run(s, &left.join(" "));
        }
    }
    // Titles in front are dropped from a person's name ("City Clerk
    // Harold Pemberton"); what is left says person or body.
    let mut from = 0;
    while from + 1 < words.len() && s.titles.contains(&bare(words[from])) {
        from += 1;
    }
    // Where nouns have capitals, a role before two names is one too
    // ("Schulleiterin Anna Weber"), known by its ending.
    while s.g.nouns_capitalised
        && words.len() - from > 2
        && s.g
            .speaker_endings
            .iter()
            .any(|e| bare(words[from]).ends_with(e.as_str()))
    {
        from += 1;
    }
    let rest = &words[from..];
    let body = rest.iter().any(|w| {
        let b = bare(w);
        s.g.body_words.has(&b) || (s.agents.contains(&b) && !s.titles.contains(&b))
    });
    if body {
        return Some(Named::Body(clean.to_owned()));
    }
    // "Minister of Health": a title only.
    if s.titles.contains(&bare(rest[0])) || s.g.title_continuations.has(bare(rest[0])) {
        return None;
    }
    // "Jonathan Pike QC": letters after the name are not part of it.
    let mut rest = rest;
    while rest.len() > 1
        && s.g
            .postnominals
            .has(rest[rest.len() - 1].trim_matches(|c: char| !c.is_alphanumeric()))
    {
        rest = &rest[..rest.len() - 1];
    }
    Some(Named::Person(rest.join(" ")))
}
