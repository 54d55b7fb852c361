//! `byline annotate`: the annotation session.

pub mod action;
pub mod keymap;
pub mod review;
pub mod state;
pub mod summary;
pub mod testing;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use crate::annotation::{AnnotationSet, anchor};
use crate::article;
use crate::cli::AnnotateArgs;
use crate::store;
use anyhow::Context;
use crossterm::event::{self, Event, KeyEventKind};
use state::{App, SaveState};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use theme::Theme;

/// Saves are coalesced: at most one per this interval, so a change is on
/// disk well within a second.
const SAVE_INTERVAL: Duration = Duration::from_millis(200);

/// Loads the article and the annotator's file, then runs the screen.
pub fn annotate(args: &AnnotateArgs) -> anyhow::Result<u8> {
    let name = store::resolve_annotator(args.store.annotator.as_deref());
    let early = first_screen(args, &name);
    let session = open_session(&args.article, &args.store.annotations, Some(&name));
    match session {
        Ok(session) => run(session, early),
        Err(e) => {
            if early.is_some() {
                ratatui::restore();
            }
            Err(e)
        }
    }
}

/// A long article's first screen, drawn from its first 64 KB (and the
/// claims already on file) before the whole text is read, normalised and
/// hashed, as a pager shows a long file at once. Keys wait for the full
/// load, so nothing acts on the partial article.
fn first_screen(args: &AnnotateArgs, name: &str) -> Option<ratatui::DefaultTerminal> {
    let preview = article::preview(&args.article, 64 * 1024)?;
    let mut terminal = terminal().ok()?;
    let file = store::annotation_path(&args.store.annotations, &preview.id, name);
    let set = match store::load(&file) {
        Ok(Some(set)) => set,
        _ => AnnotationSet::new(&preview, name, None),
    };
    let mut app = App::new(preview, set, file);
    app.loading = true;
    let theme = Theme::from_env();
    let drawn = terminal.draw(|f| view::render(&app, &theme, f));
    if drawn.is_err() {
        ratatui::restore();
        return None;
    }
    Some(terminal)
}

/// An open annotation session: the screen's state, and the file's (its
/// lock, what is on disk, where saves go).
pub struct Session {
    pub app: App,
    pub disk: store::Session,
    /// The revision last written; the loop saves when `app.revision` moves.
    pub saved_revision: u64,
}

/// The screen state of a session, without its lock (for tests and tools
/// that drive the screen with [`save_now`]).
pub fn open(article_path: &Path, dir: &Path, annotator: Option<&str>) -> anyhow::Result<App> {
    Ok(open_session(article_path, dir, annotator)?.app)
}

/// Everything `annotate` does before the terminal is touched; errors here
/// leave the terminal alone, and a file that fails to load is never written.
pub fn open_session(
    article_path: &Path,
    dir: &Path,
    annotator: Option<&str>,
) -> anyhow::Result<Session> {
    let article = article::load(article_path)?;
    let name = store::resolve_annotator(annotator);
    let file = store::annotation_path(dir, &article.id, &name);
    let (disk, loaded) = store::Session::open(&file)?;
    let mut message = None;
    let set = match loaded {
        Some(mut set) if set.article.sha256 != article.sha256() => {
            let outcomes = anchor::reanchor(&mut set, &article);
            let moved = outcomes
                .iter()
                .filter(|o| matches!(o, anchor::Anchored::Moved { .. }))
                .count();
            let review = outcomes
                .iter()
                .filter(|o| **o == anchor::Anchored::NeedsReview)
                .count();
            message = Some(format!(
                "the article changed since {} was saved: {moved} claim(s) moved, {review} need review (marked ⚠)",
                file.display()
            ));
            set
        }
        Some(set) => {
            if let Some(&i) = anchor::mismatches(&set, &article).first() {
                anyhow::bail!(
                    "{}: {} does not match the article text at its offsets, though the article is unchanged (sha256 matches); run `byline check {} --fix` to re-anchor it",
                    file.display(),
                    anchor::describe(&set.claims[i]),
                    file.display()
                );
            }
            set
        }
        None => {
            let rel = relative_article_path(article_path, &file);
            AnnotationSet::new(&article, &name, rel)
        }
    };
    let mut app = App::new(article, set, file);
    app.message = message;
    if let Some(why) = disk.read_only() {
        app.save = SaveState::ReadOnly(why.to_string());
    }
    Ok(Session {
        app,
        disk,
        saved_revision: 0,
    })
}

/// The article's path as seen from the annotation file's folder, which is
/// how FORMAT.md stores it.
fn relative_article_path(article: &Path, file: &Path) -> Option<String> {
    let abs = |p: &Path| std::path::absolute(p).ok();
    let article = abs(article)?;
    let folder = abs(file.parent()?)?;
    pathdiff::diff_paths(article, folder).map(|p| p.to_string_lossy().replace('\\', "/"))
}

/// Writes the claims if they changed since the last save, without lock or
/// conflict check (for tests driving an [`App`] from [`open`]; a session
/// saves with [`Session::save_now`]).
pub fn save_now(app: &mut App, saved_revision: &mut u64) {
    if app.revision == *saved_revision || app.is_read_only() {
        return;
    }
    prepare_save(app);
    match store::save(&app.file, &app.set) {
        Ok(()) => {
            *saved_revision = app.revision;
            app.save = SaveState::Saved;
        }
        Err(e) => app.save = SaveState::Failed(e.to_string()),
    }
}

impl Session {
    /// Writes the claims if they changed since the last save. If the file
    /// changed on disk under the session, the save goes to a conflict copy
    /// and the screen says so.
    pub fn save_now(&mut self) {
        let app = &mut self.app;
        if app.revision == self.saved_revision || app.is_read_only() {
            return;
        }
        prepare_save(app);
        match self.disk.save(&app.set) {
            Ok(saved) => {
                self.saved_revision = app.revision;
                app.save = SaveState::Saved;
                if let store::Saved::Conflict { copy, first } = saved
                    && (first || app.message.is_none())
                {
                    app.message = Some(format!(
                        "{} changed on disk under this session; it was left alone and your work is saved in {}",
                        app.file.display(),
                        copy.display()
                    ));
                }
            }
            Err(e) => app.save = SaveState::Failed(e.to_string()),
        }
    }
}

/// Ids, order, fresh context and the article's fingerprint, as every save
/// writes them.
fn prepare_save(app: &mut App) {
    app.set.assign_ids();
    app.set.sort();
    anchor::refresh_context(&mut app.set, &app.article);
    app.set.article.sha256 = app.article.sha256().to_owned();
    app.set.article.paragraphs = app.article.len();
    app.set.annotator.updated = now();
}

/// The time of a save, to the second, as FORMAT.md writes `updated`.
pub(crate) fn now() -> Option<toml::value::Datetime> {
    let t = time::OffsetDateTime::now_utc().replace_nanosecond(0).ok()?;
    let s = t
        .format(&time::format_description::well_known::Rfc3339)
        .ok()?;
    s.parse().ok()
}

/// A failed save is retried this often (the disk may get space back).
const RETRY_INTERVAL: Duration = Duration::from_secs(1);

/// How often the guardian looks for signals and a vanished terminal.
const GUARD_TICK: Duration = Duration::from_millis(50);

fn lock(shared: &Mutex<Session>) -> MutexGuard<'_, Session> {
    // A panic elsewhere must not stop the last save.
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

/// Enters the full-screen terminal, or says plainly that there is none.
pub(crate) fn terminal() -> anyhow::Result<ratatui::DefaultTerminal> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!("this screen needs a terminal (standard input and output are not one)");
    }
    ratatui::try_init().map_err(|e| {
        ratatui::restore();
        anyhow::anyhow!("cannot set up the terminal: {e}")
    })
}

/// The event loop: save when due, draw, wait for a key (or a resize),
/// apply it. A guardian thread handles signals and a vanished terminal by
/// itself, so neither depends on this loop noticing (crossterm's reader can
/// spin forever on a dead tty: crossterm issue #793).
fn run(session: Session, terminal: Option<ratatui::DefaultTerminal>) -> anyhow::Result<u8> {
    let shared = Arc::new(Mutex::new(session));
    let theme = Theme::from_env();
    let mut terminal = match terminal {
        Some(t) => t,
        None => self::terminal()?,
    };
    let guardian = Guardian::start(Arc::clone(&shared)).context("installing signal handlers")?;
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&shared, &mut terminal, &theme)
    }));
    guardian.stop();
    // Whatever happened, the last change goes to disk before we leave.
    let mut s = lock(&shared);
    s.save_now();
    ratatui::restore();
    let result = match looped {
        Ok(r) => r,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    result?;
    if let SaveState::Failed(e) = &s.app.save {
        anyhow::bail!("{e}");
    }
    Ok(0)
}

fn event_loop(
    shared: &Mutex<Session>,
    terminal: &mut ratatui::DefaultTerminal,
    theme: &Theme,
) -> anyhow::Result<()> {
    let mut last_save = Instant::now() - RETRY_INTERVAL;
    loop {
        {
            let mut s = lock(shared);
            if s.app.quit {
                return Ok(());
            }
            if s.app.revision != s.saved_revision {
                let failed = matches!(s.app.save, SaveState::Failed(_));
                let wait = if failed {
                    RETRY_INTERVAL
                } else {
                    SAVE_INTERVAL
                };
                if !failed {
                    s.app.save = SaveState::Pending;
                }
                if last_save.elapsed() >= wait {
                    s.save_now();
                    last_save = Instant::now();
                }
            }
            terminal.draw(|f| view::render(&s.app, theme, f))?;
        }
        if event::poll(Duration::from_millis(100))? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    let size = terminal.size()?;
                    let mut s = lock(shared);
                    if !view::too_small(size.width, size.height) {
                        update::handle_key(&mut s.app, k);
                    } else if keymap::lookup(keymap::NORMAL, keymap::Key::from_event(&k))
                        == Some(action::Action::Quit)
                    {
                        // Nothing else acts on a screen the user cannot see.
                        s.app.quit = true;
                    }
                }
                _ => {}
            }
        }
    }
}

/// A thread that ends the session on SIGHUP, SIGTERM, SIGINT or SIGQUIT,
/// or when the terminal hangs up: it takes the session (the event loop
/// holds it only to save, draw or apply a key, never while waiting for
/// input), saves what is pending, restores the terminal and exits.
struct Guardian {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Guardian {
    fn start(shared: Arc<Mutex<Session>>) -> std::io::Result<Guardian> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut wanted = vec![SIGTERM, SIGINT, SIGQUIT];
        // Tests switch SIGHUP off to prove the hang-up watch works alone.
        if !store::durable::fail_point_set("sighup") {
            wanted.push(SIGHUP);
        }
        let mut signals = signal_hook::iterator::Signals::new(wanted)?;
        let tty = Tty::open();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("byline-guardian".into())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    if signals.pending().next().is_some() || tty.as_ref().is_some_and(Tty::hung_up)
                    {
                        // Stop the event loop first, so it cannot draw over
                        // the restored terminal, then take the session.
                        let mut s = lock(&shared);
                        s.save_now();
                        ratatui::restore();
                        let failed = matches!(s.app.save, SaveState::Failed(_));
                        if let SaveState::Failed(e) = &s.app.save {
                            eprintln!("byline: {e}");
                        }
                        std::process::exit(if failed { crate::EXIT_FAILED.into() } else { 0 });
                    }
                    std::thread::sleep(GUARD_TICK);
                }
            })?;
        Ok(Guardian { stop, thread })
    }

    fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
    }
}

/// The controlling terminal, watched for a hang-up.
struct Tty(std::fs::File);

impl Tty {
    fn open() -> Option<Tty> {
        std::fs::File::open("/dev/tty").ok().map(Tty)
    }

    /// True once the terminal is gone (its window closed, its tmux server
    /// killed, its ssh connection dropped).
    fn hung_up(&self) -> bool {
        use std::os::fd::AsRawFd;
        let mut fd = libc::pollfd {
            fd: self.0.as_raw_fd(),
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd, zero timeout.
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}
