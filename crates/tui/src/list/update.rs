//! Applies actions and prompt results to the list. Pure: no terminal, no
//! disk.

use super::action::Action;
use super::state::{LineInput, ListApp, Mode};
use crate::row;
use crate::widgets::line_input::Edit;

/// Rows a page key moves (the view keeps the cursor on screen).
const PAGE: usize = 10;

/// What the list asks of the loop: go on, quit, or open an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Nothing,
    Quit,
    Open(usize),
}

pub fn update(app: &mut ListApp, action: Action) -> Asked {
    app.message = None;
    let view = app.view();
    let at = app.cursor_in(&view);
    let go = |app: &mut ListApp, to: usize| {
        if let Some(&i) = view.get(row::clamp(to, view.len())) {
            app.selected = i;
        }
    };
    match action {
        Action::Next => go(app, at.map_or(0, |a| a + 1)),
        Action::Prev => go(app, at.map_or(0, row::prev)),
        Action::PageDown => go(app, at.map_or(0, |a| a + PAGE)),
        Action::PageUp => go(app, at.map_or(0, |a| a.saturating_sub(PAGE))),
        Action::First => go(app, 0),
        Action::Last => go(app, row::last(view.len())),
        Action::Open => {
            let Some(a) = at else {
                app.message = Some("no article matches the filter".into());
                return Asked::Nothing;
            };
            let e = &app.entries[view[a]];
            if let Some(why) = e.row.as_ref().and_then(|r| r.problem.as_deref()) {
                app.message = Some(format!("{}: {why}", e.path.display()));
                return Asked::Nothing;
            }
            return Asked::Open(view[a]);
        }
        Action::Filter => {
            app.mode = Mode::Filter(LineInput::new(app.filter.clone(), None));
        }
        Action::ClearFilter => app.filter.clear(),
        Action::Sort => {
            app.sort = match app.sort {
                super::state::Sort::Path => super::state::Sort::Progress,
                super::state::Sort::Progress => super::state::Sort::Path,
            }
        }
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::Quit => return Asked::Quit,
    }
    Asked::Nothing
}

/// The filter prompt closed: Enter keeps the filter, Esc drops it.
pub fn prompt_done(app: &mut ListApp, edit: Edit) {
    app.filter = match edit {
        Edit::Submit(text) => text.unwrap_or_default(),
        _ => String::new(),
    };
    app.mode = Mode::Normal;
    keep_cursor_in_view(app);
}

/// While the filter narrows the list, the cursor stays on a shown row.
pub fn keep_cursor_in_view(app: &mut ListApp) {
    let view = app.view();
    if app.cursor_in(&view).is_none()
        && let Some(&first) = view.first()
    {
        app.selected = first;
    }
}

/// After an article closes: the next article not yet done (after it in
/// the list, wrapping round), else it stays.
pub fn select_next_not_done(app: &mut ListApp) {
    let view = app.view();
    let Some(at) = app.cursor_in(&view) else {
        keep_cursor_in_view(app);
        return;
    };
    let n = view.len();
    if let Some(i) = (1..n)
        .map(|k| view[(at + k) % n])
        .find(|&i| !app.entries[i].done() && app.entries[i].openable())
    {
        app.selected = i;
    }
}
