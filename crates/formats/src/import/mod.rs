//! `byline import`: annotations made by other tools (W3C Web Annotation,
//! brat standoff, spaCy/Prodigy JSONL) become byline annotator files.
//!
//! Each format's reader turns a file into [`Record`]s: one annotator's
//! spans on one article, with offsets into the text the file carries (or,
//! for W3C, into the article's joined paragraphs). [`build`] places every
//! span on the article: directly when the file's text is the article's
//! normalised text, else by its quote (as `byline check` re-anchors), and
//! a span whose quote cannot be found again is kept where its offsets say
//! with `status = "needs-review"`, never dropped. A file with a record
//! that cannot be read (bad JSON, offsets outside the text, an unknown
//! label) is refused as a whole, with one message naming the file and the
//! line or record; the other files are still imported.

mod brat;
mod jsonl;
mod w3c;

use crate::export::interchange::Joined;
use byline_model::annotation::anchor::{self, Located};
use byline_model::annotation::{AnnotationSet, Claim, Kind, NEEDS_REVIEW};
use byline_model::article::{Article, normalize_block, slugify};
use byline_store as store;
use std::path::{Path, PathBuf};

/// Import files larger than this are refused.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// One record of the file (a line, an annotation, a `T` line) is wrong.
    #[error("{}: {at}: {message}; nothing was imported from this file", file.display())]
    Record {
        file: PathBuf,
        at: String,
        message: String,
    },
    #[error("{}: {message}", file.display())]
    File { file: PathBuf, message: String },
}

impl ImportError {
    fn file(file: &Path, message: impl Into<String>) -> ImportError {
        ImportError::File {
            file: file.to_owned(),
            message: message.into(),
        }
    }
}

/// One span as a file gives it.
#[derive(Debug, Clone, Default)]
pub struct Span {
    /// Where it is in the file, for messages: `line 3`, `T4`, `annotation 2`.
    pub at: String,
    /// `char` offsets into [`Record::text`] (or the article's joined text
    /// when the record has none).
    pub offsets: Option<(usize, usize)>,
    /// The text the span covers, when the file says it.
    pub quote: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub kind: Option<Kind>,
    pub id: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub status: Option<String>,
}

/// One annotator's spans on one article, as one file (or one line of a
/// file) gives them.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// For messages when the record as a whole is wrong.
    pub at: String,
    /// The text the offsets count into, when the file carries it.
    pub text: Option<String>,
    pub article_id: Option<String>,
    /// The id is a guess (brat's folder name), not what the file says.
    pub article_id_guessed: bool,
    pub annotator: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Where the file says the article text is (JSONL's `meta.path`).
    pub article_path: Option<PathBuf>,
    pub spans: Vec<Span>,
}

/// The formats `byline import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    W3c,
    Brat,
    Jsonl,
}

/// Where imported files go and whose they are.
#[derive(Debug, Clone)]
pub struct Options {
    pub from: Format,
    /// The annotations folder the new files are written in.
    pub annotations: PathBuf,
    /// The annotator the files are saved as, when the file names none.
    pub annotator: Option<String>,
    /// At most this many annotators from one file: each becomes a file of
    /// its own, and a stranger's file could name thousands.
    pub max_annotators: usize,
}

/// How many annotators one imported file may name unless the user says
/// otherwise (`--max-annotators`).
pub const MAX_ANNOTATORS: usize = 50;

/// What importing one record made.
pub struct Built {
    pub target: PathBuf,
    pub set: AnnotationSet,
    /// Spans placed by their quote, not their offsets.
    pub reanchored: usize,
    /// Spans kept with `status = "needs-review"`.
    pub needs_review: Vec<String>,
}

/// Folders stand for the files of the format in them (brat: `.ann`).
pub fn expand(paths: &[PathBuf], from: Format) -> Vec<PathBuf> {
    let ext = match from {
        Format::Brat => "ann",
        Format::Jsonl => "jsonl",
        Format::W3c => "json",
    };
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| {
                    f.extension().and_then(|e| e.to_str()) == Some(ext)
                        || (from == Format::W3c
                            && f.extension().and_then(|e| e.to_str()) == Some("jsonl"))
                })
                .collect();
            out.append(&mut found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Reads a file that is at most [`MAX_IMPORT_BYTES`], as UTF-8.
pub(crate) fn read_text(file: &Path) -> Result<String, ImportError> {
    read_text_with(file, byline_store::read::read_regular)
}

/// [`read_text`] for a file the import found rather than was given (brat's
/// `.txt` beside its `.ann`): a symbolic link is refused, not followed.
pub(crate) fn read_text_no_link(file: &Path) -> Result<String, ImportError> {
    read_text_with(file, byline_store::read::read_regular_no_link)
}

fn read_text_with(
    file: &Path,
    read: fn(&Path, u64) -> Result<byline_store::read::Contents, byline_store::read::ReadError>,
) -> Result<String, ImportError> {
    use byline_store::read::ReadError;
    // Bounded while reading, and only a regular file: a FIFO or device
    // named as an import is refused, never waited on.
    let bytes = read(file, MAX_IMPORT_BYTES)
        .map_err(|e| {
            ImportError::file(
                file,
                match e {
                    ReadError::NotFound => "no such file".to_owned(),
                    ReadError::IsDir => "is a folder, not a file to import".to_owned(),
                    ReadError::NotRegular(what) => {
                        format!("is {what}, not a regular file; byline reads only regular files")
                    }
                    ReadError::TooLarge(size) => format!(
                        "the file is {size} bytes; byline refuses imports over {} MB",
                        MAX_IMPORT_BYTES / 1024 / 1024
                    ),
                    ReadError::Io(e) => e.to_string(),
                },
            )
        })?
        .bytes;
    let text = String::from_utf8(bytes).map_err(|e| {
        ImportError::file(
            file,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}

/// Reads one file and writes an annotator file for each of its records;
/// nothing is written when any record is wrong.
pub fn import_file(
    file: &Path,
    args: &Options,
    article: Option<&(Article, PathBuf)>,
) -> Result<Vec<Built>, ImportError> {
    let records = match args.from {
        Format::W3c => w3c::read(file)?,
        Format::Jsonl => jsonl::read(file)?,
        Format::Brat => brat::read(file)?,
    };
    if records.is_empty() {
        return Err(ImportError::file(file, "holds no annotations to import"));
    }
    // Each annotator is a file written: a file naming thousands is refused
    // before anything is built (one name given with --annotator is one).
    if args.annotator.is_none() {
        let names: std::collections::HashSet<Option<&str>> =
            records.iter().map(|r| r.annotator.as_deref()).collect();
        if names.len() > args.max_annotators {
            return Err(ImportError::file(
                file,
                format!(
                    "names {} annotators; byline imports at most {} from one file, since each becomes a file of its own (raise the limit with --max-annotators N if they are real); nothing was imported from this file",
                    names.len(),
                    args.max_annotators
                ),
            ));
        }
    }
    // Everything is checked before anything is written.
    let mut built = Vec::new();
    for r in &records {
        built.push(build(file, r, args, article)?);
    }
    let mut targets = std::collections::HashSet::new();
    for b in &built {
        if !targets.insert(&b.target) || b.target.exists() {
            return Err(ImportError::file(
                file,
                format!(
                    "{} already exists and is not overwritten; move it away, or import under another name with --annotator NAME",
                    b.target.display()
                ),
            ));
        }
    }
    for b in &built {
        store::save(&b.target, &b.set).map_err(|e| ImportError::file(file, e.to_string()))?;
    }
    Ok(built)
}

/// The article a record is placed on: `--article`, else the text the
/// record carries (through `meta.path` when that file holds the same text).
fn article_for(
    file: &Path,
    r: &Record,
    given: Option<&(Article, PathBuf)>,
) -> Result<(Article, Option<PathBuf>), ImportError> {
    if let Some((a, p)) = given {
        if let Some(other) = r.article_id.as_deref().map(slugify)
            && !r.article_id_guessed
            && !other.is_empty()
            && other != a.id
        {
            return Err(ImportError::Record {
                file: file.to_owned(),
                at: r.at.clone(),
                message: format!(
                    "these annotations are on the article {other:?}, not on {} (--article {})",
                    a.id,
                    p.display()
                ),
            });
        }
        let a = Article::new(
            a.id.clone(),
            a.title.clone(),
            a.path.clone(),
            a.paragraphs.clone(),
        );
        return Ok((a, Some(p.clone())));
    }
    let Some(text) = &r.text else {
        return Err(ImportError::file(
            file,
            "the file does not hold the article text; name the article with --article PATH",
        ));
    };
    if let Some(p) = &r.article_path
        && let Ok(a) = byline_store::article::load_no_link(p)
        && Joined::new(&a).text == *text
    {
        return Ok((a, Some(p.clone())));
    }
    let id = r
        .article_id
        .as_deref()
        .map(slugify)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            slugify(
                &file
                    .file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default(),
            )
        });
    let a =
        byline_model::article::parse(Path::new("imported.txt"), text.as_bytes()).map_err(|e| {
            ImportError::Record {
                file: file.to_owned(),
                at: r.at.clone(),
                message: format!("the text cannot be read as an article: {e}"),
            }
        })?;
    let title = r.title.clone().unwrap_or(a.title.clone());
    Ok((Article::new(id, title, file.to_owned(), a.paragraphs), None))
}

fn build(
    file: &Path,
    r: &Record,
    args: &Options,
    given: Option<&(Article, PathBuf)>,
) -> Result<Built, ImportError> {
    let (article, article_path) = article_for(file, r, given)?;
    let joined = Joined::new(&article);
    // The offsets count into the file's text; when that is the article's
    // normalised text, they are the article's offsets too.
    let file_text = r.text.as_deref().unwrap_or(&joined.text);
    let direct = file_text == joined.text;
    let file_chars: Vec<char> = file_text.chars().collect();

    let annotator = args
        .annotator
        .clone()
        .or_else(|| r.annotator.clone())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| store::resolve_annotator(None));
    // The annotator's existing file, under an older slug too; a file that
    // cannot be read to tell is left to the checks on the target below.
    let target = store::locate::annotator_file(&args.annotations, &article, &annotator)
        .unwrap_or_else(|_| store::annotation_path(&args.annotations, &article.id, &annotator));
    let rel_path = article_path.as_ref().and_then(|p| {
        let from = crate::export::tidy(&std::path::absolute(target.parent()?).ok()?);
        let to = crate::export::tidy(&std::path::absolute(p).ok()?);
        pathdiff::diff_paths(to, from).map(|d| d.to_string_lossy().into_owned())
    });
    let mut set = AnnotationSet::new(&article, annotator.trim(), rel_path);
    if let Some(t) = &r.title {
        set.article.title = byline_model::article::cap_title(t);
    }
    set.article.outlet = r.outlet.clone().filter(|s| !s.is_empty());
    set.article.url = r.url.clone().filter(|s| !s.is_empty());
    set.article.published = r.published.as_deref().and_then(|d| d.parse().ok());

    let err = |at: &str, message: String| ImportError::Record {
        file: file.to_owned(),
        at: at.to_owned(),
        message,
    };
    let mut reanchored = 0;
    let mut needs_review = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for s in &r.spans {
        let kind = s.kind.ok_or_else(|| {
            err(
                &s.at,
                "no kind: a label Sourced, Anonymous or Editorial".into(),
            )
        })?;
        // The span's text and context in the file's own text. A file
        // without text of its own (W3C) counts into the article as it was
        // annotated: when the article changed, its offsets are only a hint
        // and its quote decides.
        let own_text = r.text.is_some();
        let stated = || match &s.quote {
            Some(q) => Ok((q.clone(), s.prefix.clone(), s.suffix.clone())),
            None => Err(err(&s.at, "neither offsets in the text nor a quote".into())),
        };
        let mut direct = direct;
        let (quote, prefix, suffix) = match s.offsets {
            Some((a, b)) if a < b && b <= file_chars.len() => {
                let n = byline_model::annotation::CONTEXT_CHARS;
                let q: String = file_chars[a..b].iter().collect();
                let pre: String = file_chars[a.saturating_sub(n)..a].iter().collect();
                let suf: String = file_chars[b..(b + n).min(file_chars.len())]
                    .iter()
                    .collect();
                match &s.quote {
                    Some(st) if normalize_block(st) != normalize_block(&q) => {
                        if own_text {
                            return Err(err(
                                &s.at,
                                format!(
                                    "the span's text {st:?} is not the text at its offsets ({q:?})"
                                ),
                            ));
                        }
                        direct = false;
                        stated()?
                    }
                    _ => (q, Some(pre), Some(suf)),
                }
            }
            Some((a, b)) if own_text || s.quote.is_none() => {
                return Err(err(
                    &s.at,
                    format!(
                        "offsets {a}..{b} are outside the text (0..{}); a span covers at least one character of it",
                        file_chars.len()
                    ),
                ));
            }
            _ => {
                direct = false;
                stated()?
            }
        };
        let mut claim = Claim {
            id: None,
            paragraph: 1,
            start: 0,
            end: 0,
            quote: normalize_block(&quote),
            kind,
            source: s.source.clone().filter(|x| !x.is_empty()),
            note: s.note.clone().filter(|x| !x.is_empty()),
            tags: s.tags.clone(),
            prefix: prefix.map(|p| normalize_block(&p)),
            suffix: suffix.map(|p| normalize_block(&p)),
            status: None,
            previous_quote: None,
            extra: Default::default(),
        };
        let placed = if direct {
            s.offsets.and_then(|(a, b)| joined.local(a, b))
        } else {
            None
        };
        match placed {
            Some((p, a, b)) => {
                anchor::place_claim(&mut claim, p, &article.paragraphs[p - 1], a, b);
            }
            None => {
                if direct && s.offsets.is_some() {
                    return Err(err(
                        &s.at,
                        "the span crosses a paragraph break; a claim lies within one paragraph"
                            .into(),
                    ));
                }
                // Where the offsets would put it, as the place to try first
                // and to keep when the quote is not found.
                let (a, b) = s.offsets.unwrap_or((0, claim.quote.chars().count().max(1)));
                (claim.paragraph, claim.start, claim.end) = nearest_place(&joined, a, b);
                let located = match exact_place(&claim, &article, &joined, s.offsets) {
                    Some(place) => Located::Found { place, errors: 0 },
                    None => anchor::locate(&claim, &article),
                };
                match located {
                    Located::Kept => {
                        let (p, a, b) = (claim.paragraph, claim.start, claim.end);
                        anchor::place_claim(&mut claim, p, &article.paragraphs[p - 1], a, b);
                    }
                    Located::Found { place, .. } => {
                        let p = &article.paragraphs[place.paragraph - 1];
                        let saved = claim.quote.clone();
                        anchor::place_claim(&mut claim, place.paragraph, p, place.start, place.end);
                        if claim.quote != saved {
                            claim.status = Some(NEEDS_REVIEW.into());
                            needs_review.push(s.at.clone());
                        } else {
                            reanchored += 1;
                        }
                    }
                    Located::NotFound => {
                        claim.status = Some(NEEDS_REVIEW.into());
                        needs_review.push(format!("{} ({:?})", s.at, truncate(&claim.quote, 40)));
                    }
                }
            }
        }
        if s.status.as_deref() == Some(NEEDS_REVIEW) {
            claim.status = Some(NEEDS_REVIEW.into());
        }
        // Ids are kept when they are byline's kind of id and unique here.
        claim.id = s
            .id
            .clone()
            .filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .filter(|i| ids.insert(i.clone()));
        set.claims.push(claim);
    }
    set.sort();
    set.assign_ids();
    Ok(Built {
        target,
        set,
        reanchored,
        needs_review,
    })
}

/// The place of `c`'s quote when it occurs exactly once in the article,
/// or, when it occurs more often, the occurrence nearest the joined offset
/// the file gave (`byline check`'s re-anchoring decides when neither
/// tells).
fn exact_place(
    c: &Claim,
    article: &Article,
    joined: &Joined,
    offsets: Option<(usize, usize)>,
) -> Option<anchor::Place> {
    if c.quote.is_empty() {
        return None;
    }
    let n = c.quote.chars().count();
    let mut found = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        for (b, _) in p.text.match_indices(c.quote.as_str()) {
            let start = p.char_of(b);
            found.push(anchor::Place {
                paragraph: i + 1,
                start,
                end: start + n,
            });
        }
    }
    match (found.len(), offsets) {
        (0, _) => None,
        (1, _) => found.pop(),
        (_, Some((a, _))) => found
            .into_iter()
            .min_by_key(|p| joined.global(p.paragraph, p.start).abs_diff(a)),
        (_, None) => None,
    }
}

/// Where joined offsets `a..b` fall in the article, clamped into one
/// paragraph and at least one character long: the place a span that
/// cannot be found again keeps (with `needs-review`), as `byline check`
/// keeps a claim's old place.
fn nearest_place(joined: &Joined, a: usize, b: usize) -> (usize, usize, usize) {
    let i = joined
        .starts
        .partition_point(|&s| s <= a)
        .saturating_sub(1)
        .min(joined.starts.len().saturating_sub(1));
    let len = joined.lens.get(i).copied().unwrap_or(1).max(1);
    let start = a
        .saturating_sub(joined.starts.get(i).copied().unwrap_or(0))
        .min(len - 1);
    let end = b
        .saturating_sub(joined.starts.get(i).copied().unwrap_or(0))
        .clamp(start + 1, len);
    (i + 1, start, end)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n).chain(['…']).collect()
    }
}
