//! What a screen does with its store session: a save that finds the file
//! changed on disk (a conflict copy, said on screen and again at quit), and
//! a read-only session taking the lock when the other one ends. The same
//! for every file a screen writes (annotator, gold, review).

use crate::runtime::ScreenCore;
use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::article::Article;
use byline_store::{Document, Saved, Session};
use std::path::Path;

/// Saves `doc` to `file` through `disk`. When the file changed on disk
/// under the session, the save went to a conflict copy: the screen's
/// message says so (the first time, or when nothing else is shown), it is
/// marked diverted, and the text is returned, to be said again at quit. `under` names the
/// session ("this session"), `work` what was saved ("your work").
pub fn save<D: Document>(
    disk: &mut Session<D>,
    doc: &D,
    file: &Path,
    (under, work): (&str, &str),
    core: &mut ScreenCore,
) -> Result<Option<String>, String> {
    match disk.save(doc).map_err(|e| e.to_string())? {
        Saved::Conflict { copy, first } => {
            let msg = format!(
                "{} changed on disk under {under}; it was left alone and {work} saved in {}",
                file.display(),
                copy.display()
            );
            if first || core.message.is_none() {
                core.message = Some(msg.clone());
            }
            core.diverted = true;
            Ok(Some(msg))
        }
        Saved::File => Ok(None),
    }
}

/// A read-only session tries the lock again: `None` while the other
/// session holds it; else the file as that one left it (re-anchored when
/// the article changed since), and the session can save from now on.
pub fn take_over(
    disk: &mut Session,
    article: &Article,
) -> Option<Result<Option<AnnotationSet>, String>> {
    let reloaded = disk.retry_lock()?;
    Some(
        reloaded
            .map(|set| {
                set.map(|mut set| {
                    if set.article.sha256 != article.sha256() {
                        anchor::reanchor(&mut set, article);
                    }
                    set
                })
            })
            .map_err(|e| e.to_string()),
    )
}
