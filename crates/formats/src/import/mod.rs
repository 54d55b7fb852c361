//! `byline import`: annotations made by other tools (W3C Web Annotation,
//! brat standoff with or without the attribution scheme's events,
//! spaCy/Prodigy JSONL, Label Studio, doccano) become byline annotator
//! files.
//!
//! Each format's reader turns a file into [`Record`]s: one annotator's
//! spans on one article, with offsets into the text the file carries (or,
//! for W3C, into the article's joined paragraphs). Labels go through a
//! [`labels::Mapping`]; labels it does not know are counted, not errors
//! (unless `strict`). [`build`] places every span on the article: directly
//! when the file's text is the article's normalised text, through an
//! alignment when it is the same text before normalisation (single line
//! breaks, double spaces, not NFC), else by its quote (as `byline check`
//! re-anchors), and a span whose quote cannot be found again is kept where
//! its offsets say with `status = "needs-review"`, never dropped. A span
//! or record that cannot be read (offsets outside the text, a relation to
//! a missing span, a task whose text is not the article) is a
//! [`Problem`], named with its line or task and skipped; the rest of the
//! file is imported. A file that cannot be read at all is an
//! [`ImportError`].

mod align;
mod brat;
mod doccano;
mod jsonl;
mod label_studio;
pub mod labels;
mod w3c;

use crate::export::interchange::Joined;
use byline_model::annotation::anchor::{self, Located};
use byline_model::annotation::{AnnotationSet, Claim, Kind, NEEDS_REVIEW};
use byline_model::article::{Article, normalize_block, slugify};
use byline_model::{Loc, Para};
use byline_store as store;
use labels::{Mapping, Unmapped};
use std::path::{Path, PathBuf};

/// Import files larger than this are refused.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// The key of a claim's cue (`"said"`, `"according to"`) in its table: an
/// optional field of FORMAT.md, kept with the claim's other keys.
pub const CUE_KEY: &str = "cue";

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

/// Something in a file that was skipped: a span, a line, a task.
#[derive(Debug, Clone)]
pub struct Problem {
    /// `line 3`, `T4`, `task 12`, `E2`.
    pub at: String,
    pub message: String,
}

impl Problem {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            at: at.into(),
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
    /// The words that mark the attribution (brat's Cue).
    pub cue: Option<String>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub status: Option<String>,
    /// When the span crosses a paragraph break, the claim keeps the part
    /// in the paragraph of this offset (an attribution's cue) instead of
    /// being skipped.
    pub keep_paragraph_of: Option<usize>,
}

/// One annotator's spans on one article, as one file (or one line of a
/// file) gives them.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// For messages when the record as a whole is wrong.
    pub at: String,
    /// The text the offsets count into, when the file carries it.
    pub text: Option<String>,
    /// The text must be the article's (Label Studio, doccano): with
    /// `--article`, a task whose text is another is skipped, not placed by
    /// its quotes.
    pub text_is_article: bool,
    pub article_id: Option<String>,
    /// The id is a guess (brat's folder name), not what the file says.
    pub article_id_guessed: bool,
    pub annotator: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Other metadata the file gives (Label Studio's other `data` fields),
    /// kept under `[article]`.
    pub meta: Vec<(String, String)>,
    /// Where the file says the article text is (JSONL's `meta.path`).
    pub article_path: Option<PathBuf>,
    pub spans: Vec<Span>,
    /// Spans of this record that were skipped: reported when the record
    /// itself is placed (a task on another text is one problem, not one
    /// per region).
    pub problems: Vec<Problem>,
}

impl Record {
    /// A record with the article's keys the JSON formats share (`article`,
    /// `title`, `outlet`, `url`, `published`, `path`), each read by `s`.
    pub fn with_article_keys(s: impl Fn(&str) -> Option<String>) -> Record {
        Record {
            article_id: s("article"),
            title: s("title"),
            outlet: s("outlet"),
            url: s("url"),
            published: s("published"),
            article_path: s("path").map(Into::into),
            ..Record::default()
        }
    }
}

/// What a reader made of a file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub records: Vec<Record>,
    /// Lines, spans and tasks skipped.
    pub problems: Vec<Problem>,
    pub unmapped: Unmapped,
}

/// The formats `byline import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    W3c,
    Brat,
    Jsonl,
    LabelStudio,
    Doccano,
}

impl Format {
    /// The name `--from` takes, kept in the file as `imported_from`.
    pub fn name(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Jsonl => "jsonl",
            Format::LabelStudio => "label-studio",
            Format::Doccano => "doccano",
        }
    }
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
    /// How the file's labels read.
    pub labels: Mapping,
    /// Labels the mapping does not know refuse the file.
    pub strict: bool,
    /// An annotator's existing file is replaced.
    pub force: bool,
    /// Where brat's texts are when not beside the `.ann` files.
    pub text_dir: Option<PathBuf>,
}

impl Options {
    pub fn new(from: Format, annotations: PathBuf) -> Options {
        Options {
            from,
            annotations,
            annotator: None,
            max_annotators: MAX_ANNOTATORS,
            labels: Mapping::byline(),
            strict: false,
            force: false,
            text_dir: None,
        }
    }
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
    /// Claims tagged `needs-review` because how their source reads is a
    /// guess.
    pub unsure: usize,
}

/// What importing one file made.
pub struct Imported {
    pub built: Vec<Built>,
    /// What was skipped, each naming its line, span or task.
    pub problems: Vec<Problem>,
    /// Things worth saying that lost nothing (a content cut at a paragraph
    /// break).
    pub notes: Vec<Problem>,
    pub unmapped: Unmapped,
}

/// Folders stand for the files of the format in them (brat: `.ann`).
pub fn expand(paths: &[PathBuf], from: Format) -> Vec<PathBuf> {
    let extensions: &[&str] = match from {
        Format::Brat => &["ann"],
        Format::Jsonl | Format::Doccano => &["jsonl"],
        Format::W3c => &["json", "jsonl"],
        Format::LabelStudio => &["json"],
    };
    let mut out = Vec::new();
    for p in paths {
        if store::plain::is_folder(p) {
            out.append(&mut store::discover::files_with_extension(p, extensions));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// A span label through the mapping: its kind, tags and note; `None` for
/// a label the mapping ignores or does not know (counted in `unmapped`).
pub(crate) fn span_label(
    m: &Mapping,
    label: &str,
    unmapped: &mut Unmapped,
) -> Option<(Kind, Vec<String>, Option<String>)> {
    match m.span(label) {
        Some(labels::SpanRule::Claim { kind, tags, note }) => {
            Some((*kind, tags.clone(), note.clone()))
        }
        Some(labels::SpanRule::Ignore) => None,
        None => {
            *unmapped.entry(label.trim().to_owned()).or_default() += 1;
            None
        }
    }
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
/// what cannot be read is skipped and listed, the rest written.
pub fn import_file(
    file: &Path,
    args: &Options,
    article: Option<&(Article, PathBuf)>,
) -> Result<Imported, ImportError> {
    let parsed = match args.from {
        Format::W3c => Parsed {
            records: w3c::read(file)?,
            ..Parsed::default()
        },
        Format::Jsonl => jsonl::read(file, &args.labels)?,
        Format::Brat => brat::read(file, &args.labels, args.text_dir.as_deref())?,
        Format::LabelStudio => label_studio::read(file, &args.labels)?,
        Format::Doccano => doccano::read(file, &args.labels)?,
    };
    let Parsed {
        records,
        mut problems,
        unmapped,
    } = parsed;
    if args.strict && !unmapped.is_empty() {
        return Err(ImportError::file(
            file,
            format!(
                "labels the mapping {:?} does not know: {}; nothing was imported from this file (--strict; map them with --label NAME=KIND or --labels FILE)",
                args.labels.name,
                unmapped_list(&unmapped)
            ),
        ));
    }
    if records.is_empty() {
        if !problems.is_empty() {
            return Ok(Imported {
                built: Vec::new(),
                problems,
                notes: Vec::new(),
                unmapped,
            });
        }
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
    let mut built: Vec<Built> = Vec::new();
    let mut notes = Vec::new();
    for r in &records {
        match build(file, r, args, article, &mut problems, &mut notes) {
            // Nothing left of a record whose spans were all skipped or
            // unknown: no file (an annotator who marked nothing, in a file
            // that is all readable, still gets one).
            Ok(b) if b.set.claims.is_empty() && (!problems.is_empty() || !unmapped.is_empty()) => {}
            Ok(b) => {
                // Two records of one annotator on one article (a Label
                // Studio task exported twice) are one file.
                match built.iter_mut().find(|x| x.target == b.target) {
                    Some(x) => {
                        x.set.claims.extend(b.set.claims);
                        x.set.sort();
                        x.set.assign_ids();
                        x.reanchored += b.reanchored;
                        x.needs_review.extend(b.needs_review);
                        x.unsure += b.unsure;
                    }
                    None => built.push(b),
                }
            }
            Err(p) => problems.push(p),
        }
    }
    for b in &built {
        if !args.force && store::plain::exists(&b.target) {
            return Err(ImportError::file(
                file,
                format!(
                    "{} already exists and is not overwritten; move it away, import under another name with --annotator NAME, or replace it with --force",
                    b.target.display()
                ),
            ));
        }
    }
    for b in &built {
        store::save(&b.target, &b.set).map_err(|e| ImportError::file(file, e.to_string()))?;
    }
    Ok(Imported {
        built,
        problems,
        notes,
        unmapped,
    })
}

/// `Discuss (712), Discard (392)`: most frequent first.
pub fn unmapped_list(u: &Unmapped) -> String {
    let mut v: Vec<(&String, &usize)> = u.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{k:?} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The article a record is placed on: `--article`, else the text the
/// record carries (through `meta.path` or brat's text file when that file
/// holds the same text).
fn article_for(
    r: &Record,
    file: &Path,
    given: Option<&(Article, PathBuf)>,
) -> Result<(Article, Option<PathBuf>), Problem> {
    if let Some((a, p)) = given {
        if let Some(other) = r.article_id.as_deref().map(slugify)
            && !r.article_id_guessed
            && !other.is_empty()
            && other != a.id
        {
            return Err(Problem::new(
                &r.at,
                format!(
                    "these annotations are on the article {other:?}, not on {} (--article {})",
                    a.id,
                    p.display()
                ),
            ));
        }
        let a = Article::new(
            a.id.clone(),
            a.title.clone(),
            a.path.clone(),
            a.paragraphs.clone(),
        );
        if r.text_is_article
            && let Some(text) = &r.text
            && *text != Joined::new(&a).text
        {
            let ours = byline_model::article::parse(Path::new("imported.txt"), text.as_bytes())
                .map(|t| Joined::new(&t).text == Joined::new(&a).text)
                .unwrap_or(false);
            if !ours {
                let theirs = byline_model::article::parse(Path::new("t.txt"), text.as_bytes())
                    .map(|t| t.sha256().to_owned())
                    .unwrap_or_default();
                return Err(Problem::new(
                    &r.at,
                    format!(
                        "its text is not the article's (sha256 {} against {} of {}); skipped",
                        theirs.get(..12).unwrap_or("of nothing"),
                        a.sha256().get(..12).unwrap_or_default(),
                        p.display()
                    ),
                ));
            }
        }
        return Ok((a, Some(p.clone())));
    }
    let Some(text) = &r.text else {
        return Err(Problem::new(
            &r.at,
            "the file does not hold the article text; name the article with --article PATH",
        ));
    };
    let parsed = byline_model::article::parse(Path::new("imported.txt"), text.as_bytes())
        .map_err(|e| Problem::new(&r.at, format!("the text cannot be read as an article: {e}")))?;
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
    if let Some(p) = &r.article_path
        && let Ok(a) = byline_store::article::load_no_link(p)
        && (Joined::new(&a).text == *text || a.paragraphs == parsed.paragraphs)
    {
        // The file's own article, under the id the import gives it.
        let title = r.title.clone().unwrap_or(a.title.clone());
        return Ok((
            Article::new(id, title, a.path.clone(), a.paragraphs),
            Some(p.clone()),
        ));
    }
    let title = r.title.clone().unwrap_or(parsed.title.clone());
    Ok((
        Article::new(id, title, file.to_owned(), parsed.paragraphs),
        None,
    ))
}

fn build(
    file: &Path,
    r: &Record,
    args: &Options,
    given: Option<&(Article, PathBuf)>,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<Problem>,
) -> Result<Built, Problem> {
    let (article, article_path) = article_for(r, file, given)?;
    problems.extend(r.problems.iter().cloned());
    let joined = Joined::new(&article);
    // The offsets count into the file's text; when that is the article's
    // normalised text, they are the article's offsets too, and when it is
    // the same text before normalisation, they are carried over.
    let file_text = r.text.as_deref().unwrap_or(&joined.text);
    let direct = file_text == joined.text;
    let aligned = if direct {
        None
    } else {
        align::Aligned::new(file_text, &joined.text)
    };
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
    for (k, v) in &r.meta {
        if !v.is_empty() && !set.article.extra.contains_key(k) {
            set.article
                .extra
                .insert(k.clone(), toml::Value::String(v.clone()));
        }
    }
    // Where the file came from, so agree and reports can tell imports
    // from files people made (FORMAT.md).
    set.annotator.extra.insert(
        "imported_from".into(),
        toml::Value::String(args.from.name().into()),
    );
    if let Some(name) = file.file_name() {
        set.annotator.extra.insert(
            "imported_file".into(),
            toml::Value::String(name.to_string_lossy().into_owned()),
        );
    }

    let mut reanchored = 0;
    let mut unsure = 0;
    let mut needs_review = Vec::new();
    let mut ids = std::collections::HashSet::new();
    'spans: for s in &r.spans {
        let skip = |message: String| Problem::new(&s.at, message);
        let Some(kind) = s.kind else {
            problems.push(skip("no kind: a label the mapping knows".into()));
            continue;
        };
        // The span's text and context in the file's own text. A file
        // without text of its own (W3C) counts into the article as it was
        // annotated: when the article changed, its offsets are only a hint
        // and its quote decides.
        let own_text = r.text.is_some();
        let stated = || match &s.quote {
            Some(q) => Ok((q.clone(), s.prefix.clone(), s.suffix.clone())),
            None => Err(skip("neither offsets in the text nor a quote".into())),
        };
        let mut direct = direct;
        let mut through: Option<(usize, usize)> = None;
        let got = match s.offsets {
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
                            Err(skip(format!(
                                "the span's text {st:?} is not the text at its offsets ({q:?})"
                            )))
                        } else {
                            direct = false;
                            stated()
                        }
                    }
                    _ => {
                        if let Some(al) = &aligned {
                            match al.range(a, b) {
                                Some(r) => through = Some(r),
                                None => {
                                    problems.push(skip("the span holds only white space".into()));
                                    continue 'spans;
                                }
                            }
                        }
                        Ok((q, Some(pre), Some(suf)))
                    }
                }
            }
            Some((a, b)) if own_text || s.quote.is_none() => Err(skip(if a >= b {
                format!(
                    "offsets {a}..{b} are reversed or empty; a span covers at least one character"
                )
            } else {
                format!(
                    "offsets {a}..{b} are outside the text (0..{}); a span covers at least one character of it",
                    file_chars.len()
                )
            })),
            _ => {
                direct = false;
                stated()
            }
        };
        let (quote, prefix, suffix) = match got {
            Ok(x) => x,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let mut extra = byline_model::annotation::Extra::new();
        if let Some(cue) = s.cue.as_deref().filter(|c| !c.is_empty()) {
            extra.insert(CUE_KEY.into(), toml::Value::String(cue.to_owned()));
        }
        let mut claim = Claim {
            id: None,
            at: Loc::default(),
            quote: normalize_block(&quote),
            kind,
            source: s.source.clone().filter(|x| !x.is_empty()),
            note: s.note.clone().filter(|x| !x.is_empty()),
            tags: s.tags.clone(),
            prefix: prefix.map(|p| normalize_block(&p)),
            suffix: suffix.map(|p| normalize_block(&p)),
            status: None,
            previous_quote: None,
            extra,
        };
        if claim.tags.iter().any(|t| t == NEEDS_REVIEW) {
            unsure += 1;
        }
        let joined_range = if let Some(r) = through {
            Some(r)
        } else if direct {
            s.offsets
        } else {
            None
        };
        let mut placed = joined_range.and_then(|(a, b)| joined.local(a, b));
        if placed.is_none()
            && let Some((a, b)) = joined_range
        {
            // Across a paragraph break: an attribution keeps the part in
            // its cue's paragraph; any other span is skipped.
            let keep = s
                .keep_paragraph_of
                .and_then(|k| match &aligned {
                    Some(al) => al.range(k, k + 1).map(|r| r.0),
                    None => Some(k),
                })
                .unwrap_or(a);
            let overlap = |i: usize| {
                let (ps, pl) = (joined.starts[i], joined.lens[i]);
                (a.max(ps), b.min(ps + pl))
            };
            let mut i = paragraph_at(&joined, keep);
            if overlap(i).0 >= overlap(i).1 {
                // The cue's paragraph holds none of it: the paragraph
                // holding the most of it.
                i = (0..joined.starts.len())
                    .max_by_key(|&j| {
                        let (x, y) = overlap(j);
                        (y.saturating_sub(x), std::cmp::Reverse(j))
                    })
                    .unwrap_or(i);
            }
            let (ca, cb) = overlap(i);
            if s.keep_paragraph_of.is_some() && ca < cb {
                notes.push(Problem::new(
                    &s.at,
                    format!(
                        "the span crosses a paragraph break; the claim keeps its part in paragraph {}",
                        Para::from_index(i)
                    ),
                ));
                placed = joined.local(ca, cb);
            } else {
                problems.push(skip(
                    "the span crosses a paragraph break; a claim lies within one paragraph".into(),
                ));
                continue;
            }
        }
        match placed {
            Some(at) => anchor::place_claim(&mut claim, at, &article[at.para]),
            None => {
                // Where the offsets would put it, as the place to try first
                // and to keep when the quote is not found.
                let (a, b) = s.offsets.unwrap_or((0, claim.quote.chars().count().max(1)));
                Loc {
                    para: claim.at.para,
                    start: claim.at.start,
                    end: claim.at.end,
                } = nearest_place(&joined, a, b);
                let located = match exact_place(&claim, &article, &joined, s.offsets) {
                    Some(place) => Located::Found { place, errors: 0 },
                    None => anchor::locate(&claim, &article),
                };
                match located {
                    Located::Kept => {
                        let at = claim.at;
                        anchor::place_claim(&mut claim, at, &article[at.para]);
                    }
                    Located::Found { place, .. } => {
                        let saved = claim.quote.clone();
                        anchor::place_claim(&mut claim, place, &article[place.para]);
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
        unsure,
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
) -> Option<Loc> {
    if c.quote.is_empty() {
        return None;
    }
    let n = c.quote.chars().count();
    let mut found = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        for (b, _) in p.text.match_indices(c.quote.as_str()) {
            let start = p.char_of(b);
            found.push(Loc::new(Para::from_index(i), start, start + n));
        }
    }
    match (found.len(), offsets) {
        (0, _) => None,
        (1, _) => found.pop(),
        (_, Some((a, _))) => found
            .into_iter()
            .min_by_key(|p| joined.global(p.para, p.start).abs_diff(a)),
        (_, None) => None,
    }
}

/// Where joined offsets `a..b` fall in the article, clamped into one
/// paragraph and at least one character long: the place a span that
/// cannot be found again keeps (with `needs-review`), as `byline check`
/// keeps a claim's old place.
fn nearest_place(joined: &Joined, a: usize, b: usize) -> Loc {
    let para = Para::from_index(paragraph_at(joined, a)).clamp_to(joined.starts.len());
    let i = para.index();
    let len = joined.lens.get(i).copied().unwrap_or(1).max(1);
    let start = a
        .saturating_sub(joined.starts.get(i).copied().unwrap_or(0))
        .min(len - 1);
    let end = b
        .saturating_sub(joined.starts.get(i).copied().unwrap_or(0))
        .clamp(start + 1, len);
    Loc::new(para, start, end)
}

/// The index of the paragraph whose joined text holds offset `at` (the
/// last one starting at or before it; the first when none does).
fn paragraph_at(joined: &Joined, at: usize) -> usize {
    match joined.starts.partition_point(|&s| s <= at) {
        0 => 0,
        after => after - 1,
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n).chain(['…']).collect()
    }
}
