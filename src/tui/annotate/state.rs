//! Everything the annotation screen shows, and nothing it draws with.

use crate::annotation::{AnnotationSet, Claim};
use crate::article::{Article, Paragraph};
use crate::tui::keymap::Keymaps;
pub use crate::tui::widgets::line_input::LineInput;
pub use crate::tui::widgets::status::SaveState;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// A span of one paragraph: 0-based paragraph index, `char` offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

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
}

pub struct App {
    pub article: Article,
    pub set: AnnotationSet,
    /// The annotator file this session writes.
    pub file: PathBuf,
    pub cursor: Span,
    pub mode: Mode,
    pub undo: Vec<Vec<Claim>>,
    pub redo: Vec<Vec<Claim>>,
    pub save: SaveState,
    /// Bumped on every change of the claims; the loop saves when it moves.
    pub revision: u64,
    pub message: Option<String>,
    pub last_search: Option<String>,
    pub search_hit: Option<Span>,
    /// The merged keys, so messages name the keys that work.
    pub keys: Arc<Keymaps>,
    /// Drawn from the first part of a long article while the rest loads.
    pub loading: bool,
    /// The claim that needs review being placed again (after `R`).
    pub placing: Option<Claim>,
    /// Words and sentences of the article for the summary, counted the
    /// first time it is shown (a long article should not wait for it).
    pub text_stats: std::cell::OnceCell<crate::export::TextStats>,
}

impl App {
    pub fn new(article: Article, set: AnnotationSet, file: PathBuf, keys: Arc<Keymaps>) -> App {
        let mut app = App {
            article,
            set,
            file,
            cursor: Span {
                para: 0,
                start: 0,
                end: 0,
            },
            mode: Mode::Normal,
            undo: Vec::new(),
            redo: Vec::new(),
            save: SaveState::Saved,
            revision: 0,
            message: None,
            last_search: None,
            search_hit: None,
            keys,
            loading: false,
            placing: None,
            text_stats: std::cell::OnceCell::new(),
        };
        app.cursor = app.first_sentence(0);
        app
    }

    pub fn paragraph(&self, i: usize) -> &Paragraph {
        &self.article.paragraphs[i]
    }

    pub fn current(&self) -> &Paragraph {
        self.paragraph(self.cursor.para)
    }

    pub fn sentences(&self, para: usize) -> Vec<Range<usize>> {
        self.paragraph(para).sentences()
    }

    pub fn first_sentence(&self, para: usize) -> Span {
        let r = self.sentences(para).into_iter().next().unwrap_or(0..0);
        Span {
            para,
            start: r.start,
            end: r.end,
        }
    }

    pub fn last_sentence(&self, para: usize) -> Span {
        let r = self.sentences(para).into_iter().last().unwrap_or(0..0);
        Span {
            para,
            start: r.start,
            end: r.end,
        }
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

    /// Index range into `set.claims` of the claims of 0-based paragraph `para`.
    pub fn claims_of(&self, para: usize) -> Range<usize> {
        self.set.paragraph_range(para + 1)
    }

    /// The claim the cursor is on: the one with exactly the target span,
    /// else the one overlapping it most (the later-starting on a tie).
    pub fn claim_under_cursor(&self) -> Option<usize> {
        let t = self.target();
        let range = self.claims_of(t.para);
        let claims = &self.set.claims[range.clone()];
        if let Some(i) = claims
            .iter()
            .position(|c| c.start == t.start && c.end == t.end)
        {
            return Some(range.start + i);
        }
        claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.overlaps(t.start, t.end))
            .max_by_key(|(_, c)| (c.end.min(t.end) - c.start.max(t.start), c.start))
            .map(|(i, _)| range.start + i)
    }

    /// The exact-span claim only (used when a selection was grown).
    pub fn claim_with_span(&self, t: Span) -> Option<usize> {
        let range = self.claims_of(t.para);
        self.set.claims[range.clone()]
            .iter()
            .position(|c| c.start == t.start && c.end == t.end)
            .map(|i| range.start + i)
    }

    /// The first key of `action`, for messages.
    pub fn key(&self, action: super::action::Action) -> String {
        self.keys.annotate.label(action).unwrap_or_default()
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.save, SaveState::ReadOnly(_))
    }
}
