//! What each file in an annotations folder is. Every command asks here, so
//! `export`, `agree`, `check` and `review` agree on which files hold an
//! annotator's claims (FORMAT.md: anything else is bookkeeping).

use std::path::Path;

/// The adjudicated file of an article (`byline adjudicate`): an ordinary
/// annotator file, which agreement among annotators leaves out unless asked
/// (`agree --against gold`).
pub const GOLD_FILE: &str = "gold.toml";

/// Whether `path` is an article's gold file.
pub fn is_gold(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(GOLD_FILE))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `<annotator>.toml`: one annotator's claims.
    Annotator,
    /// `<reviewer>.review.toml`: one reviewer's verdicts.
    Review,
    /// `<annotator>.conflict-<timestamp>.toml`, written when the file
    /// changed on disk under a running session.
    Conflict,
    /// Locks, backups, editor and temporary files.
    Bookkeeping,
    /// Not TOML at all.
    Other,
}

impl FileKind {
    /// How a note that skips files of this kind names them.
    pub fn describe(self, n: usize) -> &'static str {
        match (self, n == 1) {
            (FileKind::Annotator, true) => "annotator file",
            (FileKind::Annotator, false) => "annotator files",
            (FileKind::Review, true) => "review file",
            (FileKind::Review, false) => "review files",
            (FileKind::Conflict, true) => "conflict copy",
            (FileKind::Conflict, false) => "conflict copies",
            (FileKind::Bookkeeping, true) => "lock, backup or temporary file",
            (FileKind::Bookkeeping, false) => "lock, backup or temporary files",
            (FileKind::Other, true) => "file that is not TOML",
            (FileKind::Other, false) => "files that are not TOML",
        }
    }
}

/// What a file is, from its name. Annotator files are `<slug>.toml` and a
/// slug has no dot, so any other dotted stem (`alex.orig.toml`) is
/// bookkeeping.
pub fn classify(path: &Path) -> FileKind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let lower = name.to_lowercase();
    if lower.starts_with('.')
        || lower.ends_with('~')
        || [".lock", ".bak", ".orig", ".tmp", ".swp"]
            .iter()
            .any(|s| lower.ends_with(s))
        || lower.contains(".tmp-")
    {
        return FileKind::Bookkeeping;
    }
    let Some(stem) = lower.strip_suffix(".toml") else {
        return FileKind::Other;
    };
    if stem.ends_with(".review") {
        FileKind::Review
    } else if stem.contains(".conflict-") {
        FileKind::Conflict
    } else if is_review_of(stem) {
        FileKind::Review
    } else if stem.contains('.') {
        FileKind::Bookkeeping
    } else {
        FileKind::Annotator
    }
}

/// `<reviewer>.review.<colleague>` (FORMAT.md: one review per colleague):
/// two slugs, which have no dots, around `.review.`.
fn is_review_of(stem: &str) -> bool {
    stem.split_once(".review.").is_some_and(|(r, of)| {
        !r.is_empty() && !of.is_empty() && !r.contains('.') && !of.contains('.')
    })
}

/// The conflict copies beside `file` (`<stem>.conflict-*.toml`), oldest
/// first: work an earlier session could not put in the file itself.
pub fn conflict_copies_of(file: &Path) -> Vec<std::path::PathBuf> {
    let Some(name) = file.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let stem = name.strip_suffix(".toml").unwrap_or(&name);
    let prefix = format!("{stem}.conflict-");
    let dir = super::durable::folder_of(file);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".toml"))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_name() {
        let c = |s: &str| classify(Path::new(s));
        assert_eq!(c("a/alex-example.toml"), FileKind::Annotator);
        assert_eq!(c("a/Alex Example.toml"), FileKind::Annotator);
        assert_eq!(c("a/alex.bak.toml"), FileKind::Bookkeeping);
        assert_eq!(c("a/alex.toml.bak"), FileKind::Bookkeeping);
        assert_eq!(c("a/sam.review.toml"), FileKind::Review);
        assert_eq!(c("a/sam.review.alex-example.toml"), FileKind::Review);
        assert_eq!(c("a/sam.review.alex.orig.toml"), FileKind::Bookkeeping);
        assert_eq!(c("a/.review.alex.toml"), FileKind::Bookkeeping);
        assert_eq!(
            c("a/sam.review.conflict-20261126T040000Z.toml"),
            FileKind::Conflict
        );
        assert_eq!(
            c("a/sam.review.alex.conflict-20261126T040000Z.toml"),
            FileKind::Conflict
        );
        assert_eq!(
            c("a/alex.conflict-20261126T040000Z.toml"),
            FileKind::Conflict
        );
        assert_eq!(c("a/alex.toml.lock"), FileKind::Bookkeeping);
        assert_eq!(c("a/.alex.toml.lock"), FileKind::Bookkeeping);
        assert_eq!(c("a/.alex.toml.tmp-123"), FileKind::Bookkeeping);
        assert_eq!(c("a/alex.orig.toml"), FileKind::Bookkeeping);
        assert_eq!(c("a/alex.toml~"), FileKind::Bookkeeping);
        assert_eq!(c("a/notes.txt"), FileKind::Other);
    }
}
