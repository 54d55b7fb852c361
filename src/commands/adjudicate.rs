//! `byline adjudicate ARTICLE`: opens the adjudication screen in the
//! runtime; every bad input is refused before the terminal is taken.

use crate::cli::AdjudicateArgs;
use byline_tui::adjudicate::{AdjudicateScreen, Options};
use byline_tui::keys::Keymaps;
use byline_tui::runtime;
use std::sync::Arc;

/// `byline adjudicate ARTICLE [--min-agree K] [--files F F…]`.
pub fn run(args: &AdjudicateArgs, keys: Keymaps) -> anyhow::Result<u8> {
    let min_agree = args
        .min_agree
        .map(|k| usize::try_from(k).unwrap_or(usize::MAX));
    let options = Options {
        article: &args.article,
        annotations: &args.store.annotations,
        files: args.files.as_deref(),
        adjudicator: args.store.annotator.as_deref(),
        min_agree,
    };
    // Its messages name the user's keys.
    let screen = AdjudicateScreen::open(&options, Arc::new(keys.clone()))?;
    runtime::run_terminal(screen, &keys, None)
}
