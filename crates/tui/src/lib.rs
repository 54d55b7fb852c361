//! The terminal screens: one runtime (event loop, saves, signals, the
//! terminal) that runs any screen; the keymap (defaults as TOML, user
//! overrides merged); widgets shared by all screens; one folder per screen.

pub mod adjudicate;
pub mod annotate;
pub mod events;
pub mod keymap;
pub mod keys;
pub mod list;
pub mod review;
mod row;
pub mod runtime;
pub mod saving;
pub mod testing;
pub mod theme;
pub mod ui;
mod undo;
pub mod view_util;
pub mod widgets;
pub mod wrap;
