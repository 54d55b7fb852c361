//! Opening an annotator's file for a session, and what every save stamps on
//! it: the decisions `annotate`, `review` (copies) and `check` share.

use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::article::Article;
use std::path::{Path, PathBuf};

/// An annotator file opened for writing, with its article.
pub struct Opened {
    pub article: Article,
    pub set: AnnotationSet,
    pub file: PathBuf,
    pub disk: super::Session,
    /// What the user should know at once (the article changed).
    pub message: Option<String>,
}

/// Loads the article and `<dir>/<article-id>/<annotator>.toml` (a new set
/// when there is none). A changed article re-anchors the claims; an
/// unchanged one whose offsets do not hold the quotes is refused, so a
/// file that fails to load is never written.
pub fn annotator(
    article_path: &Path,
    dir: &Path,
    annotator: Option<&str>,
) -> anyhow::Result<Opened> {
    let article = crate::article::load(article_path)?;
    let name = super::resolve_annotator(annotator);
    let file = super::locate::annotator_file(dir, &article, &name)?;
    let (disk, loaded) = super::Session::open(&file)?;
    if let Some(set) = &loaded {
        refuse_other_article(set, &file, &article)?;
    }
    let mut message = None;
    let mut set = match loaded {
        Some(mut set) if set.article.sha256 != article.sha256() => {
            let outcomes = anchor::reanchor(&mut set, &article);
            let moved = outcomes
                .iter()
                .filter(|o| matches!(o, anchor::Anchored::Moved { .. }))
                .count();
            let review = outcomes
                .iter()
                .filter(|o| **o == anchor::Anchored::NeedsReview)
                .count();
            let reworded = outcomes
                .iter()
                .filter(|o| matches!(o, anchor::Anchored::Moved { exact: false, .. }))
                .count();
            let reworded = if reworded > 0 {
                format!(" ({reworded} in changed words; the old quote is kept as previous_quote)")
            } else {
                String::new()
            };
            message = Some(format!(
                "the article changed since {} was saved: {moved} claim(s) moved{reworded}, {review} need review (marked ⚠)",
                file.display()
            ));
            set
        }
        Some(set) => {
            if let Some(&i) = anchor::mismatches(&set, &article).first() {
                anyhow::bail!(
                    "{}: {} does not match the article text at its offsets, though the article is unchanged (sha256 matches); run `byline check {} --fix` to re-anchor it",
                    file.display(),
                    anchor::describe(&set.claims[i]),
                    file.display()
                );
            }
            set
        }
        None => {
            let rel = relative_article_path(article_path, &file);
            AnnotationSet::new(&article, &name, rel)
        }
    };
    set.fill_metadata(&article);
    if let Some(copy) = super::files::conflict_copies_of(&file).last() {
        let note = format!(
            "{} holds work an earlier session could not put in this file (it changed on disk meanwhile); merge it by hand",
            copy.display()
        );
        message = Some(match message {
            Some(m) => format!("{m} · {note}"),
            None => note,
        });
    }
    Ok(Opened {
        article,
        set,
        file,
        disk,
        message,
    })
}

#[derive(Debug, thiserror::Error)]
#[error(
    "{}: annotates another article with the same id {id:?}: its sha256, its article.path ({path}) and its text (title, quotes) all disagree with {}; byline will not move one article's claims onto another — rename one of the two article files, or keep their annotations in separate folders (--annotations DIR)",
    file.display(),
    article.display()
)]
pub struct OtherArticle {
    pub file: PathBuf,
    pub id: String,
    pub path: String,
    pub article: PathBuf,
}

/// Refuses a file whose `article.id` is the article's but which annotates
/// another article (two stems with one slug, two folders with one file
/// name): nothing of it agrees with the article — not the `sha256`, not the
/// file `article.path` names, not the title, not one quote. An edited
/// article keeps its path, or its title, or some of its quotes.
pub fn refuse_other_article(
    set: &AnnotationSet,
    file: &Path,
    article: &Article,
) -> Result<(), OtherArticle> {
    if super::locate::is_this_article(set, file, article) || text_agrees(set, article) {
        return Ok(());
    }
    Err(OtherArticle {
        file: file.to_owned(),
        id: set.article.id.clone(),
        path: set.article.path.as_deref().unwrap_or("none").to_owned(),
        article: article.path.clone(),
    })
}

/// The title, or any claim's quote, is in the article.
fn text_agrees(set: &AnnotationSet, article: &Article) -> bool {
    let title = set.article.title.trim();
    if !title.is_empty() && (article.title == title || has_text(article, title)) {
        return true;
    }
    set.claims
        .iter()
        .any(|c| !c.quote.is_empty() && has_text(article, &c.quote))
}

fn has_text(article: &Article, needle: &str) -> bool {
    article.paragraphs.iter().any(|p| p.text.contains(needle))
}

/// The article's path as seen from the annotation file's folder, which is
/// how FORMAT.md stores it.
pub fn relative_article_path(article: &Path, file: &Path) -> Option<String> {
    let abs = |p: &Path| std::path::absolute(p).ok();
    let article = abs(article)?;
    let folder = abs(file.parent()?)?;
    pathdiff::diff_paths(article, folder).map(|p| p.to_string_lossy().replace('\\', "/"))
}

/// Ids, order, fresh context, the article's fingerprint and the time, as
/// every save of an annotator file writes them.
pub fn stamp(set: &mut AnnotationSet, article: &Article) {
    set.assign_ids();
    set.sort();
    anchor::refresh_context(set, article);
    set.article.sha256 = article.sha256().to_owned();
    set.article.paragraphs = article.len();
    set.annotator.updated = now();
}

/// The time of a save, to the second, as FORMAT.md writes `updated`.
pub fn now() -> Option<toml::value::Datetime> {
    let t = time::OffsetDateTime::now_utc().replace_nanosecond(0).ok()?;
    let s = t
        .format(&time::format_description::well_known::Rfc3339)
        .ok()?;
    s.parse().ok()
}
