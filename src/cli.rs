//! The command line (clap derive). Each subcommand maps to one entry in
//! `lib.rs`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "Annotate news writing claim by claim: sourced, anonymous or editorial",
    long_about = None,
)]
pub struct Cli {
    /// Your config file (keys) [default: $XDG_CONFIG_HOME/byline/config.toml, else ~/.config/byline/config.toml]
    #[arg(long, global = true, value_name = "FILE", env = "BYLINE_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open an article and mark its claims with the keyboard
    Annotate(AnnotateArgs),
    /// Measure how far two or more annotators of one article agree
    Agree(AgreeArgs),
    /// Go through a colleague's claims: agree, dispute, or copy them
    Review(ReviewArgs),
    /// Merge the annotators of one article into a gold file: what a majority agrees on at once, the rest on screen
    Adjudicate(AdjudicateArgs),
    /// Summarise annotations of one article or a whole corpus
    Export(ExportArgs),
    /// Check annotation files against their article: ok, moved or needs review
    Check(CheckArgs),
    /// Turn W3C, brat or JSONL annotations from other tools into byline files
    Import(ImportArgs),
    /// List every screen's actions and their keys (with your config applied)
    Keys(KeysArgs),
    /// Print what byline sees in an article: its numbered paragraphs, title, metadata and sha256
    Text(TextArgs),
    /// Print the claims byline would suggest for an article (attributions and loaded language)
    Suggest(SuggestArgs),
    /// List every source the corpus cites, grouped by the sources registry (sources.toml), with counts
    Sources(SourcesArgs),
}

/// Output of `byline text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// The article: .txt, .md, .html or .htm
    pub article: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextFormat,
}

/// Output of `byline suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SuggestFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Articles (.txt, .md, .html or .htm; a file named is read as plain
    /// text whatever its ending) or folders of them, searched recursively
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// text, or json: one article's object for one file, JSON Lines of
    /// those objects for several
    #[arg(long, value_enum, default_value = "text")]
    pub format: SuggestFormat,
    /// The language pack to read the articles with (en, de); default: the
    /// page's <html lang>, else English
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Folder that holds `<article-id>/<annotator>.toml`
    #[arg(long, value_name = "DIR", default_value = "annotations")]
    pub annotations: PathBuf,
    /// The sources registry [default: sources.toml in the folder that holds the annotations folder]
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// text for people, json for tools (keys in docs/export.md)
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextFormat,
}

/// Output of `byline keys`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeysFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct KeysArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: KeysFormat,
}

/// Where annotation files live and who is annotating.
#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// Folder that holds `<article-id>/<annotator>.toml`
    #[arg(long, value_name = "DIR", default_value = "annotations")]
    pub annotations: PathBuf,
    /// Your name as annotator [default: $BYLINE_ANNOTATOR, else `git config user.name`, else $USER]
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
}

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// One article (.txt, .md, .html, .htm; anything else is read as plain text), or folders and several articles for the article list
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Do not suggest claims (also `[suggest] enabled = false` in the config)
    #[arg(long)]
    pub no_suggest: bool,
}

/// What one unit of agreement is (the model's `Unit`, as clap shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    /// Every character of every paragraph.
    Char,
    /// Every sentence (UAX #29), labelled with the kind that covers more
    /// than half of its characters, else `none`.
    Sentence,
    /// Claim spans themselves: Krippendorff's unitizing alpha per kind over
    /// the article as one continuum of characters.
    Span,
}

impl From<UnitArg> for byline_model::review::agree::Unit {
    fn from(u: UnitArg) -> Self {
        use byline_model::review::agree::Unit;
        match u {
            UnitArg::Char => Unit::Char,
            UnitArg::Sentence => Unit::Sentence,
            UnitArg::Span => Unit::Span,
        }
    }
}

/// Output of `byline agree`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreeFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AgreeArgs {
    /// Annotation files of one article, two or more (a folder stands for the annotator files in it; an annotations folder of article folders compares every article and pools them)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Compare only these paragraphs, `1-11` or `4` [default: the paragraphs every annotator worked on: up to where each stopped, all when done]
    #[arg(long, value_name = "A-B", value_parser = parse_paragraphs)]
    pub paragraphs: Option<(usize, usize)>,
    /// Score each annotator against an adjudicated file: `gold` for the article folder's gold.toml (`byline adjudicate`), or a file
    #[arg(long, value_name = "gold|FILE")]
    pub against: Option<PathBuf>,
    /// The sources registry sources are compared through (aliases are one source) [default: the first sources.toml in a folder named, or up to two folders above it]
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// What one unit of agreement is: a character; a sentence, labelled by the kind covering most of it; or the claim spans themselves (Krippendorff's unitizing alpha per kind)
    #[arg(long, value_enum, default_value = "char")]
    pub unit: UnitArg,
    #[arg(long, value_enum, default_value = "text")]
    pub format: AgreeFormat,
    /// The article [default: `article.path` of the first file]
    #[arg(long, value_name = "PATH")]
    pub article: Option<PathBuf>,
    /// Folder whose files an annotation file's `article.path` may lead to [default: the folder above its annotations folder] (see docs/security.md)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// `1-11`, `1–11` or `4`: 1-based paragraph numbers, first not after last.
fn parse_paragraphs(s: &str) -> Result<(usize, usize), String> {
    let num = |t: &str| {
        t.trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("{t:?} is not a paragraph number (they start at 1)"))
    };
    let (a, b) = match s.split_once(['-', '–']) {
        Some((a, b)) => (num(a)?, num(b)?),
        None => {
            let n = num(s)?;
            (n, n)
        }
    };
    if a > b {
        return Err(format!("{a}-{b} ends before it starts"));
    }
    Ok((a, b))
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The article: .txt, .md, .html or .htm
    pub article: PathBuf,
    /// The colleague's annotation file (never modified)
    #[arg(long, value_name = "FILE")]
    pub theirs: PathBuf,
    /// Your own annotation file, to compare side by side [copies go to `<annotations>/<article-id>/<you>.toml` without it]
    #[arg(long, value_name = "FILE")]
    pub mine: Option<PathBuf>,
    /// `--annotator` names you, the reviewer
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct AdjudicateArgs {
    /// The article: .txt, .md, .html or .htm
    pub article: PathBuf,
    /// How many annotators must mark a claim (same kind, overlapping spans) for it to go to gold at once [default: a majority, n/2+1 of n]
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_agree: Option<u64>,
    /// The annotator files to compare [default: every annotator file in `<annotations>/<article-id>/` but gold.toml]
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub files: Option<Vec<PathBuf>>,
    /// `--annotator` names you, the adjudicator; the gold file is `<annotations>/<article-id>/gold.toml`
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output of `byline export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A report for people
    Markdown,
    /// One object for tools (keys in docs/export.md)
    Json,
    /// One row per article (per claim with --claims)
    Csv,
    /// One self-contained page: charts, and every claim highlighted in its text
    Html,
    /// W3C Web Annotation JSON-LD, one Annotation a line
    W3c,
    /// brat standoff: a folder (-o DIR) of .txt and .ann files
    Brat,
    /// One line per article: {"text", "spans", "meta"} as spaCy and Prodigy read it
    Jsonl,
    /// Label Studio's JSON export: one text task per annotation file
    LabelStudio,
    /// doccano JSON Lines: one document per annotation file, with `entities`
    Doccano,
}

/// How `--format brat` writes claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BratScheme {
    /// One labelled span per claim (Sourced, Anonymous, Editorial)
    Spans,
    /// The attribution scheme: Source, Cue and Content spans tied by an Attribution event
    Attribution,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Annotation files, or folders searched recursively
    #[arg(value_name = "PATH", default_value = "annotations")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --format csv: one row per claim instead of one per article; with --format json: JSON Lines, one claim a line
    #[arg(long, conflicts_with = "verdicts")]
    pub claims: bool,
    /// Folder whose files an annotation file's `article.path` may lead to [default: the folder above its annotations folder] (see docs/security.md)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// With --format csv or json: colleagues' verdicts on the claims, one a row (JSON Lines for json)
    #[arg(long)]
    pub verdicts: bool,
    /// List every file a warning concerns, not just the first few
    #[arg(long)]
    pub verbose: bool,
    /// CSV cells exactly as the files hold them; by default a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' (see docs/export.md)
    #[arg(long)]
    pub csv_raw: bool,
    /// With --format brat: one span per claim, or the attribution scheme's events
    #[arg(long, value_enum, default_value = "spans")]
    pub scheme: BratScheme,
    /// The sources registry to count sources by [default: the first sources.toml in a folder named, or up to two folders above it]
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// Export each article's adjudicated gold.toml alone (`byline adjudicate`), not the annotators' files; without it, gold files in a folder are left out (their claims are the annotators' again) and a gold file named is exported like any other
    #[arg(long)]
    pub gold: bool,
    /// With --format brat, label-studio or doccano: the labels written
    #[command(flatten)]
    pub labels: LabelArgs,
}

/// Output of `byline check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Annotator files to check
    #[arg(required = true, value_name = "ANNOTATION")]
    pub files: Vec<PathBuf>,
    /// The article [default: each file's `article.path`]
    #[arg(long, value_name = "PATH")]
    pub article: Option<PathBuf>,
    /// Folder whose files an annotation file's `article.path` may lead to [default: the folder above its annotations folder] (see docs/security.md)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Write the moved claims' new places and mark the rest `needs-review` (nothing is dropped)
    #[arg(long)]
    pub fix: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
}

/// What `byline import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// W3C Web Annotation JSON-LD: an AnnotationCollection, a list, or one Annotation a line
    W3c,
    /// brat standoff `.ann` files (the `.txt` beside each is the text)
    Brat,
    /// spaCy/Prodigy JSON Lines: {"text", "spans": [{"start", "end", "label"}], "meta"}
    Jsonl,
    /// Label Studio's JSON export of text tasks with `labels` results
    LabelStudio,
    /// doccano JSON Lines: {"text", "label": [[start, end, "LABEL"]]} or {"text", "entities": […]}
    Doccano,
}

/// How another tool's labels read: `--labels NAME|FILE` and `--label KEY=VALUE`.
#[derive(Debug, Args)]
pub struct LabelArgs {
    /// A label mapping: a shipped one by name (byline, parc) or a TOML file [default: byline]
    #[arg(long, value_name = "NAME|FILE")]
    pub labels: Option<String>,
    /// One mapping entry, on top of --labels: `Quote=sourced`, `events.Attribution=attribution`, `roles.Speaker=source`, `attributes.Unsure=needs-review` (repeatable)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import (for brat, the `.ann` files or folders holding them)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum)]
    pub from: ImportFormat,
    /// The article the annotations point into [default: the text in the file (jsonl, brat); needed for w3c]
    #[arg(long, value_name = "PATH")]
    pub article: Option<PathBuf>,
    /// Folder that gets `<article-id>/<annotator>.toml`
    #[arg(long, value_name = "DIR", default_value = "annotations")]
    pub annotations: PathBuf,
    /// The annotator's name [default: the name in the file, else the file name]
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// At most this many annotators from one file (each becomes a file)
    #[arg(long, value_name = "N", default_value_t = byline_formats::import::MAX_ANNOTATORS)]
    pub max_annotators: usize,
    #[command(flatten)]
    pub labels: LabelArgs,
    /// Labels the mapping does not know refuse the file (by default they are left out and listed once)
    #[arg(long)]
    pub strict: bool,
    /// Replace an annotator's existing file instead of refusing
    #[arg(long)]
    pub force: bool,
    /// brat: the folder holding the texts when they are not beside the .ann files
    #[arg(long, value_name = "DIR")]
    pub text: Option<PathBuf>,
}
