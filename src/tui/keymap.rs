//! Default key bindings, one table per mode. The help overlay is generated
//! from these tables, so it cannot drift from what the keys do.

use super::action::Action;
use crate::annotation::Kind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

pub type Bindings = &'static [(Key, Action)];

/// Keys while reading: the cursor is a sentence.
pub const NORMAL: Bindings = &[
    (Key::ch('j'), Action::NextSentence),
    (Key::plain(KeyCode::Down), Action::NextSentence),
    (Key::ch('k'), Action::PrevSentence),
    (Key::plain(KeyCode::Up), Action::PrevSentence),
    (Key::ch('}'), Action::NextParagraph),
    (Key::plain(KeyCode::PageDown), Action::NextParagraph),
    (Key::ch('{'), Action::PrevParagraph),
    (Key::plain(KeyCode::PageUp), Action::PrevParagraph),
    (Key::ch('g'), Action::FirstParagraph),
    (Key::plain(KeyCode::Home), Action::FirstParagraph),
    (Key::ch('G'), Action::LastParagraph),
    (Key::plain(KeyCode::End), Action::LastParagraph),
    (Key::ch('v'), Action::Select),
    (Key::ch('s'), Action::Mark(Kind::Sourced)),
    (Key::ch('a'), Action::Mark(Kind::Anonymous)),
    (Key::ch('e'), Action::Mark(Kind::Editorial)),
    (Key::ch('n'), Action::EditNote),
    (Key::ch('x'), Action::Delete),
    (Key::ch('u'), Action::Undo),
    (Key::ctrl('r'), Action::Redo),
    (Key::plain(KeyCode::Tab), Action::NextClaim),
    (Key::plain(KeyCode::BackTab), Action::PrevClaim),
    (Key::ch('R'), Action::NextNeedsReview),
    (Key::ch('p'), Action::PlaceClaim),
    (Key::ch('/'), Action::Search),
    (Key::ch('%'), Action::Summary),
    (Key::ch('?'), Action::Help),
    (Key::ch('q'), Action::Quit),
    (Key::ctrl('c'), Action::Quit),
];

/// Keys while growing a selection (after `v`).
pub const SELECT: Bindings = &[
    (Key::ch('j'), Action::GrowSentence),
    (Key::plain(KeyCode::Down), Action::GrowSentence),
    (Key::ch('k'), Action::ShrinkSentence),
    (Key::plain(KeyCode::Up), Action::ShrinkSentence),
    (Key::ch('l'), Action::GrowWord),
    (Key::plain(KeyCode::Right), Action::GrowWord),
    (Key::ch('h'), Action::ShrinkWord),
    (Key::plain(KeyCode::Left), Action::ShrinkWord),
    (Key::ch('L'), Action::StartWordRight),
    (Key::ch('H'), Action::StartWordLeft),
    (Key::ch('s'), Action::Mark(Kind::Sourced)),
    (Key::ch('a'), Action::Mark(Kind::Anonymous)),
    (Key::ch('e'), Action::Mark(Kind::Editorial)),
    (Key::ch('p'), Action::PlaceClaim),
    (Key::plain(KeyCode::Esc), Action::Cancel),
    (Key::ch('v'), Action::Cancel),
    (Key::ch('q'), Action::Quit),
    (Key::ctrl('c'), Action::Quit),
];

/// Keys in a one-line prompt, for the help overlay; the prompt itself
/// handles them as text editing.
pub const PROMPT_HELP: &[(&str, &str)] = &[
    ("Enter", "keep what is typed"),
    ("Esc", "leave it (a new claim's source stays empty)"),
    ("Tab", "accept the suggested source"),
    (
        "Backspace / Ctrl-w / Ctrl-u",
        "delete a character / word / all",
    ),
];

/// What a keymap needs from its actions: the annotation screen's and the
/// review screen's tables share the lookup and the generated help.
pub trait Described: Copy + PartialEq {
    fn describe(self) -> &'static str;
}

impl Described for Action {
    fn describe(self) -> &'static str {
        Action::describe(self)
    }
}

pub fn lookup<A: Described>(bindings: &[(Key, A)], key: Key) -> Option<A> {
    bindings.iter().find(|(k, _)| *k == key).map(|(_, a)| *a)
}

/// Help rows for a table: every key of an action on one row, in table
/// order.
pub fn help_rows<A: Described>(bindings: &[(Key, A)]) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(A, Vec<String>)> = Vec::new();
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

/// The first key bound to `action`, for hints.
pub fn key_for<A: Described>(bindings: &[(Key, A)], action: A) -> Option<String> {
    bindings
        .iter()
        .find(|(_, a)| *a == action)
        .map(|(k, _)| k.label())
}
