//! Every read and write of the disk: article and annotation files (capped
//! regular-file reads), paths, durable atomic saves, the one-writer lock,
//! conflict detection, the corpus walk and `byline check`, and where an
//! export goes.

pub mod adjudicate;
pub mod agree;
pub mod article;
pub mod check;
pub mod confine;
pub mod corpus;
pub mod discover;
pub mod durable;
pub mod files;
mod lean;
pub mod locate;
pub mod lock;
pub mod open;
pub mod plain;
pub mod read;
pub mod recovery;
pub mod review;
pub mod review_open;
mod session;
pub mod sink;
pub mod sources;
mod toml_io;
mod write;
pub mod xdg;

pub use files::GOLD_FILE;
pub use lean::{load_claims_only, parse_claims_only};
pub use session::{
    Document, Fingerprint, ReadOnly, Saved, Session, conflict_path, read_fingerprinted,
    verified_text,
};
pub use toml_io::{FORMAT, MAX_OFFSET, MAX_PARAGRAPHS, basic, line_col, parse, to_string};

use byline_model::annotation::AnnotationSet;
use std::path::{Path, PathBuf};

/// Annotation files larger than this are refused.
pub const MAX_ANNOTATION_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    // Not `source`: the message already holds the I/O error, and a source
    // would print it twice in `{:#}`.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}: is a folder, not an annotation file", .0.display())]
    IsDir(PathBuf),
    #[error("{}: is {what}, not an annotation file; byline reads only regular files", path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: the annotation file is {size} bytes; byline refuses files over {} MB", path.display(), MAX_ANNOTATION_BYTES / 1024 / 1024)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: not UTF-8 text; an annotation file is TOML in UTF-8", .0.display())]
    NotUtf8(PathBuf),
    #[error("{}: saving would not read back as the same annotations; nothing was written", .0.display())]
    RoundTrip(PathBuf),
    #[error("{}: not saved: {why}", path.display())]
    ReadOnly { path: PathBuf, why: String },
    #[error("{}: not saved: the file would be {size} bytes, and byline reads annotation files of at most {} MB; delete or shorten some claims (nothing is lost: the session keeps them)", path.display(), MAX_ANNOTATION_BYTES / 1024 / 1024)]
    WouldBeTooLarge { path: PathBuf, size: u64 },
    #[error("{}: belongs to {holder:?}, another name with the same slug; use a different spelling of your name (--annotator) or move the file aside", path.display())]
    NameTaken { path: PathBuf, holder: String },
    #[error("{}: is a symbolic link; byline never writes through symbolic links in an annotations folder, which may come from someone else's repository (replace the link with the file or folder itself)", .0.display())]
    Symlink(PathBuf),
}

/// Reads an annotation or review file (at most [`MAX_ANNOTATION_BYTES`],
/// regular files only); `Ok(None)` when it does not exist.
pub(crate) fn read_file(path: &Path) -> Result<Option<read::Contents>, StoreError> {
    read_capped(path, MAX_ANNOTATION_BYTES, |size| StoreError::TooLarge {
        path: path.to_owned(),
        size,
    })
}

/// Reads a regular file of at most `max` bytes; `Ok(None)` when it does
/// not exist. `too_large` says what a larger one is, from its size.
pub(crate) fn read_capped(
    path: &Path,
    max: u64,
    too_large: impl FnOnce(u64) -> StoreError,
) -> Result<Option<read::Contents>, StoreError> {
    use read::ReadError;
    match read::read_regular(path, max) {
        Ok(c) => Ok(Some(c)),
        Err(ReadError::NotFound) => Ok(None),
        Err(ReadError::IsDir) => Err(StoreError::IsDir(path.to_owned())),
        Err(ReadError::NotRegular(what)) => Err(StoreError::NotRegular {
            path: path.to_owned(),
            what,
        }),
        Err(ReadError::TooLarge(size)) => Err(too_large(size)),
        Err(ReadError::Io(e)) => Err(io(path)(e)),
    }
}

/// Refuses to write what [`read_file`] would refuse to read back: every
/// annotator and review file byline writes passes here.
pub(crate) fn fits(path: &Path, text: &str) -> Result<(), StoreError> {
    let size = text.len() as u64;
    if size > MAX_ANNOTATION_BYTES {
        return Err(StoreError::WouldBeTooLarge {
            path: path.to_owned(),
            size,
        });
    }
    Ok(())
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |error| StoreError::Io {
        path: path.to_owned(),
        error,
    }
}

/// `<annotations>/<article-id>/<annotator-slug>.toml`, where a new file for
/// `annotator` goes unless another name holds that slug; sessions ask
/// [`locate::annotator_file`], which also finds older files.
pub fn annotation_path(dir: &Path, article_id: &str, annotator: &str) -> PathBuf {
    dir.join(article_id)
        .join(format!("{}.toml", annotator_slug(annotator)))
}

/// The slug of an annotator's name (FORMAT.md, "Where files live").
pub fn annotator_slug(name: &str) -> String {
    byline_model::article::slug::slug(name, locate::ANNOTATOR_FALLBACK)
}

/// The annotator's name: `--annotator`, else `BYLINE_ANNOTATOR`, else
/// `git config user.name`, else `$USER`.
pub fn resolve_annotator(flag: Option<&str>) -> String {
    let non_empty = |s: String| {
        let t = s.trim().to_owned();
        (!t.is_empty()).then_some(t)
    };
    flag.map(str::to_owned)
        .and_then(non_empty)
        .or_else(|| std::env::var("BYLINE_ANNOTATOR").ok().and_then(non_empty))
        .or_else(|| {
            std::process::Command::new("git")
                .args(["config", "user.name"])
                .stderr(std::process::Stdio::null())
                .output()
                .ok()
                .filter(|o| o.status.success())
                .and_then(|o| String::from_utf8(o.stdout).ok())
                .and_then(non_empty)
        })
        .or_else(|| std::env::var("USER").ok().and_then(non_empty))
        .unwrap_or_else(|| "anonymous".into())
}

/// Reads an annotator file; `Ok(None)` when it does not exist yet.
pub fn load(path: &Path) -> Result<Option<AnnotationSet>, StoreError> {
    match read_fingerprinted(path)? {
        Some((bytes, _)) => {
            let text =
                String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
            parse(path, &text).map(Some)
        }
        None => Ok(None),
    }
}

/// Writes `set` to `path` atomically and durably: the text is parsed back
/// and compared first, then [`write_atomic`]. No lock and no conflict check:
/// sessions use [`Session::save`], which has both.
pub fn save(path: &Path, set: &AnnotationSet) -> Result<(), StoreError> {
    let text = verified_text(path, set)?;
    write_atomic(path, text.as_bytes())
}

/// The atomic replace used for every file byline writes: a temporary file
/// in the same folder, `fsync`, rename over the target, `fsync` the folder.
/// The file's permissions are kept. A symbolic link, as the file or as its
/// article folder, is refused and never followed ([`confine`]); so is
/// anything but a regular file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    confine::make_folder(path)?;
    durable::replace(path, bytes).map_err(io(path))
}

#[cfg(test)]
mod tests;
