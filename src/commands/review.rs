//! `byline review ARTICLE --theirs FILE [--mine FILE]`: opens the review
//! screen in the runtime.

use crate::cli::ReviewArgs;
use byline_store::review_open::open;
use byline_tui::keys::Keymaps;
use byline_tui::review::ReviewScreen;
use byline_tui::runtime;

/// `byline review ARTICLE --theirs FILE [--mine FILE]`.
pub fn run(args: &ReviewArgs, keys: Keymaps) -> anyhow::Result<u8> {
    let mut screen = ReviewScreen::new(open(
        &args.article,
        &args.theirs,
        args.mine.as_deref(),
        &args.store.annotations,
        args.store.annotator.as_deref(),
    )?);
    // Its messages name the user's keys.
    screen.app.core.keys = std::sync::Arc::new(keys.clone());
    runtime::run_terminal(screen, &keys, None)
}
