//! The one-line prompt every screen uses (source, note, comment, search):
//! its editing keys come from the keymap's `[keys.prompt]`, and its help
//! line is generated from them.

use crate::keymap::{Key, Keymap};
use crate::theme::Theme;
use crate::view_util::truncate;
use byline_model::sources::{Registry, fold};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use std::sync::Arc;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const PROMPT: u8 = 1;

crate::actions! {
    /// Keys inside a prompt; any other plain character is typed.
    pub enum PromptAction in "prompt", modes [PROMPT: "prompt"] {
        Submit = "submit", PROMPT, "keep what is typed";
        Cancel = "cancel", PROMPT, "leave the prompt (what it edits stays as it was)";
        AcceptHint = "accept_hint", PROMPT, "take the suggested text; in the source prompt, the next name from the sources registry";
        DeleteChar = "delete_char", PROMPT, "delete a character";
        DeleteWord = "delete_word", PROMPT, "delete a word";
        DeleteLine = "delete_line", PROMPT, "delete everything typed";
        PrevCompletion = "prev_completion", PROMPT, "the source prompt: the previous name from the sources registry";
    }
}

/// What is typed, and a suggestion that `accept_hint` takes (typing never
/// appends to it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    pub text: String,
    pub hint: Option<String>,
    /// The source prompt's completion from the sources registry.
    pub complete: Option<Complete>,
}

/// Completion from the sources registry (`sources.toml`): `accept_hint`
/// (Tab) fills in the next name or alias that matches what was typed,
/// `prev_completion` (Shift-Tab) the previous one; after a `;` they cycle
/// the registry's types, and `name; type` adds a new source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complete {
    pub registry: Arc<Registry>,
    /// Whether the registry file exists: an empty registry offers
    /// nothing and says nothing until a `;` is typed.
    pub exists: bool,
    cycle: Option<Cycle>,
    /// Enter was refused: the type after `;` is not one.
    refused: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Cycle {
    offers: Vec<Offer>,
    at: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Offer {
    text: String,
    about: String,
}

/// `Name; type` split at its last `;`, both trimmed.
pub fn split_type(text: &str) -> Option<(&str, &str)> {
    text.rsplit_once(';').map(|(n, t)| (n.trim(), t.trim()))
}

impl Complete {
    pub fn new(registry: Arc<Registry>, exists: bool) -> Complete {
        Complete {
            registry,
            exists,
            cycle: None,
            refused: false,
        }
    }

    fn offers(&self, text: &str) -> Vec<Offer> {
        let r = &self.registry;
        if let Some((name, typed)) = split_type(text) {
            let t = fold(typed);
            return r
                .types
                .iter()
                .filter(|x| fold(&x.id).starts_with(&t) || fold(&x.label).starts_with(&t))
                .map(|x| Offer {
                    text: format!("{name}; {}", x.id),
                    about: x.label.clone(),
                })
                .collect();
        }
        r.complete(text)
            .into_iter()
            .map(|c| Offer {
                about: if c.alias {
                    format!("{} · {}", c.name, r.label(&c.kind))
                } else {
                    r.label(&c.kind)
                },
                text: c.text,
            })
            .collect()
    }

    /// Moves through the offers for `text` (forward or back); `None` when
    /// there are none.
    fn step(&mut self, text: &str, forward: bool) -> Option<String> {
        let cycle = match self.cycle.take() {
            Some(mut c) => {
                let n = c.offers.len();
                c.at = if forward {
                    (c.at + 1) % n
                } else {
                    (c.at + n - 1) % n
                };
                c
            }
            None => {
                let offers = self.offers(text);
                if offers.is_empty() {
                    return None;
                }
                let at = if forward { 0 } else { offers.len() - 1 };
                Cycle { offers, at }
            }
        };
        let text = cycle.offers[cycle.at].text.clone();
        self.cycle = Some(cycle);
        Some(text)
    }

    /// What the prompt says beside the text: the offer shown while
    /// cycling, whether the text is in the registry, how to add it.
    fn aside(&self, text: &str, tab: Option<&str>) -> Option<String> {
        let r = &self.registry;
        if let Some(c) = &self.cycle {
            return Some(format!(
                "  ({}/{}: {})",
                c.at + 1,
                c.offers.len(),
                c.offers[c.at].about
            ));
        }
        let typed = text.trim();
        if let Some((name, kind)) = split_type(typed) {
            return Some(match r.type_for(kind) {
                _ if name.is_empty() => "  (type a name before the ;)".into(),
                Some(t) if r.resolve(name).is_some() => {
                    format!(
                        "  (already in sources.toml; Enter keeps it, not as {})",
                        t.label
                    )
                }
                Some(t) => format!("  (Enter adds it: {})", t.label),
                None => {
                    let ids: Vec<&str> = r.types.iter().map(|t| t.id.as_str()).collect();
                    format!(
                        "  ({}types: {})",
                        if self.refused { "not a type; " } else { "" },
                        ids.join(", ")
                    )
                }
            });
        }
        if !self.exists || typed.is_empty() {
            return None;
        }
        if let Some(e) = r.resolve(typed) {
            return Some(if fold(&e.name) == fold(typed) {
                format!("  ({})", r.label(&e.kind))
            } else {
                format!("  (= {}, {})", e.name, r.label(&e.kind))
            });
        }
        let n = r.complete(typed).len();
        let tab = tab.unwrap_or("Tab");
        Some(if n > 0 {
            format!("  ({tab}: {n} in sources.toml · new: name; type)")
        } else {
            "  (new: name; type adds it to sources.toml)".into()
        })
    }
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
            complete: None,
        }
    }

    pub fn key(&mut self, keys: &Keymap<PromptAction>, key: Key) -> Edit {
        let action = keys.lookup(PROMPT, key);
        if let Some(c) = &mut self.complete {
            c.refused = false;
            if !matches!(
                action,
                Some(PromptAction::AcceptHint | PromptAction::PrevCompletion)
            ) {
                c.cycle = None;
            }
        }
        match action {
            Some(PromptAction::Submit) => {
                let t = self.text.trim();
                if let Some(c) = &mut self.complete
                    && let Some((_, kind)) = split_type(t)
                    && c.registry.type_for(kind).is_none()
                {
                    // `name; typo` would be saved as the source, `;` and all.
                    c.refused = true;
                    return Edit::Edited;
                }
                Edit::Submit((!t.is_empty()).then(|| t.to_owned()))
            }
            Some(PromptAction::Cancel) => Edit::Cancel,
            Some(PromptAction::AcceptHint) => {
                // The guess first while nothing is typed, as without a
                // registry; else the registry's next match.
                let completed = match &mut self.complete {
                    Some(c) if !(self.text.is_empty() && self.hint.is_some()) => {
                        c.step(&self.text, true)
                    }
                    _ => None,
                };
                match completed {
                    Some(t) => self.text = t,
                    None => {
                        if let Some(h) = self.hint.take() {
                            self.text = h;
                        }
                    }
                }
                Edit::Edited
            }
            Some(PromptAction::PrevCompletion) => {
                if let Some(c) = &mut self.complete
                    && let Some(t) = c.step(&self.text, false)
                {
                    self.text = t;
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
        let mut whole_hint = hint.as_ref().map(|(tab, h)| format!("  ({tab}: {h})"));
        // The registry's word, when there is one, over a guess that Tab
        // would no longer take.
        let aside = self
            .complete
            .as_ref()
            .and_then(|c| c.aside(&self.text, keys.label(PromptAction::AcceptHint).as_deref()));
        let guess_shown = hint.is_some() && self.text.is_empty();
        let aside = aside
            .filter(|_| !guess_shown || self.complete.as_ref().is_some_and(|c| c.cycle.is_some()));
        let hint_text = |room: usize| match &aside {
            Some(a) => (room >= 8).then(|| truncate(a, room)),
            None => hint_text(room),
        };
        if aside.is_some() {
            whole_hint = aside.clone();
        }
        let (hint_shown, help) = {
            let hint_w = whole_hint.as_ref().map_or(0, |h| h.width());
            if typed + hint_w + 2 + full.width() <= width {
                (whole_hint.clone(), Some(full))
            } else if typed + hint_w + 2 + short.width() <= width {
                (whole_hint.clone(), Some(short))
            } else if typed + 2 + short.width() + 13 <= width {
                let room = width - typed - 2 - short.width();
                (hint_text(room), Some(short))
            } else if hint.is_some() || aside.is_some() {
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
