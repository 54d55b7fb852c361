//! Everything the review screen shows, and nothing it draws with.

use crate::keys::Keymaps;
use crate::runtime::ScreenCore;
use crate::widgets::line_input::LineInput;
use byline_model::Para;
use byline_model::annotation::Claim;
use byline_model::review::compare::{self, Item, State};
use byline_model::review::verdict::{Entry, Progress};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// The comment of the verdict on their claim `claim`; `before` is what
    /// `Esc` leaves it at.
    Comment {
        claim: usize,
        input: LineInput,
        before: Option<String>,
    },
    Help {
        scroll: usize,
    },
}

/// A change to my own annotation file, carried out by the store outside
/// `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum MineOp {
    Add(Claim),
    /// Removes the claim with this span, kind and quote.
    Remove(Claim),
}

/// One undo step.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The verdicts before a change.
    Verdicts(Vec<Entry>),
    /// A claim copied into my file.
    Copied(Box<Claim>),
}

pub use byline_store::review_open::Parts;

pub struct ReviewApp {
    /// The article and the three files, as opened; my annotation file is
    /// kept as last read or written.
    pub parts: Parts,
    /// Their claims, and mine with `--mine`, in article order.
    pub items: Vec<Item>,
    /// For each of their claims, the index of its verdict.
    pub verdict_of: Vec<Option<usize>>,
    /// Index into `items`.
    pub focus: usize,
    pub mode: Mode,
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
    /// Changes to my file waiting for the store.
    pub pending: Vec<MineOp>,
    /// Its revision (of the verdicts), save state, message, keys.
    pub core: ScreenCore,
}

impl ReviewApp {
    pub fn new(parts: Parts) -> ReviewApp {
        let mut app = ReviewApp {
            parts,
            items: Vec::new(),
            verdict_of: Vec::new(),
            focus: 0,
            mode: Mode::Normal,
            undo: Vec::new(),
            redo: Vec::new(),
            pending: Vec::new(),
            core: ScreenCore::new(Arc::new(Keymaps::default())),
        };
        app.refresh();
        // Reopened: on their first claim not reviewed yet, else the first.
        let judged = app.parts.review.match_claims(&app.parts.theirs.claims);
        let open = |i: &Item| {
            i.theirs
                .is_some_and(|c| judged.get(c).is_some_and(Option::is_none))
        };
        app.focus = app
            .items
            .iter()
            .position(open)
            .or_else(|| app.items.iter().position(|i| i.theirs.is_some()))
            .unwrap_or(0);
        let orphaned = app.progress().orphaned;
        if orphaned > 0 {
            app.core.message = Some(format!(
                "{orphaned} earlier verdict(s) no longer match a claim of theirs; they stay in {}",
                app.parts.review_file.display()
            ));
        }
        app
    }

    /// Recomputes what depends on the claims and verdicts, keeping the
    /// focus on the same claim.
    pub fn refresh(&mut self) {
        let was = self.items.get(self.focus).copied();
        let mine: &[Claim] = match (&self.parts.mine, self.parts.side_by_side) {
            (Some(m), true) => &m.claims,
            _ => &[],
        };
        self.items = compare::compare(&self.parts.theirs.claims, mine);
        self.verdict_of = self.parts.review.match_claims(&self.parts.theirs.claims);
        if let Some(was) = was {
            let same = self.items.iter().position(|i| match was.theirs {
                Some(t) => i.theirs == Some(t),
                None => i.mine == was.mine,
            });
            let near = || {
                self.items
                    .iter()
                    .position(|i| (i.at.para, i.at.start) >= (was.at.para, was.at.start))
            };
            self.focus = same
                .or_else(near)
                .unwrap_or(crate::row::last(self.items.len()));
        }
    }

    /// The first key of `action`, for messages.
    pub fn key(&self, action: super::action::Action) -> String {
        self.core.keys.review.label(action).unwrap_or_default()
    }

    pub fn progress(&self) -> Progress {
        self.parts.review.progress(&self.parts.theirs.claims)
    }

    pub fn focused(&self) -> Option<&Item> {
        self.items.get(self.focus)
    }

    /// Their claim under the focus.
    pub fn focused_claim(&self) -> Option<usize> {
        self.focused().and_then(|i| i.theirs)
    }

    pub fn verdict(&self, claim: usize) -> Option<&Entry> {
        self.verdict_of
            .get(claim)
            .copied()
            .flatten()
            .map(|v| &self.parts.review.verdicts[v])
    }

    pub fn my_claim(&self, item: &Item) -> Option<&Claim> {
        item.mine
            .and_then(|j| self.parts.mine.as_ref().and_then(|m| m.claims.get(j)))
    }

    /// The focused item's state, shown only side by side.
    pub fn state_of(&self, item: &Item) -> Option<State> {
        self.parts.side_by_side.then_some(item.state)
    }

    /// The focused paragraph.
    pub fn paragraph(&self) -> Para {
        self.focused()
            .map_or(Para::FIRST, |i| i.at.para)
            .clamp_to(self.parts.article.len())
    }
}
