//! The footer of key hints: each hint's key is read from the keymap, so a
//! remapped key shows as it works.

use crate::keymap::{Actions, Keymap};
use crate::theme::Theme;
use crate::view_util::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// `j next  } ¶  v select …` for the hints whose action has a key.
pub fn hints<A: Actions>(keys: &Keymap<A>, list: &[(A, &str)]) -> String {
    let mut text = String::new();
    for (action, label) in list {
        if let Some(k) = keys.label(*action) {
            text.push_str(&format!("{k} {label}  "));
        }
    }
    text.trim_end().to_owned()
}

pub fn draw_hints(text: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    buf.set_stringn(area.x, area.y, truncate(text, w), w, theme.hint());
}

/// A message in place of the hints, cut with `…` when too long.
pub fn draw_message(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    buf.set_stringn(area.x, area.y, truncate(text, w), w, style);
}
