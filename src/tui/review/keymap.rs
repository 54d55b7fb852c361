//! The review screen's keys, one table per mode, in the pattern of
//! `tui::keymap`: the help overlay and the footer hints are generated from
//! these tables, so they cannot drift from what the keys do.

use crate::annotation::Kind;
use crate::tui::keymap::Key;
use crossterm::event::KeyCode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    NextClaim,
    PrevClaim,
    Agree,
    Dispute,
    /// Dispute, proposing this kind instead.
    Propose(Kind),
    /// Edit the comment of the verdict on this claim.
    Comment,
    /// Take back the verdict on this claim.
    Clear,
    Copy,
    NextDisagreement,
    PrevDisagreement,
    Undo,
    Redo,
    Help,
    Quit,
}

impl Action {
    pub fn describe(self) -> &'static str {
        match self {
            Action::NextClaim => "next claim of theirs",
            Action::PrevClaim => "previous claim of theirs",
            Action::Agree => "agree with the claim",
            Action::Dispute => "dispute it (then a comment)",
            Action::Propose(Kind::Sourced) => "dispute, proposing sourced (then a comment)",
            Action::Propose(Kind::Anonymous) => "dispute, proposing anonymous (then a comment)",
            Action::Propose(Kind::Editorial) => "dispute, proposing editorial (then a comment)",
            Action::Comment => "edit the comment of your verdict",
            Action::Clear => "take back your verdict on this claim",
            Action::Copy => "copy the claim into your own annotation file",
            Action::NextDisagreement => "next disagreement with your file (--mine)",
            Action::PrevDisagreement => "previous disagreement with your file (--mine)",
            Action::Undo => "undo (verdicts and copies)",
            Action::Redo => "redo",
            Action::Help => "this help",
            Action::Quit => "quit (verdicts are already saved)",
        }
    }
}

pub type Bindings = &'static [(Key, Action)];

pub const NORMAL: Bindings = &[
    (Key::plain(KeyCode::Tab), Action::NextClaim),
    (Key::ch('j'), Action::NextClaim),
    (Key::plain(KeyCode::Down), Action::NextClaim),
    (Key::plain(KeyCode::BackTab), Action::PrevClaim),
    (Key::ch('k'), Action::PrevClaim),
    (Key::plain(KeyCode::Up), Action::PrevClaim),
    (Key::ch('y'), Action::Agree),
    (Key::ch('d'), Action::Dispute),
    (Key::ch('s'), Action::Propose(Kind::Sourced)),
    (Key::ch('a'), Action::Propose(Kind::Anonymous)),
    (Key::ch('e'), Action::Propose(Kind::Editorial)),
    (Key::ch('n'), Action::Comment),
    (Key::ch('x'), Action::Clear),
    (Key::ch('c'), Action::Copy),
    (Key::ch(']'), Action::NextDisagreement),
    (Key::ch('['), Action::PrevDisagreement),
    (Key::ch('u'), Action::Undo),
    (Key::ctrl('r'), Action::Redo),
    (Key::ch('?'), Action::Help),
    (Key::ch('q'), Action::Quit),
    (Key::ctrl('c'), Action::Quit),
];

/// Keys in the comment prompt, for the help overlay.
pub const PROMPT_HELP: &[(&str, &str)] = &[
    ("Enter", "keep the comment"),
    ("Esc", "leave it as it was (empty for a new verdict)"),
    (
        "Backspace / Ctrl-w / Ctrl-u",
        "delete a character / word / all",
    ),
];

/// Shown in the footer, in this order, where the screen has room.
pub const HINTS: &[(Action, &str)] = &[
    (Action::NextClaim, "next"),
    (Action::Agree, "agree"),
    (Action::Dispute, "dispute"),
    (Action::Propose(Kind::Sourced), "S"),
    (Action::Propose(Kind::Anonymous), "A"),
    (Action::Propose(Kind::Editorial), "E"),
    (Action::Copy, "copy"),
    (Action::NextDisagreement, "next diff"),
    (Action::Undo, "undo"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

impl crate::tui::keymap::Described for Action {
    fn describe(self) -> &'static str {
        Action::describe(self)
    }
}

pub use crate::tui::keymap::{help_rows, key_for, lookup};
