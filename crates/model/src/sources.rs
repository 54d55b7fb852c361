//! Sources as entities: the one rule by which two source strings are the
//! same ([`fold`]), and the corpus's registry of sources (`sources.toml`,
//! docs/FORMAT.md "Sources registry"): a canonical name, its aliases and a
//! type. Pure: the store reads and writes the file, and every command,
//! export and screen asks here.

use crate::article::normalize_block;
use std::collections::HashMap;

/// The key two source strings are compared by: NFC, Unicode case folding,
/// every apostrophe and quote variant made one (`’ ‘ ʼ ′ ´` and the
/// backtick are `'`; `“ ” „ « » ″` are `"`), white space collapsed, a
/// leading article (`the`, `a`, `an`) dropped and trailing punctuation
/// trimmed. So `The Pakistan’s representatives.` and `pakistan's
/// representatives` fold alike; `Pakistani representatives` does not (an
/// alias in the registry says so).
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = s.nfc().collect();
    let folded = caseless::default_case_fold_str(&nfc);
    let mapped: String = folded
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' | '′' | 'ʼ' | '`' | '´' | 'ʻ' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            c => c,
        })
        .collect();
    let mut out = normalize_block(&mapped);
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = out.strip_prefix(article)
            && !rest.is_empty()
        {
            out = rest.to_owned();
            break;
        }
    }
    let trimmed = out.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…' | '-' | '–' | '—') || c.is_whitespace()
    });
    trimmed.to_owned()
}

/// A source as typed, tidied for display: white space collapsed and
/// trimmed, nothing else changed.
pub fn tidy(s: &str) -> String {
    normalize_block(s)
}

/// A type of source: the id the file holds and the label people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceType {
    pub id: String,
    pub label: String,
}

/// The types a registry allows when its file names none, with their
/// labels (docs/FORMAT.md).
pub const DEFAULT_TYPES: [(&str, &str); 10] = [
    ("official", "government/official"),
    ("politician", "politician"),
    ("expert", "expert/academic"),
    ("business", "business"),
    ("advocacy", "advocacy/NGO"),
    ("police-legal", "police/legal"),
    ("media", "media"),
    ("ordinary", "ordinary person"),
    ("document", "document/data"),
    ("unnamed", "unnamed"),
];

/// The type an anonymous claim counts as when its source is not in the
/// registry.
pub const UNNAMED: &str = "unnamed";

/// The label of a type id: the default label for a default id, else the
/// id itself.
pub fn type_label(id: &str) -> String {
    DEFAULT_TYPES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_owned(), |(_, l)| (*l).to_owned())
}

/// The default types.
pub fn default_types() -> Vec<SourceType> {
    DEFAULT_TYPES
        .iter()
        .map(|(id, label)| SourceType {
            id: (*id).into(),
            label: (*label).into(),
        })
        .collect()
}

/// One source: its canonical name, the other ways it is written, its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub aliases: Vec<String>,
    /// A type id, one of the registry's types.
    pub kind: String,
}

/// Which part of an entry a problem is in, so the store can name its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Type,
    Alias(usize),
}

/// Why a registry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An entry with an empty name.
    EmptyName { entry: usize },
    /// `type` is not among the registry's types.
    UnknownType { entry: usize, kind: String },
    /// Two entries, or one entry twice, have aliases that fold alike;
    /// `first` is the entry that had it first.
    DuplicateAlias {
        entry: usize,
        alias: usize,
        first: usize,
    },
    /// An alias that folds like another entry's name.
    AliasIsName {
        entry: usize,
        alias: usize,
        other: usize,
    },
    /// Two entries with names that fold alike.
    DuplicateName { entry: usize, first: usize },
}

impl Problem {
    /// The entry and field the problem is at.
    pub fn at(&self) -> (usize, Field) {
        match *self {
            Problem::EmptyName { entry } | Problem::DuplicateName { entry, .. } => {
                (entry, Field::Name)
            }
            Problem::UnknownType { entry, .. } => (entry, Field::Type),
            Problem::DuplicateAlias { entry, alias, .. }
            | Problem::AliasIsName { entry, alias, .. } => (entry, Field::Alias(alias)),
        }
    }

    /// What is wrong, in words, naming the entries by name.
    pub fn describe(&self, entries: &[Entry], types: &[SourceType]) -> String {
        let name = |i: usize| entries.get(i).map_or("", |e| e.name.as_str());
        let alias = |e: usize, a: usize| {
            entries
                .get(e)
                .and_then(|e| e.aliases.get(a))
                .map_or("", String::as_str)
        };
        match *self {
            Problem::EmptyName { entry } => {
                format!("source entry {} has an empty name", entry + 1)
            }
            Problem::UnknownType { entry, ref kind } => {
                let ids: Vec<&str> = types.iter().map(|t| t.id.as_str()).collect();
                format!(
                    "source {:?} has the unknown type {kind:?}; the types are {} (add it to `types` to allow it)",
                    name(entry),
                    ids.join(", ")
                )
            }
            Problem::DuplicateAlias {
                entry,
                alias: a,
                first,
            } if entry == first => format!(
                "source {:?} has the alias {:?} twice",
                name(entry),
                alias(entry, a)
            ),
            Problem::DuplicateAlias {
                entry,
                alias: a,
                first,
            } => format!(
                "duplicate alias {:?}: source {:?} has it, and so does source {:?}",
                alias(entry, a),
                name(entry),
                name(first)
            ),
            Problem::AliasIsName {
                entry,
                alias: a,
                other,
            } => format!(
                "source {:?} has the alias {:?}, which is the name of source {:?}",
                name(entry),
                alias(entry, a),
                name(other)
            ),
            Problem::DuplicateName { entry, first } => format!(
                "source {:?} is in the registry twice (entries {} and {})",
                name(entry),
                first + 1,
                entry + 1
            ),
        }
    }
}

/// The registry: entries in file order, found by folded name or alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    pub types: Vec<SourceType>,
    pub entries: Vec<Entry>,
    /// Folded name or alias to its entry.
    index: HashMap<String, usize>,
    /// Every name and alias, folded once, in file order: (entry, alias
    /// index or `None` for the name, folded text), for completion.
    folded: Vec<(usize, Option<usize>, String)>,
}

impl Default for Registry {
    fn default() -> Registry {
        Registry {
            types: default_types(),
            entries: Vec::new(),
            index: HashMap::new(),
            folded: Vec::new(),
        }
    }
}

impl Registry {
    /// A registry of `entries` allowing `types` (the defaults when `None`),
    /// or every problem found, in file order.
    pub fn new(
        types: Option<Vec<SourceType>>,
        entries: Vec<Entry>,
    ) -> Result<Registry, Vec<Problem>> {
        let types = types.unwrap_or_else(default_types);
        let mut problems = Vec::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let key = fold(&e.name);
            if key.is_empty() {
                problems.push(Problem::EmptyName { entry: i });
                continue;
            }
            if let Some(&first) = names.get(&key) {
                problems.push(Problem::DuplicateName { entry: i, first });
            } else {
                names.insert(key, i);
            }
            if !types.iter().any(|t| t.id == e.kind) {
                problems.push(Problem::UnknownType {
                    entry: i,
                    kind: e.kind.clone(),
                });
            }
        }
        let mut index = names.clone();
        let mut aliases: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for (a, alias) in e.aliases.iter().enumerate() {
                let key = fold(alias);
                if key.is_empty() {
                    continue;
                }
                match (names.get(&key), aliases.get(&key)) {
                    // An alias that only repeats its own entry's name is
                    // harmless.
                    (Some(&n), _) if n == i => {}
                    (Some(&other), _) => problems.push(Problem::AliasIsName {
                        entry: i,
                        alias: a,
                        other,
                    }),
                    (None, Some(&first)) => problems.push(Problem::DuplicateAlias {
                        entry: i,
                        alias: a,
                        first,
                    }),
                    (None, None) => {
                        aliases.insert(key.clone(), i);
                        index.insert(key, i);
                    }
                }
            }
        }
        if problems.is_empty() {
            let folded = entries
                .iter()
                .enumerate()
                .flat_map(|(i, e)| {
                    std::iter::once((i, None, fold(&e.name))).chain(
                        e.aliases
                            .iter()
                            .enumerate()
                            .map(move |(a, alias)| (i, Some(a), fold(alias))),
                    )
                })
                .collect();
            Ok(Registry {
                types,
                entries,
                index,
                folded,
            })
        } else {
            Err(problems)
        }
    }

    /// The entry `source` names, by its folded name or an alias.
    pub fn resolve(&self, source: &str) -> Option<&Entry> {
        self.index.get(&fold(source)).map(|&i| &self.entries[i])
    }

    /// The entry's name when `source` is in the registry, else `source`
    /// as typed, tidied.
    pub fn canonical(&self, source: &str) -> String {
        match self.resolve(source) {
            Some(e) => e.name.clone(),
            None => tidy(source),
        }
    }

    /// The label of a type id of this registry.
    pub fn label(&self, id: &str) -> String {
        self.types
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| type_label(id), |t| t.label.clone())
    }

    /// Whether `id` is one of the registry's types.
    pub fn has_type(&self, id: &str) -> bool {
        self.types.iter().any(|t| t.id == id)
    }

    /// The type `typed` means: an id, a label, or the start of exactly one
    /// of them, folded (`off` is `official`, `expert/academic` is `expert`).
    pub fn type_for(&self, typed: &str) -> Option<&SourceType> {
        let t = fold(typed);
        if t.is_empty() {
            return None;
        }
        if let Some(exact) = self
            .types
            .iter()
            .find(|x| fold(&x.id) == t || fold(&x.label) == t)
        {
            return Some(exact);
        }
        let mut starts = self
            .types
            .iter()
            .filter(|x| fold(&x.id).starts_with(&t) || fold(&x.label).starts_with(&t));
        match (starts.next(), starts.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// What the source prompt offers for `typed`: every name and alias
    /// whose folded text starts with the folded input, then those with a
    /// word that does, then those that hold it; each once, in file order
    /// within a rank. An empty input offers nothing.
    pub fn complete(&self, typed: &str) -> Vec<Completion> {
        let t = fold(typed);
        if t.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(u8, usize, Completion)> = Vec::new();
        for (order, (i, alias, f)) in self.folded.iter().enumerate() {
            let rank = if f.starts_with(&t) {
                0
            } else if f.split(' ').any(|w| w.starts_with(&t)) {
                1
            } else if f.contains(&t) {
                2
            } else {
                continue;
            };
            let e = &self.entries[*i];
            let text = match alias {
                Some(a) => e.aliases[*a].clone(),
                None => e.name.clone(),
            };
            ranked.push((
                rank,
                order,
                Completion {
                    text,
                    name: e.name.clone(),
                    kind: e.kind.clone(),
                    alias: alias.is_some(),
                },
            ));
        }
        ranked.sort_by_key(|(rank, order, _)| (*rank, *order));
        let mut seen = std::collections::HashSet::new();
        ranked
            .into_iter()
            .map(|(_, _, c)| c)
            .filter(|c| seen.insert(fold(&c.text)))
            .collect()
    }
}

/// One completion of the source prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// What the prompt fills in: the name or the alias as the file has it.
    pub text: String,
    /// The entry's canonical name.
    pub name: String,
    /// The entry's type id.
    pub kind: String,
    /// Whether `text` is an alias of `name`.
    pub alias: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, kind: &str, aliases: &[&str]) -> Entry {
        Entry {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|a| (*a).into()).collect(),
        }
    }

    fn registry() -> Registry {
        Registry::new(
            None,
            vec![
                entry(
                    "Donald Trump",
                    "politician",
                    &["Trump", "the Republican nominee"],
                ),
                entry(
                    "Pakistani representatives",
                    "official",
                    &["Pakistan's representatives"],
                ),
                entry("Transport Ministry", "official", &["the ministry"]),
            ],
        )
        .unwrap()
    }

    #[test]
    fn fold_makes_typing_variants_one() {
        assert_eq!(
            fold("Pakistan’s representatives"),
            "pakistan's representatives"
        );
        assert_eq!(
            fold("Pakistanʼs  representatives."),
            "pakistan's representatives"
        );
        assert_eq!(
            fold("PAKISTAN`S\trepresentatives"),
            "pakistan's representatives"
        );
        assert_eq!(fold("The Republican nominee"), "republican nominee");
        assert_eq!(fold("  an official, "), "official");
        assert_eq!(fold("a"), "a", "an article alone is kept");
        assert_eq!(fold("Theodore"), "theodore", "only a whole word");
        assert_eq!(fold("STRASSE"), fold("straße"), "Unicode case folding");
        assert_eq!(fold("Cafe\u{301}"), fold("Café"), "NFC first");
        assert_eq!(fold("“Trump”"), "\"trump\"");
        assert_ne!(
            fold("Pakistani representatives"),
            fold("Pakistan's representatives")
        );
    }

    #[test]
    fn resolve_by_name_or_alias_folded() {
        let r = registry();
        assert_eq!(r.resolve("trump").unwrap().name, "Donald Trump");
        assert_eq!(
            r.resolve("The Republican Nominee.").unwrap().name,
            "Donald Trump"
        );
        assert_eq!(
            r.resolve("Pakistan’s representatives").unwrap().name,
            "Pakistani representatives"
        );
        assert!(r.resolve("Melania Trump").is_none());
        assert_eq!(r.canonical("republican nominee"), "Donald Trump");
        assert_eq!(r.canonical("  one   observer "), "one observer");
    }

    #[test]
    fn validation_names_each_problem() {
        let bad = Registry::new(
            None,
            vec![
                entry("Donald Trump", "politician", &["Trump"]),
                entry("Ivanka Trump", "politicain", &["Trump", "donald trump"]),
            ],
        )
        .unwrap_err();
        assert_eq!(
            bad,
            vec![
                Problem::UnknownType {
                    entry: 1,
                    kind: "politicain".into()
                },
                Problem::DuplicateAlias {
                    entry: 1,
                    alias: 0,
                    first: 0
                },
                Problem::AliasIsName {
                    entry: 1,
                    alias: 1,
                    other: 0
                },
            ]
        );
        let entries = vec![
            entry("Donald Trump", "politician", &["Trump"]),
            entry("Ivanka Trump", "politicain", &["Trump", "donald trump"]),
        ];
        let types = default_types();
        assert_eq!(
            bad[1].describe(&entries, &types),
            "duplicate alias \"Trump\": source \"Ivanka Trump\" has it, and so does source \"Donald Trump\""
        );
        assert!(bad[0].describe(&entries, &types).contains("politicain"));
        assert!(
            Registry::new(
                Some(vec![SourceType {
                    id: "farmer".into(),
                    label: "farmer".into()
                }]),
                vec![entry("Ana", "farmer", &["Ana B", "ana b."])]
            )
            .is_err(),
            "an alias twice in one entry"
        );
    }

    #[test]
    fn completion_prefix_then_word_then_inside() {
        let r = registry();
        let texts: Vec<String> = r.complete("tr").into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "Trump",
                "Transport Ministry",
                "Donald Trump",
                "the ministry"
            ]
        );
        let c = &r.complete("nominee")[0];
        assert_eq!(
            (c.text.as_str(), c.name.as_str()),
            ("the Republican nominee", "Donald Trump")
        );
        assert!(c.alias);
        assert!(r.complete("").is_empty());
        assert!(r.complete("zzz").is_empty());
    }

    #[test]
    fn type_by_id_label_or_unique_start() {
        let r = registry();
        assert_eq!(r.type_for("expert/academic").unwrap().id, "expert");
        assert_eq!(r.type_for("Off").unwrap().id, "official");
        assert_eq!(r.type_for("police").unwrap().id, "police-legal");
        assert!(r.type_for("p").is_none(), "politician or police-legal");
        assert!(r.type_for("alien").is_none());
    }
}
