//! The annotation screen: `byline annotate ARTICLE`.

pub mod action;
pub mod claims;
pub mod progress;
pub mod search;
pub mod state;
pub mod summary;
pub mod update;
pub mod view;

use crate::keys::Keymaps;
use crate::runtime::{Flow, Focus, Screen};
use crate::widgets::line_input::Complete;
use crate::widgets::line_input::Edit;
use crate::widgets::status::SaveState;
use action::Action;
use byline_model::Para;
use byline_store as store;
use state::{App, Mode};
use std::path::Path;
use std::sync::Arc;

/// An open annotation session: the screen's state, and the file's (its
/// lock, what is on disk, where saves go).
pub struct AnnotateScreen {
    pub app: App,
    pub disk: store::Session,
    /// Said once more after the terminal is restored.
    conflict: Option<String>,
}

impl AnnotateScreen {
    /// Opens the article and the annotator's file; errors here leave the
    /// terminal alone, and a file that fails to load is never written.
    pub fn open(
        article_path: &Path,
        dir: &Path,
        annotator: Option<&str>,
        keys: Arc<Keymaps>,
    ) -> anyhow::Result<AnnotateScreen> {
        let opened = store::open::annotator(article_path, dir, annotator)?;
        let mut app = App::new(opened.article, opened.set, opened.file, keys);
        app.core.message = opened.message;
        progress::restore(&mut app);
        if let Some(why) = opened.disk.read_only() {
            app.core.save = SaveState::ReadOnly(why.to_string());
        }
        let path = store::sources::path_for(dir);
        let stamp = store::sources::stamp(&path);
        match store::sources::load(&path) {
            Ok(r) => {
                app.sources = Some(state::SourcesFile {
                    exists: r.is_some(),
                    registry: Arc::new(r.unwrap_or_default()),
                    path,
                    stamp,
                });
            }
            Err(e) => {
                let said = app
                    .core
                    .message
                    .take()
                    .map(|m| format!("{m}; "))
                    .unwrap_or_default();
                app.core.message = Some(format!(
                    "{said}{e} — the source prompt works without the sources registry"
                ));
                // Empty until the file reads (a fix is picked up while a
                // prompt is open); an addition is refused by the store,
                // which reads the file again, so nothing is written to it.
                app.sources = Some(state::SourcesFile {
                    exists: false,
                    registry: Arc::new(Default::default()),
                    path,
                    stamp,
                });
            }
        }
        Ok(AnnotateScreen {
            app,
            disk: opened.disk,
            conflict: None,
        })
    }
}

/// While the source prompt is open, the registry as it is on disk now:
/// another annotator of the corpus may have added to it. One `stat` a
/// key; a registry that no longer reads is kept as it was.
fn refresh_sources(app: &mut App) {
    let Mode::Prompt(p) = &mut app.mode else {
        return;
    };
    let (state::PromptKind::Source { .. }, Some(src)) = (&p.kind, &mut app.sources) else {
        return;
    };
    let now = store::sources::stamp(&src.path);
    if now == src.stamp {
        return;
    }
    src.stamp = now;
    if let Ok(r) = store::sources::load(&src.path) {
        src.exists = r.is_some();
        src.registry = Arc::new(r.unwrap_or_default());
        p.line.complete = Some(Complete::new(Arc::clone(&src.registry), src.exists));
    }
}

/// Writes a source typed as `name; type` into the sources registry.
fn add_source(app: &mut App) {
    let Some((name, kind)) = app.pending_source.take() else {
        return;
    };
    let Some(sources) = &mut app.sources else {
        return;
    };
    let shown = sources.path.display().to_string();
    match store::sources::add(&sources.path, &name, &kind) {
        Ok(r) => {
            let label = r.label(&kind);
            sources.registry = Arc::new(r);
            sources.exists = true;
            sources.stamp = store::sources::stamp(&sources.path);
            app.core.message = Some(format!("added “{name}” ({label}) to {shown}"));
        }
        Err(e) => app.core.message = Some(format!("not added to the sources registry: {e}")),
    }
}

impl Screen for AnnotateScreen {
    crate::runtime::app_screen!(annotate);

    fn mode(&self) -> u8 {
        match self.app.mode {
            Mode::Select { .. } => action::SELECT,
            Mode::Claims => action::CLAIMS,
            _ => action::NORMAL,
        }
    }

    fn focus(&mut self) -> Focus<'_> {
        match &mut self.app.mode {
            Mode::Prompt(p) => Focus::Prompt(&mut p.line),
            Mode::Help { scroll } => Focus::Help(scroll),
            Mode::Summary => Focus::AnyKeyCloses,
            Mode::Claims => match &mut self.app.list {
                Some(list) if list.typing => Focus::Prompt(&mut list.filter),
                _ => Focus::Keys,
            },
            Mode::Normal | Mode::Select { .. } => Focus::Keys,
        }
    }

    fn prompt_done(&mut self, edit: Edit) {
        update::prompt_done(&mut self.app, edit);
    }

    fn update(&mut self, action: Action) -> Flow {
        update::update(&mut self.app, action)
    }

    fn update_counted(&mut self, action: Action, count: Option<u32>) -> Flow {
        match (action, count) {
            // `14G`, as in vim: that paragraph.
            (Action::LastParagraph, Some(n)) => {
                // The count is the paragraph's number, as the screen shows it.
                let p = Para::from_number(n as usize).unwrap_or(Para::FIRST);
                update::go_to_paragraph(&mut self.app, p);
                Flow::Continue
            }
            _ => self.update(action),
        }
    }

    fn count(&mut self) -> Option<&mut Option<u32>> {
        Some(&mut self.app.count)
    }

    fn repeats(action: Action) -> bool {
        action.repeats()
    }

    /// Writes the claims. If the file changed on disk under the session,
    /// the save goes to a conflict copy and the screen says so.
    fn save(&mut self) -> Result<(), String> {
        let app = &mut self.app;
        app.set.annotator.position = Some(progress::position(app));
        store::open::stamp(&mut app.set, &app.article);
        if let Some(msg) = crate::saving::save(
            &mut self.disk,
            &app.set,
            &app.file,
            ("this session", "your work is"),
            &mut app.core,
        )? {
            self.conflict = Some(msg);
        }
        Ok(())
    }

    /// A session that opened read-only (another one held the file)
    /// becomes writable when the other one ends, with the file as that
    /// one left it.
    fn effects(&mut self) {
        add_source(&mut self.app);
        refresh_sources(&mut self.app);
        let Some(reloaded) = crate::saving::take_over(&mut self.disk, &self.app.article) else {
            return;
        };
        if let Some(Some(set)) = self.app.core.took_over(reloaded) {
            self.app.set = set;
        }
    }

    fn recover(&mut self) -> Option<Result<std::path::PathBuf, String>> {
        let name = self.app.file.file_name()?.to_string_lossy().into_owned();
        Some(store::recovery::write(
            &name,
            store::to_string(&self.app.set).as_bytes(),
        ))
    }
}
