//! The running of `byline export`: the annotation files the store finds
//! ([`store::discover`]), read in parallel, each article text loaded once,
//! progress, and the output written to the store's [`Sink`]. The disk is
//! touched only through `byline_store`; everything learnt goes through the
//! pure summary in `mod.rs`.

use super::perfile::{self, Render};
use super::{
    ArticleSummary, Corpus, RegistryUse, TextStats, TextStatus, csv, html, json, markdown,
    summarize_with,
};
use anyhow::Context;
use byline_model::sanitize;
use byline_model::sources::Registry;
use byline_store::discover::Found;
use byline_store::sink::{self, Sink};
use byline_store::{self as store, StoreError};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Files read in parallel per step. Output and the article cache's
/// bookkeeping happen between steps, in file order.
const CHUNK: usize = 256;
/// Article texts kept at once. Files are read in path order, so the
/// annotators of one article (`<article-id>/<annotator>.toml`) come
/// together and a small cache loads each article once.
const CACHE_ARTICLES: usize = 128;

/// The formats `byline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    Html,
    W3c,
    Brat,
    Jsonl,
    LabelStudio,
    Doccano,
}

/// What to export and how: the command line, checked by the binary.
#[derive(Debug, Clone)]
pub struct Options {
    /// Annotation files, or folders searched recursively.
    pub paths: Vec<PathBuf>,
    pub format: Format,
    /// Write here instead of standard output (brat: the folder).
    pub output: Option<PathBuf>,
    /// One row (CSV) or line (JSON) per claim.
    pub claims: bool,
    /// One row (CSV) or line (JSON) per colleague's verdict.
    pub verdicts: bool,
    /// Where every `article.path` may lead (docs/security.md).
    pub root: Option<PathBuf>,
    /// Name every file in the notes, not the first few.
    pub verbose: bool,
    /// CSV cells exactly as the files hold them: no `'` before a cell a
    /// spreadsheet would read as a formula (docs/export.md).
    pub csv_raw: bool,
    /// The labels brat, Label Studio and doccano get.
    pub labels: crate::import::labels::Mapping,
    /// brat: the attribution scheme's events, not one span per claim.
    pub attribution: bool,
    /// The sources registry; `None`: the first `sources.toml` found beside
    /// the paths ([`byline_store::sources::find_for`]).
    pub sources: Option<PathBuf>,
    /// Export the folders' gold files (`byline adjudicate`) alone, not
    /// the annotators' files.
    pub gold: bool,
}

/// The registry an export counts sources by: named, else found beside
/// the paths; a registry that cannot be used is reported (one line:
/// file, line, entry) and the export runs without it, saying so.
fn registry(args: &Options, report: &dyn Reporter) -> (Option<Registry>, RegistryUse) {
    let Some(path) = args
        .sources
        .clone()
        .or_else(|| store::sources::find_for(&args.paths))
    else {
        return (None, RegistryUse::None);
    };
    let shown = tidy(&path).display().to_string();
    let failed = |message: String| {
        report.error(&message);
        report.warning(&format!(
            "ran without the sources registry {shown}: sources are counted as typed, and not by type"
        ));
        (
            None,
            RegistryUse::Failed {
                path: shown.clone(),
                message,
            },
        )
    };
    match store::sources::load(&path) {
        Ok(Some(r)) => (Some(r), RegistryUse::Used { path: shown }),
        Ok(None) => failed(format!("{shown}: no such file (--sources)")),
        Err(e) => failed(e.to_string()),
    }
}

/// Where an export's messages and progress go: the binary prints them.
/// Called from the thread that runs the export, in the order things
/// happen.
pub trait Reporter {
    /// A file that could not be exported, or a path that named nothing.
    fn error(&self, message: &str);
    /// Something left out of a figure (a missing article text, say).
    fn warning(&self, message: &str);
    /// Progress over `total` files; `allowed` is false when the output
    /// itself streams to the terminal and a bar would tear it.
    fn progress(&self, total: usize, allowed: bool) -> Box<dyn Progress + '_>;
}

/// A progress display for one export.
pub trait Progress {
    fn advance(&self, files: usize);
    /// Runs `f` (which reports a message) with the display out of the way.
    fn suspend(&self, f: &mut dyn FnMut());
    fn finish(&self);
}

/// Runs `byline export`: returns whether any file failed (the export is
/// still written for the others).
pub fn run(args: &Options, report: &dyn Reporter) -> anyhow::Result<bool> {
    let brat_dir = match (args.format, &args.output) {
        (Format::Brat, Some(dir)) => {
            open_brat_dir(dir, args.attribution, &args.labels)?;
            Some(dir.clone())
        }
        _ => None,
    };
    let sink_path = if brat_dir.is_some() {
        None
    } else {
        args.output.as_deref()
    };
    // JSON and the JSON Lines formats escape control characters as JSON
    // does; every other format shows them escaped as text.
    let style = match args.format {
        Format::Json | Format::Jsonl | Format::W3c | Format::LabelStudio | Format::Doccano => {
            sanitize::Style::Json
        }
        _ => sanitize::Style::Text,
    };
    let found = store::discover::annotation_files(&args.paths, args.gold);
    // Opened after the folders are walked: its temporary file, beside
    // `-o`, may be in one of them.
    let mut out = Sink::open(sink_path, style)?;
    // `-o` must not be a file this export reads (issue 10: `export exo -o
    // exo/a.toml` overwrote an annotation file with the report).
    out.refuse_inputs(
        found
            .files
            .iter()
            .map(|p| (p.as_path(), "an annotation file"))
            .chain(
                found
                    .reviews
                    .values()
                    .flatten()
                    .map(|p| (p.as_path(), "a review file")),
            )
            .chain(
                args.paths
                    .iter()
                    .map(|p| (p.as_path(), "a file named on the command line")),
            ),
    )?;
    let mut failed = !found.errors.is_empty();
    for e in &found.errors {
        report.error(e);
    }
    if let Some(note) = found.skipped.note() {
        report.error(&note);
    }
    if found.files.is_empty() && found.errors.is_empty() {
        let names: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        report.error(&format!(
            "no annotation files in {}; the summary is empty",
            names.join(", ")
        ));
    }

    let (registry, registry_use) = registry(args, report);
    let output = out.replaces_existing();
    let mut stream = Stream::new(args, registry.as_ref())?;
    let pass = Pass {
        found: &found,
        root: args.root.as_deref(),
        output: output.as_deref(),
        brat_dir: brat_dir.as_deref(),
        labels: &args.labels,
        verbose: args.verbose,
        report,
        registry: registry.as_ref(),
    };
    let mut read_output = false;
    let written = stream
        .begin(&mut out)
        .and_then(|()| pass.process(&mut stream, &mut out))
        .and_then(|done| {
            failed |= done.failed;
            read_output = done.read_output;
            let corpus =
                || Corpus::with_registry(&done.summaries, registry.as_ref(), registry_use.clone());
            // Only the page shows agreement; it reads each compared
            // article's files again, so other formats skip it. Sources
            // are compared through the registry when there is one.
            let key = |s: &str| match &registry {
                Some(r) => byline_model::sources::fold(&r.canonical(s)),
                None => byline_model::sources::fold(s),
            };
            let agreement = matches!(args.format, Format::Html | Format::Markdown)
                .then(|| super::agreement::gather(&found.files, args.root.as_deref(), &key));
            stream.end(
                &mut out,
                &done.summaries,
                &corpus,
                report,
                agreement.as_ref(),
            )
        });
    if read_output && let Some(shown) = &args.output {
        // Found only while reading: the export is dropped, the file kept.
        return Err(sink::InputAsOutput {
            output: shown.clone(),
            what: "an article file",
        }
        .into());
    }
    match written
        .context("cannot write the export")
        .and_then(|()| out.finish())
    {
        Ok(()) => {}
        Err(e) if is_broken_pipe(&e) => {}
        Err(e) => return Err(e),
    }
    Ok(failed)
}

/// A closed pipe (`byline export | head`) is the reader saying "enough".
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// One pass over the files found, and what it reads beyond them:
/// `--root`, and the file `-o` would replace, which must not be one of the
/// articles read.
struct Pass<'a> {
    found: &'a Found,
    root: Option<&'a Path>,
    output: Option<&'a Path>,
    brat_dir: Option<&'a Path>,
    labels: &'a crate::import::labels::Mapping,
    verbose: bool,
    report: &'a dyn Reporter,
    registry: Option<&'a Registry>,
}

/// What a pass made: the summaries the output still needs at the end,
/// whether a file failed, and whether an `article.path` led to the file
/// `-o` replaces.
struct Processed {
    summaries: Vec<ArticleSummary>,
    failed: bool,
    read_output: bool,
}

impl Pass<'_> {
    /// Reads and summarises every file, in parallel a chunk at a time; what
    /// can be written as it comes is written in file order.
    fn process(&self, stream: &mut Stream, out: &mut Sink) -> std::io::Result<Processed> {
        let Pass {
            found,
            brat_dir,
            labels,
            verbose,
            report,
            registry,
            ..
        } = *self;
        let mut failed = false;
        let (files, reviews) = (&found.files, &found.reviews);
        let cache = TextCache {
            root: self.root.map(Path::to_owned),
            output: self.output.map(Path::to_owned),
            ..TextCache::default()
        };
        let mut summaries = Vec::new();
        let mut notes = Notes {
            verbose,
            ..Notes::default()
        };
        // Rows streamed to a terminal would be torn by the bar's redraws.
        let streams_to_terminal =
            out.is_stdout() && !stream.waits() && std::io::stdout().is_terminal();
        let progress = report.progress(files.len(), !streams_to_terminal);
        let kept = stream.keeps_sets();
        let json = stream.is_json();
        let render = stream.render();
        for (step, chunk) in files.chunks(CHUNK).enumerate() {
            let done: Vec<Result<Done, StoreError>> = chunk
                .par_iter()
                .enumerate()
                .map(|(i, f)| {
                    let dir = f.parent().unwrap_or(Path::new(""));
                    let full = kept || render.is_some();
                    let mut d = summarize_file(f, &cache, step, full, reviews.get(dir))?;
                    if let Some(r) = registry {
                        super::canonicalize(&mut d.summary, r);
                    }
                    d.index = step * CHUNK + i;
                    // Serialising is as much work as summarising: do it here,
                    // in parallel, and only copy bytes in order below.
                    if json {
                        d.json = Some(json::article_line(&d.summary));
                    }
                    if let Some(r) = render
                        && let Some(set) = d.set.take()
                    {
                        let reviews = std::mem::take(&mut d.reviews);
                        d.rendered = Some(perfile::render(
                            r,
                            d.index,
                            f,
                            set,
                            reviews,
                            &d.summary,
                            perfile::Writing { brat_dir, labels },
                        ));
                    }
                    Ok(d)
                })
                .collect();
            for d in done {
                match d {
                    Ok(mut d) => {
                        notes.text(&d.summary);
                        if let Some(Err(e)) = &d.rendered {
                            progress.suspend(&mut || report.error(e));
                            failed = true;
                            d.rendered = None;
                        }
                        stream.file(out, &d)?;
                        if !kept {
                            summaries.push(d.summary);
                        }
                    }
                    Err(e) => {
                        progress.suspend(&mut || report.error(&e.to_string()));
                        failed = true;
                    }
                }
            }
            cache.trim();
            progress.advance(chunk.len());
        }
        let read_output = cache.read_output.load(std::sync::atomic::Ordering::Relaxed);
        progress.finish();
        notes.print(report);
        Ok(Processed {
            summaries,
            failed,
            read_output,
        })
    }
}

/// How each format is written: JSON and CSV rows stream out as files are
/// read; Markdown starts with the corpus overview, so it waits for all.
enum Stream {
    Markdown,
    Json(json::Stream),
    Csv(csv::ArticleRows),
    Claims(csv::ClaimsWriter),
    /// Article sections rendered in the workers, spooled, and copied after
    /// the overview.
    Html(html::Html),
    /// Bytes rendered per file in the workers, copied out in order
    /// (JSON Lines, CSV rows after a header, or nothing for brat).
    PerFile {
        render: Render,
        header: Option<&'static [&'static str]>,
        /// The files' bytes are the items of one JSON list.
        array: bool,
        /// Files written (brat says how many at the end).
        done: usize,
    },
}

impl Stream {
    fn new(args: &Options, registry: Option<&Registry>) -> std::io::Result<Stream> {
        let per_file = |render, header| Stream::PerFile {
            render,
            header,
            array: render == Render::LabelStudio,
            done: 0,
        };
        Ok(match (args.format, args.claims, args.verdicts) {
            (Format::Json, true, _) => per_file(Render::ClaimsJson, None),
            (Format::Json, _, true) => per_file(Render::VerdictsJson, None),
            (Format::Csv, _, true) => per_file(
                Render::VerdictsCsv { raw: args.csv_raw },
                Some(super::interchange::VERDICT_HEADER),
            ),
            (_, true, _) => Stream::Claims(csv::ClaimsWriter::new(args.csv_raw)),
            (Format::Csv, false, _) => Stream::Csv(csv::ArticleRows::new(args.csv_raw, registry)),
            (Format::Json, false, _) => Stream::Json(json::Stream::default()),
            (Format::Markdown, ..) => Stream::Markdown,
            (Format::Html, ..) => Stream::Html(html::Html::new()?),
            (Format::W3c, ..) => per_file(Render::W3c, None),
            (Format::Jsonl, ..) => per_file(Render::Jsonl, None),
            (Format::Brat, ..) => per_file(
                Render::Brat {
                    events: args.attribution,
                },
                None,
            ),
            (Format::LabelStudio, ..) => per_file(Render::LabelStudio, None),
            (Format::Doccano, ..) => per_file(Render::Doccano, None),
        })
    }

    /// What the workers render per file, if anything.
    fn render(&self) -> Option<Render> {
        match self {
            Stream::Html(_) => Some(Render::Html),
            Stream::PerFile { render, .. } => Some(*render),
            _ => None,
        }
    }

    /// `--claims` needs each file's claims, and no summaries at the end.
    fn keeps_sets(&self) -> bool {
        matches!(self, Stream::Claims(_))
    }

    /// Whether everything is written at the end (nothing streams).
    fn waits(&self) -> bool {
        matches!(self, Stream::Markdown | Stream::Html(_))
    }

    fn is_json(&self) -> bool {
        matches!(self, Stream::Json(_))
    }

    fn begin(&mut self, out: &mut Sink) -> std::io::Result<()> {
        match self {
            Stream::Json(s) => s.begin(out),
            Stream::Csv(w) => w.begin(out),
            Stream::PerFile {
                header: Some(h), ..
            } => {
                let mut w = ::csv::WriterBuilder::new()
                    .terminator(::csv::Terminator::CRLF)
                    .from_writer(out);
                w.write_record(*h)?;
                w.flush()
            }
            Stream::PerFile { array: true, .. } => out.write_all(b"["),
            Stream::Markdown | Stream::Claims(_) | Stream::Html(_) | Stream::PerFile { .. } => {
                Ok(())
            }
        }
    }

    fn file(&mut self, out: &mut Sink, d: &Done) -> std::io::Result<()> {
        match self {
            Stream::Json(s) => s.article(out, d.json.as_deref().unwrap_or_default()),
            Stream::Csv(w) => w.write(out, &d.summary),
            Stream::Claims(w) => match &d.set {
                Some(set) => w.write(set, out),
                None => Ok(()),
            },
            Stream::Html(h) => match &d.rendered {
                Some(Ok(bytes)) => h.section(bytes, html::Toc::of(d.index, &d.summary)),
                _ => Ok(()),
            },
            Stream::PerFile { done, array, .. } => match &d.rendered {
                Some(Ok(bytes)) => {
                    if *array {
                        out.write_all(if *done == 0 { b"\n" } else { b",\n" })?;
                    }
                    *done += 1;
                    out.write_all(bytes)
                }
                _ => Ok(()),
            },
            Stream::Markdown => Ok(()),
        }
    }

    fn end(
        self,
        out: &mut Sink,
        summaries: &[ArticleSummary],
        corpus: &dyn Fn() -> Corpus,
        report: &dyn Reporter,
        agreement: Option<&super::agreement::Agreement>,
    ) -> std::io::Result<()> {
        match self {
            Stream::Json(s) => s.end(out, &corpus()),
            Stream::Csv(_) => Ok(()),
            Stream::Claims(w) => w.finish(out),
            Stream::Markdown => markdown::write(out, summaries, &corpus(), agreement),
            Stream::Html(h) => match agreement {
                Some(a) => h.end(out, &corpus(), a),
                None => h.end(
                    out,
                    &corpus(),
                    &super::agreement::gather(&[], None, &byline_model::sources::fold),
                ),
            },
            Stream::PerFile { array: true, .. } => out.write_all(b"\n]\n"),
            Stream::PerFile {
                render: Render::Brat { .. },
                done,
                ..
            } => {
                report.error(&format!(
                    "wrote {done} .txt and .ann {} (one pair per annotation file)",
                    if done == 1 { "pair" } else { "pairs" }
                ));
                Ok(())
            }
            Stream::PerFile { .. } => Ok(()),
        }
    }
}

/// One file read and summarised. The parsed set is kept only for
/// `--claims`, which writes its rows and drops it.
struct Done {
    summary: ArticleSummary,
    set: Option<byline_model::annotation::AnnotationSet>,
    /// The summary as a JSON line, made in the worker thread.
    json: Option<Vec<u8>>,
    /// The file's place in the export (0-based).
    index: usize,
    /// The colleagues' reviews of this file, for the per-file formats.
    reviews: Vec<byline_model::review::verdict::Review>,
    /// What a per-file format made of it ([`Stream::render`]).
    rendered: Option<Result<Vec<u8>, String>>,
}

/// The reviews of the annotator file at `path` among the folder's review
/// files. A review file that does not parse is left out here; `byline
/// review` names it with line and column when it is opened.
fn reviews_of(
    path: &Path,
    reviews: Option<&Vec<PathBuf>>,
) -> Vec<byline_model::review::verdict::Review> {
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    reviews
        .into_iter()
        .flatten()
        .filter_map(|r| store::review::load(r).ok().flatten())
        .filter(|r| r.meta.of == slug)
        .collect()
}

fn summarize_file(
    path: &Path,
    cache: &TextCache,
    step: usize,
    keep_set: bool,
    reviews: Option<&Vec<PathBuf>>,
) -> Result<Done, StoreError> {
    // The per-file formats need every field (tags); the summaries do not.
    let set = if keep_set {
        store::load(path)?.ok_or_else(|| StoreError::Io {
            path: path.to_owned(),
            error: std::io::ErrorKind::NotFound.into(),
        })?
    } else {
        store::load_claims_only(path)?
    };
    let reviews = reviews_of(path, reviews);
    let review_summaries = reviews
        .iter()
        .map(|r| byline_model::review::summary::summarize(r, &set.claims))
        .collect();
    let (stats, status) = match &set.article.path {
        None => (None, TextStatus::NoPath),
        Some(rel) => {
            let dir = path.parent().unwrap_or(Path::new(""));
            let joined = dir.join(rel);
            // Lexically tidied for messages only: with symlinks, `..` may
            // lead elsewhere, so the file is opened by the joined path.
            let shown_str = tidy(&joined).display().to_string();
            match cache.get(path, rel, &joined, &shown_str, step) {
                Err(status) => (None, status),
                Ok(stats)
                    if stats.sha256 != set.article.sha256
                        || stats.paragraphs.len() != set.article.paragraphs =>
                {
                    let why = super::differs(&set, Some(&stats.sha256), stats.paragraphs.len());
                    (
                        None,
                        TextStatus::Changed {
                            path: shown_str,
                            why,
                        },
                    )
                }
                Ok(stats) => (Some(stats), TextStatus::Ok),
            }
        }
    };
    let mut summary = summarize_with(&set, path.display().to_string(), stats.as_deref(), status);
    summary.reviews = review_summaries;
    Ok(Done {
        summary,
        set: keep_set.then_some(set),
        json: None,
        index: 0,
        reviews: if keep_set { reviews } else { Vec::new() },
        rendered: None,
    })
}

/// `a/b/../../c` as `c`, for messages: lexical only, and
/// never past a leading `..` or the root.
pub fn tidy(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

type Loaded = Result<Arc<TextStats>, TextStatus>;
/// A cached text (loaded once, by whichever thread asks first) and the
/// step that last used it.
type CacheEntry = (Arc<OnceLock<Loaded>>, usize);

/// Article texts by canonical path, each loaded at most once while cached.
/// The lock is held only to find or make an entry; loading happens outside
/// it, and a second thread asking for the same article waits on its cell.
#[derive(Default)]
struct TextCache {
    entries: Mutex<HashMap<PathBuf, CacheEntry>>,
    /// `article.path` joined to the annotation folder, as written, to its
    /// canonical path: the annotators of one article write the same
    /// relative path, so this saves a `canonicalize` per file.
    canonical: Mutex<HashMap<PathBuf, (PathBuf, usize)>>,
    /// `--root`: where every `article.path` may lead.
    root: Option<PathBuf>,
    /// An annotation file's folder to the trusted tree of its
    /// `article.path` (docs/security.md), found once per folder.
    trees: Mutex<HashMap<PathBuf, PathBuf>>,
    /// The file `-o` replaces (canonical), and whether an `article.path`
    /// led to it.
    output: Option<PathBuf>,
    read_output: std::sync::atomic::AtomicBool,
}

impl TextCache {
    fn canonical(&self, path: &Path, step: usize) -> std::io::Result<PathBuf> {
        let lock = || self.canonical.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((k, used)) = lock().get_mut(path) {
            *used = step;
            return Ok(k.clone());
        }
        let k = store::plain::canonical(path)?;
        lock().insert(path.to_owned(), (k.clone(), step));
        Ok(k)
    }

    /// The tree `file`'s `article.path` must stay inside.
    fn tree(&self, file: &Path) -> std::io::Result<PathBuf> {
        let dir = file.parent().unwrap_or(Path::new("")).to_owned();
        let lock = || self.trees.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(t) = lock().get(&dir) {
            return Ok(t.clone());
        }
        let t = store::confine::trusted_tree(file, self.root.as_deref())?;
        lock().insert(dir, t.clone());
        Ok(t)
    }

    /// The text at `path`, which is `rel` (`article.path`) joined to the
    /// folder of `file`; refused when it leads outside the trusted tree.
    fn get(&self, file: &Path, rel: &str, path: &Path, shown: &str, step: usize) -> Loaded {
        let shown = shown.to_owned();
        let key = match self.canonical(path, step) {
            Ok(k) => k,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(TextStatus::Missing { path: shown });
            }
            Err(e) => {
                return Err(TextStatus::Unreadable {
                    message: format!("cannot read the article text {shown}: {e}"),
                    path: shown,
                });
            }
        };
        if self.output.as_ref() == Some(&key) {
            self.read_output
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        match self.tree(file) {
            Ok(tree) if key.starts_with(&tree) => {}
            Ok(tree) => {
                return Err(TextStatus::Unreadable {
                    message: format!(
                        "article.path {rel:?} leads outside {} (the folder above the annotations folder), so byline did not read it, since the file may come from someone else; pass --root DIR to trust a wider folder",
                        tree.display()
                    ),
                    path: shown,
                });
            }
            Err(e) => {
                return Err(TextStatus::Unreadable {
                    message: format!("cannot find the folder to trust for article.path: {e}"),
                    path: shown,
                });
            }
        }
        let cell = {
            let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            let entry = map
                .entry(key)
                .or_insert_with(|| (Arc::new(OnceLock::new()), step));
            entry.1 = step;
            Arc::clone(&entry.0)
        };
        cell.get_or_init(|| match byline_store::article::load(path) {
            Ok(a) => Ok(Arc::new(TextStats::new(&a))),
            Err(e) => Err(TextStatus::Unreadable {
                path: shown,
                message: e.to_string(),
            }),
        })
        .clone()
    }

    /// Keeps the cache bounded: drops the least recently used articles.
    fn trim(&self) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        trim_lru(&mut map, |e| e.1);
        let mut canonical = self.canonical.lock().unwrap_or_else(|p| p.into_inner());
        trim_lru(&mut canonical, |e| e.1);
    }
}

/// Drops the least recently used entries beyond [`CACHE_ARTICLES`]
/// (entries used in the same step are kept or dropped together).
fn trim_lru<V>(map: &mut HashMap<PathBuf, V>, used: impl Fn(&V) -> usize) {
    if map.len() <= CACHE_ARTICLES {
        return;
    }
    let mut ages: Vec<usize> = map.values().map(&used).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    let keep_from = ages[CACHE_ARTICLES - 1];
    map.retain(|_, e| used(e) >= keep_from);
}

/// Why text metrics were left out, said once per article text (or once per
/// file when it names no text).
#[derive(Default)]
struct Notes {
    by_text: Vec<(String, String, usize)>,
    index: HashMap<String, usize>,
    /// Files without `article.path`: one line for all of them.
    no_path: Vec<String>,
    verbose: bool,
}

/// Files named in the one line about files without `article.path`,
/// unless `--verbose`.
const NAMED_FILES: usize = 3;

impl Notes {
    fn text(&mut self, s: &ArticleSummary) {
        let (key, why) = match &s.text {
            TextStatus::Ok => return,
            TextStatus::NoPath | TextStatus::NotGiven => {
                self.no_path.push(s.file.clone());
                return;
            }
            TextStatus::Missing { path } => (
                path.clone(),
                format!(
                    "{}: article text {path} not found (article.path); words and sentences are left out",
                    s.file
                ),
            ),
            TextStatus::Unreadable { path, message } => (
                path.clone(),
                format!("{}: {message}; words and sentences are left out", s.file),
            ),
            TextStatus::Changed { path, why } => (
                path.clone(),
                format!(
                    "{}: the article text {path} changed since it was annotated ({why}), so offsets cannot be trusted; words and sentences are left out (`byline check --fix` re-anchors)",
                    s.file
                ),
            ),
        };
        match self.index.get(&key) {
            Some(&i) => self.by_text[i].2 += 1,
            None => {
                self.index.insert(key.clone(), self.by_text.len());
                self.by_text.push((key, why, 0));
            }
        }
    }

    fn print(&self, report: &dyn Reporter) {
        match self.no_path.len() {
            0 => {}
            1 => report.warning(&format!(
                "{}: no article.path, so the article text is unknown; words and sentences are left out",
                self.no_path[0]
            )),
            n => {
                let shown = if self.verbose { n } else { n.min(NAMED_FILES) };
                let mut names = self.no_path[..shown].join(", ");
                if shown < n {
                    names.push_str(&format!(" and {} more (--verbose lists them)", n - shown));
                }
                report.warning(&format!(
                    "{n} files have no article.path, so their article text is unknown; words and sentences are left out: {names}"
                ));
            }
        }
        for (_, why, more) in &self.by_text {
            match more {
                0 => report.warning(why),
                1 => report.warning(&format!("{why} (and for 1 more file)")),
                n => report.warning(&format!("{why} (and for {n} more files)")),
            }
        }
    }
}

/// The brat output folder: made if missing, as long as the folder it goes
/// in exists (a mistyped path is an error, not a tree of new folders).
fn open_brat_dir(
    dir: &Path,
    events: bool,
    labels: &crate::import::labels::Mapping,
) -> anyhow::Result<()> {
    sink::make_output_folder(dir)?;
    let conf = if events {
        super::interchange::brat_events_conf(labels)
    } else {
        super::interchange::brat_conf(labels)
    };
    sink::write_file(&dir.join("annotation.conf"), conf.as_bytes())
        .with_context(|| format!("{}: cannot write annotation.conf", dir.display()))?;
    sink::write_file(
        &dir.join("visual.conf"),
        super::interchange::BRAT_VISUAL.as_bytes(),
    )
    .with_context(|| format!("{}: cannot write visual.conf", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_paths_lexically() {
        assert_eq!(
            tidy(Path::new("annotations/x/../../articles/a.txt")),
            Path::new("articles/a.txt")
        );
        assert_eq!(tidy(Path::new("../a/./b/..")), Path::new("../a"));
        assert_eq!(tidy(Path::new("a/..")), Path::new("."));
    }
}
