//! Tests written as key sequences through the real runtime, on a
//! `TestBackend`: `Harness::annotate(..).press("}}vjs")`, then the file on
//! disk and the screen are asserted.

use super::annotate::AnnotateScreen;
use super::events::Script;
use super::keys::Keymaps;
use super::list::ListScreen;
use super::review::ReviewScreen;
use super::runtime::{self, Runner, Screen, Shared};
use super::theme::Theme;
use super::ui::Ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use super::events::parse_keys as keys;

/// A screen, its terminal and its keys, run through the real loop.
pub struct Harness<S> {
    /// The screen and what the runtime keeps of it; `None` only while the
    /// loop runs.
    shared: Option<Shared<S>>,
    pub terminal: Terminal<TestBackend>,
    pub keys: Arc<Keymaps>,
    pub theme: Theme,
    /// Whether the last run ended by the screen quitting.
    pub quit: bool,
}

impl<S: Screen> Harness<S> {
    pub fn new(screen: S, keys: Arc<Keymaps>, width: u16, height: u16) -> Harness<S> {
        Harness {
            shared: Some(Shared::new(screen)),
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| match e {}),
            keys,
            theme: Theme { color: false },
            quit: false,
        }
    }

    pub fn shared(&self) -> &Shared<S> {
        self.shared
            .as_ref()
            .expect("the screen is back after each run")
    }

    pub fn screen(&self) -> &S {
        &self.shared().screen
    }

    pub fn screen_mut(&mut self) -> &mut S {
        &mut self
            .shared
            .as_mut()
            .expect("the screen is back after each run")
            .screen
    }

    /// Runs the loop over `script` until it ends (the last change is then
    /// saved, as at quit).
    pub fn run(&mut self, mut script: Script) -> &mut Self {
        let shared = self
            .shared
            .take()
            .expect("the screen is back after each run");
        let ui = Ui {
            theme: &self.theme,
            keys: &self.keys,
        };
        let shared = runtime::run(shared, &mut script, &mut self.terminal, &ui)
            .unwrap_or_else(|e| panic!("the runtime failed: {e:#}"));
        self.quit = shared.quit();
        self.shared = Some(shared);
        self
    }

    /// Keys as [`keys`] parses them, through the loop.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        self.run(Script::new().keys(keys))
    }

    /// Resizes the terminal through the loop.
    pub fn resize(&mut self, width: u16, height: u16) -> &mut Self {
        self.run(Script::new().resize(width, height))
    }

    /// The screen as the loop draws it now.
    pub fn screen_text(&mut self) -> String {
        self.run(Script::new());
        self.terminal.backend().to_string()
    }

    /// The screen drawn at another size (the harness keeps its own).
    pub fn draw_at(&self, width: u16, height: u16, color: bool) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| match e {});
        let theme = Theme { color };
        let ui = Ui {
            theme: &theme,
            keys: &self.keys,
        };
        t.draw(|f| runtime::draw(self.shared(), &ui, f))
            .unwrap_or_else(|e| match e {});
        t
    }

    /// [`Self::draw_at`] without colour, as text.
    pub fn text_at(&self, width: u16, height: u16) -> String {
        self.draw_at(width, height, false).backend().to_string()
    }
}

impl Harness<AnnotateScreen> {
    /// The annotation screen at 80x24 with the default keys.
    pub fn annotate(article: &Path, dir: &Path, annotator: &str) -> Harness<AnnotateScreen> {
        Harness::annotate_with(article, dir, annotator, Keymaps::default())
    }

    pub fn annotate_with(
        article: &Path,
        dir: &Path,
        annotator: &str,
        keys: Keymaps,
    ) -> Harness<AnnotateScreen> {
        let keys = Arc::new(keys);
        let screen = AnnotateScreen::open(article, dir, Some(annotator), Arc::clone(&keys))
            .unwrap_or_else(|e| panic!("opening {}: {e:#}", article.display()));
        Harness::new(screen, keys, 80, 24)
    }
}

impl Harness<AnnotateScreen> {
    /// The annotation screen with suggestions on (the shipped lexicon), as
    /// `byline annotate` opens it without `--no-suggest`.
    pub fn annotate_suggesting(
        article: &Path,
        dir: &Path,
        annotator: &str,
    ) -> Harness<AnnotateScreen> {
        let mut h = Harness::annotate(article, dir, annotator);
        // As `byline annotate` does: the pack of the article's language.
        let packs = byline_suggest::Packs::new(byline_suggest::Suggester::builtin());
        h.screen_mut().app.suggest_from(&packs);
        h
    }
}

impl Harness<ReviewScreen> {
    /// The review screen at 80x24 with the default keys.
    pub fn review(screen: ReviewScreen) -> Harness<ReviewScreen> {
        Harness::review_with(screen, Keymaps::default())
    }

    /// The review screen with a user's keys, as `byline review` opens it.
    pub fn review_with(mut screen: ReviewScreen, keys: Keymaps) -> Harness<ReviewScreen> {
        let keys = Arc::new(keys);
        screen.app.core.keys = Arc::clone(&keys);
        Harness::new(screen, keys, 80, 24)
    }
}

/// A corpus session through the real loop: the article list, the article
/// `Enter` opens, the list again after its `q`, on one `TestBackend`, as
/// `byline annotate FOLDER` runs them in the terminal.
pub struct Corpus {
    /// `None` only while the loop runs.
    list: Option<Shared<ListScreen>>,
    pub terminal: Terminal<TestBackend>,
    pub keys: Arc<Keymaps>,
    pub theme: Theme,
    pub dir: PathBuf,
    script: Script,
}

impl Runner for Corpus {
    fn run_screen<S: Screen>(&mut self, shared: Shared<S>) -> anyhow::Result<Shared<S>> {
        let ui = Ui {
            theme: &self.theme,
            keys: &self.keys,
        };
        runtime::run(shared, &mut self.script, &mut self.terminal, &ui)
    }
}

impl Corpus {
    /// The list of what `paths` name, at 80x24, every row read.
    pub fn open(paths: &[PathBuf], dir: &Path, annotator: &str) -> Corpus {
        Corpus::open_with(paths, dir, annotator, Keymaps::default())
    }

    /// The same with the user's keys.
    pub fn open_with(paths: &[PathBuf], dir: &Path, annotator: &str, keys: Keymaps) -> Corpus {
        let keys = Arc::new(keys);
        let gathered = byline_store::corpus::gather_noting(paths, dir)
            .unwrap_or_else(|e| panic!("gathering the corpus: {e}"));
        let note = gathered.note();
        let mut list = ListScreen::new(gathered.files, dir, annotator, Arc::clone(&keys));
        list.app.message = note;
        list.finish_scan();
        Corpus {
            list: Some(Shared::new(list)),
            terminal: Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| match e {}),
            keys,
            theme: Theme { color: false },
            dir: dir.to_owned(),
            script: Script::new(),
        }
    }

    pub fn list(&self) -> &ListScreen {
        &self
            .list
            .as_ref()
            .expect("the list is back after each run")
            .screen
    }

    /// Keys as [`keys`] parses them, through the list and every article
    /// they open, until they run out.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        self.run(Script::new().keys(keys))
    }

    /// A script (keys, waits, resizes) through the list and every article
    /// it opens, until it runs out.
    pub fn run(&mut self, script: Script) -> &mut Self {
        self.script = script;
        let list = self.list.take().expect("the list is back after each run");
        let keys = Arc::clone(&self.keys);
        let dir = self.dir.clone();
        let list = super::list::browse(self, list, &dir, &keys)
            .unwrap_or_else(|e| panic!("the runtime failed: {e:#}"));
        self.list = Some(list);
        self
    }

    /// The terminal as the loop left it.
    pub fn text(&self) -> String {
        self.terminal.backend().to_string()
    }

    /// The list drawn at another size, without colour.
    pub fn list_at(&self, width: u16, height: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| match e {});
        let ui = Ui {
            theme: &self.theme,
            keys: &self.keys,
        };
        t.draw(|f| {
            if super::widgets::status::too_small(f.area()) {
                super::widgets::status::draw_too_small(f.area(), f.buffer_mut());
            } else {
                self.list().render(&ui, f)
            }
        })
        .unwrap_or_else(|e| match e {});
        t.backend().to_string()
    }
}
