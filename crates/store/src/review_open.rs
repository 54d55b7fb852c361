//! Opening a review: the article, the colleague's file (never written),
//! my own file and my review file, each checked to belong together and
//! re-anchored in memory when the article changed.

use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::article::slug::legacy_slug;
use byline_model::article::{self, Article};
use byline_model::review::verdict::Review;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}: no such annotation file", .0.display())]
    Missing(PathBuf),
    #[error("{} annotates {file_article:?}, not {} ({article:?})", file.display(), article_path.display())]
    OtherArticle {
        file: PathBuf,
        file_article: String,
        article_path: PathBuf,
        article: String,
    },
    #[error("{}: this is your own annotation file; --theirs names a colleague's", .0.display())]
    OwnFile(PathBuf),
    #[error(
        "{} holds your review of {of:?}, not of {theirs:?} (its [review] of says so); rename it to the colleague it reviews, or move it aside",
        file.display()
    )]
    OtherColleague {
        file: PathBuf,
        of: String,
        theirs: String,
    },
    #[error("{} is a review of article {found:?}, not {article:?}", file.display())]
    ReviewOfOtherArticle {
        file: PathBuf,
        found: String,
        article: String,
    },
}

/// What a review session is opened with.
pub struct Parts {
    pub article: Article,
    /// The colleague's claims: read-only, never written.
    pub theirs: AnnotationSet,
    pub theirs_file: PathBuf,
    /// My annotation file, as last read or written.
    pub mine: Option<AnnotationSet>,
    pub mine_file: PathBuf,
    /// Whether `--mine` asked for the side-by-side comparison.
    pub side_by_side: bool,
    pub review: Review,
    pub review_file: PathBuf,
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_owned()))
}

/// Reads an annotation file that must exist and belong to `article`,
/// re-anchored in memory if the article changed since it was saved.
fn load_for(file: &Path, article: &article::Article) -> anyhow::Result<Option<AnnotationSet>> {
    let Some(mut set) = crate::load(file)? else {
        return Ok(None);
    };
    if !crate::locate::article_ids(article).contains(&set.article.id) {
        return Err(OpenError::OtherArticle {
            file: file.to_owned(),
            file_article: set.article.id.clone(),
            article_path: article.path.clone(),
            article: article.id.clone(),
        }
        .into());
    }
    crate::open::refuse_other_article(&set, file, article)?;
    if set.article.sha256 != article.sha256() {
        anchor::reanchor(&mut set, article);
    }
    Ok(Some(set))
}

/// Everything `review` does before the terminal is touched: every bad
/// input is an error here, with the terminal left alone and no file
/// written.
pub fn open(
    article_path: &Path,
    theirs_file: &Path,
    mine: Option<&Path>,
    dir: &Path,
    reviewer: Option<&str>,
) -> anyhow::Result<(Parts, crate::Session<Review>)> {
    let article = crate::article::load(article_path)?;
    let theirs = load_for(theirs_file, &article)?
        .ok_or_else(|| OpenError::Missing(theirs_file.to_owned()))?;
    let reviewer = crate::resolve_annotator(reviewer);
    let mine_file = match mine {
        Some(m) => m.to_owned(),
        None => crate::locate::annotator_file(dir, &article, &reviewer)?,
    };
    if canonical(&mine_file) == canonical(theirs_file) {
        return Err(OpenError::OwnFile(theirs_file.to_owned()).into());
    }
    let mine_set = load_for(&mine_file, &article)?;
    if mine.is_some() && mine_set.is_none() {
        return Err(OpenError::Missing(mine_file).into());
    }
    let of = crate::annotator_slug(&theirs.annotator.name);
    // What older byline versions wrote in `of` for this colleague.
    let old_of = legacy_slug(&theirs.annotator.name, crate::locate::ANNOTATOR_FALLBACK);
    let review_file = crate::locate::review_file(
        dir,
        &article,
        &reviewer,
        theirs_file,
        &[of.clone(), old_of.clone()],
    )?;
    let (review_disk, loaded) = crate::Session::open_review(&review_file)?;
    let review = match loaded {
        Some(r) if !crate::locate::article_ids(&article).contains(&r.meta.article) => {
            return Err(OpenError::ReviewOfOtherArticle {
                file: review_file,
                found: r.meta.article,
                article: article.id.clone(),
            }
            .into());
        }
        Some(r) if r.meta.of != of && r.meta.of != old_of => {
            return Err(OpenError::OtherColleague {
                file: review_file,
                of: r.meta.of,
                theirs: of,
            }
            .into());
        }
        Some(r) => r,
        None => Review::new(&article.id, &reviewer, &of),
    };
    Ok((
        Parts {
            article,
            theirs,
            theirs_file: theirs_file.to_owned(),
            mine: mine_set,
            mine_file,
            side_by_side: mine.is_some(),
            review,
            review_file,
        },
        review_disk,
    ))
}
