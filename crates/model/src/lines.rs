//! Where a byte offset is in a text, for messages about files a person
//! edits (annotation and review files, configs, lexicons): 1-based line
//! and column, as editors count them; and the one error such a file gives.

use std::path::PathBuf;

/// A file a person edits (a config, a lexicon) that cannot be used: it
/// could not be read, or a line of it is wrong.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Why, in words (the I/O was the caller's).
    #[error("{}: {why}", path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error("{}:{line}: {message}", path.display())]
    At {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// 1-based line and column (in characters) of byte offset `at` in `text`;
/// past the end is the end.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The 1-based line of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    line_col(text, at).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 999), (3, 2));
        assert_eq!(line_of(t, 4), 2);
    }
}
