//! Formats rendered file by file in the export's worker threads: the HTML
//! page's article sections and the files other tools read. Each gets a
//! [`Doc`] (the annotator file in full, its text, its reviews) and returns
//! bytes that `collect` copies out in file order.

use super::interchange::{self, Doc};
use super::{ArticleSummary, TextStatus, html};
use byline_model::annotation::AnnotationSet;
use byline_model::review::verdict::Review;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Render {
    Html,
    W3c,
    Jsonl,
    /// `events`: the attribution scheme (`--scheme attribution`).
    Brat {
        events: bool,
    },
    LabelStudio,
    Doccano,
    ClaimsJson,
    VerdictsJson,
    /// `raw`: `--csv-raw`, cells not neutralised.
    VerdictsCsv {
        raw: bool,
    },
}

/// Where the article text of `file` is, as `article.path` says.
pub fn article_path(file: &Path, set: &AnnotationSet) -> Option<PathBuf> {
    let rel = set.article.path.as_deref()?;
    Some(file.parent().unwrap_or(Path::new("")).join(rel))
}

/// Where and with which labels the per-file formats write.
#[derive(Clone, Copy)]
pub struct Writing<'a> {
    /// brat's output folder.
    pub brat_dir: Option<&'a Path>,
    pub labels: &'a crate::import::labels::Mapping,
}

/// Renders one file. `set` is the full parse (ids are assigned here);
/// the text is loaded again only when the summary found it matching.
pub fn render(
    r: Render,
    index: usize,
    file: &Path,
    mut set: AnnotationSet,
    reviews: Vec<Review>,
    summary: &ArticleSummary,
    to: Writing<'_>,
) -> Result<Vec<u8>, String> {
    let Writing { brat_dir, labels } = to;
    set.sort();
    set.assign_ids();
    let text_path = article_path(file, &set);
    let needs_text = !matches!(
        r,
        Render::ClaimsJson | Render::VerdictsJson | Render::VerdictsCsv { .. }
    );
    let article = match (&text_path, &summary.text) {
        (Some(p), TextStatus::Ok) if needs_text => byline_store::article::load(p).ok(),
        _ => None,
    };
    let doc = Doc {
        set,
        article,
        reviews,
        file: file.display().to_string(),
        article_path: text_path.map(|p| super::tidy(&p).display().to_string()),
    };
    match r {
        Render::Html => Ok(html::article_section(index, &doc, summary)),
        Render::W3c => interchange::w3c(&doc),
        Render::Jsonl => interchange::jsonl(&doc),
        Render::LabelStudio => interchange::label_studio(&doc, index, labels),
        Render::Doccano => interchange::doccano(&doc, index, labels),
        Render::ClaimsJson => Ok(interchange::claims_jsonl(&doc)),
        Render::VerdictsJson => Ok(interchange::verdicts_jsonl(&doc)),
        Render::VerdictsCsv { raw } => {
            let mut out = Vec::new();
            {
                let mut w = ::csv::WriterBuilder::new()
                    .terminator(::csv::Terminator::CRLF)
                    .has_headers(false)
                    .from_writer(&mut out);
                for row in interchange::verdict_rows(&doc) {
                    w.write_record(row.iter().map(|c| super::csv::cell(c, raw).into_owned()))
                        .map_err(|e| e.to_string())?;
                }
                w.flush().map_err(|e| e.to_string())?;
            }
            Ok(out)
        }
        Render::Brat { events } => {
            let dir = brat_dir.ok_or("--format brat writes a folder: give it with -o DIR")?;
            let (txt, ann) = if events {
                interchange::brat_events(&doc, labels)?
            } else {
                interchange::brat(&doc, labels)?
            };
            // Names from the file are slugs here, so an id such as
            // `../x` cannot lead out of the folder.
            let article = byline_model::article::slugify(&doc.set.article.id);
            let article = if article.is_empty() {
                "article".into()
            } else {
                article
            };
            let folder = dir.join(article);
            let stem = byline_store::annotator_slug(&doc.set.annotator.name);
            byline_store::sink::write_files_in(
                &folder,
                &[
                    (format!("{stem}.txt"), txt.as_bytes()),
                    (format!("{stem}.ann"), ann.as_bytes()),
                ],
            )
            .map_err(|e| e.to_string())?;
            Ok(Vec::new())
        }
    }
}
