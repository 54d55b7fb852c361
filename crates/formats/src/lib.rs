//! The summary of an article or a corpus, and every format byline writes
//! and reads: Markdown, JSON, CSV, HTML, W3C Web Annotation, brat, JSONL.
//! The engines return what they found; the binary prints it.

pub mod export;
pub mod import;
pub mod sources;
