//! The summary of an article or a corpus, and every format byline writes
//! and reads: Markdown, JSON, CSV, HTML, W3C Web Annotation, brat, JSONL.
//! The engines return what they found; the binary prints it.

pub mod export;
pub mod import;
pub mod sources;

/// `1 claim`, `3 claims`: a count with its noun, as the text reports
/// (Markdown, the sources report) write it.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
