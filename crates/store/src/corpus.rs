//! A corpus of articles: which files a `byline annotate PATH…` names, and
//! what one row of the article list needs to know about each (read from
//! the annotator's file with the fast parse, else from the article's first
//! bytes). No UI, no printing.

use byline_model::annotation::{Kind, KindCounts};
use byline_model::article::{self, html};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The extensions a folder is searched for.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];
/// How much of an article a row reads for its title.
const TITLE_PREFIX: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such file or folder", .0.display())]
    Missing(PathBuf),
    #[error("{}: no articles here (byline looks for .txt, .md, .html and .htm files in folders, skipping hidden ones and the annotations folder)", .0.display())]
    Empty(PathBuf),
    #[error("{}: no articles here; {}", path.display(), links_note(*links))]
    EmptyLinked { path: PathBuf, links: usize },
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What a folder named for the list holds: its article files, and how
/// many symbolic links in it were not followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gathered {
    pub files: Vec<PathBuf>,
    /// Links to folders, and links to files outside the folder named.
    pub links_skipped: usize,
}

impl Gathered {
    /// One line for the list when links were skipped.
    pub fn note(&self) -> Option<String> {
        (self.links_skipped > 0).then(|| links_note(self.links_skipped))
    }
}

fn links_note(n: usize) -> String {
    format!(
        "{n} symbolic {} to a folder or outside the folder not followed (name its target yourself to open it)",
        if n == 1 { "link" } else { "links" }
    )
}

/// The article files `paths` name: files as given, folders searched
/// recursively (hidden folders and `annotations` skipped), each file once
/// however often it is named, sorted by path.
pub fn gather(paths: &[PathBuf], annotations: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    gather_noting(paths, annotations).map(|g| g.files)
}

/// [`gather`], with the count of links it did not follow. A folder someone
/// else made may hold `home -> ~` or `x.txt -> ~/.netrc`: inside a folder
/// named, a link to a folder is never followed, and a link to a file only
/// when it resolves inside that folder (as `article.path` must,
/// docs/security.md). Files and folders named on the command line are
/// read wherever they are.
pub fn gather_noting(paths: &[PathBuf], annotations: &Path) -> Result<Gathered, CorpusError> {
    let skip = std::fs::canonicalize(annotations).ok();
    let mut links_skipped = 0;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut push = |p: PathBuf, out: &mut Vec<PathBuf>| {
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if seen.insert(key) {
            out.push(p);
        }
    };
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CorpusError::Missing(root.clone()),
            _ => CorpusError::Io {
                path: root.clone(),
                error: e,
            },
        })?;
        if !meta.is_dir() {
            push(root.clone(), &mut out);
            continue;
        }
        let before = out.len();
        let skipped_before = links_skipped;
        let tree = std::fs::canonicalize(root).ok();
        let walk = walkdir::WalkDir::new(root)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 || !e.file_type().is_dir() {
                    return true;
                }
                let hidden = e.file_name().to_string_lossy().starts_with('.');
                let annotations = skip
                    .as_ref()
                    .is_some_and(|s| std::fs::canonicalize(e.path()).ok().as_ref() == Some(s));
                !hidden && !annotations
            });
        // An unreadable folder inside is left out; its files cannot be rows.
        for entry in walk.flatten() {
            if entry.path_is_symlink() && entry.depth() > 0 {
                let target = std::fs::canonicalize(entry.path()).ok();
                let inside = target.as_ref().zip(tree.as_ref()).is_some_and(|(t, tree)| {
                    t.starts_with(tree) && std::fs::metadata(t).is_ok_and(|m| !m.is_dir())
                });
                if !inside {
                    // A folder (followed, it could be `/`) or a file
                    // elsewhere; a dangling link is no article either.
                    if target.is_some() && (wanted(entry.path()) || is_dir_link(entry.path())) {
                        links_skipped += 1;
                    }
                    continue;
                }
            }
            if !entry.file_type().is_dir() && wanted(entry.path()) {
                push(entry.into_path(), &mut out);
            }
        }
        if out.len() == before && paths.len() == 1 {
            return Err(match links_skipped - skipped_before {
                0 => CorpusError::Empty(root.clone()),
                links => CorpusError::EmptyLinked {
                    path: root.clone(),
                    links,
                },
            });
        }
    }
    if out.is_empty() {
        let path = paths.first().cloned().unwrap_or_default();
        return Err(match links_skipped {
            0 => CorpusError::Empty(path),
            links => CorpusError::EmptyLinked { path, links },
        });
    }
    out.sort();
    Ok(Gathered {
        files: out,
        links_skipped,
    })
}

fn is_dir_link(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// What the list shows of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// My claims by kind.
    pub counts: KindCounts,
    pub needs_review: usize,
    /// The paragraph I stopped at, and of how many.
    pub position: Option<usize>,
    pub paragraphs: Option<usize>,
    pub done: bool,
    /// Whether I have a file for it.
    pub annotated: bool,
    /// Why it cannot be opened (the row says so; the rest of the list works).
    pub problem: Option<String>,
    /// The colleagues with a file of this article, and how far I reviewed
    /// each (by slug order).
    pub colleagues: Vec<Colleague>,
}

/// A colleague's file of an article, as the list shows my review of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Colleague {
    /// Their slug (the file's stem).
    pub slug: String,
    pub claims: usize,
    /// Their claims my review has a verdict on.
    pub reviewed: usize,
}

impl Colleague {
    pub fn is_reviewed(&self) -> bool {
        self.reviewed >= self.claims
    }
}

/// The other annotators' files beside `mine` (not gold, not bookkeeping)
/// and how many of each one's claims my review files there judge. My
/// reviews are the files `<my slug>.review.<colleague>.toml`, and the one
/// `<my slug>.review.toml` of older byline, by their `[review] of`.
fn colleagues(mine: &Path) -> Vec<Colleague> {
    let (Some(folder), Some(me)) = (mine.parent(), mine.file_stem()) else {
        return Vec::new();
    };
    let me = me.to_string_lossy();
    let Ok(read) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut theirs = Vec::new();
    let mut reviews = Vec::new();
    for e in read.flatten() {
        let path = e.path();
        // Only regular files: a link or a pipe is not read here.
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        match crate::files::classify(&path) {
            crate::files::FileKind::Annotator
                if name != format!("{me}.toml") && name != crate::GOLD_FILE =>
            {
                theirs.push(path)
            }
            crate::files::FileKind::Review if name.starts_with(&format!("{me}.review.")) => {
                reviews.push(path)
            }
            _ => {}
        }
    }
    let reviews: Vec<_> = reviews
        .iter()
        .filter_map(|p| crate::review::load(p).ok().flatten())
        .collect();
    let mut out: Vec<Colleague> = theirs
        .iter()
        .filter_map(|p| {
            let set = crate::load_claims_only(p).ok()?;
            let slug = p.file_stem()?.to_string_lossy().into_owned();
            let reviewed = reviews
                .iter()
                .filter(|r| r.meta.of == slug)
                .map(|r| r.progress(&set.claims).reviewed)
                .max()
                .unwrap_or(0);
            Some(Colleague {
                slug,
                claims: set.claims.len(),
                reviewed,
            })
        })
        .collect();
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    out
}

impl Row {
    pub fn claims(&self) -> usize {
        self.counts.total()
    }
}

/// The annotator file of `article` for `annotator` under `dir`.
pub fn annotation_file(article: &Path, dir: &Path, annotator: &str) -> PathBuf {
    crate::annotation_path(dir, &article::id_of(article), annotator)
}

/// A row from the annotator's file when there is one (fast parse), else
/// from the first bytes of the article: cheap enough for thousands.
pub fn inspect(article: &Path, file: &Path) -> Row {
    let mut row = inspect_mine(article, file);
    row.colleagues = colleagues(file);
    row
}

fn inspect_mine(article: &Path, file: &Path) -> Row {
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() => return from_file(file),
        _ => {}
    }
    let mut row = Row::default();
    match title_of(article) {
        Ok((title, outlet)) => {
            row.title = Some(title);
            row.outlet = outlet;
        }
        Err(e) => row.problem = Some(e),
    }
    row
}

fn from_file(file: &Path) -> Row {
    let set = match crate::load_claims_only(file) {
        Ok(s) => s,
        Err(e) => {
            return Row {
                problem: Some(e.to_string()),
                annotated: true,
                ..Row::default()
            };
        }
    };
    let mut counts = KindCounts::default();
    for c in &set.claims {
        counts.add(c.kind);
    }
    Row {
        title: Some(set.article.title),
        outlet: set.article.outlet,
        counts,
        needs_review: set.claims.iter().filter(|c| c.needs_review()).count(),
        position: set.annotator.position,
        paragraphs: Some(set.article.paragraphs),
        done: set.annotator.done.is_some(),
        annotated: true,
        problem: None,
        colleagues: Vec::new(),
    }
}

/// The title and outlet (a page's metadata, a text's front matter or
/// header block) from the article's first bytes, or
/// why the article cannot be read.
fn title_of(path: &Path) -> Result<(String, Option<String>), String> {
    // Looked at before opening: opening a pipe would wait for a writer.
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.is_dir() {
        return Err("is a folder, not an article file".into());
    }
    if !meta.is_file() {
        return Err("not a regular file (a pipe, socket or device), not an article".into());
    }
    let mut file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut buf = Vec::with_capacity(TITLE_PREFIX.min(meta.len() as usize));
    file.by_ref()
        .take(TITLE_PREFIX as u64)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read: {e}"))?;
    let whole = (buf.len() as u64) >= meta.len();
    if buf.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not an article".into());
    }
    if article::is_html(path) {
        let cut = if whole {
            buf.len()
        } else {
            buf.iter().rposition(|&b| b == b'>').map_or(0, |i| i + 1)
        };
        let text = html::decode(&buf[..cut])
            .map_err(|_| "not valid text in the charset it declares (or UTF-8)".to_owned())?;
        let doc = dom_query::Document::from(text.as_ref());
        let meta = html::page_meta(&doc);
        let title = meta
            .title
            .or_else(|| {
                let h = doc.select("h1").nodes().first()?.text();
                Some(article::normalize_block(&h)).filter(|t| !t.is_empty())
            })
            .unwrap_or_else(|| article::id_of(path));
        return Ok((title, meta.outlet));
    }
    // Text and Markdown: the first paragraphs of the prefix, cut at a line
    // end so no character is split.
    let cut = if whole {
        buf.len()
    } else {
        buf.iter()
            .rposition(|&b| b == b'\n')
            .map_or(buf.len(), |i| i + 1)
    };
    match article::parse(path, &buf[..cut]) {
        // A front matter or header block may name the outlet.
        Ok(a) => Ok((a.title, a.outlet)),
        Err(e) => Err(short(&e.to_string(), path)),
    }
}

/// Full check of an article the list has no file for: the load that
/// opening it would do. `None` when it opens.
pub fn check(path: &Path) -> Option<String> {
    crate::article::load(path)
        .err()
        .map(|e| short(&e.to_string(), path))
}

/// An error without the path in front (the row shows the path).
fn short(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_owned()
}

/// `S 2 A 1 E 3`.
pub fn counts_label(c: &KindCounts) -> String {
    Kind::ALL
        .iter()
        .map(|k| format!("{} {}", k.letter(), c.get(*k)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_recursively_once_each_skipping_hidden_and_annotations() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        for f in [
            "a.txt",
            "sub/b.md",
            "sub/c.HTML",
            "sub/notes.pdf",
            ".git/d.txt",
            "annotations/e/x.txt",
        ] {
            let f = p.join(f);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(&f, "Title\n\nBody.\n").unwrap();
        }
        let got = gather(
            &[p.to_owned(), p.join("a.txt"), p.join("sub/../a.txt")],
            &p.join("annotations"),
        )
        .unwrap();
        let names: Vec<String> = got
            .iter()
            .map(|f| f.strip_prefix(p).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "sub/b.md", "sub/c.HTML"]);
        let empty = p.join("sub/empty");
        std::fs::create_dir_all(&empty).unwrap();
        assert!(matches!(
            gather(&[empty], &p.join("annotations")),
            Err(CorpusError::Empty(_))
        ));
    }
}
