//! Everything the adjudication screen shows, and nothing it draws with.

use crate::runtime::ScreenCore;
use crate::widgets::line_input::LineInput;
use byline_model::Para;
use byline_model::annotation::{AnnotationSet, Claim, Dismissed};
use byline_model::article::Article;
use byline_model::review::adjudicate::{self as adj, Dispute, Plan, Version};
use byline_store::adjudicate::Annotator;
use std::path::PathBuf;
use std::sync::Arc;

/// Which field of an edited version the prompt holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditStep {
    Kind,
    Source,
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// Editing a version before it goes to gold: kind, then source (kinds
    /// that name one), then note; `Esc` leaves it all.
    Edit {
        step: EditStep,
        draft: Box<Claim>,
        input: LineInput,
    },
    Help {
        scroll: usize,
    },
}

/// The gold file before a decision, for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub claims: Vec<Claim>,
    pub dismissed: Vec<Dismissed>,
    pub focus: usize,
}

pub struct AdjudicateApp {
    pub article: Article,
    /// The annotators compared, in file-name order (their numbers on
    /// screen are their places here, from 1).
    pub annotators: Vec<Annotator>,
    /// Their files' stems, as `from` names them.
    pub slugs: Vec<String>,
    /// How many annotators must agree.
    pub k: usize,
    pub plan: Plan,
    pub gold: AnnotationSet,
    pub gold_file: PathBuf,
    /// Per dispute: whether gold holds a decision on it.
    pub decided: Vec<bool>,
    /// Index into `plan.disputes`.
    pub focus: usize,
    /// Index into [`AdjudicateApp::versions`] of the focused dispute.
    pub cursor: usize,
    pub mode: Mode,
    pub undo: Vec<Snapshot>,
    /// Its revision (of the gold file), save state, message, keys.
    pub core: ScreenCore,
    /// The corpus's sources registry, which the source prompt completes
    /// from, and where it is (`None`: it could not be read).
    pub sources: Option<(Arc<byline_model::sources::Registry>, bool, PathBuf)>,
}

impl AdjudicateApp {
    /// The annotators' claims, as the model takes them.
    pub fn sets(&self) -> Vec<&[Claim]> {
        self.annotators
            .iter()
            .map(|a| a.set.claims.as_slice())
            .collect()
    }

    pub fn claim(&self, v: Version) -> &Claim {
        &self.annotators[v.annotator].set.claims[v.claim]
    }

    pub fn dispute(&self) -> Option<&Dispute> {
        self.plan.disputes.get(self.focus)
    }

    /// The focused dispute's versions in the order shown: annotator by
    /// annotator, each one's claims in file order.
    pub fn versions(&self) -> Vec<Version> {
        let Some(d) = self.dispute() else {
            return Vec::new();
        };
        (0..self.annotators.len()).flat_map(|a| d.of(a)).collect()
    }

    /// The version under the cursor.
    pub fn current(&self) -> Option<Version> {
        let v = self.versions();
        v.get(crate::row::clamp(self.cursor, v.len())).copied()
    }

    /// Recomputes which disputes gold decides.
    pub fn refresh(&mut self) {
        let sets = self.sets();
        let decided = self
            .plan
            .disputes
            .iter()
            .map(|d| adj::decided(d, &sets, &self.slugs, &self.gold))
            .collect();
        self.decided = decided;
        // Gold is done when nothing is left to decide (FORMAT.md), so
        // `agree --against gold` can tell a finished gold from one half
        // way through.
        let finished = self.left() == 0;
        if finished != self.gold.annotator.done.is_some() {
            self.gold.annotator.done = if finished {
                byline_store::open::now()
            } else {
                None
            };
        }
    }

    pub fn left(&self) -> usize {
        self.decided.iter().filter(|d| !**d).count()
    }

    /// The gold claims that overlap the focused dispute.
    pub fn gold_here(&self) -> Vec<&Claim> {
        let Some(d) = self.dispute() else {
            return Vec::new();
        };
        self.gold
            .claims
            .iter()
            .filter(|g| g.at.overlaps(&d.at))
            .collect()
    }

    /// Annotator `a`'s claims over the focused dispute that are not
    /// versions of it: those a majority agreed on.
    pub fn agreed_here(&self, a: usize) -> Vec<&Claim> {
        let Some(d) = self.dispute() else {
            return Vec::new();
        };
        let mine: Vec<usize> = d.of(a).iter().map(|v| v.claim).collect();
        self.annotators[a]
            .set
            .claims
            .iter()
            .enumerate()
            .filter(|(i, c)| !mine.contains(i) && !c.needs_review() && c.at.overlaps(&d.at))
            .map(|(_, c)| c)
            .collect()
    }

    /// The first key of `action`, for messages.
    pub fn key(&self, action: super::action::Action) -> String {
        self.core.keys.adjudicate.label(action).unwrap_or_default()
    }

    /// The paragraph shown.
    pub fn paragraph(&self) -> Para {
        self.dispute()
            .map_or(Para::FIRST, |d| d.at.para)
            .clamp_to(self.article.len())
    }
}
