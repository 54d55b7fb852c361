//! Opening an adjudication: the article, the annotator files of its folder
//! (or those named), all checked to count offsets in the article's text as
//! it is on disk, and the gold file, opened for a session like any
//! annotator file (`open::annotator`: lock, re-anchoring, conflict copies).

use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::article::Article;
use byline_model::review::adjudicate::GOLD;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum AdjudicateError {
    #[error(
        "adjudicate needs the files of two or more annotators of one article; {} has {found}{} (pass --files F F… to name them)",
        folder.display(),
        if *found == 1 { " annotator file" } else { " annotator files" }
    )]
    TooFew { folder: PathBuf, found: usize },
    #[error("{}: no such annotation file", .0.display())]
    Missing(PathBuf),
    #[error("{} is the gold file; --files names the annotators' files", .0.display())]
    GoldGiven(PathBuf),
    #[error("{} is given twice", .0.display())]
    Twice(PathBuf),
    #[error("{}: is a {what}, not an annotator file; --files names the annotators' files", file.display())]
    NotAnnotator { file: PathBuf, what: &'static str },
    #[error(
        "{} and {} have one name ({slug}); a gold claim's `from` names annotators by their file's name, so it could not tell them apart — compare files of one annotations folder",
        first.display(),
        other.display()
    )]
    SameName {
        first: PathBuf,
        other: PathBuf,
        slug: String,
    },
    #[error("{} annotates {found:?}, not {} ({id:?})", file.display(), article.display())]
    OtherArticle {
        file: PathBuf,
        found: String,
        article: PathBuf,
        id: String,
    },
    #[error(
        "{} {} saved against another version of {} than the one on disk (sha256 {}), so {} offsets do not line up with its text; re-anchor {} with {}, then run adjudicate again",
        list(stale),
        if stale.len() == 1 { "was" } else { "were" },
        article.display(),
        shas(stale, disk_sha),
        if stale.len() == 1 { "its" } else { "their" },
        if stale.len() == 1 { "it" } else { "them" },
        commands(stale)
    )]
    Stale {
        article: PathBuf,
        /// Each file whose `article.sha256` is not the article's, with it.
        stale: Vec<(PathBuf, String)>,
        disk_sha: String,
    },
    #[error(
        "{}: {} does not match the article text at its offsets, though the article is unchanged (sha256 matches); run `byline check {} --fix` to re-anchor it",
        file.display(),
        claim,
        file.display()
    )]
    Mismatch { file: PathBuf, claim: String },
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

fn list(files: &[(PathBuf, String)]) -> String {
    let names: Vec<String> = files.iter().map(|(f, _)| f.display().to_string()).collect();
    names.join(", ")
}

fn shas(files: &[(PathBuf, String)], disk: &str) -> String {
    let mut s: Vec<String> = files.iter().map(|(_, s)| short(s).to_owned()).collect();
    s.dedup();
    format!("{} in the file, {} on disk", s.join(", "), short(disk))
}

/// One `check --fix` for all of them (check takes several files).
fn commands(files: &[(PathBuf, String)]) -> String {
    let c: Vec<String> = files.iter().map(|(f, _)| f.display().to_string()).collect();
    format!("`byline check {} --fix`", c.join(" "))
}

/// One annotator compared.
pub struct Annotator {
    pub file: PathBuf,
    /// The file's stem: the slug `from` names them by.
    pub slug: String,
    pub set: AnnotationSet,
}

/// An adjudication opened: the article, the annotators in file-name order
/// and the gold file's session.
pub struct Opened {
    pub article: Article,
    pub annotators: Vec<Annotator>,
    /// The gold file as it is on disk (re-anchored if the article
    /// changed), or a new one.
    pub gold: AnnotationSet,
    /// Who adjudicates now (`--annotator`, else the usual lookup).
    pub adjudicator: String,
    pub gold_file: PathBuf,
    pub disk: crate::Session,
    /// What the user should know at once.
    pub message: Option<String>,
}

/// The annotator files in `folder`: what [`crate::files::classify`] calls
/// one, without the gold file.
pub fn folder_files(folder: &Path, gold_file: &Path) -> Result<Vec<PathBuf>, crate::StoreError> {
    let read = match std::fs::read_dir(folder) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(crate::StoreError::Io {
                path: folder.to_owned(),
                error,
            });
        }
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && crate::files::classify(p) == crate::files::FileKind::Annotator
                && !crate::files::is_gold(p)
                && p.file_name() != gold_file.file_name()
        })
        .collect();
    files.sort();
    Ok(files)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_owned()))
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Everything `adjudicate` does before the terminal is touched: the gold
/// file `<dir>/<article-id>/gold.toml` opened for a session, the annotator
/// files (`files`, else those beside the gold file) loaded and checked.
/// Files saved against another text of the article are refused, naming
/// them, until `byline check --fix` has re-anchored them.
pub fn open(
    article_path: &Path,
    dir: &Path,
    files: Option<&[PathBuf]>,
    adjudicator: Option<&str>,
) -> anyhow::Result<Opened> {
    let opened = crate::open::annotator(article_path, dir, Some(GOLD))?;
    let article = opened.article;
    let gold_file = opened.file;
    let folder = gold_file.parent().unwrap_or(Path::new("")).to_owned();
    let paths = match files {
        Some(f) => {
            for (i, p) in f.iter().enumerate() {
                if canonical(p) == canonical(&gold_file) {
                    return Err(AdjudicateError::GoldGiven(p.clone()).into());
                }
                if f[..i].iter().any(|q| canonical(q) == canonical(p)) {
                    return Err(AdjudicateError::Twice(p.clone()).into());
                }
                let kind = crate::files::classify(p);
                if p.is_file() && kind != crate::files::FileKind::Annotator {
                    return Err(AdjudicateError::NotAnnotator {
                        file: p.clone(),
                        what: kind.describe(1),
                    }
                    .into());
                }
                if let Some(q) = f[..i].iter().find(|q| stem(q) == stem(p)) {
                    return Err(AdjudicateError::SameName {
                        first: q.clone(),
                        other: p.clone(),
                        slug: stem(p),
                    }
                    .into());
                }
            }
            f.to_vec()
        }
        None => folder_files(&folder, &gold_file)?,
    };
    let named = files.is_some();
    let mut annotators = Vec::with_capacity(paths.len());
    let mut stale = Vec::new();
    let mut not_started = Vec::new();
    for file in paths {
        let set = crate::load(&file)?.ok_or_else(|| AdjudicateError::Missing(file.clone()))?;
        // A file of the folder with no claim that is not done is someone
        // who opened the article, not a vote that it holds nothing.
        if !named && set.claims.is_empty() && set.annotator.done.is_none() {
            not_started.push(stem(&file));
            continue;
        }
        if !crate::locate::article_ids(&article).contains(&set.article.id) {
            return Err(AdjudicateError::OtherArticle {
                file,
                found: set.article.id,
                article: article.path.clone(),
                id: article.id.clone(),
            }
            .into());
        }
        crate::open::refuse_other_article(&set, &file, &article)?;
        if set.article.sha256 != article.sha256() {
            stale.push((file.clone(), set.article.sha256.clone()));
        } else if let Some(&i) = anchor::mismatches(&set, &article).first() {
            return Err(AdjudicateError::Mismatch {
                claim: anchor::describe(&set.claims[i]),
                file,
            }
            .into());
        }
        annotators.push(Annotator {
            slug: stem(&file),
            file,
            set,
        });
    }
    if !stale.is_empty() {
        return Err(AdjudicateError::Stale {
            article: article.path.clone(),
            stale,
            disk_sha: article.sha256().to_owned(),
        }
        .into());
    }
    if annotators.len() < 2 {
        return Err(AdjudicateError::TooFew {
            folder,
            found: annotators.len(),
        }
        .into());
    }
    // Gold describes the article as its annotators' files do: what one of
    // them knows of it (outlet, address, date, author) and gold does not.
    let mut gold = opened.set;
    for a in &annotators {
        let (g, m) = (&mut gold.article, &a.set.article);
        g.outlet = g.outlet.take().or_else(|| m.outlet.clone());
        g.url = g.url.take().or_else(|| m.url.clone());
        g.published = g.published.take().or(m.published);
        g.author = g.author.take().or_else(|| m.author.clone());
    }
    Ok(Opened {
        article,
        annotators,
        gold,
        adjudicator: crate::resolve_annotator(adjudicator),
        gold_file,
        disk: opened.disk,
        message: match (opened.message, not_started.is_empty()) {
            (m, true) => m,
            (m, false) => Some(
                m.into_iter()
                    .chain([format!(
                        "left out {}: no claim yet and not done (name it with --files to count it)",
                        not_started.join(", ")
                    )])
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        },
    })
}
