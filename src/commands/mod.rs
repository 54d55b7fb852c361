//! One file per command: its arguments, what it prints and its exit code.
//! The domain modules (`export`, `review`, `check`, …) compute; they never
//! print.

pub mod adjudicate;
pub mod agree;
pub mod annotate;
pub mod check;
pub mod export;
pub mod import;
pub mod keys;
pub mod review;
pub mod sources;
pub mod suggest;
pub mod text;
