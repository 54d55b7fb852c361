//! What every screen draws the same way: the one-line prompt, the help
//! overlay, the footer of key hints, the status line's save state and the
//! too-small notice.

pub mod footer;
pub mod help;
pub mod line_input;
pub mod messages;
pub mod status;
