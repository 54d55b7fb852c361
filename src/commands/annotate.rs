//! `byline annotate PATH…`: one article file opens the annotation screen;
//! a folder or several files open the article list, which opens each
//! article on the same terminal.

use crate::cli::AnnotateArgs;
use crate::config::SuggestConfig;
use byline_model::annotation::AnnotationSet;
use byline_store as store;
use byline_store::corpus;
use byline_suggest::Packs;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::annotate::state::App;
use byline_tui::annotate::view;
use byline_tui::keys::Keymaps;
use byline_tui::list::{self, ListScreen};
use byline_tui::runtime::{self, Shared, TerminalSession};
use byline_tui::theme::Theme;
use byline_tui::ui::Ui;
use std::path::Path;
use std::sync::Arc;

/// `byline annotate PATH…`.
pub fn run(args: &AnnotateArgs, keys: Keymaps, suggest: &SuggestConfig) -> anyhow::Result<u8> {
    // A lexicon that does not parse stops here, before the terminal is
    // taken, with its file and line.
    let suggester = if suggest.enabled && !args.no_suggest {
        Some(Arc::new(byline_suggest::Packs::new(suggest.suggester()?)))
    } else {
        None
    };
    let keys = Arc::new(keys);
    let name = store::resolve_annotator(args.store.annotator.as_deref());
    match args.paths.as_slice() {
        [one] if !one.is_dir() => one_article(one, args, &name, keys, suggester),
        paths => {
            let gathered = corpus::gather_noting(paths, &args.store.annotations)?;
            let note = gathered.note();
            let articles = gathered.files;
            if let [one] = articles.as_slice()
                && paths.len() > 1
            {
                // The same file named twice is one article.
                return one_article(one, args, &name, keys, suggester);
            }
            let dir = &args.store.annotations;
            let mut session = TerminalSession::enter(&keys, None)?;
            let mut screen = ListScreen::new(articles, dir, &name, Arc::clone(&keys));
            screen.suggester = suggester;
            // Links not followed: said once, until the first key.
            screen.app.message = note;
            list::browse(&mut session, Shared::new(screen), dir, &keys)?;
            Ok(session.leave())
        }
    }
}

fn one_article(
    path: &Path,
    args: &AnnotateArgs,
    name: &str,
    keys: Arc<Keymaps>,
    suggester: Option<Arc<Packs>>,
) -> anyhow::Result<u8> {
    let early = first_screen(path, args, name, &keys);
    let screen = AnnotateScreen::open(path, &args.store.annotations, Some(name), Arc::clone(&keys));
    match screen {
        Ok(mut screen) => {
            if let Some(s) = suggester {
                screen.app.suggest_from(&s);
            }
            runtime::run_terminal(screen, &keys, early)
        }
        Err(e) => {
            if early.is_some() {
                let _ = ratatui::try_restore();
            }
            Err(e)
        }
    }
}

/// A long article's first screen, drawn from its first 64 KB (and the
/// claims already on file) before the whole text is read, normalised and
/// hashed, as a pager shows a long file at once. Keys wait for the full
/// load, so nothing acts on the partial article.
fn first_screen(
    path: &Path,
    args: &AnnotateArgs,
    name: &str,
    keys: &Arc<Keymaps>,
) -> Option<ratatui::DefaultTerminal> {
    let preview = byline_store::article::preview(path, 64 * 1024)?;
    let mut terminal = runtime::terminal().ok()?;
    let file = store::locate::annotator_file(&args.store.annotations, &preview, name).ok()?;
    let set = match store::load(&file) {
        Ok(Some(set)) => set,
        _ => AnnotationSet::new(&preview, name, None),
    };
    let mut app = App::new(preview, set, file, Arc::clone(keys));
    app.loading = true;
    byline_tui::annotate::progress::restore(&mut app);
    let theme = Theme::from_env();
    let ui = Ui {
        theme: &theme,
        keys,
    };
    let drawn = terminal.draw(|f| view::render(&app, &ui, f));
    if drawn.is_err() {
        let _ = ratatui::try_restore();
        return None;
    }
    Some(terminal)
}
