//! The footer of key hints: each hint's key is read from the keymap, so a
//! remapped key shows as it works.

use crate::keymap::{Actions, Keymap};
use crate::theme::Theme;
use crate::view_util::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

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

/// The hints in full when they fit; else the compact form, groups of keys
/// with one word each (`s a e mark  v grow  ? help`), dropping groups from
/// the end but always keeping the last (help), so what the mode needs is
/// never cut off mid-word.
pub fn draw_fitted<A: Actions>(
    keys: &Keymap<A>,
    full: &[(A, &str)],
    compact: &[(&[A], &str)],
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let w = area.width as usize;
    let text = hints(keys, full);
    let text = if text.width() <= w {
        text
    } else {
        compact_hints(keys, compact, w)
    };
    draw_hints(&text, theme, area, buf);
}

/// The compact form of [`draw_fitted`], at most `width` columns when the
/// last group fits at all.
pub fn compact_hints<A: Actions>(
    keys: &Keymap<A>,
    groups: &[(&[A], &str)],
    width: usize,
) -> String {
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|(actions, label)| {
            let ks: Vec<String> = actions.iter().filter_map(|a| keys.label(*a)).collect();
            (!ks.is_empty()).then(|| format!("{} {label}", ks.join(" ")))
        })
        .collect();
    let Some((last, rest)) = parts.split_last() else {
        return String::new();
    };
    let mut kept: Vec<&str> = Vec::new();
    let mut used = last.width();
    for p in rest {
        if used + p.width() + 2 > width {
            break;
        }
        used += p.width() + 2;
        kept.push(p);
    }
    kept.push(last);
    kept.join("  ")
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
