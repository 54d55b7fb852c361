//! `byline review`: a colleague's claims over the text, read-only; the
//! reviewer's verdicts go to their own review file, copies to their own
//! annotation file.

pub mod keymap;
pub mod state;
pub mod update;
pub mod view;

use crate::annotation::{AnnotationSet, anchor};
use crate::article;
use crate::cli::ReviewArgs;
use crate::review::verdict::Review;
use crate::store;
use crate::tui::state::SaveState;
use crate::tui::theme::Theme;
use anyhow::Context;
use crossterm::event::{self, Event, KeyEventKind};
use state::{MineOp, Parts, ReviewApp};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Verdict saves are coalesced: at most one per this interval, so every
/// verdict is on disk well within a second.
const SAVE_INTERVAL: Duration = Duration::from_millis(200);

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}: no such annotation file", .0.display())]
    Missing(PathBuf),
    #[error("{} annotates {file_article:?}, not {} ({article:?})", file.display(), article_path.display())]
    OtherArticle {
        file: PathBuf,
        file_article: String,
        article_path: PathBuf,
        article: String,
    },
    #[error("{}: this is your own annotation file; --theirs names a colleague's", .0.display())]
    OwnFile(PathBuf),
    #[error(
        "{} holds your review of {of:?}; one review file per article reviews one colleague — move it aside to review {theirs:?}",
        file.display()
    )]
    OtherColleague {
        file: PathBuf,
        of: String,
        theirs: String,
    },
    #[error("{} is a review of article {found:?}, not {article:?}", file.display())]
    ReviewOfOtherArticle {
        file: PathBuf,
        found: String,
        article: String,
    },
}

/// The review session: the screen's state, and my annotation file's store
/// session once something is copied into it.
pub struct Session {
    pub app: ReviewApp,
    pub mine: Option<store::Session>,
    /// The verdict revision last written.
    pub saved_revision: u64,
}

pub fn review(args: &ReviewArgs) -> anyhow::Result<u8> {
    let session = open(
        &args.article,
        &args.theirs,
        args.mine.as_deref(),
        &args.store.annotations,
        args.store.annotator.as_deref(),
    )?;
    run(session)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_owned()))
}

/// Reads an annotation file that must exist and belong to `article`,
/// re-anchored in memory if the article changed since it was saved.
fn load_for(file: &Path, article: &article::Article) -> anyhow::Result<Option<AnnotationSet>> {
    let Some(mut set) = store::load(file)? else {
        return Ok(None);
    };
    if set.article.id != article.id {
        return Err(OpenError::OtherArticle {
            file: file.to_owned(),
            file_article: set.article.id.clone(),
            article_path: article.path.clone(),
            article: article.id.clone(),
        }
        .into());
    }
    if set.article.sha256 != article.sha256() {
        anchor::reanchor(&mut set, article);
    }
    Ok(Some(set))
}

/// Everything `review` does before the terminal is touched: every bad
/// input is an error here, with the terminal left alone and no file
/// written.
pub fn open(
    article_path: &Path,
    theirs_file: &Path,
    mine: Option<&Path>,
    dir: &Path,
    reviewer: Option<&str>,
) -> anyhow::Result<Session> {
    let article = article::load(article_path)?;
    let theirs = load_for(theirs_file, &article)?
        .ok_or_else(|| OpenError::Missing(theirs_file.to_owned()))?;
    let reviewer = store::resolve_annotator(reviewer);
    let mine_file = match mine {
        Some(m) => m.to_owned(),
        None => store::annotation_path(dir, &article.id, &reviewer),
    };
    if canonical(&mine_file) == canonical(theirs_file) {
        return Err(OpenError::OwnFile(theirs_file.to_owned()).into());
    }
    let mine_set = load_for(&mine_file, &article)?;
    if mine.is_some() && mine_set.is_none() {
        return Err(OpenError::Missing(mine_file).into());
    }
    let of = store::annotator_slug(&theirs.annotator.name);
    let review_file = store::review::path(dir, &article.id, &reviewer);
    let review = match store::review::load(&review_file)? {
        Some(r) if r.meta.article != article.id => {
            return Err(OpenError::ReviewOfOtherArticle {
                file: review_file,
                found: r.meta.article,
                article: article.id.clone(),
            }
            .into());
        }
        Some(r) if r.meta.of != of => {
            return Err(OpenError::OtherColleague {
                file: review_file,
                of: r.meta.of,
                theirs: of,
            }
            .into());
        }
        Some(r) => r,
        None => Review::new(&article.id, &reviewer, &of),
    };
    let app = ReviewApp::new(Parts {
        article,
        theirs,
        theirs_file: theirs_file.to_owned(),
        mine: mine_set,
        mine_file,
        side_by_side: mine.is_some(),
        review,
        review_file,
    });
    Ok(Session {
        app,
        mine: None,
        saved_revision: 0,
    })
}

fn now() -> Option<toml::value::Datetime> {
    let t = time::OffsetDateTime::now_utc().replace_nanosecond(0).ok()?;
    let s = t
        .format(&time::format_description::well_known::Rfc3339)
        .ok()?;
    s.parse().ok()
}

/// Writes the verdicts if they changed since the last save.
pub fn save_now(s: &mut Session) {
    let app = &mut s.app;
    if app.revision == s.saved_revision {
        return;
    }
    app.review.sort();
    app.review.meta.updated = now();
    match store::review::save(&app.review_file, &app.review) {
        Ok(()) => {
            s.saved_revision = app.revision;
            app.save = SaveState::Saved;
        }
        Err(e) => app.save = SaveState::Failed(e.to_string()),
    }
}

/// Carries out the queued changes to my annotation file through the same
/// store session as `annotate` (lock, conflict copies, durable saves).
pub fn apply_pending(s: &mut Session) {
    if s.app.pending.is_empty() {
        return;
    }
    let ops = std::mem::take(&mut s.app.pending);
    let app = &mut s.app;
    if s.mine.is_none() {
        match store::Session::open(&app.mine_file) {
            Ok((disk, loaded)) => {
                if let Some(mut set) = loaded {
                    if set.article.sha256 != app.article.sha256() {
                        anchor::reanchor(&mut set, &app.article);
                    }
                    app.mine = Some(set);
                }
                s.mine = Some(disk);
            }
            Err(e) => {
                app.message = Some(format!("not copied: {e}"));
                return;
            }
        }
    }
    let Some(disk) = s.mine.as_mut() else { return };
    if let Some(why) = disk.read_only() {
        app.message = Some(format!("not copied: {}: {why}", app.mine_file.display()));
        return;
    }
    let rel = relative_article_path(&app.article.path, &app.mine_file);
    let mut set = app
        .mine
        .clone()
        .unwrap_or_else(|| AnnotationSet::new(&app.article, &app.review.meta.reviewer, rel));
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
    set.assign_ids();
    set.sort();
    set.article.sha256 = app.article.sha256().to_owned();
    set.article.paragraphs = app.article.len();
    set.annotator.updated = now();
    match disk.save(&set) {
        Ok(saved) => {
            let removed = ops.iter().all(|o| matches!(o, MineOp::Remove(_)));
            app.message = Some(match saved {
                store::Saved::Conflict { copy, .. } => format!(
                    "{} changed on disk under this review; it was left alone and your copy is in {}",
                    app.mine_file.display(),
                    copy.display()
                ),
                _ if removed => format!("copy undone: removed from {}", app.mine_file.display()),
                _ => format!("copied into {}", app.mine_file.display()),
            });
            app.mine = Some(set);
            app.refresh();
        }
        Err(e) => app.message = Some(format!("not copied: {e}")),
    }
}

/// The article's path as seen from the annotation file's folder, which is
/// how FORMAT.md stores it.
fn relative_article_path(article: &Path, file: &Path) -> Option<String> {
    let abs = |p: &Path| std::path::absolute(p).ok();
    let article = abs(article)?;
    let folder = abs(file.parent()?)?;
    pathdiff::diff_paths(article, folder).map(|p| p.to_string_lossy().replace('\\', "/"))
}

/// The event loop: draw, wait for a key, apply it, carry out copies at
/// once and save verdicts when due. Signals end the loop the same way `q`
/// does, so the last verdict is written.
fn run(mut s: Session) -> anyhow::Result<u8> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    let theme = Theme::from_env();
    let mut terminal = crate::tui::terminal()?;
    let mut last_save = Instant::now() - SAVE_INTERVAL;
    let result = (|| -> anyhow::Result<()> {
        while !s.app.quit && !stop.load(Ordering::Relaxed) {
            apply_pending(&mut s);
            if s.app.revision != s.saved_revision {
                s.app.save = SaveState::Pending;
                if last_save.elapsed() >= SAVE_INTERVAL {
                    save_now(&mut s);
                    last_save = Instant::now();
                }
            }
            terminal.draw(|f| view::render(&s.app, &theme, f))?;
            if event::poll(Duration::from_millis(100))? {
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => {
                        update::handle_key(&mut s.app, k);
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    })();
    // Whatever happened, the last verdict and copy go to disk before we
    // leave.
    apply_pending(&mut s);
    save_now(&mut s);
    ratatui::restore();
    result?;
    if let SaveState::Failed(e) = &s.app.save {
        anyhow::bail!("{e}");
    }
    Ok(0)
}
