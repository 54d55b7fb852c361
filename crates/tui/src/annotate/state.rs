//! Everything the annotation screen shows, and nothing it draws with.

use crate::keys::Keymaps;
use crate::runtime::ScreenCore;
pub use crate::widgets::line_input::LineInput;
pub use crate::widgets::status::SaveState;
use byline_model::Para;
use byline_model::annotation::{AnnotationSet, Claim, Dismissed};
use byline_model::article::{Article, Paragraph};
use byline_suggest::{Suggester, Suggestion};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// A span of one paragraph: the model's one place type.
pub use byline_model::Loc as Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// The source of the claim at this index.
    Source {
        claim: usize,
        was_new: bool,
    },
    Note {
        claim: usize,
    },
    Search,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    /// What is typed, and a suggested source that `accept_hint` takes.
    pub line: LineInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Growing a selection of the cursor's paragraph.
    Select {
        start: usize,
        end: usize,
    },
    Prompt(Prompt),
    Help {
        scroll: usize,
    },
    /// The summary view over the article.
    Summary,
    /// The list of every claim ([`App::list`] holds its filter and place).
    Claims,
}

/// The claims list: what it is filtered by and which row is chosen. Kept
/// while a note is edited from it, so the list comes back after.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimsList {
    /// Text to find in a claim's quote, source or note (case-insensitive).
    pub filter: LineInput,
    /// The filter is being typed.
    pub typing: bool,
    /// Only claims of this kind.
    pub kind: Option<byline_model::annotation::Kind>,
    /// The chosen row, an index into [`App::listed`].
    pub at: usize,
}

/// What undo brings back: the claims and the dismissed suggestions.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub claims: Vec<Claim>,
    pub dismissed: Vec<Dismissed>,
}

/// Articles up to this size get every paragraph's suggestions at open (a
/// few milliseconds); a longer one gets them on another thread, taken in
/// as they arrive, and meanwhile per paragraph as it is shown or walked
/// through, so no key waits for the whole article.
const SUGGEST_ALL_BYTES: usize = 2 << 20;

/// Paragraphs' suggestions sent by the background thread.
type Arriving = std::sync::mpsc::Receiver<(Para, Arc<[Suggestion]>)>;

pub struct App {
    pub article: Article,
    pub set: AnnotationSet,
    /// The annotator file this session writes.
    pub file: PathBuf,
    pub cursor: Span,
    pub mode: Mode,
    pub undo: Vec<Snapshot>,
    pub redo: Vec<Snapshot>,
    /// Its revision (of the claims), save state, message, keys.
    pub core: ScreenCore,
    pub last_search: Option<String>,
    pub search_hit: Option<Span>,
    /// Drawn from the first part of a long article while the rest loads.
    pub loading: bool,
    /// The claim that needs review being placed again (after `R`).
    pub placing: Option<Claim>,
    /// Where `R` put the cursor: `x` there deletes the claim being placed.
    pub placing_at: Option<Span>,
    /// Words and sentences of the article for the summary, counted the
    /// first time it is shown (a long article should not wait for it).
    pub text_stats: std::cell::OnceCell<byline_formats::export::TextStats>,
    /// A number typed before a motion (`5l`), shown while it is typed.
    pub count: Option<u32>,
    /// The claims list, while it is open (also under its note prompt).
    pub list: Option<ClaimsList>,
    /// `toggle_done` on an article with no claims asked first; the next
    /// press does it.
    pub confirm_done: bool,
    /// The live search's matches for the query being typed, counted once
    /// per query and origin rather than once per frame.
    pub search_cache: RefCell<Option<Cached>>,
    /// Makes suggestions; `None` when they are off.
    pub suggester: Option<Arc<Suggester>>,
    /// Each paragraph's suggestions, as the article text gives them (before
    /// claims and dismissals hide some), computed on first use.
    suggestions: RefCell<HashMap<Para, Arc<[Suggestion]>>>,
    /// A long article's suggestions arriving from the background thread.
    arriving: RefCell<Option<Arriving>>,
    /// The last suggestion count, by (revision, paragraphs computed).
    suggestion_tally: std::cell::Cell<Option<((u64, usize), usize)>>,
    /// The corpus's sources registry, which the source prompt completes
    /// from and adds to; `None` when it could not be read.
    pub sources: Option<SourcesFile>,
    /// A source typed as `name; type` that is not in the registry yet: the
    /// screen's effects write it.
    pub pending_source: Option<(String, String)>,
}

/// The sources registry of the annotations folder, as the session read it.
#[derive(Debug, Clone)]
pub struct SourcesFile {
    pub path: PathBuf,
    pub registry: Arc<byline_model::sources::Registry>,
    /// Whether the file exists (an empty registry until a name is added).
    pub exists: bool,
    /// The file's change time and size as read
    /// ([`byline_store::sources::stamp`]).
    pub stamp: Option<(std::time::SystemTime, u64)>,
}

impl App {
    pub fn new(article: Article, set: AnnotationSet, file: PathBuf, keys: Arc<Keymaps>) -> App {
        let mut app = App {
            article,
            set,
            file,
            cursor: Span::default(),
            mode: Mode::Normal,
            undo: Vec::new(),
            redo: Vec::new(),
            core: ScreenCore::new(keys),
            last_search: None,
            search_hit: None,
            loading: false,
            placing: None,
            placing_at: None,
            text_stats: std::cell::OnceCell::new(),
            count: None,
            list: None,
            confirm_done: false,
            search_cache: RefCell::new(None),
            suggester: None,
            suggestions: RefCell::new(HashMap::new()),
            suggestion_tally: std::cell::Cell::new(None),
            arriving: RefCell::new(None),
            sources: None,
            pending_source: None,
        };
        app.cursor = app.first_sentence(Para::FIRST);
        app
    }

    pub fn paragraph(&self, p: Para) -> &Paragraph {
        &self.article[p]
    }

    pub fn current(&self) -> &Paragraph {
        self.paragraph(self.cursor.para)
    }

    pub fn sentences(&self, para: Para) -> Vec<Range<usize>> {
        self.paragraph(para).sentences()
    }

    pub fn first_sentence(&self, para: Para) -> Span {
        Span::in_para(
            para,
            self.sentences(para).into_iter().next().unwrap_or(0..0),
        )
    }

    pub fn last_sentence(&self, para: Para) -> Span {
        Span::in_para(
            para,
            self.sentences(para).into_iter().last().unwrap_or(0..0),
        )
    }

    /// Where claim `c` is, cut to its paragraph as the article is now.
    pub fn claim_span(&self, c: &Claim) -> Span {
        let para = c.at.para.clamp_to(self.article.len());
        let len = self.paragraph(para).char_len();
        Span::new(para, c.at.start.min(len), c.at.end.min(len))
    }

    /// The span that `s`/`a`/`e` would mark: the grown selection, else the
    /// cursor.
    pub fn target(&self) -> Span {
        match self.mode {
            Mode::Select { start, end } => Span {
                para: self.cursor.para,
                start,
                end,
            },
            _ => self.cursor,
        }
    }

    /// Index range into `set.claims` of the claims of paragraph `para`.
    pub fn claims_of(&self, para: Para) -> Range<usize> {
        self.set.paragraph_range(para)
    }

    /// The claim the cursor is on: the one with exactly the target span,
    /// else the one overlapping it most (the later-starting on a tie).
    pub fn claim_under_cursor(&self) -> Option<usize> {
        let t = self.target();
        let range = self.claims_of(t.para);
        let claims = &self.set.claims[range.clone()];
        if let Some(i) = claims.iter().position(|c| c.at == t) {
            return Some(range.start + i);
        }
        claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.at.overlaps(&t))
            .max_by_key(|(_, c)| (c.at.shared(&t), c.at.start))
            .map(|(i, _)| range.start + i)
    }

    /// The claims the list shows, in file order: of its kind, holding its
    /// filter text in the quote, source or note (case-insensitive).
    pub fn listed(&self) -> Vec<usize> {
        let Some(list) = &self.list else {
            return Vec::new();
        };
        let needle = list.filter.text.trim().to_lowercase();
        let holds = |s: Option<&str>| s.is_some_and(|s| s.to_lowercase().contains(&needle));
        self.set
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| list.kind.is_none_or(|k| c.kind == k))
            .filter(|(_, c)| {
                needle.is_empty()
                    || holds(Some(&c.quote))
                    || holds(c.source.as_deref())
                    || holds(c.note.as_deref())
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The exact-span claim only (used when a selection was grown).
    pub fn claim_with_span(&self, t: Span) -> Option<usize> {
        let range = self.claims_of(t.para);
        self.set.claims[range.clone()]
            .iter()
            .position(|c| c.at == t)
            .map(|i| range.start + i)
    }

    /// Turns suggestions on, in the article's language (`<html lang>`):
    /// its pack when byline has one, else English.
    pub fn suggest_from(&mut self, packs: &byline_suggest::Packs) {
        let s = packs.for_tag(self.article.lang.as_deref());
        self.suggest_with(s);
    }

    /// Turns suggestions on.
    pub fn suggest_with(&mut self, suggester: Arc<Suggester>) {
        self.suggester = Some(suggester);
        self.suggestions.borrow_mut().clear();
        self.suggestion_tally.set(None);
        let bytes: usize = self.article.paragraphs.iter().map(|p| p.text.len()).sum();
        let s = Arc::clone(self.suggester.as_ref().expect("just set"));
        if bytes <= SUGGEST_ALL_BYTES {
            // In order, so "he said" and "Marr" mean who was named before.
            let mut ctx = s.context_for(&self.article.paragraphs);
            let mut cache = self.suggestions.borrow_mut();
            for (i, p) in Para::all(self.article.len()).zip(&self.article.paragraphs) {
                cache.insert(i, s.paragraph_in(i, p, &mut ctx).into());
            }
            return;
        }
        let paragraphs = self.article.paragraphs.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("byline-suggest".into())
            .spawn(move || {
                let mut ctx = s.context_for(&paragraphs);
                for (i, p) in Para::all(paragraphs.len()).zip(&paragraphs) {
                    let got = s.paragraph_in(i, p, &mut ctx).into();
                    // The session ended: nobody is listening.
                    if tx.send((i, got)).is_err() {
                        return;
                    }
                }
            });
        // Without a thread, paragraphs still get theirs as they are shown.
        if spawned.is_ok() {
            *self.arriving.borrow_mut() = Some(rx);
        }
    }

    /// Takes in what the background thread has computed so far.
    fn take_in(&self) {
        let mut arriving = self.arriving.borrow_mut();
        let Some(rx) = arriving.as_ref() else {
            return;
        };
        let mut cache = self.suggestions.borrow_mut();
        loop {
            match rx.try_recv() {
                Ok((i, got)) => {
                    cache.entry(i).or_insert(got);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
            }
        }
        *arriving = None;
    }

    /// Whether every paragraph's suggestions are known (so counts are whole).
    pub fn suggestions_complete(&self) -> bool {
        self.take_in();
        self.suggestions.borrow().len() >= self.article.len()
    }

    /// Paragraph `para`'s suggestions from the text alone.
    fn raw_suggestions(&self, para: Para) -> Arc<[Suggestion]> {
        let Some(s) = &self.suggester else {
            return Arc::from(Vec::new());
        };
        if let Some(got) = self.suggestions.borrow().get(&para) {
            return Arc::clone(got);
        }
        // Shown before the background thread got to it (a huge article):
        // read alone, without what earlier paragraphs named.
        let got: Arc<[Suggestion]> = s.paragraph(para, self.paragraph(para)).into();
        self.suggestions.borrow_mut().insert(para, Arc::clone(&got));
        got
    }

    /// How the suggestion engine reads paragraph `para`: its
    /// suggestions from the text alone, before claims hide any (with
    /// suggestions off, the shipped reading, so the source hint still has it).
    pub fn reading_of(&self, para: Para) -> Arc<[Suggestion]> {
        if self.suggester.is_some() {
            return self.raw_suggestions(para);
        }
        Suggester::shared()
            .paragraph(para, self.paragraph(para))
            .into()
    }

    /// The suggestions shown in paragraph `para`: not dismissed,
    /// not overlapping a claim of their kind, not exactly a claim's span.
    pub fn suggestions_of(&self, para: Para) -> Vec<Suggestion> {
        if self.suggester.is_none() {
            return Vec::new();
        }
        let claims = &self.set.claims[self.claims_of(para)];
        let raw = self.raw_suggestions(para);
        // A claim made from a suggestion nested in another ("she believes…"
        // inside "Okafor said she believes…") leaves the outer one offered.
        let nested_in = |c: &Claim, s: &Suggestion| {
            s.at.contains(&c.at)
                && s.at != c.at
                && raw.iter().any(|t| t.at == c.at && t.kind == c.kind)
        };
        raw.iter()
            .filter(|s| {
                !claims.iter().any(|c| {
                    (c.kind == s.kind && c.at.overlaps(&s.at) && !nested_in(c, s)) || c.at == s.at
                }) && !self
                    .set
                    .dismissed
                    .iter()
                    .any(|d| d.covers(s.at, &s.quote, s.kind))
            })
            .cloned()
            .collect()
    }

    /// The order `]` and `[` walk suggestions in: reading order, and a
    /// suggestion before the ones nested in it (the same start, a later
    /// end).
    pub fn suggestion_order(s: &Suggestion) -> (Para, usize, std::cmp::Reverse<usize>) {
        (s.at.para, s.at.start, std::cmp::Reverse(s.at.end))
    }

    /// The suggestion with exactly the span `t`, if one is shown.
    pub fn suggestion_at(&self, t: Span) -> Option<Suggestion> {
        self.suggestions_of(t.para).into_iter().find(|s| s.at == t)
    }

    /// Suggestions shown over the paragraphs computed so far: counted again
    /// only when the claims or that set of paragraphs change, not per frame.
    pub fn suggestion_count(&self) -> usize {
        self.take_in();
        let key = (self.core.revision, self.suggestions.borrow().len());
        if let Some((k, n)) = self.suggestion_tally.get()
            && k == key
        {
            return n;
        }
        let known: Vec<Para> = self.suggestions.borrow().keys().copied().collect();
        let n = known
            .into_iter()
            .map(|p| self.suggestions_of(p).len())
            .sum();
        self.suggestion_tally.set(Some((key, n)));
        n
    }

    /// The undo state now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            claims: self.set.claims.clone(),
            dismissed: self.set.dismissed.clone(),
        }
    }

    /// The first key of `action`, for messages.
    pub fn key(&self, action: super::action::Action) -> String {
        self.core.keys.annotate.label(action).unwrap_or_default()
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.core.save, SaveState::ReadOnly(_))
    }
}

/// Where `Enter` would go for a query, and how many matches there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The match `Enter` selects: the first after `from`, wrapping round.
    pub at: Option<Span>,
    /// 1-based place of `at` among all matches.
    pub index: usize,
    pub total: usize,
    /// The search went past the last match back to the top.
    pub wrapped: bool,
}

/// A live search's answer, by query and origin.
pub type Cached = (String, (Para, usize), Found);
