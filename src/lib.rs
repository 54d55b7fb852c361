//! byline: annotate news writing claim by claim.
//!
//! The binary is the top layer: the command line, one file per command,
//! the user's config, and the only place that prints or picks an exit
//! code. Data flows one way through the crates below it:
//! `byline-model` ← `byline-store`, `byline-suggest` ← `byline-formats` ←
//! `byline-tui` ← here. Only `byline-store` touches the disk.

pub mod cli;
pub mod commands;
pub mod config;
pub mod output;
#[cfg(any(debug_assertions, feature = "failpoints"))]
mod save_loop;

use clap::Parser;
use std::ffi::OsString;
use std::process::ExitCode;

/// Exit codes from PRODUCT.md.
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Parses the command line and runs the command. Errors are printed as one
/// readable line each, never as a `Debug` dump.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    #[cfg(any(debug_assertions, feature = "failpoints"))]
    if let Some(code) = save_loop::run_if_asked(&args) {
        return code;
    }
    byline_tui::runtime::set_farewell(byline_tui::runtime::Farewell {
        say: |line| output::error(line),
        failed_code: EXIT_FAILED,
    });
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`byline check | head -1`) is the reader saying
        // "enough", not a failure worth a word.
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(format_args!("{e:#}"));
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Runs one parsed command; `Ok` carries the exit code.
pub fn run(cli: cli::Cli) -> anyhow::Result<u8> {
    let config = || config::Config::load(cli.config.as_deref());
    match &cli.command {
        cli::Command::Annotate(args) => {
            let c = config()?;
            commands::annotate::run(args, c.keys, &c.suggest)
        }
        cli::Command::Agree(args) => commands::agree::run(args),
        cli::Command::Review(args) => commands::review::run(args, config()?.keys),
        cli::Command::Adjudicate(args) => commands::adjudicate::run(args, config()?.keys),
        cli::Command::Export(args) => commands::export::run(args),
        cli::Command::Check(args) => commands::check::run(args),
        cli::Command::Keys(args) => commands::keys::run(args, &config()?.keys),
        cli::Command::Text(args) => commands::text::run(args),
        cli::Command::Import(args) => commands::import::run(args),
        cli::Command::Suggest(args) => commands::suggest::run(args, &config()?.suggest),
        cli::Command::Sources(args) => commands::sources::run(args),
    }
}
