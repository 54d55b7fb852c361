//! What a key asks for. Keys map to actions in `keymap`; `update` applies
//! them to the state.

use crate::annotation::Kind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    NextSentence,
    PrevSentence,
    NextParagraph,
    PrevParagraph,
    FirstParagraph,
    LastParagraph,
    /// Start growing a selection from the cursor sentence.
    Select,
    GrowSentence,
    ShrinkSentence,
    GrowWord,
    ShrinkWord,
    /// Move the selection's start one word on (to leave out a lead-in).
    StartWordRight,
    StartWordLeft,
    Mark(Kind),
    EditNote,
    Delete,
    Undo,
    Redo,
    NextClaim,
    /// Go to the next claim marked `needs-review` (the article changed).
    NextNeedsReview,
    /// Put the claim that needs review on the selection.
    PlaceClaim,
    PrevClaim,
    Search,
    /// The article's figures, as `byline export` computes them.
    Summary,
    Help,
    /// Leave the selection, prompt or overlay.
    Cancel,
    Quit,
}

impl Action {
    /// The help text for the key that triggers the action.
    pub fn describe(self) -> &'static str {
        match self {
            Action::NextSentence => "next sentence (into the next paragraph at the end)",
            Action::PrevSentence => "previous sentence",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::FirstParagraph => "first paragraph",
            Action::LastParagraph => "last paragraph",
            Action::Select => "start growing the selection from this sentence",
            Action::GrowSentence => "grow the selection by a sentence",
            Action::ShrinkSentence => "shrink the selection by a sentence",
            Action::GrowWord => "move the selection's end one word on",
            Action::ShrinkWord => "move the selection's end one word back",
            Action::StartWordRight => "move the selection's start one word on",
            Action::StartWordLeft => "move the selection's start one word back",
            Action::Mark(Kind::Sourced) => "mark sourced (then type the source)",
            Action::Mark(Kind::Anonymous) => "mark anonymous (then describe the source)",
            Action::Mark(Kind::Editorial) => "mark editorial (the writer's own judgement)",
            Action::EditNote => "edit the note of the claim under the cursor",
            Action::Delete => "delete the claim under the cursor",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::NextClaim => "next claim",
            Action::PrevClaim => "previous claim",
            Action::NextNeedsReview => "next claim that needs review (⚠)",
            Action::PlaceClaim => "put the claim that needs review here",
            Action::Search => "search the article (Enter on empty repeats)",
            Action::Summary => "summary: kinds, anonymity ratio, editorial density",
            Action::Help => "this help",
            Action::Cancel => "cancel the selection",
            Action::Quit => "quit (everything is already saved)",
        }
    }
}
