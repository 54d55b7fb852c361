//! Reviews and agreement: verdicts on a colleague's claims, comparing two
//! annotators, and the agreement figures of `byline agree`. No UI types.

use byline_model::annotation::AnnotationSet;
use byline_model::article::Article;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum AgreeError {
    #[error("{}: no such annotation file", .0.display())]
    Missing(PathBuf),
    #[error("{}: cannot read the folder: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} annotates {a:?} but {} annotates {b:?}; agree compares annotators of one article",
        first.display(),
        other.display()
    )]
    DifferentArticles {
        first: PathBuf,
        a: String,
        other: PathBuf,
        b: String,
    },
    #[error(
        "{} does not say where its article is (no article.path); pass --article PATH",
        .0.display()
    )]
    NoArticlePath(PathBuf),
    #[error(
        "{} is stale: it was saved against another version of {} (sha256 {} in the file, {} on disk), so its offsets do not line up with the text; re-anchor it with `byline check {} --fix`, then run agree again",
        file.display(),
        article.display(),
        short(file_sha),
        short(disk_sha),
        file.display()
    )]
    Stale {
        file: PathBuf,
        article: PathBuf,
        file_sha: String,
        disk_sha: String,
    },
    #[error("{} is given twice", .0.display())]
    Twice(PathBuf),
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// Anything beside annotator files that is not one: reviews, conflict
/// copies, locks, backups (FORMAT.md), as the store classifies them.
pub fn is_bookkeeping(path: &Path) -> bool {
    crate::files::classify(path) != crate::files::FileKind::Annotator
}

/// What the command line names: annotator files, the bookkeeping files
/// skipped, and the gold files a folder held (set aside: a folder stands
/// for its annotators, and gold is not one).
#[derive(Debug, Default)]
pub struct Named {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
    pub gold: Vec<PathBuf>,
}

/// The annotator files named on the command line, a folder standing for
/// the files in it (its gold file set aside), and the bookkeeping files
/// that were skipped.
pub fn annotator_files(args: &[PathBuf]) -> Result<Named, AgreeError> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut gold = Vec::new();
    for a in args {
        if a.is_dir() {
            let read = read_folder(a)?;
            let mut inside: Vec<PathBuf> = read
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            for p in inside {
                if is_bookkeeping(&p) {
                    skipped.push(p);
                } else if crate::files::is_gold(&p) {
                    gold.push(p);
                } else {
                    files.push(p);
                }
            }
        } else if a.exists() && is_bookkeeping(a) && a.to_string_lossy().ends_with(".toml") {
            skipped.push(a.clone());
        } else {
            files.push(a.clone());
        }
    }
    for (i, f) in files.iter().enumerate() {
        let canon = crate::plain::canonical_or_same;
        if files[..i].iter().any(|g| canon(g) == canon(f)) {
            return Err(AgreeError::Twice(f.clone()));
        }
    }
    Ok(Named {
        files,
        skipped,
        gold,
    })
}

/// The article folders under `root` (an annotations folder): its
/// sub-folders, sorted, that hold at least one annotator file. Hidden
/// folders and links are not followed.
pub fn article_folders(root: &Path) -> Result<Vec<PathBuf>, AgreeError> {
    let read = read_folder(root)?;
    let mut out: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| holds_annotator_files(p))
        .collect();
    out.sort();
    Ok(out)
}

fn read_folder(folder: &Path) -> Result<std::fs::ReadDir, AgreeError> {
    std::fs::read_dir(folder).map_err(|source| AgreeError::Folder {
        path: folder.to_owned(),
        source,
    })
}

fn holds_annotator_files(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|r| {
        r.filter_map(|e| e.ok()).any(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && crate::files::classify(&e.path()) == crate::files::FileKind::Annotator
        })
    })
}

/// Whether the command line names a whole annotations folder: one folder
/// with no annotator file of its own and article folders inside.
pub fn is_corpus(args: &[PathBuf]) -> bool {
    match args {
        [one] => {
            one.is_dir()
                && !holds_annotator_files(one)
                && article_folders(one).is_ok_and(|f| !f.is_empty())
        }
        _ => false,
    }
}

/// Loads annotation sets that must all belong to one article.
pub fn load_sets(files: &[PathBuf]) -> anyhow::Result<Vec<AnnotationSet>> {
    let mut sets: Vec<AnnotationSet> = Vec::with_capacity(files.len());
    for f in files {
        let set = crate::load(f)?.ok_or_else(|| AgreeError::Missing(f.clone()))?;
        if let Some(first) = sets.first()
            && first.article.id != set.article.id
        {
            return Err(AgreeError::DifferentArticles {
                first: files[0].clone(),
                a: first.article.id.clone(),
                other: f.clone(),
                b: set.article.id.clone(),
            }
            .into());
        }
        sets.push(set);
    }
    Ok(sets)
}

/// The article the files annotate: `--article`, else the first file's
/// `article.path`, which is relative to that file.
pub fn find_article(
    explicit: Option<&Path>,
    root: Option<&Path>,
    files: &[PathBuf],
    sets: &[AnnotationSet],
) -> anyhow::Result<Article> {
    if let Some(p) = explicit {
        return Ok(crate::article::load(p)?);
    }
    let (file, rel) = files
        .iter()
        .zip(sets)
        .find_map(|(f, s)| s.article.path.as_ref().map(|p| (f, p)))
        .ok_or_else(|| AgreeError::NoArticlePath(files[0].clone()))?;
    let joined = file.parent().unwrap_or(Path::new("")).join(rel);
    // Inside the trusted tree only; nothing there: the loader says so.
    let path = crate::confine::article_path(file, rel, root)?.unwrap_or(joined);
    crate::article::load(&path).map_err(|e| {
        anyhow::anyhow!(
            "{e} (article.path of {}; pass --article PATH to use another)",
            file.display()
        )
    })
}

/// Slugs of the annotators, made unique by file name where two share one.
pub fn coder_names(files: &[PathBuf], sets: &[AnnotationSet]) -> Vec<String> {
    let slugs: Vec<String> = sets
        .iter()
        .map(|s| crate::annotator_slug(&s.annotator.name))
        .collect();
    slugs
        .iter()
        .zip(files)
        .map(|(s, f)| {
            if slugs.iter().filter(|t| *t == s).count() > 1 {
                format!("{s} ({})", f.display())
            } else {
                s.clone()
            }
        })
        .collect()
}

/// One article folder, loaded and checked for agreement: its annotators'
/// files and sets (the gold file last, when asked for), and the article.
pub struct Folder {
    pub files: Vec<PathBuf>,
    pub sets: Vec<AnnotationSet>,
    pub article: Article,
    /// The index of the gold file in `files`, when `against` asked for it.
    pub gold: Option<usize>,
}

impl Folder {
    /// The annotators (not gold): their files and sets.
    pub fn annotators(&self) -> (&[PathBuf], &[AnnotationSet]) {
        let n = self.gold.unwrap_or(self.files.len());
        (&self.files[..n], &self.sets[..n])
    }
}

/// Loads the annotator files of an article folder (and its `gold.toml`
/// when `against`), or says in a few words why the folder cannot be
/// compared: too few files, a file that does not load, no article, a file
/// saved against another text.
pub fn load_folder(folder: &Path, root: Option<&Path>, against: bool) -> Result<Folder, String> {
    let named = annotator_files(&[folder.to_owned()]).map_err(|e| e.to_string())?;
    let gold = if against {
        Some(
            named
                .gold
                .first()
                .cloned()
                .ok_or_else(|| "no gold.toml (byline adjudicate makes one)".to_owned())?,
        )
    } else {
        None
    };
    let need = if against { 1 } else { 2 };
    if named.files.len() < need {
        return Err(format!(
            "{} annotator file{}",
            named.files.len(),
            if named.files.len() == 1 { "" } else { "s" }
        ));
    }
    let mut files = named.files;
    let n = files.len();
    files.extend(gold.iter().cloned());
    let sets = load_sets(&files).map_err(|e| e.to_string())?;
    let article = find_article(None, root, &files, &sets).map_err(|e| e.to_string())?;
    for (f, s) in files.iter().zip(&sets) {
        fresh(f, s, &article).map_err(|e| e.to_string())?;
    }
    Ok(Folder {
        files,
        sets,
        article,
        gold: gold.map(|_| n),
    })
}

/// Refuses a set saved against another text than `article`'s.
pub fn fresh(file: &Path, set: &AnnotationSet, article: &Article) -> Result<(), AgreeError> {
    if set.article.sha256 != article.sha256() {
        return Err(AgreeError::Stale {
            file: file.to_owned(),
            article: article.path.clone(),
            file_sha: set.article.sha256.clone(),
            disk_sha: article.sha256().to_owned(),
        });
    }
    Ok(())
}
