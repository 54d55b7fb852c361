//! The one-line prompt every screen uses (source, note, comment, search):
//! its editing keys come from the keymap's `[keys.prompt]`, and its help
//! line is generated from them.

use crate::keymap::{Key, Keymap};
use crate::theme::Theme;
use crate::view_util::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const PROMPT: u8 = 1;

crate::actions! {
    /// Keys inside a prompt; any other plain character is typed.
    pub enum PromptAction in "prompt", modes [PROMPT: "prompt"] {
        Submit = "submit", PROMPT, "keep what is typed";
        Cancel = "cancel", PROMPT, "leave the prompt (what it edits stays as it was)";
        AcceptHint = "accept_hint", PROMPT, "take the suggested text";
        DeleteChar = "delete_char", PROMPT, "delete a character";
        DeleteWord = "delete_word", PROMPT, "delete a word";
        DeleteLine = "delete_line", PROMPT, "delete everything typed";
    }
}

/// What is typed, and a suggestion that `accept_hint` takes (typing never
/// appends to it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    pub text: String,
    pub hint: Option<String>,
}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The prompt is done with what was typed (trimmed; `None` when empty).
    Submit(Option<String>),
    Cancel,
    Edited,
    Ignored,
}

impl LineInput {
    pub fn new(text: impl Into<String>, hint: Option<String>) -> LineInput {
        LineInput {
            text: text.into(),
            hint,
        }
    }

    pub fn key(&mut self, keys: &Keymap<PromptAction>, key: Key) -> Edit {
        match keys.lookup(PROMPT, key) {
            Some(PromptAction::Submit) => {
                let t = self.text.trim();
                Edit::Submit((!t.is_empty()).then(|| t.to_owned()))
            }
            Some(PromptAction::Cancel) => Edit::Cancel,
            Some(PromptAction::AcceptHint) => {
                if let Some(h) = self.hint.take() {
                    self.text = h;
                }
                Edit::Edited
            }
            Some(PromptAction::DeleteChar) => {
                self.text.pop();
                Edit::Edited
            }
            Some(PromptAction::DeleteWord) => {
                let trimmed = self.text.trim_end().len();
                let cut = self.text[..trimmed]
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
                self.text.truncate(cut);
                Edit::Edited
            }
            Some(PromptAction::DeleteLine) => {
                self.text.clear();
                Edit::Edited
            }
            None => match key.typed_char() {
                // Control characters never enter a field that is saved.
                Some(c) if !c.is_control() => {
                    self.text.push(c);
                    Edit::Edited
                }
                _ => Edit::Ignored,
            },
        }
    }

    /// Draws `label`, the text (its end, when long: that is where the
    /// typing happens), the hint, and on the right what Enter and Esc do;
    /// returns where the terminal cursor goes.
    pub fn draw(
        &self,
        label: &str,
        meaning: (&str, &str),
        keys: &Keymap<PromptAction>,
        theme: &Theme,
        area: Rect,
        buf: &mut Buffer,
    ) -> Position {
        let room = (area.width as usize).saturating_sub(label.width() + 1);
        let shown = if self.text.width() > room {
            let mut tail: Vec<char> = Vec::new();
            let mut w = 1;
            for c in self.text.chars().rev() {
                w += c.width().unwrap_or(0);
                if w > room {
                    break;
                }
                tail.push(c);
            }
            std::iter::once('…').chain(tail.into_iter().rev()).collect()
        } else {
            self.text.clone()
        };
        let cursor_x = area.x + (label.width() + shown.width()) as u16;
        let width = area.width as usize;
        let typed = label.width() + shown.width();
        // What Enter and Esc do, in words when there is room, else their
        // keys alone; the hint gets what is left, cut, never the keys.
        let full = help_line(keys, meaning);
        let short = short_help(keys);
        let hint = self
            .hint
            .as_ref()
            .and_then(|h| keys.label(PromptAction::AcceptHint).map(|tab| (tab, h)));
        let hint_text = |room: usize| {
            hint.as_ref().and_then(|(tab, h)| {
                let fixed = format!("  ({tab}: )").width();
                (room >= fixed + 4).then(|| format!("  ({tab}: {})", truncate(h, room - fixed)))
            })
        };
        let whole_hint = hint.as_ref().map(|(tab, h)| format!("  ({tab}: {h})"));
        let (hint_shown, help) = {
            let hint_w = whole_hint.as_ref().map_or(0, |h| h.width());
            if typed + hint_w + 2 + full.width() <= width {
                (whole_hint.clone(), Some(full))
            } else if typed + hint_w + 2 + short.width() <= width {
                (whole_hint.clone(), Some(short))
            } else if typed + 2 + short.width() + 13 <= width {
                let room = width - typed - 2 - short.width();
                (hint_text(room), Some(short))
            } else if hint.is_some() {
                // Tab's text is worth more than the keys' names here.
                (hint_text(width.saturating_sub(typed)), None)
            } else {
                (None, Some(short))
            }
        };
        let mut spans = vec![Span::styled(label, theme.heading()), Span::raw(shown)];
        if let Some(h) = hint_shown {
            spans.push(Span::styled(h, theme.hint()));
        }
        let line = Line::from(spans);
        buf.set_line(area.x, area.y, &line, area.width);
        if let Some(help) = help {
            let used = line.width() as u16 + 2;
            if used + help.width() as u16 <= area.width {
                let x = area.right() - help.width() as u16;
                buf.set_string(x, area.y, &help, theme.hint());
            }
        }
        Position::new(cursor_x.min(area.right().saturating_sub(1)), area.y)
    }
}

/// `Enter/Esc`: the prompt's keys without their words, for a narrow line.
fn short_help(keys: &Keymap<PromptAction>) -> String {
    [PromptAction::Submit, PromptAction::Cancel]
        .iter()
        .filter_map(|a| keys.label(*a))
        .collect::<Vec<_>>()
        .join("/")
}

/// `Enter keep · Esc leave empty`, from the keymap.
pub fn help_line(keys: &Keymap<PromptAction>, (submit, cancel): (&str, &str)) -> String {
    let mut parts = Vec::new();
    if let Some(k) = keys.label(PromptAction::Submit) {
        parts.push(format!("{k} {submit}"));
    }
    if let Some(k) = keys.label(PromptAction::Cancel) {
        parts.push(format!("{k} {cancel}"));
    }
    parts.join(" · ")
}
