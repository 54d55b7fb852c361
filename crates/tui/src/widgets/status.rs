//! The save state every screen shows on its status line, and the notice
//! drawn instead of a screen that does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Below this a screen only says so, and keys but quit do nothing.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn draw_too_small(area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "terminal too small: {}x{}, byline needs {MIN_WIDTH}x{MIN_HEIGHT}",
        area.width, area.height
    );
    Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Whether the screen's work is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(String),
    /// Nothing is written in this session, and why.
    ReadOnly(String),
}

impl SaveState {
    /// How the status line says it; `diverted`: saves go to a conflict
    /// copy, not the file.
    pub fn label_with(&self, diverted: bool) -> String {
        match self {
            SaveState::Saved if diverted => "saved to a conflict copy (M)".to_owned(),
            other => other.label(),
        }
    }

    /// How the status line says it.
    pub fn label(&self) -> String {
        match self {
            SaveState::Saved => "saved".to_owned(),
            SaveState::Pending => "saving…".to_owned(),
            SaveState::Failed(e) => format!("NOT SAVED: {e}"),
            SaveState::ReadOnly(_) => "read-only".to_owned(),
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self, SaveState::Failed(_))
    }
}
