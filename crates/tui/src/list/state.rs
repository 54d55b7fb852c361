//! Everything the article list shows, and nothing it draws with.

use crate::keys::Keymaps;
pub use crate::widgets::line_input::LineInput;
use byline_store::corpus::Row;
use std::path::PathBuf;
use std::sync::Arc;

/// One article of the corpus.
pub struct Entry {
    pub path: PathBuf,
    /// The path as the list shows and filters it.
    pub shown: String,
    /// My annotator file for it.
    pub file: PathBuf,
    /// `None` until it is scanned.
    pub row: Option<Row>,
}

impl Entry {
    /// What the list calls it: the title, else the path.
    pub fn title(&self) -> &str {
        self.row
            .as_ref()
            .and_then(|r| r.title.as_deref())
            .unwrap_or(&self.shown)
    }

    pub fn done(&self) -> bool {
        self.row.as_ref().is_some_and(|r| r.done)
    }

    pub fn openable(&self) -> bool {
        self.row.as_ref().is_none_or(|r| r.problem.is_none())
    }

    /// Share of the article behind me: done is 1, not started 0.
    pub fn progress(&self) -> f64 {
        match &self.row {
            Some(r) if r.done => 2.0,
            Some(Row {
                position: Some(p),
                paragraphs: Some(n),
                ..
            }) if *n > 0 => *p as f64 / *n as f64,
            _ => 0.0,
        }
    }

    fn matches(&self, needle: &str) -> bool {
        let has = |s: &str| s.to_lowercase().contains(needle);
        has(self.title())
            || has(&self.shown)
            || self
                .row
                .as_ref()
                .and_then(|r| r.outlet.as_deref())
                .is_some_and(has)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Path,
    /// Least done first; done last.
    Progress,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a filter; the list narrows as it changes.
    Filter(LineInput),
    Help {
        scroll: usize,
    },
}

pub struct ListApp {
    pub entries: Vec<Entry>,
    /// The entry (index into `entries`) the cursor is on.
    pub selected: usize,
    /// The filter in force (while typing, the prompt's text is).
    pub filter: String,
    pub sort: Sort,
    pub mode: Mode,
    pub annotator: String,
    pub message: Option<String>,
    /// Rows scanned so far (the progress line while scanning).
    pub scanned: usize,
    /// The first row drawn, kept so the cursor moves the page only at its
    /// edges.
    pub top: std::cell::Cell<usize>,
    pub keys: Arc<Keymaps>,
}

impl ListApp {
    pub fn new(entries: Vec<Entry>, annotator: String, keys: Arc<Keymaps>) -> ListApp {
        ListApp {
            entries,
            selected: 0,
            filter: String::new(),
            sort: Sort::Path,
            mode: Mode::Normal,
            annotator,
            message: None,
            scanned: 0,
            top: std::cell::Cell::new(0),
            keys,
        }
    }

    /// The filter as typed now.
    pub fn needle(&self) -> String {
        match &self.mode {
            Mode::Filter(input) => input.text.to_lowercase(),
            _ => self.filter.to_lowercase(),
        }
    }

    /// The entries shown, in order: filtered, then sorted.
    pub fn view(&self) -> Vec<usize> {
        let needle = self.needle();
        let mut v: Vec<usize> = (0..self.entries.len())
            .filter(|&i| needle.is_empty() || self.entries[i].matches(&needle))
            .collect();
        if self.sort == Sort::Progress {
            v.sort_by(|&a, &b| {
                let (ea, eb) = (&self.entries[a], &self.entries[b]);
                ea.progress().total_cmp(&eb.progress()).then(a.cmp(&b))
            });
        }
        v
    }

    /// Where the cursor is in `view`, if the selected entry is shown.
    pub fn cursor_in(&self, view: &[usize]) -> Option<usize> {
        view.iter().position(|&i| i == self.selected)
    }

    pub fn done_count(&self) -> usize {
        self.entries.iter().filter(|e| e.done()).count()
    }

    /// The first key of `action`, for messages.
    pub fn key(&self, action: super::action::Action) -> String {
        self.keys.list.label(action).unwrap_or_default()
    }
}
