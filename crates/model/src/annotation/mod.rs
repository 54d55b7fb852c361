//! Claims and annotation sets: the data of one annotator's file, with no I/O
//! and no UI.

pub mod anchor;
pub mod overlap;

use crate::article::{Article, Paragraph};
use crate::loc::{Loc, Para};
use serde::{Deserialize, Serialize};
use std::fmt;
use toml::value::Datetime;

/// Keys this version of byline does not know; kept so a save never drops
/// what a newer tool or a person wrote.
pub type Extra = toml::Table;

/// Context stored on each side of a quote for re-anchoring.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Sourced,
    Anonymous,
    Editorial,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Sourced, Kind::Anonymous, Kind::Editorial];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sourced => "sourced",
            Kind::Anonymous => "anonymous",
            Kind::Editorial => "editorial",
        }
    }

    /// The one-letter marker shown wherever colour cannot be relied on.
    pub fn letter(self) -> char {
        match self {
            Kind::Sourced => 'S',
            Kind::Anonymous => 'A',
            Kind::Editorial => 'E',
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the kind names a source (and so asks for one).
    pub fn has_source(self) -> bool {
        matches!(self, Kind::Sourced | Kind::Anonymous)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Counts per kind, indexed by [`Kind::index`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts(pub [usize; 3]);

impl KindCounts {
    pub fn get(&self, k: Kind) -> usize {
        self.0[k.index()]
    }
    pub fn add(&mut self, k: Kind) {
        self.0[k.index()] += 1;
    }
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

/// One value for each kind, written out as `sourced`, `anonymous` and
/// `editorial`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PerKind<T> {
    pub sourced: T,
    pub anonymous: T,
    pub editorial: T,
}

impl<T> PerKind<T> {
    /// The values in [`Kind::ALL`] order.
    pub fn from_array([sourced, anonymous, editorial]: [T; 3]) -> Self {
        PerKind {
            sourced,
            anonymous,
            editorial,
        }
    }

    pub fn get(&self, k: Kind) -> &T {
        match k {
            Kind::Sourced => &self.sourced,
            Kind::Anonymous => &self.anonymous,
            Kind::Editorial => &self.editorial,
        }
    }

    pub fn get_mut(&mut self, k: Kind) -> &mut T {
        match k {
            Kind::Sourced => &mut self.sourced,
            Kind::Anonymous => &mut self.anonymous,
            Kind::Editorial => &mut self.editorial,
        }
    }
}

pub const NEEDS_REVIEW: &str = "needs-review";

/// The longest claim the annotation screen marks, in characters. A claim's
/// quote is stored whole (FORMAT.md: `paragraph_text[start:end] == quote`),
/// so without a bound one claim over a 20 MB paragraph that has no sentence
/// break would be a 20 MB file; this keeps a file of hundreds of claims well
/// inside what byline reads back (docs/bad-input.md).
pub const MAX_CLAIM_CHARS: usize = 20_000;

/// One marked span of one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: Option<String>,
    /// Its paragraph and `char` span (the file's `paragraph`, `start` and
    /// `end`; `paragraph` is the 1-based number).
    pub at: Loc,
    pub quote: String,
    pub kind: Kind,
    pub source: Option<String>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub status: Option<String>,
    /// The quote as it was marked, kept when re-anchoring found the claim
    /// again in text whose words changed (FORMAT.md, byline's addition to
    /// v1): what the claim was about is not lost when its quote is
    /// rewritten to the new text.
    pub previous_quote: Option<String>,
    pub extra: Extra,
}

impl Claim {
    /// A new claim over `at`, whose paragraph is `p`.
    pub fn new(at: Loc, p: &Paragraph, kind: Kind) -> Claim {
        let mut c = Claim::bare(at, p.slice(at.start, at.end).to_owned(), kind);
        c.set_context(p);
        c
    }

    /// A claim over `at` quoting `quote`, with nothing else said: no id,
    /// source, note, tags or context.
    pub fn bare(at: Loc, quote: String, kind: Kind) -> Claim {
        Claim {
            id: None,
            at,
            quote,
            kind,
            source: None,
            note: None,
            tags: Vec::new(),
            prefix: None,
            suffix: None,
            status: None,
            previous_quote: None,
            extra: Extra::new(),
        }
    }

    /// Stores up to [`CONTEXT_CHARS`] of text on each side of the quote.
    pub fn set_context(&mut self, p: &Paragraph) {
        let Loc { start, end, .. } = self.at;
        let before = p.slice(start.saturating_sub(CONTEXT_CHARS), start);
        let after = p.slice(end, end + CONTEXT_CHARS);
        self.prefix = Some(before.to_owned());
        self.suffix = Some(after.to_owned());
    }

    pub fn needs_review(&self) -> bool {
        self.status.as_deref() == Some(NEEDS_REVIEW)
    }

    /// The sort key FORMAT.md fixes for files: paragraph, start, end, id.
    fn sort_key(&self) -> (Loc, &str) {
        (self.at, self.id.as_deref().unwrap_or(""))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    pub id: String,
    pub title: String,
    /// Relative to the annotation file.
    pub path: Option<String>,
    pub sha256: String,
    pub paragraphs: usize,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Datetime>,
    /// Who wrote the article (the page's author metadata, a text's header).
    pub author: Option<String>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatorMeta {
    pub name: String,
    pub updated: Option<Datetime>,
    /// The 1-based paragraph the annotator stopped at.
    pub position: Option<usize>,
    /// When the annotator marked the article done.
    pub done: Option<Datetime>,
    pub extra: Extra,
}

/// A suggestion the annotator dismissed (`[[dismissed]]`), so it is not
/// suggested again.
#[derive(Debug, Clone, PartialEq)]
pub struct Dismissed {
    /// Where the dismissed suggestion was, like a claim's.
    pub at: Loc,
    pub quote: String,
    /// The kind that was suggested.
    pub kind: Kind,
    pub extra: Extra,
}

impl Dismissed {
    /// Whether this entry dismisses a suggestion of `kind` over `quote` at
    /// this place; the quote alone also counts in the same paragraph, so a
    /// dismissal holds when an edit moved the words a little.
    pub fn covers(&self, at: Loc, quote: &str, kind: Kind) -> bool {
        self.at.para == at.para && self.kind == kind && (self.at == at || self.quote == quote)
    }

    fn sort_key(&self) -> (Loc, Kind) {
        (self.at, self.kind)
    }
}

/// One annotator's claims on one article.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationSet {
    pub article: ArticleMeta,
    pub annotator: AnnotatorMeta,
    pub claims: Vec<Claim>,
    /// Dismissed suggestions, sorted like claims.
    pub dismissed: Vec<Dismissed>,
    /// Unknown top-level keys and tables.
    pub extra: Extra,
}

impl AnnotationSet {
    /// An empty set for `article` by `annotator`.
    pub fn new(article: &Article, annotator: &str, path: Option<String>) -> Self {
        AnnotationSet {
            article: ArticleMeta {
                id: article.id.clone(),
                title: crate::article::cap_title(&article.title),
                path,
                sha256: article.sha256().to_owned(),
                paragraphs: article.len(),
                outlet: article.outlet.clone(),
                url: article.url.clone(),
                published: article.published.as_deref().and_then(toml_datetime),
                author: article.author.clone(),
                extra: Extra::new(),
            },
            annotator: AnnotatorMeta {
                name: annotator.to_owned(),
                updated: None,
                position: None,
                done: None,
                extra: Extra::new(),
            },
            claims: Vec::new(),
            dismissed: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Fills the article's metadata (title aside) the page gives and the
    /// file lacks; what the annotator wrote is never overwritten.
    pub fn fill_metadata(&mut self, article: &Article) {
        let a = &mut self.article;
        if a.outlet.is_none() {
            a.outlet = article.outlet.clone();
        }
        if a.url.is_none() {
            a.url = article.url.clone();
        }
        if a.published.is_none() {
            a.published = article.published.as_deref().and_then(toml_datetime);
        }
        if a.author.is_none() {
            a.author = article.author.clone();
        }
    }

    /// Sorts claims (and dismissed suggestions) in file order.
    pub fn sort(&mut self) {
        self.claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.dismissed.sort_by_key(Dismissed::sort_key);
    }

    pub fn counts(&self) -> KindCounts {
        let mut c = KindCounts::default();
        for claim in &self.claims {
            c.add(claim.kind);
        }
        c
    }

    /// Index range of the claims of paragraph `p` (claims sorted).
    pub fn paragraph_range(&self, p: Para) -> std::ops::Range<usize> {
        let lo = self.claims.partition_point(|c| c.at.para < p);
        let hi = self.claims.partition_point(|c| c.at.para <= p);
        lo..hi
    }

    /// Gives every claim without an id a short, stable one. Ids derive from
    /// the claim's place and text, so the same annotations get the same ids.
    ///
    /// A claim tries salt 0, 1, 2, … until its id is free. Claims with the
    /// same place and text start where the last of them stopped: every
    /// salt below that gave an id already taken, and taken ids stay taken,
    /// so the ids are the same as trying from 0, and a file of thousands
    /// of identical claims costs linear time, not quadratic (issue 18).
    pub fn assign_ids(&mut self) {
        use std::collections::{HashMap, HashSet};
        let mut taken: HashSet<String> = self.claims.iter().filter_map(|c| c.id.clone()).collect();
        let mut next: HashMap<String, u32> = HashMap::new();
        for c in self.claims.iter_mut().filter(|c| c.id.is_none()) {
            let base = id_base(c);
            let salt = next.entry(base.clone()).or_insert(0);
            let id = loop {
                let id = claim_id_of(&base, *salt);
                if !taken.contains(&id) {
                    break id;
                }
                *salt += 1;
            };
            // This salt is now used: the next identical claim starts past it.
            *salt += 1;
            taken.insert(id.clone());
            c.id = Some(id);
        }
    }
}

/// A page's date (`2026-11-02T08:30:00+01:00`, `2026-11-02`) as a TOML
/// date-time, else its date part, else nothing.
/// Whether a claim's quote begins or ends with a quotation mark of its
/// own ("“We tried,” she said"), so whoever shows it in marks does not add
/// a second pair. A closing ’ is an apostrophe unless the quote opened a ‘.
pub fn has_own_quote_marks(quote: &str) -> bool {
    const OPEN: [char; 6] = ['“', '"', '‘', '«', '„', '「'];
    const CLOSE: [char; 4] = ['”', '"', '»', '」'];
    quote.starts_with(OPEN)
        || quote.ends_with(CLOSE)
        || (quote.ends_with('’') && quote.contains('‘'))
}

pub fn toml_datetime(s: &str) -> Option<Datetime> {
    let s = s.trim();
    s.parse()
        .ok()
        .or_else(|| s.get(..10).and_then(|d| d.parse().ok()))
        .filter(|d: &Datetime| d.date.is_some())
}

/// What a claim's id is made from, before the salt.
fn id_base(c: &Claim) -> String {
    format!("{}:{}:{}:{}:", c.at.para, c.at.start, c.at.end, c.quote)
}

#[cfg(test)]
thread_local! {
    /// How many ids were hashed, for the test that keeps it linear.
    static HASHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn claim_id_of(base: &str, salt: u32) -> String {
    use sha2::{Digest, Sha256};
    #[cfg(test)]
    HASHED.with(|h| h.set(h.get() + 1));
    let mut h = Sha256::new();
    h.update(format!("{base}{salt}").as_bytes());
    let digest = h.finalize();
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    digest[..6]
        .iter()
        .map(|b| ALPHABET[(*b as usize) % 36] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_claim_takes_quote_and_context() {
        let p = Paragraph::new("陈美玲 said the tea 🍵 was fine.".into(), false);
        let c = Claim::new(Loc::new(Para::FIRST, 4, 8), &p, Kind::Sourced);
        assert_eq!(c.quote, "said");
        assert_eq!(c.prefix.as_deref(), Some("陈美玲 "));
        assert_eq!(c.suffix.as_deref(), Some(" the tea 🍵 was fine."));
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let p = Paragraph::new("same same".into(), false);
        let a = Article::new("x".into(), "x".into(), "x.txt".into(), vec![p.clone()]);
        let mut set = AnnotationSet::new(&a, "A", None);
        set.claims
            .push(Claim::new(Loc::new(Para::FIRST, 0, 4), &p, Kind::Sourced));
        set.claims
            .push(Claim::new(Loc::new(Para::FIRST, 0, 4), &p, Kind::Editorial));
        let mut again = set.clone();
        set.assign_ids();
        again.assign_ids();
        assert_eq!(set, again);
        assert_ne!(set.claims[0].id, set.claims[1].id);
        assert_eq!(set.claims[0].id.as_ref().unwrap().len(), 6);
    }

    /// The ids as byline gave them before issue 18: salt 0, 1, 2, … tried
    /// from 0 for every claim.
    fn ids_from_zero(set: &mut AnnotationSet) {
        let mut taken: std::collections::HashSet<String> =
            set.claims.iter().filter_map(|c| c.id.clone()).collect();
        for c in set.claims.iter_mut().filter(|c| c.id.is_none()) {
            let base = id_base(c);
            let id = (0..)
                .map(|salt| claim_id_of(&base, salt))
                .find(|id| !taken.contains(id))
                .unwrap();
            taken.insert(id.clone());
            c.id = Some(id);
        }
    }

    #[test]
    fn identical_claims_get_the_same_ids_as_ever_in_linear_time() {
        let p = Paragraph::new("The mayor said so, the mayor said.".into(), false);
        let a = Article::new("x".into(), "x".into(), "x.txt".into(), vec![p.clone()]);
        let mut set = AnnotationSet::new(&a, "A", None);
        for i in 0..3000 {
            let (s, e) = [(4, 14), (19, 33), (0, 3)][i % 3];
            set.claims
                .push(Claim::new(Loc::new(Para::FIRST, s, e), &p, Kind::Sourced));
        }
        // Ids already on file, some of them the ones the salts would give.
        let base = id_base(&set.claims[0]);
        set.claims[10].id = Some(claim_id_of(&base, 1));
        set.claims[11].id = Some(claim_id_of(&base, 5));
        set.claims[12].id = Some("kept01".into());
        let mut old = set.clone();
        ids_from_zero(&mut old);
        HASHED.with(|h| h.set(0));
        set.assign_ids();
        let hashed = HASHED.with(|h| h.get());
        assert_eq!(set, old, "the ids changed");
        // One hash a claim, and one more for each id already on file:
        // trying from 0 every time took 1.5 million.
        assert!(hashed <= 3000 + 10, "{hashed} hashes for 3000 claims");
    }
}
