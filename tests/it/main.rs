//! The integration tests: one crate, one module per area. The real
//! binary is run with `assert_cmd`; screens through the real event loop
//! (`byline_tui::testing`); the terminal through tmux (`tmux.rs`).

mod adjudicate;
mod agree;
mod annotate;
mod annotator_screen;
mod bad_input;
mod check;
mod cli;
mod common;
mod corpus;
mod durability;
mod e2e_tmux;
mod export;
mod export_formats;
mod export_output;
mod hostile;
mod hostile_round2;
mod import;
mod interop;
mod limits;
mod names;
mod review;
mod round_trip;
mod runtime;
mod screens;
mod security;
mod session;
mod sessions;
mod soak;
mod sources;
mod suggest;
mod suggest_figures;
mod text;
mod tmux;
