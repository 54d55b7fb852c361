//! The help overlay: key tables generated from the merged keymap, so a
//! remapped key shows here as it works.

use crate::keymap::{Key, Keymap};
use crate::theme::Theme;
use crate::widgets::line_input::PromptAction;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

const HELP: u8 = 1;

crate::actions! {
    /// Keys in the help overlay; any other key closes it.
    pub enum HelpAction in "help", modes [HELP: "help"] {
        ScrollDown = "scroll_down", HELP, "scroll the help down";
        ScrollUp = "scroll_up", HELP, "scroll the help up";
    }
}

/// Applies a key to the overlay's scroll; `false` when the key closes it.
pub fn key(scroll: &mut usize, keys: &Keymap<HelpAction>, key: Key) -> bool {
    match keys.lookup(HELP, key) {
        Some(HelpAction::ScrollDown) => *scroll = scroll.saturating_add(1),
        Some(HelpAction::ScrollUp) => *scroll = crate::row::prev(*scroll),
        None => return false,
    }
    true
}

/// What an overlay is drawn with: colours and the overlay's own keys (for
/// its title).
#[derive(Clone, Copy)]
pub struct Look<'a> {
    pub theme: &'a Theme,
    pub keys: &'a Keymap<HelpAction>,
}

/// One table of the overlay: a heading and (keys, what they do) rows.
pub type Section<'a> = (&'a str, Vec<(String, &'static str)>);

/// A scrollable overlay of key tables and notes, titled with how to
/// scroll and close it.
pub fn draw(
    look: Look,
    name: &str,
    sections: Vec<Section>,
    notes: &[&str],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let (theme, keys) = (look.theme, look.keys);
    let title = format!(
        " {name} · {}/{} scroll · any other key closes ",
        keys.label(HelpAction::ScrollDown).unwrap_or_default(),
        keys.label(HelpAction::ScrollUp).unwrap_or_default(),
    );
    // The keys' column fits the longest keys (a remapped action may have
    // several), within reason.
    let col = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0)
        .clamp(14, 24);
    let w = area.width.saturating_sub(4).min(76);
    // What a key does wraps under itself, not under the keys' column.
    let indent = col + 3;
    let text_w = (w as usize).saturating_sub(2 + indent).max(12);
    let mut lines: Vec<Line> = Vec::new();
    for (heading, rows) in sections {
        lines.push(Line::styled(heading.to_owned(), theme.heading()));
        for (k, what) in rows {
            let pad = col.saturating_sub(k.width());
            let mut parts = textwrap::wrap(what, text_w).into_iter();
            let first = parts.next().map(|p| p.into_owned()).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("  {k}{} ", " ".repeat(pad)), theme.heading()),
                Span::raw(first),
            ]));
            for more in parts {
                lines.push(Line::raw(format!("{}{more}", " ".repeat(indent))));
            }
        }
        lines.push(Line::raw(""));
    }
    for note in notes {
        lines.push(Line::styled((*note).to_owned(), theme.hint()));
    }
    let h = area.height.saturating_sub(2);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = Block::bordered().title(title).border_style(theme.border());
    let inner = block.inner(popup);
    // Long rows wrap rather than lose their end; scrolling counts the
    // lines as drawn.
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width);
    let scroll = scroll.min(total.saturating_sub(inner.height as usize));
    paragraph
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .block(block)
        .render(popup, buf);
}

/// The prompt's keys as help rows.
pub fn prompt_rows(keys: &Keymap<PromptAction>) -> Vec<(String, &'static str)> {
    keys.help_rows(1)
}
