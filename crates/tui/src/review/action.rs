//! What a key asks for on the review screen. Keys map to actions in the
//! keymap (`keys.toml`, `[keys.review]`); `update` applies them.

use byline_model::annotation::Kind;

pub const NORMAL: u8 = 1;

crate::actions! {
    pub enum Action in "review", modes [NORMAL: "reviewing"] {
        NextClaim = "next_claim", NORMAL, "next claim of theirs";
        PrevClaim = "prev_claim", NORMAL, "previous claim of theirs";
        Agree = "agree", NORMAL, "agree with the claim";
        Dispute = "dispute", NORMAL, "dispute it (then a comment)";
        ProposeSourced = "propose_sourced", NORMAL, "dispute, proposing sourced (then a comment)";
        ProposeAnonymous = "propose_anonymous", NORMAL, "dispute, proposing anonymous (then a comment)";
        ProposeEditorial = "propose_editorial", NORMAL, "dispute, proposing editorial (then a comment)";
        /// Edit the comment of the verdict on this claim.
        Comment = "comment", NORMAL, "edit the comment of your verdict";
        /// Take back the verdict on this claim.
        Clear = "clear", NORMAL, "take back your verdict on this claim";
        Copy = "copy", NORMAL, "copy the claim into your own annotation file";
        NextDisagreement = "next_disagreement", NORMAL, "next disagreement with your file (--mine)";
        PrevDisagreement = "prev_disagreement", NORMAL, "previous disagreement with your file (--mine)";
        Undo = "undo", NORMAL, "undo (verdicts and copies)";
        Redo = "redo", NORMAL, "redo";
        Help = "help", NORMAL, "this help";
        Messages = "messages", NORMAL, "the last messages, in full";
        Quit = "quit", NORMAL, "quit (verdicts are already saved)";
    }
}

impl Action {
    /// The kind a propose action proposes.
    pub fn proposed(self) -> Option<Kind> {
        match self {
            Action::ProposeSourced => Some(Kind::Sourced),
            Action::ProposeAnonymous => Some(Kind::Anonymous),
            Action::ProposeEditorial => Some(Kind::Editorial),
            _ => None,
        }
    }
}

/// Shown in the footer, in this order, where the screen has room.
pub const HINTS: &[(Action, &str)] = &[
    (Action::NextClaim, "next"),
    (Action::Agree, "agree"),
    (Action::Dispute, "dispute"),
    (Action::ProposeSourced, "S"),
    (Action::ProposeAnonymous, "A"),
    (Action::ProposeEditorial, "E"),
    (Action::Copy, "copy"),
    (Action::NextDisagreement, "next diff"),
    (Action::Undo, "undo"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
