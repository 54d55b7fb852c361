//! Which files a command reads under the paths it is given: for `byline
//! export`, the annotator files in path order, the review files beside
//! them, what was left out and why, and the paths that could not be read;
//! for `byline sources`, an annotations folder's annotator files; for
//! `byline import`, a folder's files of one format. What each file is
//! comes from [`crate::files::classify`].

use crate::files::{FileKind, classify};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the paths named: claims files in order, what was skipped, and
/// paths that could not be read.
#[derive(Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    /// Review files by folder: they summarise the claims files beside them.
    pub reviews: HashMap<PathBuf, Vec<PathBuf>>,
    pub skipped: Skipped,
    pub errors: Vec<String>,
}

/// Files in annotation folders that hold no claims.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Gold files met in a folder (exported alone with `--gold`).
    pub gold: usize,
    /// Annotators' files left out by `--gold`.
    pub not_gold: usize,
    pub review: usize,
    pub conflict: usize,
    pub bookkeeping: usize,
    pub other: usize,
    /// Links to folders, not followed.
    pub linked: usize,
}

impl Skipped {
    /// One line for the files left out, if any were.
    pub fn note(&self) -> Option<String> {
        let parts: Vec<String> = [
            (
                self.gold,
                "gold file (adjudicated, so its claims would count twice; --gold exports the gold files alone)",
                "gold files (adjudicated, so their claims would count twice; --gold exports the gold files alone)",
            ),
            (
                self.not_gold,
                "annotator's file left out by --gold",
                "annotators' files left out by --gold",
            ),
            (self.review, "review file", "review files"),
            (self.conflict, "conflict copy", "conflict copies"),
            (
                self.bookkeeping,
                "lock, backup or temporary file",
                "lock, backup or temporary files",
            ),
            (
                self.other,
                "file that is not TOML",
                "files that are not TOML",
            ),
            (
                self.linked,
                "symbolic link to a folder (not followed; name the folder itself to export it)",
                "symbolic links to folders (not followed; name the folders themselves to export them)",
            ),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "not counted as annotator files: {}",
            parts.join(", ")
        ))
    }
}

/// The files to export under `paths`. A folder's gold files (FORMAT.md)
/// are left out, since their claims are the annotators' again, unless
/// `gold`, which exports them alone; a file named is always exported.
pub fn annotation_files(paths: &[PathBuf], gold: bool) -> Found {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    let several = paths.len() > 1;
    let mut take = |found: &mut Found, p: PathBuf, named: bool| {
        // Only several roots can name one file twice; the walk of one
        // folder does not, so it needs no `canonicalize` per file.
        if several && !seen.insert(crate::plain::canonical_or_same(&p)) {
            return;
        }
        match classify(&p) {
            FileKind::Annotator if named => found.files.push(p),
            FileKind::Annotator if crate::files::is_gold(&p) != gold => {
                if gold {
                    found.skipped.not_gold += 1;
                } else {
                    found.skipped.gold += 1;
                }
            }
            FileKind::Annotator => found.files.push(p),
            FileKind::Review => {
                found.skipped.review += 1;
                let dir = p.parent().unwrap_or(Path::new("")).to_owned();
                found.reviews.entry(dir).or_default().push(p);
            }
            FileKind::Conflict => found.skipped.conflict += 1,
            FileKind::Bookkeeping => found.skipped.bookkeeping += 1,
            FileKind::Other => found.skipped.other += 1,
        }
    };
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => found.errors.push(format!(
                "{}: no such file or folder; name annotation files or folders to export",
                root.display()
            )),
            Err(e) => found.errors.push(format!("{}: {e}", root.display())),
            Ok(m) if m.is_file() => take(&mut found, root.clone(), true),
            // A FIFO or a device named on the command line is a mistake
            // (or a trap), never "no annotation files".
            Ok(m) if !m.is_dir() => found.errors.push(special(root, m.file_type())),
            Ok(_) => {
                // Links to folders are not followed: a repository could
                // link `/` and have export walk the whole disk. A link to
                // a file is read as that file (reading is not writing).
                let walk = walkdir::WalkDir::new(root)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    // Hidden folders (.git) are not annotation folders.
                    .filter_entry(|e| {
                        e.depth() == 0
                            || !e.file_type().is_dir()
                            || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for entry in walk {
                    match entry {
                        Ok(e) if e.file_type().is_file() => take(&mut found, e.into_path(), false),
                        Ok(e) if e.file_type().is_symlink() => match std::fs::metadata(e.path()) {
                            Ok(m) if m.is_file() => take(&mut found, e.into_path(), false),
                            Ok(m) if m.is_dir() => found.skipped.linked += 1,
                            Ok(m)
                                if matches!(
                                    classify(e.path()),
                                    FileKind::Annotator | FileKind::Review
                                ) =>
                            {
                                found.errors.push(special(e.path(), m.file_type()))
                            }
                            _ => found.skipped.other += 1,
                        },
                        Ok(e)
                            if !e.file_type().is_dir()
                                && matches!(
                                    classify(e.path()),
                                    FileKind::Annotator | FileKind::Review
                                ) =>
                        {
                            found.errors.push(special(e.path(), e.file_type()))
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let at = e.path().map_or_else(
                                || root.display().to_string(),
                                |p| p.display().to_string(),
                            );
                            let why = e
                                .io_error()
                                .map_or_else(|| e.to_string(), |io| io.to_string());
                            found.errors.push(format!("{at}: {why}"))
                        }
                    }
                }
            }
        }
    }
    found
}

/// The message for a FIFO, device or socket where an annotation file was
/// expected.
fn special(path: &Path, t: std::fs::FileType) -> String {
    format!(
        "{}: is {}, not an annotation file; byline reads only regular files",
        path.display(),
        crate::read::describe(t)
    )
}

/// The annotator files of the annotations folder `annotations`
/// (`<article>/<annotator>.toml`), sorted: hidden folders, links, gold
/// files (whose claims are the annotators' again) and whatever else is not
/// an annotator file left out. An article folder that cannot be read is
/// left out too; the annotations folder itself must be readable.
pub fn annotator_files_in(annotations: &Path) -> Result<Vec<PathBuf>, crate::StoreError> {
    let mut files: Vec<PathBuf> = Vec::new();
    let top = std::fs::read_dir(annotations).map_err(crate::io(annotations))?;
    for article in top.flatten() {
        let Ok(t) = article.file_type() else { continue };
        if !t.is_dir() || article.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(inner) = std::fs::read_dir(article.path()) else {
            continue;
        };
        for f in inner.flatten() {
            let is_file = f.file_type().is_ok_and(|t| t.is_file());
            if is_file
                && classify(&f.path()) == FileKind::Annotator
                && !crate::files::is_gold(&f.path())
            {
                files.push(f.path());
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The regular files under `folder`, searched recursively in name order
/// (links not followed), whose extension is one of `extensions`; what
/// cannot be read is left out.
pub fn files_with_extension(folder: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|f| {
            f.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_note_is_one_line() {
        let s = Skipped {
            gold: 0,
            not_gold: 0,
            review: 2,
            conflict: 1,
            bookkeeping: 0,
            other: 1,
            linked: 0,
        };
        assert_eq!(
            s.note().unwrap(),
            "not counted as annotator files: 2 review files, 1 conflict copy, 1 file that is not TOML"
        );
        assert_eq!(Skipped::default().note(), None);
    }
}
