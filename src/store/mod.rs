//! The only module that touches annotation files on disk: paths, reading,
//! and atomic saves.

mod lean;
mod toml_io;

pub use lean::{load_claims_only, parse_claims_only};
pub use toml_io::{FORMAT, basic, line_col, parse, to_string};

use crate::annotation::AnnotationSet;
use crate::article::slugify;
use std::io::Write;
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
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the annotation file is {size} bytes; byline refuses files over {} MB", path.display(), MAX_ANNOTATION_BYTES / 1024 / 1024)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: not UTF-8 text; an annotation file is TOML in UTF-8", .0.display())]
    NotUtf8(PathBuf),
    #[error("{}: saving would not read back as the same annotations; nothing was written", .0.display())]
    RoundTrip(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// `<annotations>/<article-id>/<annotator-slug>.toml`
pub fn annotation_path(dir: &Path, article_id: &str, annotator: &str) -> PathBuf {
    dir.join(article_id)
        .join(format!("{}.toml", annotator_slug(annotator)))
}

pub fn annotator_slug(name: &str) -> String {
    let s = slugify(name);
    if s.is_empty() { "anonymous".into() } else { s }
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
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(path)(e)),
    };
    if meta.len() > MAX_ANNOTATION_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(io(path))?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
    parse(path, &text).map(Some)
}

/// Writes `set` to `path` atomically: the text is parsed back and compared
/// first, then written to a temporary file in the same folder, synced, and
/// renamed over the target; the folder is synced so the rename survives a
/// crash. A symlink is followed, so the link stays a link.
pub fn save(path: &Path, set: &AnnotationSet) -> Result<(), StoreError> {
    let text = to_string(set);
    match parse(path, &text) {
        Ok(back) if &back == set => {}
        _ => return Err(StoreError::RoundTrip(path.to_owned())),
    }
    write_atomic(path, text.as_bytes())
}

/// The atomic replace used for every file byline writes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotations.toml".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        if let Ok(meta) = std::fs::metadata(&target) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)?;
        // The rename lives in the folder; without this it can be lost.
        std::fs::File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io(&target))
}

#[cfg(test)]
mod tests;
