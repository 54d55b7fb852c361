//! The one event loop every screen runs in. It owns the terminal, the
//! guardian (signals and a vanished terminal), coalesced saves and their
//! retries, the save-on-panic path and the too-small gate; a screen only
//! says what a key does, how it looks, and how its work is saved.

use super::events::{Crossterm, EventSource, Input};
use super::keymap::{Actions, Key, Keymap};
use super::keys::Keymaps;
use super::theme::Theme;
use super::ui::Ui;
use super::widgets::help;
use super::widgets::line_input::{Edit, LineInput};
use super::widgets::messages::MessageLog;
use super::widgets::status::{self, SaveState};
use anyhow::Context;
use crossterm::event::KeyEvent;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Saves are coalesced: at most one per this interval, so a change is on
/// disk well within a second.
pub const SAVE_INTERVAL: Duration = Duration::from_millis(200);
/// A failed save is retried this often (the disk may get space back).
pub const RETRY_INTERVAL: Duration = Duration::from_secs(1);
/// The longest wait for a key before the loop looks at its saves again.
const POLL: Duration = Duration::from_millis(100);
/// How often the guardian looks for signals and a vanished terminal.
const GUARD_TICK: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// What has the keyboard before the screen's keymap.
pub enum Focus<'a> {
    /// The keymap of the screen's current mode.
    Keys,
    /// A one-line prompt: editing keys, then Enter or Esc.
    Prompt(&'a mut LineInput),
    /// The help overlay and its scroll; any key but scrolling closes it.
    Help(&'a mut usize),
    /// An overlay that any key closes.
    AnyKeyCloses,
}

/// A screen of the runtime: its state, a pure `update`, how it draws and
/// how its work is saved. A screen never sleeps, reads events or touches
/// the terminal.
pub trait Screen: Send + 'static {
    type Action: Actions;
    /// The action that still works on a screen too small to see.
    const QUIT: Self::Action;
    /// The action that opens the log of every message shown (the footer
    /// cuts long ones); the runtime keeps the log.
    const MESSAGES: Option<Self::Action> = None;
    fn keymap(keys: &Keymaps) -> &Keymap<Self::Action>;
    /// The keymap mode (one of `Action::MODES`) in effect now; by default
    /// the first, for a screen that has only one.
    fn mode(&self) -> u8 {
        Self::Action::MODES[0].0
    }
    fn focus(&mut self) -> Focus<'_>;
    /// The open prompt was submitted or cancelled.
    fn prompt_done(&mut self, edit: Edit);
    /// The open overlay (help, summary) closes.
    fn close_overlay(&mut self);
    fn update(&mut self, action: Self::Action) -> Flow;
    /// An action that a count does not repeat, with the count typed before
    /// it (`14G`: that paragraph); by default the count is dropped.
    fn update_counted(&mut self, action: Self::Action, _count: Option<u32>) -> Flow {
        self.update(action)
    }
    /// The number typed before an action (`5l`), for screens that take
    /// one; the screen holds it so it can show it while it is typed.
    fn count(&mut self) -> Option<&mut Option<u32>> {
        None
    }
    /// Whether a count repeats `action` (motions do, marking does not).
    fn repeats(_action: Self::Action) -> bool {
        false
    }
    fn render(&self, ui: &Ui, frame: &mut Frame);
    /// The message the screen shows now, if any.
    fn message(&self) -> Option<&str> {
        None
    }
    /// Bumps on every change that must reach the disk.
    fn revision(&self) -> u64;
    fn save_state(&mut self) -> &mut SaveState;
    /// Writes the work now (the runtime calls it when the revision moved
    /// and a save is due); an error is shown and the save retried.
    fn save(&mut self) -> Result<(), String>;
    /// I/O a key asked for that cannot wait for the next save (a copy into
    /// another file); runs after every key.
    fn effects(&mut self) {}
    /// What the user must read after the terminal is restored: a conflict
    /// copy written, … (the exit code is then 1: the work is not where the
    /// user expects it).
    fn farewell(&self) -> Vec<String> {
        Vec::new()
    }
    /// The last save failed for good: write the work somewhere else and
    /// say where.
    fn recover(&mut self) -> Option<Result<std::path::PathBuf, String>> {
        None
    }
}

/// What the app of every article screen (annotate, review, adjudicate)
/// keeps for the runtime and its messages.
#[derive(Debug)]
pub struct ScreenCore {
    /// Bumped on every change of the file the screen saves; the loop saves
    /// when it moves.
    pub revision: u64,
    pub save: SaveState,
    pub message: Option<String>,
    /// The merged keys, so messages name the keys that work.
    pub keys: Arc<Keymaps>,
    /// Saves go to a conflict copy: the file changed on disk under us.
    pub diverted: bool,
}

impl ScreenCore {
    /// Nothing changed or said yet, the file saved as it is.
    pub fn new(keys: Arc<Keymaps>) -> ScreenCore {
        ScreenCore {
            revision: 0,
            save: SaveState::Saved,
            message: None,
            keys,
            diverted: false,
        }
    }

    /// What a read-only session's new try for the lock found
    /// ([`crate::saving::take_over`]): the file as the other session left
    /// it, and the screen says it can save now; or the error, and the
    /// screen says it is still read-only (`None`).
    pub fn took_over<T>(&mut self, reloaded: Result<T, String>) -> Option<T> {
        match reloaded {
            Ok(file) => {
                self.save = SaveState::Saved;
                self.message = Some("the other session has ended: this one can save now".into());
                Some(file)
            }
            Err(e) => {
                self.message = Some(format!("still read-only: {e}"));
                None
            }
        }
    }
}

/// The [`Screen`] items an article screen (annotate, review, adjudicate)
/// answers straight from its `action` module, its `app`, its `view` module
/// and its `conflict`: its actions are `Action`, with `Quit` and
/// `Messages`, bound in `Keymaps::$keys`; closing an overlay goes back to
/// `Mode::Normal`; drawing is the app's, the message, the revision and the
/// save state its [`ScreenCore`]'s; a conflict copy is said again on
/// leaving.
macro_rules! app_screen {
    ($keys:ident) => {
        type Action = Action;
        const QUIT: Action = Action::Quit;
        const MESSAGES: Option<Action> = Some(Action::Messages);

        fn keymap(keys: &$crate::keys::Keymaps) -> &$crate::keymap::Keymap<Action> {
            &keys.$keys
        }

        fn farewell(&self) -> Vec<String> {
            self.conflict.iter().cloned().collect()
        }

        fn close_overlay(&mut self) {
            self.app.mode = Mode::Normal;
        }

        fn render(&self, ui: &$crate::ui::Ui, frame: &mut ratatui::Frame) {
            view::render(&self.app, ui, frame);
        }

        fn message(&self) -> Option<&str> {
            self.app.core.message.as_deref()
        }

        fn revision(&self) -> u64 {
            self.app.core.revision
        }

        fn save_state(&mut self) -> &mut $crate::widgets::status::SaveState {
            &mut self.app.core.save
        }
    };
    // A screen whose modes are reading, its help and one prompt (`$prompt`,
    // binding the prompt's line as `$input`): its focus follows.
    ($keys:ident, prompt $prompt:pat => $input:ident) => {
        $crate::runtime::app_screen!($keys);

        fn focus(&mut self) -> $crate::runtime::Focus<'_> {
            match &mut self.app.mode {
                $prompt => $crate::runtime::Focus::Prompt($input),
                Mode::Help { scroll } => $crate::runtime::Focus::Help(scroll),
                Mode::Normal => $crate::runtime::Focus::Keys,
            }
        }
    };
}
pub(crate) use app_screen;

/// A screen with what the runtime knows of it: its saves, whether it quit,
/// the messages it showed. Tests keep it across runs of the loop.
pub struct Shared<S> {
    pub screen: S,
    saved_revision: u64,
    quit: bool,
    last_save: Option<Instant>,
    /// Every message the screen showed.
    pub log: MessageLog,
    /// The message and save trouble last seen, so the log gets each time
    /// one is said, not each time the loop looks.
    seen: (Option<String>, Option<String>),
}

impl<S: Screen> Shared<S> {
    pub fn new(screen: S) -> Shared<S> {
        Shared {
            saved_revision: screen.revision(),
            screen,
            quit: false,
            last_save: None,
            log: MessageLog::default(),
            seen: (None, None),
        }
    }

    /// Logs the screen's message and save trouble when they change.
    fn note(&mut self) {
        let message = self.screen.message().map(str::to_owned);
        let trouble = match self.screen.save_state() {
            SaveState::Failed(e) => Some(format!("not saved: {e}")),
            SaveState::ReadOnly(e) => Some(format!("read-only: {e}")),
            _ => None,
        };
        if message != self.seen.0 {
            self.log.note(message.as_deref());
            self.seen.0 = message;
        }
        if trouble != self.seen.1 {
            self.log.note(trouble.as_deref());
            self.seen.1 = trouble;
        }
    }

    /// Whether the last run ended by the screen quitting.
    pub fn quit(&self) -> bool {
        self.quit
    }

    fn dirty(&self) -> bool {
        self.screen.revision() != self.saved_revision
    }

    /// Saves now if anything changed since the last save.
    pub fn flush(&mut self) {
        if !self.dirty() || matches!(self.screen.save_state(), SaveState::ReadOnly(_)) {
            return;
        }
        let revision = self.screen.revision();
        match self.screen.save() {
            Ok(()) => {
                self.saved_revision = revision;
                *self.screen.save_state() = SaveState::Saved;
            }
            Err(e) => *self.screen.save_state() = SaveState::Failed(e),
        }
    }

    /// Saves when due; returns how long the loop may wait for a key.
    fn tick(&mut self, now: Instant) -> Duration {
        if !self.dirty() {
            return POLL;
        }
        let failed = self.screen.save_state().failed();
        let wait = if failed {
            RETRY_INTERVAL
        } else {
            *self.screen.save_state() = SaveState::Pending;
            SAVE_INTERVAL
        };
        let since = self.last_save.map(|t| now.saturating_duration_since(t));
        if since.is_none_or(|s| s >= wait) {
            self.flush();
            self.last_save = Some(now);
            return if self.dirty() { wait.min(POLL) } else { POLL };
        }
        (wait - since.unwrap_or_default()).min(POLL)
    }
}

fn lock<S>(shared: &Mutex<Shared<S>>) -> MutexGuard<'_, Shared<S>> {
    // A panic elsewhere must not stop the last save.
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

/// A backend the runtime can resize: a real terminal resizes itself, a
/// test backend is told.
pub trait Surface: Backend {
    fn set_size(&mut self, _width: u16, _height: u16) {}
}

impl Surface for TestBackend {
    fn set_size(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }
}

impl<W: std::io::Write> Surface for CrosstermBackend<W> {}

/// Draws the screen (and the message log over it when open), or says it
/// does not fit.
pub fn draw<S: Screen>(s: &Shared<S>, ui: &Ui, frame: &mut Frame) {
    let area = frame.area();
    if status::too_small(area) {
        status::draw_too_small(area, frame.buffer_mut());
    } else {
        s.screen.render(ui, frame);
        if s.log.open.is_some() {
            s.log.draw(ui.look(), area, frame.buffer_mut());
        }
    }
}

/// Routes one key: a prompt edits, an overlay scrolls or closes, else the
/// keymap of the screen's mode picks the action. While the terminal is too
/// small only quitting works: nothing acts on a screen the user cannot see.
fn route<S: Screen>(s: &mut Shared<S>, keys: &Keymaps, ev: &KeyEvent, small: bool) -> Flow {
    let key = Key::from_event(ev);
    let screen = &mut s.screen;
    let action = S::keymap(keys).lookup(screen.mode(), key);
    if !small && let Some(scroll) = &mut s.log.open {
        if !help::key(scroll, &keys.help, key) {
            s.log.open = None;
        }
        return Flow::Continue;
    }
    if !small && matches!(screen.focus(), Focus::Keys) && action.is_some() && action == S::MESSAGES
    {
        s.log.open = Some(0);
        return Flow::Continue;
    }
    if small {
        return match action {
            Some(a) if a == S::QUIT => screen.update(a),
            _ => Flow::Continue,
        };
    }
    enum Next<A> {
        Prompt(Edit),
        Close,
        Act(A),
        /// A key the mode does not bind: a digit of a count, or nothing.
        Unbound,
        Nothing,
    }
    let next = match screen.focus() {
        Focus::Prompt(input) => Next::Prompt(input.key(&keys.prompt, key)),
        Focus::Help(scroll) => {
            if help::key(scroll, &keys.help, key) {
                Next::Nothing
            } else {
                Next::Close
            }
        }
        Focus::AnyKeyCloses => Next::Close,
        Focus::Keys => action.map_or(Next::Unbound, Next::Act),
    };
    match next {
        Next::Prompt(e @ (Edit::Submit(_) | Edit::Cancel)) => screen.prompt_done(e),
        Next::Close => screen.close_overlay(),
        Next::Act(a) => {
            let n = screen.count().and_then(Option::take);
            if !S::repeats(a) {
                return screen.update_counted(a, n);
            }
            for _ in 0..n.unwrap_or(1) {
                if screen.update(a) == Flow::Quit {
                    return Flow::Quit;
                }
            }
        }
        Next::Unbound => {
            // Digits are a count only where the keymap leaves them free; a
            // count cannot start with 0, and any other key drops it.
            let digit = key.typed_char().and_then(|c| c.to_digit(10));
            if let Some(count) = screen.count() {
                *count = match (digit, *count) {
                    (Some(d), Some(n)) => Some((n * 10 + d).min(MAX_COUNT)),
                    (Some(d), None) if d > 0 => Some(d),
                    _ => None,
                };
            }
        }
        Next::Prompt(_) | Next::Nothing => {}
    }
    Flow::Continue
}

/// The largest count: enough to cross any article, small enough that a
/// slip of the finger does not stall the screen.
const MAX_COUNT: u32 = 9999;

/// The loop: carry out effects, save when due, draw, wait for input,
/// apply it. Returns when the screen quits or the input ends.
fn event_loop<S: Screen, B: Surface>(
    shared: &Mutex<Shared<S>>,
    events: &mut dyn EventSource,
    terminal: &mut Terminal<B>,
    ui: &Ui,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        let timeout = {
            let mut s = lock(shared);
            s.screen.effects();
            if s.quit {
                return Ok(());
            }
            let timeout = s.tick(events.now());
            s.note();
            terminal.draw(|f| draw(&s, ui, f))?;
            timeout
        };
        match events.next(timeout)? {
            None => {}
            Some(Input::End) => return Ok(()),
            Some(Input::Resize(w, h)) => terminal.backend_mut().set_size(w, h),
            Some(Input::Key(k)) => {
                let size = terminal.size()?;
                let small = status::too_small(Rect::new(0, 0, size.width, size.height));
                let mut s = lock(shared);
                if route(&mut s, ui.keys, &k, small) == Flow::Quit {
                    s.quit = true;
                }
                s.note();
                if byline_store::durable::fail_point_set("panic-after-key") {
                    panic!("fail point panic-after-key");
                }
            }
        }
    }
}

/// Runs a screen on any backend with any event source (tests: a
/// [`super::events::Script`] on a `TestBackend`) until it quits or the
/// input ends. The last change is saved when the loop ends, also by a
/// panic, which then goes on.
pub fn run<S: Screen, B: Surface>(
    shared: Shared<S>,
    events: &mut dyn EventSource,
    terminal: &mut Terminal<B>,
    ui: &Ui,
) -> anyhow::Result<Shared<S>>
where
    B::Error: Send + Sync + 'static,
{
    let mut shared = shared;
    shared.quit = false;
    let shared = Mutex::new(shared);
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&shared, events, terminal, ui)
    }));
    {
        let mut s = lock(&shared);
        s.screen.effects();
        s.flush();
    }
    match looped {
        Ok(r) => r?,
        Err(panic) => std::panic::resume_unwind(panic),
    }
    Ok(shared.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Enters the full-screen terminal, or says plainly that there is none.
pub fn terminal() -> anyhow::Result<ratatui::DefaultTerminal> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!("this screen needs a terminal (standard input and output are not one)");
    }
    ratatui::try_init().map_err(|e| {
        let _ = ratatui::try_restore();
        anyhow::anyhow!("cannot set up the terminal: {e}")
    })
}

/// Runs a screen in the real terminal (`early`: one already drawn into)
/// with the guardian watching; returns the exit code.
pub fn run_terminal<S: Screen>(
    screen: S,
    keys: &Keymaps,
    early: Option<ratatui::DefaultTerminal>,
) -> anyhow::Result<u8> {
    let mut session = TerminalSession::enter(keys, early)?;
    session.run(Shared::new(screen))?;
    Ok(session.leave())
}

/// Runs screens one after another on one terminal: the real one
/// ([`TerminalSession`]) or a test's. Each run ends when the screen quits
/// or the input ends ([`Shared::quit`] tells which).
pub trait Runner {
    fn run_screen<S: Screen>(&mut self, shared: Shared<S>) -> anyhow::Result<Shared<S>>;
}

/// The real terminal held across screens, so a corpus runs the article
/// list, then an article, then the list again without leaving it. Each
/// screen has the guardian, the coalesced saves and the panic save while
/// it runs; what each must tell the user is said at the end.
pub struct TerminalSession<'k> {
    terminal: ratatui::DefaultTerminal,
    theme: Theme,
    keys: &'k Keymaps,
    /// What the screens that ran must say after the terminal is restored.
    said: Said,
}

/// Lines for the user once the terminal is theirs, and whether the work is
/// not where they expect it (exit 1).
#[derive(Debug, Clone, Default)]
struct Said {
    lines: Vec<String>,
    failed: bool,
}

impl<'k> TerminalSession<'k> {
    /// Enters the full-screen terminal (or takes `early`, already drawn).
    pub fn enter(
        keys: &'k Keymaps,
        early: Option<ratatui::DefaultTerminal>,
    ) -> anyhow::Result<TerminalSession<'k>> {
        let terminal = match early {
            Some(t) => t,
            None => terminal()?,
        };
        Ok(TerminalSession {
            terminal,
            theme: Theme::from_env(),
            keys,
            said: Said::default(),
        })
    }

    /// Runs one screen until it quits; its last change is saved whatever
    /// happens. A panic restores the terminal and goes on.
    pub fn run<S: Screen>(&mut self, shared: Shared<S>) -> anyhow::Result<Shared<S>> {
        let mut shared = shared;
        shared.quit = false;
        let shared = Arc::new(Mutex::new(shared));
        let ui = Ui {
            theme: &self.theme,
            keys: self.keys,
        };
        let guardian = match Guardian::start(Arc::clone(&shared), self.said.clone()) {
            Ok(g) => g,
            Err(e) => {
                let _ = ratatui::try_restore();
                return Err(e).context("installing signal handlers");
            }
        };
        let terminal = &mut self.terminal;
        let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            event_loop(&shared, &mut Crossterm, terminal, &ui)
        }));
        guardian.stop();
        // Whatever happened, the last change goes to disk before we leave.
        {
            let mut s = lock(&shared);
            s.screen.effects();
            s.flush();
            let said = farewell(&mut s);
            self.said.lines.extend(said.lines);
            self.said.failed |= said.failed;
        }
        let result = match looped {
            Ok(r) => r,
            Err(panic) => {
                // A terminal that is gone cannot be restored; there is no
                // one to tell.
                let _ = ratatui::try_restore();
                std::panic::resume_unwind(panic)
            }
        };
        if let Err(e) = result {
            let _ = ratatui::try_restore();
            return Err(e);
        }
        let shared = Arc::try_unwrap(shared)
            .map_err(|_| anyhow::anyhow!("the guardian still holds the screen"))?;
        Ok(shared.into_inner().unwrap_or_else(|e| e.into_inner()))
    }

    /// Restores the terminal and prints what the screens must say; the
    /// exit code says whether the work is where the user expects it.
    pub fn leave(self) -> u8 {
        let _ = ratatui::try_restore();
        say(&self.said)
    }
}

impl Runner for TerminalSession<'_> {
    fn run_screen<S: Screen>(&mut self, shared: Shared<S>) -> anyhow::Result<Shared<S>> {
        self.run(shared)
    }
}

/// How the binary says a line once the terminal is restored, and the exit
/// code for "the work is not where you expect it". The guardian exits the
/// process from its own thread, so it cannot hand them back: the binary
/// sets them once, before any screen runs.
#[derive(Debug, Clone, Copy)]
pub struct Farewell {
    pub say: fn(&str),
    pub failed_code: u8,
}

static FAREWELL: std::sync::OnceLock<Farewell> = std::sync::OnceLock::new();

/// Sets how screens say goodbye ([`Farewell`]); the first call wins.
pub fn set_farewell(f: Farewell) {
    let _ = FAREWELL.set(f);
}

fn say(said: &Said) -> u8 {
    let f = FAREWELL.get().copied().unwrap_or(Farewell {
        say: |_| {},
        failed_code: 1,
    });
    for line in &said.lines {
        (f.say)(line);
    }
    if said.failed { f.failed_code } else { 0 }
}

/// What the user must read once the terminal is theirs again: a conflict
/// copy, work that could not be saved (written to a recovery file, which
/// is named). Either means the work is not where the user expects it.
fn farewell<S: Screen>(s: &mut Shared<S>) -> Said {
    let mut lines = s.screen.farewell();
    let mut failed = !lines.is_empty();
    if let SaveState::Failed(e) = s.screen.save_state().clone() {
        lines.push(match s.screen.recover() {
            Some(Ok(path)) => format!("not saved: {e}; your work is in {}", path.display()),
            Some(Err(why)) => {
                format!("not saved: {e}; writing it to a recovery file failed too ({why})")
            }
            None => format!("not saved: {e}"),
        });
        failed = true;
    }
    Said { lines, failed }
}

/// A thread that ends the session on SIGHUP, SIGTERM, SIGINT or SIGQUIT,
/// or when the terminal hangs up: it takes the screen (the event loop
/// holds it only to save, draw or apply a key, never while waiting for
/// input), saves what is pending, restores the terminal and exits. So
/// neither depends on the loop noticing: crossterm's reader can spin
/// forever on a dead tty (crossterm issue #793).
struct Guardian {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Guardian {
    /// `before`: what the screens that ran before this one must say.
    fn start<S: Screen>(shared: Arc<Mutex<Shared<S>>>, before: Said) -> std::io::Result<Guardian> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut wanted = vec![SIGTERM, SIGINT, SIGQUIT];
        // Tests switch SIGHUP off to prove the hang-up watch works alone.
        if !byline_store::durable::fail_point_set("sighup") {
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
                        // the restored terminal, then take the screen.
                        let mut s = lock(&shared);
                        s.screen.effects();
                        s.flush();
                        let _ = ratatui::try_restore();
                        let mut said = before.clone();
                        let now = farewell(&mut s);
                        said.lines.extend(now.lines);
                        said.failed |= now.failed;
                        std::process::exit(say(&said).into());
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
