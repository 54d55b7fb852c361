//! `byline review`: a colleague's claims over the text, read-only; the
//! reviewer's verdicts go to their own review file, copies to their own
//! annotation file.

pub mod action;
pub mod state;
pub mod update;
pub mod view;

use crate::runtime::{Flow, Screen};
use crate::widgets::line_input::Edit;
use crate::widgets::status::SaveState;
use action::Action;
use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::review::verdict::Review;
use byline_store as store;
use state::{MineOp, Mode, Parts, ReviewApp};

/// The review session: the screen's state, and my annotation file's store
/// session once something is copied into it.
pub struct ReviewScreen {
    pub app: ReviewApp,
    pub mine: Option<store::Session>,
    /// The review file's session: the same lock, change detection and
    /// conflict copies as an annotator file.
    pub disk: store::Session<Review>,
    /// Said once more after the terminal is restored.
    conflict: Option<String>,
}

impl ReviewScreen {
    /// The screen over what [`store::review_open::open`] opened (every bad
    /// input is refused there, before the terminal is touched).
    pub fn new((parts, disk): (Parts, store::Session<Review>)) -> ReviewScreen {
        let mut app = ReviewApp::new(parts);
        if let Some(why) = disk.read_only() {
            app.core.save = SaveState::ReadOnly(why.to_string());
        }
        ReviewScreen {
            app,
            mine: None,
            disk,
            conflict: None,
        }
    }
}

/// Carries out the queued changes to my annotation file through the same
/// store session as `annotate` (lock, conflict copies, durable saves).
fn apply_pending(s: &mut ReviewScreen) {
    if s.app.pending.is_empty() {
        return;
    }
    let ops = std::mem::take(&mut s.app.pending);
    let app = &mut s.app;
    if s.mine.is_none() {
        match store::Session::open(&app.parts.mine_file) {
            Ok((disk, loaded)) => {
                if let Some(mut set) = loaded {
                    if set.article.sha256 != app.parts.article.sha256() {
                        anchor::reanchor(&mut set, &app.parts.article);
                    }
                    app.parts.mine = Some(set);
                }
                s.mine = Some(disk);
            }
            Err(e) => {
                app.core.message = Some(format!("not copied: {e}"));
                return;
            }
        }
    }
    let Some(disk) = s.mine.as_mut() else { return };
    if let Some(why) = disk.read_only() {
        app.core.message = Some(format!(
            "not copied: {}: {why}",
            app.parts.mine_file.display()
        ));
        return;
    }
    let rel = store::open::relative_article_path(&app.parts.article.path, &app.parts.mine_file);
    let mut set = app.parts.mine.clone().unwrap_or_else(|| {
        AnnotationSet::new(&app.parts.article, &app.parts.review.meta.reviewer, rel)
    });
    for op in &ops {
        match op {
            MineOp::Add(c) => set.claims.push(c.clone()),
            MineOp::Remove(c) => {
                if let Some(i) = set.claims.iter().position(|m| update::same_claim(m, c)) {
                    set.claims.remove(i);
                }
            }
        }
    }
    store::open::stamp(&mut set, &app.parts.article);
    match disk.save(&set) {
        Ok(saved) => {
            let removed = ops.iter().all(|o| matches!(o, MineOp::Remove(_)));
            app.core.message = Some(match saved {
                store::Saved::Conflict { copy, .. } => format!(
                    "{} changed on disk under this review; it was left alone and your copy is in {}",
                    app.parts.mine_file.display(),
                    copy.display()
                ),
                _ if removed => format!(
                    "copy undone: removed from {}",
                    app.parts.mine_file.display()
                ),
                _ => format!("copied into {}", app.parts.mine_file.display()),
            });
            app.parts.mine = Some(set);
            app.refresh();
        }
        Err(e) => app.core.message = Some(format!("not copied: {e}")),
    }
}

impl Screen for ReviewScreen {
    crate::runtime::app_screen!(review, prompt Mode::Comment { input, .. } => input);

    fn prompt_done(&mut self, edit: Edit) {
        update::comment_done(&mut self.app, edit);
    }

    fn update(&mut self, action: Action) -> Flow {
        update::update(&mut self.app, action)
    }

    /// Writes the verdicts; a review file changed on disk under the
    /// session is left alone and the verdicts go to a conflict copy.
    fn save(&mut self) -> Result<(), String> {
        let app = &mut self.app;
        app.parts.review.sort();
        app.parts.review.meta.updated = store::open::now();
        if let Some(msg) = crate::saving::save(
            &mut self.disk,
            &app.parts.review,
            &app.parts.review_file,
            ("this review", "your verdicts are"),
            &mut app.core,
        )? {
            self.conflict = Some(msg);
        }
        Ok(())
    }

    /// Copies into my annotation file are carried out at once; a review
    /// that opened read-only becomes writable when the other one ends.
    fn effects(&mut self) {
        apply_pending(self);
        if let Some(reloaded) = self.disk.retry_lock() {
            match reloaded {
                Ok(review) => {
                    let app = &mut self.app;
                    if let Some(r) = review {
                        app.parts.review = r;
                    }
                    app.core.save = SaveState::Saved;
                    app.refresh();
                    app.core.message =
                        Some("the other review session has ended: this one can save now".into());
                }
                Err(e) => self.app.core.message = Some(format!("still read-only: {e}")),
            }
        }
    }

    fn recover(&mut self) -> Option<Result<std::path::PathBuf, String>> {
        let name = self
            .app
            .parts
            .review_file
            .file_name()?
            .to_string_lossy()
            .into_owned();
        let text = store::review::to_string(&self.app.parts.review);
        Some(store::recovery::write(&name, text.as_bytes()))
    }
}
