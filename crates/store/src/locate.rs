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

/// What `path` is when it is not a regular file (a link is not
/// followed); `None` when it is one, to be read.
fn unless_regular(path: &Path) -> Option<Probe> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(Probe::Missing),
        Err(_) => Some(Probe::Odd),
        Ok(m) if !m.file_type().is_file() => Some(Probe::Odd),
        Ok(_) => None,
    }
}

fn probe_annotator(path: &Path) -> Result<Probe, StoreError> {
    if let Some(not_a_file) = unless_regular(path) {
        return Ok(not_a_file);
    }
    let set = super::load_claims_only(path)?;
    Ok(Probe::Named(
        set.annotator.name.clone(),
        Some(Box::new(set)),
    ))
}

fn probe_review(path: &Path) -> Result<Probe, StoreError> {
    if let Some(not_a_file) = unless_regular(path) {
        return Ok(not_a_file);
    }
    match super::review::load(path)? {
        Some(r) => Ok(Probe::Named(r.meta.reviewer, None)),
        None => Ok(Probe::Missing),
    }
}

/// The names a person's file of one kind (`ext`: `.toml`, `.review.toml`)
/// may have in an article's folder.
struct Names {
    /// `<slug><ext>`.
    primary: PathBuf,
    /// `<slug>-<hash><ext>`, where a name goes when another name's file
    /// holds its slug.
    hashed: PathBuf,
    /// `<old slug><ext>`, the slug older byline versions gave the name.
    legacy: PathBuf,
}

/// What [`Names::find`] found: the file, or none and whether another
/// name's file holds the primary.
enum Found {
    File(PathBuf),
    None { primary_taken: bool },
}

impl Names {
    fn new(folder: &Path, name: &str, ext: &str) -> Names {
        let file = |s: String| folder.join(format!("{s}{ext}"));
        Names {
            primary: file(slug(name, ANNOTATOR_FALLBACK)),
            hashed: file(hashed_slug(name, ANNOTATOR_FALLBACK)),
            legacy: file(legacy_slug(name, ANNOTATOR_FALLBACK)),
        }
    }

    /// The first of the three, in that order, that is `name`'s file (or
    /// not a regular file).
    fn find(
        &self,
        name: &str,
        probe: fn(&Path) -> Result<Probe, StoreError>,
    ) -> Result<Found, StoreError> {
        let mut primary_taken = false;
        for (i, candidate) in [&self.primary, &self.hashed, &self.legacy]
            .into_iter()
            .enumerate()
        {
            if i > 0 && candidate == &self.primary {
                continue;
            }
            match probe(candidate)? {
                Probe::Missing => {}
                Probe::Odd => return Ok(Found::File(candidate.clone())),
                Probe::Named(n, _) if same_name(&n, name) => {
                    return Ok(Found::File(candidate.clone()));
                }
                Probe::Named(..) => primary_taken |= candidate == &self.primary,
            }
        }
        Ok(Found::None { primary_taken })
    }

    /// Where a new file for `name` goes: the primary, or the hashed one
    /// when another name's file holds the primary (`primary_taken`); an
    /// error when another name's file holds that too.
    fn new_file(
        self,
        name: &str,
        primary_taken: bool,
        probe: fn(&Path) -> Result<Probe, StoreError>,
    ) -> Result<PathBuf, StoreError> {
        if !primary_taken {
            return Ok(self.primary);
        }
        match probe(&self.hashed)? {
            Probe::Named(n, _) if !same_name(&n, name) => Err(StoreError::NameTaken {
                path: self.hashed,
                holder: n,
            }),
            _ => Ok(self.hashed),
        }
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
    let names = Names::new(&dir.join(&article.id), name, ".toml");
    let primary_taken = match names.find(name, probe_annotator)? {
        Found::File(file) => return Ok(file),
        Found::None { primary_taken } => primary_taken,
    };
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
    names.new_file(name, primary_taken, probe_annotator)
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
    let ext = format!(".review.{colleague}.toml");
    let names = Names::new(&dir.join(&article.id), reviewer, &ext);
    let primary_taken = matches!(
        probe_review(&names.primary)?,
        Probe::Named(n, _) if !same_name(&n, reviewer)
    );
    names.new_file(reviewer, primary_taken, probe_review)
}

/// Where the one review file of `reviewer` for `article` is or would be
/// (the rule above, before reviews were kept per colleague).
fn single_review_file(
    dir: &Path,
    article: &Article,
    reviewer: &str,
    theirs: &Path,
) -> Result<PathBuf, StoreError> {
    let names = Names::new(&dir.join(&article.id), reviewer, ".review.toml");
    let primary_taken = match names.find(reviewer, probe_review)? {
        Found::File(file) => return Ok(file),
        Found::None { primary_taken } => primary_taken,
    };
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
    names.new_file(reviewer, primary_taken, probe_review)
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
