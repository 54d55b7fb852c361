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

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn plain(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub const NORMAL: Bindings = &[
    (plain(KeyCode::Tab), Action::NextClaim),
    (ch('j'), Action::NextClaim),
    (plain(KeyCode::Down), Action::NextClaim),
    (plain(KeyCode::BackTab), Action::PrevClaim),
    (ch('k'), Action::PrevClaim),
    (plain(KeyCode::Up), Action::PrevClaim),
    (ch('y'), Action::Agree),
    (ch('d'), Action::Dispute),
    (ch('s'), Action::Propose(Kind::Sourced)),
    (ch('a'), Action::Propose(Kind::Anonymous)),
    (ch('e'), Action::Propose(Kind::Editorial)),
    (ch('n'), Action::Comment),
    (ch('x'), Action::Clear),
    (ch('c'), Action::Copy),
    (ch(']'), Action::NextDisagreement),
    (ch('['), Action::PrevDisagreement),
    (ch('u'), Action::Undo),
    (ctrl('r'), Action::Redo),
    (ch('?'), Action::Help),
    (ch('q'), Action::Quit),
    (ctrl('c'), Action::Quit),
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

pub fn lookup(bindings: Bindings, key: Key) -> Option<Action> {
    bindings.iter().find(|(k, _)| *k == key).map(|(_, a)| *a)
}

/// Help rows: every key of an action on one row, in table order.
pub fn help_rows(bindings: Bindings) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
    for (key, action) in bindings {
        match rows.iter_mut().find(|(a, _)| a == action) {
            Some((_, keys)) => keys.push(key.label()),
            None => rows.push((*action, vec![key.label()])),
        }
    }
    rows.into_iter()
        .map(|(a, keys)| (keys.join(" "), a.describe()))
        .collect()
}

pub fn key_for(bindings: Bindings, action: Action) -> Option<String> {
    bindings
        .iter()
        .find(|(_, a)| *a == action)
        .map(|(k, _)| k.label())
}
