//! Reading an article file from disk: only a regular file, never more
//! than [`MAX_ARTICLE_BYTES`]; the bytes are parsed by the model.

use byline_model::article::{Article, ArticleError, MAX_ARTICLE_BYTES, is_html, parse};
use std::path::Path;

/// Loads an article: `.md` as Markdown, anything else as plain text. Only
/// a regular file is read, and never more than [`MAX_ARTICLE_BYTES`].
pub fn load(path: &Path) -> Result<Article, ArticleError> {
    load_with(path, crate::read::read_regular)
}

/// [`load`] for a path another tool's file names (JSONL's `meta.path`): a
/// symbolic link is refused, not followed.
pub fn load_no_link(path: &Path) -> Result<Article, ArticleError> {
    load_with(path, crate::read::read_regular_no_link)
}

fn load_with(
    path: &Path,
    read: fn(&Path, u64) -> Result<crate::read::Contents, crate::read::ReadError>,
) -> Result<Article, ArticleError> {
    use crate::read::ReadError;
    let bytes = match read(path, MAX_ARTICLE_BYTES) {
        Ok(c) => c.bytes,
        Err(ReadError::NotFound) => return Err(ArticleError::Missing(path.to_owned())),
        Err(ReadError::IsDir) => return Err(ArticleError::IsDir(path.to_owned())),
        Err(ReadError::NotRegular(what)) => {
            return Err(ArticleError::NotRegular {
                path: path.to_owned(),
                what,
            });
        }
        Err(ReadError::TooLarge(size)) => {
            return Err(ArticleError::TooLarge {
                path: path.to_owned(),
                size,
            });
        }
        Err(ReadError::Io(error)) => {
            return Err(ArticleError::Io {
                path: path.to_owned(),
                error,
            });
        }
    };
    parse(path, &bytes)
}

/// The first paragraphs of a long plain-text article, from its first
/// `bytes` bytes cut at the last blank line: what a pager would show while
/// the rest is still being read. `None` when the article is short, Markdown
/// (whose blocks can span the cut), or the prefix is not clean text; the
/// full [`load`] reports any problem.
pub fn preview(path: &Path, bytes: usize) -> Option<Article> {
    use std::io::Read;
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if markdown || is_html(path) {
        return None;
    }
    let (mut file, size) = crate::read::open_regular(path).ok()?;
    if size < 4 * bytes as u64 {
        return None;
    }
    let mut buf = vec![0; bytes];
    file.read_exact(&mut buf).ok()?;
    // The last blank line, with LF or CRLF line ends.
    let blank = |w: &[u8]| w[0] == b'\n' && (w[1] == b'\n' || w[1..] == *b"\r\n");
    let cut = buf.windows(3).rposition(blank)?;
    parse(path, &buf[..=cut]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_shows_the_same_first_paragraphs_as_the_full_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        let para = "Cafe\u{301} owners said   the plan was \u{201c}late\u{201d}.\r\nA second line.\r\n\r\n";
        std::fs::write(&path, para.repeat(2000)).unwrap();
        let full = load(&path).unwrap();
        let pre = preview(&path, 4096).unwrap();
        assert!(pre.len() > 10 && pre.len() < full.len());
        assert_eq!(pre.paragraphs[..], full.paragraphs[..pre.len()]);
        assert_eq!(
            (pre.id.as_str(), pre.title.as_str()),
            (full.id.as_str(), full.title.as_str())
        );
        // Short articles and Markdown load whole.
        assert!(preview(&path, 1 << 20).is_none());
    }
}
