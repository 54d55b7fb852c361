//! Where I stopped, and done (FORMAT.md `position`, `done`): the paragraph
//! the cursor is on goes into every save, the article reopens there, and a
//! key marks it done or not done.

use super::action::Action;
use super::state::App;
use byline_model::Para;

/// Puts the cursor on the paragraph the file says I stopped at.
pub fn restore(app: &mut App) {
    if let Some(p) = app.set.annotator.position.and_then(Para::from_number)
        && p != Para::FIRST
        && !app.article.is_empty()
    {
        app.cursor = app.first_sentence(p.clamp_to(app.article.len()));
    }
}

/// The paragraph to write as `position`: the file's number, from 1.
pub fn position(app: &App) -> usize {
    app.cursor.para.number()
}

/// On leaving: a position that moved since the file was read is a change
/// to save (a first visit that never left paragraph 1 writes nothing).
pub fn leave(app: &mut App) {
    if app.is_read_only() {
        return;
    }
    let saved = app.set.annotator.position.unwrap_or(1);
    if position(app) != saved {
        app.set.annotator.position = Some(position(app));
        app.core.revision += 1;
    }
}

/// Marks the article done now, or not done.
pub fn toggle_done(app: &mut App) {
    if app.is_read_only() {
        app.core.message = Some(format!(
            "read-only: {}",
            match &app.core.save {
                super::state::SaveState::ReadOnly(why) => why.as_str(),
                _ => "",
            }
        ));
        return;
    }
    let key = app.key(Action::ToggleDone);
    if app.set.annotator.done.take().is_some() {
        app.core.message = Some(format!("marked not done ({key} marks it done)"));
    } else {
        app.set.annotator.done = byline_store::open::now();
        app.core.message = Some(format!("marked done ✓ ({key} again to undo)"));
    }
    app.core.revision += 1;
}
