//! `byline annotate`: the annotation session.

pub mod action;
pub mod keymap;
pub mod review;
pub mod state;
pub mod testing;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use crate::annotation::AnnotationSet;
use crate::article;
use crate::cli::AnnotateArgs;
use crate::store;
use anyhow::Context;
use crossterm::event::{self, Event, KeyEventKind};
use state::{App, SaveState};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use theme::Theme;

/// Saves are coalesced: at most one per this interval, so a change is on
/// disk well within a second.
const SAVE_INTERVAL: Duration = Duration::from_millis(200);

/// Loads the article and the annotator's file, then runs the screen.
pub fn annotate(args: &AnnotateArgs) -> anyhow::Result<u8> {
    let app = open(
        &args.article,
        &args.store.annotations,
        args.store.annotator.as_deref(),
    )?;
    run(app)
}

/// Everything `annotate` does before the terminal is touched; errors here
/// leave the terminal alone.
pub fn open(article_path: &Path, dir: &Path, annotator: Option<&str>) -> anyhow::Result<App> {
    let article = article::load(article_path)?;
    let name = store::resolve_annotator(annotator);
    let file = store::annotation_path(dir, &article.id, &name);
    let set = match store::load(&file)? {
        Some(set) => set,
        None => {
            let rel = relative_article_path(article_path, &file);
            AnnotationSet::new(&article, &name, rel)
        }
    };
    let mut app = App::new(article, set, file);
    if app.set.article.sha256 != app.article.sha256() {
        app.message = Some(format!(
            "the article changed since {} was saved; check claims marked ⚠",
            app.file.display()
        ));
        crate::annotation::anchor::reanchor(&mut app.set, &app.article);
    }
    Ok(app)
}

/// The article's path as seen from the annotation file's folder, which is
/// how FORMAT.md stores it.
fn relative_article_path(article: &Path, file: &Path) -> Option<String> {
    let abs = |p: &Path| std::path::absolute(p).ok();
    let article = abs(article)?;
    let folder = abs(file.parent()?)?;
    pathdiff::diff_paths(article, folder).map(|p| p.to_string_lossy().replace('\\', "/"))
}

/// Writes the claims if they changed since the last save.
pub fn save_now(app: &mut App, saved_revision: &mut u64) {
    if app.revision == *saved_revision || app.is_read_only() {
        return;
    }
    app.set.assign_ids();
    app.set.sort();
    app.set.article.sha256 = app.article.sha256().to_owned();
    app.set.article.paragraphs = app.article.len();
    app.set.annotator.updated = now();
    match store::save(&app.file, &app.set) {
        Ok(()) => {
            *saved_revision = app.revision;
            app.save = SaveState::Saved;
        }
        Err(e) => app.save = SaveState::Failed(e.to_string()),
    }
}

fn now() -> Option<toml::value::Datetime> {
    let t = time::OffsetDateTime::now_utc().replace_nanosecond(0).ok()?;
    let s = t
        .format(&time::format_description::well_known::Rfc3339)
        .ok()?;
    s.parse().ok()
}

/// The event loop: draw, wait for a key (or a resize, or a signal), apply
/// it, save when due.
fn run(mut app: App) -> anyhow::Result<u8> {
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
    let mut terminal = ratatui::init();
    let mut saved_revision = app.revision;
    let mut last_save = Instant::now() - SAVE_INTERVAL;
    let result = (|| -> anyhow::Result<()> {
        while !app.quit && !stop.load(Ordering::Relaxed) {
            terminal.draw(|f| view::render(&app, &theme, f))?;
            if event::poll(Duration::from_millis(100))? {
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => {
                        update::handle_key(&mut app, k);
                    }
                    _ => {}
                }
            }
            if app.revision != saved_revision {
                app.save = SaveState::Pending;
                if last_save.elapsed() >= SAVE_INTERVAL {
                    save_now(&mut app, &mut saved_revision);
                    last_save = Instant::now();
                }
            }
        }
        Ok(())
    })();
    // Whatever happened, the last change goes to disk before we leave.
    save_now(&mut app, &mut saved_revision);
    ratatui::restore();
    result?;
    if let SaveState::Failed(e) = &app.save {
        anyhow::bail!("{e}");
    }
    Ok(0)
}
