//! `byline check`: compares annotation files with their article and reports
//! every claim as `ok`, `moved` or `needs-review`; `--fix` writes the result.

use crate::Saved;
use byline_model::Loc;
use byline_model::annotation::anchor::{self, Anchored};
use byline_model::annotation::{AnnotationSet, Claim};
use byline_model::article::Article;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    Moved,
    NeedsReview,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Moved => "moved",
            Status::NeedsReview => "needs-review",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    pub id: Option<String>,
    pub kind: String,
    pub status: Status,
    /// Where the claim is: `paragraph`, `start` and `end` in the JSON.
    #[serde(flatten)]
    pub at: Loc,
    pub quote: String,
    /// Where a moved claim was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Loc>,
    /// For a moved claim: whether its quote was found unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<bool>,
    /// For a claim found again in changed words: the quote as it was
    /// marked, which `--fix` keeps in the file as `previous_quote`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_quote: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub ok: usize,
    pub moved: usize,
    pub needs_review: usize,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Ok => self.ok += 1,
            Status::Moved => self.moved += 1,
            Status::NeedsReview => self.needs_review += 1,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FileReport {
    pub file: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<PathBuf>,
    /// The article's sha256 differs from the file's.
    pub article_changed: bool,
    pub claims: Vec<ClaimReport>,
    pub counts: Counts,
    /// With `--fix`: where the fixed file was written, if anything changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrote: Option<PathBuf>,
    /// With `--fix`: the file changed on disk while it was checked, so the
    /// fix went to this conflict copy instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What a reader should know that is not wrong with a claim: a name
    /// that could pass for another (`byline_model::names`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub totals: Counts,
}

/// Checks each file against `article`, else its own `article.path`, which
/// must lead inside `root` (else the folder above its annotations folder).
pub fn check_files(
    files: &[PathBuf],
    article: Option<&Path>,
    root: Option<&Path>,
    fix: bool,
) -> Report {
    let files: Vec<FileReport> = files
        .iter()
        .map(|f| {
            let mut r = FileReport {
                file: f.clone(),
                ..FileReport::default()
            };
            if let Err(e) = check_file(&mut r, article, root, fix) {
                r.error = Some(format!("{e:#}"));
            }
            r
        })
        .collect();
    let mut totals = Counts::default();
    for f in &files {
        totals.ok += f.counts.ok;
        totals.moved += f.counts.moved;
        totals.needs_review += f.counts.needs_review;
    }
    Report { files, totals }
}

fn check_file(
    r: &mut FileReport,
    article_flag: Option<&Path>,
    root: Option<&Path>,
    fix: bool,
) -> anyhow::Result<()> {
    let path = r.file.clone();
    // With --fix the file is opened as a session: locked, fingerprinted.
    let (mut session, loaded) = if fix {
        let (s, set) = crate::Session::open(&path)?;
        if let Some(why) = s.read_only() {
            anyhow::bail!("{}: not fixed: {why}", path.display());
        }
        (Some(s), set)
    } else {
        (None, crate::load(&path)?)
    };
    let mut set =
        loaded.ok_or_else(|| anyhow::anyhow!("{}: no such annotation file", path.display()))?;
    if let Some(why) = byline_model::names::lookalike(&set.annotator.name) {
        r.warnings.push(format!(
            "the annotator name {:?} {why}; reports show it as \"{}\"",
            set.annotator.name,
            byline_model::names::shown(&set.annotator.name)
        ));
    }
    let (shown, real) = article_of(&path, &set, article_flag, root)?;
    let article = crate::article::load(&real)?;
    r.article = Some(shown);
    let before = set.clone();
    if fix && let Some(named) = article_flag {
        // The file now belongs to the article named: its `article.path`
        // says so too (relative to the file, FORMAT.md), or the next plain
        // `check` would compare it with the old text again.
        set.article.path = crate::open::relative_article_path(named, &path);
    }
    let outcomes = evaluate(&mut set, &article);
    r.article_changed = before.article.sha256 != article.sha256();
    for (c, o) in set.claims.iter().zip(&outcomes) {
        let report = claim_report(c, o);
        r.counts.add(report.status);
        r.claims.push(report);
    }
    let Some(session) = session.as_mut() else {
        return Ok(());
    };
    crate::open::stamp(&mut set, &article);
    // Only the time changed: nothing to write.
    let updated = std::mem::replace(&mut set.annotator.updated, before.annotator.updated);
    if set == before {
        return Ok(());
    }
    set.annotator.updated = updated;
    match session.save(&set)? {
        Saved::File => r.wrote = Some(path),
        Saved::Conflict { copy, .. } => {
            r.conflict = Some(copy.clone());
            r.wrote = Some(copy);
        }
    }
    Ok(())
}

/// Re-anchors what needs it: every claim when the article changed, else
/// only the claims whose offsets no longer hold their quote.
pub fn evaluate(set: &mut AnnotationSet, article: &Article) -> Vec<Anchored> {
    if set.article.sha256 != article.sha256() {
        anchor::reanchor(set, article)
    } else {
        anchor::reanchor_if(set, article, |c| {
            !c.needs_review() && !anchor::holds(c, article)
        })
    }
}

fn claim_report(c: &Claim, o: &Anchored) -> ClaimReport {
    let (status, from, exact) = match o {
        Anchored::Ok => (Status::Ok, None, None),
        Anchored::Moved { from, exact } => (Status::Moved, Some(*from), Some(*exact)),
        Anchored::NeedsReview => (Status::NeedsReview, None, None),
    };
    ClaimReport {
        id: c.id.clone(),
        kind: c.kind.as_str().to_owned(),
        status,
        at: c.at,
        quote: c.quote.clone(),
        previous_quote: c.previous_quote.clone().filter(|_| exact == Some(false)),
        from,
        exact,
    }
}

/// `--article`, else `article.path` read relative to the annotation file
/// and kept inside the trusted tree: the path as the file names it (for
/// the report) and the one to read.
fn article_of(
    file: &Path,
    set: &AnnotationSet,
    flag: Option<&Path>,
    root: Option<&Path>,
) -> anyhow::Result<(PathBuf, PathBuf)> {
    if let Some(p) = flag {
        return Ok((p.to_owned(), p.to_owned()));
    }
    match &set.article.path {
        Some(rel) => {
            let shown = crate::durable::folder_of(file).join(rel);
            // Nothing there: the article loader says so.
            let real = crate::confine::article_path(file, rel, root)?.unwrap_or(shown.clone());
            Ok((shown, real))
        }
        None => anyhow::bail!(
            "{}: the file has no article.path; name the article with --article PATH",
            file.display()
        ),
    }
}

fn short(quote: &str) -> String {
    const MAX: usize = 48;
    if quote.chars().count() <= MAX {
        quote.to_owned()
    } else {
        let cut: String = quote.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

pub fn render_text(report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for f in &report.files {
        if f.error.is_some() {
            continue;
        }
        // One line per claim whatever a field holds: `output::print` then
        // escapes the rest.
        let line = |s: &str| byline_model::sanitize::line(s).into_owned();
        let _ = write!(out, "{}", line(&f.file.display().to_string()));
        if f.article_changed {
            let _ = write!(out, ": the article changed since the file was saved");
        }
        out.push('\n');
        let shown = |l: &Loc| format!("¶{} {}..{}", l.para, l.start, l.end);
        for c in &f.claims {
            let place = match &c.from {
                Some(from) => format!("{} → {}", shown(from), shown(&c.at)),
                None => shown(&c.at),
            };
            let _ = writeln!(
                out,
                "  {:<12}  {:<6}  {place}  “{}”",
                c.status.as_str(),
                line(c.id.as_deref().unwrap_or("-")),
                line(&short(&c.quote))
            );
            if let Some(was) = &c.previous_quote {
                let _ = writeln!(
                    out,
                    "  {:<12}  {:<6}  its words changed: it was “{}” (kept as previous_quote)",
                    "",
                    "",
                    line(&short(was))
                );
            }
        }
        for w in &f.warnings {
            let _ = writeln!(out, "  warning: {}", line(w));
        }
        let n = &f.counts;
        let _ = write!(
            out,
            "  {} ok, {} moved, {} need review",
            n.ok, n.moved, n.needs_review
        );
        match (&f.wrote, &f.conflict) {
            (Some(_), Some(copy)) => {
                let _ = write!(
                    out,
                    "; the file changed on disk meanwhile, so the fix went to {}",
                    copy.display()
                );
            }
            (Some(_), None) => out.push_str("; fixed"),
            _ => {}
        }
        out.push('\n');
    }
    out
}
