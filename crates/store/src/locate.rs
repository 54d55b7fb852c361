//! Which file in an annotations folder is a person's, for an article: the
//! slug rule of FORMAT.md ("Where files live"), the files older byline
//! versions wrote under other slugs, and the names inside the files, so two
//! people never share a file and nobody's old work is lost.

use super::StoreError;
use byline_model::annotation::AnnotationSet;
use byline_model::article::Article;
use byline_model::article::slug::{hashed_slug, legacy_slug, same_name, slug};
use std::path::{Path, PathBuf};

/// An annotator name with nothing to keep (`.`, `🙂` keep their hash).
pub const ANNOTATOR_FALLBACK: &str = "anonymous";

/// What is in a file a name leads to.
enum Probe {
    Missing,
    /// Someone's file: their name and, for annotator files, the set.
    Named(String, Option<Box<AnnotationSet>>),
    /// Not a regular file (a symbolic link, a FIFO): taken as the file, so
    /// opening it gives the message that names it.
    Odd,
}

fn probe_annotator(path: &Path) -> Result<Probe, StoreError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Probe::Missing),
        Err(_) => return Ok(Probe::Odd),
        Ok(m) if !m.file_type().is_file() => return Ok(Probe::Odd),
        Ok(_) => {}
    }
    let set = super::load_claims_only(path)?;
    Ok(Probe::Named(
        set.annotator.name.clone(),
        Some(Box::new(set)),
    ))
}

fn probe_review(path: &Path) -> Result<Probe, StoreError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Probe::Missing),
        Err(_) => return Ok(Probe::Odd),
        Ok(m) if !m.file_type().is_file() => return Ok(Probe::Odd),
        Ok(_) => {}
    }
    match super::review::load(path)? {
        Some(r) => Ok(Probe::Named(r.meta.reviewer, None)),
        None => Ok(Probe::Missing),
    }
}

/// `name`'s annotator file for `article` under `dir`, looked for in this
/// order (FORMAT.md, "Where files live"):
///
/// 1. `<id>/<slug>.toml`, then `<id>/<slug>-<hash>.toml` (where a name goes
///    when another name's file holds its slug), then `<id>/<old slug>.toml`
///    (the slug older byline versions gave the name): the first whose
///    `[annotator] name` is this name (case and spacing aside);
/// 2. `<old id>/<old slug>.toml`, the folder older versions gave the
///    article, when its name is this name **and** it is this article: the
///    same `sha256`, or an `article.path` that leads to this article file;
/// 3. none: a new file at `<id>/<slug>.toml`, or at `<id>/<slug>-<hash>.toml`
///    when another name's file is there.
pub fn annotator_file(dir: &Path, article: &Article, name: &str) -> Result<PathBuf, StoreError> {
    let folder = dir.join(&article.id);
    let file = |s: &str| folder.join(format!("{s}.toml"));
    let primary = file(&slug(name, ANNOTATOR_FALLBACK));
    let hashed = file(&hashed_slug(name, ANNOTATOR_FALLBACK));
    let legacy = file(&legacy_slug(name, ANNOTATOR_FALLBACK));
    let mut primary_taken = false;
    for (i, candidate) in [&primary, &hashed, &legacy].into_iter().enumerate() {
        if i > 0 && candidate == &primary {
            continue;
        }
        match probe_annotator(candidate)? {
            Probe::Missing => {}
            Probe::Odd => return Ok(candidate.clone()),
            Probe::Named(n, _) if same_name(&n, name) => return Ok(candidate.clone()),
            Probe::Named(..) => primary_taken |= candidate == &primary,
        }
    }
    let old_id = article.legacy_id();
    if old_id != article.id {
        let old = dir
            .join(&old_id)
            .join(format!("{}.toml", legacy_slug(name, ANNOTATOR_FALLBACK)));
        if let Probe::Named(n, Some(set)) = probe_annotator(&old)?
            && same_name(&n, name)
            && is_this_article(&set, &old, article)
        {
            return Ok(old);
        }
    }
    if !primary_taken {
        return Ok(primary);
    }
    match probe_annotator(&hashed)? {
        Probe::Named(n, _) if !same_name(&n, name) => Err(StoreError::NameTaken {
            path: hashed,
            holder: n,
        }),
        _ => Ok(hashed),
    }
}

/// `reviewer`'s review file for `article` under `dir`: `<id>/<slug>.review.toml`,
/// `<id>/<slug>-<hash>.review.toml`, `<id>/<old slug>.review.toml`, the first
/// whose `[review] reviewer` is this name; then `<old id>/<old slug>.review.toml`
/// when the colleague's file `theirs` is in that folder too (a review sits
/// beside the file it reviews); else a new file as for annotator files.
///
/// That is the one review file older byline versions kept per article; it
/// is used while it reviews this colleague. Otherwise the review is
/// `<id>/<slug>.review.<colleague>.toml` (one per colleague, sorting beside
/// the reviewer's own file), or `<id>/<slug>-<hash>.review.<colleague>.toml`
/// when another reviewer's file holds that name. `of` is the colleague's
/// slug first, then any older slug a review may name them by.
pub fn review_file(
    dir: &Path,
    article: &Article,
    reviewer: &str,
    theirs: &Path,
    of: &[String],
) -> Result<PathBuf, StoreError> {
    let single = single_review_file(dir, article, reviewer, theirs)?;
    match probe_review(&single)? {
        Probe::Odd => return Ok(single),
        Probe::Named(..) => {
            if let Some(r) = super::review::load(&single)?
                && same_name(&r.meta.reviewer, reviewer)
                && of.contains(&r.meta.of)
            {
                return Ok(single);
            }
        }
        Probe::Missing => {}
    }
    let colleague = of.first().map_or(ANNOTATOR_FALLBACK, String::as_str);
    let folder = dir.join(&article.id);
    let file = |s: &str| folder.join(format!("{s}.review.{colleague}.toml"));
    let primary = file(&slug(reviewer, ANNOTATOR_FALLBACK));
    let hashed = file(&hashed_slug(reviewer, ANNOTATOR_FALLBACK));
    match probe_review(&primary)? {
        Probe::Named(n, _) if !same_name(&n, reviewer) => {}
        _ => return Ok(primary),
    }
    match probe_review(&hashed)? {
        Probe::Named(n, _) if !same_name(&n, reviewer) => Err(StoreError::NameTaken {
            path: hashed,
            holder: n,
        }),
        _ => Ok(hashed),
    }
}

/// Where the one review file of `reviewer` for `article` is or would be
/// (the rule above, before reviews were kept per colleague).
fn single_review_file(
    dir: &Path,
    article: &Article,
    reviewer: &str,
    theirs: &Path,
) -> Result<PathBuf, StoreError> {
    let folder = dir.join(&article.id);
    let file = |s: &str| folder.join(format!("{s}.review.toml"));
    let primary = file(&slug(reviewer, ANNOTATOR_FALLBACK));
    let hashed = file(&hashed_slug(reviewer, ANNOTATOR_FALLBACK));
    let legacy = file(&legacy_slug(reviewer, ANNOTATOR_FALLBACK));
    let mut primary_taken = false;
    for (i, candidate) in [&primary, &hashed, &legacy].into_iter().enumerate() {
        if i > 0 && candidate == &primary {
            continue;
        }
        match probe_review(candidate)? {
            Probe::Missing => {}
            Probe::Odd => return Ok(candidate.clone()),
            Probe::Named(n, _) if same_name(&n, reviewer) => return Ok(candidate.clone()),
            Probe::Named(..) => primary_taken |= candidate == &primary,
        }
    }
    let old_id = article.legacy_id();
    let old_folder = dir.join(&old_id);
    if old_id != article.id && same_file(theirs.parent(), Some(&old_folder)) {
        let old = old_folder.join(format!(
            "{}.review.toml",
            legacy_slug(reviewer, ANNOTATOR_FALLBACK)
        ));
        if let Probe::Named(n, _) = probe_review(&old)?
            && same_name(&n, reviewer)
        {
            return Ok(old);
        }
    }
    if !primary_taken {
        return Ok(primary);
    }
    match probe_review(&hashed)? {
        Probe::Named(n, _) if !same_name(&n, reviewer) => Err(StoreError::NameTaken {
            path: hashed,
            holder: n,
        }),
        _ => Ok(hashed),
    }
}

/// Whether `set` (read from `file`) annotates `article`: the same text
/// (`sha256`), or an `article.path` leading to the article's own file.
pub fn is_this_article(set: &AnnotationSet, file: &Path, article: &Article) -> bool {
    set.article.sha256 == article.sha256() || path_leads_to(set, file, &article.path)
}

/// Whether `set`'s `article.path`, relative to `file`, names `article_path`
/// (the same file, links followed, or the same name when neither exists).
pub fn path_leads_to(set: &AnnotationSet, file: &Path, article_path: &Path) -> bool {
    let Some(rel) = set.article.path.as_deref() else {
        return false;
    };
    let joined = file.parent().unwrap_or(Path::new("")).join(rel);
    same_file(Some(&joined), Some(article_path))
}

fn same_file(a: Option<&Path>, b: Option<&Path>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The article ids a file for `article` may be under: its own, and the one
/// older byline versions gave it.
pub fn article_ids(article: &Article) -> Vec<String> {
    let old = article.legacy_id();
    if old == article.id {
        vec![article.id.clone()]
    } else {
        vec![article.id.clone(), old]
    }
}
