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
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open an article and mark its claims with the keyboard
    Annotate(AnnotateArgs),
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
    /// The article: .txt or .md (anything else is read as plain text)
    pub article: PathBuf,
    #[command(flatten)]
    pub store: StoreArgs,
}
