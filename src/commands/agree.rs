//! `byline agree FILE FILE…`: agreement figures for two or more annotators
//! of one article, a whole annotations folder pooled, or each annotator
//! against an adjudicated gold file.

use crate::cli::{AgreeArgs, AgreeFormat};
use crate::output;
use crate::{EXIT_FAILED, EXIT_USAGE};
use byline_model::annotation::AnnotationSet;
use byline_model::review::agree::{self, Coder, Options};
use byline_model::review::team;
use byline_model::sources::{Registry, fold};
use byline_store::agree::{
    AgreeError, Named, annotator_files, article_folders, coder_names, find_article, fresh,
    is_corpus, load_folder, load_sets,
};
use std::path::{Path, PathBuf};

/// `byline agree FILE FILE…`
pub fn run(args: &AgreeArgs) -> anyhow::Result<u8> {
    let registry = registry(args);
    let key = |s: &str| match &registry {
        Some(r) => fold(&r.canonical(s)),
        None => fold(s),
    };
    let opts = Options {
        unit: args.unit.into(),
        paragraphs: args.paragraphs,
        source_key: &key,
    };
    if is_corpus(&args.files) {
        if args.paragraphs.is_some() {
            output::error_text(
                "error: --paragraphs numbers the paragraphs of one article; name that article's files, not a whole annotations folder\n",
            );
            return Ok(EXIT_USAGE);
        }
        return corpus(args, &args.files[0], &opts);
    }
    let named = annotator_files(&args.files)?;
    if let Some(said) = output::skipped(&named.skipped, "reviews, conflict copies") {
        output::error(said);
    }
    let gold = match &args.against {
        None => {
            if let Some(g) = named.gold.first()
                && args.format == AgreeFormat::Text
            {
                output::warning(format_args!(
                    "left out {}, the adjudicated file; `--against gold` scores each annotator against it",
                    g.display()
                ));
            }
            None
        }
        Some(a) => Some(gold_file(a, &named)?),
    };
    let files: Vec<PathBuf> = named
        .files
        .iter()
        .filter(|f| gold.as_ref().is_none_or(|g| !same(f, g)))
        .cloned()
        .collect();
    let need = if gold.is_some() { 1 } else { 2 };
    if files.len() < need {
        output::error_text(&format!(
            "error: agree needs the annotation files of {} of one article (got {})\n\nUsage: byline agree FILE FILE… [--unit char|sentence|span] [--paragraphs A-B] [--against gold|FILE] [--format text|json]\n",
            if need == 1 {
                "one or more annotators"
            } else {
                "two or more annotators"
            },
            files.len()
        ));
        return Ok(EXIT_USAGE);
    }
    let mut all = files.clone();
    all.extend(gold.iter().cloned());
    let sets = load_sets(&all)?;
    let article = find_article(args.article.as_deref(), args.root.as_deref(), &all, &sets)?;
    for (f, s) in all.iter().zip(&sets) {
        fresh(f, s, &article)?;
    }
    let names = coder_names(&files, &sets[..files.len()]);
    if args.format == AgreeFormat::Text {
        say_imported(&names, &sets);
    }
    let coders: Vec<Coder> = names
        .into_iter()
        .zip(&sets)
        .map(|(name, set)| Coder { name, set })
        .collect();
    if let Some(g) = &gold {
        let gold_coder = Coder {
            name: g.display().to_string(),
            set: &sets[files.len()],
        };
        let report = team::against(&article, &gold_coder, &coders, &opts);
        match args.format {
            AgreeFormat::Text => output::print(&team::render_gold_text(&report))?,
            AgreeFormat::Json => output::print_json(&team::render_json(&report))?,
        }
        return Ok(0);
    }
    let report = agree::measure(&article, &coders, &opts);
    match args.format {
        AgreeFormat::Text => output::print(&agree::render_text(&report))?,
        AgreeFormat::Json => output::print_json(&agree::render_json(&report))?,
    }
    Ok(0)
}

/// The sources registry sources are compared through: `--sources`, else
/// the one an export of these files would use. One that cannot be used is
/// said, and agreement runs without it.
fn registry(args: &AgreeArgs) -> Option<Registry> {
    let path = args
        .sources
        .clone()
        .or_else(|| byline_store::sources::find_for(&args.files))?;
    let failed = |message: String| {
        output::error(format_args!("{message}"));
        output::warning(format_args!(
            "ran without the sources registry {}: sources are compared as typed (case, apostrophes and a leading article aside)",
            path.display()
        ));
        None
    };
    match byline_store::sources::load(&path) {
        Ok(Some(r)) => Some(r),
        Ok(None) => failed(format!("{}: no such file (--sources)", path.display())),
        Err(e) => failed(e.to_string()),
    }
}

fn same(a: &Path, b: &Path) -> bool {
    use byline_store::plain::canonical_or_same;
    canonical_or_same(a) == canonical_or_same(b)
}

/// `--against gold`: the gold.toml beside the files; else the file named.
fn gold_file(against: &Path, named: &Named) -> anyhow::Result<PathBuf> {
    if against != Path::new("gold") {
        if !against.is_file() {
            return Err(AgreeError::Missing(against.to_owned()).into());
        }
        return Ok(against.to_owned());
    }
    if let Some(g) = named.gold.first() {
        return Ok(g.clone());
    }
    let folder = named
        .files
        .iter()
        .find_map(|f| f.parent())
        .unwrap_or(Path::new("."));
    let g = folder.join(byline_store::GOLD_FILE);
    if g.is_file() {
        Ok(g)
    } else {
        anyhow::bail!(
            "{}: no gold file for this article; make one with `byline adjudicate ARTICLE`, or name a file with --against FILE",
            g.display()
        )
    }
}

/// Files `byline import` made (FORMAT.md `imported_from`): said once, so
/// figures between people are not taken for figures between imports.
fn say_imported(names: &[String], sets: &[AnnotationSet]) {
    let imported: Vec<String> = names
        .iter()
        .zip(sets)
        .filter_map(|(n, s)| {
            let from = s.annotator.extra.get("imported_from")?.as_str()?;
            Some(format!("{n} (from {})", byline_model::sanitize::text(from)))
        })
        .collect();
    if !imported.is_empty() {
        output::warning(format_args!(
            "imported, not annotated in byline: {}",
            imported.join(", ")
        ));
    }
}

/// `byline agree FOLDER`: every article folder, pooled.
fn corpus(args: &AgreeArgs, root: &Path, opts: &Options) -> anyhow::Result<u8> {
    let against = match &args.against {
        None => false,
        Some(a) if a == Path::new("gold") => true,
        Some(_) => {
            output::error_text(
                "error: over a whole annotations folder, --against takes `gold` (each article folder's gold.toml)\n",
            );
            return Ok(EXIT_USAGE);
        }
    };
    let folders = article_folders(root)?;
    let mut pool = team::Pool::new(opts.unit);
    let mut gold_pool = team::GoldPool::default();
    let mut measured = 0;
    for folder in &folders {
        let id = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let loaded = match load_folder(folder, args.root.as_deref(), against) {
            Ok(l) => l,
            Err(why) => {
                pool.skip(&id, why.clone());
                gold_pool.skip(&id, why);
                continue;
            }
        };
        let (files, sets) = loaded.annotators();
        let names = coder_names(files, sets);
        let coders: Vec<Coder> = names
            .into_iter()
            .zip(&loaded.sets)
            .map(|(name, set)| Coder { name, set })
            .collect();
        measured += 1;
        match loaded.gold {
            Some(g) => {
                let gold = Coder {
                    name: "gold".to_owned(),
                    set: &loaded.sets[g],
                };
                gold_pool.add(&loaded.article, &gold, &coders, opts);
            }
            None => pool.add(&loaded.article, &coders, opts),
        }
    }
    if measured == 0 {
        output::error(format_args!(
            "{}: no article folder here has {}",
            root.display(),
            if against {
                "a gold.toml and an annotator file"
            } else {
                "two annotators' files"
            }
        ));
        return Ok(EXIT_FAILED);
    }
    match (against, args.format) {
        (true, AgreeFormat::Text) => {
            output::print(&team::render_gold_corpus_text(&gold_pool.finish()))?
        }
        (true, AgreeFormat::Json) => output::print_json(&team::render_json(&gold_pool.finish()))?,
        (false, AgreeFormat::Text) => output::print(&team::render_corpus_text(&pool.finish()))?,
        (false, AgreeFormat::Json) => output::print_json(&team::render_json(&pool.finish()))?,
    }
    Ok(0)
}
