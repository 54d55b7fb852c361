//! byline's model: the article text model every other crate counts offsets
//! in, annotations, verdicts and the agreement figures. No I/O, no
//! command line, no printing: every crate above reads the domain here.

pub mod annotation;
pub mod article;
pub mod lines;
pub mod loc;
pub mod names;
pub mod review;
pub mod sanitize;
pub mod sources;

pub use loc::{Loc, Para};
