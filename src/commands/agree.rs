//! `byline agree FILE FILE…`: agreement figures for two or more annotators
//! of one article.

use crate::EXIT_USAGE;
use crate::cli::{AgreeArgs, AgreeFormat};
use crate::output;
use byline_model::review::agree;
use byline_store::agree::{AgreeError, annotator_files, coder_names, find_article, load_sets};

/// `byline agree FILE FILE…`
pub fn run(args: &AgreeArgs) -> anyhow::Result<u8> {
    let (files, skipped) = annotator_files(&args.files)?;
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().map(|p| p.display().to_string()).collect();
        output::error(format_args!(
            "skipped {} file(s) that are not annotator files (reviews, conflict copies): {}",
            skipped.len(),
            names.join(", ")
        ));
    }
    if files.len() < 2 {
        output::error_text(&format!(
            "error: agree needs the annotation files of two or more annotators of one article (got {})\n\nUsage: byline agree FILE FILE… [--unit char|sentence|span] [--format text|json]\n",
            files.len()
        ));
        return Ok(EXIT_USAGE);
    }
    let sets = load_sets(&files)?;
    let article = find_article(args.article.as_deref(), args.root.as_deref(), &files, &sets)?;
    for (f, s) in files.iter().zip(&sets) {
        if s.article.sha256 != article.sha256() {
            return Err(AgreeError::Stale {
                file: f.clone(),
                article: article.path.clone(),
                file_sha: s.article.sha256.clone(),
                disk_sha: article.sha256().to_owned(),
            }
            .into());
        }
    }
    let names = coder_names(&files, &sets);
    // Files `byline import` made (FORMAT.md `imported_from`): said once,
    // so figures between people are not taken for figures between imports.
    let imported: Vec<String> = names
        .iter()
        .zip(&sets)
        .filter_map(|(n, s)| {
            let from = s.annotator.extra.get("imported_from")?.as_str()?;
            Some(format!("{n} (from {})", byline_model::sanitize::text(from)))
        })
        .collect();
    if !imported.is_empty() && args.format == AgreeFormat::Text {
        output::warning(format_args!(
            "imported, not annotated in byline: {}",
            imported.join(", ")
        ));
    }
    let coders: Vec<agree::Coder> = names
        .into_iter()
        .zip(&sets)
        .map(|(name, set)| agree::Coder { name, set })
        .collect();
    let report = agree::measure(&article, &coders, args.unit.into());
    match args.format {
        AgreeFormat::Text => output::print(&agree::render_text(&report))?,
        AgreeFormat::Json => output::print_json(&agree::render_json(&report))?,
    }
    Ok(0)
}
