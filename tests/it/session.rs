//! An annotation session run through the real loop, for the screen tests
//! (annotate, suggest, annotator_screen): every `press` runs the keys and
//! ends with the save the loop makes at quit. A test module adds what only
//! it needs in its own `impl Session`.

use byline_model::annotation::AnnotationSet;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::annotate::state::App;
use byline_tui::testing::Harness;
use std::path::{Path, PathBuf};

/// An example article by file name.
pub fn article(name: &str) -> PathBuf {
    crate::common::root().join("examples/articles").join(name)
}

pub struct Session {
    pub h: Harness<AnnotateScreen>,
    pub dir: tempfile::TempDir,
}

impl Session {
    /// The example `name`, suggestions off, as Alex Example.
    pub fn new(name: &str) -> Session {
        Session::at(&article(name), tempfile::tempdir().unwrap())
    }

    /// The example `name` with the shipped suggestions on.
    pub fn suggesting(name: &str) -> Session {
        Session::suggesting_at(&article(name))
    }

    /// The article at `path` with the shipped suggestions on.
    pub fn suggesting_at(path: &Path) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let h = Harness::annotate_suggesting(path, dir.path(), "Alex Example");
        Session { h, dir }
    }

    /// The article at `path`, its annotations in `dir`.
    pub fn at(path: &Path, dir: tempfile::TempDir) -> Session {
        let h = Harness::annotate(path, dir.path(), "Alex Example");
        Session { h, dir }
    }

    /// The annotations folder.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn app(&self) -> &App {
        &self.h.screen().app
    }

    pub fn press(&mut self, keys: &str) -> &mut Self {
        self.h.press(keys);
        self
    }

    /// The file on disk.
    pub fn saved(&self) -> AnnotationSet {
        byline_store::load(&self.app().file).unwrap().unwrap()
    }

    pub fn screen(&self, w: u16, h: u16) -> String {
        self.h.text_at(w, h)
    }
}
