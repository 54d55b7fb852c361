//! The article list: `byline annotate FOLDER` or several files. A third
//! screen of the runtime; [`browse`] runs it, the article it opens, and it
//! again, on one terminal.
//!
//! The list opens at once on any number of articles: the first screenful
//! of rows is read before the first frame, the rest by a thread that reads
//! each annotator file with the fast parse (or the first bytes of an
//! article without one), while the status bar counts them.

pub mod action;
pub mod state;
pub mod update;
pub mod view;

use crate::annotate::AnnotateScreen;
use crate::keymap::Keymap;
use crate::keys::Keymaps;
use crate::runtime::{Flow, Focus, Runner, Screen, Shared};
use crate::ui::Ui;
use crate::widgets::line_input::Edit;
use crate::widgets::status::SaveState;
use action::Action;
use byline_store::corpus::{self, Row};
use ratatui::Frame;
use state::{Entry, ListApp, Mode};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use update::Asked;

/// Rows read before the first frame: more than a tall terminal shows.
const FIRST_ROWS: usize = 80;

/// What the scanning thread found about one row.
enum Found {
    Row(Row),
    /// A full load of an article without a file failed: why.
    Problem(String),
}

pub struct ListScreen {
    pub app: ListApp,
    found: mpsc::Receiver<(usize, Found)>,
    stop: Arc<AtomicBool>,
    open: Option<usize>,
    save: SaveState,
    /// Given to every article the list opens (`None`: suggestions off).
    pub suggester: Option<Arc<byline_suggest::Packs>>,
}

impl ListScreen {
    /// The list of `articles` for `annotator`, whose files are under `dir`.
    pub fn new(
        articles: Vec<PathBuf>,
        dir: &Path,
        annotator: &str,
        keys: Arc<Keymaps>,
    ) -> ListScreen {
        let mut entries: Vec<Entry> = articles
            .into_iter()
            .map(|path| Entry {
                shown: shown(&path),
                file: corpus::annotation_file(&path, dir, annotator),
                path,
                row: None,
            })
            .collect();
        let first = FIRST_ROWS.min(entries.len());
        for e in &mut entries[..first] {
            e.row = Some(corpus::inspect(&e.path, &e.file));
        }
        let work: Vec<Work> = entries
            .iter()
            .map(|e| Work {
                path: e.path.clone(),
                file: e.file.clone(),
                read: e.row.as_ref().map(needs_check),
            })
            .collect();
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // Without a thread the rows are still read, only slower to show.
        let _ = std::thread::Builder::new()
            .name("byline-list-scan".into())
            .spawn(move || scan(work, tx, stopped));
        let mut app = ListApp::new(entries, annotator.to_owned(), keys);
        app.scanned = first;
        ListScreen {
            app,
            found: rx,
            stop,
            open: None,
            save: SaveState::Saved,
            suggester: None,
        }
    }

    /// Takes in what the scanning thread found so far.
    fn take_found(&mut self) {
        while let Ok((i, found)) = self.found.try_recv() {
            self.apply(i, found);
        }
    }

    fn apply(&mut self, i: usize, found: Found) {
        {
            let Some(e) = self.app.entries.get_mut(i) else {
                return;
            };
            match found {
                Found::Row(r) => {
                    if e.row.is_none() {
                        self.app.scanned += 1;
                    }
                    e.row = Some(r);
                }
                Found::Problem(why) => {
                    if let Some(r) = &mut e.row
                        && !r.annotated
                    {
                        r.problem = Some(why);
                    }
                }
            }
        }
    }

    /// Waits until the scanning thread has read every row and checked
    /// every article (tests and benchmarks want the whole list).
    pub fn finish_scan(&mut self) {
        while let Ok((i, found)) = self.found.recv() {
            self.apply(i, found);
        }
    }

    /// Whether every row is read.
    pub fn scanned(&self) -> bool {
        self.app.scanned >= self.app.entries.len()
    }

    /// The article `Enter` asked for, once.
    pub fn take_open(&mut self) -> Option<usize> {
        self.open.take()
    }

    /// Back from article `i`: its row read again, the next not done
    /// selected.
    pub fn returned(&mut self, i: usize) {
        self.take_found();
        if let Some(e) = self.app.entries.get_mut(i) {
            if e.row.is_none() {
                self.app.scanned += 1;
            }
            e.row = Some(corpus::inspect(&e.path, &e.file));
            self.app.selected = i;
        }
        update::select_next_not_done(&mut self.app);
    }
}

impl Drop for ListScreen {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The path as the user would type it: relative to here when inside it.
fn shown(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    let rel = here
        .as_deref()
        .and_then(|h| path.strip_prefix(h).ok())
        .unwrap_or(path);
    let rel = rel.strip_prefix("./").unwrap_or(rel);
    rel.display().to_string()
}

/// One row for the scanning thread.
struct Work {
    path: PathBuf,
    file: PathBuf,
    /// `Some(needs the full check)` when the row is read already.
    read: Option<bool>,
}

/// An article without a file, whose first bytes read well: only a full
/// load tells whether it opens. (A row that says why already is never
/// opened again here: a pipe would wait for ever.)
fn needs_check(row: &Row) -> bool {
    !row.annotated && row.problem.is_none()
}

/// Reads the rows not read yet, in order, then loads in full the articles
/// that have no file (a page with no body says so before it is opened).
fn scan(work: Vec<Work>, tx: mpsc::Sender<(usize, Found)>, stop: Arc<AtomicBool>) {
    let mut unannotated = Vec::new();
    for (i, w) in work.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if let Some(check) = w.read {
            if check {
                unannotated.push(i);
            }
            continue;
        }
        let row = corpus::inspect(&w.path, &w.file);
        if needs_check(&row) {
            unannotated.push(i);
        }
        if tx.send((i, Found::Row(row))).is_err() {
            return;
        }
    }
    for i in unannotated {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if let Some(why) = corpus::check(&work[i].path)
            && tx.send((i, Found::Problem(why))).is_err()
        {
            return;
        }
    }
}

impl Screen for ListScreen {
    type Action = Action;
    const QUIT: Action = Action::Quit;

    fn keymap(keys: &Keymaps) -> &Keymap<Action> {
        &keys.list
    }

    fn focus(&mut self) -> Focus<'_> {
        match &mut self.app.mode {
            Mode::Filter(input) => Focus::Prompt(input),
            Mode::Help { scroll } => Focus::Help(scroll),
            Mode::Normal => Focus::Keys,
        }
    }

    fn prompt_done(&mut self, edit: Edit) {
        update::prompt_done(&mut self.app, edit);
    }

    fn close_overlay(&mut self) {
        self.app.mode = Mode::Normal;
    }

    fn update(&mut self, action: Action) -> Flow {
        match update::update(&mut self.app, action) {
            Asked::Nothing => Flow::Continue,
            Asked::Quit => Flow::Quit,
            Asked::Open(i) => {
                self.open = Some(i);
                Flow::Quit
            }
        }
    }

    fn render(&self, ui: &Ui, frame: &mut Frame) {
        view::render(&self.app, ui, frame);
    }

    /// The list writes nothing: every change is an article's.
    fn revision(&self) -> u64 {
        0
    }

    fn save_state(&mut self) -> &mut SaveState {
        &mut self.save
    }

    fn save(&mut self) -> Result<(), String> {
        Ok(())
    }

    fn message(&self) -> Option<&str> {
        self.app.message.as_deref()
    }

    /// Rows found by the scanning thread since the last frame.
    fn effects(&mut self) {
        self.take_found();
    }
}

/// Runs the list; `Enter` runs the article it names on the same terminal,
/// and its `q` comes back to the list. Ends when the list quits (or the
/// input ends).
pub fn browse<R: Runner>(
    runner: &mut R,
    list: Shared<ListScreen>,
    dir: &Path,
    keys: &Arc<Keymaps>,
) -> anyhow::Result<Shared<ListScreen>> {
    let mut list = list;
    loop {
        list = runner.run_screen(list)?;
        let quit = list.quit();
        let Some(i) = list.screen.take_open().filter(|_| quit) else {
            return Ok(list);
        };
        let screen = &mut list.screen;
        let path = screen.app.entries[i].path.clone();
        let annotator = screen.app.annotator.clone();
        match AnnotateScreen::open(&path, dir, Some(&annotator), Arc::clone(keys)) {
            Ok(mut article) => {
                if let Some(s) = &screen.suggester {
                    article.app.suggest_from(s);
                }
                let article = runner.run_screen(Shared::new(article))?;
                list.screen.returned(i);
                if !article.quit() {
                    return Ok(list);
                }
            }
            Err(e) => {
                let why = format!("{e:#}").replace('\n', " ");
                if let Some(r) = &mut screen.app.entries[i].row {
                    r.problem = Some(why.clone());
                }
                screen.app.message = Some(why);
            }
        }
    }
}
