//! Where byline may write, and which articles a file may point it to.
//!
//! An annotations folder often comes from someone else (a colleague's
//! repository, a pull request), so what is inside it is not trusted
//! (docs/security.md):
//!
//! - **Writes** go only to regular files inside the annotations folder. A
//!   symbolic link at `<article-id>/` or `<article-id>/<file>.toml` is
//!   refused, never followed: a planted `t.toml -> ~/.bash_login` would
//!   otherwise make the next save write there. Folders are created only
//!   below the annotations folder the user named.
//! - **`article.path`** from a file is read relative to that file and must
//!   stay inside the trusted tree: the annotations folder's parent, or the
//!   `--root` the user gave. Otherwise `path = "/etc/shadow"` and a wrong
//!   `sha256` would make `check --fix` copy a secret into the file.

use super::StoreError;
use std::path::{Component, Path, PathBuf};

/// The parts of `file` that come from inside an annotations folder
/// (`<annotations>/<article-id>/<file>`): the file, and its folder when the
/// path names one. What is above is the folder the user named.
fn owned_parts(file: &Path) -> Vec<PathBuf> {
    let mut parts = vec![file.to_owned()];
    if let Some(dir) = file.parent()
        && matches!(dir.components().next_back(), Some(Component::Normal(_)))
    {
        parts.push(dir.to_owned());
    }
    parts
}

/// Refuses to write `file` if it, or its article folder, is a symbolic link.
pub fn check_write(file: &Path) -> Result<(), StoreError> {
    for part in owned_parts(file) {
        match std::fs::symlink_metadata(&part) {
            Ok(m) if m.file_type().is_symlink() => return Err(StoreError::Symlink(part)),
            _ => {}
        }
    }
    Ok(())
}

/// Creates the folder `file` goes in: the annotations folder as the user
/// named it (with its parents), then the article folder, one level, never
/// through a link.
pub fn make_folder(file: &Path) -> Result<(), StoreError> {
    check_write(file)?;
    let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(top) = dir.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(top).map_err(super::io(top))?;
    }
    match std::fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(super::io(dir)(e)),
    }
    // Whatever raced us to it must not be a link either.
    check_write(file)
}

/// Why an `article.path` was not followed.
#[derive(Debug, thiserror::Error)]
pub enum ArticlePathError {
    #[error(
        "{}: article.path {rel:?} leads outside {} (the folder above the annotations folder); byline does not read it, since the file may come from someone else. Name the article yourself with --article PATH, or widen what is trusted with --root DIR",
        file.display(),
        tree.display()
    )]
    Outside {
        file: PathBuf,
        rel: String,
        tree: PathBuf,
    },
    #[error("{}: cannot find the folder to trust for its article.path: {error}", file.display())]
    Tree {
        file: PathBuf,
        error: std::io::Error,
    },
}

/// The trusted tree for an annotation file's `article.path`: `root` if the
/// user gave one, else the parent of its annotations folder (two folders
/// above the file's own, by the names in the path, not by links). A tree
/// that would be `/` is the file's own folder instead.
pub fn trusted_tree(file: &Path, root: Option<&Path>) -> std::io::Result<PathBuf> {
    if let Some(root) = root {
        return std::fs::canonicalize(root);
    }
    let abs = lexical(&std::path::absolute(file)?);
    let own = abs.parent().unwrap_or(Path::new("/"));
    let above = own
        .parent()
        .and_then(Path::parent)
        .filter(|t| t.parent().is_some());
    std::fs::canonicalize(above.unwrap_or(own))
}

/// `a/b/../c` as `a/c`, by the names alone. Following links here would let
/// a planted `<article-id> -> /x/y` move the tree to `/`.
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Where `article.path` leads from `file`: `Ok(Some(path))` with the real
/// path (links resolved) inside the trusted tree; `Ok(None)` when nothing
/// is there (the caller says "missing" its own way).
pub fn article_path(
    file: &Path,
    rel: &str,
    root: Option<&Path>,
) -> Result<Option<PathBuf>, ArticlePathError> {
    let joined = super::durable::folder_of(file).join(rel);
    let real = match std::fs::canonicalize(&joined) {
        Ok(p) => p,
        Err(_) => return Ok(None),
    };
    let tree = trusted_tree(file, root).map_err(|error| ArticlePathError::Tree {
        file: file.to_owned(),
        error,
    })?;
    if real.starts_with(&tree) {
        Ok(Some(real))
    } else {
        Err(ArticlePathError::Outside {
            file: file.to_owned(),
            rel: rel.to_owned(),
            tree,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_parts_inside_the_annotations_folder_are_checked() {
        let p = |s: &str| owned_parts(Path::new(s));
        assert_eq!(
            p("ann/x/t.toml"),
            [Path::new("ann/x/t.toml"), Path::new("ann/x")]
        );
        assert_eq!(p("t.toml"), [Path::new("t.toml")]);
        assert_eq!(p("../t.toml"), [Path::new("../t.toml")]);
    }

    #[test]
    fn the_tree_is_above_the_annotations_folder_and_never_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join("ann/x")).unwrap();
        let canon = std::fs::canonicalize(&repo).unwrap();
        assert_eq!(
            trusted_tree(&repo.join("ann/x/t.toml"), None).unwrap(),
            canon
        );
        assert_eq!(
            trusted_tree(&repo.join("ann/x/../x/./t.toml"), None).unwrap(),
            canon
        );
        assert_eq!(
            trusted_tree(Path::new("/t.toml"), None).unwrap(),
            Path::new("/")
        );
        assert_eq!(
            trusted_tree(Path::new("/a/t.toml"), None).ok(),
            std::fs::canonicalize("/a").ok()
        );
    }
}
