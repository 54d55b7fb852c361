//! `byline check ANNOTATION… [--article PATH] [--fix]`: prints each claim
//! `ok`, `moved` or `needs-review`; exit 1 when some need review.

use crate::cli::{CheckArgs, CheckFormat};
use crate::output;
use byline_store::check::{check_files, render_text};
use byline_store::files::{self, FileKind};
use std::path::PathBuf;

/// Runs `byline check`. Exit 0 when every claim is ok or moved, 1 when some
/// need review or a file could not be checked.
pub fn run(args: &CheckArgs) -> anyhow::Result<u8> {
    // Reviews, conflict copies and locks hold no claims to check (a shell
    // glob `folder/*.toml` names them too): one note, like export.
    let (checked, skipped): (Vec<PathBuf>, Vec<PathBuf>) =
        args.files.iter().cloned().partition(|f| {
            !matches!(
                files::classify(f),
                FileKind::Review | FileKind::Conflict | FileKind::Bookkeeping
            ) || !f.is_file()
        });
    if let Some(said) = output::skipped(&skipped, "reviews, conflict copies, locks, backups") {
        output::warning(said);
    }
    let report = check_files(
        &checked,
        args.article.as_deref(),
        args.root.as_deref(),
        args.fix,
    );
    let printed = match args.format {
        CheckFormat::Json => {
            output::print_json(&format!("{}\n", serde_json::to_string_pretty(&report)?))
        }
        CheckFormat::Text => output::print(&render_text(&report)),
    };
    match printed {
        // The reader stopped listening; the exit code still tells the truth.
        Err(e) if e.0.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    for f in &report.files {
        if let Some(e) = &f.error {
            output::error(e);
        }
    }
    let failed = report.files.iter().any(|f| f.error.is_some());
    Ok(if failed || report.totals.needs_review > 0 {
        crate::EXIT_FAILED
    } else {
        0
    })
}
