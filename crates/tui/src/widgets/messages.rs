//! The last messages a screen showed, in full: the footer cuts a long
//! message at the screen's width, so a key opens them all, wrapped.

use crate::widgets::help::{HelpAction, Look};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use std::collections::VecDeque;

const KEEP: usize = 50;

#[derive(Debug, Default)]
pub struct MessageLog {
    entries: VecDeque<String>,
    /// The overlay's scroll while it is open.
    pub open: Option<usize>,
}

impl MessageLog {
    /// Adds `message` as the newest, unless it is the newest already.
    pub fn note(&mut self, message: Option<&str>) {
        let Some(m) = message else { return };
        if self.entries.back().is_some_and(|last| last == m) {
            return;
        }
        if self.entries.len() == KEEP {
            self.entries.pop_front();
        }
        self.entries.push_back(m.to_owned());
    }

    pub fn entries(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(String::as_str)
    }

    /// The overlay: newest first, each message wrapped in full.
    pub fn draw(&self, look: Look, area: Rect, buf: &mut Buffer) {
        let scroll = self.open.unwrap_or(0);
        let w = area.width.saturating_sub(4).min(96);
        let h = area.height.saturating_sub(2);
        let popup = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        let title = format!(
            " messages, newest first · {}/{} scroll · any other key closes ",
            look.keys.label(HelpAction::ScrollDown).unwrap_or_default(),
            look.keys.label(HelpAction::ScrollUp).unwrap_or_default(),
        );
        let mut lines: Vec<Line> = Vec::new();
        if self.entries.is_empty() {
            lines.push(Line::styled("no messages yet", look.theme.hint()));
        }
        for (i, m) in self.entries.iter().rev().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::raw(m.clone()));
        }
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(u16::MAX as usize) as u16, 0))
            .block(
                Block::bordered()
                    .title(title)
                    .border_style(look.theme.border()),
            )
            .render(popup, buf);
    }
}
